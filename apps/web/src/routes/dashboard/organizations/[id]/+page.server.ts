import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { AddOrganizationMember, OrganizationMembers } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from '$lib/server/guards';
import { failFromError, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { organization } = await locals.api.request(OrganizationMembers, { id: params.id }).catch((e) => apiFailure(e, url));
  // Only its members manage an organisation here; everyone else sees its public page.
  if (!organization || !organization.viewerIsMember) error(404, m.error_notFound());
  return { organization };
};

export const actions: Actions = {
  addMember: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values();
    try {
      await locals.api.request(AddOrganizationMember, { organizationId: params.id, email: form.str('email'), role: form.str('role') || 'MEMBER' });
    } catch (err) {
      return failFromError(err, values, { fields: ['email', 'role'], prefixes: [] });
    }
    redirect(303, `/dashboard/organizations/${params.id}?done=member-invited`);
  },
};
