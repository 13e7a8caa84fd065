/**
 * Two-step sign-in. When the password is right for an account with two-step verification, the
 * API's `login` answers UNAUTHENTICATED with reason SECOND_FACTOR_CODE_REQUIRED and a short-lived
 * challenge instead of a token. The storefront keeps the challenge in an HttpOnly cookie (never
 * in the page) and asks for the code on /login/code, whose form action calls `completeLogin`.
 */
import { redirect, type Cookies } from '@sveltejs/kit';
import { ApiError } from './api';
import { cookieSecure } from './config';

const CHALLENGE_COOKIE = 'login_challenge';
/** The API's challenge lasts 5 minutes. */
const CHALLENGE_MAX_AGE = 5 * 60;

export function isSecondFactorChallenge(err: unknown): err is ApiError {
  return err instanceof ApiError && err.extensions.reason === 'SECOND_FACTOR_CODE_REQUIRED' && typeof err.extensions.challenge === 'string';
}

/** Keeps the challenge and sends the visitor to the code step (post/redirect/get). */
export function askForCode(cookies: Cookies, url: URL, err: ApiError, next: string): never {
  cookies.set(CHALLENGE_COOKIE, err.extensions.challenge as string, {
    path: '/login',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(url),
    maxAge: CHALLENGE_MAX_AGE,
  });
  redirect(303, `/login/code?next=${encodeURIComponent(next)}`);
}

export function readChallenge(cookies: Cookies): string | null {
  return cookies.get(CHALLENGE_COOKIE) ?? null;
}

export function clearChallenge(cookies: Cookies, url: URL): void {
  cookies.delete(CHALLENGE_COOKIE, { path: '/login', httpOnly: true, sameSite: 'lax', secure: cookieSecure(url) });
}
