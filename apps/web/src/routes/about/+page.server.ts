import type { PageServerLoad } from './$types';
import { operator } from '$lib/server/config';

export const load: PageServerLoad = ({ locals }) => ({ operator: operator(locals.lang === 'en' ? 'en' : 'vi') });
