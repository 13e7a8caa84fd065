/**
 * The staff audit log as CSV: the API's GET /exports/staff-audit.csv with the page's filters,
 * fetched with the session's bearer token (the browser never holds it) and passed through.
 * The API records the export itself in the log.
 */
import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { AUDIT_FILTER_KEYS, actorFilter } from '$lib/audit';
import { apiBase, apiTimeoutMs } from '$lib/server/config';
import { hasRole } from '$lib/server/guards';

export const GET: RequestHandler = async ({ locals, url }) => {
  if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  if (!hasRole(locals.user, 'ADMIN')) error(404, m.error_notFound());
  const target = new URL(`${apiBase()}/exports/staff-audit.csv`);
  for (const key of AUDIT_FILTER_KEYS) {
    const v = url.searchParams.get(key)?.trim();
    if (!v) continue;
    if (key === 'actor') {
      // The page refuses anything else before offering the download; a hand-made link gets the API's answer.
      for (const [name, value] of Object.entries(actorFilter(v) ?? { actorId: v })) target.searchParams.set(name, value);
    } else target.searchParams.set(key, v);
  }
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
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    error(res.status === 400 ? 400 : res.status === 401 || res.status === 403 ? 404 : 502, body?.message ?? m.error_generic());
  }
  return new Response(res.body, {
    headers: {
      'content-type': res.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': res.headers.get('content-disposition') ?? 'attachment; filename="audit.csv"',
      'cache-control': 'private, no-store',
    },
  });
};
