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

export function rememberLang(cookies: Cookies, url: URL, lang: 'vi' | 'en'): void {
  cookies.set(LANG_COOKIE, lang, { path: '/', maxAge: LANG_MAX_AGE, httpOnly: true, sameSite: 'lax', secure: cookieSecure(url) });
}

/**
 * Signs the visitor in. `accountLanguage`: the account's language (User.language, the interface it
 * last used). Unless a language was asked for explicitly (?lang= on this request, or earlier in
 * this browser: the cookie is only ever set by a ?lang= switch; either wins and the API then
 * remembers it for the account), the storefront adopts it: signing in on a fresh browser shows the
 * account's language, not the Vietnamese default.
 */
export function startSession(cookies: Cookies, url: URL, token: string, accountLanguage?: string | null): void {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(url),
    maxAge: SESSION_MAX_AGE,
  });
  const asked = url.searchParams.get('lang');
  if (!asked && !cookies.get(LANG_COOKIE) && (accountLanguage === 'vi' || accountLanguage === 'en')) {
    rememberLang(cookies, url, accountLanguage);
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

