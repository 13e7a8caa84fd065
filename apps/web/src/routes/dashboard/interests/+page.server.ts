import type { PageServerLoad } from './$types';
import { MyInterests } from '$lib/graphql/documents';
import { section } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals }) => {
  const interests = await section(locals.api.request(MyInterests, {}));
  const all = interests.data?.interests ?? [];
  return {
    unavailable: interests.unavailable,
    sent: all.filter((i) => i.organization.viewerIsMember),
    received: all.filter((i) => i.listingOrganization.viewerIsMember),
  };
};
