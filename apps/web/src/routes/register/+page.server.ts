import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { Register } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { failFields, failFromError, readForm } from '$lib/server/forms';
import { rememberAfterSignup, safeNext } from '$lib/server/session';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, '/dashboard');
  // After registering: "check your e-mail", the same words whether or not the address had an account.
  return { sent: url.searchParams.get('sent') === '1', next: safeNext(url.searchParams.get('next'), url, '') };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const form = await readForm(request);
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
    redirect(303, '/register?sent=1');
  },
};
