import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

/** The export form's values and error after deals.csv sent it back (a bad date or range). */
function exportForm(params: URLSearchParams) {
  const values = { status: params.get('status') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const problem = params.get('exportError');
  const fields: Record<string, string> = {};
  if (problem === 'from') fields.from = m.mod_exportBadDate();
  if (problem === 'to') fields.to = m.mod_exportBadDate();
  if (problem === 'range') fields.to = m.mod_exportBadRange();
  const error = problem === 'range' ? m.mod_exportBadRange() : problem === 'from' || problem === 'to' ? m.mod_exportBadDate() : problem === 'invalid' ? m.mod_exportInvalid() : null;
  return { values, fields, error };
}

export const load: PageServerLoad = async ({ url }) => ({
  exportForm: exportForm(url.searchParams),
});
