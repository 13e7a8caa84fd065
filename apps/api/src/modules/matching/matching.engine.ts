/**
 * Matching engine: pure, framework-free. For a listing (the source), find counterpart listings
 * (offers for a demand, demands for an offer) with a score in [0,1] and the reasons that make it
 * up.
 *
 * How it works:
 * 1. Retrieval — ONE Meilisearch multi-search request with three queries, all filtered to the
 *    counterpart kind:
 *    - a vector query on the `matching` user-provided embedder: the listing's concept tags and
 *      fields as a vector (text/concept-vector.ts). The concept lexicon tags a problem and its
 *      solution alike ("giữ thanh long tươi lâu" / "kho lạnh CA bảo quản sau thu hoạch" / "keep
 *      dragon fruit fresh" all carry `dragonfruit` + `postharvest`), with or without diacritics,
 *      so nearest neighbours cross vocabularies and languages. No model, nothing downloaded.
 *    - the title and the keywords as keyword queries (≤10 content words each: Meilisearch reads
 *      no more), which bring the listing's own words, synonyms and typo tolerance.
 * 2. Scoring — over the pool of hits (≈70 listings): lexical cosine (folded word and word-pair
 *    vectors, IDF from the pool), concept cosine, field overlap and reciprocal-rank fusion of the
 *    queries, combined into relevance R; then constraints (TRL, budget, transfer mode, province)
 *    scale it: score = R × (floor + (1 − floor) × C). The reasons are the exact decomposition of
 *    that product, so a missed constraint lowers a candidate without hiding it.
 *
 * Weights and thresholds: ./matching.weights.ts.
 *
 * Files: this one holds the types and findMatches (one request, then ranking); retrieval.ts the
 * queries, ranking.ts the scores, constraints.ts the deal's terms, explanations.ts the reasons,
 * listing-features.ts what they read of a listing; the text pipeline is ../text.
 */
import type { Lang } from '@techport/shared';
import type { MultiSearchQuery } from 'meilisearch';
import type { ListingDocument } from '../search/listing-document.js';
import type { QUERY_WEIGHTS } from './matching.weights.js';
import { rankCandidates } from './ranking.js';
import { namedQueries } from './retrieval.js';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** What matching needs of a listing: a ListingDocument or any object with these fields. */
export type MatchListing = Pick<
  ListingDocument,
  'id' | 'kind' | 'title' | 'summary' | 'description' | 'keywords' | 'fieldCodes' | 'trl' | 'priceMin' | 'priceMax' | 'transferModes' | 'provinceCode'
> &
  Partial<Pick<ListingDocument, 'primaryFieldCodes' | 'concepts' | 'negotiable' | 'language' | 'organizationId' | 'gloss' | 'currency'>>;

export type MatchHit = MatchListing & { _rankingScore?: number; [key: string]: unknown };

export type QueryName = keyof typeof QUERY_WEIGHTS;

export interface MatchReason {
  code: string;
  label: string;
  weight: number;
}

export interface RankedMatch {
  id: string;
  score: number;
  reasons: MatchReason[];
}

/**
 * One feedback label (MATCH_FEEDBACK): the organisation behind `counterpart` took an interest in,
 * or made a deal on, listing `candidateId`, at `at` (epoch ms).
 */
export interface MatchFeedbackPair {
  candidateId: string;
  counterpart: { id: string; concepts: readonly string[] };
  kind: 'DEAL' | 'INTEREST';
  at: number;
}

/** Feedback for a ranking: the pairs, `now` (epoch ms, from the Clock), and the candidates they name, as index documents (so a labelled listing joins the pool even when no query returned it). */
export interface MatchFeedback {
  pairs: readonly MatchFeedbackPair[];
  now: number;
  candidates?: readonly MatchHit[];
}

export interface MultiSearchClient {
  multiSearch(params: { queries: MultiSearchQuery[] }): Promise<{ results: { hits: unknown[] }[] }>;
}

/**
 * Runs the matching queries in ONE multi-search request and ranks the hits. `extraFilter`, if
 * given, is ANDed to every query (e.g. `organizationId != "…"`).
 */
export async function findMatches(
  client: MultiSearchClient,
  indexUid: string,
  source: MatchListing,
  limit = 10,
  lang: Lang = 'vi',
  extraFilter?: string,
  feedback?: MatchFeedback,
): Promise<RankedMatch[]> {
  const named = namedQueries(source, indexUid);
  const queries = named.map(({ query: q }) =>
    extraFilter ? { ...q, filter: `(${q.filter as string}) AND (${extraFilter})` } : q,
  );
  const res = await client.multiSearch({ queries });
  const hits = res.results.map((r) => r.hits as MatchHit[]);
  return rankCandidates(source, hits, lang, named.map((q) => q.name), limit, feedback);
}
