/**
 * Vietnamese text helpers shared by the API, the storefront and the scripts.
 *
 * Vietnamese is often typed without diacritics ("say lanh" for "sấy lạnh"), so search keys,
 * slugs and matching tokens are built from the folded form: NFD-decomposed, combining marks
 * removed, and đ/Đ (a separate letter, not a combining mark) mapped to d.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Vietnamese writes the tone of an open syllable ending in "oa", "oe" or "uy" on either vowel: "hóa"
 * or "hoá", "khỏe" or "khoẻ", "thủy" or "thuỷ" (the two placements of the keyboards' settings; both are
 * everywhere). They are one word, so the text pipeline reads them as one: this moves the tone to the
 * first vowel ("hoá" → "hóa", "thuỷ" → "thủy"), the spelling the lexicon and most listings use. Only
 * at the end of a syllable: before a final consonant the tone sits on the second vowel in both
 * placements ("hoàn", "thuyền"); and not after "q" ("quý": the u belongs to the consonant). NFC in, NFC out.
 */
const SECOND_VOWEL_TONE = /(?<![qQ])([oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;

export function canonicalTonePlacement(text: string): string {
  return text.replace(SECOND_VOWEL_TONE, (pair) => {
    const [, toned] = [...pair];
    const [base, tone] = [...toned.normalize('NFD')];
    return (pair[0] + tone).normalize('NFC') + base;
  });
}

/**
 * A syllable whose only vowel is "y" after a consonant is written with "i" too, both accepted
 * spellings of one word: "lý"/"lí" (xử lý), "kỹ"/"kĩ" (kỹ thuật), "quy"/"qui" (quy trình), "ty"/"ti"
 * (công ty), "mỹ"/"mĩ", "sỹ"/"sĩ", "tỷ"/"tỉ", "hy"/"hi". The text pipeline reads both as the "i"
 * spelling (canonicalSpelling). Not "uy" ("tuy" is not "tui"), and not a syllable of "y" alone ("y tế").
 */
const Y_NUCLEUS = /(?<![\p{L}\p{M}])(ngh|ng|nh|ph|th|tr|ch|kh|gh|qu|[bcdđghklmnrstvx])([yỳýỷỹỵ])(?![\p{L}\p{M}])/giu;

export function canonicalYSpelling(text: string): string {
  return text.replace(Y_NUCLEUS, (_, onset: string, y: string) => {
    const [base, ...marks] = [...y.normalize('NFD')];
    return onset + ((base === 'Y' ? 'I' : 'i') + marks.join('')).normalize('NFC');
  });
}

/** One spelling for the spellings Vietnamese accepts of one word: tone placement, then i/y. NFC in, NFC out. */
export function canonicalSpelling(text: string): string {
  return canonicalYSpelling(canonicalTonePlacement(text));
}

/** Lower-case, folded, non-alphanumerics collapsed to single spaces. */
export function normalizeForSearch(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "Viện Công nghệ Sinh học" → "vien-cong-nghe-sinh-hoc". Never empty: falls back to "item". */
export function slugify(text: string, maxLength = 80): string {
  const slug = normalizeForSearch(text).replace(/ /g, '-').slice(0, maxLength).replace(/-+$/g, '');
  return slug || 'item';
}
