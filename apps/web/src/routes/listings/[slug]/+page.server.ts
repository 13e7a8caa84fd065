import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ExpressInterest, ListingAttachments, ListingBySlug, ListingExtras, Matches, MyInterests, RecordListingView } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, hasRole, loginRedirect, section } from '$lib/server/guards';
import { failFields, failFromError, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const api = locals.api;
  const { listing } = await api.request(ListingBySlug, { slug: params.slug }).catch((e) => apiFailure(e, url));
  if (!listing) error(404, m.listing_notFound());
  const isOwner = listing.organization.viewerIsMember;
  // The view is counted beside the page, never awaited: a slow or failing count must not hold up
  // or break the page. The API decides whether it counts (published, once a day, not the owner's).
  void api.request(RecordListingView, { id: listing.id }).catch(() => undefined);
  const [extras, matches, interests, attachments] = await Promise.all([
    section(api.request(ListingExtras, { id: listing.id })),
    listing.status === 'PUBLISHED' || isOwner ? section(api.request(Matches, { listingId: listing.id, limit: 10 })) : Promise.resolve(null),
    locals.user ? section(api.request(MyInterests, { listingId: listing.id })) : Promise.resolve(null),
    section(api.request(ListingAttachments, { id: listing.id })),
  ]);
  const user = locals.user;
  // Organisations the visitor may express interest for: theirs, except the listing's own.
  const interestOrgs = user ? user.organizations.filter((o) => o.id !== listing.organization.id) : [];
  return {
    listing,
    extras: extras.data?.listing ?? null,
    attachments: attachments.data?.listing?.attachments ?? [],
    pendingRevision: attachments.data?.listing?.pendingRevision ?? null,
    matches,
    interests: interests?.data?.interests ?? [],
    isOwner,
    isModerator: hasRole(user, 'MODERATOR'),
    interestOrgs,
  };
};

export const actions: Actions = {
  interest: async ({ request, locals, params, url }) => {
    if (!locals.user) loginRedirect(url);
    const form = await readForm(request);
    const values = form.values();
    const errors: Record<string, string> = {};
    const organizationId = form.str('organizationId');
    const message = form.str('message');
    if (!organizationId) errors.organizationId = m.error_choose();
    if (!message) errors.message = m.error_required();
    if (Object.keys(errors).length) return failFields(values, errors, 'interest');
    let interestId: string;
    try {
      ({ expressInterest: { id: interestId } } = await locals.api.request(ExpressInterest, { listingId: form.str('listingId'), organizationId, message }));
    } catch (err) {
      return failFromError(err, values, { fields: ['organizationId', 'message'], prefixes: [], form: 'interest', loginNext: `/listings/${params.slug}` });
    }
    redirect(303, `/dashboard/interests/${interestId}?done=interest-sent`);
  },
};
