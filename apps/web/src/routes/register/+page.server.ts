import { redirect, type Cookies } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { Login, Register } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { ApiError } from '$lib/server/api';
import { cookieSecure } from '$lib/server/config';
import { failFields, failFromError, readForm, type FormReader } from '$lib/server/forms';
import { askForCode, isSecondFactorChallenge } from '$lib/server/second-factor';
import { rememberAfterSignup, safeNext, startSession, takeAfterSignup } from '$lib/server/session';

/**
 * The address just registered, shown on the "check your e-mail" page so a typo can be seen (it is
 * what this browser typed: it tells nobody anything new). Only this page reads it, for an hour.
 */
const REGISTERED_COOKIE = 'registered_email';
const REGISTERED_MAX_AGE = 60 * 60;
const registeredCookie = (url: URL) => ({ path: '/register', httpOnly: true, sameSite: 'lax' as const, secure: cookieSecure(url), maxAge: REGISTERED_MAX_AGE });

export const load: PageServerLoad = ({ locals, url, cookies }) => {
  if (locals.user) redirect(303, '/dashboard');
  // After registering: "check your e-mail", the same words whether or not the address had an account.
  const sent = url.searchParams.get('sent') === '1';
  return { sent, email: sent ? (cookies.get(REGISTERED_COOKIE) ?? null) : null, next: safeNext(url.searchParams.get('next'), url, '') };
};

/**
 * "Send the link again": a sign-in with the password just chosen. The API answers a right password
 * of an account not yet activated with ACCOUNT_NOT_ACTIVATED and e-mails a fresh link (a few an
 * hour); only whoever knows the password can ask it, as on the log-in page. An account that was
 * activated meanwhile is simply signed in.
 */
async function resend(form: FormReader, locals: App.Locals, cookies: Cookies, url: URL) {
  const email = form.str('email');
  const password = form.str('password');
  const values = form.values();
  if (!password) return failFields(values, { password: m.error_required() }, 'resend');
  let token: string;
  let language: string | null | undefined;
  try {
    ({ login: { token, user: { language } } } = await locals.api.request(Login, { email, password }));
  } catch (err) {
    if (err instanceof ApiError && err.extensions.reason === 'ACCOUNT_NOT_ACTIVATED') {
      cookies.set(REGISTERED_COOKIE, email, registeredCookie(url));
      return { form: 'resend' as const, resent: true, email };
    }
    if (isSecondFactorChallenge(err)) askForCode(cookies, url, err, takeAfterSignup(cookies, url) || '/dashboard');
    return failFromError(err, values, { fields: ['password'], prefixes: [], isLogin: true, form: 'resend' });
  }
  startSession(cookies, url, token, language);
  redirect(303, takeAfterSignup(cookies, url) || '/dashboard');
}

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const form = await readForm(request);
    // The "check your e-mail" page's second form (no named actions: the register form posts here too).
    if (form.str('intent') === 'resend') return resend(form, locals, cookies, url);
    const values = form.values();
    const input = { email: form.str('email'), password: form.str('password'), displayName: form.str('displayName') };
    if (input.password && form.str('passwordConfirm') !== input.password) {
      // The API is not asked (it would register the address), so what can be told here is told at once.
      const errors: Record<string, string> = { passwordConfirm: m.register_passwordMismatch() };
      // The API's rule (at least 10 characters), said beside the mismatch rather than after it.
      if ([...input.password].length < 10) errors.password = m.register_passwordShort();
      if (!input.displayName) errors.displayName = m.error_required();
      if (!input.email) errors.email = m.error_required();
      else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) errors.email = m.error_email();
      return failFields(values, errors);
    }
    try {
      await locals.api.request(Register, { input });
    } catch (err) {
      return failFromError(err, values, { fields: ['email', 'password', 'displayName'] });
    }
    // No session yet: the account works once the link e-mailed to the address is opened (/activate/…),
    // which then goes on from the page the visitor registered from.
    rememberAfterSignup(cookies, url, form.str('next'));
    cookies.set(REGISTERED_COOKIE, input.email, registeredCookie(url));
    redirect(303, '/register?sent=1');
  },
};
