import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { EventForEdit, UpdateEvent } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from '$lib/server/guards';
import { failFields, failFromError, parseInteger, readForm } from '$lib/server/forms';
import { EVENT_FORM_FIELDS, EVENT_FORM_RENAME, EVENT_KINDS, eventFormValues, eventInputFromForm } from '$lib/server/event-form';
import { referenceData } from '$lib/server/reference';

/** Statuses the organiser edits: a draft or rejected event in place, a published one as a pending revision. */
const EDITABLE = new Set(['DRAFT', 'REJECTED', 'PUBLISHED']);

/**
 * The organiser edits an event. A published event's edit does not change what the public sees:
 * it becomes a pending revision (the moderated-content core), which the organiser then submits
 * for review; the form starts from that revision when there is one.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { event } = await locals.api.request(EventForEdit, { id: params.id }).catch((e) => apiFailure(e, url));
  if (!event || !event.viewerIsOrganizer) error(404, m.error_notFound());
  const reference = await referenceData(locals.api);
  const r = event.pendingRevision;
  const values = eventFormValues(
    r
      ? { ...r }
      : { ...event, provinceCode: event.province.code, fieldCodes: event.fields.map((f) => f.code) },
  );
  // In review (the event, or its revision): the API refuses an edit until it is withdrawn from the
  // queue, so the page says so up front instead of a form whose saving is refused.
  const inReview = event.status === 'PENDING_REVIEW' || !!event.pendingRevision?.submittedAt;
  return {
    event,
    inReview,
    editable: EDITABLE.has(event.status) && !inReview,
    values,
    kinds: EVENT_KINDS,
    provinces: reference.provinces,
    fields: reference.fieldTree.map((f) => ({ code: f.code, name: f.name })),
  };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values('version');
    const errors: Record<string, string> = {};
    // The first days it has (published, pending) may have passed; moving it to another past day may not.
    const current = (await locals.api.request(EventForEdit, { id: params.id }).catch(() => null))?.event;
    const input = eventInputFromForm(form, errors, [current?.startsOn, current?.pendingRevision?.startsOn]);
    const version = parseInteger(form.str('version'));
    let result;
    try {
      // Sent even with a problem found here (see eventInputFromForm): the API refuses it and names its own too.
      result = (await locals.api.request(UpdateEvent, { id: params.id, input, version: Number.isNaN(version) ? null : version })).updateEvent;
    } catch (err) {
      return failFromError(err, values, { fields: EVENT_FORM_FIELDS, rename: EVENT_FORM_RENAME, loginNext: `/dashboard/events/${params.id}/edit`, local: errors });
    }
    if (Object.keys(errors).length) return failFields(values, errors);
    redirect(303, `/dashboard/events?done=${result.pendingRevision ? 'revisionSaved' : 'saved'}`);
  },
};
