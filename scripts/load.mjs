// `npm run load`: a realistic mix of traffic against the production build of the API, from a
// second process on loopback (autocannon), to find the highest rate this machine sustains with
// p95 under 300 ms and no errors, then hold it for several minutes and watch the API's memory.
//
// The exchange under load: the demo data (`seed`) plus --listings generated listings (default
// 20,000), indexed by the operator command `reindex`, in a throwaway database and a private
// Meilisearch. The mix: 55% searches (the benchmark's query set), 20% listing pages, 10% matches,
// 8% market figures, 5% logged-in reads (me, my listings, notifications), 2% logged-in writes
// (a draft listing). Rate limits are raised for the run: they would otherwise answer RATE_LIMITED,
// which is right for one client but not what this measures.
//
// Options: --duration S (the sustained phase, default 180), --probe S (each step of the ramp,
//          default 15), --start R (first rate, requests/s, default 10), --step R (default 10),
//          --listings N (default 20000), --connections C (default 32), --no-write.
import { ensureInstall, ROOT } from './ensure-install.mjs';

ensureInstall();

const { spawn } = await import('node:child_process');
const { randomBytes } = await import('node:crypto');
const { closeSync, openSync, readFileSync, rmSync } = await import('node:fs');
const { join } = await import('node:path');
const { createRequire } = await import('node:module');
const { default: autocannon } = await import('autocannon');
const { apiCli, buildApi } = await import('./lib/build.mjs');
const { DATA_DIR, createDatabase, dropDatabase, ensurePostgres, freePort, startMeilisearch } = await import('./lib/services.mjs');
const { appendBenchmarks, machine, machineLine, markdownTable, ms, summarize } = await import('./lib/bench-common.mjs');
const { QUERIES, load, post, waitHealthy } = await import('./lib/bench-search.mjs');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DURATION = option('--duration', 180);
const PROBE = option('--probe', 15);
const START = option('--start', 10);
const STEP = option('--step', 10);
const LISTINGS = option('--listings', 20_000);
const CONNECTIONS = option('--connections', 32);
const log = (m) => console.log(`[load] ${m}`);

const stamp = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
const logFile = join(DATA_DIR, `load-${stamp}.log`);
const m = machine();
log(`machine: ${machineLine(m)}`);
buildApi();
const pgServer = await ensurePostgres('test');
const dbName = `techport_load_${stamp}`;
const databaseUrl = await createDatabase(pgServer.adminUrl, dbName);
const meili = await startMeilisearch({ dir: join(DATA_DIR, `load-meili-${stamp}`) });
const env = { DATABASE_URL: databaseUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, MEILI_INDEX_PREFIX: 'load' };
let api;
try {
  apiCli(['migrate'], env);
  apiCli(['seed'], env);
  log(`adding ${LISTINGS} generated listings…`);
  await load(databaseUrl, LISTINGS);
  apiCli(['reindex'], env);

  const port = await freePort();
  const fd = openSync(logFile, 'a');
  api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      WORKERS_ENABLED: 'true',
      RATE_LIMIT_LOGIN_PER_IP: '1000000',
      RATE_LIMIT_MESSAGES_PER_IP: '1000000',
      RATE_LIMIT_MESSAGES_PER_ACCOUNT: '1000000',
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, 60_000);

  // What the mix needs: published slugs, member tokens and their organisations.
  const pg = createRequire(join(ROOT, 'package.json'))('pg');
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const slugs = (await db.query(`SELECT slug FROM listing WHERE status = 'PUBLISHED' AND expired_at IS NULL ORDER BY random() LIMIT 2000`)).rows.map((r) => r.slug);
  const members = (
    await db.query(
      `SELECT u.email, m.organization_id FROM app_user u JOIN organization_member m ON m.user_id = u.id
       WHERE u.email LIKE '%demo.techport.vn' AND NOT ('MODERATOR' = ANY(u.roles)) ORDER BY u.email LIMIT 20`,
    )
  ).rows;
  await db.end();
  const sessions = [];
  for (const mbr of members) {
    const res = await post(`${url}/graphql`, { query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, variables: { e: mbr.email, p: 'Techport@2026' } });
    sessions.push({ token: res.body.data.login.token, organizationId: mbr.organization_id });
  }
  const schema = readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8');
  const hasMatches = /\bmatches\(/.test(schema);

  const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
  const LISTING = `query($s: String) { listing(slug: $s) { id title summary description keywords trl transferModes ipStatus price { min max currency negotiable }
    organization { name slug verified province { name } } fields { code name } province { name } publishedAt expired } }`;
  const MATCHES = `query($s: String) { listing(slug: $s) { id matches(limit: 10) { score reasons { code label weight } listing { id title slug } } } }`;
  const SEARCH = `query($input: SearchInput!) { search(input: $input) { totalHits processingTimeMs
    hits { highlightedTitle highlightedSummary listing { id slug title organization { name } } } facets { name values { value label count } } } }`;
  const STATS = `{ stats { publishedOffers publishedDemands organizations dealsApproved listingsByField { key label count } } }`;
  const MINE = `{ me { id displayName } myListings(page: { pageSize: 20 }) { totalItems items { id title status } } notifications(unreadOnly: true) { id title } }`;
  const CREATE = `mutation($input: ListingInput!) { createListing(input: $input) { id } }`;
  let drafts = 0;
  function nextRequest() {
    const r = Math.random() * 100;
    let body;
    let token = null;
    if (r < 55) body = { query: SEARCH, variables: { input: { ...pick(QUERIES), page: 1 + Math.floor(Math.random() * 2) } } };
    else if (r < 75 || (!hasMatches && r < 85)) body = { query: LISTING, variables: { s: pick(slugs) } };
    else if (r < 85) body = { query: MATCHES, variables: { s: pick(slugs) } };
    else if (r < 93) body = { query: STATS };
    else if (r < 98) {
      token = pick(sessions).token;
      body = { query: MINE };
    } else {
      const s = pick(sessions);
      token = s.token;
      drafts++;
      body = {
        query: CREATE,
        variables: {
          input: {
            kind: 'DEMAND', organizationId: s.organizationId, title: `Cần giải pháp giám sát chất lượng nước ao nuôi tôm ${drafts}`,
            summary: 'Trang trại cần hệ thống cảm biến đo oxy hòa tan và cảnh báo qua điện thoại.',
            description: 'Trang trại 12 ao nuôi tôm thẻ chân trắng, tôm hay chết vào rạng sáng do thiếu oxy. Cần thiết bị đo liên tục và cảnh báo.',
            fieldCodes: ['4'], keywords: ['nuôi tôm', 'oxy hòa tan', 'cảnh báo'], trl: 7, transferModes: ['EQUIPMENT_SUPPLY'], priceMax: 150000000, provinceCode: 'ca-mau',
          },
        },
      };
    }
    return { body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'accept-language': Math.random() < 0.8 ? 'vi' : 'en', ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  }

  const rss = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))[1]);
      return kb / 1024;
    } catch {
      return NaN;
    }
  };

  /** One phase at a fixed rate; our own latency list (autocannon's has no p95) and error count. */
  function phase(rate, seconds) {
    return new Promise((resolve, reject) => {
      const latencies = [];
      let errors = 0;
      let requests = 0;
      const instance = autocannon(
        {
          url: `${url}/graphql`,
          method: 'POST',
          connections: CONNECTIONS,
          duration: seconds,
          overallRate: rate,
          requests: [{ setupRequest: (req) => ({ ...req, method: 'POST', path: '/graphql', ...nextRequest() }) }],
          setupClient: (client) => client.on('body', (buf) => void (buf.includes('"errors"') && errors++)),
        },
        (err, result) => (err ? reject(err) : resolve({ rate, seconds, result, latencies: summarize(latencies), errors: errors + result.non2xx + result.errors + result.timeouts, requests })),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        requests++;
        latencies.push(responseTime);
      });
    });
  }

  // Each kind of request alone, sequentially: what one request costs before any contention.
  log('each kind of request alone (20 sequential each)…');
  const kinds = {
    search: () => ({ query: SEARCH, variables: { input: { ...pick(QUERIES), page: 1 } } }),
    listing: () => ({ query: LISTING, variables: { s: pick(slugs) } }),
    ...(hasMatches ? { matches: () => ({ query: MATCHES, variables: { s: pick(slugs) } }) } : {}),
    stats: () => ({ query: STATS }),
    mine: () => ({ query: MINE }),
  };
  const single = [];
  for (const [kind, make] of Object.entries(kinds)) {
    const times = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const res = await post(`${url}/graphql`, make(), kind === 'mine' ? { authorization: `Bearer ${sessions[0].token}` } : {});
      times.push(performance.now() - started);
      if (res.status !== 200 || res.body.errors) throw new Error(`${kind}: ${JSON.stringify(res.body.errors ?? res.status).slice(0, 300)}`);
    }
    const s = summarize(times);
    single.push({ kind, p50: ms(s.p50), p95: ms(s.p95) });
    log(`  ${kind.padEnd(8)} p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms`);
  }

  log('warming up…');
  await phase(START, 10);
  const rssStart = rss();
  log(`ramping from ${START} requests/s in steps of ${STEP} (${PROBE} s each) until p95 > 300 ms or any error…`);
  const ramp = [];
  let best = null;
  for (let rate = START; rate <= 2000; rate += STEP) {
    const p = await phase(rate, PROBE);
    const achieved = p.requests / PROBE;
    ramp.push({ target: rate, achieved: achieved.toFixed(1), p50: ms(p.latencies.p50), p95: ms(p.latencies.p95), p99: ms(p.latencies.p99), errors: p.errors });
    log(`  ${rate}/s → ${achieved.toFixed(1)}/s achieved, p50 ${ms(p.latencies.p50)} p95 ${ms(p.latencies.p95)} p99 ${ms(p.latencies.p99)} ms, ${p.errors} error(s)`);
    // The machine is saturated when it no longer delivers the asked rate, or p95 or errors break the bar.
    if (p.latencies.p95 > 300 || p.errors > 0 || achieved < rate * 0.95) break;
    best = rate;
  }
  if (!best) throw new Error(`even ${START} requests/s broke the bar; lower --start`);
  // Hold a notch below the edge found by the short probes, for the several-minute run.
  const sustained = Math.max(START, best - STEP);
  log(`holding ${sustained} requests/s for ${DURATION} s…`);
  const rssBefore = rss();
  const run = await phase(sustained, DURATION);
  const rssEnd = rss();
  const achieved = run.requests / DURATION;
  const verdict = run.latencies.p95 <= 300 && run.errors === 0 ? 'met' : 'NOT met';
  log(`sustained ${achieved.toFixed(1)} requests/s: p50 ${ms(run.latencies.p50)} p95 ${ms(run.latencies.p95)} p99 ${ms(run.latencies.p99)} ms, ${run.errors} error(s), ${run.requests} requests; bar ${verdict}`);
  log(`API memory (RSS): ${rssStart.toFixed(0)} MiB after warm-up, ${rssBefore.toFixed(0)} MiB before the sustained run, ${rssEnd.toFixed(0)} MiB at its end`);

  if (!args.includes('--no-write')) {
    appendBenchmarks(`## Load — ${m.date}

Machine: ${machineLine(m)}. \`npm run load\`: the production API (workers on) over the demo data plus ${LISTINGS.toLocaleString('en')} generated listings; autocannon from a second process on loopback, ${CONNECTIONS} connections; mix 55% search, 20% listing page, 10% matches${hasMatches ? '' : ' (not in this build: listing pages instead)'}, 8% market figures, 5% logged-in reads, 2% logged-in writes.

Each kind of request alone (20 sequential requests each):

${markdownTable(single, [['request', 'kind', 'left'], ['p50 ms', 'p50'], ['p95 ms', 'p95']])}

Ramp (${PROBE} s per step):

${markdownTable(ramp, [['target req/s', 'target'], ['achieved req/s', 'achieved'], ['p50 ms', 'p50'], ['p95 ms', 'p95'], ['p99 ms', 'p99'], ['errors', 'errors']])}

**Sustained ${DURATION} s at ${sustained} requests/s** (achieved ${achieved.toFixed(1)}/s): p50 ${ms(run.latencies.p50)} ms, p95 ${ms(run.latencies.p95)} ms, p99 ${ms(run.latencies.p99)} ms, ${run.errors} errors over ${run.requests.toLocaleString('en')} requests — bar (p95 < 300 ms, zero errors) ${verdict}.
API memory (RSS): ${rssStart.toFixed(0)} MiB after warm-up → ${rssBefore.toFixed(0)} MiB before the sustained run → ${rssEnd.toFixed(0)} MiB at its end.
`);
    log('figures appended to docs/benchmarks.md');
  }
} finally {
  api?.kill('SIGTERM');
  await meili.stop();
  rmSync(join(DATA_DIR, `load-meili-${stamp}`), { recursive: true, force: true });
  await dropDatabase(pgServer.adminUrl, dbName).catch(() => {});
  await pgServer.stop();
}
