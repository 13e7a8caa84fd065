import type { PageServerLoad } from './$types';
import { Compare, CompareListings } from '$lib/graphql/documents';
import type { CompareQuery } from '$lib/graphql/types';
import { apiHas } from '$lib/graphql/capabilities';
import { ApiError } from '$lib/server/api';

/** At most five listings side by side (a phone scrolls the table sideways). */
const MAX_COMPARE = 5;

type Listing = NonNullable<CompareQuery['listing']>;

export const load: PageServerLoad = async ({ locals, url }) => {
  const ids = [...new Set(url.searchParams.getAll('ids').flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => /^[\w-]{1,64}$/.test(v)))];
  const tooMany = ids.length > MAX_COMPARE;
  const wanted = ids.slice(0, MAX_COMPARE);
  let problem: string | null = null;

  // The API's comparison says where each listing stands out (highest TRL, lowest price…).
  if (wanted.length >= 2 && apiHas('Query.compareListings')) {
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
