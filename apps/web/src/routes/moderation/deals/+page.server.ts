import type { PageServerLoad } from './$types';
import { Deals } from '$lib/graphql/documents';
import type { DealStatus } from '$lib/graphql/types';
import { DEAL_STATUSES } from '$lib/labels';
import { listSection } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals, url }) => {
  const s = url.searchParams.get('status');
  // By default: the deals waiting for the department's review.
  const status = s === 'all' ? null : DEAL_STATUSES.includes(s as DealStatus) ? (s as DealStatus) : 'UNDER_REVIEW';
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  return { status, deals: await listSection(locals.api.request(Deals, { status, page: { page, pageSize: 20 } }), url) };
};
