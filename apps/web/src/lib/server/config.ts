import { env } from '$env/dynamic/private';
import { getRequestEvent } from '$app/server';

/**
 * The storefront server's configuration, read from the environment at run time (adapter-node):
 *   API_URL         the API's GraphQL endpoint (default http://127.0.0.1:4000/graphql)
 *   PUBLIC_WEB_URL  the storefront's public address, for canonical URLs, Open Graph and the
 *                   sitemap (default: ORIGIN, else the request's own origin)
 *   ORIGIN          SvelteKit's public origin (adapter-node; CSRF checks of forms)
 *   COOKIE_SECURE   true/false; default: true over TLS (https public address, X-Forwarded-Proto: https)
 *   API_TIMEOUT_MS  how long to wait for the API (default 15000)
 *   OPERATOR_NAME, OPERATOR_NAME_EN, OPERATOR_EMAIL, OPERATOR_PHONE, OPERATOR_ADDRESS
 *                   who runs the exchange and how to reach them, shown on /about (operator())
 */
export function apiUrl(): string {
  return env.API_URL || 'http://127.0.0.1:4000/graphql';
}

/** The API's base (scheme, host, port): GraphQL lives at /graphql, exports at /exports/… */
export function apiBase(): string {
  return apiUrl().replace(/\/graphql\/?$/, '');
}

export function publicUrl(requestOrigin: string): string {
  return (env.PUBLIC_WEB_URL || env.ORIGIN || requestOrigin).replace(/\/+$/, '');
}

/**
 * Whether this request reached the storefront over TLS: cookies get `Secure` and responses HSTS.
 * True with an https public address, or when a TLS proxy in front says `X-Forwarded-Proto: https`.
 * The header is believed from anyone: all a forged one can do is make the sender's own cookies
 * Secure (which a browser on plain http then drops) and send HSTS, which browsers ignore over http.
 */
export function cookieSecure(requestUrl: URL): boolean {
  if (env.COOKIE_SECURE === 'true' || env.COOKIE_SECURE === '1') return true;
  if (env.COOKIE_SECURE === 'false' || env.COOKIE_SECURE === '0') return false;
  return publicUrl(requestUrl.origin).startsWith('https:') || requestUrl.protocol === 'https:' || forwardedHttps();
}

/** The proxy in front of this request said https (X-Forwarded-Proto, its first value). */
function forwardedHttps(): boolean {
  let proto: string | null = null;
  try {
    proto = getRequestEvent().request.headers.get('x-forwarded-proto');
  } catch {
    return false; // outside a request
  }
  return (proto ?? '').split(',', 1)[0].trim().toLowerCase() === 'https';
}

export function apiTimeoutMs(): number {
  const n = Number(env.API_TIMEOUT_MS);
  return Number.isFinite(n) && n > 0 ? n : 15_000;
}

/** Who runs the exchange, as the About page says it: the department (or agency) and its contacts. */
export interface Operator {
  /** Null: not configured, the page names the provinces' departments in general. */
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export function operator(lang: 'vi' | 'en'): Operator {
  const text = (v: string | undefined) => v?.trim() || null;
  return {
    name: (lang === 'en' ? text(env.OPERATOR_NAME_EN) : null) ?? text(env.OPERATOR_NAME),
    email: text(env.OPERATOR_EMAIL),
    phone: text(env.OPERATOR_PHONE),
    address: text(env.OPERATOR_ADDRESS),
  };
}
