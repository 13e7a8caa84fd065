/**
 * The open-data catalogue: which datasets the exchange publishes, what each column means (the data
 * dictionary, in Vietnamese and English), the licence, and the SQL behind each market figure.
 * The 'tables' figures are counted from the tables with the market page's rules (the same "public"
 * predicate for listings and the same approved deal statuses); the 'rollup' figures are the market
 * page's own numbers, read from its monthly rollup (FiguresService).
 */
import { ListingStatus } from '@techport/shared';
import type { Localized } from '../../common/i18n.js';
import { APPROVED_DEAL_STATUSES } from '../deals/deal.workflow.js';
import { publicListingSql } from '../listings/listing.rules.js';

export const OPEN_DATA_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: {
    vi: 'Nguồn: Sàn giao dịch công nghệ Techport. Dữ liệu mở theo giấy phép CC BY 4.0: được dùng lại, kể cả cho mục đích thương mại, khi ghi rõ nguồn.',
    en: 'Source: Techport technology exchange. Open data under CC BY 4.0: free to reuse, commercially too, with attribution.',
  } satisfies Localized,
};

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'month' | 'string[]';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  description: Localized;
}

export interface FigureDef {
  id: string;
  title: Localized;
  description: Localized;
  /** Whether rows are one per month (every month of the period, zeros included). */
  monthly: boolean;
  /**
   * Where the numbers come from: 'tables' (counted from the tables when asked) or 'rollup' (the
   * market page's own figures, from the monthly rollup the worker refreshes every few minutes).
   */
  source: 'tables' | 'rollup';
  columns: ColumnDef[];
}

const col = (name: string, type: ColumnType, vi: string, en: string): ColumnDef => ({ name, type, description: { vi, en } });

const MONTH = col('month', 'month', 'Tháng (YYYY-MM, giờ Việt Nam).', 'Month (YYYY-MM, Vietnam time).');

export const FIGURES: FigureDef[] = [
  {
    id: 'listings-published',
    title: { vi: 'Tin đăng được công bố theo tháng', en: 'Listings published per month' },
    description: {
      vi: 'Số tin chào bán và tin tìm mua được duyệt công bố trong từng tháng (kể cả tin đã hết hạn hoặc lưu trữ sau đó). Tháng không có tin ghi 0.',
      en: 'Offers and demands approved for publication in each month (including those that expired or were archived since). Months without any show 0.',
    },
    monthly: true,
    source: 'tables',
    columns: [
      MONTH,
      col('offers', 'integer', 'Số tin chào bán công nghệ được công bố trong tháng.', 'Technology offers published in the month.'),
      col('demands', 'integer', 'Số tin tìm mua công nghệ được công bố trong tháng.', 'Technology demands published in the month.'),
    ],
  },
  {
    id: 'deals-approved',
    title: { vi: 'Giao dịch được duyệt theo tháng', en: 'Deals approved per month' },
    description: {
      vi: 'Giao dịch chuyển giao công nghệ được Sở duyệt trong từng tháng (nay ở trạng thái đã duyệt, đã ký hoặc hoàn thành) và tổng giá trị. Tháng không có giao dịch ghi 0.',
      en: 'Technology transfer deals the department approved in each month (now approved, signed or completed) and their total value. Months without any show 0.',
    },
    monthly: true,
    source: 'tables',
    columns: [
      MONTH,
      col('deals', 'integer', 'Số giao dịch được duyệt trong tháng.', 'Deals approved in the month.'),
      col('value_vnd', 'integer', 'Tổng giá trị các giao dịch đó, đồng (VND), số nguyên.', 'Their total value in whole Vietnamese dong (VND).'),
    ],
  },
  {
    id: 'listings-by-field',
    title: { vi: 'Tin đăng theo lĩnh vực công nghệ', en: 'Listings by field of technology' },
    description: {
      vi: 'Không chọn kỳ: số tin đang công khai trên sàn theo lĩnh vực (như trang Thống kê). Có chọn kỳ: số tin được công bố trong kỳ theo lĩnh vực. Mỗi lĩnh vực cấp 1 (nhiều tin trước), rồi các lĩnh vực con của nó; một lĩnh vực gồm cả tin của các lĩnh vực con, mỗi tin được đếm một lần ở mỗi lĩnh vực nó thuộc.',
      en: 'Without a period: listings public on the exchange now, per field (as on the Statistics page). With a period: listings published in it, per field. Each top-level field (most first), then its sub-fields; a field includes its sub-fields\' listings, each listing counted once in each field it is in.',
    },
    monthly: false,
    source: 'tables',
    columns: [
      col('field_code', 'string', 'Mã lĩnh vực (bảng phân loại lĩnh vực KH&CN).', 'Field code (science and technology classification).'),
      col('field_name_vi', 'string', 'Tên lĩnh vực bằng tiếng Việt.', 'Field name in Vietnamese.'),
      col('field_name_en', 'string', 'Tên lĩnh vực bằng tiếng Anh.', 'Field name in English.'),
      col('listings', 'integer', 'Số tin đăng.', 'Number of listings.'),
      col('top_field_code', 'string', 'Mã lĩnh vực cấp 1 chứa lĩnh vực này (chính nó nếu là cấp 1).', 'Code of the top-level field it belongs to (itself for a top-level field).'),
    ],
  },
  {
    id: 'listings-by-province',
    title: { vi: 'Tin đăng theo tỉnh/thành', en: 'Listings by province' },
    description: {
      vi: 'Không chọn kỳ: số tin đang công khai theo tỉnh/thành (như trang Thống kê). Có chọn kỳ: số tin được công bố trong kỳ theo tỉnh/thành.',
      en: 'Without a period: listings public now, per province (as on the Statistics page). With a period: listings published in it, per province.',
    },
    monthly: false,
    source: 'tables',
    columns: [
      col('province_code', 'string', 'Mã tỉnh/thành của sàn.', "The exchange's province code."),
      col('province_name_vi', 'string', 'Tên tỉnh/thành bằng tiếng Việt.', 'Province name in Vietnamese.'),
      col('province_name_en', 'string', 'Tên tỉnh/thành bằng tiếng Anh.', 'Province name in English.'),
      col('listings', 'integer', 'Số tin đăng.', 'Number of listings.'),
    ],
  },
  // The market page's other figures, from the same monthly rollup it reads (refreshed every few minutes).
  {
    id: 'demands-posted',
    title: { vi: 'Nhu cầu công nghệ được đăng theo tháng', en: 'Technology demands posted per month' },
    description: {
      vi: 'Số tin tìm mua công nghệ được duyệt công bố trong từng tháng, như biểu đồ "Nhu cầu được đăng" của trang Số liệu thị trường. Tháng không có tin ghi 0.',
      en: 'Technology demands approved for publication in each month, as in the "Demands posted" chart of the market figures page. Months without any show 0.',
    },
    monthly: true,
    source: 'rollup',
    columns: [MONTH, col('demands', 'integer', 'Số tin tìm mua được công bố trong tháng.', 'Demands published in the month.')],
  },
  {
    id: 'interests-per-month',
    title: { vi: 'Quan tâm theo tháng', en: 'Interests per month' },
    description: {
      vi: 'Số lần một tổ chức bày tỏ quan tâm đến một tin đăng trong từng tháng (theo tháng gửi). Tháng không có ghi 0.',
      en: 'How many times an organisation expressed interest in a listing in each month (by the month it was sent). Months without any show 0.',
    },
    monthly: true,
    source: 'rollup',
    columns: [MONTH, col('interests', 'integer', 'Số lần bày tỏ quan tâm trong tháng.', 'Interests expressed in the month.')],
  },
  {
    id: 'deals-by-stage',
    title: { vi: 'Giao dịch theo giai đoạn và giá trị', en: 'Deals by stage and value' },
    description: {
      vi: 'Giao dịch được đề xuất trong kỳ, theo giai đoạn hiện nay của chúng (thứ tự quy trình), với số lượng và tổng giá trị. Giai đoạn không có giao dịch không được liệt kê.',
      en: 'Deals proposed in the period by the stage they are at now (in workflow order), with their number and total value. Stages without deals are not listed.',
    },
    monthly: false,
    source: 'rollup',
    columns: [
      col('stage', 'string', 'Giai đoạn: PROPOSED, ACCEPTED, UNDER_REVIEW, APPROVED, SIGNED, COMPLETED, REJECTED, CANCELLED.', 'Stage: PROPOSED, ACCEPTED, UNDER_REVIEW, APPROVED, SIGNED, COMPLETED, REJECTED, CANCELLED.'),
      col('stage_name_vi', 'string', 'Tên giai đoạn bằng tiếng Việt.', 'Stage name in Vietnamese.'),
      col('stage_name_en', 'string', 'Tên giai đoạn bằng tiếng Anh.', 'Stage name in English.'),
      col('deals', 'integer', 'Số giao dịch.', 'Number of deals.'),
      col('value_vnd', 'integer', 'Tổng giá trị các giao dịch đó, đồng (VND), số nguyên.', 'Their total value in whole Vietnamese dong (VND).'),
    ],
  },
  {
    id: 'listings-by-organization-kind',
    title: { vi: 'Tin đăng theo loại tổ chức', en: 'Listings by organisation kind' },
    description: {
      vi: 'Số tin được công bố trong kỳ theo loại tổ chức đăng tin, nhiều nhất trước.',
      en: 'Listings published in the period by the kind of organisation that published them, most first.',
    },
    monthly: false,
    source: 'rollup',
    columns: [
      col('organization_kind', 'string', 'Loại tổ chức: ENTERPRISE, RESEARCH_INSTITUTE, UNIVERSITY, INTERMEDIARY.', 'Organisation kind: ENTERPRISE, RESEARCH_INSTITUTE, UNIVERSITY, INTERMEDIARY.'),
      col('organization_kind_name_vi', 'string', 'Tên loại tổ chức bằng tiếng Việt.', 'Organisation kind name in Vietnamese.'),
      col('organization_kind_name_en', 'string', 'Tên loại tổ chức bằng tiếng Anh.', 'Organisation kind name in English.'),
      col('listings', 'integer', 'Số tin đăng.', 'Number of listings.'),
    ],
  },
  {
    id: 'listings-by-trl',
    title: { vi: 'Tin đăng theo mức sẵn sàng công nghệ (TRL)', en: 'Listings by technology readiness level (TRL)' },
    description: {
      vi: 'Số tin được công bố trong kỳ theo mức sẵn sàng công nghệ, theo thứ tự TRL; tin không nêu mức ở cuối.',
      en: 'Listings published in the period by technology readiness level, in TRL order; listings without one last.',
    },
    monthly: false,
    source: 'rollup',
    columns: [
      col('trl', 'integer', 'Mức sẵn sàng công nghệ 1–9 (tin tìm mua: mức tối thiểu chấp nhận); trống: không nêu.', 'Technology readiness level 1–9 (demands: the minimum accepted); empty: not stated.'),
      col('listings', 'integer', 'Số tin đăng.', 'Number of listings.'),
    ],
  },
  {
    id: 'key-figures',
    title: { vi: 'Chỉ số chính của thị trường', en: 'Key market figures' },
    description: {
      vi: 'Một dòng cho cả kỳ: thời gian đến lần quan tâm đầu tiên, thời gian duyệt tin và tỷ lệ chuyển từ quan tâm thành giao dịch, như trang Số liệu thị trường. Trung vị tính theo bậc 0,1 ngày; trống khi kỳ không có dữ liệu.',
      en: 'One row for the whole period: time to first interest, time in moderation and conversion from interest to deal, as on the market figures page. Medians are counted in 0.1-day steps; empty when the period has no data.',
    },
    monthly: false,
    source: 'rollup',
    columns: [
      col('from', 'month', 'Tháng đầu của kỳ (YYYY-MM).', 'First month of the period (YYYY-MM).'),
      col('to', 'month', 'Tháng cuối của kỳ (YYYY-MM).', 'Last month of the period (YYYY-MM).'),
      col('listings_with_interest', 'integer', 'Số tin công bố trong kỳ đã nhận được ít nhất một quan tâm.', 'Listings published in the period that received at least one interest.'),
      col('median_days_to_first_interest', 'number', 'Trung vị số ngày từ khi công bố đến lần quan tâm đầu tiên (một chữ số thập phân, dấu chấm); trống khi không có.', 'Median days from publication to the first interest (one decimal, point as separator); empty when there is none.'),
      col('moderation_decisions', 'integer', 'Số quyết định duyệt hoặc từ chối tin đăng trong kỳ.', 'Decisions approving or rejecting a listing in the period.'),
      col('median_days_in_moderation', 'number', 'Trung vị số ngày từ khi gửi duyệt đến khi có quyết định (một chữ số thập phân, dấu chấm); trống khi không có.', 'Median days from submission to decision (one decimal, point as separator); empty when there is none.'),
      col('interests', 'integer', 'Số lần bày tỏ quan tâm trong kỳ.', 'Interests expressed in the period.'),
      col('interests_converted', 'integer', 'Trong số đó, số quan tâm dẫn đến giao dịch được duyệt.', 'Of those, interests that led to an approved deal.'),
      col('interest_to_deal_rate', 'number', 'Tỷ lệ chuyển thành giao dịch: interests_converted / interests (từ 0 đến 1, dấu chấm); trống khi không có quan tâm.', 'Conversion to a deal: interests_converted / interests (0 to 1, point as separator); empty without interests.'),
    ],
  },
];

export const LISTINGS_DATASET = {
  id: 'listings',
  title: { vi: 'Tin đăng công nghệ đang công khai', en: 'Technology listings public now' },
  description: {
    vi: 'Các tin chào bán và tìm mua đang công khai trên sàn, chỉ gồm thông tin công khai (không có bản nháp, tin chờ duyệt, thông tin liên hệ). Phân trang bằng con trỏ: theo liên kết "next" trong tiêu đề Link hoặc trường next.',
    en: 'Offers and demands public on the exchange now, public fields only (no drafts, no listings awaiting review, no contact details). Paged by cursor: follow the "next" link in the Link header or the next field.',
  } satisfies Localized,
  columns: [
    col('id', 'string', 'Mã định danh tin (UUID), không đổi.', 'Listing identifier (UUID); never changes.'),
    col('url', 'string', 'Địa chỉ trang tin trên sàn.', "The listing's page on the exchange."),
    col('kind', 'string', 'OFFER: chào bán công nghệ; DEMAND: tìm mua công nghệ.', 'OFFER: technology on offer; DEMAND: technology sought.'),
    col('title', 'string', 'Tiêu đề.', 'Title.'),
    col('summary', 'string', 'Tóm tắt.', 'Summary.'),
    col('organization_name', 'string', 'Tên tổ chức đăng tin.', 'Name of the publishing organisation.'),
    col('organization_kind', 'string', 'Loại tổ chức: ENTERPRISE, RESEARCH_INSTITUTE, UNIVERSITY, INTERMEDIARY.', 'Organisation kind: ENTERPRISE, RESEARCH_INSTITUTE, UNIVERSITY, INTERMEDIARY.'),
    col('organization_verified', 'boolean', 'Tổ chức đã được Sở xác minh.', 'The department verified the organisation.'),
    col('province_code', 'string', 'Mã tỉnh/thành.', 'Province code.'),
    col('province_name_vi', 'string', 'Tên tỉnh/thành (tiếng Việt).', 'Province name (Vietnamese).'),
    col('province_name_en', 'string', 'Tên tỉnh/thành (tiếng Anh).', 'Province name (English).'),
    col('field_codes', 'string[]', 'Mã lĩnh vực; trong CSV cách nhau bởi dấu chấm phẩy.', 'Field codes; separated by semicolons in CSV.'),
    col('trl', 'integer', 'Mức sẵn sàng công nghệ 1–9 (tin tìm mua: mức tối thiểu chấp nhận); trống nếu không nêu.', 'Technology readiness level 1–9 (demands: the minimum accepted); empty when not given.'),
    col('transfer_modes', 'string[]', 'Phương thức chuyển giao; trong CSV cách nhau bởi dấu chấm phẩy.', 'Transfer modes; separated by semicolons in CSV.'),
    col('price_min_vnd', 'integer', 'Giá thấp nhất (đồng); trống nếu không nêu.', 'Lowest price in VND; empty when not given.'),
    col('price_max_vnd', 'integer', 'Giá cao nhất hoặc ngân sách (đồng); trống nếu không nêu.', 'Highest price or budget in VND; empty when not given.'),
    col('negotiable', 'boolean', 'Giá có thể thương lượng.', 'The price is negotiable.'),
    col('published_at', 'datetime', 'Thời điểm công bố (ISO 8601, UTC).', 'When it was published (ISO 8601, UTC).'),
    col('expires_at', 'datetime', 'Thời điểm hết hạn (ISO 8601, UTC); trống nếu không hết hạn.', 'When it expires (ISO 8601, UTC); empty when it does not.'),
  ],
};

/** SQL predicate for "public now": the listings module's rule (publicListingSql), with $1 the Clock's time. */
export const PUBLIC_LISTING = publicListingSql('l', '$1');

/** Listings that were ever published (published_at set), whatever became of them since. */
export const EVER_PUBLISHED = `l.published_at IS NOT NULL AND l.status IN ('${ListingStatus.PUBLISHED}', '${ListingStatus.ARCHIVED}')`;

export const APPROVED_STATUSES = [...APPROVED_DEAL_STATUSES];
