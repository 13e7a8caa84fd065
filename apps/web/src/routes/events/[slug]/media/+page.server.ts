import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { EditableAttachments, EventBySlug } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, requireUser } from '$lib/server/guards';
import { mediaActions } from '$lib/server/media-actions';
import type { Api } from '$lib/server/api';

async function organisedEvent(api: Api, slug: string, url: URL) {
  const { event } = await api.request(EventBySlug, { slug }).catch((e) => apiFailure(e, url));
  // Only the organiser manages an event's pictures and documents; anyone else: no such page.
  if (!event || !event.viewerIsOrganizer) error(404, m.error_notFound());
  return event;
}

/** The organiser's pictures and documents of an event (programme, floor plan), shown on its page once published. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireUser(locals, url);
  const event = await organisedEvent(locals.api, params.slug, url);
  const media = await locals.api.request(EditableAttachments, { ownerKind: 'EVENT', ownerId: event.id }).catch((e) => apiFailure(e, url));
  return { event, attachments: media.attachments, limits: media.attachmentLimits };
};

export const actions: Actions = {
  ...mediaActions(
    'EVENT',
    (params) => `/events/${params.slug}/media`,
    async (event) => (await organisedEvent(event.locals.api, event.params.slug ?? '', event.url)).id,
  ),
};
