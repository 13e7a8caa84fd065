/**
 * Reading a ProvincePicker ($lib/components/ProvincePicker.svelte) back: the explicit "all
 * provinces" box, the ticked provinces and the find box, whose text (any current or former name,
 * with or without diacritics, or a code) is resolved to a province and added to the choice.
 */
import { findProvinceByName, isProvinceCode, normalizeForSearch, PROVINCES } from '@techport/shared';
import { m } from '$lib/paraglide/messages';

export interface ProvinceChoice {
  /** The explicit "all provinces" choice (then `codes` is empty). */
  all: boolean;
  codes: string[];
  /** The find box's text when it matched no province (kept so the user can correct it). */
  unmatched: string | null;
  /** The message for `unmatched`, in the request's language. */
  error: string | null;
}

interface Source {
  get(name: string): string | null | FormDataEntryValue;
  getAll(name: string): (string | FormDataEntryValue)[];
}

/** A province by name, former name or code; else the single province whose name contains the text. */
export function resolveProvince(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  if (isProvinceCode(t)) return t;
  const exact = findProvinceByName(t);
  if (exact) return exact.code;
  const key = normalizeForSearch(t);
  const partial = PROVINCES.filter((p) => [p.nameVi, p.nameEn, ...p.formerProvinces].some((n) => normalizeForSearch(n).includes(key)));
  return partial.length === 1 ? partial[0].code : null;
}

/**
 * Without JavaScript the two choices cannot untick each other, so the form also says how the "all"
 * box was shown (`<allName>Shown`): ticking it chooses all provinces; leaving it ticked while
 * ticking provinces chooses those provinces. Nothing chosen is nothing: what that means is the
 * caller's (no filter for a search, no province for a jurisdiction).
 */
export function readProvinceChoice(source: Source, names: { name?: string; allName?: string; findName?: string } = {}): ProvinceChoice {
  const { name = 'province', allName = 'allProvinces', findName = 'provinceFind' } = names;
  const ticked = (v: unknown) => ['true', 'on'].includes(String(v ?? ''));
  const allNow = ticked(source.get(allName));
  const allBefore = ticked(source.get(`${allName}Shown`));
  const codes = [...new Set(source.getAll(name).map(String).filter(isProvinceCode))];
  const find = String(source.get(findName) ?? '').trim().slice(0, 100);
  let unmatched: string | null = null;
  if (find) {
    const code = resolveProvince(find);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unmatched = find;
  }
  const all = allNow && (!allBefore || codes.length === 0);
  return { all, codes: all ? [] : codes, unmatched, error: unmatched ? m.province_notFound({ text: unmatched }) : null };
}
