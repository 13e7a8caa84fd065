import type { PageServerLoad } from './$types';
import { DepartmentDashboard } from '$lib/graphql/documents';
import { chooseReportPeriod } from '$lib/charts/period';
import { loadFigures } from '$lib/server/figures';

/**
 * The department's report, made for print: ?month=YYYY-MM (default: last month), ?quarter=YYYY-Qn
 * or ?year=YYYY; the dashboard's figures for that period (the same period machinery). A bad value
 * keeps what was typed beside its error, with no figures.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const now = new Date();
  const period = chooseReportPeriod(url.searchParams, now);
  // '-' is never a month: a bad value shows no figures.
  const params = new URLSearchParams({ period: period.kind, at: period.bad ? '-' : period.from });
  const report = await loadFigures(
    new URL(`${url.pathname}?${params}`, url),
    (from, to) => locals.api.request(DepartmentDashboard, { from, to }).then((r) => r.departmentDashboard),
    now,
  );
  // One time for the whole report: when it was made (the queue is read then; the market figures'
  // rollup is at most a few minutes older, which a report on a past period does not feel).
  return { report, period, generatedAt: now.toISOString() };
};
