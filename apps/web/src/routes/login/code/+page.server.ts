import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { CompleteLogin } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { ApiError } from '$lib/server/api';
import { failFields, failFromError, readForm } from '$lib/server/forms';
import { safeNext, startSession } from '$lib/server/session';
import { clearChallenge, readChallenge } from '$lib/server/second-factor';

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export const load: PageServerLoad = ({ locals, url, cookies }) => {
  const next = safeNext(url.searchParams.get('next'), url);
  if (locals.user) redirect(303, next);
  // Without a pending challenge (expired, or opened directly) the sign-in starts again.
  if (!readChallenge(cookies)) redirect(303, `/login?next=${encodeURIComponent(next)}`);
  return { next };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const form = await readForm(request);
    const values = form.values();
    const next = safeNext(form.str('next'), url);
    const code = form.str('code');
    const challenge = readChallenge(cookies);
    if (!challenge) return fail(400, { values, fields: {}, error: m.twoStep_expired(), expired: true });
    if (!code) return failFields(values, { code: m.error_required() });
    let token: string;
    let language: string | null | undefined;
    try {
      ({ completeLogin: { token, user: { language } } } = await locals.api.request(CompleteLogin, { challenge, code }));
    } catch (err) {
      // An expired or foreign challenge: start again from the password.
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
        clearChallenge(cookies, url);
        return fail(400, { values, fields: {}, error: m.twoStep_expired(), expired: true });
      }
      return failFromError(err, values, { fields: ['code'], prefixes: [], isLogin: true });
    }
    clearChallenge(cookies, url);
    startSession(cookies, url, token, language);
    redirect(303, next);
  },
};
