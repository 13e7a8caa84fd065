import type { PageServerLoad } from './$types';
import { Events, Newest, Stats } from '$lib/graphql/documents';
import { section } from '$lib/server/guards';
import { referenceData } from '$lib/server/reference';

export const load: PageServerLoad = async ({ locals }) => {
  const api = locals.api;
  const [stats, offers, demands, reference, events] = await Promise.all([
    section(api.request(Stats)),
    section(api.request(Newest, { kind: 'OFFER', pageSize: 6 })),
    section(api.request(Newest, { kind: 'DEMAND', pageSize: 6 })),
    referenceData(api),
    // The next Techmarts: how the departments make the market, a tap from the home page.
    section(api.request(Events, { input: { upcoming: true }, page: { page: 1, pageSize: 3 } })),
  ]);
  return { stats, offers, demands, fieldTree: reference.fieldTree, events: events.data?.events.items ?? [] };
};
