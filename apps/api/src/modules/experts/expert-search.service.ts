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
  return [main, ...constrained.map((f): MultiSearchQuery => ({ indexUid, q: p.query, filter: filterWithout(f), facets: [f], limit: 0, attributesToRetrieve: [] }))];
}

type Hit = { id: string; fullName: string; headline: string; _formatted?: { fullName?: string; headline?: string } };

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
    return this.read(p, response, lang);
  }

  private read(p: ExpertSearchParams, response: MultiSearchResponse | null, lang: Lang): ExpertSearchOutcome {
    const [main, ...facetResults] = (response?.results ?? []) as unknown as SearchResponse<Hit>[];
    const filters = facetFilters(p);
    const constrained = EXPERT_FACETS.filter((f) => filters[f] !== undefined);
    const distribution: Record<string, Record<string, number>> = { ...(main?.facetDistribution ?? {}) };
    constrained.forEach((f, i) => (distribution[f] = facetResults[i]?.facetDistribution?.[f] ?? {}));
    const hits = (main?.hits ?? []).map((h) => ({
      id: String(h.id),
      highlightedName: highlighted(h._formatted?.fullName, h.fullName ?? ''),
      highlightedHeadline: highlighted(h._formatted?.headline, h.headline ?? ''),
    }));
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
      totalHits: main ? (main.totalHits ?? main.estimatedTotalHits ?? hits.length) : 0,
      page: p.page,
      pageSize: p.pageSize,
      facets,
      processingTimeMs: ((response?.results ?? []) as unknown as SearchResponse[]).reduce((sum, r) => sum + (r.processingTimeMs ?? 0), 0),
    };
  }
}
