import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { PasswordResetLinkValid, ResetPassword } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { failFields, failFromError, readForm } from '$lib/server/forms';

/** The page of the link e-mailed by "forgot password": a form for the new password (a POST, so mail scanners that fetch links spend nothing). */
export const load: PageServerLoad = async ({ params, locals }) => {
  const { passwordResetLinkValid } = await locals.api.request(PasswordResetLinkValid, { token: params.token });
  return { valid: passwordResetLinkValid };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values();
    const password = form.str('password');
    if (!password) return failFields(values, { password: m.error_required() });
    if (form.str('passwordConfirm') !== password) return failFields(values, { passwordConfirm: m.register_passwordMismatch() });
    try {
      await locals.api.request(ResetPassword, { token: params.token, password });
    } catch (err) {
      // A link spent or expired meanwhile: said above the form (`token` is not a field of it).
      return failFromError(err, values, { fields: ['password'], prefixes: [] });
    }
    redirect(303, '/login?done=password-reset');
  },
};
