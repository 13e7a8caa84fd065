import type { PageServerLoad } from './$types';
import { MyListings, MyListingsQuality } from '$lib/graphql/documents';
import type { ListingStatus } from '$lib/graphql/types';
import { LISTING_STATUSES } from '$lib/labels';
import { section } from '$lib/server/guards';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
  const s = url.searchParams.get('status');
  const status = LISTING_STATUSES.includes(s as ListingStatus) ? (s as ListingStatus) : null;
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const vars = { status, page: { page, pageSize: PAGE_SIZE } };
  const [listings, quality] = await Promise.all([section(locals.api.request(MyListings, vars)), section(locals.api.request(MyListingsQuality, vars))]);
  const hints = new Map((quality.data?.myListings.items ?? []).map((q) => [q.id, q]));
  return {
    status,
    listings,
    quality: Object.fromEntries(hints),
  };
};
