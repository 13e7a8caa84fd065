/** The event report's outcomes as CSV: the API's GET /exports/events/:id/report.csv, fetched with the session's token. */
import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { EventBySlug } from '$lib/graphql/documents';
import { apiBase, apiTimeoutMs } from '$lib/server/config';
import { apiFailure } from '$lib/server/guards';

export const GET: RequestHandler = async ({ locals, url, params }) => {
  if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
  const { event } = await locals.api.request(EventBySlug, { slug: params.slug }).catch((e) => apiFailure(e, url));
  if (!event) error(404, m.error_notFound());
  let res: Response;
  try {
    res = await fetch(`${apiBase()}/exports/events/${event.id}/report.csv`, {
      // The session's token, the language, and the visitor's own address and browser (the staff audit log records them).
      headers: locals.api.headers(),
      signal: AbortSignal.timeout(apiTimeoutMs() * 4),
    });
  } catch {
    error(503, m.error_apiDown());
  }
  if (!res.ok) error(res.status === 401 || res.status === 403 || res.status === 404 ? 404 : 502, m.error_notFound());
  return new Response(res.body, {
    headers: {
      'content-type': res.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': res.headers.get('content-disposition') ?? `attachment; filename="report-${params.slug}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
};
