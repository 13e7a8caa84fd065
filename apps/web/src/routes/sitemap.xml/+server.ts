/**
 * sitemap.xml: the public pages, every published listing (newest first, as far as search pages
 * reach) with their organisations, the Techmart events (past ones too) and the expert profiles,
 * each with its Vietnamese and English address.
 */
import type { RequestHandler } from './$types';
import { Events, Experts, Search } from '$lib/graphql/documents';
import type { SearchQuery } from '$lib/graphql/types';
import { Api } from '$lib/server/api';
import { publicUrl } from '$lib/server/config';

const TTL_MS = 60 * 1000;
const PAGE_SIZE = 100;
/** Meilisearch answers at most 1,000 hits per query: ten pages per kind. */
const MAX_PAGES = 10;
let cached: { at: number; base: string; xml: string } | null = null;

interface Entry {
  path: string;
  lastmod?: string | null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function publishedListings(api: Api): Promise<SearchQuery['search']['hits']> {
  const out: SearchQuery['search']['hits'] = [];
  for (const kind of ['OFFER', 'DEMAND'] as const) {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { search } = await api.request(Search, { input: { kind, sort: 'NEWEST', page, pageSize: PAGE_SIZE } });
      out.push(...search.hits);
      if (page * PAGE_SIZE >= Math.min(search.totalHits, MAX_PAGES * PAGE_SIZE)) break;
    }
  }
  return out;
}

/** Every page of a paged public list, up to MAX_PAGES of PAGE_SIZE. */
async function allPages<T>(read: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { items, total } = await read(page);
    out.push(...items);
    if (page * PAGE_SIZE >= Math.min(total, MAX_PAGES * PAGE_SIZE)) break;
  }
  return out;
}

/** The events' and the published experts' pages (a failure leaves them out, not the listings). */
async function eventAndExpertEntries(api: Api): Promise<Entry[]> {
  const entries: Entry[] = [{ path: '/events' }];
  try {
    const events = await allPages(async (page) => {
      const { events } = await api.request(Events, { input: { upcoming: false }, page: { page, pageSize: PAGE_SIZE } });
      return { items: events.items, total: events.totalItems };
    });
    for (const e of events) entries.push({ path: `/events/${e.slug}` });
    const experts = await allPages(async (page) => {
      const { experts } = await api.request(Experts, { input: { page, pageSize: PAGE_SIZE } });
      return { items: experts.hits, total: experts.totalHits };
    });
    for (const { expert } of experts) entries.push({ path: `/experts/${expert.slug}` });
  } catch (err) {
    console.warn('[sitemap] events or experts unavailable:', (err as Error).message);
  }
  return entries;
}

export const GET: RequestHandler = async ({ url }) => {
  const base = publicUrl(url.origin);
  if (cached && cached.base === base && Date.now() - cached.at < TTL_MS) return xmlResponse(cached.xml);
  const api = new Api({ token: null, lang: 'vi' });
  const entries: Entry[] = [{ path: '/' }, { path: '/search' }, { path: '/search?kind=OFFER' }, { path: '/search?kind=DEMAND' }, { path: '/stats' }, { path: '/open-data' }, { path: '/experts' }, { path: '/about' }];
  try {
    const hits = await publishedListings(api);
    const orgs = new Map<string, string | null>();
    for (const { listing } of hits) {
      entries.push({ path: `/listings/${listing.slug}`, lastmod: listing.publishedAt });
      const prev = orgs.get(listing.organization.slug);
      if (!prev || (listing.publishedAt && listing.publishedAt > prev)) orgs.set(listing.organization.slug, listing.publishedAt);
    }
    for (const [slug, lastmod] of orgs) entries.push({ path: `/organizations/${slug}`, lastmod });
  } catch (err) {
    console.warn('[sitemap] listings unavailable:', (err as Error).message);
  }
  entries.push(...(await eventAndExpertEntries(api)));
  const urls = entries.map((e) => {
    const vi = `${base}${e.path}`;
    const en = `${base}${e.path}${e.path.includes('?') ? '&' : '?'}lang=en`;
    return [
      '  <url>',
      `    <loc>${esc(vi)}</loc>`,
      e.lastmod ? `    <lastmod>${new Date(e.lastmod).toISOString()}</lastmod>` : '',
      `    <xhtml:link rel="alternate" hreflang="vi" href="${esc(vi)}"/>`,
      `    <xhtml:link rel="alternate" hreflang="en" href="${esc(en)}"/>`,
      '  </url>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  cached = { at: Date.now(), base, xml };
  return xmlResponse(xml);
};

function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=600' } });
}
