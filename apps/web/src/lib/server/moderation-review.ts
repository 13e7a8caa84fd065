/**
 * The moderators' review of one moderated item (a listing, an expert profile…): the decision form's
 * action, shared by every kind's review page (routes/moderation/<kind>/[id]). The page passes the
 * mutation of its kind and the queue to go back to.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { ModerationDecision, RejectionReason } from '$lib/graphql/types';
import { rejectionReasonsFor } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { ApiError } from './api';
import { enumField, failFields, failFromError, readForm } from './forms';

export interface ModerationInput {
  id: string;
  decision: ModerationDecision;
  note: string | null;
  reason: RejectionReason | null;
}

/** A decision must be chosen; a rejection needs a reason and a note (what the owner reads); the API checks them again. `kind` names the notice shown back in the queue. */
export function moderateAction(send: (locals: App.Locals, input: ModerationInput) => Promise<unknown>, queuePath: string, kind: 'listing' | 'expert' | 'event') {
  return async ({ request, locals, params }: RequestEvent<{ id: string }>) => {
    const form = await readForm(request);
    const values = form.values();
    const chosen = form.str('decision');
    const note = form.optional('note');
    const errors: Record<string, string> = {};
    // Nothing is chosen beforehand (approving was one tap away): no choice, no decision.
    if (chosen !== 'APPROVE' && chosen !== 'REJECT') return failFields(values, { decision: m.mod_decisionRequired() });
    const decision: ModerationDecision = chosen;
    const reason = decision === 'REJECT' ? enumField<RejectionReason>(form.str('reason'), rejectionReasonsFor(kind), errors, 'reason') : null;
    if (decision === 'REJECT' && !note) errors.note = m.mod_noteRequired();
    if (Object.keys(errors).length) return failFields(values, errors);
    try {
      await send(locals, { id: params.id, decision, note, reason });
    } catch (err) {
      // Gone from the review while the page was open: its owner withdrew it to a draft (which only
      // its organisation sees, so the API answers NOT_FOUND, and this page could not show it again):
      // back to the queue, saying what happened rather than "not found".
      if (err instanceof ApiError && err.code === 'NOT_FOUND') redirect(303, `${queuePath}?done=no-longer-in-review`);
      return failFromError(err, values, { fields: ['note', 'reason'], prefixes: [] });
    }
    const what = form.str('update') ? 'update' : kind;
    redirect(303, `${queuePath}?done=${what}-${decision === 'APPROVE' ? 'approved' : 'rejected'}`);
  };
}
