import { facetStateKey } from './facet-cache.js';
import { VersionedCache } from './index-version.js';
import { buildListingSearch } from './search-query.js';

const key = (p: Parameters<typeof buildListingSearch>[1]) => facetStateKey(buildListingSearch('listings', p));

describe('the facet state of a search', () => {
  it('is the same whatever the page, its size or the sort', () => {
    const a = key({ query: 'sấy lạnh', provinceCodes: ['hue', 'can-tho'], page: 1, pageSize: 20 });
    expect(key({ query: 'sấy lạnh', provinceCodes: ['hue', 'can-tho'], page: 3, pageSize: 50, sort: 'PRICE_ASC' })).toBe(a);
  });

  it('differs with the words, each filter, and a trailing space (Meilisearch prefix-searches the last word)', () => {
    const base = { query: 'sấy', page: 1, pageSize: 20 };
    const keys = [
      key(base),
      key({ ...base, query: 'sây' }),
      key({ ...base, kind: 'OFFER' }),
      key({ ...base, fieldCodes: ['4'] }),
      key({ ...base, trlMin: 5 }),
      key({ ...base, priceMax: 1000 }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(facetStateKey([{ indexUid: 'l', q: 'sấy ', facets: ['kind'] }])).not.toBe(facetStateKey([{ indexUid: 'l', q: 'sấy', facets: ['kind'] }]));
  });
});

describe('a versioned cache', () => {
  it('answers only for the version an entry was stored under, and forgets older versions once a newer one is seen', () => {
    const c = new VersionedCache<string>(10);
    c.set('a', '3', 'x');
    expect(c.get('a', '3')).toBe('x');
    expect(c.get('a', '4')).toBeUndefined();
    expect(c.size).toBe(0);
    c.set('b', '3', 'stale'); // labelled before version 4 was seen: never stored
    expect(c.get('b', '3')).toBeUndefined();
  });

  it('drops the least recently used entry beyond its size', () => {
    const c = new VersionedCache<number>(2);
    c.set('a', '1', 1);
    c.set('b', '1', 2);
    c.get('a', '1');
    c.set('c', '1', 3);
    expect(c.get('b', '1')).toBeUndefined();
    expect(c.get('a', '1')).toBe(1);
    expect(c.get('c', '1')).toBe(3);
  });
});
