import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { CheckInParticipant, EventBySlug, EventCheckIn } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { ApiError } from '$lib/server/api';
import { apiFailure, requireUser } from '$lib/server/guards';

/** What the agenda's QR code opens: who this participant is, and the button that checks them in (once). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireUser(locals, url);
  const { event } = await locals.api.request(EventBySlug, { slug: params.slug }).catch((e) => apiFailure(e, url));
  if (!event) error(404, m.error_notFound());
  if (!event.viewerIsStaff) error(403, m.checkIn_staffOnly());
  const participant = await locals.api
    .request(EventCheckIn, { eventId: event.id, code: params.code })
    .then((r) => r.eventCheckIn)
    .catch((e) => (e instanceof ApiError && e.code === 'BAD_USER_INPUT' ? null : apiFailure(e, url)));
  return { event, participant, code: params.code };
};

export const actions: Actions = {
  default: async ({ locals, params, url }) => {
    requireUser(locals, url);
    const { event } = await locals.api.request(EventBySlug, { slug: params.slug }).catch((e) => apiFailure(e, url));
    if (!event) error(404, m.error_notFound());
    try {
      await locals.api.request(CheckInParticipant, { eventId: event.id, code: params.code });
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'CONFLICT' || err.code === 'BAD_USER_INPUT')) return fail(409, { error: err.message });
      apiFailure(err, url);
    }
    redirect(303, `/events/${params.slug}/check-in/${params.code}?done=1`);
  },
};
