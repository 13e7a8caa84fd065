import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { DeleteSavedSearch, SavedSearches, UpdateSavedSearch } from '$lib/graphql/documents';
import { apiFailure } from '$lib/server/guards';
import { failFields, failFromError, readForm } from '$lib/server/forms';
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
  /** Turns a search's alerts on or off. */
  notify: async ({ request, locals }) => {
    const form = await readForm(request);
    try {
      await locals.api.request(UpdateSavedSearch, { id: form.str('id'), input: { notify: form.str('notify') === 'true' } });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: form.str('id') });
    }
    redirect(303, `/dashboard/searches?done=${form.str('notify') === 'true' ? 'search-alerts-on' : 'search-alerts-off'}`);
  },
  /** Renames a search; a refused name is said beside the search's field. */
  rename: async ({ request, locals }) => {
    const form = await readForm(request);
    const values = form.values();
    const name = form.str('name');
    if (!name) return failFields(values, { name: m.error_required() }, form.str('id'));
    try {
      await locals.api.request(UpdateSavedSearch, { id: form.str('id'), input: { name } });
    } catch (err) {
      return failFromError(err, values, { fields: ['name'], form: form.str('id') });
    }
    redirect(303, '/dashboard/searches?done=search-renamed');
  },
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
