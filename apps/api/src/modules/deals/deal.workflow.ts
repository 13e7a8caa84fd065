import { DealStatus } from '@techport/shared';

/**
 * THE deal workflow: every status change a deal can make, who may make it, and nothing else.
 * The service asks `decide` before touching a deal; a step that is not in this table is refused
 * with CONFLICT (or FORBIDDEN when the caller holds none of the roles the action ever allows)
 * and changes nothing. PRODUCT.md describes the same flow in words:
 *
 *   (none) ─PROPOSE─▶ PROPOSED ─ACCEPT─▶ ACCEPTED ─SUBMIT (at once)─▶ UNDER_REVIEW ─APPROVE─▶ APPROVED
 *   PROPOSED ─DECLINE─▶ CANCELLED            UNDER_REVIEW ─REJECT(note)─▶ REJECTED
 *   APPROVED ─SIGN (each party once; the second signature)─▶ SIGNED ─COMPLETE─▶ COMPLETED
 *   PROPOSED | ACCEPTED | UNDER_REVIEW | APPROVED ─CANCEL─▶ CANCELLED
 */
export const DealAction = {
  PROPOSE: 'PROPOSE',
  ACCEPT: 'ACCEPT',
  SUBMIT: 'SUBMIT',
  DECLINE: 'DECLINE',
  APPROVE: 'APPROVE',
  REJECT: 'REJECT',
  SIGN: 'SIGN',
  COMPLETE: 'COMPLETE',
  CANCEL: 'CANCEL',
} as const;
export type DealAction = (typeof DealAction)[keyof typeof DealAction];

/**
 * Who may take a step:
 *   PARTY         a member of the supplier or of the buyer;
 *   COUNTERPARTY  a member of the party that did not propose (and not the proposer themself);
 *   REVIEWER      a moderator whose jurisdiction covers the supplier's province (admins cover all),
 *                 who is not a member of either party (nobody reviews their own deal);
 *   SYSTEM        the platform itself, as the automatic follow-up of another step.
 */
export const DealRole = { PARTY: 'PARTY', COUNTERPARTY: 'COUNTERPARTY', REVIEWER: 'REVIEWER', SYSTEM: 'SYSTEM' } as const;
export type DealRole = (typeof DealRole)[keyof typeof DealRole];

/** What the table's guards may look at besides the status. */
export interface DealFacts {
  /** The acting party has already signed. */
  ownPartySigned: boolean;
  /** The other party has already signed. */
  otherPartySigned: boolean;
}

export interface DealTransition {
  from: DealStatus | null;
  action: DealAction;
  to: DealStatus;
  by: DealRole;
  /** The step taken automatically, in the same transaction, right after this one. */
  then?: DealAction;
  /** A note is required (a rejection must say why). */
  noteRequired?: boolean;
  /** Further condition on the facts; rows with the same from × action are tried in order. */
  when?: (facts: DealFacts) => boolean;
}

const S = DealStatus;
const A = DealAction;
const R = DealRole;

export const DEAL_TRANSITIONS: readonly DealTransition[] = [
  { from: null, action: A.PROPOSE, to: S.PROPOSED, by: R.PARTY },
  { from: S.PROPOSED, action: A.ACCEPT, to: S.ACCEPTED, by: R.COUNTERPARTY, then: A.SUBMIT },
  { from: S.ACCEPTED, action: A.SUBMIT, to: S.UNDER_REVIEW, by: R.SYSTEM },
  { from: S.PROPOSED, action: A.DECLINE, to: S.CANCELLED, by: R.COUNTERPARTY },
  { from: S.UNDER_REVIEW, action: A.APPROVE, to: S.APPROVED, by: R.REVIEWER },
  { from: S.UNDER_REVIEW, action: A.REJECT, to: S.REJECTED, by: R.REVIEWER, noteRequired: true },
  // Each party signs once; the deal is SIGNED with the second signature.
  { from: S.APPROVED, action: A.SIGN, to: S.APPROVED, by: R.PARTY, when: (f) => !f.ownPartySigned && !f.otherPartySigned },
  { from: S.APPROVED, action: A.SIGN, to: S.SIGNED, by: R.PARTY, when: (f) => !f.ownPartySigned && f.otherPartySigned },
  { from: S.SIGNED, action: A.COMPLETE, to: S.COMPLETED, by: R.PARTY },
  { from: S.PROPOSED, action: A.CANCEL, to: S.CANCELLED, by: R.PARTY },
  { from: S.ACCEPTED, action: A.CANCEL, to: S.CANCELLED, by: R.PARTY },
  { from: S.UNDER_REVIEW, action: A.CANCEL, to: S.CANCELLED, by: R.PARTY },
  { from: S.APPROVED, action: A.CANCEL, to: S.CANCELLED, by: R.PARTY },
];

/** The steps that move a deal forward and wait on a party (not cancelling): what a party's to-do lists. */
export const PARTY_NEXT_STEPS: readonly DealAction[] = [A.ACCEPT, A.SIGN, A.COMPLETE];

/** The statuses in which a deal may wait on a party's next step (from the table). */
export const AWAITING_PARTY_STATUSES: readonly DealStatus[] = [
  ...new Set(DEAL_TRANSITIONS.filter((t) => PARTY_NEXT_STEPS.includes(t.action) && t.from).map((t) => t.from as DealStatus)),
];

/** Statuses after which nothing more can happen, and a new deal may be proposed on the interest. */
export const FINAL_DEAL_STATUSES: readonly DealStatus[] = [S.CANCELLED, S.REJECTED, S.COMPLETED];

/** Statuses that count in the market's figures: the department approved them and nobody undid it. */
export const APPROVED_DEAL_STATUSES: readonly DealStatus[] = [S.APPROVED, S.SIGNED, S.COMPLETED];

export type Decision = { ok: true; transition: DealTransition } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' };

const NO_FACTS: DealFacts = { ownPartySigned: false, otherPartySigned: false };

/** Whether `action` is only ever the platform's automatic follow-up of another step. */
export function isAutomatic(action: DealAction): boolean {
  const roles = rolesFor(action);
  return roles.size === 1 && roles.has(DealRole.SYSTEM);
}

/** The roles that may ever take `action`, in any status. */
export function rolesFor(action: DealAction): Set<DealRole> {
  return new Set(DEAL_TRANSITIONS.filter((t) => t.action === action).map((t) => t.by));
}

/**
 * Whether someone holding `roles` may take `action` on a deal in `status`: FORBIDDEN when none of
 * their roles can ever take this action, CONFLICT when it is not a step from this status (or its
 * guard fails: a party signing twice), else the transition to apply.
 */
export function decide(status: DealStatus | null, action: DealAction, roles: ReadonlySet<DealRole>, facts: DealFacts = NO_FACTS): Decision {
  const allowed = rolesFor(action);
  if (![...roles].some((r) => allowed.has(r))) return { ok: false, code: 'FORBIDDEN' };
  const transition = DEAL_TRANSITIONS.find((t) => t.from === status && t.action === action && roles.has(t.by) && (!t.when || t.when(facts)));
  return transition ? { ok: true, transition } : { ok: false, code: 'CONFLICT' };
}

/** The steps someone may take now (for the storefront's buttons); never SYSTEM steps. */
export function availableActions(status: DealStatus, roles: ReadonlySet<DealRole>, facts: DealFacts): DealAction[] {
  const out = new Set<DealAction>();
  for (const t of DEAL_TRANSITIONS) {
    if (t.from === status && t.by !== R.SYSTEM && roles.has(t.by) && (!t.when || t.when(facts))) out.add(t.action);
  }
  return [...out];
}
