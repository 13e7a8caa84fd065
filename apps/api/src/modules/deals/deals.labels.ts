import type { DealStatus, TransferMode } from '@techport/shared';
import type { Localized } from '../../common/i18n.js';

/** How the department's register and the notifications name things, in both languages. */
export const DEAL_STATUS_LABELS: Record<DealStatus, Localized> = {
  PROPOSED: { vi: 'Đã đề xuất', en: 'Proposed' },
  ACCEPTED: { vi: 'Đã chấp nhận', en: 'Accepted' },
  UNDER_REVIEW: { vi: 'Đang thẩm định', en: 'Under review' },
  APPROVED: { vi: 'Đã duyệt', en: 'Approved' },
  REJECTED: { vi: 'Bị từ chối', en: 'Rejected' },
  SIGNED: { vi: 'Đã ký kết', en: 'Signed' },
  COMPLETED: { vi: 'Đã hoàn thành', en: 'Completed' },
  CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const TRANSFER_MODE_LABELS: Record<TransferMode, Localized> = {
  LICENSING: { vi: 'Chuyển giao quyền sử dụng (li-xăng)', en: 'Licensing' },
  ASSIGNMENT: { vi: 'Chuyển nhượng quyền sở hữu', en: 'Assignment' },
  JOINT_VENTURE: { vi: 'Góp vốn, liên doanh', en: 'Joint venture' },
  TECHNICAL_SERVICE: { vi: 'Dịch vụ kỹ thuật', en: 'Technical service' },
  EQUIPMENT_SUPPLY: { vi: 'Cung cấp thiết bị', en: 'Equipment supply' },
  TURNKEY: { vi: 'Chìa khóa trao tay', en: 'Turnkey' },
  CONSULTING: { vi: 'Tư vấn', en: 'Consulting' },
};

/** The time zone the department's calendar (months, dates in the register) is kept in. */
export const REGISTER_TIME_ZONE = 'Asia/Ho_Chi_Minh';
