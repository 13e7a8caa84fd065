/**
 * Who may see what of an expert profile. The workflow itself (the listing's, see PRODUCT.md) is
 * the moderated-content core's table (moderation-core/moderation.workflow.ts); expert.kind.ts
 * switches on its one difference: a person has one profile, so an ARCHIVED profile may be edited
 * and submitted again (it goes back through review) instead of being a dead end.
 */
import type { Viewer } from '../../common/auth/viewer.js';
import { canView, moderatorCovers, type ModerationFacts } from '../moderation-core/moderation.rules.js';
import { ModerationStatus } from '../moderation-core/moderation.workflow.js';

export { moderatorCovers, reviewProvince } from '../moderation-core/moderation.rules.js';

/** The moderation statuses, registered with GraphQL under the profile's own name. */
export const ExpertProfileStatus = { ...ModerationStatus } as const;
export type ExpertProfileStatus = (typeof ExpertProfileStatus)[keyof typeof ExpertProfileStatus];

/** The facts about a profile that visibility depends on. */
export interface ExpertVisibilityFacts extends ModerationFacts {
  userId: string;
}

export function isOwner(viewer: Viewer | null, e: Pick<ExpertVisibilityFacts, 'userId'>): boolean {
  return !!viewer && viewer.id === e.userId;
}

/**
 * Published profiles are public; drafts are the expert's alone; profiles in review, rejected or
 * archived are also seen by moderators covering them.
 */
export function canViewExpert(viewer: Viewer | null, e: ExpertVisibilityFacts): boolean {
  return canView(e, { owner: isOwner(viewer, e), moderator: moderatorCovers(viewer, e) });
}

/** The expert and the moderators covering the profile see its review data (notes, history, revision). */
export function isPrivileged(viewer: Viewer | null, e: ExpertVisibilityFacts): boolean {
  return isOwner(viewer, e) || moderatorCovers(viewer, e);
}
