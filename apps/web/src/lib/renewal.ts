/**
 * When the owner may renew a listing: published, and past its expiry or within the API's warning
 * window before it (LISTING_EXPIRY_WARNING_DAYS, 14 by default; the API decides, this only chooses
 * where the storefront offers the button).
 */
export const RENEWAL_WINDOW_DAYS = 14;

export interface ExpiryFacts {
  status: string;
  expired?: boolean | null;
  expiresAt?: string | null;
}

/** Published and expired, or expiring within the window: the owner is offered "Renew". */
export function renewable(l: ExpiryFacts, now = Date.now()): boolean {
  if (l.status !== 'PUBLISHED') return false;
  return !!l.expired || (!!l.expiresAt && new Date(l.expiresAt).getTime() - now < RENEWAL_WINDOW_DAYS * 86_400_000);
}
