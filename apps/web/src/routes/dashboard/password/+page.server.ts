import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { ChangePassword } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { failFields, failFromError, readForm } from '$lib/server/forms';

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await readForm(request);
    // Passwords are never sent back to the page.
    const input = { currentPassword: form.str('currentPassword'), newPassword: form.str('newPassword') };
    const errors: Record<string, string> = {};
    if (!input.currentPassword) errors.currentPassword = m.error_required();
    if (!input.newPassword) errors.newPassword = m.error_required();
    else if (form.str('newPasswordConfirm') !== input.newPassword) errors.newPasswordConfirm = m.register_passwordMismatch();
    if (Object.keys(errors).length) return failFields({}, errors);
    try {
      await locals.api.request(ChangePassword, { input });
    } catch (err) {
      return failFromError(err, {}, { fields: ['currentPassword', 'newPassword'], loginNext: '/dashboard/password' });
    }
    // The other sessions have ended: the sessions page shows it.
    redirect(303, '/dashboard/sessions?done=password-changed');
  },
};
