import { timingSafeEqual, createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { AppConfig } from '../config/config.js';

/**
 * The visitor's address behind the storefront.
 *
 * The storefront calls the API from its own server, so without help every visitor's request
 * comes from the storefront's address and shares its rate-limit buckets (sign-in, registration,
 * messages). The storefront therefore sends the visitor's address in `X-Client-Address`, together
 * with the secret it shares with the API (`X-Storefront-Secret` = STOREFRONT_SECRET). Only a request
 * carrying that secret may name its client: anyone else's `X-Client-Address` is ignored, and
 * `X-Forwarded-For` counts only for the TRUST_PROXY hops in front (express's `trust proxy`), so a
 * direct API client cannot pick the address it is counted under.
 *
 * The middleware replaces `req.ip`, which is what every rate limit and log reads.
 */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';
export const STOREFRONT_SECRET_HEADER = 'x-storefront-secret';

/** Compares through fixed-length digests, so neither the length nor the content leaks by timing. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The address the storefront vouches for, or null when the request does not carry the secret. */
export function vouchedClientAddress(headers: Record<string, string | string[] | undefined>, secret: string | undefined): string | null {
  if (!secret) return null;
  const given = headers[STOREFRONT_SECRET_HEADER];
  const address = headers[CLIENT_ADDRESS_HEADER];
  if (typeof given !== 'string' || typeof address !== 'string') return null;
  if (!sameSecret(given, secret)) return null;
  const trimmed = address.trim();
  // An IPv4-mapped IPv6 address ("::ffff:203.0.113.7") counts as the IPv4 address it maps.
  const plain = trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(plain) ? plain : null;
}

/** Express middleware: `req.ip` becomes the visitor's address when the storefront vouches for it. */
export function clientAddressMiddleware(config: Pick<AppConfig, 'STOREFRONT_SECRET'>) {
  return (req: { headers: Record<string, string | string[] | undefined> }, _res: unknown, next: () => void) => {
    const vouched = vouchedClientAddress(req.headers, config.STOREFRONT_SECRET);
    // express defines `ip` as a getter on the request prototype; an own property shadows it.
    if (vouched) Object.defineProperty(req, 'ip', { value: vouched, configurable: true, enumerable: true });
    next();
  };
}
