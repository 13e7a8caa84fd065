/**
 * Retrieval: the Meilisearch queries for a source listing, all filtered to the counterpart kind
 * and sent as ONE multi-search request: the concept/field vector (text/concept-vector.ts) and the
 * title and keywords as keyword queries (≤10 content words each). Pure code.
 */
import type { MultiSearchQuery } from 'meilisearch';
import { MATCH_EMBEDDER, isAccentedText, matchVector, wordsOf } from '../text/index.js';
import { conceptsOf, counterpartKind, primaryFields } from './listing-features.js';
import type { MatchListing, QueryName } from './matching.engine.js';
import { QUERY_WEIGHTS, RETRIEVAL } from './matching.weights.js';

/** Attributes a candidate needs for scoring; the rest of the document is not fetched. */
export const MATCH_ATTRIBUTES = [
  'id',
  'gloss',
  'kind',
  'title',
  'summary',
  'description',
  'keywords',
  'fieldCodes',
  'primaryFieldCodes',
  'concepts',
  'trl',
  'priceMin',
  'priceMax',
  'currency',
  'negotiable',
  'transferModes',
  'provinceCode',
  'language',
  'organizationId',
];

/** Up to `max` distinct content words of a text, original spelling, for a Meilisearch query. */
export function queryWords(text: string, max: number = RETRIEVAL.maxQueryWords): string {
  const seen = new Set<string>();
  const out: string[] = [];
  const surfaces: (string | null)[] = [];
  const words = wordsOf(text, isAccentedText(text), surfaces);
  for (let i = 0; i < words.length; i++) {
    const f = words[i];
    if (!f || seen.has(f)) continue;
    seen.add(f);
    out.push(surfaces[i]!);
    if (out.length >= max) break;
  }
  return out.join(' ');
}

function quote(v: string): string {
  return JSON.stringify(v);
}

export interface NamedQuery {
  name: QueryName;
  query: MultiSearchQuery;
}

export function namedQueries(source: MatchListing, indexUid: string): NamedQuery[] {
  const target = counterpartKind(source.kind);
  const kindFilter = `kind = ${quote(target)}`;
  const base = {
    indexUid,
    filter: kindFilter,
    limit: RETRIEVAL.perQueryLimit,
    showRankingScore: true,
    matchingStrategy: 'last' as const,
    attributesToRetrieve: MATCH_ATTRIBUTES,
  };
  const out: NamedQuery[] = [];
  const push = (name: QueryName, q: string, extra: Partial<MultiSearchQuery> = {}) => {
    if (QUERY_WEIGHTS[name] > 0 && (q.trim() || extra.vector)) out.push({ name, query: { ...base, ...extra, q } });
  };
  // the cross-vocabulary query: nearest neighbours of the concept/field embedding
  const vector = matchVector(conceptsOf(source), primaryFields(source));
  if (vector) push('vector', '', { vector, hybrid: { embedder: MATCH_EMBEDDER, semanticRatio: 1 }, limit: RETRIEVAL.vectorLimit });
  // keyword queries: the listing's own words (Meilisearch folds diacritics and applies synonyms)
  push('title', queryWords(source.title));
  push('keywords', queryWords(source.keywords.join(' , ')));
  push('summary', queryWords(source.summary));
  return out;
}

/**
 * The Meilisearch queries for a source listing, all for the counterpart kind (`kind = "OFFER"`
 * for a demand, `kind = "DEMAND"` for an offer). Only published listings are in the index, so
 * nothing is said about status; a caller may AND its own terms to each `filter` (findMatches
 * does so with `extraFilter`). Send them in one multi-search request.
 */
export function buildMatchQueries(source: MatchListing, indexUid = 'listings'): MultiSearchQuery[] {
  return namedQueries(source, indexUid).map((n) => n.query);
}

/** Which query each of buildMatchQueries(source) is, in the same order (for the fusion weights). */
export function matchQueryNames(source: MatchListing): QueryName[] {
  return namedQueries(source, 'listings').map((n) => n.name);
}
