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

export function acceptsGzip(request: Request): boolean {
  const accepted = request.headers.get('accept-encoding') ?? '';
  // "gzip" listed and not refused with q=0.
  return accepted.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
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
  // A strong validator names one byte sequence; the compressed body is another.
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
  return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
