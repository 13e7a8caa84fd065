/**
 * Names of the contract's enums in the page's language (Paraglide messages), and the lists the
 * forms offer. Every visible word goes through messages/{vi,en}.json.
 */
import { m } from '$lib/paraglide/messages';
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
export const ROLES: readonly Role[] = ['MEMBER', 'MODERATOR', 'ADMIN'];

export function transferModeLabel(v: TransferMode): string {
  return {
    LICENSING: m.transferMode_LICENSING,
    ASSIGNMENT: m.transferMode_ASSIGNMENT,
    JOINT_VENTURE: m.transferMode_JOINT_VENTURE,
    TECHNICAL_SERVICE: m.transferMode_TECHNICAL_SERVICE,
    EQUIPMENT_SUPPLY: m.transferMode_EQUIPMENT_SUPPLY,
    TURNKEY: m.transferMode_TURNKEY,
    CONSULTING: m.transferMode_CONSULTING,
  }[v]?.() ?? v;
}

export function ipStatusLabel(v: IpStatus): string {
  return {
    PATENT_GRANTED: m.ipStatus_PATENT_GRANTED,
    PATENT_PENDING: m.ipStatus_PATENT_PENDING,
    UTILITY_SOLUTION: m.ipStatus_UTILITY_SOLUTION,
    KNOW_HOW: m.ipStatus_KNOW_HOW,
    COPYRIGHT: m.ipStatus_COPYRIGHT,
    NONE: m.ipStatus_NONE,
  }[v]?.() ?? v;
}

export function organizationKindLabel(v: OrganizationKind): string {
  return {
    ENTERPRISE: m.orgKind_ENTERPRISE,
    RESEARCH_INSTITUTE: m.orgKind_RESEARCH_INSTITUTE,
    UNIVERSITY: m.orgKind_UNIVERSITY,
    INTERMEDIARY: m.orgKind_INTERMEDIARY,
    INVESTOR: m.orgKind_INVESTOR,
    GOVERNMENT: m.orgKind_GOVERNMENT,
    OTHER: m.orgKind_OTHER,
  }[v]?.() ?? v;
}

export function attachmentKindLabel(v: AttachmentKind): string {
  return { IMAGE: m.media_kindImage, DOCUMENT: m.media_kindDocument, VIDEO: m.media_kindVideo, VIDEO_LINK: m.media_kindVideoLink }[v]?.() ?? v;
}

export function listingKindLabel(v: ListingKind): string {
  return v === 'OFFER' ? m.kind_OFFER() : m.kind_DEMAND();
}

export function moderatedKindLabel(v: ModeratedKind): string {
  return { LISTING: m.reviewQueue_kind_LISTING, EXPERT: m.reviewQueue_kind_EXPERT, EVENT: m.reviewQueue_kind_EVENT }[v]?.() ?? v;
}

export function listingStatusLabel(v: ListingStatus): string {
  return {
    DRAFT: m.listingStatus_DRAFT,
    PENDING_REVIEW: m.listingStatus_PENDING_REVIEW,
    PUBLISHED: m.listingStatus_PUBLISHED,
    REJECTED: m.listingStatus_REJECTED,
    ARCHIVED: m.listingStatus_ARCHIVED,
  }[v]?.() ?? v;
}

export function dealStatusLabel(v: DealStatus): string {
  return {
    PROPOSED: m.dealStatus_PROPOSED,
    ACCEPTED: m.dealStatus_ACCEPTED,
    UNDER_REVIEW: m.dealStatus_UNDER_REVIEW,
    APPROVED: m.dealStatus_APPROVED,
    REJECTED: m.dealStatus_REJECTED,
    SIGNED: m.dealStatus_SIGNED,
    COMPLETED: m.dealStatus_COMPLETED,
    CANCELLED: m.dealStatus_CANCELLED,
  }[v]?.() ?? v;
}

export function interestStatusLabel(v: InterestStatus): string {
  return {
    OPEN: m.interestStatus_OPEN,
    ACCEPTED: m.interestStatus_ACCEPTED,
    DECLINED: m.interestStatus_DECLINED,
    WITHDRAWN: m.interestStatus_WITHDRAWN,
  }[v]?.() ?? v;
}

export function sortLabel(v: SearchSort): string {
  return {
    RELEVANCE: m.sort_RELEVANCE,
    NEWEST: m.sort_NEWEST,
    PRICE_ASC: m.sort_PRICE_ASC,
    PRICE_DESC: m.sort_PRICE_DESC,
    TRL_DESC: m.sort_TRL_DESC,
  }[v]?.() ?? v;
}

export function rejectionReasonLabel(v: RejectionReason): string {
  return {
    INCOMPLETE: m.rejection_INCOMPLETE,
    NOT_A_TECHNOLOGY: m.rejection_NOT_A_TECHNOLOGY,
    DUPLICATE: m.rejection_DUPLICATE,
    MISLEADING: m.rejection_MISLEADING,
    OTHER: m.rejection_OTHER,
  }[v]?.() ?? v;
}

export function roleLabel(v: Role): string {
  return { MEMBER: m.role_MEMBER, MODERATOR: m.role_MODERATOR, ADMIN: m.role_ADMIN }[v]?.() ?? v;
}

/** Readiness levels (TRL 1–9): the short name of each level. */
export function trlLabel(level: number): string {
  const names = [m.trl_1, m.trl_2, m.trl_3, m.trl_4, m.trl_5, m.trl_6, m.trl_7, m.trl_8, m.trl_9];
  return names[level - 1]?.() ?? String(level);
}

/** The audit trail's actions (listing_event.action). */
export function listingActionLabel(action: string): string {
  const map: Record<string, () => string> = {
    CREATE: m.listingAction_CREATE,
    UPDATE: m.listingAction_UPDATE,
    SUBMIT: m.listingAction_SUBMIT,
    APPROVE: m.listingAction_APPROVE,
    REJECT: m.listingAction_REJECT,
    ARCHIVE: m.listingAction_ARCHIVE,
    EXPIRE: m.listingAction_EXPIRE,
    RENEW: m.listingAction_RENEW,
    REVISION_UPDATE: m.listingAction_REVISION_UPDATE,
    REVISION_SUBMIT: m.listingAction_REVISION_SUBMIT,
    REVISION_APPROVE: m.listingAction_REVISION_APPROVE,
    REVISION_REJECT: m.listingAction_REVISION_REJECT,
  };
  return map[action]?.() ?? action;
}
