import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { Register } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { failFields, failFromError, readForm } from '$lib/server/forms';
import { startSession } from '$lib/server/session';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, '/dashboard');
  return {};
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const form = await readForm(request);
    const values = form.values();
    const input = { email: form.str('email'), password: form.str('password'), displayName: form.str('displayName') };
    if (input.password && form.str('passwordConfirm') !== input.password) {
      return failFields(values, { passwordConfirm: m.register_passwordMismatch() });
    }
    let token: string;
    try {
      ({ register: { token } } = await locals.api.request(Register, { input }));
    } catch (err) {
      return failFromError(err, values, { fields: ['email', 'password', 'displayName'] });
    }
    startSession(cookies, url, token);
    // Next step of the journey: the organisation the member acts for.
    redirect(303, '/dashboard/organizations/new?welcome=1');
  },
};
