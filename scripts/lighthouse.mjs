// `npm run lighthouse`: Lighthouse scores of the storefront's production build.
//
// Builds the API and the storefront, starts PostgreSQL/Meilisearch (as `npm test` does: a fresh
// database, its own Meilisearch), migrates and seeds the demo exchange, starts the API and the
// built storefront, then runs Lighthouse (the npm package, default mobile settings: emulated
// Moto G Power, slow 4G, 4× CPU slowdown) on Debian's Chromium against the home page, a search
// result page, a listing page and a listing with a gallery (two pictures and a PDF sheet), in
// Vietnamese. Prints the scores and adds them, dated, to the storefront section of
// docs/benchmarks.md. Aims: performance ≥ 90, accessibility, best practices and SEO ≥ 95.
// Exit code 1 when a page misses an aim.
//
//   npm run lighthouse [-- --no-write] [-- --runs 3]   (--runs: median of N runs per page)
import { ensureInstall, ROOT } from './ensure-install.mjs';

ensureInstall();

const { spawn } = await import('node:child_process');
const { randomBytes } = await import('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
const { join } = await import('node:path');
const { ensurePostgres, ensureMeilisearch, createDatabase, dropDatabase, freePorts } = await import('./lib/services.mjs');
const { buildApi, apiCli } = await import('./lib/build.mjs');
const { buildWeb, ensureChromium, CHROMIUM } = await import('./lib/web-tests.mjs');
const { machine, machineLine, markdownTable } = await import('./lib/bench-common.mjs');

const args = process.argv.slice(2);
const write = !args.includes('--no-write');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 1) : 1;
const AIMS = { performance: 90, accessibility: 95, 'best-practices': 95, seo: 95 };
const CATEGORIES = Object.keys(AIMS);
const BENCHMARKS_MD = join(ROOT, 'docs', 'benchmarks.md');
const START = '<!-- storefront-lighthouse:start -->';
const END = '<!-- storefront-lighthouse:end -->';

const log = (msg) => console.log(`[lighthouse] ${msg}`);

function start(argv, env, what) {
  const child = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  child.stdout.on('data', (d) => (tail = (tail + d).slice(-4000)));
  child.stderr.on('data', (d) => (tail = (tail + d).slice(-4000)));
  return {
    child,
    what,
    tail: () => tail,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

async function waitFor(url, proc, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.what} exited:\n${proc.tail()}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${proc.what} did not answer on ${url}`);
}

async function gql(apiUrl, query, variables = {}) {
  const res = await fetch(`${apiUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function audit(url, name) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const scores = [];
  const metrics = [];
  for (let i = 0; i < RUNS; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      const lhr = result.lhr;
      // The whole report, for a look at what the main thread did (test-output/lighthouse/<page>.json).
      mkdirSync(join(ROOT, 'test-output', 'lighthouse'), { recursive: true });
      writeFileSync(join(ROOT, 'test-output', 'lighthouse', `${name}.json`), JSON.stringify(lhr));
      scores.push(Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])));
      metrics.push({
        fcp: lhr.audits['first-contentful-paint']?.numericValue ?? NaN,
        lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
        tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
        bytes: lhr.audits['total-byte-weight']?.numericValue ?? NaN,
      });
      const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
      if (failing.length) log(`  ${url}: audits not passed: ${failing.map((a) => a.id).join(', ')}`);
    } finally {
      await chrome.kill();
    }
  }
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(scores.map((s) => s[c]))])),
    metrics: Object.fromEntries(Object.keys(metrics[0]).map((k) => [k, median(metrics.map((m) => m[k]))])),
  };
}

function recordMarkdown(rows, m) {
  const section = [
    `### ${m.date} (${RUNS === 1 ? 'one run' : `median of ${RUNS} runs`} per page)`,
    '',
    machineLine(m),
    '',
    markdownTable(rows, [
      ['page', 'page', 'left'],
      ['performance', (r) => r.scores.performance],
      ['accessibility', (r) => r.scores.accessibility],
      ['best practices', (r) => r.scores['best-practices']],
      ['SEO', (r) => r.scores.seo],
      ['FCP ms', (r) => Math.round(r.metrics.fcp)],
      ['LCP ms', (r) => Math.round(r.metrics.lcp)],
      ['TBT ms', (r) => Math.round(r.metrics.tbt)],
      ['CLS', (r) => r.metrics.cls.toFixed(3)],
      ['transfer KiB', (r) => (r.metrics.bytes / 1024).toFixed(1)],
    ]),
  ].join('\n');
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  let doc = existsSync(BENCHMARKS_MD)
    ? readFileSync(BENCHMARKS_MD, 'utf8')
    : '# Benchmarks\n\nFigures measured by `npm run bench` (scripts/bench.mjs). Each run appends its section below,\nwith the date and the machine it ran on; nothing here is typed in by hand.\n';
  if (!doc.includes(START)) {
    doc = `${doc.trimEnd()}\n\n## Storefront: Lighthouse\n\nWritten by \`npm run lighthouse\` (scripts/lighthouse.mjs): the production build with the demo data, Lighthouse ${lighthouseVersion()} on Debian's Chromium, default mobile settings (emulated mid-range phone, slow 4G, 4× CPU slowdown). Aims: performance ≥ 90; accessibility, best practices, SEO ≥ 95. Newest first.\n\n${START}\n${END}\n`;
  }
  doc = doc.replace(START, `${START}\n${section}\n`);
  writeFileSync(BENCHMARKS_MD, doc);
}

function lighthouseVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
}

// ---------------------------------------------------------------------------------------------
ensureChromium();
log('building the API and the storefront…');
buildApi();
buildWeb();

const pg = await ensurePostgres('test');
const meili = await ensureMeilisearch('test');
const dbName = `techport_lighthouse_${process.pid}`;
const processes = [];
let exitCode = 1;
try {
  const databaseUrl = await createDatabase(pg.adminUrl, dbName, { dropFirst: true });
  apiCli(['migrate'], { DATABASE_URL: databaseUrl });
  apiCli(['seed'], { DATABASE_URL: databaseUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
  const [apiPort, webPort] = await freePorts(2);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  // "localhost": a secure context for Chromium, as the production site (HTTPS) would be.
  const webUrl = `http://localhost:${webPort}`;
  const api = start(
    ['dist/apps/api/src/main.js'],
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.key,
      MEILI_INDEX_PREFIX: `lh${process.pid}`,
      JWT_SECRET: `lighthouse-${randomBytes(24).toString('hex')}`,
      API_PORT: String(apiPort),
      API_HOST: '127.0.0.1',
      PUBLIC_WEB_URL: webUrl,
      CORS_ORIGINS: webUrl,
      LOG_LEVEL: 'warn',
    },
    'API',
  );
  processes.push(api);
  await waitFor(`${apiUrl}/health`, api);
  log('waiting for the demo listings to be indexed…');
  let slug = null;
  for (let i = 0; i < 240 && !slug; i++) {
    try {
      const { search } = await gql(apiUrl, `{ search(input: { kind: OFFER, sort: NEWEST, pageSize: 1 }) { totalHits hits { listing { slug } } } }`);
      if (search.totalHits > 50) slug = search.hits[0].listing.slug;
    } catch {
      // the search index is being built
    }
    if (!slug) await new Promise((r) => setTimeout(r, 500));
  }
  if (!slug) throw new Error('the demo listings never reached the search index');
  // A listing with a gallery (the demo's pictures and PDF sheets), once the worker has made its
  // pictures' responsive sizes: what a buyer sees on a listing that shows its technology.
  log('waiting for a demo listing with a gallery and its picture sizes…');
  let gallerySlug = null;
  for (let i = 0; i < 240 && !gallerySlug; i++) {
    const { search } = await gql(apiUrl, `{ search(input: { pageSize: 50, sort: NEWEST }) { hits { listing { slug attachments { kind images { width } } } } } }`);
    const withGallery = search.hits.find((h) => {
      const images = h.listing.attachments.filter((a) => a.kind === 'IMAGE');
      return images.length >= 2 && images.every((a) => a.images.length > 0) && h.listing.attachments.some((a) => a.kind === 'DOCUMENT');
    });
    gallerySlug = withGallery?.listing.slug ?? null;
    if (!gallerySlug) await new Promise((r) => setTimeout(r, 500));
  }
  if (!gallerySlug) throw new Error('no demo listing with a gallery of two pictures or more (ready sizes)');
  const web = start(['apps/web/build/index.js'], { NODE_ENV: 'production', PORT: String(webPort), HOST: '127.0.0.1', ORIGIN: webUrl, PUBLIC_WEB_URL: webUrl, API_URL: `${apiUrl}/graphql` }, 'storefront');
  processes.push(web);
  await waitFor(`${webUrl}/robots.txt`, web);
  // Warm the storefront's caches (reference data) as a running site has them.
  for (const path of ['/', '/search?q=say+lanh', `/listings/${slug}`, `/listings/${gallerySlug}`]) await fetch(`${webUrl}${path}`);

  const pages = [
    ['home', '/'],
    ['search', '/search?q=say+lanh+nong+san'],
    ['listing', `/listings/${slug}`],
    ['gallery', `/listings/${gallerySlug}`],
  ];
  const rows = [];
  for (const [name, path] of pages) {
    log(`auditing ${name}: ${webUrl}${path}`);
    const r = await audit(`${webUrl}${path}`, name);
    rows.push({ page: `${name} (\`${path.length > 40 ? `${path.slice(0, 37)}…` : path}\`)`, name, ...r });
  }
  console.log('');
  console.log(['page'.padEnd(10), ...CATEGORIES.map((c) => c.padStart(15))].join(''));
  for (const r of rows) console.log([r.name.padEnd(10), ...CATEGORIES.map((c) => String(r.scores[c]).padStart(15))].join(''));
  const missed = rows.flatMap((r) => CATEGORIES.filter((c) => r.scores[c] < AIMS[c]).map((c) => `${r.name} ${c} ${r.scores[c]} < ${AIMS[c]}`));
  if (write) {
    recordMarkdown(rows, machine());
    log('scores added to docs/benchmarks.md');
  }
  if (missed.length) log(`below the aims: ${missed.join('; ')}`);
  else log('every page meets the aims');
  exitCode = missed.length ? 1 : 0;
} catch (err) {
  console.error(err instanceof Error ? err.stack : err);
  for (const p of processes) console.error(`--- ${p.what} ---\n${p.tail()}`);
} finally {
  for (const p of processes.reverse()) await p.stop();
  await dropDatabase(pg.adminUrl, dbName).catch(() => {});
  await meili.stop();
  await pg.stop();
}
process.exit(exitCode);
