import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { MarkAllNotificationsRead, MarkNotificationsRead, NotificationPreferences, Notifications, SetNotificationPreferences } from '$lib/graphql/documents';
import { apiFailure, section } from '$lib/server/guards';
import { failFromError, pageAddress, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, url }) => {
  const unreadOnly = url.searchParams.get('show') === 'unread';
  const [{ notifications }, prefs] = await Promise.all([
    locals.api.request(Notifications, { unreadOnly }).catch((e) => apiFailure(e, url)),
    section(locals.api.request(NotificationPreferences)),
  ]);
  return { notifications, unreadOnly, digest: prefs.data?.me?.notificationDigest ?? null, prefsAvailable: !prefs.failed };
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
    try {
      await locals.api.request(SetNotificationPreferences, { digest: form.str('digest') === 'true' });
    } catch (err) {
      return failFromError(err, {}, { fields: [] });
    }
    redirect(303, pageAddress(url));
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
