import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { Login } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { failFields, failFromError, readForm } from '$lib/server/forms';
import { safeNext, startSession } from '$lib/server/session';
import { askForCode, isSecondFactorChallenge } from '$lib/server/second-factor';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), url));
  return { next: safeNext(url.searchParams.get('next'), url) };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const form = await readForm(request);
    const values = form.values();
    const email = form.str('email');
    const password = form.str('password');
    const missing: Record<string, string> = {};
    if (!email) missing.email = m.error_required();
    if (!password) missing.password = m.error_required();
    if (Object.keys(missing).length) return failFields(values, missing);
    let token: string;
    let language: string | null | undefined;
    try {
      ({ login: { token, user: { language } } } = await locals.api.request(Login, { email, password }));
    } catch (err) {
      // Right password, two-step verification on: the code is asked for on the next page.
      if (isSecondFactorChallenge(err)) askForCode(cookies, url, err, safeNext(form.str('next'), url));
      return failFromError(err, values, { fields: ['email', 'password'], prefixes: [], isLogin: true });
    }
    startSession(cookies, url, token, language);
    redirect(303, safeNext(form.str('next'), url));
  },
};
