import type { PageServerLoad } from './$types';
import { MyListings, Notifications } from '$lib/graphql/documents';
import { section } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals }) => {
  const [listings, notifications] = await Promise.all([
    section(locals.api.request(MyListings, { page: { page: 1, pageSize: 5 } })),
    section(locals.api.request(Notifications, { unreadOnly: false })),
  ]);
  return {
    listings,
    notifications: notifications.data?.notifications.slice(0, 5) ?? [],
  };
};
