import type { RequestEvent } from '@sveltejs/kit';
import { cookieSecure } from './config';

/**
 * Security headers of every storefront response (the content security policy itself comes from
 * SvelteKit's `kit.csp` in svelte.config.js, with `frame-ancestors 'none'`).
 *   - no MIME sniffing; no framing by old browsers either (X-Frame-Options);
 *   - the referrer: the origin only, to other sites (never a listing's path with its query);
 *   - no camera, microphone, location, payment or USB for anything on the pages;
 *   - HSTS when the storefront is served over TLS (an https ORIGIN / PUBLIC_WEB_URL, or a proxy
 *     in front saying X-Forwarded-Proto: https): see cookieSecure.
 */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';
export const HSTS = 'max-age=31536000; includeSubDomains';

export function applySecurityHeaders(event: Pick<RequestEvent, 'url'>, response: Response): void {
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  response.headers.set('permissions-policy', PERMISSIONS_POLICY);
  response.headers.set('cross-origin-opener-policy', 'same-origin');
  if (cookieSecure(event.url)) response.headers.set('strict-transport-security', HSTS);
}
