import { describe, expect, it } from '@jest/globals';
import { toListingDocument, type ListingSource } from '../search/listing-document.js';
import { sharedTerms } from './explanations.js';
import { termVector } from './listing-features.js';

function listing(over: Partial<ListingSource>): ReturnType<typeof toListingDocument> {
  return toListingDocument({
    id: 'x',
    kind: 'OFFER',
    slug: 'x',
    title: '',
    summary: '',
    description: '',
    keywords: [],
    fieldCodes: ['4'],
    organization: { id: 'org', name: 'Viện Cơ điện', kind: 'RESEARCH_INSTITUTE', verified: true },
    provinceCode: 'ha-noi',
    transferModes: ['LICENSING'],
    ipStatus: null,
    trl: null,
    priceMin: null,
    priceMax: null,
    negotiable: false,
    language: 'vi',
    publishedAt: new Date('2025-01-01T00:00:00Z'),
    ...over,
  });
}

describe('the shared keywords a match names', () => {
  it('names shared phrases and whole words, not a lone syllable or a unit', () => {
    const demand = listing({ kind: 'DEMAND', title: 'Cần máy sấy bơm nhiệt cho gừng, 200 kg mỗi mẻ', summary: 'Cần hỗ trợ lắp đặt và bảo hành sau bán hàng.' });
    const offer = listing({ title: 'Máy sấy bơm nhiệt buồng kín cho gừng, 200 kg/mẻ', summary: 'Hỗ trợ kỹ thuật sau bán hàng; lắp đặt tại xưởng.' });
    const terms = sharedTerms(termVector(demand), offer);
    expect(terms.length).toBeGreaterThan(0);
    // phrases as the offer spells them ("bơm nhiệt", "máy sấy", "lắp đặt"…)
    expect(terms.every((t) => t.includes(' '))).toBe(true);
    expect(terms.some((t) => /máy sấy|bơm nhiệt/i.test(t))).toBe(true);
    for (const lone of ['kg', 'hỗ', 'sau', 'máy', 'mẻ']) expect(terms).not.toContain(lone);
  });

  it('names neither the lone syllables nor the gloss’s alternatives of a match that shares little', () => {
    // before: "máy", "hỗ trợ", "machine machinery" (the gloss writes both English words for "máy")
    const demand = listing({ kind: 'DEMAND', title: 'Cần máy cắt cỏ cho trang trại', summary: 'Cần hỗ trợ sau khi mua máy.' });
    const offer = listing({ title: 'Máy xay bột mịn', summary: 'Hỗ trợ kỹ thuật sau bán hàng; máy chạy điện.' });
    const terms = sharedTerms(termVector(demand), offer);
    expect(terms).toEqual(['hỗ trợ']);
  });

  it('names the gloss’s words only when the two listings are in different languages', () => {
    const demand = listing({ kind: 'DEMAND', language: 'en', title: 'Need a heat pump dryer for ginger', summary: 'Ginger slices, dried at low temperature.' });
    const offer = listing({ title: 'Máy sấy bơm nhiệt cho gừng', summary: 'Sấy gừng lát ở nhiệt độ thấp.' });
    expect(sharedTerms(termVector(demand), offer, true).some((t) => /heat pump|dryer|ginger/i.test(t))).toBe(true);
    expect(sharedTerms(termVector(demand), offer, false).every((t) => !/heat|pump|dryer|ginger/i.test(t))).toBe(true);
  });

  it('names a whole English word', () => {
    // before: "kg", "dryer", "batch"
    const demand = listing({ kind: 'DEMAND', language: 'en', title: 'Need a dryer for ginger, 200 kg a batch', summary: 'Drying ginger slices, 200 kg.' });
    const offer = listing({ language: 'en', title: 'Heat pump dryer, 200 kg per batch', summary: 'Drying herbs and spices, 200 kg.' });
    const terms = sharedTerms(termVector(demand), offer);
    expect(terms).toContain('dryer');
    expect(terms).not.toContain('kg');
  });
});
