import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { CancelMeetingByOrganizer, EventSchedule, MoveMeeting, PinMeeting, ScheduleEventMeetings } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, requireUser } from '$lib/server/guards';
import { failFields, failFromError, parseInteger, readForm } from '$lib/server/forms';

/**
 * The organiser's B2B meeting schedule: every accepted meeting by slot and table, the scheduler's
 * last run, a button to run it (a background job: the page says when to reload), and per meeting
 * pin / move / cancel forms. Other visitors get 404.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireUser(locals, url);
  const { event } = await locals.api.request(EventSchedule, { slug: params.slug }).catch((e) => apiFailure(e, url));
  if (!event || !event.viewerIsOrganizer || !event.scheduledMeetings) error(404, m.error_notFound());
  return { event, meetings: event.scheduledMeetings };
};

export const actions: Actions = {
  run: async ({ locals, url, params, request }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    try {
      await locals.api.request(ScheduleEventMeetings, { eventId: form.str('eventId') });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: 'run' });
    }
    redirect(303, `/events/${params.slug}/schedule?done=started`);
  },

  pin: async ({ locals, url, params, request }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    try {
      await locals.api.request(PinMeeting, { id, pinned: form.str('pinned') === 'true' });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: id });
    }
    redirect(303, `/events/${params.slug}/schedule?done=pinned`);
  },

  move: async ({ locals, url, params, request }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    const values = form.values();
    const table = parseInteger(form.str('table'));
    const errors: Record<string, string> = {};
    if (!form.str('slot')) errors.slot = m.error_choose();
    if (table === null) errors.table = m.error_choose();
    if (Object.keys(errors).length) return failFields(values, errors, id);
    try {
      await locals.api.request(MoveMeeting, { id, slot: form.str('slot'), table: table! });
    } catch (err) {
      return failFromError(err, values, { fields: ['slot', 'table'], prefixes: [], form: id });
    }
    redirect(303, `/events/${params.slug}/schedule?done=moved`);
  },

  cancel: async ({ locals, url, params, request }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    try {
      await locals.api.request(CancelMeetingByOrganizer, { id, note: form.optional('note') });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: id });
    }
    redirect(303, `/events/${params.slug}/schedule?done=cancelled`);
  },
};
