import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { MAX_AMOUNT_VND } from '@techport/shared';
import { Deals, InterestThread, ProposeDeal, RespondToInterest, SendMessage, WithdrawInterest } from '$lib/graphql/documents';
import type { TransferMode } from '$lib/graphql/types';
import { TRANSFER_MODES } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { apiFailure, section } from '$lib/server/guards';
import { enumField, failFields, failFromError, parseAmount, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { interest } = await locals.api.request(InterestThread, { id: params.id }).catch((e) => apiFailure(e, url));
  if (!interest) error(404, m.error_notFound());
  // Deals already made on this interest (the API lists the caller's deals, newest first).
  const deals = await section(locals.api.request(Deals, { page: { page: 1, pageSize: 100 } }));
  return {
    interest,
    deals: (deals.data?.deals.items ?? []).filter((d) => d.listing.id === interest.listing.id && (d.buyer.id === interest.organization.id || d.supplier.id === interest.organization.id)),
    meId: locals.user!.id,
  };
};

export const actions: Actions = {
  message: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const body = form.str('body');
    if (!body) return failFields(form.values(), { body: m.error_required() }, 'message');
    try {
      await locals.api.request(SendMessage, { interestId: params.id, body });
    } catch (err) {
      return failFromError(err, form.values(), { fields: ['body'], prefixes: [], form: 'message' });
    }
    redirect(303, `/dashboard/interests/${params.id}#messages-end`);
  },
  respond: async ({ request, locals, params }) => {
    const form = await readForm(request);
    try {
      await locals.api.request(RespondToInterest, { id: params.id, accept: form.str('accept') === 'true', message: form.optional('message') });
    } catch (err) {
      return failFromError(err, form.values(), { fields: ['message'], prefixes: [], form: 'respond' });
    }
    redirect(303, `/dashboard/interests/${params.id}?done=${form.str('accept') === 'true' ? 'interest-accepted' : 'interest-declined'}`);
  },
  withdraw: async ({ locals, params }) => {
    try {
      await locals.api.request(WithdrawInterest, { id: params.id });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: 'withdraw' });
    }
    redirect(303, `/dashboard/interests/${params.id}?done=interest-withdrawn`);
  },
  propose: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values();
    const errors: Record<string, string> = {};
    const value = parseAmount(form.str('value'));
    if (value === null) errors.value = m.error_required();
    else if (Number.isNaN(value)) errors.value = m.listingForm_amountUnread({ field: m.deal_valueName() });
    // The API's own bound (MAX_AMOUNT_VND, as a listing's price), said here too: with another local
    // problem the value is not sent (see below), and a too-large one would only be named after the others are fixed.
    else if (value > MAX_AMOUNT_VND) errors.value = m.deal_valueTooLarge();
    const transferMode = enumField<TransferMode>(form.str('transferMode'), TRANSFER_MODES, errors, 'transferMode');
    const terms = form.str('terms');
    if (!terms) errors.terms = m.error_required();
    // A problem found here does not stop the request: it goes with a value the API always refuses
    // (0 ₫) and a stand-in transfer mode, so nothing is proposed and the API names its own problems
    // (terms too short…) in the same answer; the visitor sees every error at once.
    const local = Object.keys(errors).length > 0 || value === null || Number.isNaN(value) || !transferMode;
    const input = { interestId: params.id, value: local ? 0 : value!, currency: 'VND', transferMode: transferMode ?? TRANSFER_MODES[0], terms };
    let id: string;
    try {
      ({ proposeDeal: { id } } = await locals.api.request(ProposeDeal, { input }));
    } catch (err) {
      return failFromError(err, values, { fields: ['value', 'transferMode', 'terms'], form: 'propose', local: errors, ignore: local ? ['value'] : [] });
    }
    if (local) return failFields(values, errors, 'propose'); // not reached: the API refuses a value of 0
    redirect(303, `/dashboard/deals/${id}?done=deal-proposed`);
  },
};
