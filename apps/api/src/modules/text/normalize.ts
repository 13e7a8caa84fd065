/**
 * Text normalisation: NFC with one spelling per word and separators collapsed (normalizeText), Vietnamese diacritics folded
 * by table (foldText), and whether a text is written with diacritics (isAccentedText). The first
 * step of every text pipeline here (lexicon, synonyms, gloss, content words). Pure code.
 */
import { canonicalSpelling, foldDiacritics } from '@techport/shared';

/** Separators for text made of Latin letters only (Vietnamese included); × and ÷ are not letters. */
const LATIN_SEPARATORS = /[^0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]+/g;
const ANY_SEPARATORS = /[^\p{L}\p{N}]+/gu;
/** Letters of other scripts (Greek onwards, CJK …), for which the exact Unicode test is used. */
const NON_LATIN = /[\u0370-\u1DFF\u2C00-\uFFFF]/;

/** NFC with one spelling per word ("hoá" is "hóa", "lý" is "lí": canonicalSpelling), anything that is not a letter
 * or a digit becomes one space; lower-cased unless keepCase. */
export function normalizeText(text: string, keepCase = false): string {
  const nfc = canonicalSpelling(text.normalize('NFC'));
  const t = nfc.replace(NON_LATIN.test(nfc) ? ANY_SEPARATORS : LATIN_SEPARATORS, ' ').trim();
  return keepCase ? t : t.toLowerCase();
}

/** foldDiacritics for NFC text, by table (≈3× faster; same result, checked in the spec). */
const FOLD_TABLE = new Map<number, number>();
for (let c = 0xc0; c <= 0x1ef9; c++) {
  const folded = foldDiacritics(String.fromCharCode(c));
  if (folded.length === 1 && folded.charCodeAt(0) !== c) FOLD_TABLE.set(c, folded.charCodeAt(0));
}

export function foldText(text: string): string {
  let i = 0;
  for (; i < text.length; i++) if (text.charCodeAt(i) >= 0xc0) break;
  if (i === text.length) return text;
  const codes: number[] = new Array(text.length);
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    codes[j] = c < 0xc0 ? c : (FOLD_TABLE.get(c) ?? c);
  }
  let out = '';
  for (let j = 0; j < codes.length; j += 4096) out += String.fromCharCode(...codes.slice(j, j + 4096));
  return out;
}

/** Share of letters that carry Vietnamese diacritics above which a text counts as accented. */
const ACCENTED_TEXT_MIN_SHARE = 0.02; // Vietnamese prose with marks runs at 10–20%; 0.02 tolerates a few accented names in unaccented text.

/** True when the text is written with Vietnamese diacritics (false for English and for Vietnamese
 * typed without them). */
export function isAccentedText(text: string): boolean {
  let letters = 0;
  let marked = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xc0) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    } else if (FOLD_TABLE.has(c)) {
      letters++;
      marked++;
    } else if (c === 0x300 || c === 0x301 || c === 0x303 || c === 0x309 || c === 0x323) {
      marked++; // decomposed tone marks (text not in NFC)
    } else letters++;
  }
  return letters > 0 && marked / letters >= ACCENTED_TEXT_MIN_SHARE;
}

/**
 * Whether a word without marks could be a Vietnamese syllable typed without them: an onset, a
 * vowel group and a final that Vietnamese spelling allows ("dinh", "nang", "cong", "long"), against
 * an English or technical word ("dryer", "heat", "pump", "chitosan"). From the spelling rules of
 * the language, not from any listing; some short English words pass too ("boat"), which errs on
 * the side of a Vietnamese reading.
 */
const VIETNAMESE_SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?(uye|uya|uyu|oai|oay|oeo|uai|uay|uoi|uou|ieu|yeu|oa|oe|oo|ai|ao|au|ay|eo|eu|ia|ie|iu|oi|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)(ch|nh|ng|c|m|n|p|t)?$/;
export function couldBeVietnameseSyllable(word: string): boolean {
  return VIETNAMESE_SYLLABLE.test(foldDiacritics(word.toLowerCase()).replace(/đ/g, 'd'));
}
