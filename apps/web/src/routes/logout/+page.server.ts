import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { Logout } from '$lib/graphql/documents';
import { endSession } from '$lib/server/session';

// Logging out changes state, so it is a POST (the header's button); a GET just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ cookies, url, locals }) => {
    // The API revokes the token, so a copy of the cookie is worthless from now on. The cookie goes
    // whatever the API answers: the visitor asked to leave.
    if (locals.user) await locals.api.request(Logout, {}).catch(() => undefined);
    endSession(cookies, url);
    redirect(303, '/');
  },
};
