import { findProvince } from '@techport/shared';

// The deal statuses' and transfer modes' names: DEAL_STATUS_LABELS, TRANSFER_MODE_LABELS in
// libs/shared/src/labels.ts (one source with the storefront).

/** The time zone the department's calendar (months, dates in the register) is kept in. */
export const REGISTER_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Party names longer than this together are left out of a deal's audit line (the title names it; the details keep both). */
export const AUDIT_PARTIES_MAX = 90;

/**
 * The staff audit log's line for a department's review of a deal, in both languages, in the
 * words of the other entries: the technology it transfers (its listing's title), the parties when
 * their names are short, and the province by its name, never an ID or a code.
 */
export function dealReviewSummary(
  approve: boolean,
  deal: { title: string; supplier: string; buyer: string; provinceCode: string },
): { vi: string; en: string } {
  const province = findProvince(deal.provinceCode);
  const parties = deal.supplier.length + deal.buyer.length <= AUDIT_PARTIES_MAX;
  return {
    vi: `${approve ? 'Duyệt' : 'Từ chối'} giao dịch «${deal.title}»${parties ? ` giữa ${deal.supplier} và ${deal.buyer}` : ''} (${province?.nameVi ?? deal.provinceCode})`,
    en: `${approve ? 'Approved' : 'Rejected'} the deal for «${deal.title}»${parties ? ` between ${deal.supplier} and ${deal.buyer}` : ''} (${province?.nameEn ?? deal.provinceCode})`,
  };
}
