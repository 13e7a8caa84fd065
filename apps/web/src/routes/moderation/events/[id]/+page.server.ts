import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { EventForReview, ModerateEvent } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from '$lib/server/guards';
import { moderateAction } from '$lib/server/moderation-review';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { event } = await locals.api.request(EventForReview, { id: params.id }).catch((e) => apiFailure(e, url));
  if (!event) error(404, m.error_notFound());
  return { event };
};

export const actions: Actions = {
  moderate: moderateAction((locals, input) => locals.api.request(ModerateEvent, input), '/moderation/events', 'event'),
};
