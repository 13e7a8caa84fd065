import { toListingDocument, type ListingSource } from '../../search/listing-document.js';
import { NEUTRAL_PRIORITY, meetingPriorities, pairScore } from './meeting-priority.js';

function listing(id: string, kind: 'OFFER' | 'DEMAND', title: string, summary: string, keywords: string[], fieldCodes: string[]) {
  const src: ListingSource = {
    id,
    kind,
    slug: id,
    title,
    summary,
    description: summary,
    keywords,
    fieldCodes,
    organization: { id: `org-${id}`, name: 'Đơn vị', kind: 'ENTERPRISE', verified: true },
    provinceCode: 'da-nang',
    transferModes: ['EQUIPMENT_SUPPLY'],
    ipStatus: null,
    trl: 7,
    priceMin: null,
    priceMax: null,
    negotiable: true,
    language: 'vi',
    publishedAt: new Date('2031-01-01T00:00:00Z'),
  };
  return toListingDocument(src);
}

const dragonFruit = listing('d1', 'DEMAND', 'Giữ thanh long tươi lâu khi xuất khẩu', 'Trái thanh long bị hư sau 2 tuần, cần giữ 30 ngày.', ['thanh long', 'bảo quản'], ['407']);
const coldStore = listing('o1', 'OFFER', 'Kho lạnh CA bảo quản thanh long xuất khẩu', 'Kho lạnh khí quyển điều chỉnh giữ thanh long 35 ngày.', ['kho lạnh', 'thanh long'], ['407']);
const erp = listing('o2', 'OFFER', 'Phần mềm ERP cho doanh nghiệp may mặc', 'Quản lý đơn hàng, kho vải và tiền lương cho xưởng may.', ['ERP', 'may mặc'], ['102']);

describe('meeting priority (the matching engine’s score of the two sides)', () => {
  it('scores an offer–demand pair that matches above one that does not, whichever side requested', () => {
    const good = pairScore([dragonFruit], [coldStore])!;
    const poor = pairScore([dragonFruit], [erp]) ?? 0;
    expect(good).toBeGreaterThan(poor);
    expect(pairScore([coldStore], [dragonFruit])).toBe(good);
  });

  it('is neutral when the two sides bring no offer–demand pair', () => {
    expect(pairScore([coldStore], [erp])).toBeNull();
    const p = meetingPriorities(
      [
        { id: 'm1', fromRegistrationId: 'a', toRegistrationId: 'b' },
        { id: 'm2', fromRegistrationId: 'b', toRegistrationId: 'c' },
        { id: 'm3', fromRegistrationId: 'c', toRegistrationId: 'a' },
      ],
      new Map([
        ['a', [dragonFruit]],
        ['b', [coldStore]],
        ['c', [erp]],
      ]),
    );
    expect(p.get('m1')).toBe(pairScore([dragonFruit], [coldStore]));
    expect(p.get('m2')).toBe(NEUTRAL_PRIORITY); // two offers
    expect(p.get('m3')).toBe(pairScore([erp], [dragonFruit]) ?? NEUTRAL_PRIORITY);
  });
});
