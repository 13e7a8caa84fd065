/**
 * The text pipeline shared by search and matching (and next by PDF text and event documents):
 * pure functions, no framework, no I/O.
 *
 * - normalize.ts: normalizeText, foldText, isAccentedText
 * - phrase-lookup.ts: whole-word phrase lookup (internal to the lexicon and synonyms)
 * - content-words.ts: wordsOf (content words, function words dropped before folding)
 * - synonyms.ts: SYNONYM_GROUPS, synonymAliases
 * - lexicon.ts: CONCEPTS, findConcept, extractConcepts, conceptText
 * - gloss.ts: GLOSS_GROUPS, glossText, glossOrigin, isKnownTerm, isGeneralTerm
 * - concept-vector.ts: MATCH_EMBEDDER, MATCH_VECTOR_DIMENSIONS, matchVector, unitVector
 * - fingerprint.ts: textVocabularyFingerprint (what search documents are built from)
 * - diacritics.ts: isBareVietnamese, restoreDiacritics (marks put back on text typed without them)
 * - language.ts: detectLanguage (a listing's or an expert profile's own language, vi or en)
 *
 * Search's accent-exact tokens for Meilisearch stay in search/accent-forms.ts.
 */
export { couldBeVietnameseSyllable, foldText, isAccentedText, normalizeText } from './normalize.js';
export { wordsOf } from './content-words.js';
export { SYNONYM_GROUPS, Y_SPELLING_SYNONYMS, meiliSynonyms, synonymAliases } from './synonyms.js';
export { CONCEPTS, conceptText, extractConcepts, findConcept, type ConceptDef } from './lexicon.js';
export { GLOSS_GROUPS, englishPluralSynonyms, glossOrigin, glossText, isGeneralTerm, isKnownTerm } from './gloss.js';
export { MATCH_EMBEDDER, MATCH_VECTOR_DIMENSIONS, matchVector, unitVector } from './concept-vector.js';
export { textVocabularyFingerprint } from './fingerprint.js';
export { isBareVietnamese, readBareQuery, restoreDiacritics } from './diacritics.js';
export { detectLanguage } from './language.js';
