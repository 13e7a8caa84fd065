// The deal statuses' and transfer modes' names: DEAL_STATUS_LABELS, TRANSFER_MODE_LABELS in
// libs/shared/src/labels.ts (one source with the storefront).

/** The time zone the department's calendar (months, dates in the register) is kept in. */
export const REGISTER_TIME_ZONE = 'Asia/Ho_Chi_Minh';
