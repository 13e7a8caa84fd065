import type { PageServerLoad } from './$types';
import { MarketFigures } from '$lib/graphql/documents';
import { loadFigures } from '$lib/server/figures';

export const load: PageServerLoad = async ({ locals, url }) => ({
  figures: await loadFigures(url, (from, to) => locals.api.request(MarketFigures, { from, to }).then((r) => r.marketFigures)),
});
