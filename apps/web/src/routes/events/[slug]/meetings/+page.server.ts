import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { BlockEventTime, CancelMeetingRequest, CounterProposeMeeting, EventMeetings, RequestMeeting, RespondToCounterProposal, RespondToMeetingRequest, UnblockEventTime } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, requireUser } from '$lib/server/guards';
import { failFields, failFromError, readForm } from '$lib/server/forms';

/**
 * B2B meetings of an event: approved participants ask each other for meetings, answer (accept,
 * decline, or propose other slots), mark when they are not available, and see each meeting's
 * scheduled time and table once the organiser has run the scheduler.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireUser(locals, url);
  const { event } = await locals.api.request(EventMeetings, { slug: params.slug }).catch((e) => apiFailure(e, url));
  if (!event) error(404, m.error_notFound());
  const mine = event.myRegistrations.filter((r) => r.status === 'APPROVED');
  const myIds = new Set(mine.map((r) => r.id));
  return { event, mine, others: (event.participants ?? []).filter((p) => !myIds.has(p.id)) };
};

export const actions: Actions = {
  request: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const values = form.values();
    const errors: Record<string, string> = {};
    if (!form.str('fromRegistrationId')) errors.fromRegistrationId = m.error_choose();
    if (!form.str('toRegistrationId')) errors.toRegistrationId = m.error_choose();
    if (Object.keys(errors).length) return failFields(values, errors, 'request');
    try {
      await locals.api.request(RequestMeeting, {
        input: { fromRegistrationId: form.str('fromRegistrationId'), toRegistrationId: form.str('toRegistrationId'), reason: form.str('reason'), proposedSlots: form.all('proposedSlots') },
      });
    } catch (err) {
      return failFromError(err, values, { fields: ['fromRegistrationId', 'toRegistrationId', 'reason', 'proposedSlots'], form: 'request', loginNext: url.pathname });
    }
    redirect(303, `/events/${params.slug}/meetings?done=requested`);
  },

  respond: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    const accept = form.str('decision') === 'accept';
    try {
      await locals.api.request(RespondToMeetingRequest, { id, accept, slot: accept ? form.optional('slot') : null, note: form.optional('note') });
    } catch (err) {
      return failFromError(err, form.values(), { fields: ['slot', 'note'], prefixes: [], form: id });
    }
    redirect(303, `/events/${params.slug}/meetings?done=${accept ? 'accepted' : 'declined'}`);
  },

  cancel: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    try {
      await locals.api.request(CancelMeetingRequest, { id });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: id });
    }
    redirect(303, `/events/${params.slug}/meetings?done=cancelled`);
  },

  counter: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    const slots = form.all('slots');
    if (!slots.length) return failFields(form.values(), { slots: m.meetings_counterHint() }, `counter-${id}`);
    try {
      await locals.api.request(CounterProposeMeeting, { id, slots, note: form.optional('note') });
    } catch (err) {
      return failFromError(err, form.values(), { fields: ['slots', 'note'], prefixes: [], form: `counter-${id}` });
    }
    redirect(303, `/events/${params.slug}/meetings?done=countered`);
  },

  answerCounter: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    const accept = form.str('decision') === 'accept';
    try {
      await locals.api.request(RespondToCounterProposal, { id, accept, slot: accept ? form.optional('slot') : null, note: form.optional('note') });
    } catch (err) {
      return failFromError(err, form.values(), { fields: ['slot', 'note'], prefixes: [], form: id });
    }
    redirect(303, `/events/${params.slug}/meetings?done=counterAnswered`);
  },

  block: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const values = form.values();
    const errors: Record<string, string> = {};
    const day = form.str('day');
    const from = form.str('from');
    const to = form.str('to');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) errors.day = m.error_choose();
    if (!/^\d{2}:\d{2}$/.test(from)) errors.from = m.error_choose();
    if (!/^\d{2}:\d{2}$/.test(to)) errors.to = m.error_choose();
    if (Object.keys(errors).length) return failFields(values, errors, 'block');
    try {
      // Times are the event's (Vietnam, UTC+7 all year).
      await locals.api.request(BlockEventTime, { registrationId: form.str('registrationId'), startsAt: `${day}T${from}:00+07:00`, endsAt: `${day}T${to}:00+07:00` });
    } catch (err) {
      return failFromError(err, values, { fields: ['registrationId', 'day', 'from', 'to'], rename: { startsAt: 'from', endsAt: 'to' }, prefixes: [], form: 'block' });
    }
    redirect(303, `/events/${params.slug}/meetings?done=blocked`);
  },

  unblock: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    try {
      await locals.api.request(UnblockEventTime, { id: form.str('id') });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: 'block' });
    }
    redirect(303, `/events/${params.slug}/meetings?done=unblocked`);
  },
};
