import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { Compare, CompareListings } from '$lib/graphql/documents';
import type { CompareQuery } from '$lib/graphql/types';
import { ApiError } from '$lib/server/api';
import { MAX_COMPARE, parseIds, readSelection, writeSelection } from '$lib/server/compare';
import { readForm } from '$lib/server/forms';

type Listing = NonNullable<CompareQuery['listing']>;

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
  // A shared link (?ids=a,b) shows those and becomes the visitor's selection; otherwise the selection.
  const linked = url.searchParams.has('ids');
  const ids = linked ? parseIds(url.searchParams.getAll('ids')) : readSelection(cookies);
  const tooMany = ids.length > MAX_COMPARE || url.searchParams.get('full') === '1';
  const wanted = ids.slice(0, MAX_COMPARE);
  if (linked) writeSelection(cookies, url, wanted);
  let problem: string | null = null;

  // The API's comparison says where each listing stands out (highest TRL, lowest price…).
  if (wanted.length >= 2) {
    try {
      const { compareListings } = await locals.api.request(CompareListings, { ids: wanted });
      return {
        listings: compareListings.map((c) => c.listing),
        bestIn: Object.fromEntries(compareListings.map((c) => [c.listing.id, c.bestInLabels])) as Record<string, string[]>,
        missing: 0,
        tooMany,
        problem,
        ids: compareListings.map((c) => c.listing.id),
      };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // Mixed kinds or unpublished ids: say why, and show what can be shown.
      problem = Object.values(err.fields)[0] ?? err.message;
    }
  }
  const results = await Promise.all(
    wanted.map((id) =>
      locals.api.request(Compare, { id }).then(
        (r) => r.listing,
        (err) => {
          if (err instanceof ApiError) return null;
          throw err;
        },
      ),
    ),
  );
  const listings = results.filter((l): l is Listing => !!l && l.status === 'PUBLISHED');
  return { listings, bestIn: {} as Record<string, string[]>, missing: wanted.length - listings.length, tooMany, problem, ids: listings.map((l) => l.id) };
};

export const actions: Actions = {
  /** Adds the listings ticked (search results, a listing page) to the selection. */
  add: async ({ request, cookies, url }) => {
    const form = await readForm(request);
    const current = readSelection(cookies);
    const next = [...new Set([...current, ...parseIds(form.all('ids'))])];
    writeSelection(cookies, url, next);
    redirect(303, next.length > MAX_COMPARE ? '/compare?full=1' : '/compare');
  },
  remove: async ({ request, cookies, url }) => {
    const form = await readForm(request);
    const gone = form.str('id');
    writeSelection(cookies, url, readSelection(cookies).filter((id) => id !== gone));
    redirect(303, '/compare');
  },
  clear: async ({ cookies, url }) => {
    writeSelection(cookies, url, []);
    redirect(303, '/compare');
  },
};
