/**
 * The contract's enums as plain constants, so the API (which registers them with GraphQL)
 * and the storefront (which renders and validates them) share one definition.
 */
export const Role = { MEMBER: 'MEMBER', MODERATOR: 'MODERATOR', ADMIN: 'ADMIN' } as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ListingKind = { OFFER: 'OFFER', DEMAND: 'DEMAND' } as const;
export type ListingKind = (typeof ListingKind)[keyof typeof ListingKind];

export const ListingStatus = {
  DRAFT: 'DRAFT',
  PENDING_REVIEW: 'PENDING_REVIEW',
  PUBLISHED: 'PUBLISHED',
  REJECTED: 'REJECTED',
  ARCHIVED: 'ARCHIVED',
} as const;
export type ListingStatus = (typeof ListingStatus)[keyof typeof ListingStatus];

export const OrganizationKind = {
  ENTERPRISE: 'ENTERPRISE',
  RESEARCH_INSTITUTE: 'RESEARCH_INSTITUTE',
  UNIVERSITY: 'UNIVERSITY',
  INTERMEDIARY: 'INTERMEDIARY',
  INVESTOR: 'INVESTOR',
  GOVERNMENT: 'GOVERNMENT',
  OTHER: 'OTHER',
} as const;
export type OrganizationKind = (typeof OrganizationKind)[keyof typeof OrganizationKind];

export const TransferMode = {
  LICENSING: 'LICENSING',
  ASSIGNMENT: 'ASSIGNMENT',
  JOINT_VENTURE: 'JOINT_VENTURE',
  TECHNICAL_SERVICE: 'TECHNICAL_SERVICE',
  EQUIPMENT_SUPPLY: 'EQUIPMENT_SUPPLY',
  TURNKEY: 'TURNKEY',
  CONSULTING: 'CONSULTING',
} as const;
export type TransferMode = (typeof TransferMode)[keyof typeof TransferMode];

export const IpStatus = {
  PATENT_GRANTED: 'PATENT_GRANTED',
  PATENT_PENDING: 'PATENT_PENDING',
  UTILITY_SOLUTION: 'UTILITY_SOLUTION',
  KNOW_HOW: 'KNOW_HOW',
  COPYRIGHT: 'COPYRIGHT',
  NONE: 'NONE',
} as const;
export type IpStatus = (typeof IpStatus)[keyof typeof IpStatus];

export const ModerationDecision = { APPROVE: 'APPROVE', REJECT: 'REJECT' } as const;
export type ModerationDecision = (typeof ModerationDecision)[keyof typeof ModerationDecision];

export const InterestStatus = { OPEN: 'OPEN', ACCEPTED: 'ACCEPTED', DECLINED: 'DECLINED', WITHDRAWN: 'WITHDRAWN' } as const;
export type InterestStatus = (typeof InterestStatus)[keyof typeof InterestStatus];

export const DealStatus = {
  PROPOSED: 'PROPOSED',
  ACCEPTED: 'ACCEPTED',
  UNDER_REVIEW: 'UNDER_REVIEW',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  SIGNED: 'SIGNED',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
} as const;
export type DealStatus = (typeof DealStatus)[keyof typeof DealStatus];

export const SearchSort = {
  RELEVANCE: 'RELEVANCE',
  NEWEST: 'NEWEST',
  PRICE_ASC: 'PRICE_ASC',
  PRICE_DESC: 'PRICE_DESC',
  TRL_DESC: 'TRL_DESC',
} as const;
export type SearchSort = (typeof SearchSort)[keyof typeof SearchSort];

/** Reasons a moderator may give for rejecting a listing; shown to the owner with the note. */
export const RejectionReason = {
  INCOMPLETE: 'INCOMPLETE',
  NOT_A_TECHNOLOGY: 'NOT_A_TECHNOLOGY',
  DUPLICATE: 'DUPLICATE',
  MISLEADING: 'MISLEADING',
  OTHER: 'OTHER',
} as const;
export type RejectionReason = (typeof RejectionReason)[keyof typeof RejectionReason];

/** Error codes of the public contract (`extensions.code`). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
