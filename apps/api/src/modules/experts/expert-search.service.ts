import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Meilisearch, MultiSearchQuery, MultiSearchResponse, SearchResponse } from 'meilisearch';
import { ErrorCode, type Lang } from '@techport/shared';
import { AppError } from '../../common/errors.js';
import { MEILI, describeMeiliError, meiliApiError } from '../search/meili.client.js';
import { SearchIndexService } from '../search/search-index.service.js';
import { MARK_CLOSE, MARK_OPEN, highlighted } from '../search/search-query.js';
import { facetLabel } from '../search/search.labels.js';
import type { FacetType } from '../search/search.types.js';
import { EXPERT_INDEX } from './expert-index.js';
import type { ExpertSearchInput } from './dto/expert.inputs.js';

/** The facets of an expert search, by their names (= document attributes). */
export const EXPERT_FACETS = ['fieldCodes', 'provinceCode'] as const;
export type ExpertFacet = (typeof EXPERT_FACETS)[number];

export interface ExpertSearchParams {
  query: string;
  fieldCodes: string[];
  provinceCodes: string[];
  page: number;
  pageSize: number;
}

export interface ExpertSearchHit {
  id: string;
  highlightedName: string;
  highlightedHeadline: string;
}

export interface ExpertSearchOutcome {
  hits: ExpertSearchHit[];
  /** When no expert has every word: those with some of them (the rarest words kept longest), apart. */
  related: ExpertSearchHit[];
  totalHits: number;
  page: number;
  pageSize: number;
  facets: FacetType[];
  processingTimeMs: number;
}

const M = {
  unavailable: {
    vi: 'Tìm kiếm tạm thời không khả dụng. Vui lòng thử lại sau ít phút.',
    en: 'Search is temporarily unavailable. Please try again in a few minutes.',
  },
};

const inList = (attribute: string, values: readonly string[]) => `${attribute} IN [${values.map((v) => JSON.stringify(v)).join(', ')}]`;

/** Each constrained facet's filter (left out when counting that facet: disjunctive faceting). */
function facetFilters(p: ExpertSearchParams): Partial<Record<ExpertFacet, string>> {
  const f: Partial<Record<ExpertFacet, string>> = {};
  // Documents carry each field's ancestors, so a parent code matches its children's experts.
  if (p.fieldCodes.length) f.fieldCodes = inList('fieldCodes', p.fieldCodes);
  if (p.provinceCodes.length) f.provinceCode = inList('provinceCode', p.provinceCodes);
  return f;
}

/** One multi-search: the page of hits with the unconstrained facets, then one count-only query per constrained facet. */
export function buildExpertSearch(indexUid: string, p: ExpertSearchParams): MultiSearchQuery[] {
  const filters = facetFilters(p);
  const constrained = EXPERT_FACETS.filter((f) => filters[f] !== undefined);
  const filterWithout = (skip?: ExpertFacet) => EXPERT_FACETS.filter((f) => f !== skip && filters[f] !== undefined).map((f) => filters[f]!);
  const main: MultiSearchQuery = {
    indexUid,
    q: p.query,
    // Every word (a name, "định giá"): a stray syllable shared with everyone is no answer. When
    // nothing has them all, relatedExperts asks again with fewer.
    matchingStrategy: 'all',
    filter: filterWithout(),
    page: p.page,
    hitsPerPage: p.pageSize,
    facets: EXPERT_FACETS.filter((f) => filters[f] === undefined),
    attributesToRetrieve: ['id', 'fullName', 'headline'],
    attributesToHighlight: ['fullName', 'headline'],
    highlightPreTag: MARK_OPEN,
    highlightPostTag: MARK_CLOSE,
  };
  // Browsing (no words): newest first; otherwise relevance.
  if (!p.query) main.sort = ['publishedAt:desc'];
  return [main, ...constrained.map((f): MultiSearchQuery => ({ indexUid, q: p.query, matchingStrategy: 'all', filter: filterWithout(f), facets: [f], limit: 0, attributesToRetrieve: [] }))];
}

/** How many related experts a search with no close match shows. */
const RELATED_EXPERTS = 10;

/** Experts with some of the words (Meilisearch drops the most frequent first), within the same filters. */
export function buildRelatedExperts(indexUid: string, p: ExpertSearchParams): MultiSearchQuery {
  const filters = facetFilters(p);
  return {
    indexUid,
    q: p.query,
    matchingStrategy: 'frequency',
    filter: EXPERT_FACETS.map((f) => filters[f]).filter((f): f is string => f !== undefined),
    limit: RELATED_EXPERTS,
    attributesToRetrieve: ['id', 'fullName', 'headline'],
    attributesToHighlight: ['fullName', 'headline'],
    highlightPreTag: MARK_OPEN,
    highlightPostTag: MARK_CLOSE,
  };
}

type Hit = { id: string; fullName: string; headline: string; _formatted?: { fullName?: string; headline?: string } };

const toHit = (h: Hit): ExpertSearchHit => ({
  id: String(h.id),
  highlightedName: highlighted(h._formatted?.fullName, h.fullName ?? ''),
  highlightedHeadline: highlighted(h._formatted?.headline, h.headline ?? ''),
});

/**
 * The public expert search over Meilisearch: full text with or without diacritics, filters by
 * field (a parent covers its children) and province, facets with labels in the request's language.
 */
@Injectable()
export class ExpertSearchService {
  private readonly logger = new Logger('ExpertSearch');

  constructor(
    @Inject(MEILI) private readonly meili: Meilisearch,
    private readonly indexes: SearchIndexService,
  ) {}

  get uid(): string {
    return this.indexes.indexes.uid(EXPERT_INDEX);
  }

  async search(input: ExpertSearchInput, lang: Lang): Promise<ExpertSearchOutcome> {
    const p: ExpertSearchParams = {
      query: input.query?.trim() ?? '',
      fieldCodes: [...new Set(input.fieldCodes ?? [])],
      provinceCodes: [...new Set(input.provinceCodes ?? [])],
      page: input.page ?? 1,
      pageSize: input.pageSize ?? 20,
    };
    let response: MultiSearchResponse;
    try {
      response = await this.meili.multiSearch({ queries: buildExpertSearch(this.uid, p) });
    } catch (err) {
      // Nothing indexed yet (a new installation): nothing to find, not an error.
      if (meiliApiError(err)?.code === 'index_not_found') return this.read(p, null, lang);
      this.logger.error(`expert search failed: ${describeMeiliError(err)}`);
      throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, M.unavailable);
    }
    const outcome = this.read(p, response, lang);
    // Nothing has every word of a query of several: say so, and show who has some of them.
    if (outcome.totalHits === 0 && p.page === 1 && p.query.split(/\s+/).length > 1) {
      try {
        const related = (await this.meili.multiSearch({ queries: [buildRelatedExperts(this.uid, p)] })).results[0] as unknown as SearchResponse<Hit>;
        outcome.related = related.hits.map(toHit);
      } catch (err) {
        // The close answer (none) stands; related experts are a courtesy.
        this.logger.warn(`related experts not found: ${describeMeiliError(err)}`);
      }
    }
    return outcome;
  }

  private read(p: ExpertSearchParams, response: MultiSearchResponse | null, lang: Lang): ExpertSearchOutcome {
    const [main, ...facetResults] = (response?.results ?? []) as unknown as SearchResponse<Hit>[];
    const filters = facetFilters(p);
    const constrained = EXPERT_FACETS.filter((f) => filters[f] !== undefined);
    const distribution: Record<string, Record<string, number>> = { ...(main?.facetDistribution ?? {}) };
    constrained.forEach((f, i) => (distribution[f] = facetResults[i]?.facetDistribution?.[f] ?? {}));
    const hits = (main?.hits ?? []).map(toHit);
    const chosen: Record<ExpertFacet, string[]> = { fieldCodes: p.fieldCodes, provinceCode: p.provinceCodes };
    const facets = EXPERT_FACETS.map((name): FacetType => {
      const counts: Record<string, number> = { ...(distribution[name] ?? {}) };
      // A value the visitor selected stays listed (with 0) so it can be unselected.
      for (const v of chosen[name]) counts[v] ??= 0;
      const values = Object.entries(counts)
        .map(([value, count]) => ({ value, count, label: facetLabel(name, value, lang) }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, lang));
      return { name, values };
    });
    return {
      hits,
      related: [],
      totalHits: main ? (main.totalHits ?? main.estimatedTotalHits ?? hits.length) : 0,
      page: p.page,
      pageSize: p.pageSize,
      facets,
      processingTimeMs: ((response?.results ?? []) as unknown as SearchResponse[]).reduce((sum, r) => sum + (r.processingTimeMs ?? 0), 0),
    };
  }
}
