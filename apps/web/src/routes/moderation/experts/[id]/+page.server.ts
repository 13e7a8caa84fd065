import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ExpertForReview, ModerateExpertProfile } from '$lib/graphql/documents';
import type { RejectionReason } from '$lib/graphql/types';
import { REJECTION_REASONS } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from '$lib/server/guards';
import { enumField, failFields, failFromError, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { expert } = await locals.api.request(ExpertForReview, { id: params.id }).catch((e) => apiFailure(e, url));
  if (!expert) error(404, m.error_notFound());
  return { expert };
};

export const actions: Actions = {
  moderate: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values();
    const decision = form.str('decision') === 'APPROVE' ? 'APPROVE' : 'REJECT';
    const note = form.optional('note');
    const errors: Record<string, string> = {};
    const reason = decision === 'REJECT' ? enumField<RejectionReason>(form.str('reason'), REJECTION_REASONS, errors, 'reason') : null;
    if (decision === 'REJECT' && !note) errors.note = m.mod_noteRequired();
    if (Object.keys(errors).length) return failFields(values, errors);
    try {
      await locals.api.request(ModerateExpertProfile, { id: params.id, decision, note, reason });
    } catch (err) {
      return failFromError(err, values, { fields: ['note', 'reason'], prefixes: [] });
    }
    redirect(303, `/moderation/experts?done=${decision === 'APPROVE' ? 'listing-approved' : 'listing-rejected'}`);
  },
};
