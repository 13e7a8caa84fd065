/**
 * Where to send a visitor after signing in (`?next=`): only a path on this site.
 *
 * Prefix checks ("starts with / but not //") are not enough: browsers strip tabs and newlines
 * from URLs and read a backslash as a slash, so `/<TAB>/evil.example` or `/\evil.example` become
 * `//evil.example`, another site. So the candidate is refused when it holds any control
 * character or a backslash, then resolved against the site's origin with the WHATWG URL parser
 * (what browsers use) and kept only when the origin is unchanged. The answer is the parser's own
 * serialisation of path, query and fragment (non-ASCII percent-encoded), so it is always a valid
 * Location header, and never starts with `//`.
 */
// C0 controls, DEL and C1 controls: none belongs in a path a person follows.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function safeLocalPath(next: string | null | undefined, origin: string, fallback = '/dashboard'): string {
  if (typeof next !== 'string' || !next || next.length > 2048) return fallback;
  if (CONTROL.test(next) || next.includes('\\')) return fallback;
  if (!next.startsWith('/') || next.startsWith('//')) return fallback;
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(origin);
    resolved = new URL(next, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base.origin) return fallback;
  const path = resolved.pathname + resolved.search + resolved.hash;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  return path;
}
