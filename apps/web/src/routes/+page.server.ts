import type { PageServerLoad } from './$types';
import { Newest, Stats } from '$lib/graphql/documents';
import { section } from '$lib/server/guards';
import { referenceData } from '$lib/server/reference';

export const load: PageServerLoad = async ({ locals }) => {
  const api = locals.api;
  const [stats, offers, demands, reference] = await Promise.all([
    section(api.request(Stats)),
    section(api.request(Newest, { kind: 'OFFER', pageSize: 6 })),
    section(api.request(Newest, { kind: 'DEMAND', pageSize: 6 })),
    referenceData(api),
  ]);
  return { stats, offers, demands, fieldTree: reference.fieldTree };
};
