// Browser tests of the storefront (apps/web/tests/*.e2e.mjs), run by `npm test` (scripts/test.mjs
// calls runWebTests with this run's database and Meilisearch) or alone:
//   node scripts/lib/web-tests.mjs [name filter]   (own fresh database and Meilisearch; cleans up)
//
// It builds the storefront for production (GraphQL codegen → vite build), starts the real API
// (dist/, built by the caller or here) and the built storefront on free ports, and drives Debian's
// headless Chromium shell (installed with apt-get when missing) through playwright-core. The steps of a journey
// after a failed one are skipped (and counted as skipped). Screenshots (of failures; of every page with
// WEB_TEST_SCREENSHOTS=1) go to <outDir>/screenshots/; every
// main page is checked with axe-core (serious or critical violations fail the test).
import { execFileSync, execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT } from '../ensure-install.mjs';
import { freePorts } from './services.mjs';
import { TEST_BUILD_OUT } from './web-build.mjs';

// The browser tests drive Debian's headless shell (package chromium-headless-shell): the same Blink
// as the browser, without the browser around it (windows, address bar, WebUI pages, extensions),
// and what Playwright itself runs for headless tests. 2026-12-05, the 16 steps of the Vietnamese
// journey: 28.6 CPU-seconds of it against 52.2 for the full browser (with the flags that trimmed
// it: no launcher, no omnibox popup), 40 s instead of 56. CHROMIUM_BIN names another binary.
export const HEADLESS_SHELL = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium-headless-shell';
// The full browser, for Lighthouse (scripts/lighthouse.mjs): its binary itself, not the
// /usr/bin/chromium launcher, whose desktop flags (GPU rasterisation done in software, extension
// loading) cost about a tenth more CPU.
export const CHROMIUM = '/usr/lib/chromium/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The headless shell through playwright-core, with our flags (Playwright adds --headless itself). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: HEADLESS_SHELL, args: CHROMIUM_ARGS.filter((a) => a !== '--headless'), headless: true });
}

const log = (msg) => console.log(`[web-tests] ${msg}`);

/** A binary of Debian's Chromium packages, installed when missing (the test machine runs as root). */
function ensureDebianBinary(binary, pkg) {
  if (existsSync(binary)) return;
  log(`installing ${pkg} (apt-get install -y ${pkg})…`);
  const opts = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  try {
    execSync(`apt-get install -y --no-install-recommends ${pkg}`, opts);
  } catch {
    execSync(`apt-get update && apt-get install -y --no-install-recommends ${pkg}`, opts);
  }
  if (!existsSync(binary)) throw new Error(`${binary} is not there after apt-get install ${pkg}`);
}

/** Debian's Chromium (the full browser, for Lighthouse). */
export const ensureChromium = () => ensureDebianBinary(CHROMIUM, 'chromium');
/** Debian's headless shell (the browser tests), unless CHROMIUM_BIN names a binary of one's own. */
const ensureHeadlessShell = () => (process.env.CHROMIUM_BIN ? undefined : ensureDebianBinary(HEADLESS_SHELL, 'chromium-headless-shell'));

const CODEGEN = ['apps/web/scripts/codegen.mjs'];
const VITE_BUILD = [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'];

/**
 * The browser tests' own production build (web-build.mjs, WEB_BUILD_OUT in svelte.config.js): a run
 * of `npm test` beside `npm start` rebuilt apps/web/build under the running storefront, whose next
 * page then asked for a chunk that was gone (500 on every page not yet loaded).
 */
const TEST_BUILD_ENTRY = join('apps', 'web', TEST_BUILD_OUT, 'index.js');
const testBuildEnv = () => ({ ...process.env, WEB_BUILD_OUT: TEST_BUILD_OUT });

/** GraphQL codegen (types from apps/api/schema.gql) and the production build, into apps/web/build or (`out`) another folder. */
export function buildWeb(out = 'build') {
  execFileSync(process.execPath, CODEGEN, { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, VITE_BUILD, { cwd: join(ROOT, 'apps', 'web'), stdio: 'inherit', env: { ...process.env, WEB_BUILD_OUT: out } });
}

/**
 * The same build in child processes, so that the caller can go on meanwhile (`npm test` builds the
 * storefront while the API is type-checked: two single-threaded jobs on two cores). Resolves when
 * done, rejects naming the step that failed.
 */
export async function buildWebInBackground() {
  const run = (args, cwd, step) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd, stdio: 'inherit', env: testBuildEnv() });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`storefront ${step} exited with code ${code}`))));
    });
  await run(CODEGEN, ROOT, 'codegen');
  await run(VITE_BUILD, join(ROOT, 'apps', 'web'), 'build');
}

async function waitFor(url, child, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer on ${url} within ${timeoutMs / 1000} s`);
}

function startProcess(args, env, logFile, what) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (d) => {
    tail = (tail + d).slice(-20_000);
    writeFileSync(logFile, tail);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return { child, stop, what, logTail: () => tail };
}

// Staff need a second factor: the tests' admin is enrolled with this authenticator secret (the
// API's ADMIN_TOTP_SECRET, or the fixture below) and the tests compute its codes (tests/support/totp.mjs).
const ADMIN = { email: 'admin@webtest.techport.vn', password: 'Admin-Password-2026', totpSecret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' };
/** Who runs the exchange, as the test storefront is configured (OPERATOR_*: the About page). */
const OPERATOR = { name: 'Sở Khoa học và Công nghệ thành phố Cần Thơ', nameEn: 'Can Tho City Department of Science and Technology', email: 'techport@webtest.techport.vn' };

/**
 * How many lanes the browser tests run in: each lane is an API, a storefront and a database of its
 * own, and takes the next test file from one queue (the largest first), its tests one after the
 * other. One by default: on two cores, beside jest, the whole run is bound by the processor, and two
 * lanes only moved time from jest to the browser tests (2026-12-07: `npm test` 14 min 58 s with one
 * lane, 15 min 0 s with two; docs/benchmarks.md). WEB_TEST_LANES=n for a machine with more cores.
 */
export function webTestLanes(filter = '') {
  if (filter) return 1;
  return Math.max(1, Math.floor(Number(process.env.WEB_TEST_LANES ?? 1)) || 1);
}

/**
 * Runs every browser test. `databaseUrls`: one migrated database per lane (webTestLanes); `meili`:
 * { url, key }. Returns { passed, failed, skipped }.
 */
export async function runWebTests({ databaseUrls, meili, outDir, filter = process.env.WEB_TESTS_FILTER ?? '', built = false }) {
  const started = Date.now();
  const webOut = join(outDir, 'web');
  const shots = join(outDir, 'screenshots');
  // A full run starts from an empty folder; a filtered one only replaces its own screenshots.
  if (!filter) rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  mkdirSync(webOut, { recursive: true });

  ensureHeadlessShell();
  // `built`: the caller built the storefront already (buildWebInBackground).
  if (!built) {
    log('building the storefront (codegen + vite build)…');
    buildWeb(TEST_BUILD_OUT);
  }
  if (!existsSync(join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js'))) {
    const { buildApi } = await import('./build.mjs');
    buildApi();
  }

  const counts = { passed: 0, failed: 0, skipped: 0 };
  const lanes = [];
  let browser;
  try {
    // The lanes' servers start side by side (each API takes some seconds to boot).
    const starting = databaseUrls.map((databaseUrl, i) => startLane({ lane: i + 1, databaseUrl, meili, out: databaseUrls.length > 1 ? join(webOut, `lane-${i + 1}`) : webOut }));
    const settled = await Promise.allSettled(starting);
    for (const s of settled) if (s.status === 'fulfilled') lanes.push(s.value);
    const refused = settled.find((s) => s.status === 'rejected');
    if (refused) throw refused.reason;

    browser = await launchChromium();
    const { createHarness } = await import(pathToFileURL(join(ROOT, 'apps', 'web', 'tests', 'support', 'harness.mjs')).href);
    const testsDir = join(ROOT, 'apps', 'web', 'tests');
    // Largest first, so that no lane is left with a long file at the end.
    const queue = readdirSync(testsDir)
      .filter((f) => f.endsWith('.e2e.mjs'))
      .sort((a, b) => statSync(join(testsDir, b)).size - statSync(join(testsDir, a)).size || a.localeCompare(b));
    const runLane = async (lane) => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        if (lanes.length > 1) console.log(`  [lane ${lane.lane}] ${file}`);
        const mod = await import(pathToFileURL(join(testsDir, file)).href);
        if (typeof mod.default !== 'function') throw new Error(`${file} must export default (harness) => void`);
        const harness = createHarness({ browser, webUrl: lane.webUrl, apiUrl: lane.apiUrl, admin: ADMIN, operator: OPERATOR, screenshotsDir: shots, outDir: lane.out, filter, databaseUrl: lane.databaseUrl });
        mod.default(harness);
        const result = await harness.run();
        counts.passed += result.passed;
        counts.failed += result.failed;
        counts.skipped += result.skipped;
      }
    };
    await Promise.all(lanes.map(runLane));
  } catch (err) {
    console.error(`[web-tests] ${err instanceof Error ? err.stack : err}`);
    for (const lane of lanes) for (const p of lane.processes) if (p.logTail()) console.error(`--- ${p.what} log (tail) ---\n${p.logTail().slice(-3000)}`);
    counts.failed += 1;
  } finally {
    await browser?.close().catch(() => {});
    for (const lane of lanes) await lane.stop();
  }
  log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${Math.round((Date.now() - started) / 1000)} s (${lanes.length} lane${lanes.length === 1 ? '' : 's'}); screenshots in ${shots}`);
  return { passed: counts.passed, failed: counts.failed, skipped: counts.skipped };
}

/** One lane's API and storefront on free ports, over its own database and search indexes. */
async function startLane({ lane, databaseUrl, meili, out }) {
  mkdirSync(out, { recursive: true });
  const [apiPort, webPort] = await freePorts(2);
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const indexPrefix = `w${process.pid}${randomBytes(2).toString('hex')}`;
  // Shared by the API and the storefront, as `npm start` does: the API believes the visitor addresses the storefront names.
  const storefrontSecret = `web-tests-${randomBytes(16).toString('hex')}`;
  const processes = [];
  const stop = async () => {
    for (const p of [...processes].reverse()) await p.stop();
    await deleteIndexes(meili, indexPrefix).catch(() => {});
  };
  try {
    const api = startProcess(
      ['dist/apps/api/src/main.js'],
      {
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.key ?? '',
        MEILI_INDEX_PREFIX: indexPrefix,
        JWT_SECRET: `web-tests-${randomBytes(24).toString('hex')}`,
        API_PORT: String(apiPort),
        API_HOST: '127.0.0.1',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        ADMIN_TOTP_SECRET: ADMIN.totpSecret,
        PUBLIC_WEB_URL: webUrl,
        CORS_ORIGINS: webUrl,
        WORKERS_ENABLED: 'true',
        // The charts' monthly rollup: refreshed every 2 s so pages show what a test just did.
        STATS_REFRESH_SECONDS: '2',
        LOG_LEVEL: 'warn',
        STOREFRONT_SECRET: storefrontSecret,
        // Every test registers its own users from one address.
        RATE_LIMIT_REGISTER_PER_IP: '10000',
        RATE_LIMIT_LOGIN_PER_IP: '10000',
        RATE_LIMIT_MESSAGES_PER_ACCOUNT: '10000',
        RATE_LIMIT_MESSAGES_PER_IP: '10000',
        MAIL_OUTBOX_DIR: join(out, 'mail'),
        TECHPORT_NO_MAIN: '',
      },
      join(out, 'api.log'),
      `API (lane ${lane})`,
    );
    processes.push(api);
    await waitFor(`${apiUrl}/health`, api.child, 'the API');
    await ensureAdmin(apiUrl, databaseUrl);
    const web = startProcess(
      [TEST_BUILD_ENTRY],
      { NODE_ENV: 'production', PORT: String(webPort), HOST: '127.0.0.1', ORIGIN: webUrl, PUBLIC_WEB_URL: webUrl, API_URL: `${apiUrl}/graphql`, STOREFRONT_SECRET: storefrontSecret, BODY_SIZE_LIMIT: '210M', OPERATOR_NAME: OPERATOR.name, OPERATOR_NAME_EN: OPERATOR.nameEn, OPERATOR_EMAIL: OPERATOR.email },
      join(out, 'web.log'),
      `storefront (lane ${lane})`,
    );
    processes.push(web);
    await waitFor(`${webUrl}/robots.txt`, web.child, 'the storefront');
    log(`lane ${lane}: API ${apiUrl}, storefront ${webUrl}`);
  } catch (err) {
    for (const p of processes) if (p.logTail()) console.error(`--- ${p.what} log (tail) ---\n${p.logTail().slice(-3000)}`);
    await stop();
    throw err;
  }
  return { lane, apiUrl, webUrl, databaseUrl, out, processes, stop };
}

async function gql(apiUrl, query, variables) {
  const res = await fetch(`${apiUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return res.json();
}

/**
 * The tests' admin. The API ensures ADMIN_EMAIL at every start (apps/api/src/modules/accounts/
 * configured-admin.ts), so signing in normally works at once; should it not, the account is
 * registered and given the ADMIN role directly (test fixture, as the API's start-up does).
 */
async function ensureAdmin(apiUrl, databaseUrl) {
  const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
  // Signed in, or asked for the second factor: the password is right either way.
  const passwordRight = async () => {
    const res = await gql(apiUrl, login, { e: ADMIN.email, p: ADMIN.password });
    return !!res.data?.login || res.errors?.[0]?.extensions?.reason === 'SECOND_FACTOR_CODE_REQUIRED';
  };
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE app_user SET roles = ARRAY['MEMBER','ADMIN'], disabled = false, email_verified_at = COALESCE(email_verified_at, now()) WHERE email = lower($1)`, [ADMIN.email]);
    // The authenticator fixture, as the API's start-up does with ADMIN_TOTP_SECRET.
    await client.query(`UPDATE app_user SET totp_secret = $2, totp_enabled_at = now() WHERE email = lower($1) AND totp_secret IS NULL`, [ADMIN.email, ADMIN.totpSecret]);
  } finally {
    await client.end();
  }
  if (!(await passwordRight())) throw new Error(`could not log in as the tests' admin ${ADMIN.email}`);
}

/** Removes this run's search indexes (when the tests share a Meilisearch with others). */
async function deleteIndexes(meili, prefix) {
  const headers = meili.key ? { authorization: `Bearer ${meili.key}` } : {};
  const res = await fetch(`${meili.url}/indexes?limit=1000`, { headers });
  if (!res.ok) return;
  const { results } = await res.json();
  for (const idx of results ?? []) if (idx.uid.startsWith(prefix)) await fetch(`${meili.url}/indexes/${idx.uid}`, { method: 'DELETE', headers });
}

// Alone: `node scripts/lib/web-tests.mjs [filter]` with its own database and Meilisearch.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ensureInstall } = await import('../ensure-install.mjs');
  ensureInstall();
  const { ensurePostgres, ensureMeilisearch, createDatabase, dropDatabase } = await import('./services.mjs');
  const { buildApi, apiCli } = await import('./build.mjs');
  const dbName = `techport_web_${Date.now().toString(36)}_${process.pid}`;
  const filter = process.argv[2] ?? process.env.WEB_TESTS_FILTER ?? '';
  const laneNames = Array.from({ length: webTestLanes(filter) }, (_, i) => `${dbName}_${i + 1}`);
  const pg = await ensurePostgres('test');
  const meili = await ensureMeilisearch('test');
  let code = 1;
  try {
    buildApi();
    // Migrated once, then copied for each lane.
    apiCli(['migrate'], { DATABASE_URL: await createDatabase(pg.adminUrl, dbName) });
    const databaseUrls = [];
    for (const name of laneNames) databaseUrls.push(await createDatabase(pg.adminUrl, name, { template: dbName }));
    const outDir = join(ROOT, 'test-output');
    mkdirSync(outDir, { recursive: true });
    // WEB_TESTS_BUILT=1: reuse the tests' build from an earlier run (quick iterations on the tests themselves).
    const built = process.env.WEB_TESTS_BUILT === '1' && existsSync(join(ROOT, TEST_BUILD_ENTRY));
    const { passed, failed } = await runWebTests({ databaseUrls, meili, outDir, built, filter });
    console.log(`\n${passed} passed, ${failed} failed`);
    code = failed === 0 ? 0 : 1;
  } finally {
    for (const name of [...laneNames, dbName]) await dropDatabase(pg.adminUrl, name).catch(() => {});
    await meili.stop();
    await pg.stop();
  }
  process.exit(code);
}

