/** The deal page's load and actions, shared by the parties' page and the moderators' review page. */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { CancelDeal, CompleteDeal, DealById, MarkDealSigned, RespondToDeal, ReviewDeal } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from './guards';
import { failFields, failFromError, readForm } from './forms';

export async function loadDeal(locals: App.Locals, id: string, url: URL) {
  const { deal } = await locals.api.request(DealById, { id }).catch((e) => apiFailure(e, url));
  if (!deal) error(404, m.error_notFound());
  return { deal, meId: locals.user?.id ?? null };
}

type Event = RequestEvent<{ id: string }>;

const back = (event: Event) => event.url.pathname;

async function run(event: Event, fn: (note: string | null) => Promise<unknown>, opts: { noteRequired?: boolean; done: string }) {
  const form = await readForm(event.request);
  const note = form.optional('note');
  if (opts.noteRequired && !note) return failFields(form.values(), { note: m.deal_noteRequired() }, 'deal');
  try {
    await fn(note);
  } catch (err) {
    return failFromError(err, form.values(), { fields: ['note'], prefixes: [], form: 'deal' });
  }
  redirect(303, `${back(event)}?done=${opts.done}`);
}

export const dealActions = {
  accept: (e: Event) => run(e, (note) => e.locals.api.request(RespondToDeal, { id: e.params.id, accept: true, note }), { done: 'deal-accepted' }),
  decline: (e: Event) => run(e, (note) => e.locals.api.request(RespondToDeal, { id: e.params.id, accept: false, note }), { done: 'deal-declined' }),
  sign: (e: Event) => run(e, () => e.locals.api.request(MarkDealSigned, { id: e.params.id }), { done: 'deal-signed' }),
  complete: (e: Event) => run(e, () => e.locals.api.request(CompleteDeal, { id: e.params.id }), { done: 'deal-completed' }),
  // Cancelling ends the deal for both sides: the other side is told why.
  cancel: (e: Event) => run(e, (note) => e.locals.api.request(CancelDeal, { id: e.params.id, note }), { noteRequired: true, done: 'deal-cancelled' }),
  approve: (e: Event) => run(e, (note) => e.locals.api.request(ReviewDeal, { id: e.params.id, decision: 'APPROVE', note }), { done: 'deal-approved' }),
  reject: (e: Event) => run(e, (note) => e.locals.api.request(ReviewDeal, { id: e.params.id, decision: 'REJECT', note }), { noteRequired: true, done: 'deal-rejected' }),
};
