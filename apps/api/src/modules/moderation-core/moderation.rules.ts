/**
 * Who sees and reviews moderated content, and what a moderator's decision must carry: pure
 * functions shared by every kind (the core service applies them inside its transactions).
 */
import { ModerationDecision, RejectionReason } from '@techport/shared';
import { coversProvince, type Viewer } from '../../common/auth/viewer.js';
import { Errors } from '../../common/errors.js';
import { groupedNumber, type Localized } from '../../common/i18n.js';
import { ModerationStatus } from './moderation.workflow.js';

export const MAX_MODERATION_NOTE = 2000;

/** The facts about an item that visibility and jurisdiction depend on. */
export interface ModerationFacts {
  status: ModerationStatus | string;
  provinceCode: string;
  pendingRevision: { provinceCode: string } | null;
  revisionSubmittedAt: Date | null;
}

/** Who the caller is with respect to one item. */
export interface ModerationAccess {
  /** Named by the kind's ownership policy (a member of the owning organisation, the profile's person…). */
  owner: boolean;
  /** A moderator whose jurisdiction covers the item (or the revision under review). */
  moderator: boolean;
}

export const NO_ACCESS: ModerationAccess = { owner: false, moderator: false };

/** Whether anyone may open the item's page: published (expired listings too, marked as such). */
export function isPubliclyVisible(item: { status: ModerationStatus | string }): boolean {
  return item.status === ModerationStatus.PUBLISHED;
}

/** A moderator whose jurisdiction covers the item, or the province its pending revision moves it to. */
export function moderatorCovers(viewer: Viewer | null, item: ModerationFacts): boolean {
  return coversProvince(viewer, item.provinceCode) || (!!item.pendingRevision && coversProvince(viewer, item.pendingRevision.provinceCode));
}

/** The province a review is about: the revision's when a revision is under review (it may move the item). */
export function reviewProvince(item: ModerationFacts): string {
  return item.status === ModerationStatus.PUBLISHED && item.revisionSubmittedAt && item.pendingRevision ? item.pendingRevision.provinceCode : item.provinceCode;
}

/**
 * When what waits for review was sent: the item's submission, or a published item's pending
 * revision; null when nothing waits. The review queue orders by the same rule in SQL
 * (moderation-queue.ts applyModerationQueue, `queued_at`).
 */
export function queuedForReviewAt(item: { status: ModerationStatus | string; submittedAt: Date | null; revisionSubmittedAt: Date | null }): Date | null {
  if (item.status === ModerationStatus.PENDING_REVIEW) return item.submittedAt;
  return item.status === ModerationStatus.PUBLISHED ? item.revisionSubmittedAt : null;
}

/**
 * A published item's pending revision that the last review declined and that has not been sent
 * again since (the owner is to fix it: the item's rejectionReason and moderationNote say why).
 * `revisionDeclinedSql` is the same rule in SQL.
 */
export function revisionDeclined(item: { status: ModerationStatus | string; pendingRevision: unknown; revisionSubmittedAt: Date | null; rejectionReason: string | null }): boolean {
  return item.status === ModerationStatus.PUBLISHED && !!item.pendingRevision && !item.revisionSubmittedAt && !!item.rejectionReason;
}

/** revisionDeclined over the kind's table `alias`. */
export function revisionDeclinedSql(alias: string): string {
  return `(${alias}.status = '${ModerationStatus.PUBLISHED}' AND ${alias}.pending_revision IS NOT NULL AND ${alias}.revision_submitted_at IS NULL AND ${alias}.rejection_reason IS NOT NULL)`;
}

/**
 * Drafts are seen by their owners only; items in review, rejected or archived also by moderators
 * covering them; published ones by everyone.
 */
export function canView(item: ModerationFacts, access: ModerationAccess): boolean {
  if (access.owner || isPubliclyVisible(item)) return true;
  return access.moderator && item.status !== ModerationStatus.DRAFT;
}

const M = {
  noteRequired: { vi: 'Hãy ghi chú cho bên đăng tin biết cần sửa gì.', en: 'Write a note telling the owner what to fix.' },
  noteTooLong: { vi: `Ghi chú dài tối đa ${groupedNumber(MAX_MODERATION_NOTE).vi} ký tự.`, en: `The note must be at most ${groupedNumber(MAX_MODERATION_NOTE).en} characters long.` },
} satisfies Record<string, Localized>;

/**
 * Checks a moderator's decision arguments (a rejection needs a note, its reason defaults to OTHER;
 * notes are bounded) and returns the trimmed note.
 */
export function moderationInput(
  decision: ModerationDecision,
  noteInput: string | null | undefined,
  reason: RejectionReason | null | undefined,
): { note: string | null; rejectionReason: RejectionReason | null } {
  const note = noteInput?.trim() || null;
  const problems: Record<string, Localized> = {};
  if (note && note.length > MAX_MODERATION_NOTE) problems.note = M.noteTooLong;
  // The contract's calls have no required reason (moderateListing(id, decision, note)): a rejection
  // without one is filed under OTHER, and the note is what the owner reads.
  if (decision === ModerationDecision.REJECT && !note) problems.note = M.noteRequired;
  if (Object.keys(problems).length) throw Errors.badInput(problems);
  return { note, rejectionReason: decision === ModerationDecision.REJECT ? (reason ?? RejectionReason.OTHER) : null };
}
