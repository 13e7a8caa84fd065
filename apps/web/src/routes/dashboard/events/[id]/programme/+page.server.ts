import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { AddProgrammeSession, EventProgramme, RemoveProgrammeSession, UpdateProgrammeSession } from '$lib/graphql/documents';
import type { ProgrammeSessionInput, ProgrammeSessionKind } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from '$lib/server/guards';
import { failFields, failFromError, readForm, type FormReader } from '$lib/server/forms';
import { SESSION_KINDS, eventDays } from '$lib/events';

/**
 * The organiser's programme of an event: talks, demonstrations, workshops and ceremonies, each on
 * one of the event's days, in Vietnam time, with a title in Vietnamese and optionally in English.
 * Sessions are public as soon as they are added (they are not moderated content: the event they
 * belong to is). `?edit=<session id>` opens the form on one session, to change it.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { event } = await locals.api.request(EventProgramme, { id: params.id }).catch((e) => apiFailure(e, url));
  if (!event || !event.viewerIsOrganizer) error(404, m.error_notFound());
  const editing = event.sessions.find((s) => s.id === url.searchParams.get('edit')) ?? null;
  return { event, days: eventDays(event.startsOn, event.endsOn), kinds: SESSION_KINDS, editing };
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const FIELDS = ['kind', 'title', 'titleEn', 'speaker', 'room', 'startsAt', 'endsAt'];

/**
 * The session the form describes, and the problems the storefront finds itself (day and times).
 * The API is asked even with such a problem (its times then go empty, which it refuses too), so it
 * names its own problems in the same answer: an empty title shows beside the title at once, not
 * only after the times are put right.
 */
function sessionInput(form: FormReader): { input: ProgrammeSessionInput; errors: Record<string, string>; ignore: string[] } {
  const day = form.str('day');
  const from = form.str('startTime');
  const to = form.str('endTime');
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) errors.day = m.error_required();
  if (!TIME.test(from)) errors.startsAt = m.error_required();
  if (!TIME.test(to)) errors.endsAt = m.error_required();
  else if (TIME.test(from) && to <= from) errors.endsAt = m.programme_endAfterStart();
  const bad = Object.keys(errors).length > 0;
  return {
    errors,
    // The API's complaints of the empty times stood in for a bad day are not the user's problem.
    ignore: bad ? ['startsAt', 'endsAt'] : [],
    input: {
      kind: form.str('kind') as ProgrammeSessionKind,
      title: form.str('title'),
      // Left empty: English readers see the Vietnamese title.
      titleEn: form.optional('titleEn'),
      speaker: form.str('speaker') || null,
      room: form.str('room') || null,
      startsAt: bad ? '' : `${day}T${from}:00+07:00`,
      endsAt: bad ? '' : `${day}T${to}:00+07:00`,
    },
  };
}

export const actions: Actions = {
  add: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values();
    const session = sessionInput(form);
    try {
      await locals.api.request(AddProgrammeSession, { eventId: params.id, input: session.input });
    } catch (err) {
      return failFromError(err, values, { fields: FIELDS, loginNext: `/dashboard/events/${params.id}/programme`, local: session.errors, ignore: session.ignore });
    }
    // Unreachable in practice (a local problem makes the API refuse), but never report success over one.
    if (Object.keys(session.errors).length) return failFields(values, session.errors);
    redirect(303, `/dashboard/events/${params.id}/programme?done=session-added`);
  },
  update: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values();
    const id = form.str('id');
    const session = sessionInput(form);
    try {
      await locals.api.request(UpdateProgrammeSession, { id, input: session.input });
    } catch (err) {
      return failFromError(err, values, { fields: FIELDS, loginNext: `/dashboard/events/${params.id}/programme?edit=${encodeURIComponent(id)}`, local: session.errors, ignore: session.ignore });
    }
    if (Object.keys(session.errors).length) return failFields(values, session.errors);
    redirect(303, `/dashboard/events/${params.id}/programme?done=session-updated`);
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
