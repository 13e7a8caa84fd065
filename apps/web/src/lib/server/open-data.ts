/**
 * The open-data files live on the API (GET /open-data/…, public, no token); the storefront serves
 * them at the same paths so the public address is the exchange's own and stays stable. Passed
 * through as a stream with the conditional-request headers both ways (If-None-Match /
 * If-Modified-Since in; ETag, Last-Modified, Link and a 304 out), so harvesters poll cheaply.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { apiBase, apiTimeoutMs } from './config';

const REQUEST_HEADERS = ['if-none-match', 'if-modified-since', 'accept-language'];
const RESPONSE_HEADERS = ['content-type', 'content-disposition', 'etag', 'last-modified', 'link', 'cache-control', 'access-control-allow-origin', 'access-control-expose-headers'];

export async function proxyOpenData(request: Request, url: URL, lang: string): Promise<Response> {
  const target = new URL(`${apiBase()}${url.pathname}`);
  target.search = url.search;
  const headers = new Headers({ 'accept-language': lang });
  for (const h of REQUEST_HEADERS) {
    const v = request.headers.get(h);
    if (v) headers.set(h, v);
  }
  let res: Response;
  try {
    // cache: 'no-store' so fetch itself adds no Cache-Control to the conditional request.
    res = await fetch(target, { headers, cache: 'no-store', signal: AbortSignal.timeout(apiTimeoutMs() * 4) });
  } catch {
    error(503, m.error_apiDown());
  }
  const out = new Headers();
  for (const h of RESPONSE_HEADERS) {
    const v = res.headers.get(h);
    if (v) out.set(h, v);
  }
  // 200, 304, and the API's JSON errors (400 naming the field, 404) go out as they came.
  return new Response(res.status === 304 ? null : res.body, { status: res.status, headers: out });
}

/** The catalogue (datasets, data dictionary, licence) for the /open-data page. */
export interface OpenDataCatalogue {
  licence: { name: string; url: string; attribution: { vi: string; en: string } };
  periods: { vi: string; en: string };
  datasets: {
    id: string;
    title: { vi: string; en: string };
    description: { vi: string; en: string };
    monthly: boolean;
    distributions: { csv: string; json: string };
    columns: { name: string; type: string; description: { vi: string; en: string } }[];
  }[];
}

export async function openDataCatalogue(): Promise<OpenDataCatalogue | null> {
  try {
    const res = await fetch(`${apiBase()}/open-data/catalog.json`, { signal: AbortSignal.timeout(apiTimeoutMs()) });
    return res.ok ? ((await res.json()) as OpenDataCatalogue) : null;
  } catch {
    return null;
  }
}
