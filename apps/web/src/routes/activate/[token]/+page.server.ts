import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ActivateAccount } from '$lib/graphql/documents';
import { failFromError } from '$lib/server/forms';
import { startSession, takeAfterSignup } from '$lib/server/session';

/**
 * The link e-mailed after registering. Activation is a button (a POST), not the visit itself:
 * mail scanners that fetch links must not spend it.
 */
export const load: PageServerLoad = () => ({});

export const actions: Actions = {
  default: async ({ locals, params, cookies, url }) => {
    let token: string;
    let language: string | null | undefined;
    try {
      ({ activateAccount: { token, user: { language } } } = await locals.api.request(ActivateAccount, { token: params.token }));
    } catch (err) {
      // A spent or expired link: said above the button (`token` is not a field of the form).
      return failFromError(err, {}, { fields: [], prefixes: [] });
    }
    startSession(cookies, url, token, language);
    const next = takeAfterSignup(cookies, url);
    // An invitation registered from is accepted next; otherwise the next step is the organisation
    // the member acts for, with the way back to the page they registered from.
    if (next.startsWith('/invitations/')) redirect(303, next);
    redirect(303, `/dashboard/organizations/new?welcome=1${next ? `&next=${encodeURIComponent(next)}` : ''}`);
  },
};
