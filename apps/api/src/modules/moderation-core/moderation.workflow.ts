/**
 * THE workflow of moderated content (listings, expert profiles, next Techmart events): every
 * status change an item can make, who may make it, and nothing else. Pure (no framework, no I/O),
 * like deals/deal.workflow.ts. The core service asks `decide` before touching an item; a step
 * that is not in the table is refused and changes nothing.
 *
 *   (none) ─CREATE─▶ DRAFT ─SUBMIT─▶ PENDING_REVIEW ─APPROVE─▶ PUBLISHED ─ARCHIVE─▶ ARCHIVED
 *   PENDING_REVIEW ─REJECT(note)─▶ REJECTED ─EDIT…─SUBMIT─▶ PENDING_REVIEW
 *   PENDING_REVIEW ─WITHDRAW (owner)─▶ DRAFT: out of the review queue, editable, to submit again
 *   PUBLISHED ─EDIT─▶ PUBLISHED with a pending revision ─SUBMIT─▶ revision in review
 *             ─APPROVE─▶ the revision becomes the published text; ─REJECT─▶ kept for the owner to fix
 *             ─WITHDRAW (owner)─▶ the revision is not submitted any more (a draft revision again)
 *   Kinds that expire: PUBLISHED ─EXPIRE (system)─▶ PUBLISHED, marked expired; ─RENEW─▶ another term.
 *   Kinds that reopen archived items (a person's one profile): ARCHIVED ─EDIT / SUBMIT─▶ as a draft.
 */
import { ListingStatus } from '@techport/shared';

/** The statuses every moderated kind goes through (the same values as ListingStatus). */
export const ModerationStatus = ListingStatus;
export type ModerationStatus = ListingStatus;

/** `{ X: 'X' }` for each name: the enum-like objects below. */
function named<const N extends string>(...names: N[]): { readonly [K in N]: K } {
  return Object.fromEntries(names.map((n) => [n, n])) as { [K in N]: K };
}

/** The steps of the table (an owner's, a moderator's or the system's). */
export const ModerationAction = named('CREATE', 'EDIT', 'SUBMIT', 'WITHDRAW', 'APPROVE', 'REJECT', 'ARCHIVE', 'EXPIRE', 'RENEW');
export type ModerationAction = (typeof ModerationAction)[keyof typeof ModerationAction];

/**
 * What the audit trail records (listing_event.action, expert_profile_event.action…): the step,
 * with an edit recorded as UPDATE, and the REVISION_ variants for steps on a pending revision.
 */
export const AuditAction = named(
  'CREATE', 'UPDATE', 'SUBMIT', 'WITHDRAW', 'APPROVE', 'REJECT', 'ARCHIVE', 'EXPIRE', 'RENEW',
  'REVISION_UPDATE', 'REVISION_SUBMIT', 'REVISION_WITHDRAW', 'REVISION_APPROVE', 'REVISION_REJECT',
);
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

/**
 * Who may take a step:
 *   OWNER      whoever the kind's ownership policy names (the organisation's members, the one user…);
 *   MODERATOR  a moderator whose jurisdiction covers the item (or the revision under review), who
 *              does not own it (nobody reviews their own content);
 *   SYSTEM     the platform itself (expiry; taking down what a disabled account published).
 */
export const ModerationRole = { OWNER: 'OWNER', MODERATOR: 'MODERATOR', SYSTEM: 'SYSTEM' } as const;
export type ModerationRole = (typeof ModerationRole)[keyof typeof ModerationRole];

/** Where a published item's pending revision stands: what the revision steps depend on. */
export type RevisionState = 'NONE' | 'DRAFT' | 'SUBMITTED';

export function revisionState(item: { pendingRevision: unknown; revisionSubmittedAt: Date | null }): RevisionState {
  if (!item.pendingRevision) return 'NONE';
  return item.revisionSubmittedAt ? 'SUBMITTED' : 'DRAFT';
}

/** Why a step was refused (each has its message in moderation.labels.ts or the kind's messages). */
export type Refusal = 'FORBIDDEN' | 'WRONG_STATUS' | 'NOTHING_TO_SUBMIT' | 'REVISION_ALREADY_SUBMITTED' | 'REVISION_UNDER_REVIEW' | 'NOTHING_TO_WITHDRAW';

export interface ModerationTransition {
  from: ModerationStatus | null;
  action: ModerationAction;
  to: ModerationStatus;
  by: ModerationRole;
  /** The row the audit trail records. */
  audit: AuditAction;
  /** The step is about the pending revision (kept beside the published text), not the item. */
  revision?: boolean;
  /** The revision states in which the step applies (all when absent). */
  when?: readonly RevisionState[];
  /** Refusals for the other revision states, when they deserve more than WRONG_STATUS. */
  otherwise?: Partial<Record<RevisionState, Refusal>>;
  /** A note is required (a rejection must say why). */
  noteRequired?: boolean;
}

/** What a kind chooses about the workflow (its descriptor says it). */
export interface WorkflowOptions {
  /** Published items expire and are renewed (listings). */
  expires: boolean;
  /** An archived item may be edited and submitted again (a person's one expert profile). */
  reopensArchived: boolean;
}

const S = ModerationStatus;
const A = ModerationAction;
const R = ModerationRole;
const W = AuditAction;

const BASE: readonly ModerationTransition[] = [
  { from: null, action: A.CREATE, to: S.DRAFT, by: R.OWNER, audit: W.CREATE },
  { from: S.DRAFT, action: A.EDIT, to: S.DRAFT, by: R.OWNER, audit: W.UPDATE },
  { from: S.REJECTED, action: A.EDIT, to: S.REJECTED, by: R.OWNER, audit: W.UPDATE },
  // Edits to a published item become (or replace) its pending revision; not while it is reviewed.
  { from: S.PUBLISHED, action: A.EDIT, to: S.PUBLISHED, by: R.OWNER, audit: W.REVISION_UPDATE, revision: true, when: ['NONE', 'DRAFT'], otherwise: { SUBMITTED: 'REVISION_UNDER_REVIEW' } },
  { from: S.DRAFT, action: A.SUBMIT, to: S.PENDING_REVIEW, by: R.OWNER, audit: W.SUBMIT },
  { from: S.REJECTED, action: A.SUBMIT, to: S.PENDING_REVIEW, by: R.OWNER, audit: W.SUBMIT },
  {
    from: S.PUBLISHED, action: A.SUBMIT, to: S.PUBLISHED, by: R.OWNER, audit: W.REVISION_SUBMIT, revision: true,
    when: ['DRAFT'], otherwise: { NONE: 'NOTHING_TO_SUBMIT', SUBMITTED: 'REVISION_ALREADY_SUBMITTED' },
  },
  // The owner takes a submission back before a decision (to fix it): out of the review queue.
  { from: S.PENDING_REVIEW, action: A.WITHDRAW, to: S.DRAFT, by: R.OWNER, audit: W.WITHDRAW },
  {
    from: S.PUBLISHED, action: A.WITHDRAW, to: S.PUBLISHED, by: R.OWNER, audit: W.REVISION_WITHDRAW, revision: true,
    when: ['SUBMITTED'], otherwise: { NONE: 'NOTHING_TO_WITHDRAW', DRAFT: 'NOTHING_TO_WITHDRAW' },
  },
  { from: S.PENDING_REVIEW, action: A.APPROVE, to: S.PUBLISHED, by: R.MODERATOR, audit: W.APPROVE },
  { from: S.PENDING_REVIEW, action: A.REJECT, to: S.REJECTED, by: R.MODERATOR, audit: W.REJECT, noteRequired: true },
  { from: S.PUBLISHED, action: A.APPROVE, to: S.PUBLISHED, by: R.MODERATOR, audit: W.REVISION_APPROVE, revision: true, when: ['SUBMITTED'] },
  { from: S.PUBLISHED, action: A.REJECT, to: S.PUBLISHED, by: R.MODERATOR, audit: W.REVISION_REJECT, revision: true, when: ['SUBMITTED'], noteRequired: true },
  // Archiving drops a pending revision with it.
  { from: S.PUBLISHED, action: A.ARCHIVE, to: S.ARCHIVED, by: R.OWNER, audit: W.ARCHIVE },
  // The platform takes a published item down when what stands behind it went (its person's account was disabled).
  { from: S.PUBLISHED, action: A.ARCHIVE, to: S.ARCHIVED, by: R.SYSTEM, audit: W.ARCHIVE },
];

const EXPIRY: readonly ModerationTransition[] = [
  { from: S.PUBLISHED, action: A.EXPIRE, to: S.PUBLISHED, by: R.SYSTEM, audit: W.EXPIRE },
  // Whether the item is near enough its expiry is the kind's clock rule (listing.rules canRenew).
  { from: S.PUBLISHED, action: A.RENEW, to: S.PUBLISHED, by: R.OWNER, audit: W.RENEW },
];

const REOPEN_ARCHIVED: readonly ModerationTransition[] = [
  { from: S.ARCHIVED, action: A.EDIT, to: S.ARCHIVED, by: R.OWNER, audit: W.UPDATE },
  { from: S.ARCHIVED, action: A.SUBMIT, to: S.PENDING_REVIEW, by: R.OWNER, audit: W.SUBMIT },
];

/** The table of one kind: the shared rows plus those its options switch on. */
export function moderationTransitions(options: WorkflowOptions): readonly ModerationTransition[] {
  return [...BASE, ...(options.expires ? EXPIRY : []), ...(options.reopensArchived ? REOPEN_ARCHIVED : [])];
}

export type Decision = { ok: true; transition: ModerationTransition } | { ok: false; refusal: Refusal };

/**
 * Whether `role` may take `action` on an item in `status` (null: not created yet) whose revision
 * is in `revision`: FORBIDDEN when the role never takes this action; a specific refusal when the
 * step exists from this status but not in this revision state; WRONG_STATUS otherwise.
 */
export function decide(
  table: readonly ModerationTransition[],
  status: ModerationStatus | null,
  action: ModerationAction,
  role: ModerationRole,
  revision: RevisionState = 'NONE',
): Decision {
  const rows = table.filter((t) => t.action === action && t.by === role);
  if (!rows.length) return { ok: false, refusal: 'FORBIDDEN' };
  const fromHere = rows.filter((t) => t.from === status);
  const transition = fromHere.find((t) => !t.when || t.when.includes(revision));
  if (transition) return { ok: true, transition };
  for (const t of fromHere) {
    const refusal = t.otherwise?.[revision];
    if (refusal) return { ok: false, refusal };
  }
  return { ok: false, refusal: 'WRONG_STATUS' };
}


/** One step of a story told through the table (the demo seed's histories; imports of old records). */
export interface StoryStep {
  action: ModerationAction;
  role: ModerationRole;
  revision?: RevisionState;
  actorId: string | null;
  at: Date;
  note?: string | null;
  reason?: string | null;
}

/** A step of a story as the table answered it: the audit-trail row to write. */
export interface TrailRow {
  actorId: string | null;
  action: AuditAction;
  from: ModerationStatus | null;
  to: ModerationStatus;
  note: string | null;
  reason: string | null;
  at: Date;
}

/**
 * Tells a whole story through the table from "not created yet": each step must be one the table
 * allows from where the previous one left the item (throws otherwise), so a history written from
 * a story is one the API could have written. The last row's `to` is the item's status.
 */
export function replay(table: readonly ModerationTransition[], steps: readonly StoryStep[]): TrailRow[] {
  const rows: TrailRow[] = [];
  let status: ModerationStatus | null = null;
  for (const s of steps) {
    const d = decide(table, status, s.action, s.role, s.revision ?? 'NONE');
    if (!d.ok) throw new Error(`${s.action} by ${s.role} from ${status ?? 'nothing'} is not a step of the workflow (${d.refusal})`);
    rows.push({ actorId: s.actorId, action: d.transition.audit, from: status, to: d.transition.to, note: s.note ?? null, reason: s.reason ?? null, at: s.at });
    status = d.transition.to;
  }
  return rows;
}
