import type { PageServerLoad } from './$types';
import { Stats } from '$lib/graphql/documents';
import { section } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals }) => ({ stats: await section(locals.api.request(Stats)) });
