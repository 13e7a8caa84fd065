/**
 * IndexDefinition.fingerprint's hash (search-index.ts): of what builds an index's documents (a
 * version, sample documents, vocabularies). Pure code, apart from the index manager, so the
 * document builders (and the matching eval, which compiles them alone) need nothing else.
 */
import { createHash } from 'node:crypto';

export function documentFingerprint(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
