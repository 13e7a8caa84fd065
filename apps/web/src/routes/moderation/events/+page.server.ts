import type { PageServerLoad } from './$types';
import { EventModerationQueue } from '$lib/graphql/documents';
import { listSection } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals, url }) => {
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  // A failed load says so on the page (not "nothing waiting", nor the whole page an error).
  return { queue: await listSection(locals.api.request(EventModerationQueue, { page: { page, pageSize: 20 } }), url) };
};
