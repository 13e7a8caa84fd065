/**
 * What matching reads of a listing (MatchListing): its counterpart kind, own field codes and
 * concept tags, and its lexical terms (folded content words and word pairs, field-weighted) with
 * the listing's own spelling of them. Shared by retrieval, ranking and explanations. Pure code.
 */
import { TECH_FIELDS } from '@techport/shared';
import { extractConcepts, glossText, isAccentedText, wordsOf } from '../text/index.js';
import type { MatchListing } from './matching.engine.js';
import { BIGRAM_WEIGHT, LEXICAL_FIELD_WEIGHTS, MAX_DESCRIPTION_CHARS } from './matching.weights.js';

function listingFields(l: MatchListing): [string, number][] {
  return [
    [l.title, LEXICAL_FIELD_WEIGHTS.title],
    [l.keywords.join(' , '), LEXICAL_FIELD_WEIGHTS.keywords],
    [l.summary, LEXICAL_FIELD_WEIGHTS.summary],
    [l.description.slice(0, MAX_DESCRIPTION_CHARS), LEXICAL_FIELD_WEIGHTS.description],
    // the title, keywords and summary in the other language (text/gloss.ts glossText): an
    // English demand shares words with a Vietnamese offer
    [LEXICAL_FIELD_WEIGHTS.gloss > 0 ? (l.gloss ?? glossText([l.title, ...l.keywords, l.summary])) : '', LEXICAL_FIELD_WEIGHTS.gloss],
  ];
}

function isAccented(l: MatchListing): boolean {
  return isAccentedText(l.title + ' ' + l.summary + ' ' + l.keywords.join(' '));
}

/** Field-weighted bag of folded words and adjacent word pairs, sublinear in frequency. */
export function termVector(l: MatchListing): Map<string, number> {
  const weights = new Map<string, number>();
  const accented = isAccented(l);
  for (const [text, fieldWeight] of listingFields(l)) {
    if (!(fieldWeight > 0)) continue;
    const words = wordsOf(text, accented);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w === null) continue;
      weights.set(w, (weights.get(w) ?? 0) + fieldWeight);
      const next = words[i + 1];
      if (next && BIGRAM_WEIGHT > 0) {
        const key = w + ' ' + next;
        weights.set(key, (weights.get(key) ?? 0) + fieldWeight * BIGRAM_WEIGHT);
      }
    }
  }
  // sublinear: a word repeated in every field should not dominate
  for (const [k, v] of weights) weights.set(k, Math.log1p(v));
  return weights;
}

/**
 * How the listing spells its folded terms (for labels; computed only for returned matches). Its
 * gloss (the other language's words) only with `gloss`: a term found only there is no word of the
 * listing's own.
 */
export function termSurfaces(l: MatchListing, wanted: Set<string>, { gloss = true }: { gloss?: boolean } = {}): Map<string, string> {
  const out = new Map<string, string>();
  const accented = isAccented(l);
  for (const [text] of gloss ? listingFields(l) : listingFields(l).slice(0, -1)) {
    const surfaces: (string | null)[] = [];
    const words = wordsOf(text, accented, surfaces);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w === null) continue;
      if (wanted.has(w) && !out.has(w)) out.set(w, surfaces[i]!);
      const next = words[i + 1];
      if (next && wanted.has(w + ' ' + next) && !out.has(w + ' ' + next)) out.set(w + ' ' + next, surfaces[i] + ' ' + surfaces[i + 1]);
    }
  }
  return out;
}

export const fieldByCode = new Map(TECH_FIELDS.map((f) => [f.code, f]));

export function counterpartKind(kind: string): 'OFFER' | 'DEMAND' {
  return kind === 'OFFER' ? 'DEMAND' : 'OFFER';
}

export function primaryFields(l: MatchListing): string[] {
  if (l.primaryFieldCodes && l.primaryFieldCodes.length) return l.primaryFieldCodes;
  // without the own-codes list, keep the most specific codes (those no other code descends from)
  const codes = l.fieldCodes ?? [];
  return codes.filter((c) => !codes.some((o) => o !== c && fieldByCode.get(o)?.parent === c));
}

export function conceptsOf(l: MatchListing): string[] {
  if (l.concepts) return l.concepts;
  return extractConcepts([l.title, l.summary, l.keywords.join(' ; '), l.description].join(' . '));
}
