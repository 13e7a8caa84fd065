import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import type { AlertEmails } from '$lib/graphql/types';
import { MarkAllNotificationsRead, MarkNotificationsRead, NotificationPreferences, Notifications, SetNotificationPreferences } from '$lib/graphql/documents';
import { apiFailure, section } from '$lib/server/guards';
import { failFromError, pageAddress, readForm } from '$lib/server/forms';

const ALERT_EMAILS: readonly AlertEmails[] = ['EACH', 'DAILY', 'OFF'];

export const load: PageServerLoad = async ({ locals, url }) => {
  const unreadOnly = url.searchParams.get('show') === 'unread';
  const [{ notifications }, prefs] = await Promise.all([
    locals.api.request(Notifications, { unreadOnly }).catch((e) => apiFailure(e, url)),
    section(locals.api.request(NotificationPreferences)),
  ]);
  return { notifications, unreadOnly, alertEmails: prefs.data?.me?.alertEmails ?? null, prefsAvailable: !prefs.failed };
};

export const actions: Actions = {
  read: async ({ request, locals, url }) => {
    const form = await readForm(request);
    try {
      await locals.api.request(MarkNotificationsRead, { ids: form.all('id') });
    } catch (err) {
      return failFromError(err, {}, { fields: [] });
    }
    // Back with a GET, so the header's unread count is read afresh.
    redirect(303, pageAddress(url));
  },
  preferences: async ({ request, locals, url }) => {
    const form = await readForm(request);
    const choice = form.str('alertEmails');
    const alertEmails = ALERT_EMAILS.find((mode) => mode === choice);
    if (!alertEmails) return fail(400, { error: m.notifications_emailChoose() });
    try {
      await locals.api.request(SetNotificationPreferences, { alertEmails });
    } catch (err) {
      return failFromError(err, {}, { fields: [] });
    }
    // Back with the choice said in words (the list below can be long: the setting stays at the top).
    const next = new URL(pageAddress(url), url);
    next.searchParams.set('done', `alert-emails-${alertEmails.toLowerCase()}`);
    redirect(303, `${next.pathname}${next.search}`);
  },
  readAll: async ({ locals, url }) => {
    try {
      await locals.api.request(MarkAllNotificationsRead);
    } catch (err) {
      return failFromError(err, {}, { fields: [] });
    }
    redirect(303, pageAddress(url));
  },
};
