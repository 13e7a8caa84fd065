/**
 * Compression of the storefront's rendered responses. adapter-node serves the built assets
 * precompressed (`precompress: true`) but sends pages, JSON and CSV as they come out of
 * SvelteKit: a search page is ~50 kB of HTML, ~9 kB gzipped, which on a phone's slow 4G is the
 * difference of a quarter of a second before the first paint. The web platform's
 * CompressionStream streams it (a long CSV export is compressed as it is written, never held).
 *
 * Left alone: responses without a body (HEAD, 204, 304), partial content (a video's byte range),
 * anything already encoded, and binary types (pictures, PDFs, videos are compressed already).
 */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|graphql-response\+json)|image\/svg\+xml)/;

/** Whether the client takes gzip: its own entry decides (q=0 refuses it), else a `*` entry (RFC 9110 §12.5.3). */
export function acceptsGzip(request: Request): boolean {
  const entries = new Map<string, number>();
  for (const part of (request.headers.get('accept-encoding') ?? '').split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    entries.set(coding.trim(), q ? Number(q.slice(2)) : 1);
  }
  const weight = entries.get('gzip') ?? entries.get('x-gzip') ?? entries.get('*');
  return weight !== undefined && weight > 0;
}

export function compressResponse(request: Request, response: Response): Response {
  const type = response.headers.get('content-type') ?? '';
  const vary = response.headers.get('vary');
  if (COMPRESSIBLE.test(type) && !/accept-encoding/i.test(vary ?? '')) {
    // Caches must keep the compressed and plain forms apart, whether or not this one is compressed.
    response.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  }
  if (
    !response.body ||
    request.method === 'HEAD' ||
    response.status === 204 ||
    response.status === 206 ||
    response.status === 304 ||
    response.headers.has('content-encoding') ||
    response.headers.has('content-range') ||
    !COMPRESSIBLE.test(type) ||
    !acceptsGzip(request)
  ) {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  // A strong validator names one byte sequence and the compressed body is another, so it gets a
  // tag of its own ("…-gz", as Apache does). Still strong: SvelteKit answers If-None-Match with a
  // 304 by comparing it with the response's tag after the hooks, and that must keep working.
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/') && etag.endsWith('"')) headers.set('etag', `${etag.slice(0, -1)}-gz"`);
  return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
