import type { PageServerLoad } from './$types';
import { DepartmentDashboard } from '$lib/graphql/documents';
import { currentMonth } from '$lib/charts/period';
import { loadFigures } from '$lib/server/figures';

/** The monthly report: ?month=YYYY-MM (default: last month), one month of the dashboard, made for print. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const [y, mo] = currentMonth().split('-').map(Number);
  const fallback = mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  const asked = url.searchParams.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : fallback;
  const params = new URLSearchParams({ period: 'month', at: month });
  const report = await loadFigures(new URL(`${url.pathname}?${params}`, url), (from, to) =>
    locals.api.request(DepartmentDashboard, { from, to }).then((r) => r.departmentDashboard),
  );
  return { report, month, badMonth: asked !== '' && asked !== month, generatedAt: new Date().toISOString() };
};
