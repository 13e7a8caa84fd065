import type { Lang } from '@techport/shared';
import { Errors } from '../../common/errors.js';

/** A run of whole months, inclusive, as 'YYYY-MM' (months are Vietnam time, like the register). */
export interface MonthPeriod {
  from: string;
  to: string;
}

/** Longest period the figures answer for (ten years of monthly points is already a wall). */
export const MAX_PERIOD_MONTHS = 120;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0, so that periods can be counted and shifted with plain arithmetic. */
function index(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + (m - 1);
}

function fromIndex(i: number): string {
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The month of `at` in Vietnam time. */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
}

/**
 * The period asked for: `from`/`to` as 'YYYY-MM' (either may be left out: the period then ends this
 * month and spans 12 months, or starts at `from` and ends 11 months later, never past this month).
 */
export function resolvePeriod(from: string | null | undefined, to: string | null | undefined, now: Date): MonthPeriod {
  const bad: Record<string, { vi: string; en: string }> = {};
  const month = { vi: 'Cần một tháng dạng NNNN-TT (ví dụ 2026-03).', en: 'Expected a month as YYYY-MM (for example 2026-03).' };
  if (from != null && !MONTH.test(from)) bad.from = month;
  if (to != null && !MONTH.test(to)) bad.to = month;
  if (Object.keys(bad).length) throw Errors.badInput(bad);
  const current = index(monthOf(now));
  const end = to != null ? index(to) : from != null ? Math.min(index(from) + 11, current) : current;
  const start = from != null ? index(from) : end - 11;
  if (end < start) throw Errors.invalidField('to', { vi: 'Tháng cuối không được trước tháng đầu.', en: 'The last month cannot come before the first.' });
  if (end - start + 1 > MAX_PERIOD_MONTHS) {
    throw Errors.invalidField('to', {
      vi: `Một kỳ dài tối đa ${MAX_PERIOD_MONTHS} tháng.`,
      en: `A period spans at most ${MAX_PERIOD_MONTHS} months.`,
    });
  }
  return { from: fromIndex(start), to: fromIndex(end) };
}

/** The period of the same length just before `p` (what the figures are compared with). */
export function previousPeriod(p: MonthPeriod): MonthPeriod {
  const length = index(p.to) - index(p.from) + 1;
  return { from: fromIndex(index(p.from) - length), to: fromIndex(index(p.from) - 1) };
}

/** Every month of the period, oldest first: a chart shows months without data as zeros. */
export function monthsOf(p: MonthPeriod): string[] {
  const out: string[] = [];
  for (let i = index(p.from); i <= index(p.to); i++) out.push(fromIndex(i));
  return out;
}

export function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return lang === 'en'
    ? new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    : `Tháng ${m}/${y}`;
}
