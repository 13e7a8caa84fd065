/**
 * Geometry for the server-rendered SVG charts (d3-scale does the scales; this decides what text
 * fits). Each chart is drawn twice, once at a narrow width (phones) and once at a wide one, and a
 * media query shows one: the SVG's user units are then close to CSS pixels, so font sizes stay
 * readable and the fitting decisions below (made in user units) hold on screen. No script needed.
 */

/** Chart widths in SVG user units: a phone's content column and a desktop one. */
export const NARROW = 328;
/** A desktop column (half of the 2-column grid at 1280 px is ~540 px; one column at 40–56rem ~600–860 px). */
export const WIDE = 560;
export const FONT = 12;

/**
 * A safe over-estimate of a label's width in the storefront's sans-serif face (average glyph is
 * ~0.55 em; Vietnamese capitals run wider, so 0.62 em keeps a margin). Digits are as wide as one
 * another, "1" too, in every face the storefront falls back to: 0.64 em covers the widest, DejaVu
 * Sans (0.636; Arial 0.556, Roboto 0.562, Noto Sans 0.572). A "1" counted narrow put the axis label
 * "10" past the chart's left edge.
 */
export function textWidth(text: string, fontSize = FONT): number {
  let w = 0;
  for (const ch of text) w += /[0-9]/.test(ch) ? 0.64 : /[ .,:;'!|il]/.test(ch) ? 0.32 : /[MWmw—–₫%]/.test(ch) ? 0.9 : 0.62;
  return w * fontSize;
}

/**
 * Which of n evenly spaced tick labels to draw so that none overlaps the next: every `step`-th,
 * counted from the last (the latest month is the one readers look for first).
 */
export function thinTicks(labels: string[], spacing: number, fontSize = FONT, gap = 6): Set<number> {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, fontSize)));
  const step = Math.max(1, Math.ceil((widest + gap) / Math.max(spacing, 1)));
  const shown = new Set<number>();
  for (let i = labels.length - 1; i >= 0; i -= step) shown.add(i);
  return shown;
}

/** Cuts a label to fit `width`, ending in "…" (the full text stays in the table and the title). */
export function fitText(text: string, width: number, fontSize = FONT): string {
  if (textWidth(text, fontSize) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '…', fontSize) > width) chars.pop();
  return chars.join('').trimEnd() + '…';
}

/** "2026-03" → "T3/26" (vi) or "Mar 26" (en): a month tick short enough for a phone. */
export function shortMonth(key: string, lang: 'vi' | 'en'): string {
  const [y, m] = key.split('-').map(Number);
  if (!y || !m) return key;
  const yy = String(y % 100).padStart(2, '0');
  if (lang === 'en') return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${yy}`;
  return `T${m}/${yy}`;
}
