import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { DeleteSavedSearch, SavedSearches } from '$lib/graphql/documents';
import { apiFailure } from '$lib/server/guards';
import { failFromError, readForm } from '$lib/server/forms';
import { referenceData } from '$lib/server/reference';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, url }) => {
  const [searches, reference] = await Promise.all([locals.api.request(SavedSearches).catch((e) => apiFailure(e, url)), referenceData(locals.api)]);
  const describe = (codes: string[] | null | undefined, name: (c: string) => string) => (codes ?? []).map(name).join(', ');
  return {
    searches: searches.savedSearches.map((s) => {
      const p = new URLSearchParams();
      if (s.input.query) p.set('q', s.input.query);
      if (s.input.kind) p.set('kind', s.input.kind);
      for (const f of s.input.fieldCodes ?? []) p.append('field', f);
      for (const c of s.input.provinceCodes ?? []) p.append('province', c);
      return {
        ...s,
        href: `/search${p.size ? `?${p}` : ''}`,
        fields: describe(s.input.fieldCodes, reference.fieldName),
        // A search without a province filter covers every province: say so rather than nothing.
        provinces: describe(s.input.provinceCodes, reference.provinceName) || m.province_all(),
      };
    }),
  };
};

export const actions: Actions = {
  delete: async ({ request, locals }) => {
    const form = await readForm(request);
    try {
      await locals.api.request(DeleteSavedSearch, { id: form.str('id') });
    } catch (err) {
      return failFromError(err, {}, { fields: [] });
    }
    redirect(303, '/dashboard/searches');
  },
};
