import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { EventMarketplace, EventMarketplaceContext, MyPublishedListings } from '$lib/graphql/documents';
import type { ListingKind, RegistrationRole } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from '$lib/server/guards';
import { referenceData } from '$lib/server/reference';

const ROLES: readonly RegistrationRole[] = ['EXHIBITOR', 'VISITOR'];

/** What a role brings, and what its suggestions are matched from: an exhibitor's offers, a visitor's demands. */
const neededKind = (role: RegistrationRole): ListingKind => (role === 'EXHIBITOR' ? 'OFFER' : 'DEMAND');

/**
 * An event's marketplace: the participants with their organisation, role, booth and the listings
 * they bring, searched and filtered (GET form, no script), and for an approved participant the
 * matching engine's suggestions of whom to meet, each with a prefilled meeting request. The API
 * decides what the caller sees: the public gets the exhibitors, participants and the organiser
 * everyone.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { event } = await locals.api.request(EventMarketplaceContext, { slug: params.slug }).catch((e) => apiFailure(e, url));
  if (!event) error(404, m.error_notFound());
  const reference = await referenceData(locals.api);
  const sp = url.searchParams;
  const q = (sp.get('q') ?? '').trim().slice(0, 200);
  const roleParam = sp.get('role') ?? '';
  const role = (ROLES as readonly string[]).includes(roleParam) ? (roleParam as RegistrationRole) : null;
  const field = reference.fields.some((f) => f.code === sp.get('field')) ? sp.get('field')! : '';
  const province = reference.provinces.some((p) => p.code === sp.get('province')) ? sp.get('province')! : '';
  const page = Math.min(1000, Math.max(1, Number(sp.get('page')) || 1));
  const { eventMarketplace: market } = await locals.api
    .request(EventMarketplace, { eventId: event.id, input: { query: q || null, role, fieldCode: field || null, provinceCode: province || null }, page: { page, pageSize: 20 } })
    .catch((e) => apiFailure(e, url));
  if (!market) error(404, m.error_notFound());
  const mine = event.myRegistrations.filter((r) => r.status === 'APPROVED');
  // Suggestions come from the listings a registration brings: without any, say why (the
  // organisation has none of the kind published, with a link to post one; or brought none).
  const bringsNone = mine.filter((r) => !r.listings.length);
  const published = bringsNone.length ? (await locals.api.request(MyPublishedListings, {}).catch((e) => apiFailure(e, url))).myListings.items : [];
  const noSuggestionsWhy: Record<string, 'NO_LISTINGS' | 'NOT_BROUGHT'> = Object.fromEntries(
    bringsNone.map((r) => [r.id, published.some((l) => l.organization.id === r.organization.id && l.kind === neededKind(r.role)) ? 'NOT_BROUGHT' : 'NO_LISTINGS']),
  );
  return {
    event,
    market,
    mine,
    noSuggestionsWhy,
    filters: { q, role: role ?? '', field, province },
    roles: ROLES,
    fieldTree: reference.fieldTree,
    provinces: reference.provinces,
  };
};
