import type { PageServerLoad } from './$types';
import { DepartmentDashboard } from '$lib/graphql/documents';
import { loadFigures } from '$lib/server/figures';
import { currentMonth } from '$lib/charts/period';

export const load: PageServerLoad = async ({ locals, url }) => {
  // The monthly report links to the last whole month.
  const [y, mo] = currentMonth().split('-').map(Number);
  const lastMonth = mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  return {
    dashboard: await loadFigures(url, (from, to) => locals.api.request(DepartmentDashboard, { from, to }).then((r) => r.departmentDashboard)),
    lastMonth,
    /** When the queue and the waiting work (the current state, not the period's) were read. */
    at: new Date().toISOString(),
  };
};
