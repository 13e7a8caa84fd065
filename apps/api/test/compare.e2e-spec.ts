import { jest } from '@jest/globals';
import { createOrganization, registerModerator, registerUser, type Client } from './support/graphql.js';
import { createSearchDb, draft, moderatorFor, privateMeili, publish, searchPrefix, startSearchApp, type ListingSpec, type SearchApp, type SearchDb } from './support/search.js';

// compareListings: the storefront's side-by-side view of 2–5 published offers (or demands).

jest.setTimeout(120_000);

const COMPARE = `query($ids: [ID!]!) {
  compareListings(ids: $ids) {
    listing { id title trl ipStatus transferModes price { min max currency negotiable } province { code name } organization { id name verified } }
    organizationKind organizationKindLabel organizationVerified
    trl trlLabel priceLabel comparablePrice ipStatusLabel transferModeLabels
    bestIn bestInLabels
  }
}`;

interface Compared {
  listing: { id: string; title: string; trl: number | null; organization: { id: string; verified: boolean } };
  organizationKind: string;
  organizationKindLabel: string;
  organizationVerified: boolean;
  trl: number | null;
  trlLabel: string | null;
  priceLabel: string;
  comparablePrice: number | null;
  ipStatusLabel: string | null;
  transferModeLabels: string[];
  bestIn: string[];
  bestInLabels: string[];
}

let db: SearchDb;
let s: SearchApp;
let meili: Awaited<ReturnType<typeof privateMeili>>;
let owner: Client;
const L: Record<string, string> = {};

const offer = (organizationId: string, over: Partial<ListingSpec>): ListingSpec => ({
  kind: 'OFFER',
  organizationId,
  title: 'Máy sấy bơm nhiệt cho nông sản',
  fieldCodes: ['407'],
  keywords: ['sấy bơm nhiệt'],
  provinceCode: 'can-tho',
  ...over,
});

beforeAll(async () => {
  meili = await privateMeili();
  db = await createSearchDb();
  s = await startSearchApp(db, searchPrefix(), { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
  const m = await moderatorFor(s.base)();
  owner = (await registerUser(s.base, 'Chủ tin')).client;
  const university = await createOrganization(owner, { name: 'Trường Đại học Cần Thơ (thử)', kind: 'UNIVERSITY', provinceCode: 'can-tho' });
  const company = await createOrganization(owner, { name: 'Công ty Cơ khí Sấy Việt (thử)', kind: 'ENTERPRISE', provinceCode: 'dong-thap' });
  const verifier = (await registerModerator(s.base, [])).client;
  await verifier.ok(`mutation($id: ID!) { verifyOrganization(id: $id) { verified } }`, { id: university.id });

  L.a = await publish(owner, m, offer(university.id, { title: 'Máy sấy bơm nhiệt 500 kg/mẻ', trl: 8, priceMin: 1_500_000_000, priceMax: 2_500_000_000, transferModes: ['LICENSING', 'TURNKEY', 'TECHNICAL_SERVICE'] }));
  L.b = await publish(owner, m, offer(company.id, { title: 'Máy sấy bơm nhiệt mini 100 kg/mẻ', trl: 6, priceMin: 450_000_000, priceMax: 450_000_000, negotiable: false, transferModes: ['EQUIPMENT_SUPPLY'] }));
  L.c = await publish(owner, m, offer(company.id, { title: 'Máy sấy bơm nhiệt giá thỏa thuận', trl: null, transferModes: ['EQUIPMENT_SUPPLY', 'CONSULTING'] }));
  L.demand = await publish(owner, m, { kind: 'DEMAND', organizationId: company.id, title: 'Cần máy sấy trái cây không ám khói', priceMax: 800_000_000, provinceCode: 'dong-thap' });
  L.demand2 = await publish(owner, m, { kind: 'DEMAND', organizationId: company.id, title: 'Cần kho lạnh bảo quản thanh long', priceMax: 2_000_000_000, trl: 5, provinceCode: 'dong-thap' });
  L.draft = await draft(owner, offer(company.id, { title: 'Máy sấy bơm nhiệt (bản nháp)' }));
  L.archived = await publish(owner, m, offer(company.id, { title: 'Máy sấy bơm nhiệt (đã lưu trữ)' }));
  await owner.ok(`mutation($id: ID!) { archiveListing(id: $id) { status } }`, { id: L.archived });
  await s.t.settle();
}, 180_000);

afterAll(async () => {
  await s?.close();
  await meili?.dispose();
  await db?.drop();
});

async function compare(client: Client, ids: string[]): Promise<Compared[]> {
  return (await client.ok<{ compareListings: Compared[] }>(COMPARE, { ids })).compareListings;
}

describe('compareListings', () => {
  it('puts offers side by side, in the order given, with what a buyer weighs and where each stands out', async () => {
    const [a, b, c] = await compare(s.base, [L.a, L.b, L.c]);
    expect([a, b, c].map((x) => x.listing.id)).toEqual([L.a, L.b, L.c]);

    expect(a.organizationKind).toBe('UNIVERSITY');
    expect(a.organizationKindLabel).toBe('Trường đại học');
    expect(a.organizationVerified).toBe(true);
    expect(b.organizationVerified).toBe(false);
    expect(a.trlLabel).toBe('TRL 8 – Hệ thống hoàn chỉnh, đã được kiểm định');
    expect(c.trl).toBeNull();
    expect(c.trlLabel).toBeNull();
    expect(a.priceLabel).toBe('1,5 – 2,5 tỷ đồng (có thể thương lượng)');
    expect(b.priceLabel).toBe('450 triệu đồng');
    expect(c.priceLabel).toBe('Giá thỏa thuận');
    expect([a.comparablePrice, b.comparablePrice, c.comparablePrice]).toEqual([1_500_000_000, 450_000_000, null]);
    expect(a.transferModeLabels).toEqual(['Chuyển giao quyền sử dụng (li-xăng)', 'Chìa khóa trao tay', 'Dịch vụ kỹ thuật']);

    expect(a.bestIn).toEqual(['HIGHEST_TRL', 'MOST_TRANSFER_MODES', 'VERIFIED_ORGANIZATION']);
    expect(b.bestIn).toEqual(['LOWEST_PRICE']);
    expect(c.bestIn).toEqual([]);
    expect(b.bestInLabels).toEqual(['Giá thấp nhất']);
  });

  it('answers in English for an English reader', async () => {
    const [a, b, c] = await compare(s.base.inLang('en'), [L.a, L.b, L.c]);
    expect(a.priceLabel).toBe('VND 1.5–2.5 billion (negotiable)');
    expect(b.priceLabel).toBe('VND 450 million');
    expect(c.priceLabel).toBe('Price on request');
    expect(a.organizationKindLabel).toBe('University');
    expect(a.trlLabel).toBe('TRL 8 – System complete and qualified');
    expect(a.bestInLabels).toEqual(['Highest readiness (TRL)', 'Most transfer modes', 'Verified organisation']);
  });

  it('compares demands by budget and minimum TRL', async () => {
    const [d1, d2] = await compare(s.base, [L.demand, L.demand2]);
    expect(d1.priceLabel).toBe('Ngân sách đến 800 triệu đồng (có thể thương lượng)');
    expect(d2.bestIn).toContain('LARGEST_BUDGET');
    expect(d1.bestIn).not.toContain('LARGEST_BUDGET');
  });

  it('refuses fewer than 2 or more than 5, duplicates, unknown, unpublished and mixed ids, naming `ids`', async () => {
    const refused = async (ids: string[], client = s.base) => {
      const e = await client.error(COMPARE, { ids });
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(e.fields ?? {})).toEqual(['ids']);
      return e.fields!.ids;
    };
    expect(await refused([L.a])).toBe('Chọn từ 2 đến 5 tin để so sánh.');
    expect(await refused([L.a], s.base.inLang('en'))).toBe('Choose between 2 and 5 listings to compare.');
    await refused([L.a, L.b, L.c, L.demand, L.demand2, L.draft]);
    await refused([L.a, L.a]);
    expect(await refused([L.a, '00000000-0000-4000-8000-000000000000'])).toContain('00000000-0000-4000-8000-000000000000');
    await refused([L.a, 'not-an-id']);
    // a draft and an archived listing are not public, even to their owner
    expect(await refused([L.a, L.draft], owner)).toContain(L.draft);
    expect(await refused([L.a, L.archived], owner)).toContain(L.archived);
    expect(await refused([L.a, L.demand])).toBe('Chỉ so sánh các công nghệ với nhau, hoặc các nhu cầu với nhau.');
  });
});
