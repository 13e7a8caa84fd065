// Why an owner takes a published listing down: asked before archiving (it is final) and kept, in the
// owner's words, as the note of the ARCHIVE step in its history (archiveListing's note).
import { m } from '$lib/paraglide/messages';

export const ARCHIVE_REASONS = ['transferred', 'unavailable', 'other'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

export const ARCHIVE_REASON_LABELS: Record<ArchiveReason, () => string> = {
  transferred: m.manage_archiveReasonTransferred,
  unavailable: m.manage_archiveReasonUnavailable,
  other: m.manage_archiveReasonOther,
};

/** The owner's own words after the reason; the API keeps 500 characters in all. */
export const ARCHIVE_DETAILS_MAX = 400;

/** The note the history keeps: the reason, and the owner's words after it. */
export function archiveNote(reason: string, details: string): string {
  const label = (ARCHIVE_REASONS as readonly string[]).includes(reason) ? ARCHIVE_REASON_LABELS[reason as ArchiveReason]() : '';
  return [label, details.trim()].filter(Boolean).join(': ');
}
