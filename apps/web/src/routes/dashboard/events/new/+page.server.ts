import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { CreateEvent, EventOrganizers } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { failFields, failFromError, readForm } from '$lib/server/forms';
import { EVENT_FORM_FIELDS, EVENT_FORM_RENAME, EVENT_KINDS, eventInputFromForm } from '$lib/server/event-form';
import { referenceData } from '$lib/server/reference';

export const load: PageServerLoad = async ({ locals }) => {
  const user = locals.user!;
  if (user.organizations.length === 0) redirect(303, '/dashboard/organizations/new');
  const [reference, organizers] = await Promise.all([referenceData(locals.api), locals.api.request(EventOrganizers).catch(() => null)]);
  // The department's own office publishes its events at once (the API's rule): the page says so.
  const atOnce = new Set((organizers?.me?.organizations ?? []).filter((o) => o.viewerPublishesEventsAtOnce).map((o) => o.id));
  return {
    kinds: EVENT_KINDS,
    organizations: user.organizations.map((o) => ({ id: o.id, name: o.name, provinceCode: o.province.code })),
    publishedAtOnce: user.organizations.filter((o) => atOnce.has(o.id)).map((o) => o.name),
    allPublishedAtOnce: user.organizations.every((o) => atOnce.has(o.id)),
    provinces: reference.provinces,
    fields: reference.fieldTree.map((f) => ({ code: f.code, name: f.name })),
  };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await readForm(request);
    const values = form.values();
    const errors: Record<string, string> = {};
    const input = eventInputFromForm(form, errors);
    if (!form.str('organizerId')) errors.organizerId = m.error_choose();
    let created: { slug: string; status: string };
    try {
      // Sent even with a problem found here: the API refuses it then (no kind, a number out of
      // range, no organiser) and names its own problems too, so every error shows at once.
      created = (await locals.api.request(CreateEvent, { organizerId: form.str('organizerId'), input })).createEvent;
    } catch (err) {
      return failFromError(err, values, { fields: EVENT_FORM_FIELDS, rename: EVENT_FORM_RENAME, loginNext: '/dashboard/events/new', local: errors });
    }
    // Unreachable in practice (a local problem makes the API refuse), but never report success over one.
    if (Object.keys(errors).length) return failFields(values, errors);
    // The department's own office publishes without review (the API decides: Event.viewerEditsPublishAtOnce):
    // then the notice says so and links to the public page, not "saved as a draft".
    if (created.status === 'PUBLISHED') redirect(303, `/dashboard/events?done=published&event=${encodeURIComponent(created.slug)}`);
    redirect(303, '/dashboard/events?done=created');
  },
};
