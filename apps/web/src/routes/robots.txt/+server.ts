import type { RequestHandler } from './$types';
import { publicUrl } from '$lib/server/config';

export const GET: RequestHandler = ({ url }) => {
  const base = publicUrl(url.origin);
  const body = [
    'User-agent: *',
    'Allow: /',
    // Personal and staff pages, and actions, are no business of crawlers.
    'Disallow: /dashboard',
    'Disallow: /moderation',
    'Disallow: /admin',
    'Disallow: /login',
    'Disallow: /logout',
    'Disallow: /register',
    '',
    `Sitemap: ${base}/sitemap.xml`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
};
