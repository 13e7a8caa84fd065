/** The staff audit log's filters, read the same way by the page and by its CSV download. */
import type { StaffAuditAction, StaffAuditTargetKind } from '$lib/graphql/types';

export const AUDIT_ACTIONS: readonly StaffAuditAction[] = [
  'USER_ROLES_CHANGED',
  'USER_DISABLED',
  'USER_ENABLED',
  'ORGANIZATION_VERIFIED',
  'ORGANIZATION_VERIFICATION_DECLINED',
  'LISTING_MODERATED',
  'EXPERT_MODERATED',
  'EVENT_MODERATED',
  'EVENT_PUBLISHED_BY_STAFF',
  'EVENT_EDITED_BY_STAFF',
  'DEAL_REVIEWED',
  'DEALS_EXPORTED',
  'AUDIT_LOG_EXPORTED',
  'EVENT_REPORT_EXPORTED',
  'SECOND_FACTOR_RESET',
  'USER_SESSIONS_ENDED',
];

export const AUDIT_TARGET_KINDS: readonly StaffAuditTargetKind[] = ['USER', 'ORGANIZATION', 'LISTING', 'EXPERT', 'EVENT', 'DEAL', 'EXPORT'];

export interface AuditFilterValues {
  /** Who acted: an e-mail, or an account id (the table's "only this person" link). */
  actor: string;
  action: string;
  targetKind: string;
  targetId: string;
  from: string;
  to: string;
}

export const AUDIT_FILTER_KEYS = ['actor', 'action', 'targetKind', 'targetId', 'from', 'to'] as const;

export function readAuditFilter(params: URLSearchParams): AuditFilterValues {
  const get = (k: string) => (params.get(k) ?? '').trim().slice(0, 100);
  // `actorId`: the parameter's name in links made before it took an e-mail too.
  return { actor: get('actor') || get('actorId'), action: get('action'), targetKind: get('targetKind'), targetId: get('targetId'), from: get('from'), to: get('to') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The API's filter for "who acted": an account id, or an e-mail (the API checks its form); null when it is neither. */
export function actorFilter(actor: string): { actorId: string } | { actorEmail: string } | null {
  if (UUID.test(actor)) return { actorId: actor };
  if (actor.includes('@')) return { actorEmail: actor };
  return null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day in Vietnam (UTC+7 all year) → the instant it starts; null when not a real date. */
export function vietnamDayStart(day: string, plusDays = 0): string | null {
  if (!DAY.test(day)) return null;
  const d = new Date(`${day}T00:00:00+07:00`);
  if (Number.isNaN(d.getTime()) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) return null;
  return new Date(d.getTime() + plusDays * 86_400_000).toISOString();
}
