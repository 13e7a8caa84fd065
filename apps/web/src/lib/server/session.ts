import type { Cookies } from '@sveltejs/kit';
import { safeLocalPath } from '@techport/shared';
import { cookieSecure } from './config';

/** The session cookie holds the API's bearer token; scripts never see it (HttpOnly). */
export const SESSION_COOKIE = 'session';
/** The API's tokens last 12 h by default (JWT_TTL); the cookie does not outlive that by much. */
const SESSION_MAX_AGE = 60 * 60 * 12;

export function startSession(cookies: Cookies, url: URL, token: string): void {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(url),
    maxAge: SESSION_MAX_AGE,
  });
}

export function endSession(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieSecure(url) });
}

/**
 * Only paths on this site, so a crafted ?next= cannot send the visitor elsewhere after log-in:
 * `next` is resolved against the request's origin and kept only when the origin is unchanged
 * (control characters and backslashes refused; see safeLocalPath). Anything else: `fallback`.
 */
export function safeNext(next: string | null | undefined, url: URL, fallback = '/dashboard'): string {
  return safeLocalPath(next, url.origin, fallback);
}
