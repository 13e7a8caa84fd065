/**
 * Every outbox topic and the payload its events carry, in one place: `OutboxService.publish` and
 * `register` take their types from here, so a publisher and its subscribers cannot disagree on a
 * payload. A new topic is a new line here (and its name as a constant beside its publisher).
 */
import type { AccountEmail } from '../accounts/account-mail.service.js';

export interface OutboxTopics {
  /** What the public sees of a listing changed (search index). */
  'listing.changed': { listingId: string };
  /** A listing became public: approved, or renewed (match alerts). */
  'listing.published': { listingId: string; reason: 'APPROVE' | 'RENEW' };
  /** What the public sees of an expert profile changed (search index). */
  'expert.changed': { expertId: string };
  /** What the public sees of a Techmart event changed (approved, revision approved, archived). */
  'event.changed': { eventId: string };
  /** The organiser asked for a run of the meeting scheduler (events/meeting-scheduler.service.ts). */
  'event.schedule': { runId: string };
  /** An admin disabled an account: what the person published in their own name comes down (their expert profile). */
  'account.disabled': { userId: string };
  /** An organisation's public facts changed (search documents that show them). */
  'organization.changed': { organizationId: string };
  /** Notifications to send by e-mail. */
  'notification.email': { notificationIds: string[] };
  /** An account e-mail (activation, password reset, invitation…). */
  'account.email': AccountEmail;
  /** An attachment's file was stored: derivatives (images) and text (PDFs) are made by the media worker. */
  'media.stored': { attachmentId: string };
  /** Stored files (by content hash) that an attachment stopped using: deleted once none uses them. */
  'media.released': { sha256: string[] };
}

export type OutboxTopic = keyof OutboxTopics;

/** One event to publish: a topic and its payload, checked together. */
export type OutboxMessage = { [T in OutboxTopic]: [T, OutboxTopics[T]] }[OutboxTopic];
