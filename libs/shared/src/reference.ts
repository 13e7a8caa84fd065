import { PROVINCES, type ProvinceRecord } from './provinces.data.js';
import { TECH_FIELDS, type TechFieldRecord } from './tech-fields.data.js';
import { normalizeForSearch } from './text.js';
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
