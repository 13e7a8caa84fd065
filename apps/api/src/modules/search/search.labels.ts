import { findProvince, findTechField, localizedName, type Lang, type ListingKind, type OrganizationKind, type TransferMode } from '@techport/shared';
import type { Localized } from '../../common/i18n.js';
import type { FacetName } from './search-query.js';

export const KIND_LABELS: Record<ListingKind, Localized> = {
  OFFER: { vi: 'Công nghệ chào bán', en: 'Technology offer' },
  DEMAND: { vi: 'Nhu cầu công nghệ', en: 'Technology demand' },
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

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, Localized> = {
  ENTERPRISE: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  RESEARCH_INSTITUTE: { vi: 'Viện nghiên cứu', en: 'Research institute' },
  UNIVERSITY: { vi: 'Trường đại học', en: 'University' },
  INTERMEDIARY: { vi: 'Tổ chức trung gian', en: 'Intermediary' },
  INVESTOR: { vi: 'Nhà đầu tư', en: 'Investor' },
  GOVERNMENT: { vi: 'Cơ quan nhà nước', en: 'Government agency' },
  OTHER: { vi: 'Khác', en: 'Other' },
};

/** Technology readiness levels, as the national guidance and the EU name them. */
export const TRL_LABELS: Record<number, Localized> = {
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

/** The label of one facet value in the request's language (the value itself when unknown). */
export function facetLabel(name: FacetName, value: string, lang: Lang): string {
  const pick = (l: Localized | undefined) => (l ? l[lang] : value);
  switch (name) {
    case 'kind':
      return pick(KIND_LABELS[value as ListingKind]);
    case 'fieldCodes': {
      const f = findTechField(value);
      return f ? localizedName(f, lang) : value;
    }
    case 'provinceCode': {
      const p = findProvince(value);
      return p ? localizedName(p, lang) : value;
    }
    case 'transferModes':
      return pick(TRANSFER_MODE_LABELS[value as TransferMode]);
    case 'organizationKind':
      return pick(ORGANIZATION_KIND_LABELS[value as OrganizationKind]);
    case 'trl': {
      const l = TRL_LABELS[Number(value)];
      return l ? `TRL ${value} – ${l[lang]}` : `TRL ${value}`;
    }
  }
}
