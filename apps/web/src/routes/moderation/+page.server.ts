import type { PageServerLoad } from './$types';
import { Deals, ModerationQueue, OrganizationsForReview } from '$lib/graphql/documents';
import { section } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals }) => {
  const one = { page: 1, pageSize: 1 };
  const [queue, orgs, deals] = await Promise.all([
    section(locals.api.request(ModerationQueue, { page: one })),
    section(locals.api.request(OrganizationsForReview, { verified: false, page: one })),
    section(locals.api.request(Deals, { status: 'UNDER_REVIEW', page: one })),
  ]);
  return {
    queue: queue.data?.moderationQueue.totalItems ?? null,
    orgs: orgs.data?.organizationsForReview.totalItems ?? null,
    deals: deals.data?.deals.totalItems ?? null,
  };
};
