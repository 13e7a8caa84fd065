/** What the accounts page keeps across its forms and redirects: the search, the filters and the page number. */
export const USER_LIST_KEYS = ['q', 'role', 'status', 'twoStep', 'page'] as const;

/** The status filter: every account, or only the active or the disabled ones. */
export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** The two-step verification filter: every account, those with it on, or staff (moderators, admins) without it. */
export const USER_TWO_STEP = ['on', 'staff-missing'] as const;
export type UserTwoStep = (typeof USER_TWO_STEP)[number];
