import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { RequestPasswordReset } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { failFields, failFromError, readForm } from '$lib/server/forms';

export const load: PageServerLoad = ({ url }) => {
  // After sending: the same words whether the address has an account or not (the API answers alike).
  return { sent: url.searchParams.get('sent') === '1' };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await readForm(request);
    const values = form.values();
    const email = form.str('email');
    if (!email) return failFields(values, { email: m.error_required() });
    try {
      await locals.api.request(RequestPasswordReset, { email });
    } catch (err) {
      return failFromError(err, values, { fields: ['email'], prefixes: [] });
    }
    redirect(303, '/forgot-password?sent=1');
  },
};
