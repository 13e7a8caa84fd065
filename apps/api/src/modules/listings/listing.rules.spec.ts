import { assessQuality, canRenew, DAY_MS, DUPLICATE_SIMILARITY, isExpired, isListedPublicly, QUALITY_RULES, titleSimilarity } from './listing.rules.js';
import { detectLanguage } from '../text/index.js';
import type { ListingContent } from './listing.entity.js';

const complete: ListingContent = {
  title: 'Công nghệ sấy lạnh nông sản bằng bơm nhiệt',
  summary: 'Máy sấy lạnh bơm nhiệt cho trái cây và dược liệu, giữ màu và dưỡng chất, tiết kiệm điện.',
  description: 'x'.repeat(300),
  specification: 'Công suất 500 kg/mẻ',
  advantages: 'Tiết kiệm điện',
  mediaUrls: ['https://example.vn/a.jpg'],
  fieldCodes: ['407'],
  keywords: ['sấy lạnh', 'bơm nhiệt', 'nông sản'],
  trl: 7,
  transferModes: ['TURNKEY'],
  ipStatus: 'KNOW_HOW',
  priceMin: 1,
  priceMax: 2,
  currency: 'VND',
  negotiable: true,
  provinceCode: 'can-tho',
  language: 'vi',
};

describe('quality score', () => {
  it('gives a complete offer 100 and no hints', () => {
    expect(assessQuality('OFFER', complete)).toEqual({ score: 100, hints: [] });
  });

  it('subtracts each applicable penalty and never goes below 0', () => {
    const q = assessQuality('OFFER', { ...complete, specification: '  ', keywords: ['a'], trl: null });
    expect(q.hints.map((h) => h.code)).toEqual(['NO_SPECIFICATION', 'FEW_KEYWORDS', 'NO_TRL']);
    expect(q.score).toBe(100 - 20 - 5 - 15);
    const bare = assessQuality('OFFER', { ...complete, description: 'ngắn', specification: null, advantages: null, mediaUrls: [], keywords: [], trl: null, priceMin: null, priceMax: null, fieldCodes: [], transferModes: [], ipStatus: null, summary: 'ngắn' });
    expect(bare.score).toBe(0);
  });

  it('counts pictures and documents attached to the listing as media, beside its links', () => {
    expect(assessQuality('OFFER', { ...complete, mediaUrls: [] }).hints.map((h) => h.code)).toEqual(['NO_MEDIA']);
    expect(assessQuality('OFFER', { ...complete, mediaUrls: [] }, 1)).toEqual({ score: 100, hints: [] });
  });

  it('does not ask demands for offer-only details', () => {
    const q = assessQuality('DEMAND', { ...complete, specification: null, advantages: null, mediaUrls: [], ipStatus: null });
    expect(q).toEqual({ score: 100, hints: [] });
  });

  it('has a label in both languages for every rule', () => {
    for (const r of QUALITY_RULES) expect(r.label.vi && r.label.en).toBeTruthy();
  });
});

describe('language detection', () => {
  it('tells Vietnamese from English, with or without many diacritics', () => {
    expect(detectLanguage('Máy sấy lạnh nông sản bằng bơm nhiệt')).toBe('vi');
    expect(detectLanguage('Solar-powered cold storage for smallholder farms')).toBe('en');
    // Vietnamese typed without marks is Vietnamese
    expect(detectLanguage('May say lanh nong san tiet kiem nang luong\nHe thong say lanh bom nhiet cho trai cay, rau cu, giu mau va vi chat.')).toBe('vi');
    expect(detectLanguage('Heat pump dryer for mango, 500 kg per batch, saves energy')).toBe('en');
    expect(detectLanguage('Hệ thống IoT giám sát ao nuôi tôm (pH, DO, temperature sensors)')).toBe('vi');
  });
});

describe('expiry', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);

  it('treats a published listing past expiresAt as expired even before the job marks it', () => {
    expect(isExpired({ status: 'PUBLISHED', expiresAt: at(-1), expiredAt: null }, now)).toBe(true);
    expect(isExpired({ status: 'PUBLISHED', expiresAt: at(1), expiredAt: null }, now)).toBe(false);
    expect(isExpired({ status: 'ARCHIVED', expiresAt: at(-1), expiredAt: null }, now)).toBe(false);
    expect(isListedPublicly({ status: 'PUBLISHED', expiresAt: at(1), expiredAt: at(-2) }, now)).toBe(false);
  });

  it('renews only within the warning window or after expiry', () => {
    expect(canRenew({ status: 'PUBLISHED', expiresAt: at(20), expiredAt: null }, now, 14)).toBe(false);
    expect(canRenew({ status: 'PUBLISHED', expiresAt: at(14), expiredAt: null }, now, 14)).toBe(true);
    expect(canRenew({ status: 'PUBLISHED', expiresAt: at(-3), expiredAt: at(-3) }, now, 14)).toBe(true);
    expect(canRenew({ status: 'DRAFT', expiresAt: null, expiredAt: null }, now, 14)).toBe(false);
  });
});

describe('titleSimilarity (duplicate hints)', () => {
  it('sees the same title with or without diacritics, and with a word changed', () => {
    expect(titleSimilarity('Xử lý nước thải thủy sản', 'xu ly nuoc thai thuy san')).toBe(1);
    expect(titleSimilarity('Máy ép viên nén mùn cưa 2 tấn/giờ', 'Máy ép viên nén mùn cưa 1 tấn/giờ')).toBeGreaterThanOrEqual(DUPLICATE_SIMILARITY);
  });

  it('does not take titles that only share common words for duplicates', () => {
    expect(titleSimilarity('Công nghệ sấy lạnh nông sản', 'Công nghệ xử lý nước thải')).toBeLessThan(DUPLICATE_SIMILARITY);
    expect(titleSimilarity('', 'Công nghệ')).toBe(0);
  });
});
