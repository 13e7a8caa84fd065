/**
 * The concept vector: a listing's concept tags and own field codes as a unit-length embedding
 * (matchVector), stored under the Meilisearch user-provided embedder MATCH_EMBEDDER. Used by the
 * document builder, matching retrieval and search's related results. Weights: MATCH_VECTOR in
 * matching/matching.weights.ts. Pure code.
 */
import { TECH_FIELDS } from '@techport/shared';
import { MATCH_VECTOR } from '../matching/matching.weights.js';
import { CONCEPTS } from './lexicon.js';

// ---------------------------------------------------------------------------------------------
// Concept embedding: a vector computed in code (no model), one dimension per concept and one per
// taxonomy field, stored as a Meilisearch user-provided embedding. Nearest-neighbour search on it
// is an OR over concepts weighted by how many are shared — what keyword search (which needs the
// first or the rarest query word) cannot do.
// ---------------------------------------------------------------------------------------------

export const MATCH_EMBEDDER = 'matching';
const BROAD_CONCEPT_IDS = new Set(CONCEPTS.flatMap((c) => (c.also ? c.also.split('|') : [])));
const conceptIndex = new Map(CONCEPTS.map((c, i) => [c.id, i]));
const fieldIndex = new Map(TECH_FIELDS.map((f, i) => [f.code, CONCEPTS.length + i]));
export const MATCH_VECTOR_DIMENSIONS = CONCEPTS.length + TECH_FIELDS.length;

/** Unit-length embedding of a listing's concept tags and own field codes (null if it has none). */
export function matchVector(concepts: readonly string[], primaryFieldCodes: readonly string[]): number[] | null {
  const v = new Array<number>(MATCH_VECTOR_DIMENSIONS).fill(0);
  for (const c of concepts) {
    const i = conceptIndex.get(c);
    if (i !== undefined) v[i] = BROAD_CONCEPT_IDS.has(c) ? MATCH_VECTOR.broadConceptWeight : MATCH_VECTOR.conceptWeight;
  }
  for (const f of primaryFieldCodes) {
    const i = fieldIndex.get(f);
    if (i !== undefined) v[i] = MATCH_VECTOR.fieldWeight;
  }
  return unitVector(v);
}

/** The vector scaled to length 1 (six decimals, as stored), or null for the zero vector. */
export function unitVector(v: readonly number[]): number[] | null {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return norm > 0 ? v.map((x) => Math.round((x / norm) * 1e6) / 1e6) : null;
}
