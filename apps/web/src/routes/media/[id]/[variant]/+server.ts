import type { RequestHandler } from './$types';
import { apiBase } from '$lib/server/config';

/** What the API says about a file that the visitor's browser must hear too. */
const PASSED = ['content-type', 'content-length', 'content-disposition', 'cache-control', 'x-content-type-options', 'content-security-policy', 'etag', 'last-modified', 'accept-ranges', 'content-range'];
/** What the browser asks that the API must hear: a byte range (a video player seeking) and its validator. */
const FORWARDED = ['range', 'if-range'];

/**
 * /media/<id>/<variant>: the API's files, passed through so pages show them from their own origin
 * (no second origin in the page's policy). The API decides who may see a file (a signed URL for a
 * non-public one) and sends its type, nosniff, a sandboxing CSP and, for PDFs, a download
 * disposition; this route streams the bytes on unchanged (a byte range as 206, for seeking in a
 * video) and never adds the visitor's token.
 */
export const GET: RequestHandler = async ({ params, url, request }) => {
  const asked = new Headers();
  for (const name of FORWARDED) {
    const v = request.headers.get(name);
    if (v) asked.set(name, v);
  }
  const upstream = await fetch(`${apiBase()}/media/${encodeURIComponent(params.id)}/${encodeURIComponent(params.variant)}${url.search}`, { headers: asked });
  const headers = new Headers();
  for (const name of PASSED) {
    const v = upstream.headers.get(name);
    if (v) headers.set(name, v);
  }
  headers.set('x-content-type-options', 'nosniff');
  return new Response(upstream.body, { status: upstream.status, headers });
};
