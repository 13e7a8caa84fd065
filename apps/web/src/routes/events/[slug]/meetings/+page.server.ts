import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { BlockEventTime, CancelMeetingRequest, SendMeetingMessage, CounterProposeMeeting, EventMeetings, MarkMeetingAttendance, RecordMeetingOutcome, RequestMeeting, RespondToCounterProposal, RespondToMeetingRequest, UnblockEventTime } from '$lib/graphql/documents';
import type { MeetingAttendance, MeetingOutcomeKind } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { apiFailure, requireUser } from '$lib/server/guards';
import { enumField, failFields, failFromError, parseAmount, readForm } from '$lib/server/forms';

const ATTENDANCE: readonly MeetingAttendance[] = ['HELD', 'NO_SHOW'];
const OUTCOMES: readonly MeetingOutcomeKind[] = ['INTEREST', 'MOU', 'CONTRACT'];

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
  // From the marketplace's "request a meeting" links: who asks, whom, and a reason to start from.
  const prefill = {
    fromRegistrationId: url.searchParams.get('from') ?? '',
    toRegistrationId: url.searchParams.get('to') ?? '',
    reason: (url.searchParams.get('reason') ?? '').slice(0, 1000),
  };
  return { event, mine, others: (event.participants ?? []).filter((p) => !myIds.has(p.id)), prefill };
};

export const actions: Actions = {
  request: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const values = form.values();
    // No check of its own first: the API names every problem at once (whom to meet, why, the slots).
    try {
      await locals.api.request(RequestMeeting, {
        input: {
          fromRegistrationId: form.str('fromRegistrationId'),
          toRegistrationId: form.str('toRegistrationId'),
          reason: form.str('reason'),
          proposedSlots: form.all('proposedSlots'),
          message: form.optional('message'),
        },
      });
    } catch (err) {
      return failFromError(err, values, { fields: ['fromRegistrationId', 'toRegistrationId', 'reason', 'proposedSlots', 'message'], form: 'request', loginNext: url.pathname });
    }
    redirect(303, `/events/${params.slug}/meetings?done=requested`);
  },

  /** A message in a request's conversation (the exchange's messages); the other side is notified. */
  message: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    if (!form.str('body').trim()) return failFields(form.values(), { body: m.meetings_messageRequired() }, `message-${id}`);
    try {
      await locals.api.request(SendMeetingMessage, { meetingRequestId: id, body: form.str('body') });
    } catch (err) {
      return failFromError(err, form.values(), { fields: ['body'], prefixes: [], form: `message-${id}` });
    }
    redirect(303, `/events/${params.slug}/meetings?done=messageSent#meeting-${id}`);
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
    // an accepted meeting called off, or a request withdrawn
    redirect(303, `/events/${params.slug}/meetings?done=${form.str('accepted') ? 'meetingCancelled' : 'cancelled'}`);
  },

  counter: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    const slots = form.all('slots');
    if (!slots.length) return failFields(form.values(), { slots: m.meetings_noSlotChosen() }, `counter-${id}`);
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

  /** After its time: the meeting was held, or one side did not come. */
  attendance: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    const errors: Record<string, string> = {};
    const attendance = enumField(form.str('attendance'), ATTENDANCE, errors, 'attendance');
    if (!attendance) return failFields({}, errors, `day-${id}`);
    try {
      await locals.api.request(MarkMeetingAttendance, { id, attendance });
    } catch (err) {
      return failFromError(err, {}, { fields: ['attendance'], form: `day-${id}` });
    }
    redirect(303, `/events/${params.slug}/meetings?done=marked`);
  },

  /** A held meeting's outcome: an interest, an MOU or a contract (with its value), which becomes the exchange's interest and deal. */
  outcome: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const form = await readForm(request);
    const id = form.str('id');
    const values = form.values();
    const errors: Record<string, string> = {};
    const kind = enumField(form.str('kind'), OUTCOMES, errors, 'kind');
    const value = parseAmount(form.str('value'));
    if (value !== null && Number.isNaN(value)) errors.value = m.meetings_valueFormat();
    if (Object.keys(errors).length) return failFields(values, errors, `day-${id}`);
    try {
      await locals.api.request(RecordMeetingOutcome, { id, input: { kind: kind!, value, note: form.optional('note') } });
    } catch (err) {
      return failFromError(err, values, { fields: ['kind', 'value', 'note', 'listingId'], form: `day-${id}` });
    }
    redirect(303, `/events/${params.slug}/meetings?done=outcome`);
  },
};
