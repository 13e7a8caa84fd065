import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { endSession } from '$lib/server/session';

// Logging out changes state, so it is a POST (the header's button); a GET just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: ({ cookies, url }) => {
    endSession(cookies, url);
    redirect(303, '/');
  },
};
