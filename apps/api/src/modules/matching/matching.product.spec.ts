import { describe, expect, it } from '@jest/globals';
import { savedSearchProbe } from '../saved-searches/saved-searches.service.js';
import { moneyRange, standOut } from './compare.service.js';
import { digestCutoff } from './match-digest.service.js';
import { pairKey } from './matching-alerts.service.js';

describe('digestCutoff: the latest 07:00 in Vietnam (UTC+7) at or before now', () => {
  it('is today 07:00 ICT (00:00 UTC) once it has passed, yesterday’s before', () => {
    expect(digestCutoff(new Date('2026-03-10T00:00:00Z')).toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(digestCutoff(new Date('2026-03-10T16:59:59Z')).toISOString()).toBe('2026-03-10T00:00:00.000Z');
    // 23:30 UTC on the 9th is 06:30 on the 10th in Vietnam: the digest of the 10th is not due yet
    expect(digestCutoff(new Date('2026-03-09T23:30:00Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });
});

describe('pairKey', () => {
  it('is the same whichever listing of the pair comes first', () => {
    expect(pairKey('b', 'a')).toBe('match:a:b');
    expect(pairKey('a', 'b')).toBe('match:a:b');
  });
});

describe('standOut', () => {
  it('marks the best values only when some other value is worse', () => {
    expect(standOut([8, 6, null], 'max', true)).toEqual([true, false, false]);
    expect(standOut([7, 7, 7], 'max', true)).toEqual([false, false, false]);
    expect(standOut([7, 7, null], 'max', true)).toEqual([true, true, false]);
    // unknown prices take no part, and one known price is no comparison
    expect(standOut([5e8, null, 9e8], 'min', false)).toEqual([true, false, false]);
    expect(standOut([5e8, null, null], 'min', false)).toEqual([false, false, false]);
  });
});

describe('moneyRange', () => {
  it('reads amounts the way people say them, in both languages', () => {
    expect(moneyRange(1_500_000_000, 2_500_000_000, 'VND', 'vi')).toBe('1,5 – 2,5 tỷ đồng');
    expect(moneyRange(1_500_000_000, 2_500_000_000, 'VND', 'en')).toBe('VND 1.5–2.5 billion');
    expect(moneyRange(500_000_000, 1_200_000_000, 'VND', 'vi')).toBe('500 triệu đồng – 1,2 tỷ đồng');
    expect(moneyRange(450_000_000, null, 'VND', 'vi')).toBe('từ 450 triệu đồng');
    expect(moneyRange(null, 800_000_000, 'VND', 'en')).toBe('up to VND 800 million');
    expect(moneyRange(20_000, 20_000, 'USD', 'en')).toBe('20,000 USD');
  });
});

describe('savedSearchProbe', () => {
  it('runs the saved search on one listing, with the filters of `search` and every word required', () => {
    const q = savedSearchProbe(
      'techport_listings',
      { query: 'sấy lạnh', kind: 'OFFER', fieldCodes: ['407'], provinceCodes: null, transferModes: null, organizationKinds: null, trlMin: 6, trlMax: null, priceMax: 1e9, sort: null },
      'abc',
    );
    // a close match, as `search` counts them (the accent-exact spellings follow the words typed)
    expect(q).toMatchObject({ indexUid: 'techport_listings', limit: 1, matchingStrategy: 'all' });
    expect(q.q).toMatch(/^sấy lạnh zq/);
    expect(q.rankingScoreThreshold).toBeGreaterThan(0);
    expect(q.filter).toEqual([
      'id = "abc"',
      'kind = "OFFER"',
      'fieldCodes IN ["407"]',
      'trl >= 6',
      '(comparablePrice <= 1000000000 OR comparablePrice IS NULL)',
    ]);
  });
});
