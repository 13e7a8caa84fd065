/** What the accounts page keeps across its forms and redirects: the search and the page number. */
export const USER_LIST_KEYS = ['q', 'page'] as const;
