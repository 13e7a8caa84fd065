/**
 * The names of the contract's enums in both languages, defined once: the API (search facets,
 * comparisons, e-mails and notices, CSV exports, open data, figures) and the storefront
 * (src/lib/labels.ts) both read them from here, so a value is worded the same everywhere.
 *
 * Wording: the terms of the Law on Technology Transfer (Luật Chuyển giao công nghệ 2017) where it
 * names the thing — "chuyển giao quyền sử dụng" (li-xăng), "chuyển nhượng quyền sở hữu", "góp vốn
 * bằng công nghệ" — with the everyday word in brackets. Labels start with a capital letter; a
 * sentence that puts one in its middle lowercases it ("… ở trạng thái bản nháp").
 *
 * These labels are not indexed into Meilisearch (documents hold the codes; facet labels are
 * added when a search answers), so rewording one changes no search result.
 */
import type {
  DealStatus,
  InterestStatus,
  IpStatus,
  Lang,
  ListingKind,
  ListingStatus,
  OrganizationKind,
  RejectionReason,
  Role,
  SearchSort,
  TransferMode,
} from './enums.js';

/** A text in both of the exchange's languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

export const LISTING_KIND_LABELS: Record<ListingKind, Bilingual> = {
  OFFER: { vi: 'Công nghệ chào bán', en: 'Technology offer' },
  DEMAND: { vi: 'Nhu cầu công nghệ', en: 'Technology demand' },
};

/** Also the statuses of expert profiles and events (the same moderation workflow). */
export const LISTING_STATUS_LABELS: Record<ListingStatus, Bilingual> = {
  DRAFT: { vi: 'Bản nháp', en: 'Draft' },
  PENDING_REVIEW: { vi: 'Chờ duyệt', en: 'Pending review' },
  PUBLISHED: { vi: 'Đã đăng', en: 'Published' },
  REJECTED: { vi: 'Bị từ chối', en: 'Rejected' },
  ARCHIVED: { vi: 'Đã lưu trữ', en: 'Archived' },
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, Bilingual> = {
  ENTERPRISE: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  RESEARCH_INSTITUTE: { vi: 'Viện nghiên cứu', en: 'Research institute' },
  UNIVERSITY: { vi: 'Trường đại học', en: 'University' },
  INTERMEDIARY: { vi: 'Tổ chức trung gian', en: 'Intermediary' },
  INVESTOR: { vi: 'Nhà đầu tư', en: 'Investor' },
  GOVERNMENT: { vi: 'Cơ quan nhà nước', en: 'Government agency' },
  OTHER: { vi: 'Khác', en: 'Other' },
};

export const TRANSFER_MODE_LABELS: Record<TransferMode, Bilingual> = {
  LICENSING: { vi: 'Chuyển giao quyền sử dụng (li-xăng)', en: 'Licensing' },
  ASSIGNMENT: { vi: 'Chuyển nhượng quyền sở hữu', en: 'Assignment of ownership' },
  JOINT_VENTURE: { vi: 'Góp vốn bằng công nghệ (liên doanh)', en: 'Joint venture' },
  TECHNICAL_SERVICE: { vi: 'Dịch vụ kỹ thuật', en: 'Technical service' },
  EQUIPMENT_SUPPLY: { vi: 'Cung cấp thiết bị', en: 'Equipment supply' },
  TURNKEY: { vi: 'Chìa khóa trao tay', en: 'Turnkey' },
  CONSULTING: { vi: 'Tư vấn', en: 'Consulting' },
};

export const IP_STATUS_LABELS: Record<IpStatus, Bilingual> = {
  PATENT_GRANTED: { vi: 'Đã được cấp bằng sáng chế', en: 'Patent granted' },
  PATENT_PENDING: { vi: 'Đang chờ cấp bằng sáng chế', en: 'Patent pending' },
  UTILITY_SOLUTION: { vi: 'Giải pháp hữu ích', en: 'Utility solution' },
  KNOW_HOW: { vi: 'Bí quyết kỹ thuật', en: 'Know-how' },
  COPYRIGHT: { vi: 'Quyền tác giả', en: 'Copyright' },
  NONE: { vi: 'Chưa được bảo hộ', en: 'Not protected' },
};

export const INTEREST_STATUS_LABELS: Record<InterestStatus, Bilingual> = {
  OPEN: { vi: 'Đang chờ phản hồi', en: 'Awaiting a reply' },
  ACCEPTED: { vi: 'Đã chấp nhận', en: 'Accepted' },
  DECLINED: { vi: 'Đã từ chối', en: 'Declined' },
  WITHDRAWN: { vi: 'Đã rút', en: 'Withdrawn' },
};

/** Also the department's register (CSV), the event reports and the open-data stages. */
export const DEAL_STATUS_LABELS: Record<DealStatus, Bilingual> = {
  PROPOSED: { vi: 'Đã đề xuất', en: 'Proposed' },
  ACCEPTED: { vi: 'Đã chấp nhận', en: 'Accepted' },
  UNDER_REVIEW: { vi: 'Đang thẩm định', en: 'Under review' },
  APPROVED: { vi: 'Đã duyệt', en: 'Approved' },
  REJECTED: { vi: 'Bị từ chối', en: 'Rejected' },
  SIGNED: { vi: 'Đã ký kết', en: 'Signed' },
  COMPLETED: { vi: 'Đã hoàn thành', en: 'Completed' },
  CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const SEARCH_SORT_LABELS: Record<SearchSort, Bilingual> = {
  RELEVANCE: { vi: 'Phù hợp nhất', en: 'Most relevant' },
  NEWEST: { vi: 'Mới nhất', en: 'Newest' },
  PRICE_ASC: { vi: 'Giá tăng dần', en: 'Price, lowest first' },
  PRICE_DESC: { vi: 'Giá giảm dần', en: 'Price, highest first' },
  TRL_DESC: { vi: 'Mức sẵn sàng cao nhất', en: 'Highest readiness (TRL)' },
};

export const REJECTION_REASON_LABELS: Record<RejectionReason, Bilingual> = {
  INCOMPLETE: { vi: 'Thông tin chưa đầy đủ', en: 'Incomplete information' },
  NOT_A_TECHNOLOGY: { vi: 'Không phải là công nghệ', en: 'Not a technology' },
  DUPLICATE: { vi: 'Trùng với nội dung đã có', en: 'Duplicate of existing content' },
  MISLEADING: { vi: 'Nội dung gây hiểu lầm', en: 'Misleading content' },
  OTHER: { vi: 'Lý do khác', en: 'Other reason' },
};

export const ROLE_LABELS: Record<Role, Bilingual> = {
  MEMBER: { vi: 'Thành viên', en: 'Member' },
  MODERATOR: { vi: 'Kiểm duyệt viên', en: 'Moderator' },
  ADMIN: { vi: 'Quản trị viên', en: 'Administrator' },
};

/** Technology readiness levels 1–9, as the national guidance and the EU name them. */
export const TRL_LABELS: Readonly<Record<number, Bilingual>> = {
  1: { vi: 'Nguyên lý cơ bản đã được quan sát', en: 'Basic principles observed' },
  2: { vi: 'Hình thành khái niệm công nghệ', en: 'Technology concept formulated' },
  3: { vi: 'Chứng minh khái niệm bằng thực nghiệm', en: 'Experimental proof of concept' },
  4: { vi: 'Kiểm chứng trong phòng thí nghiệm', en: 'Technology validated in the lab' },
  5: { vi: 'Kiểm chứng trong môi trường liên quan', en: 'Technology validated in a relevant environment' },
  6: { vi: 'Trình diễn trong môi trường liên quan', en: 'Technology demonstrated in a relevant environment' },
  7: { vi: 'Trình diễn mẫu thử trong môi trường vận hành', en: 'Prototype demonstrated in an operational environment' },
  8: { vi: 'Hệ thống hoàn chỉnh, đã được kiểm định', en: 'System complete and qualified' },
  9: { vi: 'Đã vận hành thực tế thành công', en: 'System proven in operation' },
};

/** "TRL 6 – Trình diễn trong môi trường liên quan"; "TRL 12" for a level without a name. */
export function trlLevelLabel(level: number, lang: Lang): string {
  const l = TRL_LABELS[level];
  return l ? `TRL ${level} – ${l[lang]}` : `TRL ${level}`;
}

/** Every labelled contract enum, under its GraphQL name. */
export const ENUM_LABELS = {
  ListingKind: LISTING_KIND_LABELS,
  ListingStatus: LISTING_STATUS_LABELS,
  OrganizationKind: ORGANIZATION_KIND_LABELS,
  TransferMode: TRANSFER_MODE_LABELS,
  IpStatus: IP_STATUS_LABELS,
  InterestStatus: INTEREST_STATUS_LABELS,
  DealStatus: DEAL_STATUS_LABELS,
  SearchSort: SEARCH_SORT_LABELS,
  RejectionReason: REJECTION_REASON_LABELS,
  Role: ROLE_LABELS,
} as const satisfies Record<string, Record<string, Bilingual>>;
export type LabelledEnum = keyof typeof ENUM_LABELS;

/**
 * The label of one value in a language; the value itself when it has none (a value the API
 * added before this table learnt it still shows, as its code).
 */
export function enumLabel(name: LabelledEnum, value: string, lang: Lang): string {
  return (ENUM_LABELS[name] as Record<string, Bilingual>)[value]?.[lang] ?? value;
}
