import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { AddProgrammeSession, EventProgramme, RemoveProgrammeSession } from '$lib/graphql/documents';
import type { ProgrammeSessionKind } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from '$lib/server/guards';
import { failFields, failFromError, readForm } from '$lib/server/forms';
import { SESSION_KINDS, eventDays } from '$lib/events';

/**
 * The organiser's programme of an event: talks, demonstrations, workshops and ceremonies, each on
 * one of the event's days, in Vietnam time. Sessions are public as soon as they are added (they
 * are not moderated content: the event they belong to is).
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { event } = await locals.api.request(EventProgramme, { id: params.id }).catch((e) => apiFailure(e, url));
  if (!event || !event.viewerIsOrganizer) error(404, m.error_notFound());
  return { event, days: eventDays(event.startsOn, event.endsOn), kinds: SESSION_KINDS };
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const actions: Actions = {
  add: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values();
    const day = form.str('day');
    const from = form.str('startTime');
    const to = form.str('endTime');
    const errors: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) errors.day = m.error_required();
    if (!TIME.test(from)) errors.startsAt = m.error_required();
    if (!TIME.test(to)) errors.endsAt = m.error_required();
    else if (TIME.test(from) && to <= from) errors.endsAt = m.programme_endAfterStart();
    if (Object.keys(errors).length) return failFields(values, errors);
    try {
      await locals.api.request(AddProgrammeSession, {
        eventId: params.id,
        input: {
          kind: form.str('kind') as ProgrammeSessionKind,
          title: form.str('title'),
          speaker: form.str('speaker') || null,
          room: form.str('room') || null,
          startsAt: `${day}T${from}:00+07:00`,
          endsAt: `${day}T${to}:00+07:00`,
        },
      });
    } catch (err) {
      return failFromError(err, values, { fields: ['kind', 'title', 'speaker', 'room', 'startsAt', 'endsAt'], loginNext: `/dashboard/events/${params.id}/programme` });
    }
    redirect(303, `/dashboard/events/${params.id}/programme?done=session-added`);
  },
  remove: async ({ request, locals, params }) => {
    const form = await readForm(request);
    try {
      await locals.api.request(RemoveProgrammeSession, { id: form.str('id') });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: 'remove', loginNext: `/dashboard/events/${params.id}/programme` });
    }
    redirect(303, `/dashboard/events/${params.id}/programme?done=session-removed`);
  },
};
