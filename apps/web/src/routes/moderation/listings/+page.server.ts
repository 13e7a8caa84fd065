import type { PageServerLoad } from './$types';
import { ModerationQueue } from '$lib/graphql/documents';
import { listSection } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals, url }) => {
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  return { queue: await listSection(locals.api.request(ModerationQueue, { page: { page, pageSize: 20 } }), url) };
};
