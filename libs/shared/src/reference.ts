import { PROVINCES, type ProvinceRecord } from './provinces.data.js';
import { TECH_FIELDS, type TechFieldRecord } from './tech-fields.data.js';
import { canonicalSpelling, foldDiacritics, normalizeForSearch } from './text.js';
import type { Lang } from './enums.js';

export { PROVINCES, TECH_FIELDS };
export type { ProvinceRecord, TechFieldRecord };

const provincesByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const fieldsByCode = new Map(TECH_FIELDS.map((f) => [f.code, f]));

export function findProvince(code: string): ProvinceRecord | undefined {
  return provincesByCode.get(code);
}

export function findTechField(code: string): TechFieldRecord | undefined {
  return fieldsByCode.get(code);
}

export function isProvinceCode(code: string): boolean {
  return provincesByCode.has(code);
}

export function isTechFieldCode(code: string): boolean {
  return fieldsByCode.has(code);
}

export function localizedName(record: { nameVi: string; nameEn: string }, lang: Lang): string {
  return lang === 'en' ? record.nameEn : record.nameVi;
}

/** The code itself and every descendant: a parent field stands for all its children. */
export function techFieldWithDescendants(code: string): string[] {
  const out = [code];
  for (const f of TECH_FIELDS) if (f.parent === code) out.push(...techFieldWithDescendants(f.code));
  return out;
}

/** The code itself and its ancestors, nearest first. */
export function techFieldAncestry(code: string): string[] {
  const out: string[] = [];
  for (let f = findTechField(code); f; f = f.parent ? findTechField(f.parent) : undefined) out.push(f.code);
  return out;
}

/**
 * Resolves a province by any name it has or had: current Vietnamese or English name, or a
 * former province merged into it ("Long An" → Tây Ninh). Diacritics and case do not matter.
 */
export function findProvinceByName(name: string): ProvinceRecord | undefined {
  const key = normalizeForSearch(name).replace(/^(tp|thanh pho|tinh) /, '');
  return PROVINCES.find((p) =>
    [p.nameVi, p.nameEn, ...p.formerProvinces].some(
      (n) => normalizeForSearch(n).replace(/^(tp|thanh pho|tinh) /, '') === key,
    ),
  );
}

/** A province named in a search query, and the query's other words. */
export interface PlaceInQuery {
  province: ProvinceRecord;
  /** The query without the place (and without the "ở", "tại", "in", "at" before it). */
  rest: string;
}

const PLACE_JOINS = new Set(['ở', 'tại', 'o', 'tai', 'in', 'at']);

/** A query word against a name's word: exactly (any accepted spelling) when typed with diacritics, folded otherwise. */
function sameWord(typed: string, name: string): boolean {
  const t = typed.toLowerCase().normalize('NFC');
  const n = name.toLowerCase().normalize('NFC');
  return foldDiacritics(t) === t ? t === foldDiacritics(n) : canonicalSpelling(t) === canonicalSpelling(n);
}

/** Each name a province has or had, as words ("TP. Hồ Chí Minh" → hồ chí minh), longest first. */
const PLACE_NAMES: { province: ProvinceRecord; words: string[] }[] = PROVINCES.flatMap((province) =>
  [province.nameVi, province.nameEn, ...province.formerProvinces].map((name) => ({
    province,
    words: name.replace(/^(TP\.?|Thành phố|Tỉnh)\s+/i, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean),
  })),
)
  // A one-syllable name ("Huế", "Hue") is too often another word; "Hanoi" is not.
  .filter((n) => n.words.length >= 2 || n.words[0].length >= 5)
  .sort((a, b) => b.words.length - a.words.length);

/**
 * The province a search query names at its end or its start ("máy sấy cần thơ", "máy sấy ở Long
 * An", "Can Tho rice dryer"), by any name it has or had, when at least two other words remain:
 * a place inside a term ("hải dương học", oceanography) leaves one, and is not read as a place.
 */
export function placeInQuery(query: string): PlaceInQuery | null {
  const words = query.trim().split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  for (const { province, words: name } of PLACE_NAMES) {
    if (name.length >= words.length) continue;
    const atEnd = name.every((w, i) => sameWord(words[words.length - name.length + i], w));
    const atStart = !atEnd && name.every((w, i) => sameWord(words[i], w));
    if (!atEnd && !atStart) continue;
    let rest = atEnd ? words.slice(0, words.length - name.length) : words.slice(name.length);
    if (atEnd && rest.length && PLACE_JOINS.has(rest[rest.length - 1].toLowerCase())) rest = rest.slice(0, -1);
    if (rest.length >= 2) return { province, rest: rest.join(' ') };
  }
  return null;
}
