/** What the accounts page keeps across its forms and redirects: the search, the filters and the page number. */
export const USER_LIST_KEYS = ['q', 'role', 'status', 'page'] as const;

/** The status filter: every account, or only the active or the disabled ones. */
export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
