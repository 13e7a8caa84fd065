import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityMetadata } from 'typeorm';
import type { FederatedMultiSearchParams, Meilisearch, MultiSearchResponse, SearchResponse } from 'meilisearch';
import { ErrorCode, placeInQuery, type Lang } from '@techport/shared';
import { AppError } from '../../common/errors.js';
import { Clock } from '../../common/clock.js';
import { isUuid } from '../../common/ids.js';
import { ListingEntity } from '../listings/listing.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { MEILI, describeMeiliError, meiliApiError } from './meili.client.js';
import { publicListing } from './listing-index.js';
import { INDEX_SETTLE_SECONDS, documentExpired, listingFromDocument } from './indexed-listing.js';
import { documentsMatching } from '../media/media-search.js';
import { SearchIndexService } from './search-index.service.js';
import { SearchFacetCache } from './facet-cache.js';
import {
  FACET_NAMES,
  buildListingSearch,
  searchQueryText,
  buildAllWordsSearch,
  buildCloseIdsSearch,
  buildRelatedSearch,
  buildTitleSearch,
  buildWordCountSearches,
  readWordCounts,
  readListingSearch,
  readRelatedSearch,
  relatedLimit,
  wantsRelated,
  type FacetName,
  type Hit,
  type ListingSearchHit,
  type ListingSearchParams,
} from './search-query.js';
import { facetLabel } from './search.labels.js';
import type { SearchInput } from './dto/search.input.js';
import type { FacetType } from './search.types.js';

const M = {
  unavailable: {
    vi: 'Tìm kiếm tạm thời không khả dụng. Vui lòng thử lại sau ít phút.',
    en: 'Search is temporarily unavailable. Please try again in a few minutes.',
  },
};

export interface ListingSearchResult<Hit = ListingSearchHit> {
  /** The close matches of the page (search.weights.ts). */
  hits: Hit[];
  /** How many close matches there are in all. */
  totalHits: number;
  /** Related results, shown apart after the close matches: on the page where those end. */
  related: Hit[];
  page: number;
  pageSize: number;
  facets: FacetType[];
  processingTimeMs: number;
  /**
   * The province the query named (placeInQuery: "máy sấy cần thơ"), and the words searched for
   * without it: the close matches are those in that province; the same words' close matches
   * elsewhere lead the related results. Absent when the query names none.
   */
  place?: { provinceCode: string; searchedWords: string };
}

/** A listing with its organisation. */
type ListingWithOrganization = { listing: ListingEntity; organization: OrganizationEntity };

/** A hit with its listing and organisation: from the index document, or read from PostgreSQL. */
export interface ResolvedListingHit extends ListingWithOrganization {
  /** Built from the index document: only the fields indexed-listing.ts lists may be read. */
  fromIndex: boolean;
  highlightedTitle: string;
  highlightedSummary: string;
  /** Found only in the text of a PDF document: its file name (the card says so). */
  foundInDocument: string | null;
}

interface PgPool {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

const COLLATORS: Record<Lang, Intl.Collator> = { vi: new Intl.Collator('vi'), en: new Intl.Collator('en') };

/** Facets whose values read best in their natural order rather than by count. */
const NATURAL_ORDER: Partial<Record<FacetName, (a: string, b: string) => number>> = {
  kind: (a, b) => (a === b ? 0 : a === 'OFFER' ? -1 : 1),
  trl: (a, b) => Number(a) - Number(b),
};

@Injectable()
export class SearchService {
  private readonly logger = new Logger('Search');

  constructor(
    @Inject(MEILI) private readonly meili: Meilisearch,
    private readonly indexes: SearchIndexService,
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly facetCache: SearchFacetCache,
  ) {}

  /**
   * A page of results with its listings. With `fromIndex` (the query selects only what the index
   * documents carry: hitsServableFromIndex), each hit is built from its document unless its
   * listing or organisation changed lately (recentIndexChanges, read while Meilisearch searches);
   * those, and every hit otherwise, are re-read from PostgreSQL in one query that keeps only what
   * is still public. Either way nothing unpublished shows.
   */
  async searchPage(input: SearchInput, lang: Lang, options: { fromIndex: boolean }): Promise<ListingSearchResult<ResolvedListingHit>> {
    const searching = this.searchListings(input, lang);
    // Meilisearch takes longest to answer: its request leaves first, then PostgreSQL is asked
    // (setImmediate runs once the request is written), so the two never queue behind each other.
    const checking = options.fromIndex ? new Promise(setImmediate).then(() => this.recentIndexChanges()) : null;
    const [result, recent] = await Promise.all([searching, checking]);
    const now = this.clock.now();
    const built = new Map<string, ListingWithOrganization>();
    const toRead: string[] = [];
    for (const hit of [...result.hits, ...result.related]) {
      const fresh = recent && !recent.listings.has(hit.id) && !recent.organizations.has(String(hit.document.organizationId));
      const fromDocument = fresh ? listingFromDocument(hit.document) : null;
      if (!fromDocument) toRead.push(hit.id);
      else if (!documentExpired(hit.document, now)) built.set(hit.id, fromDocument);
    }
    const inDocuments = result.hits.filter((h) => h.matchedOnlyInDocuments).map((h) => h.id);
    const [read, documents] = await Promise.all([
      toRead.length ? this.publicListings(toRead) : new Map<string, ListingWithOrganization>(),
      inDocuments.length ? documentsMatching(this.ds, inDocuments, searchQueryText(result.place?.searchedWords ?? input.query) ?? '') : new Map<string, string>(),
    ]);
    const resolve = (list: ListingSearchHit[]) =>
      list.flatMap((h): ResolvedListingHit[] => {
        const found = built.get(h.id) ?? read.get(h.id);
        const foundInDocument = (h.matchedOnlyInDocuments && documents.get(h.id)) || null;
        return found ? [{ ...found, fromIndex: built.has(h.id), highlightedTitle: h.highlightedTitle, highlightedSummary: h.highlightedSummary, foundInDocument }] : [];
      });
    return { ...result, hits: resolve(result.hits), related: resolve(result.related) };
  }

  /**
   * Listings and organisations whose search documents may not show their current state: a
   * change still waiting on the outbox, or applied less than INDEX_SETTLE_SECONDS ago. One indexed
   * query (IDX_outbox_event_index_changes); usually empty.
   */
  async recentIndexChanges(): Promise<{ listings: Set<string>; organizations: Set<string> }> {
    const { rows } = await this.pool().query({
      name: 'search-recent-index-changes',
      text: `SELECT lower(payload->>'listingId') AS listing_id, lower(payload->>'organizationId') AS organization_id
             FROM outbox_event
             WHERE topic IN ('listing.changed', 'organization.changed')
               AND COALESCE(processed_at, 'infinity'::timestamptz) > now() - make_interval(secs => $1)`,
      values: [INDEX_SETTLE_SECONDS],
    });
    const listings = new Set<string>();
    const organizations = new Set<string>();
    for (const r of rows) {
      if (typeof r.listing_id === 'string') listings.add(r.listing_id);
      if (typeof r.organization_id === 'string') organizations.add(r.organization_id);
    }
    return { listings, organizations };
  }

  /**
   * The pool itself, for named (server-side prepared) statements: planned once per connection
   * rather than on every search (−0.4 ms of ~1.6 ms in the benchmark). Their texts are fixed for
   * the process's life; a migration is followed by a restart anyway.
   */
  private pool(): PgPool {
    return (this.ds.driver as unknown as { master: PgPool }).master;
  }

  /**
   * The public listing search: hits with highlights, facets with labels in `lang`. A query that
   * names a province at its end or start ("máy sấy cần thơ": placeInQuery) is read as its other
   * words in that province, unless the filters chose other provinces: a listing does not say
   * its province in its text, so the literal words found dryers and anything else of Cần Thơ
   * alike. Its related results begin with the same words' close matches in other provinces.
   */
  async searchListings(input: SearchInput, lang: Lang): Promise<ListingSearchResult> {
    const place = input.query ? placeInQuery(input.query) : null;
    const chosen = input.provinceCodes ?? [];
    if (!place || (chosen.length && !chosen.includes(place.province.code))) return this.searchWords(input, lang);
    const inPlace = await this.searchWords({ ...input, query: place.rest, provinceCodes: chosen.length ? chosen : [place.province.code] }, lang);
    const result = { ...inPlace, place: { provinceCode: place.province.code, searchedWords: place.rest } };
    const params = { query: place.rest, page: inPlace.page, pageSize: inPlace.pageSize };
    // The user's own province filter keeps the other provinces out.
    if (chosen.length || !wantsRelated(params, inPlace.totalHits)) return result;
    const limit = relatedLimit(params, inPlace.totalHits);
    const elsewhere = await this.searchWords({ ...input, query: place.rest, provinceCodes: null, page: 1, pageSize: limit }, lang);
    const seen = new Set(inPlace.hits.map((h) => h.id));
    const other = elsewhere.hits.filter((h) => h.document.provinceCode !== place.province.code);
    const related = [...other, ...inPlace.related, ...elsewhere.related].filter((h) => !seen.has(h.id) && Boolean(seen.add(h.id)));
    return { ...result, related: related.slice(0, limit), processingTimeMs: inPlace.processingTimeMs + elsewhere.processingTimeMs };
  }

  /** The search for the query's words, as typed. */
  private async searchWords(input: SearchInput, lang: Lang): Promise<ListingSearchResult> {
    // trlMax < trlMin is refused by SearchInput's decorators (with the other problems of the request).
    const params: ListingSearchParams = {
      query: searchQueryText(input.query),
      kind: input.kind,
      fieldCodes: input.fieldCodes,
      provinceCodes: input.provinceCodes,
      transferModes: input.transferModes,
      organizationKinds: input.organizationKinds,
      trlMin: input.trlMin,
      trlMax: input.trlMax,
      priceMax: input.priceMax,
      sort: input.sort,
      page: input.page ?? 1,
      pageSize: input.pageSize ?? 20,
    };
    let response: MultiSearchResponse;
    try {
      // Facet counts come from memory while the index has not changed (facet-cache.ts).
      response = await this.facetCache.multiSearch(this.indexes.listingsUid, buildListingSearch(this.indexes.listingsUid, params));
    } catch (err) {
      // Nothing indexed yet (a new installation): nothing to find, not an error.
      if (meiliApiError(err)?.code === 'index_not_found') return this.empty(params, lang);
      this.logger.error(`listing search failed: ${describeMeiliError(err)}`);
      throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, M.unavailable);
    }
    let outcome = readListingSearch(params, response);
    if (params.page > 1 && !outcome.hits.length && outcome.totalHits > 0 && params.query?.trim()) {
      // Past the last page Meilisearch counts without the close-match bar (facet-cache.ts
      // pastTheEnd): the first page's counts are the true ones. (Browsing has no bar.)
      const first = await this.facetCache.multiSearch(this.indexes.listingsUid, buildListingSearch(this.indexes.listingsUid, { ...params, page: 1 }));
      const counted = readListingSearch({ ...params, page: 1 }, first);
      outcome = { ...outcome, totalHits: counted.totalHits, facets: counted.facets };
    }
    let related: ListingSearchHit[] = [];
    let relatedMs = 0;
    if (wantsRelated(params, outcome.totalHits)) {
      // A second request, only on the page where the close matches end: it needs their count.
      const uid = this.indexes.listingsUid;
      const closeIdsQuery = outcome.totalHits > 0 ? buildCloseIdsSearch(uid, params, outcome.totalHits) : null;
      const titleQuery = buildTitleSearch(uid, params, outcome.totalHits);
      const countQueries = buildWordCountSearches(uid, params);
      const plain = [closeIdsQuery, titleQuery].filter((q) => q !== null);
      // The close matches above them: a related result of the same series follows the others.
      const shownAbove = outcome.hits.map((h) => ({ title: h.document.title }));
      try {
        // First the close matches' ids, the title hits and how common each word is (count-only);
        // then the shorter forms, weighted by what they drop (search-query.ts relatedWeight).
        const answers = (await this.meili.multiSearch({ queries: [...plain, ...countQueries] })).results as unknown as SearchResponse<Hit>[];
        const ids = closeIdsQuery ? answers[0] : null;
        const title = titleQuery ? answers[closeIdsQuery ? 1 : 0] : null;
        const request = buildRelatedSearch(uid, params, outcome.totalHits, readWordCounts(answers.slice(plain.length), params.query ?? ''), outcome.hits[0]?.document);
        const federated = request ? await this.meili.multiSearch<FederatedMultiSearchParams, Hit>(request) : null;
        const closeIds = new Set((ids?.hits ?? []).map((h) => String(h.id)));
        related = readRelatedSearch(params, outcome.totalHits, closeIds, shownAbove, title, federated);
        relatedMs = federated?.processingTimeMs ?? 0;
        if (!outcome.totalHits && !related.length) {
          // Nothing close and nothing related: still never hide a listing that has every word.
          const all = (await this.meili.multiSearch({ queries: [buildAllWordsSearch(uid, params, 0)] })).results[0] as unknown as { hits: Hit[] };
          related = readRelatedSearch(params, 0, closeIds, shownAbove, all);
        }
      } catch (err) {
        // The close matches are the answer; related results are a courtesy.
        this.logger.warn(`related results failed: ${describeMeiliError(err)}`);
      }
    }
    return {
      hits: outcome.hits,
      totalHits: outcome.totalHits,
      related,
      page: params.page,
      pageSize: params.pageSize,
      facets: outcome.facets.map(({ name, counts }) => this.facet(name, counts, selected(params, name), lang)),
      processingTimeMs: outcome.processingTimeMs + relatedMs,
    };
  }

  /**
   * The hits' listings in one query (with their organisations), keeping only those that are
   * still public: a listing archived a moment ago never shows, even before the index catches up.
   */
  async publicListings(ids: readonly string[]): Promise<Map<string, ListingWithOrganization>> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return new Map();
    const { rows } = await this.pool().query({ name: 'search-page-listings', text: this.pageSql(), values: [valid, this.clock.now()] });
    const listing = this.ds.getMetadata(ListingEntity);
    const organization = this.ds.getMetadata(OrganizationEntity);
    return new Map(
      rows.map((raw) => {
        const l = hydrate<ListingEntity>(listing, raw, 'l__');
        return [l.id, { listing: l, organization: hydrate<OrganizationEntity>(organization, raw, 'o__') }];
      }),
    );
  }

  private pageSqlText: string | undefined;

  /**
   * One plain statement for the page, built once from the entities' metadata. (Measured with the
   * search benchmark: the query builder's join-and-hydrate took ~2.3 ms per page, this statement,
   * prepared, ~1.2 ms.)
   */
  private pageSql(): string {
    if (!this.pageSqlText) {
      const cols = (meta: EntityMetadata, alias: string) =>
        meta.columns.filter((c) => !c.isVirtual).map((c) => `${alias}."${c.databaseName}" AS "${alias}__${c.databaseName}"`);
      const listing = this.ds.getMetadata(ListingEntity);
      const organization = this.ds.getMetadata(OrganizationEntity);
      this.pageSqlText =
        `SELECT ${[...cols(listing, 'l'), ...cols(organization, 'o')].join(', ')} ` +
        `FROM "${listing.tableName}" l JOIN "${organization.tableName}" o ON o.id = l.organization_id ` +
        `WHERE l.id = ANY($1::uuid[]) AND ${publicListing('$2')}`;
    }
    return this.pageSqlText;
  }

  private facet(name: FacetName, counts: Record<string, number>, chosen: string[], lang: Lang): FacetType {
    const all = { ...counts };
    // A value the visitor selected stays listed (with 0) so it can be unselected.
    for (const v of chosen) all[v] ??= 0;
    const order = NATURAL_ORDER[name];
    const values = Object.entries(all)
      .map(([value, count]) => ({ value, count, label: facetLabel(name, value, lang) }))
      .sort((a, b) => (order ? order(a.value, b.value) : b.count - a.count || COLLATORS[lang].compare(a.label, b.label)));
    return { name, values };
  }

  private empty(params: ListingSearchParams, lang: Lang): ListingSearchResult {
    return {
      hits: [],
      totalHits: 0,
      related: [],
      page: params.page,
      pageSize: params.pageSize,
      facets: FACET_NAMES.map((name) => this.facet(name, {}, selected(params, name), lang)),
      processingTimeMs: 0,
    };
  }
}

/** An entity from a raw row whose columns are `${prefix}${databaseName}`, with the columns' transformers applied. */
function hydrate<T>(meta: EntityMetadata, raw: Record<string, unknown>, prefix: string): T {
  const entity = meta.create() as Record<string, unknown>;
  for (const c of meta.columns) {
    if (c.isVirtual) continue; // a relation's join column without a property of its own
    let value = raw[prefix + c.databaseName];
    const t = c.transformer;
    if (t) value = Array.isArray(t) ? [...t].reverse().reduce((v, tr) => tr.from(v), value) : t.from(value);
    entity[c.propertyName] = value;
  }
  return entity as T;
}

/** The values the input selects for a facet. */
function selected(p: ListingSearchParams, name: FacetName): string[] {
  switch (name) {
    case 'kind':
      return p.kind ? [p.kind] : [];
    case 'fieldCodes':
      return p.fieldCodes ?? [];
    case 'provinceCode':
      return p.provinceCodes ?? [];
    case 'transferModes':
      return p.transferModes ?? [];
    case 'organizationKind':
      return p.organizationKinds ?? [];
    case 'trl':
      return [];
  }
}
