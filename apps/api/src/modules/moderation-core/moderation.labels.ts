/**
 * The words of moderation, defined once for every kind: the verbs of the steps (for "cannot …
 * in status …") and the notice an owner reads after a rejection. The statuses' and rejection
 * reasons' labels themselves are libs/shared/src/labels.ts (one source with the storefront).
 */
import { LISTING_STATUS_LABELS, REJECTION_REASON_LABELS, RejectionReason } from '@techport/shared';
import { sentence, type Localized } from '../../common/i18n.js';
import type { ModerationStatus } from './moderation.workflow.js';
import catalogue from './moderation.labels.messages.json' with { type: 'json' };

/** A status in the middle of a sentence ("… ở trạng thái bản nháp"): its label, lowercased. */
export function statusInSentence(status: ModerationStatus): Localized {
  const l = LISTING_STATUS_LABELS[status];
  return { vi: l.vi.toLowerCase(), en: l.en.toLowerCase() };
}

/** The verbs of "cannot {action} … {status}" refusals. */
export const ACTION_VERBS = catalogue satisfies Record<string, Localized>;
export type ActionVerb = keyof typeof ACTION_VERBS;

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
