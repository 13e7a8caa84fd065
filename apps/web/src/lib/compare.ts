/** At most five listings side by side (a phone scrolls the table sideways). Shared by the server and the pages that pick. */
export const MAX_COMPARE = 5;
