/**
 * Facet counts of listing searches, kept in memory between requests.
 *
 * A search page is one multi-search (search-query.ts buildListingSearch): the page of hits with
 * the facet counts of the unconstrained facets, plus one count-only query per constrained facet
 * (disjunctive faceting). Counting facets is most of Meilisearch's work for a page, and the
 * counts depend only on the words and the filters, not on the page, its size or the sort, so
 * they are the same for every visitor until the index changes. Browsing without words, the
 * common filter states and popular queries repeat all day.
 *
 * So: the counts (each query's facet distribution and, for the page's query, its total of close
 * matches; and whole count-only results) are cached per
 * "facet state" — every query of the request without what only selects the hits (page, limit,
 * sort, attributes, highlighting) — and labelled with the index version (index-version.ts). A
 * request whose facet state is cached sends Meilisearch only its hit queries, without facets and
 * by offset and limit rather than by page (no exhaustive count: see hitQueries);
 * the version is read from PostgreSQL meanwhile and the cached counts are used only if it has
 * not moved. Every change applied to the index raises the version, so the next search after
 * the outbox settles, on any replica, counts afresh.
 *
 * Browsing (no words: the search page as opened, a field's or a province's listings) goes further:
 * its whole answer depends only on the filters, the sort, the page and the index, so it is kept
 * whole under the index version and served from memory after one read of that version.
 *
 * Nothing here decides what is visible: hits are checked as before after every request, from
 * Meilisearch or from memory (SearchService: hits whose listing changed in the last seconds are
 * re-read from PostgreSQL, expired cards dropped); a cached count is a number per facet value.
 *
 * This layer is generic over the request (any multi-search whose count-only queries have
 * `limit: 0`), so the request's shape may change (ranking settings, extra queries) without it.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Meilisearch, MultiSearchQuery, MultiSearchResponse, SearchResponse } from 'meilisearch';
import { MEILI } from './meili.client.js';
import { VersionedCache, readIndexVersion } from './index-version.js';

/** Facet states kept (least recently used dropped first); an entry is a few kilobytes at most. */
export const FACET_CACHE_ENTRIES = 2000;

/**
 * Browsing pages kept whole (least recently used dropped first): a page of 20 cards with its
 * counts is ~30 kB, so at most ~15 MB per process.
 */
export const BROWSE_CACHE_ENTRIES = 500;

/** Query parameters that choose which hits come back, never what is counted. */
const HIT_ONLY_PARAMS = new Set([
  'page',
  'hitsPerPage',
  'limit',
  'offset',
  'sort',
  'attributesToRetrieve',
  'attributesToHighlight',
  'attributesToCrop',
  'cropLength',
  'cropMarker',
  'highlightPreTag',
  'highlightPostTag',
  'showMatchesPosition',
  'showRankingScore',
  'showRankingScoreDetails',
]);

/** What one query of the request contributes to the page's facets. */
type CachedPart =
  /** A count-only query (`limit: 0`): its whole answer. */
  | { kind: 'counts'; result: SearchResponse }
  /**
   * A query returning hits: its facet distribution (and stats) and, for a query asked by page (an
   * exhaustive count), how many hits it has in all (pagedTotal).
   */
  | { kind: 'facets'; facetDistribution: SearchResponse['facetDistribution']; facetStats: SearchResponse['facetStats']; pagedTotal?: number };

const countOnly = (q: MultiSearchQuery) => q.limit === 0 || q.hitsPerPage === 0;
const asksFacets = (q: MultiSearchQuery) => Array.isArray(q.facets) && q.facets.length > 0;
/** Asked by page (`page`/`hitsPerPage`): Meilisearch counts its hits exhaustively. */
const byPage = (q: MultiSearchQuery): q is MultiSearchQuery & { hitsPerPage: number } => q.hitsPerPage !== undefined;
/**
 * A query asked for a page past its last hit: Meilisearch 1.21 then counts without the ranking-score
 * bar (a close-match search of 31 answered 38 on its third page), so its counts are kept for no one.
 */
export const pastTheEnd = (queries: readonly MultiSearchQuery[], response: MultiSearchResponse) =>
  queries.some((q, i) => byPage(q) && (q.page ?? 1) > 1 && !(response.results[i] as SearchResponse | undefined)?.hits?.length);

/**
 * The key of a request's facet state: each query without its hit-only parameters, lists of strings
 * (filters ANDed, facet names) sorted. Strings are kept as they are: a trailing space in `q`
 * changes Meilisearch's answer (no prefix search on the last word). (Values inside one filter
 * string keep their order: the same selection ticked in another order is another entry.)
 */
export function facetStateKey(queries: readonly MultiSearchQuery[]): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(canonical);
      // Lists of plain values (facet names, IN lists inside filters are strings) are order-free.
      return items.every((v) => typeof v === 'string') ? [...(items as string[])].sort() : items;
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
    }
    return value;
  };
  return JSON.stringify(queries.map((q) => canonical(Object.fromEntries(Object.entries(q).filter(([k]) => !HIT_ONLY_PARAMS.has(k))))));
}

/**
 * Browsing: no query of the request has words. Its whole answer (hits, their order, the counts)
 * then depends only on the filters, the sort, the page and the index: the same for every visitor
 * until the index changes. (With words, only the counts are shared: the hits are the query's.)
 */
export const isBrowsing = (queries: readonly MultiSearchQuery[]) => queries.every((q) => !q.q || !String(q.q).trim());

/** The key of a whole request (page and sort included), lists of strings sorted as in facetStateKey. */
export function browseKey(queries: readonly MultiSearchQuery[]): string {
  return `${facetStateKey(queries)}|${JSON.stringify(queries.map((q) => Object.fromEntries([...HIT_ONLY_PARAMS].filter((k) => (q as Record<string, unknown>)[k] !== undefined).map((k) => [k, (q as Record<string, unknown>)[k]]))))}`;
}

@Injectable()
export class SearchFacetCache {
  private readonly cache = new VersionedCache<CachedPart[]>(FACET_CACHE_ENTRIES);
  /** Whole answers of browsing requests (isBrowsing), by index version. */
  private readonly pages = new VersionedCache<MultiSearchResponse>(BROWSE_CACHE_ENTRIES);
  /** The newest index version read (per index uid) by a read that has completed. */
  private readonly known = new Map<string, string>();
  /** Counters for observability and tests: facet counts from memory, and browsing pages from memory (`pages`). */
  readonly stats = { hits: 0, misses: 0, stale: 0, pages: 0 };

  constructor(
    @Inject(MEILI) private readonly meili: Meilisearch,
    private readonly ds: DataSource,
  ) {}

  /**
   * `meili.multiSearch({ queries })` on index `indexUid`, with the same answer, sending only the
   * hit queries (without facets) when this facet state's counts are cached and still current.
   */
  async multiSearch(indexUid: string, queries: MultiSearchQuery[]): Promise<MultiSearchResponse> {
    if (isBrowsing(queries)) return this.browse(indexUid, queries);
    return this.counted(indexUid, queries);
  }

  /**
   * A browsing request: served whole from memory when it was answered under the index version
   * read now (one indexed read of PostgreSQL instead of Meilisearch's page and facet work); else
   * asked as any other and kept under the version read before it left. A copy is returned, so
   * a caller that reorders hits cannot change what the next visitor gets.
   */
  private async browse(indexUid: string, queries: MultiSearchQuery[]): Promise<MultiSearchResponse> {
    const version = await this.readVersion(indexUid);
    if (version === undefined) return this.counted(indexUid, queries);
    const key = browseKey(queries);
    const page = this.pages.get(key, version);
    if (page) {
      this.stats.pages++;
      return structuredClone(page);
    }
    const response = await this.countedUnder(version, queries);
    this.pages.set(key, version, structuredClone(response));
    return response;
  }

  /**
   * `counted` for a caller that has just read the index version (a browsing page missed in
   * memory): the version read before the request leaves both picks the cached counts and labels
   * new ones, so PostgreSQL is not asked a second time.
   */
  private async countedUnder(version: string, queries: MultiSearchQuery[]): Promise<MultiSearchResponse> {
    if (!queries.some((q) => countOnly(q) || asksFacets(q))) return this.meili.multiSearch({ queries });
    const key = facetStateKey(queries);
    const cached = this.cache.get(key, version);
    if (cached) {
      this.stats.hits++;
      const sent = this.hitQueries(queries, cached);
      return this.merge(queries, cached, sent.positions, await this.meili.multiSearch({ queries: sent.queries }));
    }
    this.stats.misses++;
    const response = await this.meili.multiSearch({ queries });
    this.keep(key, version, queries, response);
    return response;
  }

  private async counted(indexUid: string, queries: MultiSearchQuery[]): Promise<MultiSearchResponse> {
    if (!queries.some((q) => countOnly(q) || asksFacets(q))) return this.meili.multiSearch({ queries });
    const key = facetStateKey(queries);
    // Any version read before the request leaves may label what it computes (index-version.ts).
    const labelBefore = this.known.get(indexUid);
    // Counts from before a version this process has already seen are not worth a hits-only try.
    const held = this.cache.peek(key);
    const cached = held && (labelBefore === undefined || held.version === labelBefore) ? held : undefined;
    const sent = cached ? this.hitQueries(queries, cached.value) : { queries, positions: queries.map((_, i) => i) };
    const searching = this.meili.multiSearch({ queries: sent.queries });
    // Meilisearch's request leaves first; the version is read while it works.
    const reading = new Promise(setImmediate).then(() => this.readVersion(indexUid));
    const [response, version] = await Promise.all([searching, reading]);

    if (cached && version !== undefined && cached.version === version) {
      this.stats.hits++;
      this.cache.get(key, version); // recency
      return this.merge(queries, cached.value, sent.positions, response);
    }
    if (!cached) {
      this.stats.misses++;
      if (labelBefore !== undefined) this.keep(key, labelBefore, queries, response);
      return response;
    }
    // Counted under an older version: count again, labelled with the version just read (it was
    // read before this second request left).
    this.stats.stale++;
    const fresh = await this.meili.multiSearch({ queries });
    if (version !== undefined) this.keep(key, version, queries, fresh);
    return fresh;
  }

  /** The index version, remembered as known once read; undefined if PostgreSQL cannot say (no caching then). */
  private async readVersion(indexUid: string): Promise<string | undefined> {
    try {
      const version = await readIndexVersion(this.ds, indexUid);
      const before = this.known.get(indexUid);
      if (before === undefined || BigInt(version) > BigInt(before)) this.known.set(indexUid, version);
      return version;
    } catch {
      return undefined;
    }
  }

  /**
   * The queries that return hits, without their facets; `positions` maps them back to the request.
   * A query asked by page whose total is cached (`parts`) is asked by offset and limit instead: the
   * same hits in the same order, without the exhaustive count. With a ranking-score bar (close
   * matches) that count makes Meilisearch score every candidate, not only the page's: measured at
   * 100,000 listings, the bench's queries with words cost 175 ms on average by page, 68 ms by limit
   * (docs/benchmarks.md, 2026-12-06). merge puts the page fields back.
   */
  private hitQueries(queries: MultiSearchQuery[], parts?: CachedPart[]): { queries: MultiSearchQuery[]; positions: number[] } {
    const out: MultiSearchQuery[] = [];
    const positions: number[] = [];
    queries.forEach((q, i) => {
      if (countOnly(q)) return;
      const { facets: _facets, ...rest } = q;
      const part = parts?.[i];
      if (part?.kind === 'facets' && part.pagedTotal !== undefined && byPage(q)) {
        const { page, hitsPerPage: _hitsPerPage, ...unpaged } = rest;
        out.push({ ...unpaged, offset: ((page ?? 1) - 1) * q.hitsPerPage, limit: q.hitsPerPage });
      } else out.push(rest);
      positions.push(i);
    });
    return { queries: out, positions };
  }

  /** Keeps a response's counts under `version`, unless a page past the end (pastTheEnd) counted them. */
  private keep(key: string, version: string, queries: MultiSearchQuery[], response: MultiSearchResponse): void {
    if (!pastTheEnd(queries, response)) this.cache.set(key, version, this.parts(queries, response));
  }

  private parts(queries: MultiSearchQuery[], response: MultiSearchResponse): CachedPart[] {
    const results = response.results as unknown as SearchResponse[];
    return queries.map((q, i) =>
      countOnly(q)
        ? { kind: 'counts', result: { ...results[i], processingTimeMs: 0 } }
        : { kind: 'facets', facetDistribution: results[i].facetDistribution, facetStats: results[i].facetStats, pagedTotal: byPage(q) ? results[i].totalHits : undefined },
    );
  }

  /** The answer the whole request would have had: the hit queries' results with the cached counts. */
  private merge(queries: MultiSearchQuery[], parts: CachedPart[], positions: number[], response: MultiSearchResponse): MultiSearchResponse {
    const got = response.results as unknown as SearchResponse[];
    const results = queries.map((_, i): SearchResponse => {
      const part = parts[i];
      if (part.kind === 'counts') return part.result;
      const result = got[positions.indexOf(i)];
      const q = queries[i];
      if (part.pagedTotal !== undefined && byPage(q) && result.hitsPerPage === undefined) {
        // Asked by limit (hitQueries): the answer a page request has, with the cached total.
        const { offset: _offset, limit: _limit, estimatedTotalHits: _estimated, ...hits } = result;
        const totalPages = q.hitsPerPage > 0 ? Math.ceil(part.pagedTotal / q.hitsPerPage) : 0;
        return { ...hits, page: q.page ?? 1, hitsPerPage: q.hitsPerPage, totalHits: part.pagedTotal, totalPages, facetDistribution: part.facetDistribution, facetStats: part.facetStats };
      }
      return { ...result, facetDistribution: part.facetDistribution, facetStats: part.facetStats };
    });
    return { ...response, results } as unknown as MultiSearchResponse;
  }
}
