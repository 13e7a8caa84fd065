/**
 * The Meilisearch request behind `search(input)`, and the reading of its answer. Pure code (no
 * framework, no I/O), so the benchmark sends exactly the same request straight to Meilisearch.
 */
import type { FederatedMultiSearchParams, MultiSearchQuery, MultiSearchResponse, SearchResponse } from 'meilisearch';
import type { ListingDocument } from './listing-document.js';
import { CONCEPTS, MATCH_EMBEDDER, extractConcepts, isBareVietnamese, matchVector, readBareQuery, unitVector } from '../text/index.js';
import { foldDiacritics } from '@techport/shared';
import { hasDiacritics, searchText, typedMarks } from './accent-forms.js';
import { SEARCH_RELEVANCE } from './search.weights.js';

export type SortValue = 'RELEVANCE' | 'NEWEST' | 'PRICE_ASC' | 'PRICE_DESC' | 'TRL_DESC';

export interface ListingSearchParams {
  query?: string | null;
  kind?: string | null;
  fieldCodes?: string[] | null;
  provinceCodes?: string[] | null;
  transferModes?: string[] | null;
  organizationKinds?: string[] | null;
  trlMin?: number | null;
  trlMax?: number | null;
  priceMax?: number | null;
  sort?: SortValue | null;
  page: number;
  pageSize: number;
}

/** The facets of a listing search, by their contract names (= document attributes). */
export const FACET_NAMES = ['kind', 'fieldCodes', 'provinceCode', 'transferModes', 'organizationKind', 'trl'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/** What the search asks Meilisearch to return for each hit: enough for a result card (indexed-listing.ts). */
export const LISTING_CARD_ATTRIBUTES = [
  'id',
  'kind',
  'slug',
  'title',
  'summary',
  'keywords',
  'primaryFieldCodes',
  'organizationId',
  'organizationSlug',
  'organizationName',
  'organizationKind',
  'organizationVerified',
  'provinceCode',
  'transferModes',
  'ipStatus',
  'trl',
  'priceMin',
  'priceMax',
  'negotiable',
  'currency',
  'language',
  'publishedAt',
  'expiresAt',
] as const satisfies readonly (keyof ListingDocument)[];

export type ListingCardDocument = Pick<ListingDocument, (typeof LISTING_CARD_ATTRIBUTES)[number]>;

/**
 * Highlight markers: private-use characters that no escaping touches. The matched words come
 * back between them; everything is HTML-escaped, then they become <mark></mark>.
 */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

const quote = (value: string | number) => (typeof value === 'number' ? String(value) : JSON.stringify(String(value)));
const inList = (attribute: string, values: readonly string[]) => `${attribute} IN [${values.map(quote).join(', ')}]`;

/**
 * The filter of each facet the input constrains (a facet's own filter is left out when counting
 * that facet, so its other values keep their counts: disjunctive faceting), plus the price
 * filter, which has no facet.
 *
 * Price: a listing passes `priceMax` when the amount it states (comparablePrice: an offer's
 * lowest asking price, a demand's budget) is at most the bound. A listing that states no price
 * ("giá thỏa thuận", price on request), or one in another currency, is kept: most technology is
 * priced by negotiation and hiding it would hide most of the catalogue; it sorts after the priced
 * ones under PRICE_ASC/PRICE_DESC.
 */
export function listingFilters(p: ListingSearchParams): { facet: Partial<Record<FacetName, string>>; other: string[] } {
  const facet: Partial<Record<FacetName, string>> = {};
  if (p.kind) facet.kind = `kind = ${quote(p.kind)}`;
  // Documents carry each field's ancestors, so a parent code matches all its children.
  if (p.fieldCodes?.length) facet.fieldCodes = inList('fieldCodes', p.fieldCodes);
  if (p.provinceCodes?.length) facet.provinceCode = inList('provinceCode', p.provinceCodes);
  if (p.transferModes?.length) facet.transferModes = inList('transferModes', p.transferModes);
  if (p.organizationKinds?.length) facet.organizationKind = inList('organizationKind', p.organizationKinds);
  const trl: string[] = [];
  if (p.trlMin != null) trl.push(`trl >= ${p.trlMin}`);
  if (p.trlMax != null) trl.push(`trl <= ${p.trlMax}`);
  if (trl.length) facet.trl = trl.join(' AND ');
  const other: string[] = [];
  if (p.priceMax != null) {
    const x = p.priceMax;
    other.push(`(comparablePrice <= ${x} OR comparablePrice IS NULL)`);
  }
  return { facet, other };
}

export function listingSort(p: ListingSearchParams): string[] | undefined {
  switch (p.sort ?? 'RELEVANCE') {
    case 'NEWEST':
      return ['publishedAt:desc'];
    case 'PRICE_ASC':
      return ['comparablePrice:asc', 'publishedAt:desc'];
    case 'PRICE_DESC':
      return ['comparablePrice:desc', 'publishedAt:desc'];
    case 'TRL_DESC':
      return ['trl:desc', 'publishedAt:desc'];
    default:
      // Relevance; with no words to rank by (browsing), newest first.
      return p.query?.trim() ? undefined : ['publishedAt:desc'];
  }
}

/**
 * One multi-search: the page of hits with the facets no filter constrains, then one count-only
 * query per constrained facet, without that facet's own filter.
 */
/**
 * What makes a hit a close match (search.weights.ts): every word of the query (with the
 * accent-exact spellings of a query typed with diacritics), and, for a query of several words, a
 * ranking score that says its words lie close together (closeMatchThreshold). A one-word query
 * has no scattered words to fear, and the score would only punish a typo in it. Browsing (no
 * words) has no bar at all: every listing is shown.
 */
/** The words and bar of a close match for a query: what `search` counts, and what a saved search alerts on. */
export function closeMatchQuery(typed: string | null | undefined): Pick<MultiSearchQuery, 'q' | 'matchingStrategy' | 'rankingScoreThreshold'> {
  const query = searchQueryText(typed);
  return { q: searchText(query ?? ''), ...closeMatching({ query, page: 1, pageSize: 1 }) };
}

/**
 * English words that join a query's nouns ("heat pump for mango") and that spell no Vietnamese
 * syllable, even typed without diacritics (Vietnamese has no f or w, and no syllable ends in d or
 * f). A Vietnamese listing's gloss leaves them out (text/gloss.ts GLOSS_JOINS), so a query that kept
 * them found it only among the related results. Those that do spell a syllable stay: "to" (tổ),
 * "in" (in), "an" (an toàn), "on" (ổn), "the" (thể).
 */
const ENGLISH_QUERY_JOINS = new Set(['for', 'of', 'and', 'with', 'from', 'using', 'into', 'via', 'within', 'without']);

/**
 * Vietnamese particles a query phrased as a problem carries ("nước sông bị mặn", "ao tôm đang bị
 * chết"), typed with their marks: grammar, never the topic, and never part of a term a listing
 * would be found by. Without marks they stay ("bi" is also bì, bí; "da" da, đá; "dang" dạng).
 */
const VIETNAMESE_QUERY_PARTICLES = new Set(['bị', 'đã', 'đang', 'sẽ', 'rất', 'thì', 'những', 'của']);

/**
 * The query as searched: without the English joining words and Vietnamese particles above (a query
 * of nothing else is kept as typed), and Vietnamese typed without marks read with them where that is beyond doubt
 * (text/diacritics.ts readBareQuery: "say lanh" is "sấy lạnh", so a cold room that only says
 * "lạnh" is no close match for it, as it is none for "sấy lạnh").
 */
export function searchQueryText<T extends string | null | undefined>(query: T): T {
  if (!query) return query;
  return readBareQuery(withoutJoiningWords(query)) as T;
}

/**
 * The query without the English joining words and Vietnamese particles above (a query of nothing
 * else is kept as typed): the words its shorter forms drop, its word counts and its topics are
 * read from, as its close matches are ("bị" of "nước sông bị mặn" is no word a form may keep).
 */
export function withoutJoiningWords(query: string): string {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => !ENGLISH_QUERY_JOINS.has(w.toLowerCase()) && !VIETNAMESE_QUERY_PARTICLES.has(w.toLowerCase().normalize('NFC')));
  return kept.length && kept.length < words.length ? kept.join(' ') : query.trim();
}

const MEILI_WORD = /[\p{L}\p{N}]+/gu;

/**
 * Meilisearch 1.21's proximity rule, measured (ranked first, so it decides the ranking score
 * down to a few thousandths): each pair of neighbouring query words costs 0, 1 or 2 when they lie
 * 1, 2 or 3 words apart, and 3 when farther or in different attributes; with n words the rule has
 * 3(n − 1) + 1 ranks and a listing of total cost c scores 1 − c / (3(n − 1) + 1), then a little
 * less for typos, attribute and exactness.
 */
const PAIR_COST_MAX = 3;

/**
 * The ranking-score bar of a close match for a query of `syllables` words (as typed), followed by
 * the accent-exact spellings of those typed with diacritics (`accented`: all, none, or which;
 * searchText). Those sit in another attribute (accent-forms.ts), so the last word and the first
 * spelling are a far pair; between two spellings a phrase costs the bare words the query has
 * between them. A listing passes when its words lie at most closePairDistance apart on
 * average and the words they skip add up to at most closeGapsMax (a phrase), or, whatever the
 * query's length, when it scores closeMatchScore (the fixed bar of before, which long queries of
 * short Vietnamese syllables keep). The bar sits just above the best score of a listing that
 * skips one word more than allowed, so typos or attributes never push an allowed one under it.
 * Undefined below two syllables: one word has no scattered words to fear.
 */
export function closeMatchThreshold(syllables: number, accented: boolean | readonly boolean[] = false): number | undefined {
  if (syllables < 2) return undefined;
  const marked = (typeof accented === 'boolean' ? Array<boolean>(syllables).fill(accented) : accented).flatMap((m, i) => (m ? [i] : []));
  const words = syllables + marked.length;
  const ranks = PAIR_COST_MAX * (words - 1) + 1;
  const skipped = Math.min((SEARCH_RELEVANCE.closePairDistance - 1) * (syllables - 1), SEARCH_RELEVANCE.closeGapsMax);
  const between = marked.slice(1).reduce((sum, at, i) => sum + Math.min(PAIR_COST_MAX, at - marked[i] - 1), 0);
  const spellings = marked.length > 1 ? Math.min(between + skipped, PAIR_COST_MAX * (marked.length - 1)) : 0;
  const allowed = skipped + spellings + (marked.length ? PAIR_COST_MAX : 0);
  // The best score one cost above the allowed one is (ranks − allowed − 1) / ranks: just above it.
  return Math.min((ranks - allowed - 1) / ranks + 1e-6, SEARCH_RELEVANCE.closeMatchScore);
}

function thresholdFor(query: string): number | undefined {
  const marks = typedMarks(query.trim());
  return closeMatchThreshold(marks.length, marks);
}

function closeMatching(p: ListingSearchParams): Pick<MultiSearchQuery, 'matchingStrategy' | 'rankingScoreThreshold'> {
  const words = (p.query ?? '').trim().split(/\s+/).filter(Boolean).length;
  if (!words) return {};
  const threshold = words > 1 ? thresholdFor(p.query ?? '') : undefined;
  return threshold === undefined ? { matchingStrategy: 'all' } : { matchingStrategy: 'all', rankingScoreThreshold: threshold };
}

/**
 * A count-only query asked by page: Meilisearch then counts exhaustively, and only the hits that
 * pass the close-match bar. Asked with `limit: 0` (1.21) it counts every candidate that has the
 * words, scattered or not: "máy sấy" with kind = OFFER counted 38 offers and 12 demands for 29
 * and 8.
 */
const COUNT_EXACTLY = { page: 1, hitsPerPage: 0 } as const;

export function buildListingSearch(indexUid: string, p: ListingSearchParams): MultiSearchQuery[] {
  const q = searchText(p.query ?? '');
  const { facet, other } = listingFilters(p);
  const constrained = FACET_NAMES.filter((f) => facet[f] !== undefined);
  const filterWithout = (skip?: FacetName) => [...FACET_NAMES.filter((f) => f !== skip && facet[f] !== undefined).map((f) => facet[f]!), ...other];
  const window = variantWindow(p);
  const main: MultiSearchQuery = {
    indexUid,
    q,
    ...closeMatching(p),
    filter: filterWithout(),
    page: window ? 1 : p.page,
    hitsPerPage: window ? window.hits : p.pageSize,
    facets: FACET_NAMES.filter((f) => facet[f] === undefined),
    // The concept tags too: the few close matches of a narrow query lead to listings like them (similarToAnswer).
    attributesToRetrieve: [...LISTING_CARD_ATTRIBUTES, 'concepts'],
    attributesToHighlight: ['title', 'summary'],
    highlightPreTag: MARK_OPEN,
    highlightPostTag: MARK_CLOSE,
    // Which attributes the words matched in: a hit found only in a PDF says so on its card; and
    // the scores, to order ties within the variant window (orderTies).
    ...(q ? { showMatchesPosition: true } : {}),
    ...(window ? { showRankingScore: true } : {}),
  };
  const sort = listingSort(p);
  if (sort) main.sort = sort;
  return [main, ...constrained.map((f): MultiSearchQuery => ({ indexUid, q, ...closeMatching(p), filter: filterWithout(f), facets: [f], ...COUNT_EXACTLY, attributesToRetrieve: [] }))];
}

/**
 * Variants apart (search.weights.ts variantSimilarity): an exchange lists the same technology
 * many times over, differing only in the crop, the capacity or the place ("Máy sấy bơm nhiệt
 * buồng kín cho chuối, 600 kg/mẻ", "… cho khoai lang, 150 kg/mẻ"). Ranked as Meilisearch ranks
 * them, one such series fills the first page and hides every other answer. So, within the first
 * variantWindow results ranked by relevance, the first listing of each series keeps its place
 * among the others and the rest of the series follows them (spreadVariants). Nothing is hidden.
 * The page that overlaps the window is read from the window's start (one request, more hits);
 * pages past it are Meilisearch's own, so every listing is on exactly one page.
 */
export function variantWindow(p: ListingSearchParams): { hits: number; from: number } | null {
  if (!p.query?.trim() || (p.sort ?? 'RELEVANCE') !== 'RELEVANCE') return null;
  const from = (p.page - 1) * p.pageSize;
  if (from >= SEARCH_RELEVANCE.variantWindow) return null;
  return { hits: Math.max(SEARCH_RELEVANCE.variantWindow, from + p.pageSize), from };
}

/** A title's distinct words, folded, without numbers (a capacity or a year does not make another technology). */
export function titleWordSet(title: string): Set<string> {
  return new Set(foldDiacritics(title.toLowerCase()).match(/\p{L}+/gu) ?? []);
}

/** Two titles are variants of one listing when they share variantSimilarity of their words (Jaccard). */
export function areVariants(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size || !b.size) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared) >= SEARCH_RELEVANCE.variantSimilarity;
}

/**
 * The hits with each series of variants spread out: every series' first listing in its own place,
 * then the series' second listings, and so on, each round in the original order. `shown`: titles
 * already on the page above these hits (the close matches above related results); their series
 * count as started.
 */
export function spreadVariants<T extends { title?: string }>(hits: readonly T[], shown: readonly { title?: string }[] = []): T[] {
  const series: Set<string>[] = [];
  const members: number[] = [];
  const seriesOf = (title: string | undefined): number => {
    const words = titleWordSet(title ?? '');
    const i = series.findIndex((s) => areVariants(s, words));
    if (i >= 0) return i;
    series.push(words);
    members.push(0);
    return series.length - 1;
  };
  for (const s of shown) members[seriesOf(s.title)]++;
  const round = hits.map((h) => members[seriesOf(h.title)]++);
  return hits.map((h, i) => ({ h, i, r: round[i] })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.h);
}

/**
 * The close matches as a page shows them: within the first variantWindow hits (always the same
 * ones, whatever the page size, so every listing is on exactly one page), series spread apart and
 * offers before demands; past them, Meilisearch's order.
 */
export function orderWindow<T extends RankedHit & { kind?: string }>(
  hits: readonly T[],
  p: Pick<ListingSearchParams, 'kind' | 'query'>,
): T[] {
  const size = SEARCH_RELEVANCE.variantWindow;
  return [...answersFirst(spreadVariants(orderTies(hits.slice(0, size), p.query ?? '')), p), ...hits.slice(size)];
}

/**
 * Answers first (search.weights.ts offersBeforeDemands): with no kind chosen, the offers of these
 * ranked hits before the demands, each in its order. With a kind chosen, as they are.
 */
export function answersFirst<T extends { kind?: string }>(hits: readonly T[], p: Pick<ListingSearchParams, 'kind'>): T[] {
  if (p.kind || !SEARCH_RELEVANCE.offersBeforeDemands) return [...hits];
  return [...hits.filter((h) => h.kind !== 'DEMAND'), ...hits.filter((h) => h.kind === 'DEMAND')];
}

/**
 * Whether a page shows related results: a search with words, on the page where the close
 * matches end (or the first, when there are none).
 */
export function wantsRelated(p: ListingSearchParams, closeCount: number): boolean {
  return Boolean(p.query?.trim()) && closeCount <= p.page * p.pageSize && (p.page - 1) * p.pageSize <= closeCount;
}

/**
 * The query's shorter forms for related results: the query without one of its syllables, and,
 * from four syllables on, without two neighbouring ones (a Vietnamese word is usually two
 * syllables: "máy tính lượng tử" without "máy tính" is "lượng tử"). A one-word query has none. At most MAX_RELATED_WORDS words
 * are considered, so a long query costs a bounded number of sub-queries.
 */
export function relatedForms(query: string): string[] {
  return relatedFormsDropping(query).map((f) => f.form);
}

/** relatedForms, each with the positions of the words it drops. */
function relatedFormsDropping(query: string): { form: string; dropped: number[] }[] {
  const words = queryWords(query);
  if (words.length < 2) return [];
  const forms = new Map<string, number[]>();
  const add = (dropped: number[]) => {
    const form = words.filter((_, j) => !dropped.includes(j)).join(' ');
    if (!forms.has(form)) forms.set(form, dropped);
  };
  for (let i = 0; i < words.length; i++) add([i]);
  // Dropping a whole word only when at least two syllables, and half the query, remain: one
  // syllable left of three ("xe" of "xe tự lái") is the stray syllable this is meant to avoid.
  if (words.length >= 4) for (let i = 0; i + 1 < words.length; i++) add([i, i + 1]);
  return [...forms].map(([form, dropped]) => ({ form, dropped }));
}

/** The query's words considered for related results (at most maxRelatedWords). */
function queryWords(query: string): string[] {
  return withoutJoiningWords(query).split(/\s+/).filter(Boolean).slice(0, SEARCH_RELEVANCE.maxRelatedWords);
}

/**
 * How many listings (with the page's filters) have each word of the query (queryWords order),
 * then each pair of neighbouring words as a phrase, then how many there are in all: count-only
 * queries, asked with the close matches' ids, so the related results can tell a rare word from a
 * common one (relatedWeights), and a rare two-syllable word made of common syllables ("lượng tử":
 * "chất lượng" and "điện tử" are everywhere) from two words side by side. Empty below two words.
 */
export function buildWordCountSearches(indexUid: string, p: ListingSearchParams): MultiSearchQuery[] {
  const words = queryWords(p.query ?? '');
  if (words.length < 2) return [];
  const { facet, other } = listingFilters(p);
  const filter = [...FACET_NAMES.filter((f) => facet[f] !== undefined).map((f) => facet[f]!), ...other];
  const count = (q: string): MultiSearchQuery => ({ indexUid, q: searchText(q), matchingStrategy: 'all', filter, limit: 0, attributesToRetrieve: [] });
  // Pairs only of Vietnamese, typed with diacritics or without: there a syllable is no word, and
  // "lượng tử" ("luong tu") is one whether or not any listing says it; English words are words
  // ("storage monitoring" side by side in no listing is no word of its own).
  const vietnamese = hasDiacritics(p.query ?? '') || isBareVietnamese(p.query ?? '');
  const pairs = vietnamese ? words.slice(1).map((w, i) => count(`"${words[i]} ${w}"`)) : [];
  return [...words.map(count), ...pairs, { indexUid, q: '', filter, limit: 0, attributesToRetrieve: [] }];
}

/** The counts of buildWordCountSearches' answers: per word, per neighbouring pair (as a phrase), then the total. */
export interface WordCounts {
  perWord: number[];
  /** perPair[i]: the listings with words i and i + 1 side by side; absent in counts made without them. */
  perPair?: number[];
  total: number;
}

/** The answers of buildWordCountSearches for `query`: n words, their n − 1 pairs when asked, the total. */
export function readWordCounts(results: readonly { estimatedTotalHits?: number; totalHits?: number }[], query: string): WordCounts | undefined {
  const n = queryWords(query).length;
  if (n < 2 || (results.length !== n + 1 && results.length !== 2 * n)) return undefined;
  const counts = results.map((r) => r.totalHits ?? r.estimatedTotalHits ?? 0);
  const total = counts[counts.length - 1];
  return results.length === 2 * n ? { perWord: counts.slice(0, n), perPair: counts.slice(n, 2 * n - 1), total } : { perWord: counts.slice(0, n), total };
}

/**
 * The federation weight of a shorter form: 1 for one word dropped (twoDroppedWeight for two),
 * less by droppedRarity × the dropped words' share of the query's rarity (inverse document
 * frequency, ln((N + 1) / (n + 1)) for a word n of N listings have). A form that drops the
 * query's rarest word ("cubesat" of "vệ tinh cubesat", "biogas" of "hầm biogas") keeps only its
 * common words and ranks below a form that drops a common one.
 */
export function relatedWeight(dropped: readonly number[], counts: WordCounts | undefined, share = droppedShare(dropped, counts)): number {
  const base = dropped.length > 1 ? SEARCH_RELEVANCE.twoDroppedWeight : 1;
  return base * (1 - SEARCH_RELEVANCE.droppedRarity * share);
}

/**
 * The share of the query's rarity (inverse document frequency) that the dropped words carry; 0
 * without counts, and 0 in a catalogue of fewer than relatedCommonMinListings listings, where
 * rarity says little: with one listing, its every word is as common as can be and a word it lacks
 * would carry all the rarity, so no shorter form would ever be asked.
 */
export function droppedShare(dropped: readonly number[], counts: WordCounts | undefined): number {
  if (!counts || counts.total < SEARCH_RELEVANCE.relatedCommonMinListings) return 0;
  const idfOf = (n: number) => Math.log((counts.total + 1) / (n + 1));
  const idf = counts.perWord.map(idfOf);
  // A pair of neighbouring words rarer side by side than either alone is a word of its own; what it
  // says beyond its rarer syllable is lost when either syllable is dropped ("máy tính tử" of "máy
  // tính lượng tử" keeps the "tử" of "điện tử").
  const pairs = (counts.perPair ?? []).map((n, i) => Math.max(0, idfOf(n) - Math.max(idf[i] ?? 0, idf[i + 1] ?? 0)));
  const all = idf.reduce((a, b) => a + b, 0) + pairs.reduce((a, b) => a + b, 0);
  if (all <= 0) return 0;
  const lost = dropped.reduce((sum, i) => sum + (idf[i] ?? 0), 0) + pairs.reduce((sum, excess, i) => sum + (dropped.includes(i) || dropped.includes(i + 1) ? excess : 0), 0);
  return lost / all;
}

/** Whether every word a shorter form keeps is in more than relatedMaxCommonness of the listings (and relatedCommonMinListings); false without counts. */
export function tooCommon(dropped: readonly number[], counts: WordCounts | undefined): boolean {
  if (!counts) return false;
  const common = Math.max(SEARCH_RELEVANCE.relatedMaxCommonness * counts.total, SEARCH_RELEVANCE.relatedCommonMinListings);
  const kept = counts.perWord.filter((_, i) => !dropped.includes(i));
  return kept.length > 0 && kept.every((n) => n > common);
}

/**
 * The related results (search.weights.ts): listings that have every word of one of the query's
 * shorter forms (relatedForms), close together (the same bar as close matches), with the same
 * filters; one federated multi-search, merged by ranking score (dropping one syllable weighs more
 * than dropping two); and the listings on the query's topics, and those like its best close match
 * (`answer`, similarToAnswerVector). Null when there is none of these to ask.
 */
export function buildRelatedSearch(
  indexUid: string,
  p: ListingSearchParams,
  closeCount: number,
  counts?: WordCounts,
  answer?: Pick<Hit, 'concepts' | 'primaryFieldCodes'>,
): FederatedMultiSearchParams | null {
  // A form that has lost most of what made the query specific ("năng lượng" of "năng lượng nhiệt
  // hạch") is about something else: not related, however many listings it finds. So is a form of
  // common words only ("sinh học" of "máy in sinh học"): it is about nothing in particular.
  const forms = relatedFormsDropping(p.query ?? '')
    .map((f) => ({ ...f, share: droppedShare(f.dropped, counts) }))
    .filter(({ share, dropped }) => share <= SEARCH_RELEVANCE.relatedMaxDroppedShare && !tooCommon(dropped, counts));
  const { topics, coverage } = topicsOf(p.query ?? '');
  const like = similarToAnswerVector(closeCount, answer, p.query ?? '');
  if (!forms.length && !topics.length && !like) return null;
  const { facet, other } = listingFilters(p);
  const filter = [...FACET_NAMES.filter((f) => facet[f] !== undefined).map((f) => facet[f]!), ...other];
  const display = {
    attributesToRetrieve: [...LISTING_CARD_ATTRIBUTES],
    attributesToHighlight: ['title', 'summary'],
    highlightPreTag: MARK_OPEN,
    highlightPostTag: MARK_CLOSE,
  };
  // Same topic in other words or another language: every specific concept of the query (the
  // lexicon's tags, which name a thing in Vietnamese, with or without diacritics, and English),
  // ranked by the concept embedding's similarity, after the shorter forms (a lower weight).
  const vector = topics.length ? matchVector(topics, []) : null;
  const topicQuery: FederatedMultiSearchParams['queries'] = vector
    ? [
        {
          indexUid,
          q: '',
          vector,
          hybrid: { embedder: MATCH_EMBEDDER, semanticRatio: 1 },
          rankingScoreThreshold: SEARCH_RELEVANCE.topicMinSimilarity,
          filter: [...filter, ...topics.map((t) => `concepts = ${quote(t)}`)],
          ...display,
          federationOptions: { weight: coverage === 'whole' ? SEARCH_RELEVANCE.topicWeightWhole : SEARCH_RELEVANCE.topicWeight },
        },
      ]
    : [];
  // Like the answer: when the query has only a few close matches, the listings whose concepts and
  // fields are nearest the best of them (pseudo-relevance feedback: the answer says in the
  // catalogue's words what the query meant, "mushroom spawn" → growing mushrooms, "ICD-10 coding"
  // → hospital records). Without a close match there is nothing to go by, so an absent technology
  // gains nothing from this.
  const likeQuery: FederatedMultiSearchParams['queries'] = like
    ? [
        {
          indexUid,
          q: '',
          vector: like,
          hybrid: { embedder: MATCH_EMBEDDER, semanticRatio: 1 },
          rankingScoreThreshold: SEARCH_RELEVANCE.similarToAnswer.minSimilarity,
          filter,
          ...display,
          federationOptions: { weight: SEARCH_RELEVANCE.similarToAnswer.weight },
        },
      ]
    : [];
  return {
    // Twice what the page shows: listings that tie at the cut (the same concepts give the same
    // vector score) are told apart here by orderTies, not by Meilisearch's insertion order.
    federation: { limit: closeCount + 2 * relatedLimit(p, closeCount) },
    queries: [...forms.map(({ form, dropped, share }) => {
      const lost = lostTopics(p.query ?? '', form);
      return {
        indexUid,
        q: searchText(form),
        matchingStrategy: 'all' as const,
        // The fixed bar: a shorter form is already a relaxation (measured: with the close-match
        // window here too, absent technologies brought more unrelated listings, "may in sinh hoc" 3).
        rankingScoreThreshold: SEARCH_RELEVANCE.closeMatchScore,
        filter: lost.length ? [...filter, inList('concepts', lost)] : filter,
        attributesToRetrieve: [...LISTING_CARD_ATTRIBUTES],
        attributesToHighlight: ['title', 'summary'],
        highlightPreTag: MARK_OPEN,
        highlightPostTag: MARK_CLOSE,
        federationOptions: { weight: relatedWeight(dropped, counts, share) },
      };
    }), ...topicQuery, ...likeQuery],
  };
}

/**
 * The query's topics that a shorter form no longer names, when it names none of them: the form is
 * then about something else, and keeps only the listings on one of the query's topics. "tôm chết
 * hàng loạt" (shrimp dying en masse) without "tôm chết" is "hàng loạt", any mass production, and
 * brought a CNC controller and a coconut peeler as related results. A form that keeps one topic
 * ("nước mắm" of "nước mắm xuất khẩu"), or a broader one ("dryer" of "heat pump dryer"), is not
 * filtered: what it dropped was a qualifier. The filter names the query's specific concepts (without
 * those another one found implies: "heat pump", not also "drying"). Empty when
 * SEARCH_RELEVANCE.relatedKeepsTopic is off.
 */
export function lostTopics(query: string, form: string): string[] {
  if (!SEARCH_RELEVANCE.relatedKeepsTopic) return [];
  const found = extractConcepts(query);
  const kept = new Set(extractConcepts(form));
  return found.some((c) => kept.has(c)) ? [] : specificOf(found);
}

/**
 * The concept vector of the best close match, when the query has at most similarToAnswer.maxClose
 * close matches (and one at least) and the lexicon names what that listing is about: with no
 * concept, its vector would be its taxonomy field alone, and "like it" any listing of the field.
 */
export function similarToAnswerVector(closeCount: number, answer: Pick<Hit, 'concepts' | 'primaryFieldCodes'> | undefined, query = ''): number[] | null {
  if (!answer?.concepts?.length || closeCount < 1 || closeCount > SEARCH_RELEVANCE.similarToAnswer.maxClose) return null;
  const like = matchVector(answer.concepts, answer.primaryFieldCodes ?? []);
  // Rocchio's feedback: the answer's vector plus the query's own concepts, so that what the visitor
  // asked about leads among the answer's other traits ("làm trà thủ công": the tea-roasting
  // machine's answer is about tea, not about the heat-pump drying it also does).
  const asked = SEARCH_RELEVANCE.similarToAnswer.queryWeight > 0 ? matchVector(extractConcepts(query), []) : null;
  if (!like || !asked) return like;
  return unitVector(like.map((x, i) => x + SEARCH_RELEVANCE.similarToAnswer.queryWeight * asked[i]));
}

/**
 * Whether the lexicon understands the query: every word (one may be left over from three words
 * on) belongs to a phrase of up to four words that names a concept by itself. "robot phẫu thuật"
 * is not about robots in general, and "blockchain bất động sản" is not about traceability: a
 * topic found for part of the query would bring listings about that part only.
 */
function topicCoverage(query: string): 'whole' | 'all but one' | null {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, SEARCH_RELEVANCE.maxRelatedWords);
  const covered = new Array<boolean>(words.length).fill(false);
  const concepts = new Map<string, string[]>();
  const of = (start: number, end: number) => {
    const key = `${start}:${end}`;
    if (!concepts.has(key)) concepts.set(key, start < end ? extractConcepts(words.slice(start, end).join(' ')) : []);
    return concepts.get(key)!;
  };
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= Math.min(words.length, start + 4); end++) {
      // the span names a concept that needs its first and its last word (not "robot" + stray words)
      const needsEnds = of(start, end).some((c) => !of(start + 1, end).includes(c) && !of(start, end - 1).includes(c));
      if (needsEnds) covered.fill(true, start, end);
    }
  }
  const missing = covered.filter((c) => !c).length;
  if (missing === 0) return 'whole';
  return words.length >= 3 && missing <= 1 ? 'all but one' : null;
}

/** Concepts implied by another (CONCEPTS `also`): "rice" says less than "ricemech", which implies it. */
const IMPLIED_BY = new Map(CONCEPTS.map((c) => [c.id, c.also ? c.also.split('|') : []]));

/**
 * The query's specific topics: the lexicon's concept tags found in it, without those another tag
 * found implies (a listing about "shrimp disease" need not also be tagged "aquaculture" in the
 * filter: the specific tag carries it).
 */
export function queryTopics(query: string): string[] {
  return topicsOf(query).topics;
}

/** queryTopics, with how much of the query the lexicon names (topicCoverage), worked out once. */
function topicsOf(typed: string): { topics: string[]; coverage: ReturnType<typeof topicCoverage> } {
  const query = withoutJoiningWords(typed);
  const coverage = query ? topicCoverage(query) : null;
  if (!coverage) return { topics: [], coverage };
  return { topics: specificOf(extractConcepts(query)), coverage };
}

/** The concepts none of the others implies ("shrimp disease", not also "aquaculture"). */
function specificOf(found: readonly string[]): string[] {
  const implied = new Set(found.flatMap((c) => IMPLIED_BY.get(c) ?? []));
  return found.filter((c) => !implied.has(c));
}

/** The close matches' ids, to leave them out of the related results (a count-sized query). */
export function buildCloseIdsSearch(indexUid: string, p: ListingSearchParams, closeCount: number): MultiSearchQuery {
  const { facet, other } = listingFilters(p);
  const filter = [...FACET_NAMES.filter((f) => facet[f] !== undefined).map((f) => facet[f]!), ...other];
  return { indexUid, q: searchText(p.query ?? ''), ...closeMatching(p), filter, limit: closeCount, attributesToRetrieve: ['id'] };
}

/**
 * Related results first: the listings with every word of the query in the title, however far
 * apart (past 3 words apart Meilisearch scores a pair as it scores two attributes apart, so the
 * close-match bar cannot keep these), in Meilisearch's order. With diacritics, the accent-exact
 * spellings anywhere in the listing. Null for a query of one word (every such listing is a close
 * match). Asks for the close matches' count more, since those are left out afterwards (at most
 * titleScanMax: past that many close matches, the far-apart title hits may be missed).
 */
export function buildTitleSearch(indexUid: string, p: ListingSearchParams, closeCount: number): MultiSearchQuery | null {
  if ((p.query ?? '').trim().split(/\s+/).filter(Boolean).length < 2) return null;
  const limit = Math.min(closeCount + relatedLimit(p, closeCount), SEARCH_RELEVANCE.titleScanMax);
  return { ...buildAllWordsSearch(indexUid, p, closeCount), attributesToSearchOn: ['title', 'titleAccentForms'], limit };
}

/**
 * Where a listing's own words are: its text in both languages, its synonyms, its documents, who
 * offers it and where; not the names of the fields it is filed under, broad words that most
 * listings share ("khoa học", "kỹ thuật", "sinh học"). A query whose words are found only with
 * their help ("máy in sinh học": "sinh học" from the field "Công nghệ sinh học", "in" from an
 * English description) is not about the listing. Each must be in every document (listing-document.ts).
 */
const OWN_TEXT_ATTRIBUTES = ['title', 'keywords', 'summary', 'description', 'aliases', 'gloss', 'organizationName', 'provinceNames', 'accentForms', 'documentText'];

/**
 * The last resort of a page that would show nothing: the listings whose own text has every word
 * of the query, however scattered (no closeness bar), shown as related results. Asked only when
 * there is no close match and no other related result: a listing that has every word is never hidden.
 */
export function buildAllWordsSearch(indexUid: string, p: ListingSearchParams, closeCount: number): MultiSearchQuery {
  const { facet, other } = listingFilters(p);
  const filter = [...FACET_NAMES.filter((f) => facet[f] !== undefined).map((f) => facet[f]!), ...other];
  return {
    indexUid,
    q: searchText(p.query ?? ''),
    matchingStrategy: 'all',
    attributesToSearchOn: OWN_TEXT_ATTRIBUTES,
    filter,
    limit: relatedLimit(p, closeCount),
    attributesToRetrieve: [...LISTING_CARD_ATTRIBUTES],
    attributesToHighlight: ['title', 'summary'],
    highlightPreTag: MARK_OPEN,
    highlightPostTag: MARK_CLOSE,
  };
}

/** How many related results the page shows: what is left of the page after its close matches, and at least relatedMin. */
export function relatedLimit(p: ListingSearchParams, closeCount: number): number {
  const closeOnPage = Math.max(0, Math.min(p.pageSize, closeCount - (p.page - 1) * p.pageSize));
  return Math.max(SEARCH_RELEVANCE.relatedMin, p.pageSize - closeOnPage);
}

/** The page's related results from the answers, in order (title hits, then the federated ones), without the close matches and repeats. */
export function readRelatedSearch(
  p: ListingSearchParams,
  closeCount: number,
  closeIds: ReadonlySet<string>,
  shownAbove: readonly { title?: string }[],
  ...answers: ({ hits: Hit[] } | null | undefined)[]
): ListingSearchHit[] {
  const seen = new Set(closeIds);
  const candidates = answers.flatMap((a) => orderTies(a?.hits ?? [], p.query ?? '')).filter((h) => !seen.has(String(h.id)) && Boolean(seen.add(String(h.id))));
  return answersFirst(spreadVariants(candidates, shownAbove), p)
    .slice(0, relatedLimit(p, closeCount))
    .map(toSearchHit);
}

/** What orderTies reads of a hit. */
export type RankedHit = Partial<Pick<Hit, 'title' | 'summary' | 'keywords' | 'slug' | '_federation' | '_rankingScore'>> & { id: string };

/**
 * Hits of one ranked answer whose scores tie (to 1e-6), in an order that means something and
 * stays the same from one index build to the next: more of the query's words in the title, then in
 * the keywords and summary, then by slug. Meilisearch breaks such ties by the order documents were
 * indexed, which the outbox does not fix: the same query gave a different page after every rebuild
 * (topic results share one vector score per set of concepts; a series of listings one template
 * wrote scores alike). The score: the federated one, else `_rankingScore`; an answer without
 * scores keeps its order.
 */
export function orderTies<T extends RankedHit>(hits: readonly T[], query: string): T[] {
  const scoreOf = (h: T) => h._federation?.weightedRankingScore ?? h._rankingScore;
  if (!hits.length || hits.some((h) => scoreOf(h) === undefined)) return [...hits];
  const words = [...new Set(foldDiacritics(query.toLowerCase()).match(MEILI_WORD) ?? [])];
  const found = (text: string) => {
    const have = new Set(foldDiacritics(text.toLowerCase()).match(MEILI_WORD) ?? []);
    return words.filter((w) => have.has(w)).length;
  };
  const key = (h: T) => ({
    score: Math.round((scoreOf(h) ?? 0) * 1e6),
    title: found(h.title ?? ''),
    rest: found(`${(h.keywords ?? []).join(' ')} ${h.summary ?? ''}`),
    slug: h.slug ?? String(h.id),
  });
  const keyed = hits.map((h) => ({ h, k: key(h) }));
  keyed.sort((a, b) => b.k.score - a.k.score || b.k.title - a.k.title || b.k.rest - a.k.rest || (a.k.slug < b.k.slug ? -1 : a.k.slug > b.k.slug ? 1 : 0));
  return keyed.map(({ h }) => h);
}

function toSearchHit({ _formatted, _matchesPosition, _federation, _rankingScore, ...document }: Hit): ListingSearchHit {
  return {
    id: String(document.id),
    highlightedTitle: highlighted(_formatted?.title, document.title ?? ''),
    highlightedSummary: highlighted(_formatted?.summary, document.summary ?? ''),
    matchedOnlyInDocuments: matchedOnlyInDocuments(_matchesPosition),
    document,
  };
}

/**
 * Whether the query's words were found in the listing's PDF text and nowhere else of it (the
 * card then names the document: "found in the document …"). From Meilisearch's match positions
 * (showMatchesPosition), which name every attribute a word matched in.
 */
export function matchedOnlyInDocuments(positions: Record<string, unknown> | undefined): boolean {
  const attributes = Object.keys(positions ?? {});
  return attributes.length > 0 && attributes.every((a) => a === 'documentText' || a.startsWith('documentText.'));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * `<mark>` around the matched words, everything else escaped. Falls back to the escaped
 * original when there is no highlight, or when the text itself contains the marker characters
 * (so a listing cannot forge a <mark>).
 */
export function highlighted(formatted: string | undefined, original: string): string {
  if (formatted === undefined || original.includes(MARK_OPEN) || original.includes(MARK_CLOSE)) {
    return escapeHtml(original.replace(/[\uE000\uE001]/g, ''));
  }
  return escapeHtml(formatted).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}

export interface ListingSearchHit {
  id: string;
  highlightedTitle: string;
  highlightedSummary: string;
  /** The words were found only in the text of its PDF documents (the main search's hits; false elsewhere). */
  matchedOnlyInDocuments: boolean;
  /** The hit's document (LISTING_CARD_ATTRIBUTES, and a close match's concept tags; older documents may lack some). */
  document: Partial<ListingCardDocument> & Partial<Pick<ListingDocument, 'concepts'>>;
}

export interface ListingSearchOutcome {
  hits: ListingSearchHit[];
  totalHits: number;
  /** Facet name → value → count, in FACET_NAMES order. */
  facets: { name: FacetName; counts: Record<string, number> }[];
  processingTimeMs: number;
}

export type Hit = Partial<ListingCardDocument> &
  Partial<Pick<ListingDocument, 'concepts'>> & {
    id: string;
    title: string;
    summary: string;
    _formatted?: { title?: string; summary?: string };
    _matchesPosition?: Record<string, unknown>;
    _federation?: { weightedRankingScore?: number };
    _rankingScore?: number;
  };

/** Reads the multi-search answer of buildListingSearch. */
export function readListingSearch(p: ListingSearchParams, response: MultiSearchResponse): ListingSearchOutcome {
  const [main, ...facetResults] = response.results as unknown as SearchResponse<Hit>[];
  const { facet } = listingFilters(p);
  const constrained = FACET_NAMES.filter((f) => facet[f] !== undefined);
  const distribution: Record<string, Record<string, number>> = { ...(main.facetDistribution ?? {}) };
  constrained.forEach((f, i) => (distribution[f] = facetResults[i]?.facetDistribution?.[f] ?? {}));
  const window = variantWindow(p);
  const ranked = window ? orderWindow(main.hits ?? [], p).slice(window.from, window.from + p.pageSize) : (main.hits ?? []);
  const hits = ranked.map(toSearchHit);
  return {
    hits,
    totalHits: main.totalHits ?? main.estimatedTotalHits ?? hits.length,
    facets: FACET_NAMES.map((name) => ({ name, counts: distribution[name] ?? {} })),
    processingTimeMs: (response.results as unknown as SearchResponse[]).reduce((sum, r) => sum + (r.processingTimeMs ?? 0), 0),
  };
}
