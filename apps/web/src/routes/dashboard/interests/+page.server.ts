import type { PageServerLoad } from './$types';
import { MyInterests } from '$lib/graphql/documents';
import { apiFailure } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { interests: all } = await locals.api.request(MyInterests, {}).catch((e) => apiFailure(e, url));
  return {
    sent: all.filter((i) => i.organization.viewerIsMember),
    received: all.filter((i) => i.listingOrganization.viewerIsMember),
  };
};
