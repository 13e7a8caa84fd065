import type { LayoutServerLoad } from './$types';
import { requireRole } from '$lib/server/guards';

// The department's pages: anonymous visitors log in first; members who are not moderators get 404.
export const load: LayoutServerLoad = ({ locals, url }) => ({ me: requireRole(locals, url, 'MODERATOR') });
