/**
 * Whole-word phrase lookup in a space-padded, single-spaced text (normalizeText output): the
 * lexicon and the synonym table test a few thousand phrases against each listing. Pure code.
 */

/**
 * Whether a term that ends at `end` of the haystack ends a word there: followed by a space, or by
 * an English plural ending ("shrimps", "gases"). No Vietnamese syllable ends in s, so this never
 * joins Vietnamese words.
 */
function endsWordAt(haystack: string, end: number): boolean {
  return haystack[end] === ' ' || (haystack[end] === 's' && haystack[end + 1] === ' ') || haystack.startsWith('es ', end);
}

export function containsTerm(haystack: string, needle: string, prefix: boolean): boolean {
  // haystack is padded with spaces on both sides
  let from = 0;
  const probe = ' ' + needle;
  for (;;) {
    const at = haystack.indexOf(probe, from);
    if (at < 0) return false;
    const end = at + probe.length;
    if (prefix || endsWordAt(haystack, end)) return true;
    from = at + 1;
  }
}

/**
 * (search, for reindex speed) The word starts of a space-padded, single-spaced haystack, keyed by
 * their first two characters: `has(needle, prefix)` answers exactly what containsTerm answers,
 * in a few lookups instead of a scan of the whole text per term (a listing is checked against a
 * few thousand lexicon phrases; the scans made document building ~3 ms, most of a reindex).
 */
/** The key WordStarts files a word or phrase under: its first two characters. */
export function wordKey(text: string): string {
  return text.slice(0, 2);
}

export class WordStarts {
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly haystack: string) {
    for (let p = haystack.indexOf(' '); p >= 0 && p < haystack.length - 1; p = haystack.indexOf(' ', p + 1)) {
      const key = haystack.slice(p + 1, p + 3); // wordKey of the word starting at p + 1
      const list = this.starts.get(key);
      if (list) list.push(p);
      else this.starts.set(key, [p]);
    }
  }

  /** `key`: wordKey(needle), when the caller has it at hand (saves a slice per lookup). */
  has(needle: string, prefix: boolean, key = wordKey(needle)): boolean {
    if (needle.length < 2) return containsTerm(this.haystack, needle, prefix);
    const positions = this.starts.get(key);
    if (!positions) return false;
    for (const p of positions) {
      if (this.haystack.startsWith(needle, p + 1) && (prefix || endsWordAt(this.haystack, p + 1 + needle.length))) return true;
    }
    return false;
  }
}

/**
 * The padded haystack with every whole-word occurrence of `phrase` blanked word for word (one
 * placeholder a word, so word positions still line up), adjacent occurrences too.
 */
export function blankPhrase(haystack: string, phrase: string): string {
  const needle = ' ' + phrase + ' ';
  if (!haystack.includes(needle)) return haystack;
  const blank = ' ' + phrase.replace(/\S+/g, '·') + ' ';
  let out = haystack;
  // Two occurrences side by side share a space: split/join blanks every other one, so repeat.
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.split(needle).join(blank);
  }
  return out;
}
