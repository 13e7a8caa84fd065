import type { PageServerLoad } from './$types';
import type { ModeratedKind } from '$lib/graphql/types';
import { Deals, OrganizationsForReview, ReviewQueue } from '$lib/graphql/documents';
import { apiFailure, section } from '$lib/server/guards';

const KINDS: readonly ModeratedKind[] = ['LISTING', 'EXPERT', 'EVENT'];

/** The moderator's start page: the one review queue across kinds (filterable by kind), and what else waits. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const asked = url.searchParams.get('kind');
  const kind = KINDS.find((k) => k === asked) ?? null;
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
  const one = { page: 1, pageSize: 1 };
  const [queue, orgs, deals] = await Promise.all([
    locals.api.request(ReviewQueue, { kind, page: { page, pageSize: 25 } }).catch((e) => apiFailure(e, url)),
    section(locals.api.request(OrganizationsForReview, { verified: false, declined: false, page: one })),
    section(locals.api.request(Deals, { status: 'UNDER_REVIEW', page: one })),
  ]);
  return {
    kinds: KINDS,
    kind,
    queue: queue.reviewQueue,
    orgs: orgs.data?.organizationsForReview.totalItems ?? null,
    deals: deals.data?.deals.totalItems ?? null,
  };
};
