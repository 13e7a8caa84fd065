import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { DeleteSavedSearch, SavedSearches } from '$lib/graphql/documents';
import { apiFailure } from '$lib/server/guards';
import { failFromError, readForm } from '$lib/server/forms';
import { referenceData } from '$lib/server/reference';
import { m } from '$lib/paraglide/messages';
import { stateOfSaved, urlOf } from '$lib/search';

export const load: PageServerLoad = async ({ locals, url }) => {
  const [searches, reference] = await Promise.all([locals.api.request(SavedSearches).catch((e) => apiFailure(e, url)), referenceData(locals.api)]);
  const describe = (codes: string[] | null | undefined, name: (c: string) => string) => (codes ?? []).map(name).join(', ');
  return {
    searches: searches.savedSearches.map((s) => {
      return {
        ...s,
        // Every criterion the search keeps (its alerts use them all), as the search page's link.
        href: urlOf(stateOfSaved(s.input)),
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
