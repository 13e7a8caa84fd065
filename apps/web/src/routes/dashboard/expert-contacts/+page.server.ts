import type { PageServerLoad } from './$types';
import { ExpertContacts } from '$lib/graphql/documents';
import { section } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals }) => ({ contacts: await section(locals.api.request(ExpertContacts)) });
