/**
 * Every number that decides what the listing search calls a close match, in one place, with how
 * it was chosen. Measured with `npm run eval:search` (scripts/eval-search.mjs) on the development
 * set in eval/search (queries written from the matching corpus's offers, judged by reading them;
 * the demo exchange's listings present as distractors); figures in docs/benchmarks.md.
 *
 * Close matches: every query word is in the listing (Meilisearch `matchingStrategy: 'all'`, with
 * its synonyms, typo tolerance and, for a query typed with diacritics, the accent-exact spellings
 * of accent-forms.ts) AND the listing's ranking score reaches CLOSE_MATCH_SCORE. The score
 * (Meilisearch's `_rankingScore`, 0–1) follows the ranking rules: words found, typos, how close
 * together the words are (proximity: "máy sấy" as one word, not "máy" in one sentence and "sấy"
 * three lines on), in which attribute (title before description) and how exactly. Listings that
 * hold all the syllables only scattered through a long description fall under the threshold:
 * "máy tính lượng tử siêu dẫn" has each syllable somewhere ("máy", "tính", "chất lượng",
 * "điện tử", "siêu âm", "hướng dẫn") and is not about quantum computing.
 *
 * Related results: shown apart, after the close matches (or alone, under "no close match"): the
 * listings that share the query's rarer words (`matchingStrategy: 'frequency'` drops the most
 * common words first, so the query's distinctive word is the one kept) with a score of at least
 * RELATED_SCORE, as many as the page has room for after its close matches (at least relatedMin).
 */
export const SEARCH_RELEVANCE = {
  /**
   * Chosen on the dev set: 0.6 and 0.45 gave the same figures (15 of 16 absent technologies with no
   * close match); the lower keeps a typo in a query of several words from pushing its answers out
   * ("artifical inteligence" scores 0.46, the exact spelling 0.97).
   */
  closeMatchScore: 0.5,
  /**
   * Related results: dropping two neighbouring syllables (a whole Vietnamese word) counts for this
   * much of dropping one, when the merged results are ranked (Meilisearch federation weights).
   */
  twoDroppedWeight: 0.9,
  /** Query words considered for related results: 2n − 1 sub-queries for n words. */
  maxRelatedWords: 8,
  /** Related results fill what the page's close matches leave of it, and number at least this. */
  relatedMin: 5,
} as const;
