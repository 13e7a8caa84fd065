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

/** The session the form describes, or the problems the storefront finds itself (day and times). */
function sessionInput(form: FormReader): { input: ProgrammeSessionInput } | { errors: Record<string, string> } {
  const day = form.str('day');
  const from = form.str('startTime');
  const to = form.str('endTime');
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) errors.day = m.error_required();
  if (!TIME.test(from)) errors.startsAt = m.error_required();
  if (!TIME.test(to)) errors.endsAt = m.error_required();
  else if (TIME.test(from) && to <= from) errors.endsAt = m.programme_endAfterStart();
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      kind: form.str('kind') as ProgrammeSessionKind,
      title: form.str('title'),
      // Left empty: English readers see the Vietnamese title.
      titleEn: form.optional('titleEn'),
      speaker: form.str('speaker') || null,
      room: form.str('room') || null,
      startsAt: `${day}T${from}:00+07:00`,
      endsAt: `${day}T${to}:00+07:00`,
    },
  };
}

export const actions: Actions = {
  add: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values();
    const session = sessionInput(form);
    if ('errors' in session) return failFields(values, session.errors);
    try {
      await locals.api.request(AddProgrammeSession, { eventId: params.id, input: session.input });
    } catch (err) {
      return failFromError(err, values, { fields: FIELDS, loginNext: `/dashboard/events/${params.id}/programme` });
    }
    redirect(303, `/dashboard/events/${params.id}/programme?done=session-added`);
  },
  update: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values();
    const id = form.str('id');
    const session = sessionInput(form);
    if ('errors' in session) return failFields(values, session.errors);
    try {
      await locals.api.request(UpdateProgrammeSession, { id, input: session.input });
    } catch (err) {
      return failFromError(err, values, { fields: FIELDS, loginNext: `/dashboard/events/${params.id}/programme?edit=${encodeURIComponent(id)}` });
    }
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
