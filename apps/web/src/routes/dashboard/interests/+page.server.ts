import type { PageServerLoad } from './$types';
import { MyInterests } from '$lib/graphql/documents';
import { apiFailure } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals, url }) => {
  // ?listing=<id>: the interests in one listing (from the count on My listings); the API answers
  // only those the viewer's organisations take part in, and none for an id that is not a listing's.
  const listingId = url.searchParams.get('listing') || null;
  const { interests: all } = await locals.api.request(MyInterests, { listingId }).catch((e) => apiFailure(e, url));
  return {
    listingId,
    listingTitle: listingId ? (all[0]?.listing.title ?? null) : null,
    sent: all.filter((i) => i.organization.viewerIsMember),
    received: all.filter((i) => i.listingOrganization.viewerIsMember),
  };
};
