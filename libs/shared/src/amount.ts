/**
 * An amount of money in đồng as people type it into a form: digits, with "." or "," between the
 * thousands ("500.000.000", "500,000,000"), or a number with a unit as the site writes amounts
 * ("1,5 tỷ", "1.5bn", "500 triệu", "500m", "200 nghìn", "200k"). A "₫", "đ", "đồng" or "VND" is
 * ignored; spaces are too. Before a unit, "1,5" and "1.5" are the same decimal number; a group of
 * three digits after the separator is a thousands group all the same ("1.500 tỷ" is 1 500 tỷ).
 * Returns the whole number of đồng (rounded), null when nothing is typed, NaN when it is no amount.
 */
const UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/(tỷ|tỉ|ty|ti|bn|b|billion|billions)$/, 1e9],
  [/(triệu|trieu|tr|m|mn|million|millions)$/, 1e6],
  [/(nghìn|ngàn|nghin|ngan|k|thousand|thousands)$/, 1e3],
];

export function parseAmountText(text: string): number | null {
  let t = text.normalize('NFC').toLowerCase().replace(/[\s\u00a0\u202f]+/g, '');
  if (!t) return null;
  t = t.replace(/^(₫|vnd)/, '').replace(/(₫|vnđ|vnd|đồng|dong|đ)$/, '');
  let unit = 1;
  for (const [pattern, factor] of UNITS) {
    if (pattern.test(t)) {
      t = t.replace(pattern, '');
      unit = factor;
      break;
    }
  }
  if (/^\d{1,3}([.,]\d{3})+$|^\d+$/.test(t)) {
    // Every separator the same: "1.500.000" or "1,500,000", not "1.500,000".
    if (/[.,]/.test(t) && new Set(t.match(/[.,]/g)).size > 1) return NaN;
    return Number(t.replace(/[.,]/g, '')) * unit;
  }
  if (unit > 1 && /^\d+[.,]\d+$/.test(t)) return Math.round(Number(t.replace(',', '.')) * unit);
  return NaN;
}
