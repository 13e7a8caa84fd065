import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ContactExpert, ExpertBySlug, ExpertContacts } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, loginRedirect } from '$lib/server/guards';
import { failFields, failFromError, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { expert } = await locals.api.request(ExpertBySlug, { slug: params.slug }).catch((e) => apiFailure(e, url));
  if (!expert) error(404, m.error_notFound());
  const isSelf = !!locals.user && locals.user.id === expert.user.id;
  // The conversations the visitor's organisations already have with this expert: a link to each, not a second "first message".
  const conversations =
    locals.user && !isSelf
      ? ((await locals.api.request(ExpertContacts).catch(() => null))?.expertContacts ?? []).filter((c) => !c.viewerIsExpert && c.expert?.slug === expert.slug)
      : [];
  return { expert, isSelf, orgs: locals.user?.organizations ?? [], conversations };
};

export const actions: Actions = {
  contact: async ({ request, locals, url }) => {
    if (!locals.user) loginRedirect(url);
    const form = await readForm(request);
    const values = form.values();
    const errors: Record<string, string> = {};
    if (!form.str('organizationId')) errors.organizationId = m.error_choose();
    if (!form.str('message')) errors.message = m.error_required();
    if (Object.keys(errors).length) return failFields(values, errors);
    let id: string;
    try {
      ({ contactExpert: { id } } = await locals.api.request(ContactExpert, { expertId: form.str('expertId'), organizationId: form.str('organizationId'), message: form.str('message') }));
    } catch (err) {
      return failFromError(err, values, { fields: ['organizationId', 'message'], prefixes: [] });
    }
    redirect(303, `/dashboard/expert-contacts/${id}?done=expert-contacted`);
  },
};
