/**
 * Ranking: over the pool of hits, lexical cosine (pool IDF), concept cosine, field overlap,
 * reciprocal-rank fusion of the queries and feedback make relevance R; the constraints scale it:
 * score = R × (floor + (1 − floor) × C). The first `limit` are explained (explanations.ts). Pure
 * code.
 */
import type { Lang } from '@techport/shared';
import { constraints, type ConstraintResult } from './constraints.js';
import { explain, sharedTerms } from './explanations.js';
import { conceptsOf, counterpartKind, fieldByCode, primaryFields, termVector } from './listing-features.js';
import type { MatchFeedback, MatchHit, MatchListing, QueryName, RankedMatch } from './matching.engine.js';
import {
  CONSTRAINT_FLOOR,
  FIELD_PARENT_CREDIT,
  MATCH_FEEDBACK,
  MIN_RELEVANCE,
  QUERY_WEIGHTS,
  RELEVANCE_WEIGHTS,
  RRF_K,
  SATURATION,
} from './matching.weights.js';
import { matchQueryNames } from './retrieval.js';

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

export interface Signals {
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

export interface Scored {
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
  return top.map((s) => explain(s, sharedTerms(srcW, s.cand, s.cand.language !== source.language, source), lang));
}
