/**
 * The words of moderation, defined once for every kind: status labels, the verbs of the steps
 * (for "cannot … in status …"), rejection reasons and the notice an owner reads after a rejection.
 */
import { RejectionReason } from '@techport/shared';
import { sentence, type Localized } from '../../common/i18n.js';
import type { ModerationStatus } from './moderation.workflow.js';

export const STATUS_LABELS: Record<ModerationStatus, Localized> = {
  DRAFT: { vi: 'bản nháp', en: 'draft' },
  PENDING_REVIEW: { vi: 'chờ duyệt', en: 'pending review' },
  PUBLISHED: { vi: 'đã đăng', en: 'published' },
  REJECTED: { vi: 'bị từ chối', en: 'rejected' },
  ARCHIVED: { vi: 'đã lưu trữ', en: 'archived' },
};

/** The verbs of "cannot {action} … {status}" refusals. */
export const ACTION_VERBS = {
  edit: { vi: 'sửa', en: 'edit' },
  submit: { vi: 'gửi duyệt', en: 'submit' },
  archive: { vi: 'lưu trữ', en: 'archive' },
  moderate: { vi: 'duyệt', en: 'review' },
} satisfies Record<string, Localized>;
export type ActionVerb = keyof typeof ACTION_VERBS;

export const REJECTION_REASON_LABELS: Record<RejectionReason, Localized> = {
  INCOMPLETE: { vi: 'Thông tin chưa đầy đủ', en: 'Incomplete information' },
  NOT_A_TECHNOLOGY: { vi: 'Không phải là công nghệ', en: 'Not a technology' },
  DUPLICATE: { vi: 'Trùng với tin đã có', en: 'Duplicate of an existing listing' },
  MISLEADING: { vi: 'Nội dung gây hiểu lầm', en: 'Misleading content' },
  OTHER: { vi: 'Lý do khác', en: 'Other reason' },
};

/**
 * What the owner reads when a moderator rejects an item: the reason (left out when it is only
 * "other", the default when a moderator gives none) and the moderator's note, each a full
 * sentence with one full stop however the note ends.
 */
export function rejectionNotice(reason: RejectionReason | null, note: string | null): Localized {
  const label = reason && reason !== RejectionReason.OTHER ? REJECTION_REASON_LABELS[reason] : null;
  const render = (lang: 'vi' | 'en') =>
    [
      label ? `${lang === 'vi' ? 'Lý do' : 'Reason'}: ${sentence(label[lang])}` : null,
      note ? `${lang === 'vi' ? 'Ghi chú của Sở KH&CN' : "The department's note"}: ${sentence(note)}` : null,
    ]
      .filter(Boolean)
      .join(' ');
  return { vi: render('vi'), en: render('en') };
}

/** " Ghi chú: …" / " Note: …" after an approval notice, or nothing without a note. */
export function approvalNote(note: string | null): Localized {
  return { vi: note ? ` Ghi chú: ${sentence(note)}` : '', en: note ? ` Note: ${sentence(note)}` : '' };
}
