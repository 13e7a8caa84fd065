import { redirect } from '@sveltejs/kit';
import { readProvinceChoice } from '$lib/server/provinces';
import type { Actions, PageServerLoad } from './$types';
import { SaveSearch, Search } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, loginRedirect } from '$lib/server/guards';
import { failFields, failFromError, readForm } from '$lib/server/forms';
import { referenceData } from '$lib/server/reference';
import { searchInput, stateFromUrl, urlOf } from '$lib/search';

export const load: PageServerLoad = async ({ locals, url }) => {
  const state = stateFromUrl(url.searchParams);
  const priceText = (url.searchParams.get('priceMax') ?? '').trim().slice(0, 40);
  const priceUnread = priceText !== '' && state.priceMax === null;
  // The province picker's "all provinces" box and find box: resolved into the shareable URL.
  let provinceFind = { text: '', error: null as string | null };
  if (['allProvinces', 'allProvincesShown', 'provinceFind'].some((k) => url.searchParams.has(k))) {
    const choice = readProvinceChoice(url.searchParams);
    const resolved = { ...state, provinces: choice.codes };
    if (!choice.unmatched) {
      // The state keeps only the price it could read: a price it could not stays in the address as
      // typed, so the page says so beside the field (the filter form posts these boxes every time).
      const to = new URL(urlOf(resolved), url);
      if (priceUnread) to.searchParams.set('priceMax', priceText);
      redirect(303, `${to.pathname}${to.search}`);
    }
    state.provinces = resolved.provinces;
    provinceFind = { text: choice.unmatched, error: choice.error };
  }
  // Filters that cannot be applied are said beside their field; the results meanwhile go without them.
  const filterErrors = {
    trlMax: state.trlMin !== null && state.trlMax !== null && state.trlMin > state.trlMax ? m.search_trlOrder({ min: state.trlMin }) : null,
    priceMax: priceUnread ? m.search_priceInvalid() : null,
  };
  const applied = { ...state, trlMax: filterErrors.trlMax ? null : state.trlMax };
  const reference = await referenceData(locals.api);
  const common = { state, fieldTree: reference.fieldTree, provinces: reference.provinces, provinceFind, filterErrors, priceText };
  const { search } = await locals.api.request(Search, { input: searchInput(applied) }).catch((err) => apiFailure(err, url));
  return { ...common, search };
};

export const actions: Actions = {
  save: async ({ request, locals, url }) => {
    if (!locals.user) loginRedirect(url);
    const form = await readForm(request);
    const values = form.values();
    const state = stateFromUrl(new URL(form.str('search') || '/search', url).searchParams);
    const name = form.str('name');
    if (!name) return failFields(values, { name: m.error_required() }, 'save');
    const { page: _page, pageSize: _size, ...search } = searchInput(state);
    try {
      await locals.api.request(SaveSearch, { input: { name, notify: form.bool('notify'), search } });
    } catch (err) {
      return failFromError(err, values, { fields: ['name'], form: 'save' });
    }
    redirect(303, `${urlOf({ ...state, page: 1 })}${urlOf(state).includes('?') ? '&' : '?'}done=search-saved`);
  },
};
