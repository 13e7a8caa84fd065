/**
 * How a kind of moderated content plugs into the core: its entity and audit-trail table, its
 * content (what a pending revision holds), who owns an item, what owners are told, what the
 * audit log says, what the outbox announces, and optional hooks. listings/listing.kind.ts and
 * experts/expert.kind.ts are the two descriptors today; docs/engineering.md sketches a third.
 */
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { RejectionReason } from '@techport/shared';
import type { Localized } from '../../common/i18n.js';
import type { NotificationDraft } from '../notifications/notifications.service.js';
import type { OutboxMessage } from '../outbox/outbox.topics.js';
import type { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import type { ModerationStatus, WorkflowOptions } from './moderation.workflow.js';
import type { TrailTable } from './moderated.entity.js';

/** The content every kind has: a province (jurisdiction follows it, also in a pending revision). */
export interface ModeratedContent {
  provinceCode: string;
}

/** The columns the core reads and writes on every kind's table. */
export interface ModeratedItem<C extends ModeratedContent = ModeratedContent> extends ObjectLiteral {
  id: string;
  slug: string;
  status: ModerationStatus;
  version: number;
  provinceCode: string;
  /** Edits to a published item wait here until a moderator approves them. */
  pendingRevision: C | null;
  /** When the pending revision was submitted for review (null: the owner is still editing it). */
  revisionSubmittedAt: Date | null;
  submittedAt: Date | null;
  publishedAt: Date | null;
  moderationNote: string | null;
  rejectionReason: RejectionReason | null;
}

/**
 * Who owns an item: the members of an organisation (listings; owned organisations' items stay out
 * of the owner's review queue), or one user (expert profiles; next, an event's organiser).
 */
export type OwnershipPolicy<E> =
  | { kind: 'organization'; column: string; of: (item: E) => string }
  | { kind: 'user'; column: string; of: (item: E) => string };

/** The kind's own sentences (its noun and grammar differ); the shared ones live in the core. */
export interface KindMessages {
  /** The noun of NOT_FOUND ("tin" / "Listing"). */
  noun: Localized;
  /** An owner's step by someone who can see the item but does not own it. */
  notOwner: Localized;
  /** "Cannot {action} a … that is {status}." */
  cannot: Localized;
  /** "Changed by someone else (version {current}, you sent {sent})." */
  stale: Localized;
  nothingToSubmit: Localized;
  outsideJurisdiction: Localized;
  /** A moderator reviewing what they own. */
  ownItem: Localized;
}

/** The four notices an owner gets after a review (the url is added by the core). */
export interface KindNotices<E, C> {
  approved(item: E, note: string | null): Omit<NotificationDraft, 'url'>;
  rejected(item: E, notice: Localized): Omit<NotificationDraft, 'url'>;
  revisionApproved(item: E, revision: C, note: string | null): Omit<NotificationDraft, 'url'>;
  revisionRejected(item: E, notice: Localized): Omit<NotificationDraft, 'url'>;
}

/** Why the public view of an item changed: what its publication events say. */
export type PublicationCause = 'APPROVE' | 'REVISION_APPROVE' | 'ARCHIVE' | 'RENEW' | 'EXPIRE';

/** The kinds in the department's one review queue (GraphQL enum ModeratedKind). */
export type ModeratedKindCode = 'LISTING' | 'EXPERT' | 'EVENT';

export interface ModeratedKind<E extends ModeratedItem<C>, C extends ModeratedContent> {
  /** Short name, for loader keys and logs ("listing", "expert"). */
  name: string;
  /**
   * The kind in the cross-kind review queue: its code, an item's title there, the storefront page
   * where it is reviewed, and optionally what the item is within its kind ("an offer") and the
   * organisation it comes from: what a moderator reads before opening it.
   */
  review: {
    code: ModeratedKindCode;
    title(item: E, lang: 'vi' | 'en'): string;
    path(item: E): string;
    detail?(item: E, lang: 'vi' | 'en'): string;
    organizationOf?(item: E): string | null;
  };
  entity: EntityTarget<E>;
  /** The item table (slug look-ups). */
  table: string;
  /** The audit-trail table: one row per step, keyed by `itemColumn`. */
  trail: TrailTable;
  workflow: WorkflowOptions;
  ownership: OwnershipPolicy<E>;
  messages: KindMessages;
  notices: KindNotices<E, C>;
  /** The published columns as content (what a revision replaces). */
  contentOf(item: E): C;
  /** The text the slug is made from; it follows the text until the item is first published. */
  slugSource(content: C): string;
  /** The storefront path of the item's public page: where an approval's notice links. */
  url(item: E): string;
  /**
   * The storefront path where the owner manages the item (the review's reason, the edit form): where
   * a rejection's notice links, and a take-down's (the public page says nothing of either).
   */
  manageUrl(item: E): string;
  /** Writing back exactly the published text withdraws the pending revision (else it is kept as a revision). */
  sameTextWithdrawsRevision?: (a: C, b: C) => boolean;
  /**
   * Whether the item has changes waiting for review besides its text (media changes): its revision
   * is then kept even when `sameTextWithdrawsRevision` says the text is back to the published one.
   */
  pendingChangesBesidesText?: (em: EntityManager, item: E) => Promise<boolean>;
  /** The staff audit log's entry for a moderator's decision. */
  audit: {
    action: StaffAuditAction;
    targetKind: StaffAuditTargetKind;
    summary(item: E, approve: boolean, revision: boolean): Localized;
    /** What names the item in the details ({ title } / { fullName }). */
    subject(item: E): Record<string, unknown>;
  };
  /** The outbox events announcing a change of what the public sees: [topic, payload] (outbox.topics.ts). */
  publicationEvents(item: { id: string }, cause: PublicationCause): OutboxMessage[];
  /** Optional hooks. */
  hooks?: {
    /** Extra columns written on submission (the listing's quality score), read in the submission's transaction. */
    onSubmit?(item: E, content: C, em: EntityManager): Promise<Partial<E>>;
    /** Extra columns written when an item is first published (the listing's expiry). */
    onPublish?(item: E, now: Date): Partial<E>;
  };
  /** Kinds that expire (workflow.expires): when an owner may renew, and what renewing writes. */
  renewal?: {
    canRenew(item: E, now: Date): boolean;
    renewed(item: E, now: Date): Partial<E>;
    notRenewable: Localized;
  };
}
