import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ExpertForReview, ModerateExpertProfile } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from '$lib/server/guards';
import { moderateAction } from '$lib/server/moderation-review';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { expert } = await locals.api.request(ExpertForReview, { id: params.id }).catch((e) => apiFailure(e, url));
  if (!expert) error(404, m.error_notFound());
  return { expert };
};

export const actions: Actions = {
  moderate: moderateAction((locals, input) => locals.api.request(ModerateExpertProfile, input), '/moderation/experts', 'expert'),
};
