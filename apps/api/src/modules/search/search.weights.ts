/**
 * Every number that decides what the listing search calls a close match, in one place, with how
 * it was chosen. Measured with `npm run eval:search` (scripts/eval-search.mjs) on the development
 * set in eval/search (queries written from the matching corpus's offers, judged by reading them;
 * the demo exchange's listings present as distractors); figures in docs/benchmarks.md.
 *
 * Close matches: every query word is in the listing (Meilisearch `matchingStrategy: 'all'`, with
 * its synonyms, typo tolerance and, for a query typed with diacritics, the accent-exact spellings
 * of accent-forms.ts) AND, for a query of several words, the listing's ranking score reaches closeMatchScore. The score
 * (Meilisearch's `_rankingScore`, 0–1) follows the ranking rules: words found, typos, how close
 * together the words are (proximity: "máy sấy" as one word, not "máy" in one sentence and "sấy"
 * three lines on), in which attribute (title before description) and how exactly. Listings that
 * hold all the syllables only scattered through a long description fall under the threshold:
 * "máy tính lượng tử siêu dẫn" has each syllable somewhere ("máy", "tính", "chất lượng",
 * "điện tử", "siêu âm", "hướng dẫn") and is not about quantum computing.
 *
 * Related results: shown apart, after the close matches (or alone, under "no close match"): the
 * listings that pass the same bar for a shorter form of the query (search-query.ts relatedForms:
 * one syllable dropped, or, from four syllables on, a two-syllable word), as many as the page has
 * room for after its close matches (at least relatedMin). Measured alternatives, on the dev set:
 * Meilisearch's `matchingStrategy: 'frequency'` with a score bar (it keeps the query's rarest
 * word, which is not always the one that matters, and its score depends on the order in which
 * words are dropped: P@10 0.662, recall@20 0.823); also dropping a word that leaves one syllable
 * of three (recall@20 0.901, but "xe tự lái" then brought nine listings about "xe" or "lái").
 */
export const SEARCH_RELEVANCE = {
  /**
   * With `proximity` ranked before `typo` (listing-index.ts), the score measures first how close
   * together the words are. Chosen on the dev set: at 0.5 none of the 16 absent technologies has
   * a close match, and the words of a two-syllable Vietnamese word typed with diacritics (whose
   * accent-exact spellings sit in another attribute, one far pair) still pass. One-word queries
   * have no bar (search-query.ts closeMatching).
   */
  closeMatchScore: 0.5,
  /**
   * Related results: dropping two neighbouring syllables (a whole Vietnamese word) counts for this
   * much of dropping one, when the merged results are ranked (Meilisearch federation weights).
   * Not tuned: set so that, at equal closeness, the form that kept more of the query ranks first.
   */
  twoDroppedWeight: 0.9,
  /** Query words considered for related results (a bound on cost: up to 2n − 1 sub-queries for n words; queries are 2–5 words in practice). */
  maxRelatedWords: 8,
  /**
   * Related results by topic (search-query.ts queryTopics): listings tagged with every specific
   * concept of the query, ranked by the concept embedding, merged after the shorter forms: their
   * weight keeps them below any shorter-form result (those score at least closeMatchScore ×
   * twoDroppedWeight = 0.45). They carry the query across languages and spellings ("greenhouse
   * climate control" → "nhà kính … vi khí hậu"), which the shorter forms cannot.
   */
  topicWeight: 0.4,
  /** Concept-embedding similarity a topic result needs (cosine of the two tag vectors). */
  topicMinSimilarity: 0.5,
  /** Related results fill what the page's close matches leave of it, and number at least this. */
  relatedMin: 5,
} as const;
