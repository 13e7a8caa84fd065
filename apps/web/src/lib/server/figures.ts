import { ApiError } from './api';
import { choosePeriod, type PeriodChoice } from '$lib/charts/period';

export interface FiguresLoad<T> {
  choice: PeriodChoice;
  data: T | null;
  /** BAD_USER_INPUT from the API, by field (from/to), shown in the period form. */
  errors: Record<string, string>;
  failed: boolean;
}

/**
 * Loads figures for the period the GET form asked for. A period the API refuses (longer than it
 * answers, last month before the first) is shown as a field error over the default period's figures.
 */
export async function loadFigures<T>(url: URL, run: (from: string, to: string) => Promise<T>): Promise<FiguresLoad<T>> {
  let choice = choosePeriod(url.searchParams);
  let errors: Record<string, string> = {};
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return { choice, data: await run(choice.from, choice.to), errors, failed: false };
    } catch (err) {
      if (err instanceof ApiError && err.code === 'BAD_USER_INPUT' && attempt === 0) {
        errors = Object.keys(err.fields).length ? err.fields : { to: err.message };
        const fallback = choosePeriod(new URLSearchParams());
        choice = { ...choice, from: fallback.from, to: fallback.to };
        continue;
      }
      if (err instanceof ApiError) return { choice, data: null, errors, failed: true };
      throw err;
    }
  }
  return { choice, data: null, errors, failed: true };
}
