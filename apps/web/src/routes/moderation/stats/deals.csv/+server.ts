/**
 * The department's register of reviewed deals as CSV: the API's GET /exports/deals.csv, fetched
 * with the session's bearer token (the browser never holds the token) and passed through.
 */
import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { apiBase, apiTimeoutMs } from '$lib/server/config';
import { hasRole } from '$lib/server/guards';

export const GET: RequestHandler = async ({ locals, url }) => {
  if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  if (!hasRole(locals.user, 'MODERATOR')) error(404, m.error_notFound());
  const target = new URL(`${apiBase()}/exports/deals.csv`);
  for (const key of ['status', 'from', 'to']) {
    const v = url.searchParams.get(key);
    if (v) target.searchParams.set(key, v);
  }
  // A request the register cannot answer (a bad date, `from` after `to`) goes back to the export
  // form, which says why in the page's language, with what was typed (a file download cannot).
  const problem = exportProblem(url.searchParams);
  if (problem) redirect(303, backToForm(url, problem));
  let res: Response;
  try {
    res = await fetch(target, {
      // The session's token, the language, and the visitor's own address and browser (the staff audit log records them).
      headers: locals.api.headers(),
      signal: AbortSignal.timeout(apiTimeoutMs() * 4),
    });
  } catch {
    error(503, m.error_apiDown());
  }
  if (res.status === 400) redirect(303, backToForm(url, 'invalid'));
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    error(res.status === 401 || res.status === 403 ? 404 : 502, body?.message ?? m.error_generic());
  }
  return new Response(res.body, {
    headers: {
      'content-type': res.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': res.headers.get('content-disposition') ?? 'attachment; filename="deals.csv"',
      'cache-control': 'private, no-store',
    },
  });
};

export type ExportProblem = 'from' | 'to' | 'range' | 'invalid';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: string) => ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** What is wrong with the asked range, if anything (the API checks again). */
function exportProblem(params: URLSearchParams): ExportProblem | null {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (from && !isDate(from)) return 'from';
  if (to && !isDate(to)) return 'to';
  if (from && to && from > to) return 'range';
  return null;
}

function backToForm(url: URL, problem: ExportProblem): string {
  const back = new URLSearchParams({ exportError: problem });
  for (const key of ['status', 'from', 'to']) {
    const v = url.searchParams.get(key);
    if (v) back.set(key, v.slice(0, 40));
  }
  return `/moderation/stats?${back}#export`;
}
