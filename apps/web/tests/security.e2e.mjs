// Security of the storefront as a browser and a client see it: the content security policy and
// the other headers on real responses (and no policy violation on the main pages), cookie flags
// over plain http and behind a TLS proxy, form posts from both loopback names (npm start serves
// http://localhost:3000, which newcomers also open as http://127.0.0.1:3000) but not from another
// site, and the visitor's address handed to the API with the storefront's secret.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { PASSWORD, msg, uniq } from './support/harness.mjs';
import { adminToken, apiOrganization, apiPublishedListing, apiUser } from './support/api.mjs';
import { startStorefront } from './support/storefront.mjs';

/** The CSP header parsed into directive → sources. */
function parseCsp(header) {
  const out = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

const MAIN_PAGES = ['/', '/search', '/search?q=may+say&kind=OFFER', '/stats', '/experts', '/login', '/register', '/robots.txt'];

export default function (h) {
  h.test('security: headers, CSP without unsafe-inline, frame-ancestors none, referrer and permissions policies, no HSTS over http', async (t) => {
    for (const path of MAIN_PAGES.filter((p) => p !== '/robots.txt')) {
      const res = await fetch(`${t.webUrl}${path}`, { redirect: 'manual' });
      assert.equal(res.status, 200, `GET ${path}`);
      const csp = parseCsp(res.headers.get('content-security-policy'));
      assert.deepEqual(csp['frame-ancestors'], ["'none'"], `${path}: frame-ancestors`);
      assert.deepEqual(csp['object-src'], ["'none'"], `${path}: object-src`);
      for (const directive of ['default-src', 'script-src', 'style-src']) {
        assert.ok(csp[directive], `${path}: a ${directive}`);
        assert.ok(!csp[directive].includes("'unsafe-inline'") && !csp[directive].includes("'unsafe-eval'"), `${path}: ${directive} ${csp[directive].join(' ')}`);
      }
      assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
      assert.match(res.headers.get('permissions-policy') ?? '', /camera=\(\).*microphone=\(\).*geolocation=\(\)/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('strict-transport-security'), null, `${path}: no HSTS over plain http`);
      // No inline style left for the policy to block.
      const html = await res.text();
      assert.doesNotMatch(html, /\sstyle="/, `${path}: an inline style attribute`);
      assert.doesNotMatch(html, /<style[\s>]/, `${path}: an inline <style> element`);
    }
  });

  h.test('security: behind a TLS proxy (X-Forwarded-Proto: https): HSTS, and Secure + HttpOnly + SameSite=Lax cookies', async (t) => {
    const user = await apiUser(t);
    const https = { 'x-forwarded-proto': 'https' };
    const home = await fetch(`${t.webUrl}/?lang=en`, { headers: https });
    assert.match(home.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
    const langCookie = home.headers.getSetCookie().find((c) => c.startsWith('lang='));
    assert.ok(langCookie, 'the language cookie is set');
    assert.match(langCookie, /; Secure/i);
    assert.match(langCookie, /; HttpOnly/i);
    assert.match(langCookie, /; SameSite=Lax/i);

    const login = (headers) =>
      fetch(`${t.webUrl}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: t.webUrl, ...headers },
        body: new URLSearchParams({ email: user.email, password: PASSWORD }).toString(),
      });
    const overTls = await login(https);
    assert.equal(overTls.status, 303, 'logged in');
    const session = overTls.headers.getSetCookie().find((c) => c.startsWith('session='));
    assert.ok(session, 'a session cookie');
    for (const flag of [/; Secure/i, /; HttpOnly/i, /; SameSite=Lax/i, /; Path=\//i]) assert.match(session, flag);
    // Over plain http (no proxy saying https) the cookie is not Secure, or the browser would drop it.
    const plain = (await login({})).headers.getSetCookie().find((c) => c.startsWith('session='));
    assert.ok(plain && !/; Secure/i.test(plain), `plain http: ${plain}`);
    assert.match(plain, /; HttpOnly/i);
    assert.match(plain, /; SameSite=Lax/i);
  });

  h.test('security: no content security policy violation on the main pages; charts still draw their bars', async (t) => {
    const owner = await apiUser(t);
    const org = await apiOrganization(t, owner.token);
    const listing = await apiPublishedListing(t, owner.token, org.id, {
      kind: 'OFFER',
      title: `Máy sấy nông sản năng lượng mặt trời ${uniq('')}`,
      summary: 'Máy sấy dùng năng lượng mặt trời cho nông sản, tiết kiệm điện và giữ màu sản phẩm.',
      description: 'Công nghệ sấy nông sản bằng năng lượng mặt trời kết hợp bơm nhiệt, đã thử nghiệm tại ba hợp tác xã, giảm 40% chi phí điện so với máy sấy truyền thống.',
      fieldCodes: ['207'],
      keywords: ['máy sấy', 'nông sản'],
      trl: 7,
      transferModes: ['LICENSING'],
      ipStatus: 'PATENT_GRANTED',
      priceMin: 150000000,
      priceMax: 250000000,
      provinceCode: 'vinh-long',
    });
    const page = await t.newPage('vi');
    const violations = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    // securitypolicyviolation events, recorded in the page (DevTools' script runs outside the policy).
    await page.context().addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const paths = [...MAIN_PAGES.filter((p) => p !== '/robots.txt'), `/listings/${listing.slug}`, `/organizations/${org.slug}`];
    for (const path of paths) {
      await t.visit(page, path);
      const seen = await page.evaluate(() => window.__cspViolations ?? []);
      for (const v of seen) violations.push(`${path}: ${v}`);
      // The stylesheet applied (a blocked stylesheet would leave the page unstyled).
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).fontFamily), 'Times New Roman', `${path}: styled`);
    }
    // The bar charts of the market figures: SVG bars with their length as an attribute.
    await t.visit(page, '/stats');
    const bars = page.locator('.chart svg.chart-wide rect.bar');
    if ((await bars.count()) > 0) {
      const width = await bars.first().evaluate((r) => r.getBoundingClientRect().width);
      assert.ok(width > 0, 'the longest bar is drawn');
    }
    assert.deepEqual(violations, []);
  });

  h.test('security: forms post from both loopback names (ORIGIN localhost, page opened as 127.0.0.1 and back), never from another site', async (t) => {
    const storefront = await startStorefront(t);
    try {
      const user = await apiUser(t);
      // npm start's storefront (ORIGIN=http://localhost:…) opened as http://127.0.0.1:…
      for (const base of [storefront.url, storefront.localhostUrl]) {
        const page = await t.newPage('vi');
        await page.goto(`${base}/login`);
        await page.fill('[name=email]', user.email);
        await page.fill('[name=password]', PASSWORD);
        await t.submit(page, 'main form button[type=submit]');
        const body = await page.locator('body').innerText();
        assert.doesNotMatch(body, /Cross-site|forbidden/i, `${base}: the post was refused: ${body.slice(0, 200)}`);
        assert.equal(new URL(page.url()).origin, base, 'stays on the address the visitor opened');
        assert.equal(new URL(page.url()).pathname, '/dashboard', `${base}: logged in (${page.url()})`);
        assert.ok((await page.context().cookies(base)).some((c) => c.name === 'session'), `${base}: a session cookie`);
      }
      // The harness's own storefront (ORIGIN=http://127.0.0.1:…) opened as http://localhost:…
      const page = await t.newPage('vi');
      const other = t.webUrl.replace('127.0.0.1', 'localhost');
      await page.goto(`${other}/login`);
      await page.fill('[name=email]', user.email);
      await page.fill('[name=password]', PASSWORD);
      await t.submit(page, 'main form button[type=submit]');
      assert.equal(new URL(page.url()).pathname, '/dashboard', `logged in from ${other}`);

      // Another site's form, or a post without an Origin, is refused with words a person can read.
      for (const [origin, lang] of [['https://evil.example', 'vi'], ['http://localhost.evil.example:80', 'en'], [null, 'vi']]) {
        const res = await fetch(`${storefront.url}/login${lang === 'en' ? '?lang=en' : ''}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...(origin ? { origin } : {}) },
          body: new URLSearchParams({ email: user.email, password: PASSWORD }).toString(),
        });
        assert.equal(res.status, 403, `from ${origin}`);
        assert.equal(res.headers.getSetCookie().length, 0, 'no session for a cross-site post');
        assert.equal(await res.text(), msg(lang, 'error_crossSiteForm'));
      }
    } finally {
      await storefront.stop();
    }
  });

  h.test('security: the storefront tells the API each visitor’s address, with its secret, and nothing without one', async (t) => {
    // A recording pass-through in front of the API shows what the storefront sends it.
    const seen = [];
    const proxy = createServer(async (req, res) => {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const body = Buffer.concat(chunks).toString();
      if (body.includes('mutation Login')) seen.push({ address: req.headers['x-client-address'], secret: req.headers['x-storefront-secret'], forwardedFor: req.headers['x-forwarded-for'] });
      const upstream = await fetch(`${t.apiUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': req.headers['accept-language'] ?? 'vi' }, body });
      res.writeHead(upstream.status, { 'content-type': 'application/json' });
      res.end(await upstream.text());
    });
    await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
    const apiPort = proxy.address().port;
    const secret = `secret-${uniq('')}-0123456789`;
    // Visitors told apart by a header a reverse proxy would set (adapter-node's ADDRESS_HEADER).
    const storefront = await startStorefront({ ...t, apiUrl: `http://127.0.0.1:${apiPort}` }, { STOREFRONT_SECRET: secret, ADDRESS_HEADER: 'x-test-visitor' });
    const bare = await startStorefront({ ...t, apiUrl: `http://127.0.0.1:${apiPort}` }, { ADDRESS_HEADER: 'x-test-visitor' });
    try {
      const failedLogin = (base, visitor) =>
        fetch(`${base}/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: base.replace('127.0.0.1', 'localhost'), 'x-test-visitor': visitor },
          body: new URLSearchParams({ email: `${uniq('nobody')}@example.vn`, password: 'wrong-password-1' }).toString(),
        });
      for (const visitor of ['198.51.100.7', '198.51.100.8']) assert.equal((await failedLogin(storefront.url, visitor)).status, 401, 'a wrong password');
      assert.deepEqual(
        seen.map((s) => [s.address, s.secret]),
        [
          ['198.51.100.7', secret],
          ['198.51.100.8', secret],
        ],
      );
      // Without a configured secret the storefront names nobody (the API would not believe it anyway).
      seen.length = 0;
      assert.equal((await failedLogin(bare.url, '198.51.100.9')).status, 401);
      assert.deepEqual(seen, [{ address: undefined, secret: undefined, forwardedFor: undefined }]);
    } finally {
      await storefront.stop();
      await bare.stop();
      proxy.close();
    }
  });

  h.test('security: the CSV downloads carry the staff member’s own address and browser to the API, as its other calls do (the audit log records them)', async (t) => {
    // A pass-through in front of the API records what the storefront sends with each download.
    const seen = [];
    const proxy = createServer(async (req, res) => {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      if (req.url.startsWith('/exports/')) {
        seen.push({ path: req.url.split('?')[0], address: req.headers['x-client-address'], secret: req.headers['x-storefront-secret'], userAgent: req.headers['user-agent'], auth: !!req.headers.authorization });
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(k)));
      const upstream = await fetch(`${t.apiUrl}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      res.writeHead(upstream.status, Object.fromEntries(['content-type', 'content-disposition'].filter((h) => upstream.headers.get(h)).map((h) => [h, upstream.headers.get(h)])));
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
    const secret = `secret-${uniq('')}-0123456789`;
    const storefront = await startStorefront({ ...t, apiUrl: `http://127.0.0.1:${proxy.address().port}` }, { STOREFRONT_SECRET: secret, ADDRESS_HEADER: 'x-test-visitor' });
    try {
      const token = await adminToken(t);
      // An event of the department's for its report.
      const organiser = await apiUser(t, 'Ban tổ chức');
      const org = await apiOrganization(t, organiser.token, { provinceCode: 'hue' });
      const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
      const { createEvent } = await t.gql(
        `mutation($o: ID!, $i: EventInput!) { createEvent(organizerId: $o, input: $i) { slug } }`,
        {
          o: org.id,
          i: {
            nameVi: `Chợ công nghệ Huế ${uniq('')}`,
            nameEn: 'Hue technology market',
            kind: 'BROKERAGE_DAY',
            startsOn: day(30),
            endsOn: day(30),
            provinceCode: 'hue',
            online: false,
            venue: 'Trung tâm Hội nghị Huế',
            description: 'Một ngày gặp gỡ B2B giữa viện nghiên cứu và doanh nghiệp chế biến nông sản miền Trung.',
            fieldCodes: ['407'],
            registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
            registrationClosesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
            meetingDays: [day(30)],
            meetingTables: 5,
          },
        },
        token,
      );
      const browser = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
      const paths = ['/admin/audit/export.csv', '/moderation/stats/deals.csv', `/events/${createEvent.slug}/report.csv`];
      for (const path of paths) {
        const res = await fetch(`${storefront.url}${path}`, { redirect: 'manual', headers: { cookie: `session=${token}`, 'user-agent': browser, 'x-test-visitor': '198.51.100.21' } });
        assert.equal(res.status, 200, `${path}: ${res.status}`);
        assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
      }
      assert.deepEqual(
        seen.map(({ path, ...rest }) => [path.replace(/events\/[^/]+\//, 'events/…/'), rest]),
        ['/exports/staff-audit.csv', '/exports/deals.csv', '/exports/events/…/report.csv'].map((path) => [path, { address: '198.51.100.21', secret, userAgent: browser, auth: true }]),
      );
    } finally {
      await storefront.stop();
      proxy.close();
    }
  });
}
