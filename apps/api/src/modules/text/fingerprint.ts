/**
 * A hash of the text pipeline's data (synonyms, regional names, the lexicon, the gloss's
 * vocabulary, the everyday words diacritics restoration knows, and the taxonomy's names it reads): part of what a search index's documents are
 * built from, so part of their fingerprint (search/search-index.ts IndexDefinition.fingerprint).
 */
import { createHash } from 'node:crypto';
import { GLOSS_GROUPS } from './gloss.js';
import { GLOSS_VOCABULARY } from './gloss-vocabulary.js';
import { CONCEPTS } from './lexicon.js';
import { REGIONAL_VARIANTS, SYNONYM_GROUPS } from './synonyms.js';
import { EVERYDAY_VOCABULARY } from './diacritics.js';

let memo: string | undefined;

export function textVocabularyFingerprint(): string {
  memo ??= createHash('sha256').update(JSON.stringify([SYNONYM_GROUPS, REGIONAL_VARIANTS, CONCEPTS, GLOSS_GROUPS, GLOSS_VOCABULARY, EVERYDAY_VOCABULARY])).digest('hex');
  return memo;
}
