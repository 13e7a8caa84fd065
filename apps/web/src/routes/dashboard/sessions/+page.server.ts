import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { EndAllSessions, EndSession, MySessions } from '$lib/graphql/documents';
import { apiFailure } from '$lib/server/guards';
import { failFromError, readForm } from '$lib/server/forms';
import { endSession } from '$lib/server/session';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { mySessions } = await locals.api.request(MySessions).catch((e) => apiFailure(e, url));
  return { sessions: mySessions };
};

export const actions: Actions = {
  /** Logs one session out; when it is this one, the visitor is logged out here too. */
  end: async ({ request, locals, cookies, url }) => {
    const form = await readForm(request);
    try {
      await locals.api.request(EndSession, { id: form.str('id') });
    } catch (err) {
      return failFromError(err, {}, { fields: [], loginNext: '/dashboard/sessions' });
    }
    // The form says which row is the current one; if it lied, the next request finds the token
    // refused and forgets the cookie anyway.
    if (form.str('current') === 'true') {
      endSession(cookies, url);
      redirect(303, '/login?done=logged-out');
    }
    redirect(303, '/dashboard/sessions?done=session-ended');
  },
  /** "Log out everywhere" (this browser too), or of every other session with keep=current. */
  endAll: async ({ request, locals, cookies, url }) => {
    const form = await readForm(request);
    const keepCurrent = form.str('keep') === 'current';
    try {
      await locals.api.request(EndAllSessions, { keepCurrent });
    } catch (err) {
      return failFromError(err, {}, { fields: [], loginNext: '/dashboard/sessions' });
    }
    if (keepCurrent) redirect(303, '/dashboard/sessions?done=sessions-ended');
    endSession(cookies, url);
    redirect(303, '/login?done=logged-out-everywhere');
  },
};
