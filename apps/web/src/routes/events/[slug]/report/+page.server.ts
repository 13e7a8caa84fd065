import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { EventBySlug, EventReport } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, requireUser } from '$lib/server/guards';

/** The event's report for the organiser and the department: figures, charts (server-rendered SVG) and the CSV. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireUser(locals, url);
  const { event } = await locals.api.request(EventBySlug, { slug: params.slug }).catch((e) => apiFailure(e, url));
  if (!event) error(404, m.error_notFound());
  const { eventReport: report } = await locals.api.request(EventReport, { eventId: event.id }).catch((e) => apiFailure(e, url));
  return { report };
};
