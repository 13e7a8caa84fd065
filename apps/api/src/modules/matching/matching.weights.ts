/**
 * Every weight and threshold used by matching, in one place.
 *
 * How they were chosen: with `node scripts/eval-matching.mjs` on the labelled corpus
 * (../shared/data/matching). The 40 development demands were split in two halves by position
 * (A = 1st, 3rd, 5th … = d001, d005, d009 …; B = 2nd, 4th … = d003, d007 …). The structure (which
 * queries, how the signals combine) was set on general grounds first; each value was then
 * varied one at a time over a grid on half A, and checked on half B. A value is kept where
 * nDCG@10 is flat around it on both halves ("flat ±x" = the change in nDCG@10 over the range
 * tried). Most values sit on a wide plateau: the ranking is not sensitive to them.
 * Dev figures at these values when they were chosen: nDCG@10 0.936 (A) / 0.934 (B), recall@20
 * 1.000 / 0.988 — with a concept lexicon that held 105 phrases found in the dev demands and in no
 * offer. Without them (`npm run eval:matching -- --audit-lexicon` keeps it so) and with the
 * synonym table's translations carried into the lexicon: 0.933 (A) / 0.886 (B), recall@20 1.000 /
 * 0.971. The values were not re-tuned after that removal (docs/benchmarks.md, "Matching quality").
 */

// ---- retrieval (Meilisearch multi-search) ----------------------------------------------------

export const RETRIEVAL = {
  /** Hits asked from each keyword query. 20 and 40 score the same on both halves (±0.003,
   * recall@20 unchanged); 20 keeps the pool (≈70 listings) and the response small. */
  perQueryLimit: 20,
  /** Hits asked from the concept-vector query, the main recall source. At 60 every judged offer
   * of half A is in the pool; 30–40 lose ≈0.01 on half B; 80 adds nothing. */
  vectorLimit: 60,
  /** Meilisearch reads only the first 10 words of a query (checked on 1.21: an 11th word is
   * ignored), so each keyword query is cut to 10 content words. A fact, not a tuning choice. */
  maxQueryWords: 10,
} as const;

/** The concept/field embedding (text/concept-vector.ts, matchVector): weight of a specific concept,
 * of a broad concept that others imply ("trái cây", "chăn nuôi"), and of each own field code.
 * Set by reasoning (a broad tag says less than a specific one; a field says less than a tag);
 * fieldWeight 0.25–1 gives identical results on both halves. Changing these needs a reindex. */
export const MATCH_VECTOR = {
  conceptWeight: 1,
  broadConceptWeight: 0.5,
  fieldWeight: 0.5,
} as const;

/** Relative weight of each retrieval query in the fusion; 0 = the query is not sent. The summary
 * query adds nothing on either half (the summary still counts in the lexical and concept scores)
 * and costs ≈8 ms of Meilisearch time at 100k listings, so it is off. Vector-only retrieval
 * scores 0.929; the two keyword queries add ≈0.005 and lexical precision at scale. */
export const QUERY_WEIGHTS = {
  vector: 1,
  title: 1,
  keywords: 1,
  summary: 0,
  /** Not a Meilisearch query: the candidates that feedback names (MATCH_FEEDBACK), added to the pool; no fusion credit. */
  feedback: 0,
} as const;

// ---- relevance: how well the candidate answers the source ------------------------------------

/**
 * Relevance R in [0,1] is a weighted sum of four signals, each in [0,1]; the weights sum to 1.
 * - lexical: cosine of the two listings' folded word and word-pair vectors (field-weighted, IDF
 *   from the candidate pool);
 * - concepts: cosine of their concept tags (IDF from the pool) — the cross-vocabulary signal;
 * - field: overlap of their own taxonomy fields;
 * - fusion: reciprocal-rank fusion of the Meilisearch queries that returned the candidate.
 * Grid on A: lexical 0.2–0.4, concepts 0.25–0.35, fusion 0.2–0.3 flat within ±0.006 on A; on B
 * the same ranges lose up to 0.013 away from these values (concepts 0.45 loses 0.026 on B).
 */
export const RELEVANCE_WEIGHTS = {
  lexical: 0.3,
  concepts: 0.35,
  field: 0.15,
  fusion: 0.2,
} as const;

/** Raw cosines seldom reach 1 even for a perfect pair (different authors and lengths), so each
 * is divided by a saturation point and capped at 1, making a strong match read as a high score.
 * Placed near the upper range of the signal over judged pairs of half A; lexical 0.25–0.5 and
 * concepts 0.4–0.8 stay within ±0.012 on both halves. */
export const SATURATION = {
  lexical: 0.35,
  concepts: 0.6,
} as const;

/** Per-field weight of a listing's words in the lexical vector (title and keywords say what the
 * listing is about; descriptions add context and noise). title 1–5 flat ±0.001; keywords 1
 * loses 0.013 on B; description 1–2 flat, 0 gains 0.010 on A but loses 0.017 on B. */
export const LEXICAL_FIELD_WEIGHTS = {
  title: 3,
  keywords: 3,
  summary: 2,
  description: 1,
  /** The gloss (the title, keywords and summary in the other language). On the dev demands, over
   * all / half A (tune) / half B (check): 0 → nDCG@10 0.909 / 0.933 / 0.886; 0.5 → 0.911 / 0.934 /
   * 0.888; 1 → 0.912 / 0.936 / 0.889; 2 → 0.909 / 0.937 / 0.881; recall@20 0.985 throughout. 1
   * chosen on A (2 within 0.001 there, and loses on B). */
  gloss: 1,
} as const;

/** Characters of a description read for the lexical vector. Corpus descriptions are ≤510
 * characters, so this changes nothing there; it bounds the scoring cost of a pasted essay. */
export const MAX_DESCRIPTION_CHARS = 1200;

/** Weight of a two-word phrase relative to a single word. Vietnamese words are one syllable each,
 * so most meaning sits in pairs ("thanh long", "bơm nhiệt"). 1.5–2.5 flat; 0–1 lose 0.013 on B. */
export const BIGRAM_WEIGHT = 1.5;

/** Credit for a field matched only at the parent level (both under "Khoa học nông nghiệp"),
 * relative to an exact field match. 0–0.25 flat; 0.5 loses 0.016 on B. */
export const FIELD_PARENT_CREDIT = 0.25;

/** Reciprocal-rank fusion constant (the customary 60 is for long lists; pools here are short).
 * 5–20 flat ±0.001; 60 loses 0.017 on B. */
export const RRF_K = 20;

/** Candidates whose relevance is below this are dropped: they share nothing that matters. A
 * floor against noise rather than a tuned value (0–0.1 give identical dev results). */
export const MIN_RELEVANCE = 0.03;

// ---- constraints ----------------------------------------------------------------------------

/**
 * score = R × (CONSTRAINT_FLOOR + (1 − CONSTRAINT_FLOOR) × C), C in [0,1] the weighted constraint
 * satisfaction. A candidate that misses every constraint keeps CONSTRAINT_FLOOR of its relevance:
 * it still appears, below an equally relevant candidate that meets them, and its reasons say why.
 * Grid 0.4–0.9: half A alone prefers 0.8 (+0.006) but that loses 0.022 on half B; 0.6 is where
 * both halves are within 0.004 of their best, so 0.6 is kept (the one value where B was used to
 * arbitrate between A's near-equal choices).
 */
export const CONSTRAINT_FLOOR = 0.6;

/** Weights of the constraints inside C; they sum to 1. TRL, budget and transfer mode are the
 * constraints behind the corpus grades (0.2–0.4 each flat ±0.006). Province is only a product
 * preference ("same or nearby province"), kept small: 0–0.2 within ±0.008 on A, 0 loses 0.018
 * on B. */
export const CONSTRAINT_WEIGHTS = {
  trl: 0.3,
  budget: 0.3,
  transferMode: 0.3,
  province: 0.1,
} as const;

/** Satisfaction credited when a constraint cannot be checked (the offer states no price or no
 * TRL while the demand sets a limit). 0.3–1 flat ±0.004; below 1 so that a stated price within
 * budget ranks above an unstated one. */
export const UNKNOWN_CREDIT = 0.6;

/** Each TRL level below the demand's minimum removes this share of the TRL credit (one level
 * short keeps half, two or more nothing). 0.25–1 flat ±0.005. */
export const TRL_GAP_PENALTY = 0.5;

/** An asking price above the budget by up to this share earns partial budget credit, falling
 * linearly to 0 at the limit. 0: the corpus grades any price over budget as a miss. */
export const BUDGET_TOLERANCE = 0.0;

// ---- alerts (matching-alerts.service.ts) ------------------------------------------------------

/**
 * When a listing is published, the owners of counterpart listings whose match score reaches
 * `minScore` are alerted. Chosen with `node scripts/eval-matching.mjs`, which prints, for each
 * threshold, the pairs among each dev demand's top 20 that would be alerted (half A / half B):
 *   t = 0.45: 2.6/2.5 alerts per demand, 69%/72% of them relevant (grade ≥ 1), recall 0.65/0.63
 *   t = 0.50: 2.2/1.8 alerts per demand, 77%/86% relevant, 45%/53% fully fitting, recall 0.62/0.54
 *   t = 0.55: 1.7/1.3 alerts per demand, 85%/92% relevant, recall 0.53/0.42
 * An alert interrupts someone (and may e-mail them), so precision matters more than in the ranked
 * list a user opens themself: 0.5 is the lowest value where at least three alerts in four are
 * relevant on both halves, while still reaching more than half of the relevant pairs. (Unjudged
 * pairs count as irrelevant, so the true precision is if anything higher.) The pair must also be
 * among the new listing's `maxCounterparts` best matches.
 */
export const ALERTS = {
  minScore: 0.5,
  /** Counterparts alerted per publication at most (the eval sends ≈2 per demand at 0.5; 10 bounds a generic listing). */
  maxCounterparts: 10,
  /** Matches named in the summary sent to the new listing's own organisation. */
  summarySize: 5,
} as const;

// ---- feedback: what buyers do on the platform ------------------------------------------------

/**
 * Interests expressed and deals made are relevance labels the exchange produces itself: an
 * organisation that took an interest in (or made a deal on) listing L, while its own listings of
 * the other kind say what it needs, says "L answers that need". For a source listing S, each such
 * pair (counterpart C of the interested organisation, L) adds to L's relevance
 *   weight × strength × similarity(S, C) × 0.5^(age / halfLifeDays),
 * the largest pair counting (similarity = cosine of the two listings' concept tags, 1 for S = C).
 * Not tuned on the eval corpus (it holds no interests or deals, so the dev figures do not move):
 * set by reasoning. weight 0.2 is below each content signal's weight, so feedback reorders close
 * candidates and brings a labelled one into the list, but cannot make an unrelated listing win on
 * its own; a deal counts twice an interest (it went through negotiation and review); the
 * half-life of a year follows how fast a technology's offers date; minSimilarity keeps a deal
 * about shrimp feed from lifting it for a demand that merely shares "aquaculture".
 */
export const MATCH_FEEDBACK = {
  weight: 0.2,
  dealStrength: 1,
  interestStrength: 0.5,
  halfLifeDays: 365,
  minSimilarity: 0.5,
  /** Pairs read per source at most (the newest first). */
  maxPairs: 500,
} as const;

/** `matches` answers at most this many (and at least 1); the contract's default is 10. */
export const MAX_MATCHES = 50;
