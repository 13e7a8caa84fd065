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
 */
import { PROVINCES, TECH_FIELDS, enumLabel, type Lang } from '@techport/shared';
import type { MultiSearchQuery } from 'meilisearch';
import type { ListingDocument } from '../search/listing-document.js';
import { MATCH_EMBEDDER, extractConcepts, findConcept, glossText, hasDiacritics, matchVector, wordsOf } from '../text/index.js';
import {
  BIGRAM_WEIGHT,
  BUDGET_TOLERANCE,
  CONSTRAINT_FLOOR,
  CONSTRAINT_WEIGHTS,
  FIELD_PARENT_CREDIT,
  LEXICAL_FIELD_WEIGHTS,
  MATCH_FEEDBACK,
  MAX_DESCRIPTION_CHARS,
  MIN_RELEVANCE,
  QUERY_WEIGHTS,
  RELEVANCE_WEIGHTS,
  RETRIEVAL,
  RRF_K,
  SATURATION,
  TRL_GAP_PENALTY,
  UNKNOWN_CREDIT,
} from './matching.weights.js';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** What matching needs of a listing: a ListingDocument or any object with these fields. */
export type MatchListing = Pick<
  ListingDocument,
  'id' | 'kind' | 'title' | 'summary' | 'description' | 'keywords' | 'fieldCodes' | 'trl' | 'priceMin' | 'priceMax' | 'transferModes' | 'provinceCode'
> &
  Partial<Pick<ListingDocument, 'primaryFieldCodes' | 'concepts' | 'negotiable' | 'language' | 'organizationId' | 'gloss'>>;

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

/** The feedback signal of a candidate for `source`, in [0, 1] (MATCH_FEEDBACK). */
export function feedbackSignal(source: { id: string; concepts: readonly string[] }, candidateId: string, feedback: MatchFeedback | undefined): number {
  if (!feedback) return 0;
  const src = new Set(source.concepts);
  let best = 0;
  for (const p of feedback.pairs) {
    if (p.candidateId !== candidateId) continue;
    let similarity: number;
    if (p.counterpart.id === source.id) similarity = 1;
    else {
      const shared = p.counterpart.concepts.filter((c) => src.has(c)).length;
      similarity = shared && src.size ? shared / Math.sqrt(src.size * p.counterpart.concepts.length) : 0;
    }
    if (similarity < MATCH_FEEDBACK.minSimilarity) continue;
    const ageDays = Math.max(0, feedback.now - p.at) / 86_400_000;
    const strength = p.kind === 'DEAL' ? MATCH_FEEDBACK.dealStrength : MATCH_FEEDBACK.interestStrength;
    best = Math.max(best, strength * similarity * 0.5 ** (ageDays / MATCH_FEEDBACK.halfLifeDays));
  }
  return Math.min(1, best);
}

export interface MultiSearchClient {
  multiSearch(params: { queries: MultiSearchQuery[] }): Promise<{ results: { hits: unknown[] }[] }>;
}

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
  'negotiable',
  'transferModes',
  'provinceCode',
  'language',
  'organizationId',
];

// ---------------------------------------------------------------------------------------------
// Text: content words (text/content-words.ts), folded
// ---------------------------------------------------------------------------------------------

/** Up to `max` distinct content words of a text, original spelling, for a Meilisearch query. */
export function queryWords(text: string, max: number = RETRIEVAL.maxQueryWords): string {
  const seen = new Set<string>();
  const out: string[] = [];
  const surfaces: (string | null)[] = [];
  const words = wordsOf(text, hasDiacritics(text), surfaces);
  for (let i = 0; i < words.length; i++) {
    const f = words[i];
    if (!f || seen.has(f)) continue;
    seen.add(f);
    out.push(surfaces[i]!);
    if (out.length >= max) break;
  }
  return out.join(' ');
}

function listingFields(l: MatchListing): [string, number][] {
  return [
    [l.title, LEXICAL_FIELD_WEIGHTS.title],
    [l.keywords.join(' , '), LEXICAL_FIELD_WEIGHTS.keywords],
    [l.summary, LEXICAL_FIELD_WEIGHTS.summary],
    [l.description.slice(0, MAX_DESCRIPTION_CHARS), LEXICAL_FIELD_WEIGHTS.description],
    // the title, keywords and summary in the other language (text/gloss.ts glossText): an
    // English demand shares words with a Vietnamese offer
    [LEXICAL_FIELD_WEIGHTS.gloss > 0 ? (l.gloss ?? glossText([l.title, ...l.keywords, l.summary])) : '', LEXICAL_FIELD_WEIGHTS.gloss],
  ];
}

function isAccented(l: MatchListing): boolean {
  return hasDiacritics(l.title + ' ' + l.summary + ' ' + l.keywords.join(' '));
}

/** Field-weighted bag of folded words and adjacent word pairs, sublinear in frequency. */
function termVector(l: MatchListing): Map<string, number> {
  const weights = new Map<string, number>();
  const accented = isAccented(l);
  for (const [text, fieldWeight] of listingFields(l)) {
    if (!(fieldWeight > 0)) continue;
    const words = wordsOf(text, accented);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w === null) continue;
      weights.set(w, (weights.get(w) ?? 0) + fieldWeight);
      const next = words[i + 1];
      if (next && BIGRAM_WEIGHT > 0) {
        const key = w + ' ' + next;
        weights.set(key, (weights.get(key) ?? 0) + fieldWeight * BIGRAM_WEIGHT);
      }
    }
  }
  // sublinear: a word repeated in every field should not dominate
  for (const [k, v] of weights) weights.set(k, Math.log1p(v));
  return weights;
}

/** How the listing spells its folded terms (for labels; computed only for returned matches). */
function termSurfaces(l: MatchListing, wanted: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const accented = isAccented(l);
  for (const [text] of listingFields(l)) {
    const surfaces: (string | null)[] = [];
    const words = wordsOf(text, accented, surfaces);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w === null) continue;
      if (wanted.has(w) && !out.has(w)) out.set(w, surfaces[i]!);
      const next = words[i + 1];
      if (next && wanted.has(w + ' ' + next) && !out.has(w + ' ' + next)) out.set(w + ' ' + next, surfaces[i] + ' ' + surfaces[i + 1]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Listing helpers
// ---------------------------------------------------------------------------------------------

const fieldByCode = new Map(TECH_FIELDS.map((f) => [f.code, f]));

function counterpartKind(kind: string): 'OFFER' | 'DEMAND' {
  return kind === 'OFFER' ? 'DEMAND' : 'OFFER';
}

function primaryFields(l: MatchListing): string[] {
  if (l.primaryFieldCodes && l.primaryFieldCodes.length) return l.primaryFieldCodes;
  // without the own-codes list, keep the most specific codes (those no other code descends from)
  const codes = l.fieldCodes ?? [];
  return codes.filter((c) => !codes.some((o) => o !== c && fieldByCode.get(o)?.parent === c));
}

function conceptsOf(l: MatchListing): string[] {
  if (l.concepts) return l.concepts;
  return extractConcepts([l.title, l.summary, l.keywords.join(' ; '), l.description].join(' . '));
}

function quote(v: string): string {
  return JSON.stringify(v);
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

interface NamedQuery {
  name: QueryName;
  query: MultiSearchQuery;
}

function namedQueries(source: MatchListing, indexUid: string): NamedQuery[] {
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

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

interface Signals {
  lexical: number;
  concepts: number;
  field: number;
  fusion: number;
  feedback: number;
  sharedConcepts: string[];
  sharedFields: string[];
  parentFields: string[];
}

/** Pool IDF: each document's terms must be distinct (Map keys, de-duplicated tag lists). */
function idfMap(docs: Iterable<Iterable<string>>, n: number): (term: string) => number {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d) df.set(t, (df.get(t) ?? 0) + 1);
  return (t) => Math.log(1 + (n + 1) / ((df.get(t) ?? 0) + 0.5));
}

function fieldOverlap(src: string[], cand: string[]): { score: number; exact: string[]; parent: string[] } {
  if (!src.length || !cand.length) return { score: 0, exact: [], parent: [] };
  const candSet = new Set(cand);
  const candParents = new Set(cand.map((c) => fieldByCode.get(c)?.parent).filter((p): p is string => !!p));
  let total = 0;
  const exact: string[] = [];
  const parent: string[] = [];
  for (const c of src) {
    if (candSet.has(c)) {
      total += 1;
      exact.push(c);
    } else {
      const p = fieldByCode.get(c)?.parent;
      if (p && candParents.has(p)) {
        total += FIELD_PARENT_CREDIT;
        if (!parent.includes(p)) parent.push(p);
      }
    }
  }
  return { score: total / src.length, exact, parent };
}

// ---- constraints ----------------------------------------------------------------------------

interface ConstraintResult {
  code: 'TRL' | 'BUDGET' | 'TRANSFER_MODE' | 'PROVINCE';
  weight: number; // share inside C
  satisfaction: number; // 0..1
  label: { vi: string; en: string };
  /** Show the reason even at weight 0 (a failed or unknown constraint). */
  always: boolean;
}

function money(v: number, lang: Lang): string {
  if (lang === 'en') {
    if (v >= 1e9) return `VND ${+(v / 1e9).toFixed(2)} billion`;
    if (v >= 1e6) return `VND ${+(v / 1e6).toFixed(1)} million`;
    return `VND ${v.toLocaleString('en-US')}`;
  }
  if (v >= 1e9) return `${String(+(v / 1e9).toFixed(2)).replace('.', ',')} tỷ đồng`;
  if (v >= 1e6) return `${String(+(v / 1e6).toFixed(1)).replace('.', ',')} triệu đồng`;
  return `${v.toLocaleString('vi-VN')} đồng`;
}

/** A transfer mode in the middle of a sentence: its label (libs/shared/src/labels.ts), lowercased. */
function transferModeInSentence(mode: string, lang: Lang): string {
  return enumLabel('TransferMode', mode, lang).toLowerCase();
}

function both(lang: Lang, vi: string, en: string): string {
  return lang === 'en' ? en : vi;
}

function constraints(source: MatchListing, cand: MatchListing): ConstraintResult[] {
  const offer = source.kind === 'OFFER' ? source : cand;
  const demand = source.kind === 'OFFER' ? cand : source;
  const out: ConstraintResult[] = [];

  // TRL: the offer's level against the demand's minimum
  {
    const min = demand.trl;
    const lvl = offer.trl;
    let s: number;
    let label: { vi: string; en: string };
    if (min == null) {
      s = 1;
      label = lvl == null
        ? { vi: 'Không yêu cầu TRL tối thiểu', en: 'No minimum TRL required' }
        : { vi: `TRL ${lvl}, không yêu cầu mức tối thiểu`, en: `TRL ${lvl}, no minimum required` };
    } else if (lvl == null) {
      s = UNKNOWN_CREDIT;
      label = { vi: `Chưa nêu TRL (yêu cầu tối thiểu ${min})`, en: `TRL not stated (minimum ${min} required)` };
    } else if (lvl >= min) {
      s = 1;
      label = { vi: `TRL ${lvl} ≥ mức tối thiểu ${min}`, en: `TRL ${lvl} ≥ required minimum ${min}` };
    } else {
      s = Math.max(0, 1 - (min - lvl) * TRL_GAP_PENALTY);
      label = { vi: `TRL ${lvl} thấp hơn mức tối thiểu ${min}`, en: `TRL ${lvl} is below the required minimum ${min}` };
    }
    out.push({ code: 'TRL', weight: CONSTRAINT_WEIGHTS.trl, satisfaction: s, label, always: true });
  }

  // BUDGET: the offer's asking price (from) against the demand's budget
  {
    const budget = demand.priceMax;
    const price = offer.priceMin ?? offer.priceMax;
    let s: number;
    let label: { vi: string; en: string };
    if (budget == null) {
      s = 1;
      label = { vi: 'Không nêu ngân sách', en: 'No budget stated' };
    } else if (price == null) {
      s = UNKNOWN_CREDIT;
      label = {
        vi: `Giá thỏa thuận, chưa so được với ngân sách ${money(budget, 'vi')}`,
        en: `Price on request; cannot compare with the budget of ${money(budget, 'en')}`,
      };
    } else if (price <= budget) {
      s = 1;
      label = {
        vi: `Giá nằm trong ngân sách (từ ${money(price, 'vi')}, ngân sách ${money(budget, 'vi')})`,
        en: `Price within budget (from ${money(price, 'en')}, budget ${money(budget, 'en')})`,
      };
    } else {
      const over = (price - budget) / budget;
      s = BUDGET_TOLERANCE > 0 && over < BUDGET_TOLERANCE ? 1 - over / BUDGET_TOLERANCE : 0;
      label = {
        vi: `Giá vượt ngân sách (từ ${money(price, 'vi')}, ngân sách ${money(budget, 'vi')})`,
        en: `Price over budget (from ${money(price, 'en')}, budget ${money(budget, 'en')})`,
      };
    }
    out.push({ code: 'BUDGET', weight: CONSTRAINT_WEIGHTS.budget, satisfaction: s, label, always: true });
  }

  // TRANSFER_MODE: at least one mode in common
  {
    const common = offer.transferModes.filter((m) => demand.transferModes.includes(m));
    let s: number;
    let label: { vi: string; en: string };
    if (!demand.transferModes.length || !offer.transferModes.length) {
      s = UNKNOWN_CREDIT;
      label = { vi: 'Chưa nêu hình thức chuyển giao', en: 'Transfer mode not stated' };
    } else if (common.length) {
      s = 1;
      label = {
        vi: `Hình thức chuyển giao phù hợp: ${common.map((m) => transferModeInSentence(m, 'vi')).join(', ')}`,
        en: `Transfer mode accepted: ${common.map((m) => transferModeInSentence(m, 'en')).join(', ')}`,
      };
    } else {
      s = 0;
      label = { vi: 'Không có hình thức chuyển giao chung', en: 'No transfer mode in common' };
    }
    out.push({ code: 'TRANSFER_MODE', weight: CONSTRAINT_WEIGHTS.transferMode, satisfaction: s, label, always: true });
  }

  // PROVINCE: same province (a preference, not a constraint)
  {
    const same = !!source.provinceCode && source.provinceCode === cand.provinceCode;
    const p = PROVINCES.find((x) => x.code === cand.provinceCode);
    out.push({
      code: 'PROVINCE',
      weight: CONSTRAINT_WEIGHTS.province,
      satisfaction: same ? 1 : 0,
      label: same
        ? { vi: `Cùng tỉnh/thành: ${p?.nameVi ?? cand.provinceCode}`, en: `Same province: ${p?.nameEn ?? cand.provinceCode}` }
        : { vi: 'Khác tỉnh/thành', en: 'Different province' },
      always: false,
    });
  }
  return out;
}

// ---- ranking --------------------------------------------------------------------------------

const UNIT = 10000; // reasons and scores are rounded to 4 decimals

interface Scored {
  cand: MatchHit;
  R: number;
  C: number;
  raw: number;
  signals: Signals;
  cons: ConstraintResult[];
}

/**
 * Ranks the candidates returned by the queries. hitsPerQuery[i] are the hits of query i;
 * `names` are the queries' names, in the order of buildMatchQueries(source) (the default).
 * Only the first `limit` matches are explained and returned.
 */
export function rankCandidates(
  source: MatchListing,
  hitsPerQuery: MatchHit[][],
  lang: Lang = 'vi',
  names: (QueryName | undefined)[] = matchQueryNames(source),
  limit = Number.POSITIVE_INFINITY,
  feedback?: MatchFeedback,
): RankedMatch[] {
  const target = counterpartKind(source.kind);
  if (feedback?.candidates?.length) {
    hitsPerQuery = [...hitsPerQuery, [...feedback.candidates]];
    names = [...names, 'feedback'];
  }
  // pool, with reciprocal-rank fusion
  const pool = new Map<string, MatchHit>();
  const fusion = new Map<string, number>();
  let fusionMax = 0;
  hitsPerQuery.forEach((hits, qi) => {
    const w = QUERY_WEIGHTS[names[qi] ?? 'title'] ?? 1;
    fusionMax += w / (RRF_K + 1);
    hits.forEach((h, rank) => {
      if (!h || h.id === source.id || h.kind !== target) return;
      if (!pool.has(h.id)) pool.set(h.id, h);
      fusion.set(h.id, (fusion.get(h.id) ?? 0) + w / (RRF_K + rank + 1));
    });
  });
  if (!pool.size) return [];
  const cands = [...pool.values()];

  // lexical vectors and pool IDF
  const candVecs = cands.map((c) => termVector(c));
  const idf = idfMap(candVecs.map((v) => v.keys()), cands.length);
  const srcW = new Map<string, number>();
  let srcNorm = 0;
  for (const [t, v] of termVector(source)) {
    const w = v * idf(t);
    srcW.set(t, w);
    srcNorm += w * w;
  }
  srcNorm = Math.sqrt(srcNorm);

  // concepts and their pool IDF
  const srcConcepts = conceptsOf(source);
  const candConcepts = cands.map((c) => conceptsOf(c));
  const cidf = idfMap(candConcepts, cands.length);
  const srcCNorm = Math.sqrt(srcConcepts.reduce((s, c) => s + cidf(c) ** 2, 0));
  const srcFields = primaryFields(source);

  const scored: Scored[] = [];
  cands.forEach((cand, ci) => {
    // lexical cosine
    let dot = 0;
    let norm = 0;
    for (const [t, v] of candVecs[ci]) {
      const w = v * idf(t);
      norm += w * w;
      const sw = srcW.get(t);
      if (sw) dot += sw * w;
    }
    const lexical = srcNorm && norm ? dot / (srcNorm * Math.sqrt(norm)) : 0;
    // concept cosine
    const cc = candConcepts[ci];
    const ccSet = new Set(cc);
    const shared = srcConcepts.filter((c) => ccSet.has(c));
    const cNorm = Math.sqrt(cc.reduce((s, c) => s + cidf(c) ** 2, 0));
    const conceptSim = srcCNorm && cNorm ? shared.reduce((s, c) => s + cidf(c) ** 2, 0) / (srcCNorm * cNorm) : 0;
    // fields
    const fo = fieldOverlap(srcFields, primaryFields(cand));
    const signals: Signals = {
      lexical: Math.min(1, lexical / SATURATION.lexical),
      concepts: Math.min(1, conceptSim / SATURATION.concepts),
      field: fo.score,
      fusion: fusionMax ? (fusion.get(cand.id) ?? 0) / fusionMax : 0,
      feedback: feedbackSignal({ id: source.id, concepts: srcConcepts }, cand.id, feedback),
      sharedConcepts: shared.sort((a, b) => cidf(b) - cidf(a)),
      sharedFields: fo.exact,
      parentFields: fo.parent,
    };
    const R =
      RELEVANCE_WEIGHTS.lexical * signals.lexical +
      RELEVANCE_WEIGHTS.concepts * signals.concepts +
      RELEVANCE_WEIGHTS.field * signals.field +
      RELEVANCE_WEIGHTS.fusion * signals.fusion +
      MATCH_FEEDBACK.weight * signals.feedback;
    if (R < MIN_RELEVANCE) return;
    const cons = constraints(source, cand);
    const C = cons.reduce((s, c) => s + c.weight * c.satisfaction, 0);
    scored.push({ cand, R, C, raw: R * (CONSTRAINT_FLOOR + (1 - CONSTRAINT_FLOOR) * C), signals, cons });
  });

  scored.sort((a, b) => b.raw - a.raw || a.cand.id.localeCompare(b.cand.id));
  const top = scored.slice(0, limit);
  return top.map((s) => explain(s, sharedTerms(srcW, s.cand), lang));
}

/** The (up to) three terms that contribute most to the lexical similarity, as the candidate spells them. */
function sharedTerms(srcW: Map<string, number>, cand: MatchListing): string[] {
  const contrib: [string, number][] = [];
  for (const [t, v] of termVector(cand)) {
    const sw = srcW.get(t);
    if (sw) contrib.push([t, sw * v]);
  }
  contrib.sort((a, b) => b[1] - a[1]);
  const out: string[] = [];
  for (const [t] of contrib) {
    if (out.some((o) => o.includes(t) || t.includes(o))) continue;
    out.push(t);
    if (out.length >= 3) break;
  }
  const surfaces = termSurfaces(cand, new Set(out));
  return out.map((t) => surfaces.get(t) ?? t);
}

function fieldName(code: string, lang: Lang): string {
  const f = fieldByCode.get(code);
  return f ? (lang === 'en' ? f.nameEn : f.nameVi) : code;
}

function explain(s: Scored, terms: string[], lang: Lang): RankedMatch {
  const floor = CONSTRAINT_FLOOR;
  const parts: { code: string; label: string; value: number; always: boolean }[] = [];
  const sig = s.signals;
  const kw = (RELEVANCE_WEIGHTS.lexical * sig.lexical + RELEVANCE_WEIGHTS.fusion * sig.fusion) * floor;
  parts.push({
    code: 'KEYWORDS',
    label: terms.length
      ? both(lang, `Từ khóa chung: ${terms.join(', ')}`, `Shared keywords: ${terms.join(', ')}`)
      : both(lang, 'Nội dung tương tự', 'Similar wording'),
    value: kw,
    always: false,
  });
  const conceptNames = sig.sharedConcepts.slice(0, 3).map((c) => {
    const d = findConcept(c);
    return d ? (lang === 'en' ? d.en : d.vi) : c;
  });
  parts.push({
    code: 'CONCEPTS',
    label: both(lang, `Cùng chủ đề: ${conceptNames.join('; ')}`, `Related topics: ${conceptNames.join('; ')}`),
    value: RELEVANCE_WEIGHTS.concepts * sig.concepts * floor,
    always: false,
  });
  const fieldLabel = sig.sharedFields.length
    ? both(lang, 'Cùng lĩnh vực: ', 'Same field: ') + sig.sharedFields.map((c) => fieldName(c, lang)).join('; ')
    : both(lang, 'Lĩnh vực gần: ', 'Related field: ') + sig.parentFields.map((c) => fieldName(c, lang)).join('; ');
  parts.push({ code: 'FIELD', label: fieldLabel, value: RELEVANCE_WEIGHTS.field * sig.field * floor, always: false });
  parts.push({
    code: 'FEEDBACK',
    label: both(lang, 'Bên có nhu cầu tương tự đã quan tâm hoặc giao dịch', 'Organisations with similar needs took this up'),
    value: MATCH_FEEDBACK.weight * sig.feedback * floor,
    always: false,
  });
  for (const c of s.cons) {
    parts.push({
      code: c.code,
      label: lang === 'en' ? c.label.en : c.label.vi,
      value: s.R * (1 - floor) * c.weight * c.satisfaction,
      always: c.always,
    });
  }
  // the parts add up to s.raw = R × (floor + (1 − floor) × C); round each to 4 decimals and make
  // the score their exact sum (in units of 1e-4), the residue going to the largest part
  const units = parts.map((p) => Math.round(p.value * UNIT));
  const target = Math.min(UNIT, Math.max(0, Math.round(s.raw * UNIT)));
  const total = units.reduce((a, u) => a + u, 0);
  if (total !== target) {
    const i = units.indexOf(Math.max(...units));
    units[i] += target - total;
  }
  const reasons: MatchReason[] = [];
  parts.forEach((p, i) => {
    if (units[i] > 0 || p.always) reasons.push({ code: p.code, label: p.label, weight: units[i] / UNIT });
  });
  return { id: s.cand.id, score: target / UNIT, reasons };
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
