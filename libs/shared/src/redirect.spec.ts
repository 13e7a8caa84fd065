import { safeLocalPath } from './redirect.js';

const ORIGIN = 'https://techport.example.vn';

describe('safeLocalPath (the ?next= after signing in)', () => {
  it.each([
    ['/dashboard/listings', '/dashboard/listings'],
    ['/listings/may-say-lanh?tab=2#lien-he', '/listings/may-say-lanh?tab=2#lien-he'],
    ['/search?q=s%E1%BA%A5y', '/search?q=s%E1%BA%A5y'],
    // Non-ASCII is percent-encoded, so the Location header is always valid.
    ['/tìm-kiếm', '/t%C3%ACm-ki%E1%BA%BFm'],
    ['/a/../b', '/b'],
  ])('keeps the local path %j', (next, expected) => {
    expect(safeLocalPath(next, ORIGIN)).toBe(expected);
  });

  it.each([
    // The probe's findings (#19): the browser strips the tab and reads the backslash as a slash.
    '/\t/evil.example',
    '/\t\\evil.example',
    '/\u000b/x',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    '/\u0085/evil.example',
    // Protocol-relative and backslash forms.
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    // Paths that normalise into a protocol-relative URL.
    '/.//evil.example',
    '/..//evil.example',
    '/%2e//evil.example',
    // Absolute URLs and other schemes, even to this very site.
    'https://evil.example/',
    'https://techport.example.vn/dashboard',
    'http:evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    ' /dashboard',
    'dashboard',
    '',
    null,
    undefined,
    'x'.repeat(3000).replace(/^x/, '/'),
  ])('refuses %p', (next) => {
    expect(safeLocalPath(next as string | null | undefined, ORIGIN)).toBe('/dashboard');
  });

  it('answers the given fallback', () => {
    expect(safeLocalPath('//evil.example', ORIGIN, '/')).toBe('/');
  });
});
