import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { EventBySlug, MyPublishedListings, RegisterForEvent, SetEventRegistrationListings, WithdrawEventRegistration } from '$lib/graphql/documents';
import type { RegistrationRole } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { ApiError } from '$lib/server/api';
import { apiFailure, loginRedirect } from '$lib/server/guards';
import { enumField, failFields, failFromError, readForm } from '$lib/server/forms';

const ROLES: readonly RegistrationRole[] = ['EXHIBITOR', 'VISITOR'];

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { event } = await locals.api.request(EventBySlug, { slug: params.slug }).catch((e) => apiFailure(e, url));
  if (!event) error(404, m.error_notFound());
  // The registration form offers the caller's published listings (offers to exhibit, demands to
  // bring); so does a registration that may still change what it brings.
  const wanted = event.registrationOpen || event.myRegistrations.some((r) => r.canChangeListings);
  const listings = locals.user && wanted ? (await locals.api.request(MyPublishedListings, {}).catch((e) => apiFailure(e, url))).myListings.items : [];
  // "Rút đăng ký" first asks (?confirm=withdraw&id=…): what the withdrawal cancels, then the POST.
  const withdrawing = url.searchParams.get('confirm') === 'withdraw' ? (event.myRegistrations.find((r) => r.id === url.searchParams.get('id') && r.canWithdraw) ?? null) : null;
  return { event, orgs: (locals.user?.organizations ?? []).filter((o) => o.id !== event.organizer.id), listings, withdrawing };
};

/** The API names an answer 'input.answers.<questionId>' (or '.<index>.questionId'): the form's field is 'answer_<questionId>'. */
function answerFields(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(err.fields)) {
    const q = /^input\.answers\.(q\d+)$/.exec(path);
    fields[q ? `input.answer_${q[1]}` : path] = message;
  }
  return new ApiError(err.code, err.message, fields, err.extensions);
}

export const actions: Actions = {
  register: async ({ request, locals, url, params }) => {
    if (!locals.user) loginRedirect(url);
    const form = await readForm(request);
    const values = form.values();
    const errors: Record<string, string> = {};
    // A role not chosen is not the end of the check: the API names it with every other problem
    // (the listings, the required answers), so the form shows them all at once.
    const role = enumField(form.str('role'), ROLES, errors, 'role', false);
    if (!form.str('organizationId')) errors.organizationId = m.error_choose();
    if (Object.keys(errors).length) return failFields(values, errors, 'register');
    const answerNames = [...new Set([...form.data.keys()].filter((k) => /^answer_q\d+$/.test(k)))];
    const answers = answerNames.map((k) => ({ questionId: k.slice('answer_'.length), answer: form.str(k) })).filter((a) => a.answer);
    // Offers when exhibiting, demands when visiting: the form lists both, the role chooses (no role yet: the offers, which an exhibitor must choose).
    const listingField = role === 'VISITOR' ? 'demandIds' : 'offerIds';
    const listingIds = form.all(listingField);
    try {
      await locals.api.request(RegisterForEvent, { input: { eventId: form.str('eventId'), organizationId: form.str('organizationId'), role, listingIds, answers } });
    } catch (err) {
      return failFromError(answerFields(err), values, {
        fields: ['organizationId', 'role', 'offerIds', 'demandIds', ...answerNames, ...form.all('questionIds').map((q) => `answer_${q}`)],
        rename: { listingIds: listingField },
        form: 'register',
        loginNext: `/events/${params.slug}`,
      });
    }
    redirect(303, `/events/${params.slug}?done=registered#registration`);
  },

  listings: async ({ request, locals, url, params }) => {
    if (!locals.user) loginRedirect(url);
    const form = await readForm(request);
    const id = form.str('id');
    try {
      await locals.api.request(SetEventRegistrationListings, { id, listingIds: form.all('listingIds') });
    } catch (err) {
      return failFromError(err, { ...form.values(), id }, { fields: ['listingIds'], form: 'listings', loginNext: `/events/${params.slug}` });
    }
    redirect(303, `/events/${params.slug}?done=listingsChanged#registration`);
  },

  withdraw: async ({ request, locals, url, params }) => {
    if (!locals.user) loginRedirect(url);
    const form = await readForm(request);
    const id = form.str('id');
    // Only from the confirmation, which says what goes with it (the booth, the meetings).
    if (form.str('confirmed') !== 'yes') redirect(303, `/events/${params.slug}?${new URLSearchParams({ confirm: 'withdraw', id })}#registration`);
    try {
      await locals.api.request(WithdrawEventRegistration, { id, reason: form.str('reason') || null });
    } catch (err) {
      return failFromError(err, form.values(), { fields: ['reason'], form: 'withdraw' });
    }
    redirect(303, `/events/${params.slug}?done=withdrawn#registration`);
  },
};
