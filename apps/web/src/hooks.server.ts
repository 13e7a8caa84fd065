/**
 * Every request: the language (Paraglide: ?lang= > the `lang` cookie > Vietnamese), the session
 * (the HttpOnly cookie's API token → locals.user through the API's `me`), cross-site form posts
 * refused, security headers, gzip of pages and data.
 */
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { defineCustomServerStrategy, isLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { Api, ApiError } from '$lib/server/api';
import { LANG_COOKIE, SESSION_COOKIE, endSession, rememberLang } from '$lib/server/session';
import { isCrossSiteFormPost } from '$lib/server/csrf';
import { applySecurityHeaders } from '$lib/server/security-headers';
import { compressResponse } from '$lib/server/compression';
import { MarkNotificationsReadByUrl, Session } from '$lib/graphql/documents';

// `?lang=en` makes a link shareable in a language; the switch in the header uses it too.
defineCustomServerStrategy('custom-query', {
  getLocale: (request) => {
    const lang = request ? new URL(request.url).searchParams.get('lang') : null;
    return lang && isLocale(lang) ? lang : undefined;
  },
});

const language: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ locale }) => {
    event.locals.lang = locale === 'en' ? 'en' : 'vi';
    const asked = event.url.searchParams.get('lang');
    if (asked && isLocale(asked) && event.cookies.get(LANG_COOKIE) !== asked) {
      rememberLang(event.cookies, event.url, asked);
    }
    return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang) });
  });

const session: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get(SESSION_COOKIE) ?? null;
  let clientAddress: string | undefined;
  try {
    clientAddress = event.getClientAddress();
  } catch {
    clientAddress = undefined;
  }
  // The visitor's browser: the API describes the session by it and the staff audit log records it.
  const userAgent = event.request.headers.get('user-agent')?.slice(0, 500) || undefined;
  event.locals.api = new Api({ token, lang: event.locals.lang, clientAddress, userAgent });
  event.locals.user = null;
  event.locals.unread = 0;
  if (token) {
    try {
      const { data } = await event.locals.api.raw(Session);
      if (data?.me) {
        event.locals.user = data.me;
        event.locals.unread = data.unreadNotificationCount ?? 0;
        if (event.locals.unread > 0 && opensPage(event)) event.locals.unread -= await markOpenedRead(event.locals.api, event.url.pathname);
      } else {
        // Expired or revoked token (or a disabled account): forget it.
        endSession(event.cookies, event.url);
        event.locals.api = event.locals.api.withToken(null);
      }
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // The API is down: carry on anonymously for this request; the pages say what failed.
      event.locals.api = event.locals.api.withToken(null);
    }
  }
  return resolve(event);
};

/** A GET of a page (not a form post, an asset or a file download). */
function opensPage(event: Parameters<Handle>[0]['event']): boolean {
  return event.request.method === 'GET' && !event.url.pathname.startsWith('/_app/') && !/\.[a-z0-9]+$/i.test(event.url.pathname);
}

/**
 * Notifications link to storefront pages; opening the page (from the list, an e-mail or a
 * bookmark) marks the visitor's notifications that point at it read. Returns how many.
 */
async function markOpenedRead(api: Api, path: string): Promise<number> {
  try {
    const { markNotificationsReadByUrl } = await api.request(MarkNotificationsReadByUrl, { url: path });
    return markNotificationsReadByUrl;
  } catch (err) {
    if (err instanceof ApiError) return 0; // not worth failing the page for
    throw err;
  }
}

const headers: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  applySecurityHeaders(event, response);
  const type = response.headers.get('content-type') ?? '';
  // Pages for a logged-in visitor are theirs alone; public pages may be cached briefly.
  if (type.startsWith('text/html') && !response.headers.has('cache-control')) {
    response.headers.set('cache-control', event.locals.user ? 'private, no-store' : 'public, max-age=0, must-revalidate');
  }
  if (type.startsWith('text/html')) response.headers.set('vary', 'Cookie');
  return response;
};

/** Form posts from other sites are refused (src/lib/server/csrf.ts), before any work is done for them. */
const crossSiteForms: Handle = ({ event, resolve }) => {
  if (isCrossSiteFormPost(event.request, event.url.origin)) {
    return new Response(m.error_crossSiteForm(), { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return resolve(event);
};

/** Outermost, so it compresses what every other hook has finished (src/lib/server/compression.ts). */
const compression: Handle = async ({ event, resolve }) => compressResponse(event.request, await resolve(event));

export const handle = sequence(compression, language, headers, crossSiteForms, session);

export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) console.error(`[web] ${event.request.method} ${event.url.pathname}:`, error);
  return { message: status === 404 ? m.error_notFound() : m.error_generic() };
};
