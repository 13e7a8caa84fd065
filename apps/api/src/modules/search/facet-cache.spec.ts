import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { SearchFacetCache, facetStateKey } from './facet-cache.js';
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

describe('browsing pages (no words) through the cache', () => {
  /** A stand-in for PostgreSQL's version read and Meilisearch's multi-search, counting what each is asked. */
  function fakes(version: string) {
    const reads: string[] = [];
    const sent: MultiSearchQuery[][] = [];
    const ds = { driver: { master: { query: async () => (reads.push(version), { rows: [{ version }] }) } } } as unknown as DataSource;
    const meili = {
      multiSearch: async ({ queries }: { queries: MultiSearchQuery[] }) => {
        sent.push(queries);
        return { results: queries.map((q) => ({ indexUid: q.indexUid, hits: [{ id: `p${q.offset ?? 0}` }], facetDistribution: q.facets ? { kind: { OFFER: 3 } } : undefined, estimatedTotalHits: 3, processingTimeMs: 1 })) };
      },
    } as unknown as Meilisearch;
    return { cache: new SearchFacetCache(meili, ds), reads, sent };
  }

  it('read the index version once per request: a missed page is counted under the version read before it left', async () => {
    const { cache, reads, sent } = fakes('7');
    const page = (n: number) => buildListingSearch('listings', { query: '', provinceCodes: ['hue'], page: n, pageSize: 20 });

    await cache.multiSearch('listings', page(1));
    expect(reads).toHaveLength(1); // (twice before: once for the page, once more for its counts)
    expect(sent).toHaveLength(1);

    // Page 2 of the same filters: its hits from Meilisearch, the counts from memory.
    const second = await cache.multiSearch('listings', page(2));
    expect(reads).toHaveLength(2);
    expect(sent[1].every((q) => !q.facets && q.limit !== 0)).toBe(true);
    expect(second.results.every((r) => (r as { facetDistribution?: unknown }).facetDistribution)).toBe(true);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, pages: 0 });

    // Page 1 again: whole from memory.
    await cache.multiSearch('listings', page(1));
    expect(reads).toHaveLength(3);
    expect(sent).toHaveLength(2);
    expect(cache.stats.pages).toBe(1);
  });
});
