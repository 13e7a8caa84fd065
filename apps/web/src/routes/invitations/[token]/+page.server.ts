import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { AcceptOrganizationInvitation, OrganizationInvitation } from '$lib/graphql/documents';
import { failFromError } from '$lib/server/forms';

/** The link of an invitation to join an organisation: who invites, then "accept" once signed in with the invited address. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
  const { organizationInvitation } = await locals.api.request(OrganizationInvitation, { token: params.token });
  return { invitation: organizationInvitation, here: url.pathname };
};

export const actions: Actions = {
  default: async ({ locals, params, url }) => {
    const here = url.pathname;
    const { organizationInvitation } = await locals.api.request(OrganizationInvitation, { token: params.token });
    try {
      await locals.api.request(AcceptOrganizationInvitation, { token: params.token });
    } catch (err) {
      return failFromError(err, {}, { fields: [], prefixes: [], loginNext: here });
    }
    redirect(303, organizationInvitation ? `/dashboard/organizations/${organizationInvitation.organization.id}?done=invitation-accepted` : '/dashboard');
  },
};
