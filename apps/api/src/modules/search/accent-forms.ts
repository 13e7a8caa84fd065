/**
 * Accent-exact word forms for search. Pure code: no framework, no I/O.
 *
 * Meilisearch folds Vietnamese diacritics before it compares words, so "lúa" (rice), "lụa" (silk)
 * and "lửa" (fire) are one word to it, and "tấn"/"tận", "dụng"/"dựng" collide. A visitor who typed
 * the diacritics said which word they meant. So each document also carries `accentForms`: every
 * word of its searchable text re-spelt in plain ASCII letters that keep the marks (`accentToken`:
 * "lúa" → "zqlusa", "lụa" → "zqluja"), which no folding can merge; and a query typed with
 * diacritics adds the same spelling of each of its words. A listing that has the words exactly as
 * typed matches both spellings; one that has them only once folded matches half the words, and
 * ranks (and is counted) below it. A query typed without diacritics adds nothing: folded matching
 * is then all anyone can do.
 */
import { canonicalSpelling, foldDiacritics } from '@techport/shared';

/** Marks the tokens: no Vietnamese or English word starts with "zq", so a token never meets real text. */
export const ACCENT_TOKEN_PREFIX = 'zq';

/** Each combining mark of NFD Vietnamese as one ASCII letter (Telex-like; only distinctness matters). */
const MARK_LETTERS: Record<string, string> = {
  '\u0300': 'f', // grave: huyền
  '\u0301': 's', // acute: sắc
  '\u0303': 'x', // tilde: ngã
  '\u0309': 'r', // hook above: hỏi
  '\u0323': 'j', // dot below: nặng
  '\u0302': 'w', // circumflex: â ê ô
  '\u0306': 'b', // breve: ă
  '\u031b': 'h', // horn: ơ ư
};

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The accent-exact spelling of one word (lower-cased), or null for a word with letters outside
 * Latin/Vietnamese. The accepted spellings of a word give one ("thuỷ" and "thủy", "lý" and "lí": canonicalSpelling).
 */
export function accentToken(word: string): string | null {
  let out = ACCENT_TOKEN_PREFIX;
  for (const ch of canonicalSpelling(word.toLowerCase().normalize('NFC')).normalize('NFD')) {
    const mark = MARK_LETTERS[ch];
    if (mark) out += mark;
    else if (ch === 'đ') out += 'dd';
    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
    else return null;
  }
  return out.length > ACCENT_TOKEN_PREFIX.length ? out : null;
}

/** The accent-exact spellings of a text's words, in order (so word proximity is kept). */
export function accentTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const t = accentToken(m[0]);
    if (t) out.push(t);
  }
  return out;
}

/** True when the text carries Vietnamese diacritics (or đ): the writer chose the exact words. */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text) !== text;
}

/** Which words of a query (Meilisearch's words, in order) were typed with diacritics. */
export function typedMarks(query: string): boolean[] {
  return [...query.matchAll(WORD)].map((m) => hasDiacritics(m[0]));
}

/**
 * The text Meilisearch is asked for: the query as typed, followed by the accent-exact spelling of
 * each word typed with diacritics. A word typed bare ("máy say", "nuôi tom": a mark left out on a
 * phone) may be any of its accented forms, as in a query typed without any: its folded form,
 * already in the query, is all it asks for.
 */
export function searchText(query: string): string {
  const q = query.trim();
  if (!q) return q;
  // The trailing space: the last word is a whole word, as typed and sent, not the start of a longer
  // one (Meilisearch takes a query's last word as a prefix unless a space follows it): "bao quan tom"
  // is about shrimp ("tôm"), not tomatoes. Nothing here completes words as they are typed.
  if (!hasDiacritics(q)) return `${q} `;
  const tokens = [...q.matchAll(WORD)].filter((m) => hasDiacritics(m[0])).flatMap((m) => accentToken(m[0]) ?? []);
  return tokens.length ? `${q} ${tokens.join(' ')} ` : `${q} `;
}
