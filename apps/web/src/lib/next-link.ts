// Links to log in or register carry the page the visitor is on, to come back to it after.

/**
 * `?next=` for a link to log in or register from `url`: the page itself, or on the log-in and
 * register pages the `next` they were given; none where coming back means nothing. The server
 * checks every `next` again (session.ts safeNext) before following it.
 */
export function nextParam(url: URL): string {
  const here = url.pathname;
  if (/^\/(login|register)$/.test(here)) {
    const given = url.searchParams.get('next');
    return given ? `?next=${encodeURIComponent(given)}` : '';
  }
  if (here === '/' || /^\/(logout|activate|forgot-password|reset-password)(\/|$)/.test(here)) return '';
  const params = new URLSearchParams(url.search);
  params.delete('lang');
  const query = params.toString();
  return `?next=${encodeURIComponent(here + (query ? `?${query}` : ''))}`;
}
