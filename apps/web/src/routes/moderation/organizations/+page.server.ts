import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { OrganizationsForReview, VerifyOrganization } from '$lib/graphql/documents';
import { apiFailure } from '$lib/server/guards';
import { failFromError, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, url }) => {
  const show = url.searchParams.get('show');
  const verified = show === 'verified' ? true : show === 'all' ? null : false;
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const { organizationsForReview } = await locals.api
    .request(OrganizationsForReview, { verified, page: { page, pageSize: 20 } })
    .catch((e) => apiFailure(e, url));
  return { orgs: organizationsForReview, show: show ?? 'pending' };
};

export const actions: Actions = {
  verify: async ({ request, locals }) => {
    const form = await readForm(request);
    try {
      await locals.api.request(VerifyOrganization, { id: form.str('id') });
    } catch (err) {
      return failFromError(err, {}, { fields: [] });
    }
    redirect(303, '/moderation/organizations?done=org-verified');
  },
};
