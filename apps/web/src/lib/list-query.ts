/**
 * The query a list page keeps across its forms' actions and redirects: its tab and page number.
 * Nothing else: after a refused action the page's own address names that action (`?/verify`),
 * which must not stick to the next form.
 */
export function keptListQuery(params: URLSearchParams, keys: readonly string[] = ['show', 'page']): URLSearchParams {
  const kept = new URLSearchParams();
  for (const key of keys) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  return kept;
}

/** A form action that keeps the list's query (`?show=…&page=…&/verify`), so a refusal shows the same rows. */
export function listAction(params: URLSearchParams, name: string, keys?: readonly string[]): string {
  const kept = keptListQuery(params, keys).toString();
  return `?${kept ? `${kept}&` : ''}/${name}`;
}

/** Back to a list after its form's action: the list's kept query (keptListQuery) and the confirmation (?done=). */
export function listRedirect(url: URL, done: string, keys?: readonly string[]): string {
  const kept = keptListQuery(url.searchParams, keys);
  kept.set('done', done);
  return `${url.pathname}?${kept}`;
}
