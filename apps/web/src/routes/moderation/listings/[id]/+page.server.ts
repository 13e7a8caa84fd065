import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ListingById, ListingExtras, ListingHistory, ListingQuality, ListingRevision, ModerateListing, ModerateListingWithReason } from '$lib/graphql/documents';
import type { RejectionReason } from '$lib/graphql/types';
import { apiHas } from '$lib/graphql/capabilities';
import { REJECTION_REASONS, rejectionReasonLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { apiFailure, section } from '$lib/server/guards';
import { enumField, failFields, failFromError, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { listing } = await locals.api.request(ListingById, { id: params.id }).catch((e) => apiFailure(e, url));
  if (!listing) error(404, m.error_notFound());
  const [extras, quality, history, revision] = await Promise.all([
    section(locals.api.request(ListingExtras, { id: listing.id })),
    section(locals.api.request(ListingQuality, { id: listing.id })),
    section(locals.api.request(ListingHistory, { id: listing.id })),
    section(locals.api.request(ListingRevision, { id: listing.id })),
  ]);
  return {
    listing,
    extras: extras.data?.listing ?? null,
    quality: quality.data?.listing ?? null,
    history: history.data?.listing?.history ?? null,
    historyUnavailable: history.unavailable,
    revision: revision.data?.listing?.pendingRevision ?? null,
    reasonCodes: apiHas('Mutation.moderateListing(reason)'),
  };
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
      if (apiHas('Mutation.moderateListing(reason)')) {
        await locals.api.request(ModerateListingWithReason, { id: params.id, decision, note, reason });
      } else {
        // An API without reason codes still gets the reason, in the note.
        await locals.api.request(ModerateListing, { id: params.id, decision, note: reason ? `${rejectionReasonLabel(reason)}: ${note ?? ''}` : note });
      }
    } catch (err) {
      return failFromError(err, values, { fields: ['note', 'reason'], prefixes: [] });
    }
    redirect(303, `/moderation/listings?done=${decision === 'APPROVE' ? 'listing-approved' : 'listing-rejected'}`);
  },
};
