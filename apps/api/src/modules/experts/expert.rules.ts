/**
 * The expert profile's rules as pure functions: its workflow (the listing's, see PRODUCT.md) and
 * who may see what. The service applies them inside its transactions.
 *
 * Workflow: DRAFT → submit → PENDING_REVIEW → approve → PUBLISHED → archive → ARCHIVED;
 * PENDING_REVIEW → reject → REJECTED → edit → submit again. Editing a PUBLISHED profile stores a
 * pending revision (the published text stays public until a moderator approves the revision), as
 * for listings. One difference: a person has one profile, so an ARCHIVED profile may be edited and
 * submitted again (it goes back through review) instead of being a dead end.
 */
import { ListingStatus } from '@techport/shared';
import { coversProvince, type Viewer } from '../../common/auth/viewer.js';
import type { Localized } from '../../common/i18n.js';
import type { ExpertContent } from './expert.entity.js';

/** The same values as ListingStatus, registered with GraphQL under their own name. */
export const ExpertProfileStatus = { ...ListingStatus } as const;
export type ExpertProfileStatus = (typeof ExpertProfileStatus)[keyof typeof ExpertProfileStatus];

/** What the audit trail records (expert_profile_event.action). */
export const ExpertAction = {
  CREATE: 'CREATE',
  UPDATE: 'UPDATE',
  SUBMIT: 'SUBMIT',
  APPROVE: 'APPROVE',
  REJECT: 'REJECT',
  ARCHIVE: 'ARCHIVE',
  REVISION_UPDATE: 'REVISION_UPDATE',
  REVISION_SUBMIT: 'REVISION_SUBMIT',
  REVISION_APPROVE: 'REVISION_APPROVE',
  REVISION_REJECT: 'REVISION_REJECT',
} as const;
export type ExpertAction = (typeof ExpertAction)[keyof typeof ExpertAction];

/** Statuses in which the expert edits the profile itself (PUBLISHED edits go to a pending revision). */
export const EDITABLE_STATUSES: readonly ExpertProfileStatus[] = [ExpertProfileStatus.DRAFT, ExpertProfileStatus.REJECTED, ExpertProfileStatus.ARCHIVED];
/** Statuses from which the profile may be submitted for review. */
export const SUBMITTABLE_STATUSES: readonly ExpertProfileStatus[] = [ExpertProfileStatus.DRAFT, ExpertProfileStatus.REJECTED, ExpertProfileStatus.ARCHIVED];

export const EXPERT_STATUS_LABELS: Record<ExpertProfileStatus, Localized> = {
  DRAFT: { vi: 'bản nháp', en: 'draft' },
  PENDING_REVIEW: { vi: 'chờ duyệt', en: 'pending review' },
  PUBLISHED: { vi: 'đã đăng', en: 'published' },
  REJECTED: { vi: 'bị từ chối', en: 'rejected' },
  ARCHIVED: { vi: 'đã lưu trữ', en: 'archived' },
};

/** The facts about a profile that visibility depends on. */
export interface ExpertVisibilityFacts {
  userId: string;
  status: ExpertProfileStatus | string;
  provinceCode: string;
  pendingRevision: Pick<ExpertContent, 'provinceCode'> | null;
  revisionSubmittedAt: Date | null;
}

export function isOwner(viewer: Viewer | null, e: Pick<ExpertVisibilityFacts, 'userId'>): boolean {
  return !!viewer && viewer.id === e.userId;
}

/** A moderator whose jurisdiction covers the profile (or the province its revision moves it to). */
export function moderatorCovers(viewer: Viewer | null, e: ExpertVisibilityFacts): boolean {
  return coversProvince(viewer, e.provinceCode) || (!!e.pendingRevision && coversProvince(viewer, e.pendingRevision.provinceCode));
}

/** The province a review is about: the revision's when a revision is under review. */
export function reviewProvince(e: ExpertVisibilityFacts): string {
  return e.status === ExpertProfileStatus.PUBLISHED && e.revisionSubmittedAt && e.pendingRevision ? e.pendingRevision.provinceCode : e.provinceCode;
}

/**
 * Published profiles are public; drafts are the expert's alone; profiles in review, rejected or
 * archived are also seen by moderators covering them.
 */
export function canViewExpert(viewer: Viewer | null, e: ExpertVisibilityFacts): boolean {
  if (e.status === ExpertProfileStatus.PUBLISHED || isOwner(viewer, e)) return true;
  return e.status !== ExpertProfileStatus.DRAFT && moderatorCovers(viewer, e);
}

/** The expert and the moderators covering the profile see its review data (notes, history, revision). */
export function isPrivileged(viewer: Viewer | null, e: ExpertVisibilityFacts): boolean {
  return isOwner(viewer, e) || moderatorCovers(viewer, e);
}
