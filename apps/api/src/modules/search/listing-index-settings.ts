/**
 * The Meilisearch settings of the listings index (LISTING_INDEX_SETTINGS). Pure code.
 */
import type { Settings } from 'meilisearch';
import { MATCH_EMBEDDER, MATCH_VECTOR_DIMENSIONS, SYNONYM_GROUPS, Y_SPELLING_SYNONYMS, englishPluralSynonyms, meiliSynonyms } from '../text/index.js';

/**
 * Index settings. Decisions:
 * - searchableAttributes, in ranking order: what the listing is (title, keywords), what it does
 *   (summary, description), then taxonomy names, organisation and place names. Concept tags are
 *   filterable but not searchable (a tag such as "ai" would match the Vietnamese word "ai" and
 *   prefix-match other tags); they reach search through the `matching` embedder instead.
 * - typoTolerance: Vietnamese words are syllables of 1–7 letters and many differ by one letter
 *   once folded ("nhiet"/"nhiem", "thanh"/"thank"), so one typo only from 6 letters and two from
 *   10 (default 5/9); none on tags, codes, numbers or organisation names.
 * - no stopWords: Meilisearch applies them after folding, and the Vietnamese function words
 *   fold onto content words ("trong" = "trồng", "được" = "dược", "khi" = "khí", "từ" = "tủ").
 *   Matching drops function words itself, before folding (text/content-words.ts).
 * - no folded copies of the text: Meilisearch 1.21 folds diacritics itself (see listing-document.ts).
 * - embedders: one user-provided embedder (`matching`), the concept/field vector computed by
 *   matchVector; no model, nothing downloaded. Its dimension follows the lexicon and taxonomy, so
 *   a change to either needs a reindex (which recomputes `concepts` anyway).
 */
export const LISTING_INDEX_SETTINGS: Settings = {
  searchableAttributes: [
    'title',
    'keywords',
    'summary',
    'description',
    'fieldNames',
    'aliases',
    // The title, keywords and summary in the other language (glossText): after the own text.
    'gloss',
    'organizationName',
    'provinceNames',
    // The accent-exact spellings (accent-forms.ts) only decide between exact and folded matches.
    'accentForms',
    // Last: words of the attached PDF documents (modules/media) find the listing, below every own field.
    'documentText',
    // The title's accent-exact spellings, for the related results' title search only (after
    // accentForms, which holds them too, so the other searches rank as before).
    'titleAccentForms',
  ],
  displayedAttributes: ['*'],
  filterableAttributes: [
    'kind',
    'fieldCodes',
    'provinceCode',
    'transferModes',
    'organizationKind',
    'organizationId',
    'organizationVerified',
    'trl',
    'priceMin',
    'priceMax',
    'comparablePrice',
    'publishedAt',
    'language',
    'ipStatus',
    'negotiable',
    'concepts',
  ],
  sortableAttributes: ['publishedAt', 'comparablePrice', 'trl'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  stopWords: [],
  synonyms: meiliSynonyms([...SYNONYM_GROUPS, ...Y_SPELLING_SYNONYMS], englishPluralSynonyms()),
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 6, twoTypos: 10 },
    // accentForms: a typo there would merge "zqlusa" (lúa) with "zqluja" (lụa) again. concepts:
    // ids nobody types, where a typo only joins two topics ("biogas" found every "biomass" listing).
    disableOnAttributes: ['organizationName', 'accentForms', 'titleAccentForms', 'concepts'],
    disableOnNumbers: true,
  },
  embedders: {
    [MATCH_EMBEDDER]: { source: 'userProvided', dimensions: MATCH_VECTOR_DIMENSIONS },
  },
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 1000 },
  // Searching within facet values (a type-ahead over, say, 34 provinces) is never used: the
  // storefront lists facet values. Off, Meilisearch builds no facet-search structures (faster indexing).
  facetSearch: false,
};
