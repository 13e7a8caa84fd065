/**
 * Names of the contract's enums in the page's language, and the lists the forms offer. The
 * contract enums' labels are libs/shared/src/labels.ts, the one source the API's facets, e-mails
 * and exports read too; the storefront's own enums (attachments, review queue, audit trail) are
 * Paraglide messages like every other visible word.
 */
import { enumLabel, trlLevelLabel, type LabelledEnum } from '@techport/shared';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type {
  AttachmentKind,
  DealStatus,
  InterestStatus,
  IpStatus,
  ListingKind,
  ListingStatus,
  ModeratedKind,
  OrganizationKind,
  RejectionReason,
  Role,
  SearchSort,
  TransferMode,
} from '$lib/graphql/types';

export const TRANSFER_MODES: readonly TransferMode[] = ['LICENSING', 'ASSIGNMENT', 'JOINT_VENTURE', 'TECHNICAL_SERVICE', 'EQUIPMENT_SUPPLY', 'TURNKEY', 'CONSULTING'];
export const IP_STATUSES: readonly IpStatus[] = ['PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'KNOW_HOW', 'COPYRIGHT', 'NONE'];
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = ['ENTERPRISE', 'RESEARCH_INSTITUTE', 'UNIVERSITY', 'INTERMEDIARY', 'INVESTOR', 'GOVERNMENT', 'OTHER'];
export const LISTING_STATUSES: readonly ListingStatus[] = ['DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'ARCHIVED'];
export const DEAL_STATUSES: readonly DealStatus[] = ['PROPOSED', 'ACCEPTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'SIGNED', 'COMPLETED', 'CANCELLED'];
export const SEARCH_SORTS: readonly SearchSort[] = ['RELEVANCE', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'TRL_DESC'];
export const REJECTION_REASONS: readonly RejectionReason[] = ['INCOMPLETE', 'NOT_A_TECHNOLOGY', 'DUPLICATE', 'MISLEADING', 'OTHER'];
/** The reasons a moderator may give for a kind: "not a technology" is said of a listing only. */
export function rejectionReasonsFor(kind: 'listing' | 'expert' | 'event'): readonly RejectionReason[] {
  return kind === 'listing' ? REJECTION_REASONS : REJECTION_REASONS.filter((r) => r !== 'NOT_A_TECHNOLOGY');
}
export const ROLES: readonly Role[] = ['MEMBER', 'MODERATOR', 'ADMIN'];

function lang(): 'vi' | 'en' {
  return getLocale() === 'en' ? 'en' : 'vi';
}

function label(name: LabelledEnum, value: string): string {
  return enumLabel(name, value, lang());
}

export function transferModeLabel(v: TransferMode): string {
  return label('TransferMode', v);
}

export function ipStatusLabel(v: IpStatus): string {
  return label('IpStatus', v);
}

export function organizationKindLabel(v: OrganizationKind): string {
  return label('OrganizationKind', v);
}

export function attachmentKindLabel(v: AttachmentKind): string {
  return { IMAGE: m.media_kindImage, DOCUMENT: m.media_kindDocument, VIDEO: m.media_kindVideo, VIDEO_LINK: m.media_kindVideoLink }[v]?.() ?? v;
}

export function listingKindLabel(v: ListingKind): string {
  return label('ListingKind', v);
}

export function moderatedKindLabel(v: ModeratedKind): string {
  return { LISTING: m.reviewQueue_kind_LISTING, EXPERT: m.reviewQueue_kind_EXPERT, EVENT: m.reviewQueue_kind_EVENT }[v]?.() ?? v;
}

/** What one item of the review queue is (moderatedKindLabel names the kind as a filter: "Listings"). */
export function moderatedItemLabel(v: ModeratedKind): string {
  return { LISTING: m.reviewQueue_item_LISTING, EXPERT: m.reviewQueue_item_EXPERT, EVENT: m.reviewQueue_item_EVENT }[v]?.() ?? v;
}

export function listingStatusLabel(v: ListingStatus): string {
  return label('ListingStatus', v);
}

export function dealStatusLabel(v: DealStatus): string {
  return label('DealStatus', v);
}

/** The side that proposed a deal: its organisation's name, "(you)" after it when it is the viewer's (the deal page, a conversation's deals). */
export function dealProposerLabel(org: { name: string; viewerIsMember: boolean }): string {
  return org.viewerIsMember ? `${org.name} (${m.deal_you()})` : org.name;
}

export function interestStatusLabel(v: InterestStatus): string {
  return label('InterestStatus', v);
}

export function sortLabel(v: SearchSort): string {
  return label('SearchSort', v);
}

export function rejectionReasonLabel(v: RejectionReason): string {
  return label('RejectionReason', v);
}

export function roleLabel(v: Role): string {
  return label('Role', v);
}

/** A person's role in an organisation (OrganizationMember.role, Organization.viewerRole): OWNER or MEMBER. */
export function memberRoleLabel(role: string): string {
  return role === 'OWNER' ? m.org_roleOwner() : m.org_roleMember();
}

/** Readiness levels (TRL 1–9): "TRL 6 – …", the level and its name. */
export function trlLabel(level: number): string {
  return trlLevelLabel(level, lang());
}

/** The audit trail's actions (listing_event.action). */
export function listingActionLabel(action: string): string {
  const map: Record<string, () => string> = {
    CREATE: m.listingAction_CREATE,
    UPDATE: m.listingAction_UPDATE,
    SUBMIT: m.listingAction_SUBMIT,
    WITHDRAW: m.listingAction_WITHDRAW,
    APPROVE: m.listingAction_APPROVE,
    REJECT: m.listingAction_REJECT,
    ARCHIVE: m.listingAction_ARCHIVE,
    EXPIRE: m.listingAction_EXPIRE,
    RENEW: m.listingAction_RENEW,
    REVISION_UPDATE: m.listingAction_REVISION_UPDATE,
    REVISION_SUBMIT: m.listingAction_REVISION_SUBMIT,
    REVISION_WITHDRAW: m.listingAction_REVISION_WITHDRAW,
    REVISION_APPROVE: m.listingAction_REVISION_APPROVE,
    REVISION_REJECT: m.listingAction_REVISION_REJECT,
  };
  return map[action]?.() ?? action;
}
