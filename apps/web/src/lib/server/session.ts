import type { Cookies } from '@sveltejs/kit';
import { safeLocalPath } from '@techport/shared';
import { cookieSecure } from './config';

/** The session cookie holds the API's bearer token; scripts never see it (HttpOnly). */
export const SESSION_COOKIE = 'session';
/** The API's tokens last 12 h by default (JWT_TTL); the cookie does not outlive that by much. */
const SESSION_MAX_AGE = 60 * 60 * 12;

/** The storefront's remembered language (hooks.server.ts: ?lang= > this cookie > Vietnamese). */
export const LANG_COOKIE = 'lang';
export const LANG_MAX_AGE = 60 * 60 * 24 * 400;
/** After signing in: the account's language, when it is not the page's, offered once. */
export const LANG_OFFER_COOKIE = 'lang_offer';

export function rememberLang(cookies: Cookies, url: URL, lang: 'vi' | 'en'): void {
  cookies.set(LANG_COOKIE, lang, { path: '/', maxAge: LANG_MAX_AGE, httpOnly: true, sameSite: 'lax', secure: cookieSecure(url) });
}

/**
 * Signs the visitor in. `accountLanguage`: the account's language (User.language, the interface it
 * last used). When it is not the page's, the next page offers to switch (LANG_OFFER_COOKIE, read
 * once by +layout.server.ts): the storefront does not switch by itself, since the API learns an
 * account's language from every request's Accept-Language, so a language used once elsewhere (an
 * app, a colleague's English page) would otherwise take over the next sign-in.
 */
export function startSession(cookies: Cookies, url: URL, token: string, accountLanguage?: string | null): void {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(url),
    maxAge: SESSION_MAX_AGE,
  });
  const current = url.searchParams.get('lang') ?? cookies.get(LANG_COOKIE) ?? 'vi';
  if ((accountLanguage === 'vi' || accountLanguage === 'en') && accountLanguage !== current) {
    cookies.set(LANG_OFFER_COOKIE, accountLanguage, { path: '/', maxAge: 10 * 60, httpOnly: true, sameSite: 'lax', secure: cookieSecure(url) });
  }
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

/**
 * Where a visitor was when they chose to register (`/register?next=…`), kept until the e-mailed
 * activation link is opened in this browser: the journey goes on from there (the organisation
 * page offers the way back) instead of starting over at the dashboard.
 */
const AFTER_SIGNUP_COOKIE = 'after_signup';
const AFTER_SIGNUP_MAX_AGE = 60 * 60 * 24 * 7;

export function rememberAfterSignup(cookies: Cookies, url: URL, next: string | null | undefined): void {
  const path = safeNext(next, url, '');
  if (!path) return;
  cookies.set(AFTER_SIGNUP_COOKIE, path, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieSecure(url), maxAge: AFTER_SIGNUP_MAX_AGE });
}

/** The remembered page (checked again: a cookie is the client's to change), forgotten once read. */
export function takeAfterSignup(cookies: Cookies, url: URL): string {
  const path = safeNext(cookies.get(AFTER_SIGNUP_COOKIE), url, '');
  cookies.delete(AFTER_SIGNUP_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieSecure(url) });
  return path;
}

