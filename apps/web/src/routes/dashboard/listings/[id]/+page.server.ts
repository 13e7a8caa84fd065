import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
  ArchiveListing,
  ListingById,
  ListingExtras,
  ListingHistory,
  ListingQuality,
  EditableAttachments,
  ListingRemovals,
  Matches,
  DeleteListing,
  ListingRevision,
  RenewListing,
  SubmitListing,
  UpdateListing,
  WithdrawListing,
} from '$lib/graphql/documents';
import type { ListingByIdQuery } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { apiFailure, loginRedirect, section } from '$lib/server/guards';
import { failFields, failFromError, readForm, type FormReader, type FormValues } from '$lib/server/forms';
import { LISTING_FIELDS, parseListing, toUpdateInput } from '$lib/server/listing-form';
import { referenceData } from '$lib/server/reference';
import { mediaActions } from '$lib/server/media-actions';
import { suggestTrl } from '$lib/trl';
import { formatNumber } from '$lib/format';
import { ARCHIVE_DETAILS_MAX, archiveNote } from '$lib/archive-reasons';

type Listing = NonNullable<ListingByIdQuery['listing']>;

async function ownListing(locals: App.Locals, id: string, url: URL): Promise<Listing> {
  const { listing } = await locals.api.request(ListingById, { id }).catch((e) => apiFailure(e, url));
  // Only its organisation's members manage a listing here.
  if (!listing || !listing.organization.viewerIsMember) error(404, m.error_notFound());
  return listing;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const listing = await ownListing(locals, params.id, url);
  const api = locals.api;
  const [extras, quality, history, revision, reference, attachments, removals, matches] = await Promise.all([
    section(api.request(ListingExtras, { id: listing.id })),
    section(api.request(ListingQuality, { id: listing.id })),
    section(api.request(ListingHistory, { id: listing.id })),
    listing.status === 'PUBLISHED' ? section(api.request(ListingRevision, { id: listing.id })) : Promise.resolve(null),
    referenceData(api),
    section(api.request(EditableAttachments, { ownerKind: 'LISTING', ownerId: listing.id })),
    listing.status === 'PUBLISHED' ? section(api.request(ListingRemovals, { id: listing.id })) : Promise.resolve(null),
    // The best few matches here too; the public page lists them all with their reasons.
    listing.status === 'PUBLISHED' ? section(api.request(Matches, { listingId: listing.id, limit: 3 })) : Promise.resolve(null),
  ]);
  const x = extras.data?.listing;
  const rev = revision?.data?.listing?.pendingRevision ?? null;
  const src = rev ?? { ...listing, specification: x?.specification ?? null, advantages: x?.advantages ?? null, mediaUrls: x?.mediaUrls ?? [] };
  const values: FormValues = {
    title: src.title,
    summary: src.summary,
    description: src.description,
    specification: src.specification ?? '',
    advantages: src.advantages ?? '',
    mediaUrls: src.mediaUrls ?? [],
    fieldCodes: src.fields.map((f) => f.code),
    keywords: src.keywords.join(', '),
    trl: src.trl ? String(src.trl) : '',
    transferModes: src.transferModes,
    ipStatus: src.ipStatus ?? '',
    // Grouped as the owner typed it ("350.000.000"; the form reads either grouping back).
    priceMin: src.price?.min != null ? formatNumber(src.price.min) : '',
    priceMax: src.price?.max != null ? formatNumber(src.price.max) : '',
    negotiable: src.price?.negotiable === false ? '' : 'on',
    provinceCode: src.province.code,
  };
  return {
    listing,
    extras: x ?? null,
    quality: quality.data?.listing ?? null,
    history: history.data?.listing?.history ?? null,
    revision: rev,
    values,
    provinces: reference.provinces,
    fieldTree: reference.fieldTree,
    submitFailed: url.searchParams.get('submit') === 'failed',
    attachments: attachments.data?.attachments ?? [],
    limits: attachments.data?.attachmentLimits ?? null,
    // Removed since the last approval: still public until the update is approved.
    removals: removals?.data?.listing?.attachmentsPendingRemoval ?? [],
    matches: matches?.data?.matches ?? null,
  };
};

async function update(form: FormReader, locals: App.Locals, id: string, url: URL) {
  const listing = await ownListing(locals, id, url);
  const values = form.values();
  const { content, errors, blocking } = parseListing(form, listing.kind);
  if (blocking) return { failure: failFields(values, errors) };
  try {
    // Sent even when the storefront found a problem (an amount that is not a number): the API then
    // refuses the whole request (nothing is saved) and names its own problems too, so every error
    // is shown at once. See parseListing.
    await locals.api.request(UpdateListing, { id, input: toUpdateInput(content, Number(form.str('version')) || listing.version) });
  } catch (err) {
    return { failure: failFromError(err, values, { fields: LISTING_FIELDS, loginNext: `/dashboard/listings/${id}`, local: errors }) };
  }
  if (Object.keys(errors).length) return { failure: failFields(values, errors) };
  return { failure: null };
}

export const actions: Actions = {
  save: async ({ request, locals, params, url }) => {
    if (!locals.user) loginRedirect(url);
    const { failure } = await update(await readForm(request), locals, params.id, url);
    if (failure) return failure;
    redirect(303, `/dashboard/listings/${params.id}?done=listing-saved`);
  },
  submit: async ({ request, locals, params, url }) => {
    if (!locals.user) loginRedirect(url);
    const form = await readForm(request);
    const { failure } = await update(form, locals, params.id, url);
    if (failure) return failure;
    try {
      await locals.api.request(SubmitListing, { id: params.id });
    } catch (err) {
      return failFromError(err, form.values(), { fields: LISTING_FIELDS });
    }
    redirect(303, `/dashboard/listings/${params.id}?done=listing-submitted`);
  },
  /** Takes the listing (or its update) out of the review queue so the owner can edit it again. */
  withdraw: async ({ locals, params }) => {
    let status: string;
    try {
      ({ withdrawListing: { status } } = await locals.api.request(WithdrawListing, { id: params.id }));
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: 'status' });
    }
    redirect(303, `/dashboard/listings/${params.id}?done=${status === 'PUBLISHED' ? 'listing-revision-withdrawn' : 'listing-withdrawn'}`);
  },
  archive: async ({ locals, params, request }) => {
    const data = await request.formData();
    const values = { reason: String(data.get('reason') ?? ''), details: String(data.get('details') ?? '') };
    if (values.details.trim().length > ARCHIVE_DETAILS_MAX) return failFields(values, { details: m.manage_archiveDetailsTooLong({ max: ARCHIVE_DETAILS_MAX }) }, 'archive');
    try {
      await locals.api.request(ArchiveListing, { id: params.id, note: archiveNote(values.reason, values.details) || null });
    } catch (err) {
      return failFromError(err, values, { fields: ['details'], rename: { note: 'details' }, form: 'archive' });
    }
    redirect(303, `/dashboard/listings/${params.id}?done=listing-archived`);
  },
  /** A draft never sent for review: deleted with its attachments (the API removes their files). */
  delete: async ({ locals, params, request }) => {
    // Only with the confirming button (a bare POST is asked once more: it cannot be undone).
    if ((await request.formData()).get('confirm') !== 'delete') redirect(303, `/dashboard/listings/${params.id}?confirm=delete#delete-draft`);
    try {
      await locals.api.request(DeleteListing, { id: params.id });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: 'status' });
    }
    redirect(303, '/dashboard/listings?done=listing-deleted');
  },
  renew: async ({ locals, params }) => {
    try {
      await locals.api.request(RenewListing, { id: params.id });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: 'status' });
    }
    redirect(303, `/dashboard/listings/${params.id}?done=listing-renewed`);
  },
  // Pictures, documents and videos (form="media"): upload streams the file on to the API.
  ...mediaActions('LISTING', (params) => `/dashboard/listings/${params.id}`),
  assessTrl: async ({ request }) => {
    const form = await readForm(request);
    const suggestedTrl = suggestTrl(new Set(form.all('trlq')));
    const values = form.values();
    if (suggestedTrl > 0) values.trl = String(suggestedTrl);
    return { values, fields: {} as Record<string, string>, error: undefined as string | undefined, suggestedTrl, form: undefined as string | undefined };
  },
};
