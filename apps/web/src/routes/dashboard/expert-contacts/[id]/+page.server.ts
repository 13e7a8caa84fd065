import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ExpertContactThread, SendExpertMessage } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from '$lib/server/guards';
import { failFields, failFromError, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { expertContact } = await locals.api.request(ExpertContactThread, { id: params.id }).catch((e) => apiFailure(e, url));
  if (!expertContact) error(404, m.error_notFound());
  return { contact: expertContact, meId: locals.user!.id };
};

export const actions: Actions = {
  message: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const body = form.str('body');
    if (!body) return failFields(form.values(), { body: m.error_required() });
    try {
      await locals.api.request(SendExpertMessage, { contactId: params.id, body });
    } catch (err) {
      return failFromError(err, form.values(), { fields: ['body'], prefixes: [] });
    }
    redirect(303, `/dashboard/expert-contacts/${params.id}`);
  },
};
