import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { EventBySlug } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, requireUser } from '$lib/server/guards';

/** Staff at the venue type the code printed on an agenda (or scan its QR code, which opens ./[code] directly). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireUser(locals, url);
  const { event } = await locals.api.request(EventBySlug, { slug: params.slug }).catch((e) => apiFailure(e, url));
  if (!event) error(404, m.error_notFound());
  if (!event.viewerIsStaff) error(403, m.checkIn_staffOnly());
  const typed = (url.searchParams.get('code') ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (typed) redirect(303, `/events/${event.slug}/check-in/${typed}`);
  return { event, empty: url.searchParams.has('code') };
};
