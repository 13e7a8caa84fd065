import { registerEnumType } from '@nestjs/graphql';
import catalogue from './staff-audit.actions.messages.json' with { type: 'json' };

/** What a staff member did (the audit log's `action`). */
export enum StaffAuditAction {
  USER_ROLES_CHANGED = 'USER_ROLES_CHANGED',
  USER_DISABLED = 'USER_DISABLED',
  USER_ENABLED = 'USER_ENABLED',
  ORGANIZATION_VERIFIED = 'ORGANIZATION_VERIFIED',
  ORGANIZATION_VERIFICATION_DECLINED = 'ORGANIZATION_VERIFICATION_DECLINED',
  LISTING_MODERATED = 'LISTING_MODERATED',
  EXPERT_MODERATED = 'EXPERT_MODERATED',
  EVENT_MODERATED = 'EVENT_MODERATED',
  EVENT_PUBLISHED_BY_STAFF = 'EVENT_PUBLISHED_BY_STAFF',
  EVENT_EDITED_BY_STAFF = 'EVENT_EDITED_BY_STAFF',
  DEAL_REVIEWED = 'DEAL_REVIEWED',
  DEALS_EXPORTED = 'DEALS_EXPORTED',
  AUDIT_LOG_EXPORTED = 'AUDIT_LOG_EXPORTED',
  EVENT_REPORT_EXPORTED = 'EVENT_REPORT_EXPORTED',
  SECOND_FACTOR_RESET = 'SECOND_FACTOR_RESET',
  USER_SESSIONS_ENDED = 'USER_SESSIONS_ENDED',
}

/** What kind of thing the action was about. */
export enum StaffAuditTargetKind {
  USER = 'USER',
  ORGANIZATION = 'ORGANIZATION',
  LISTING = 'LISTING',
  EXPERT = 'EXPERT',
  EVENT = 'EVENT',
  DEAL = 'DEAL',
  EXPORT = 'EXPORT',
}

registerEnumType(StaffAuditAction, { name: 'StaffAuditAction', description: 'A kind of staff action recorded in the audit log.' });
registerEnumType(StaffAuditTargetKind, { name: 'StaffAuditTargetKind' });

/** Labels for people (CSV export, logs). */
export const STAFF_AUDIT_ACTION_LABELS: Record<StaffAuditAction, { vi: string; en: string }> = catalogue;
