/**
 * The open-data files live on the API (GET /open-data/…, public, no token); the storefront serves
 * them at the same paths so the public address is the exchange's own and stays stable. Passed
 * through as a stream with the conditional-request headers both ways (If-None-Match /
 * If-Modified-Since in; ETag, Last-Modified, Link and a 304 out), so harvesters poll cheaply.
 */
import { error, redirect } from '@sveltejs/kit';
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
  // A person who sent the /open-data page's form with a range the API refuses goes back to the
  // form, which shows the API's reasons beside the fields (openDataRefusal); harvesters and
  // scripts get the API's JSON error as it came.
  if (res.status === 400 && request.headers.get('sec-fetch-dest') === 'document') {
    await res.body?.cancel();
    const back = new URLSearchParams({ refused: url.pathname });
    for (const name of PERIOD_PARAMS) if (url.searchParams.has(name)) back.set(name, url.searchParams.get(name)!);
    redirect(303, `/open-data?${back}#ds-${url.pathname.replace(/^.*\/|\.\w+$/g, '')}`);
  }
  // 200, 304, and the API's JSON errors (400 naming the field, 404) go out as they came.
  return new Response(res.status === 304 ? null : res.body, { status: res.status, headers: out });
}

const PERIOD_PARAMS = ['from', 'to'] as const;

/** The /open-data form's range that the API refused, with its reasons by field (in `lang`). */
export interface OpenDataRefusal {
  path: string;
  from: string;
  to: string;
  message: string;
  fields: Record<string, string>;
}

/**
 * Asks the API again why it refused the range sent to `path` (one of the catalogue's own
 * addresses, never any path from the query), for the form to show beside its fields.
 */
export async function openDataRefusal(url: URL, catalogue: OpenDataCatalogue | null, lang: string): Promise<OpenDataRefusal | null> {
  const path = url.searchParams.get('refused');
  if (!path || !catalogue?.datasets.some((d) => d.distributions.csv === path || d.distributions.json === path)) return null;
  const [from, to] = PERIOD_PARAMS.map((name) => url.searchParams.get(name) ?? '');
  const target = new URL(`${apiBase()}${path}`);
  target.search = new URLSearchParams({ from, to }).toString();
  try {
    const res = await fetch(target, { headers: { 'accept-language': lang }, signal: AbortSignal.timeout(apiTimeoutMs()) });
    if (res.status !== 400) {
      await res.body?.cancel();
      return null; // accepted now (or another failure): the form starts afresh
    }
    const body = (await res.json()) as { message?: string; fields?: Record<string, string> };
    return { path, from, to, message: body.message ?? '', fields: body.fields ?? {} };
  } catch {
    return null;
  }
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
