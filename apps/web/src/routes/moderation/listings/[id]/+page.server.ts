import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ListingAttachments, ListingById, ListingExtras, ListingHistory, ListingQuality, ListingRevision, ModerateListingWithReason } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, section } from '$lib/server/guards';
import { moderateAction } from '$lib/server/moderation-review';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { listing } = await locals.api.request(ListingById, { id: params.id }).catch((e) => apiFailure(e, url));
  if (!listing) error(404, m.error_notFound());
  const [extras, quality, history, revision, media] = await Promise.all([
    section(locals.api.request(ListingExtras, { id: listing.id })),
    section(locals.api.request(ListingQuality, { id: listing.id })),
    section(locals.api.request(ListingHistory, { id: listing.id })),
    section(locals.api.request(ListingRevision, { id: listing.id })),
    section(locals.api.request(ListingAttachments, { id: listing.id })),
  ]);
  return {
    listing,
    extras: extras.data?.listing ?? null,
    quality: quality.data?.listing ?? null,
    history: history.data?.listing?.history ?? null,
    historyFailed: history.failed,
    revision: revision.data?.listing?.pendingRevision ?? null,
    // The owner's working set (moderators see what is not public yet); null when it could not be read.
    attachments: media.failed ? null : (media.data?.listing?.attachments ?? []),
    // What the owner removed: still public, gone once the revision is approved.
    removals: media.data?.listing?.attachmentsPendingRemoval ?? [],
  };
};

export const actions: Actions = {
  moderate: moderateAction((locals, input) => locals.api.request(ModerateListingWithReason, input), '/moderation/listings', 'listing'),
};
