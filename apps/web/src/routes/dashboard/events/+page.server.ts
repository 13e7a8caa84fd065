import { redirect } from '@sveltejs/kit';
import type { Action, Actions, PageServerLoad } from './$types';
import { MyEventRegistrations, OrganizedEvents, SubmitEvent, WithdrawEvent, type Document } from '$lib/graphql/documents';
import { apiFailure } from '$lib/server/guards';
import { failFromError, readForm } from '$lib/server/forms';

/**
 * "My events": those the member's organisations take part in (their registrations, any status,
 * with the next meeting and links to the agenda and meetings), and those they organise, any
 * status, with the step each can take next.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const [{ myEventRegistrations }, { organizedEvents }] = await Promise.all([
    locals.api.request(MyEventRegistrations, {}),
    locals.api.request(OrganizedEvents, {}),
  ]).catch((e) => apiFailure(e, url));
  return { registrations: myEventRegistrations, events: organizedEvents };
};

/** A review step on one event card (its `id` field): done, back to the list saying so; refused, the error on that card. */
function reviewStep<Result>(document: Document<Result, { id: string | number }>, done: string): Action {
  return async ({ request, locals }) => {
    const form = await readForm(request);
    const id = form.str('id');
    try {
      await locals.api.request(document, { id });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: id });
    }
    redirect(303, `/dashboard/events?done=${done}`);
  };
}

export const actions: Actions = {
  submit: reviewStep(SubmitEvent, 'submitted'),
  /** Takes an event (or its revision) out of the review queue so it can be edited again. */
  withdraw: reviewStep(WithdrawEvent, 'withdrawn'),
};
