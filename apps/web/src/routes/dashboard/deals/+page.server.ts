import type { PageServerLoad } from './$types';
import { Deals } from '$lib/graphql/documents';
import type { DealStatus } from '$lib/graphql/types';
import { DEAL_STATUSES } from '$lib/labels';
import { section } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals, url }) => {
  // ?awaiting=1: the deals whose next step is the visitor's (the dashboard's to-do links here).
  const awaiting = url.searchParams.get('awaiting') === '1';
  const s = url.searchParams.get('status');
  const status = !awaiting && DEAL_STATUSES.includes(s as DealStatus) ? (s as DealStatus) : null;
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  return { status, awaiting, deals: await section(locals.api.request(Deals, { status, awaitingMe: awaiting || null, page: { page, pageSize: 20 } })) };
};
