import { registerEnumType } from '@nestjs/graphql';

/** What a staff member did (the audit log's `action`). */
export enum StaffAuditAction {
  USER_ROLES_CHANGED = 'USER_ROLES_CHANGED',
  USER_DISABLED = 'USER_DISABLED',
  USER_ENABLED = 'USER_ENABLED',
  ORGANIZATION_VERIFIED = 'ORGANIZATION_VERIFIED',
  LISTING_MODERATED = 'LISTING_MODERATED',
  EXPERT_MODERATED = 'EXPERT_MODERATED',
  EVENT_MODERATED = 'EVENT_MODERATED',
  EVENT_PUBLISHED_BY_STAFF = 'EVENT_PUBLISHED_BY_STAFF',
  DEAL_REVIEWED = 'DEAL_REVIEWED',
  DEALS_EXPORTED = 'DEALS_EXPORTED',
  AUDIT_LOG_EXPORTED = 'AUDIT_LOG_EXPORTED',
  EVENT_REPORT_EXPORTED = 'EVENT_REPORT_EXPORTED',
  SECOND_FACTOR_RESET = 'SECOND_FACTOR_RESET',
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
export const STAFF_AUDIT_ACTION_LABELS: Record<StaffAuditAction, { vi: string; en: string }> = {
  USER_ROLES_CHANGED: { vi: 'Đổi vai trò/phạm vi', en: 'Roles or jurisdiction changed' },
  USER_DISABLED: { vi: 'Khoá tài khoản', en: 'Account disabled' },
  USER_ENABLED: { vi: 'Mở khoá tài khoản', en: 'Account enabled' },
  ORGANIZATION_VERIFIED: { vi: 'Xác minh tổ chức', en: 'Organisation verified' },
  LISTING_MODERATED: { vi: 'Kiểm duyệt tin', en: 'Listing moderated' },
  EXPERT_MODERATED: { vi: 'Kiểm duyệt chuyên gia', en: 'Expert moderated' },
  EVENT_MODERATED: { vi: 'Kiểm duyệt sự kiện', en: 'Event moderated' },
  EVENT_PUBLISHED_BY_STAFF: { vi: 'Sở tạo và đăng sự kiện', en: 'Event created and published by the department' },
  DEAL_REVIEWED: { vi: 'Thẩm định giao dịch', en: 'Deal reviewed' },
  DEALS_EXPORTED: { vi: 'Xuất sổ giao dịch (CSV)', en: 'Deal register exported (CSV)' },
  AUDIT_LOG_EXPORTED: { vi: 'Xuất nhật ký kiểm toán (CSV)', en: 'Audit log exported (CSV)' },
  EVENT_REPORT_EXPORTED: { vi: 'Xuất báo cáo sự kiện (CSV)', en: 'Event report exported (CSV)' },
  SECOND_FACTOR_RESET: { vi: 'Đặt lại xác thực hai bước', en: 'Second factor reset' },
};
