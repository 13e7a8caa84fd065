import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { DecideEventRegistration, EventRegistrations } from '$lib/graphql/documents';
import type { RegistrationStatus } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { apiFailure, requireUser } from '$lib/server/guards';
import { failFromError, readForm } from '$lib/server/forms';

const STATUSES: readonly RegistrationStatus[] = ['PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN'];

/**
 * The organiser's page: every registration, approve (with a booth) or decline (with a note); grouped
 * by status, pending first, with links showing one status (`?status=PENDING`) and their counts.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireUser(locals, url);
  const { event } = await locals.api.request(EventRegistrations, { slug: params.slug }).catch((e) => apiFailure(e, url));
  // Someone who does not organise the event: as if the page did not exist.
  if (!event || !event.viewerIsOrganizer || !event.registrations) error(404, m.error_notFound());
  // Those waiting for a decision first, then approved, declined, withdrawn; each by when it was (last) sent.
  const byStatus = STATUSES.map((status) => ({
    status,
    registrations: event.registrations!.filter((r) => r.status === status).sort((a, b) => Date.parse(a.registeredAt) - Date.parse(b.registeredAt)),
  }));
  const wanted = url.searchParams.get('status');
  const status = STATUSES.find((s) => s === wanted) ?? null;
  return { event, total: event.registrations.length, byStatus, status, groups: byStatus.filter((g) => (status ? g.status === status : g.registrations.length > 0)) };
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
