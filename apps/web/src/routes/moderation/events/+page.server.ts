import type { PageServerLoad } from './$types';
import { EventModerationQueue } from '$lib/graphql/documents';
import { apiFailure } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals, url }) => {
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const { eventModerationQueue } = await locals.api.request(EventModerationQueue, { page: { page, pageSize: 20 } }).catch((e) => apiFailure(e, url));
  return { queue: eventModerationQueue };
};
