/**
 * A participant's agenda as a calendar file: the API's GET /exports/events/registrations/:id/agenda.ics,
 * fetched with the session's bearer token (the browser never holds it) in the page's language.
 */
import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { apiBase, apiTimeoutMs } from '$lib/server/config';

export const GET: RequestHandler = async ({ locals, url, params }) => {
  if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  const registration = url.searchParams.get('registration') ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(registration)) error(404, m.error_notFound());
  let res: Response;
  try {
    res = await fetch(`${apiBase()}/exports/events/registrations/${registration}/agenda.ics`, {
      headers: locals.api.headers(), // the session's token, the language, the visitor's address and browser
      signal: AbortSignal.timeout(apiTimeoutMs() * 2),
    });
  } catch {
    error(503, m.error_apiDown());
  }
  if (!res.ok) error(res.status === 401 || res.status === 403 || res.status === 404 ? 404 : 502, m.error_notFound());
  return new Response(res.body, {
    headers: {
      'content-type': res.headers.get('content-type') ?? 'text/calendar; charset=utf-8',
      'content-disposition': res.headers.get('content-disposition') ?? `attachment; filename="agenda-${params.slug}.ics"`,
      'cache-control': 'private, no-store',
    },
  });
};
