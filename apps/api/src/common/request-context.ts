import { AsyncLocalStorage } from 'node:async_hooks';
import type { Lang } from '@techport/shared';

/**
 * Per-request facts that code deep in the call stack needs without threading them through
 * every signature: the request's language (for error messages) and its id (for logs).
 */
export interface RequestContextStore {
  lang: Lang;
  /** The language the request asked for (a supported Accept-Language tag), null when it named none. */
  asked?: Lang | null;
  requestId: string;
  /** The caller's address as the API sees it (req.ip) and browser, for the staff audit log. */
  ip?: string;
  userAgent?: string;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

export function runWithRequestContext<T>(store: RequestContextStore, fn: () => T): T {
  return storage.run(store, fn);
}

/** Where the current request comes from (address, user agent), for the staff audit log. */
export function currentRequestSource(): { ip: string | null; userAgent: string | null } {
  const store = storage.getStore();
  return { ip: store?.ip ?? null, userAgent: store?.userAgent ?? null };
}

export function currentLang(): Lang {
  return storage.getStore()?.lang ?? 'vi';
}

/** The language this request asked for; null when its Accept-Language named no supported one (a script, a bare client). */
export function requestedLang(): Lang | null {
  return storage.getStore()?.asked ?? null;
}

/** Accept-Language → 'vi' (default) or 'en': the first supported tag wins. */
export function langFromHeader(header: string | undefined | null): Lang {
  return askedLangFromHeader(header) ?? 'vi';
}

/** Accept-Language → the first supported tag's language, or null when it names none. */
export function askedLangFromHeader(header: string | undefined | null): Lang | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return null;
}
