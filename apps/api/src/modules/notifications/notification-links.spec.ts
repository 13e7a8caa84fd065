import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notificationPathsOf } from './notifications.service.js';

// Every link a notification can carry leads to a page of the storefront. The links are written
// where each notification is made (a service per module); this reads them from the API's sources
// and the storefront's routes folder, so a renamed page or a new notification with a typo fails
// here. The browser test (apps/web/tests/links.e2e.mjs) follows the common kinds' links for real.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');
const API_SRC = join(ROOT, 'apps', 'api', 'src');
const ROUTES = join(ROOT, 'apps', 'web', 'src', 'routes');

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, keep) : keep(p) ? [p] : [];
  });
}

/** Storefront routes as segment lists ('[id]' matches any one segment; '(group)' folders vanish). */
function storefrontRoutes(): string[][] {
  const pages = files(ROUTES, (f) => /[\\/]\+(page\.svelte|server\.ts)$/.test(f));
  return pages.map((f) =>
    relative(ROUTES, f)
      .split(/[\\/]/)
      .slice(0, -1)
      .filter((s) => !/^\(.*\)$/.test(s)),
  );
}

function routeFor(path: string, routes: string[][]): string[] | undefined {
  const segments = path.split('/').filter(Boolean);
  return routes.find((r) => r.length === segments.length && r.every((s, i) => /^\[[^\]]+\]$/.test(s) || s === segments[i]));
}

/** The links notifications are given: `url: '/…'`, `url: \`/…${x}\``, `url: (e) => \`/…\``, `const url = \`/…\``. */
function notificationLinks(): { file: string; link: string; path: string }[] {
  const pattern = /\burl(?:\s*:\s*(?:\([^)]*\)\s*=>\s*)?(?:args\.url\s*\?\?\s*)?|\s*=\s*)(`\/[^`]*`|'\/[^']*')/g;
  return files(API_SRC, (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    if (!/notif/i.test(source)) return [];
    return [...source.matchAll(pattern)].map((m) => {
      const link = m[1].slice(1, -1);
      // A value put in (${…}) is one path segment; the fragment and query are not sent by browsers.
      const path = link.replace(/\$\{[^}]+\}/g, 'x').split('#')[0].split('?')[0];
      return { file: relative(ROOT, file), link, path };
    });
  });
}

describe('notification links', () => {
  const routes = storefrontRoutes();
  const links = notificationLinks();

  it('are found where notifications are made', () => {
    expect(routes.length).toBeGreaterThan(40);
    // Listings, experts, events, interests, deals, expert contacts, matching, expiry, meetings, the account.
    expect(links.length).toBeGreaterThanOrEqual(20);
    for (const prefix of ['/listings/', '/experts/', '/events/', '/interests/', '/deals/', '/experts/contacts/', '/dashboard/sessions']) {
      expect(links.some((l) => l.path.startsWith(prefix))).toBe(true);
    }
  });

  it('each lead to a page of the storefront', () => {
    const broken = links.filter((l) => !routeFor(l.path, routes)).map((l) => `${l.file}: ${l.link}`);
    expect(broken).toEqual([]);
  });

  it('are marked read from the page they lead to, whatever address the page was opened at', () => {
    expect(notificationPathsOf('/dashboard/interests/abc')).toEqual(['/dashboard/interests/abc', '/interests/abc']);
    expect(notificationPathsOf('/moderation/deals/abc')).toEqual(['/moderation/deals/abc', '/deals/abc']);
    expect(notificationPathsOf('/dashboard/expert-contacts/abc')).toEqual(['/dashboard/expert-contacts/abc', '/experts/contacts/abc']);
    // The redirecting short links themselves are storefront routes.
    for (const short of ['/interests/x', '/deals/x', '/experts/contacts/x']) expect(routeFor(short, routes)).toBeDefined();
  });

  it('would catch a link to a page that does not exist', () => {
    expect(routeFor('/events/x/meetingz', routes)).toBeUndefined();
    expect(routeFor('/events/x/meetings', routes)).toBeDefined();
  });
});
