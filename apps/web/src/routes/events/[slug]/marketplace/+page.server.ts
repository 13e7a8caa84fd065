import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { EventMarketplace, EventMarketplaceContext } from '$lib/graphql/documents';
import type { RegistrationRole } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from '$lib/server/guards';
import { referenceData } from '$lib/server/reference';

const ROLES: readonly RegistrationRole[] = ['EXHIBITOR', 'VISITOR'];

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
  return {
    event,
    market,
    mine,
    filters: { q, role: role ?? '', field, province },
    roles: ROLES,
    fieldTree: reference.fieldTree,
    provinces: reference.provinces,
  };
};
