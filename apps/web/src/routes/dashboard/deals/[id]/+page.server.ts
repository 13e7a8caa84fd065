import type { Actions, PageServerLoad } from './$types';
import { dealActions, loadDeal } from '$lib/server/deal-page';

export const load: PageServerLoad = ({ locals, params, url }) => loadDeal(locals, params.id, url);

export const actions: Actions = dealActions;
