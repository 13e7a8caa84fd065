import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { OrganizedEvents, SubmitEvent, WithdrawEvent } from '$lib/graphql/documents';
import { apiFailure } from '$lib/server/guards';
import { failFromError, readForm } from '$lib/server/forms';

/** The events the member's organisations organise, any status, with the step each can take next. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { organizedEvents } = await locals.api.request(OrganizedEvents, {}).catch((e) => apiFailure(e, url));
  return { events: organizedEvents };
};

export const actions: Actions = {
  submit: async ({ request, locals }) => {
    const form = await readForm(request);
    const id = form.str('id');
    try {
      await locals.api.request(SubmitEvent, { id });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: id });
    }
    redirect(303, '/dashboard/events?done=submitted');
  },
  /** Takes an event (or its revision) out of the review queue so it can be edited again. */
  withdraw: async ({ request, locals }) => {
    const form = await readForm(request);
    const id = form.str('id');
    try {
      await locals.api.request(WithdrawEvent, { id });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: id });
    }
    redirect(303, '/dashboard/events?done=withdrawn');
  },
};
