import type { PageServerLoad } from './$types';
import { Events } from '$lib/graphql/documents';
import type { EventKind } from '$lib/graphql/types';
import { apiFailure } from '$lib/server/guards';

const EVENT_KINDS: readonly EventKind[] = ['NATIONAL_TECHMART', 'LOCAL_TECHMART', 'SPECIALISED_TECHMART', 'BROKERAGE_DAY', 'ONLINE_SESSION'];

export const load: PageServerLoad = async ({ locals, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const kindParam = url.searchParams.get('kind') ?? '';
  const kind = (EVENT_KINDS as readonly string[]).includes(kindParam) ? (kindParam as EventKind) : null;
  const past = url.searchParams.get('past') === '1';
  const page = Math.min(50, Math.max(1, Number(url.searchParams.get('page')) || 1));
  const { events } = await locals.api.request(Events, { input: { query: q || null, kind, upcoming: !past }, page: { page, pageSize: 20 } }).catch((e) => apiFailure(e, url));
  return { q, kind, past, kinds: EVENT_KINDS, events };
};
