import { ApiError } from './api';
import { choosePeriod, currentMonth, notStarted, type PeriodChoice } from '$lib/charts/period';

export interface FiguresLoad<T> {
  choice: PeriodChoice;
  data: T | null;
  /** BAD_USER_INPUT from the API, by field (from/to), shown in the period form. */
  errors: Record<string, string>;
  failed: boolean;
  /** The period starts after this month: nothing measured yet, no figures shown. */
  notStarted: boolean;
}

/**
 * Loads figures for the period the GET form asked for. A bad period (a month the form cannot read,
 * one the API refuses: last month before the first, longer than it answers) keeps what was typed,
 * names its field and shows no figures; a period that has not started shows none either, and one
 * that runs into the months to come is measured up to this month.
 */
export async function loadFigures<T>(url: URL, run: (from: string, to: string) => Promise<T>, now = new Date()): Promise<FiguresLoad<T>> {
  const choice = choosePeriod(url.searchParams, now);
  const none = { choice, data: null, errors: {}, failed: false, notStarted: false };
  if (choice.bad.length) return none;
  if (notStarted(choice, now)) return { ...none, notStarted: true };
  try {
    // A period running past this month is measured to this month: the months to come have no
    // figures yet (drawn, they would read as months of nothing).
    const thisMonth = currentMonth(now);
    return { ...none, data: await run(choice.from, choice.to > thisMonth ? thisMonth : choice.to) };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') {
      return { ...none, errors: Object.keys(err.fields).length ? err.fields : { to: err.message } };
    }
    if (err instanceof ApiError) return { ...none, failed: true };
    throw err;
  }
}
