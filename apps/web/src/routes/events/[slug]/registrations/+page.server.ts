import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { DecideEventRegistration, EventRegistrations } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, requireUser } from '$lib/server/guards';
import { failFromError, readForm } from '$lib/server/forms';

/** The organiser's page: every registration, approve (with a booth) or decline (with a note). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireUser(locals, url);
  const { event } = await locals.api.request(EventRegistrations, { slug: params.slug }).catch((e) => apiFailure(e, url));
  // Someone who does not organise the event: as if the page did not exist.
  if (!event || !event.viewerIsOrganizer || !event.registrations) error(404, m.error_notFound());
  return { event, registrations: event.registrations };
};

export const actions: Actions = {
  decide: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    const approve = form.str('decision') === 'approve';
    try {
      await locals.api.request(DecideEventRegistration, { id, approve, booth: approve ? form.optional('booth') : null, note: form.optional('note') });
    } catch (err) {
      return failFromError(err, form.values(), { fields: ['booth', 'note'], prefixes: [], form: id });
    }
    redirect(303, `/events/${params.slug}/registrations?done=${approve ? 'approved' : 'declined'}`);
  },
};
