/**
 * Expert profiles as a kind of moderated content (see moderation-core/moderated-kind.ts): owned by
 * one person, reopened after archiving (a person has one profile), announced on `expert.changed`
 * for the search index. Writing back exactly the published text withdraws a pending revision,
 * unless the revision carries media changes (added pictures, removals) that wait for the approval.
 */
import type { Localized } from '../../common/i18n.js';
import { pick } from '../../common/pick.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import { AttachmentOwnerKind } from '../media/attachment.entity.js';
import { hasPendingMediaChanges } from '../media/pending-media.js';
import type { ModeratedKind } from '../moderation-core/moderated-kind.js';
import { approvalNote } from '../moderation-core/moderation.labels.js';
import { ExpertProfileEntity, EXPERT_TRAIL, type ExpertContent } from './expert.entity.js';
import { EXPERT_CHANGED_TOPIC } from './expert-index.js';
import catalogue from './expert.kind.messages.json' with { type: 'json' };

/** An expert profile's content: the columns a pending revision holds, in the order it is written. */
const EXPERT_CONTENT_FIELDS = ['fullName', 'headline', 'bio', 'fieldCodes', 'services', 'pastTransfers', 'provinceCode', 'organizationId'] as const;

export function contentOf(e: ExpertProfileEntity): ExpertContent {
  return pick(e, EXPERT_CONTENT_FIELDS);
}

function contentKey(c: ExpertContent) {
  return [c.fullName, c.headline, c.bio, c.fieldCodes, c.services, c.pastTransfers, c.provinceCode, c.organizationId ?? null];
}

export const EXPERT_MESSAGES = catalogue satisfies Record<string, Localized>;

export const expertKind: ModeratedKind<ExpertProfileEntity, ExpertContent> = {
  name: 'expert',
  review: { code: 'EXPERT', title: (e) => e.fullName, path: (e) => `/moderation/experts/${e.id}`, organizationOf: (e) => e.organizationId },
  entity: ExpertProfileEntity,
  table: 'expert_profile',
  trail: EXPERT_TRAIL,
  workflow: { expires: false, reopensArchived: true },
  ownership: { kind: 'user', column: 'user_id', of: (e) => e.userId },
  messages: EXPERT_MESSAGES,
  contentOf,
  slugSource: (c) => c.fullName,
  url: (e) => `/experts/${e.slug}`,
  manageUrl: () => '/dashboard/expert',
  sameTextWithdrawsRevision: (a, b) => JSON.stringify(contentKey(a)) === JSON.stringify(contentKey(b)),
  pendingChangesBesidesText: (em, e) => hasPendingMediaChanges(em, AttachmentOwnerKind.EXPERT, e.id),
  notices: {
    approved: (e, note) => ({
      kind: 'EXPERT_PROFILE_APPROVED',
      title: { vi: 'Hồ sơ chuyên gia của bạn đã được duyệt', en: 'Your expert profile was approved' },
      body: {
        vi: `Hồ sơ "${e.fullName}" đã được Sở KH&CN duyệt và hiển thị công khai.${approvalNote(note).vi}`,
        en: `The profile "${e.fullName}" was approved by the department and is now public.${approvalNote(note).en}`,
      },
    }),
    rejected: (_e, notice) => ({
      kind: 'EXPERT_PROFILE_REJECTED',
      title: { vi: 'Hồ sơ chuyên gia của bạn bị từ chối', en: 'Your expert profile was rejected' },
      body: { vi: `${notice.vi} Hãy sửa hồ sơ rồi gửi duyệt lại.`, en: `${notice.en} Edit the profile and submit it again.` },
    }),
    revisionApproved: (_e, _revision, note) => ({
      kind: 'EXPERT_REVISION_APPROVED',
      title: { vi: 'Bản cập nhật hồ sơ chuyên gia đã được duyệt', en: 'Your expert profile revision was approved' },
      body: {
        vi: `Nội dung mới của hồ sơ đã được hiển thị công khai.${approvalNote(note).vi}`,
        en: `The profile's new text is now public.${approvalNote(note).en}`,
      },
    }),
    revisionRejected: (_e, notice) => ({
      kind: 'EXPERT_REVISION_REJECTED',
      title: { vi: 'Bản cập nhật hồ sơ chuyên gia bị từ chối', en: 'Your expert profile revision was rejected' },
      body: { vi: `Hồ sơ vẫn hiển thị nội dung cũ. ${notice.vi}`, en: `The profile keeps its published text. ${notice.en}` },
    }),
  },
  audit: {
    action: StaffAuditAction.EXPERT_MODERATED,
    targetKind: StaffAuditTargetKind.EXPERT,
    summary: (e, approve, revision) => ({
      vi: `${approve ? 'Duyệt' : 'Từ chối'} ${revision ? 'bản cập nhật hồ sơ' : 'hồ sơ'} chuyên gia «${e.fullName}»`,
      en: `${approve ? 'Approved' : 'Rejected'} ${revision ? 'the changes to the expert profile of' : 'the expert profile of'} «${e.fullName}»`,
    }),
    subject: (e) => ({ fullName: e.fullName }),
  },
  publicationEvents: (e) => [[EXPERT_CHANGED_TOPIC, { expertId: e.id }]],
};
