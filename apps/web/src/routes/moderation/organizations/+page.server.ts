import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { DeclineOrganizationVerification, OrganizationsForReview, VerifyOrganization } from '$lib/graphql/documents';
import { apiFailure } from '$lib/server/guards';
import { failFromError, readForm } from '$lib/server/forms';
import { listRedirect } from '$lib/list-query';

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
  verify: async ({ request, locals, url }) => {
    const form = await readForm(request);
    try {
      await locals.api.request(VerifyOrganization, { id: form.str('id') });
    } catch (err) {
      return failFromError(err, {}, { fields: [], loginNext: '/moderation/organizations' });
    }
    redirect(303, listRedirect(url, 'org-verified'));
  },
  decline: async ({ request, locals, url }) => {
    const form = await readForm(request);
    const id = form.str('id');
    try {
      await locals.api.request(DeclineOrganizationVerification, { id, note: form.str('note'), verified: form.str('verified') === 'true' });
    } catch (err) {
      // The form of this organisation shows the error, open, with what was typed.
      return failFromError(err, { id, note: form.str('note') }, { fields: ['note'], loginNext: '/moderation/organizations' });
    }
    redirect(303, listRedirect(url, 'org-declined'));
  },
};
