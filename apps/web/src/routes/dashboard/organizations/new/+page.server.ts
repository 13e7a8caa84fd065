import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { CreateOrganization } from '$lib/graphql/documents';
import { ORGANIZATION_KINDS } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { enumField, failFields, failFromError, readForm } from '$lib/server/forms';
import { referenceData } from '$lib/server/reference';
import { safeNext } from '$lib/server/session';

export const load: PageServerLoad = async ({ locals, url }) => ({
  provinces: (await referenceData(locals.api)).provinces,
  welcome: url.searchParams.has('welcome'),
  // The page the member registered from: shown as the way back, and where creating leads.
  next: safeNext(url.searchParams.get('next'), url, ''),
});

const FIELDS = ['name', 'kind', 'provinceCode', 'description', 'website', 'taxCode'] as const;

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await readForm(request);
    const values = form.values();
    const errors: Record<string, string> = {};
    const kind = enumField(form.str('kind'), ORGANIZATION_KINDS, errors, 'kind');
    if (!kind) {
      // Without a valid kind the API cannot check the rest; the obvious gaps are named at once.
      if (!form.str('name')) errors.name = m.error_required();
      if (!form.str('provinceCode')) errors.provinceCode = m.error_required();
      return failFields(values, errors);
    }
    const input = {
      name: form.str('name'),
      kind,
      provinceCode: form.str('provinceCode'),
      description: form.optional('description'),
      website: form.optional('website'),
      taxCode: form.optional('taxCode'),
    };
    try {
      await locals.api.request(CreateOrganization, { input });
    } catch (err) {
      return failFromError(err, values, { fields: FIELDS, loginNext: '/dashboard/organizations/new' });
    }
    const next = safeNext(form.str('next'), url, '');
    redirect(303, next || '/dashboard?done=org-created');
  },
};
