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
