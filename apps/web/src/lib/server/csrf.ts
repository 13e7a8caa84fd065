import { env } from '$env/dynamic/private';

/**
 * Cross-site form posts, refused at run time (SvelteKit's own check is switched off in
 * svelte.config.js because its list of trusted origins is fixed at build time).
 *
 * A form post (POST/PUT/PATCH/DELETE with a form content type) is accepted when its `Origin` is the
 * site's origin (ORIGIN), the same address under the other loopback name (a storefront started as
 * http://localhost:3000 is also reached as http://127.0.0.1:3000: both are this machine, so no other
 * site can post from there), or one of CSRF_TRUSTED_ORIGINS. Anything else, or no Origin at all, is
 * refused, as SvelteKit would.
 */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origins whose form posts this site accepts. */
export function acceptedOrigins(siteOrigin: string, trusted = env.CSRF_TRUSTED_ORIGINS ?? ''): Set<string> {
  const accepted = new Set([siteOrigin]);
  const site = new URL(siteOrigin);
  if (LOOPBACK_HOSTS.includes(site.hostname)) {
    for (const host of LOOPBACK_HOSTS) accepted.add(`${site.protocol}//${host}${site.port ? `:${site.port}` : ''}`);
  }
  for (const entry of trusted.split(',')) {
    const value = entry.trim();
    if (!value) continue;
    try {
      accepted.add(new URL(value).origin);
    } catch {
      // A malformed entry trusts nothing.
    }
  }
  return accepted;
}

function isFormPost(request: Request): boolean {
  if (!UNSAFE_METHODS.has(request.method)) return false;
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
  return FORM_TYPES.includes(type);
}

/** True when the request is a form post from somewhere this site does not accept. */
export function isCrossSiteFormPost(request: Request, siteOrigin: string): boolean {
  if (!isFormPost(request)) return false;
  const origin = request.headers.get('origin');
  return !origin || !acceptedOrigins(siteOrigin).has(origin);
}
