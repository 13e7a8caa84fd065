// `npm run bench -- search`: a realistic catalogue of 100 000 listings (generateListings from the
// demo content, ~200 organisations) in a throwaway database, indexed by the operator command
// `reindex` into a private Meilisearch; then the production API (NODE_ENV=production,
// WORKERS_ENABLED=false) answers ~50 realistic searches, and the same searches go straight to
// Meilisearch — over the API's own keep-alive transport, and over the client's default global
// fetch — so the ratio shows what the API adds, and the transport row shows why it matters.
// SQL statements per search are counted by wrapping the PostgreSQL driver inside the API process
// (bench-sql-counter.mjs). Then the search page's query (the storefront's Search document) under
// load: 16 clients through the API beside 16 clients sending its multi-search straight to
// Meilisearch (autocannon), for three states of the page.
//
// Options: --listings N (default 100000), --seconds S (throughput phase per target, default 8),
//          --rounds R (sequential rounds over the query set, default 6), --keep (leave the
//          database and Meilisearch data in place for inspection), --no-write (do not append
//          to docs/benchmarks.md: trial runs), --profile (CPU profile of the API process).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../ensure-install.mjs';
import { apiCli, buildApi } from './build.mjs';
import { DATA_DIR, createDatabase, dropDatabase, ensurePostgres, freePorts, startMeilisearch } from './services.mjs';
import { appendBenchmarks, machine, machineLine, markdownTable, ms, sleep, summarize, table } from './bench-common.mjs';

const log = (msg) => console.log(`[bench:search] ${msg}`);

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}

const dist = (path) => import(pathToFileURL(join(ROOT, 'dist', path)).href);

// ---------------------------------------------------------------------------------------------
// The queries: what visitors type and tick, in Vietnamese with and without diacritics, English,
// typos, filters, sorts and later pages.
// ---------------------------------------------------------------------------------------------

export const QUERIES = [
  { query: 'sấy lạnh' },
  { query: 'say lanh nong san' },
  { query: 'xử lý nước thải' },
  { query: 'xu ly nuoc thai chan nuoi' },
  { query: 'tưới nhỏ giọt' },
  { query: 'tuoi tieu tu dong' },
  { query: 'bảo quản sau thu hoạch' },
  { query: 'bao quan trai cay' },
  { query: 'nuôi tôm' },
  { query: 'nuoi tom cong nghe cao' },
  { query: 'chế phẩm vi sinh' },
  { query: 'phan bon huu co' },
  { query: 'cà phê rang' },
  { query: 'truy xuất nguồn gốc' },
  { query: 'nang luong mat troi' },
  { query: 'máy đóng gói' },
  { query: 'trí tuệ nhân tạo' },
  { query: 'kho lạnh' },
  { query: 'nhà màng' },
  { query: 'thanh long' },
  { query: 'sau rieng' },
  { query: 'biogas' },
  { query: 'cold storage' },
  { query: 'wastewater treatment' },
  { query: 'drip irrigation' },
  { query: 'IoT' },
  { query: 'solar dryer' },
  { query: 'wastewatr' },
  { query: 'nguyeen lieu' },
  { query: 'Long An' },
  { query: '' },
  { query: '', sort: 'NEWEST' },
  { query: '', kind: 'DEMAND' },
  { query: 'sấy', kind: 'OFFER' },
  { query: '', fieldCodes: ['4'] },
  { query: 'may say', fieldCodes: ['407'] },
  { query: '', provinceCodes: ['can-tho', 'tay-ninh'] },
  { query: 'thuy san', provinceCodes: ['ca-mau', 'an-giang', 'can-tho'] },
  { query: '', transferModes: ['LICENSING'] },
  { query: 'chuyen giao', organizationKinds: ['UNIVERSITY', 'RESEARCH_INSTITUTE'] },
  { query: '', trlMin: 7 },
  { query: 'thiết bị', trlMin: 6, trlMax: 8 },
  { query: '', priceMax: 2_000_000_000 },
  { query: 'may', kind: 'OFFER', priceMax: 500_000_000, sort: 'PRICE_ASC' },
  { query: 'he thong', sort: 'PRICE_DESC' },
  { query: 'cong nghe', sort: 'TRL_DESC' },
  { query: 'phần mềm', sort: 'NEWEST' },
  { query: 'nông nghiệp', page: 2 },
  { query: '', page: 5 },
  { query: 'xu ly', pageSize: 50 },
  { query: 'rau', kind: 'OFFER', fieldCodes: ['4'], provinceCodes: ['ha-noi', 'lam-dong'], transferModes: ['TURNKEY', 'LICENSING'], trlMin: 5 },
];

const GQL = `query Search($input: SearchInput!) {
  search(input: $input) {
    totalHits page pageSize processingTimeMs
    hits { highlightedTitle highlightedSummary listing { id title organization { name } } }
    facets { name values { value label count } }
  }
}`;

/** The storefront's search page (apps/web: query Search with the ListingCard fragment). */
const GQL_STOREFRONT = `query Search($input: SearchInput!) {
  search(input: $input) {
    totalHits page pageSize processingTimeMs
    facets { name values { value label count } }
    hits { highlightedTitle highlightedSummary listing {
      id slug kind title summary status trl transferModes ipStatus
      price { min max currency negotiable } province { code name } organization { id slug name kind verified } fields { code name } publishedAt
    } }
  }
}`;

/**
 * The search page's query under load (16 concurrent clients, autocannon): the storefront's Search
 * document for three states of the page — as opened (no words, newest first), words typed, and
 * words with filters ticked — each beside the very multi-search it costs, sent straight to
 * Meilisearch by the same number of clients (the limit the API can approach).
 */
export const PAGE_STATES = [
  { name: 'page opened (no words, newest first)', input: { query: null, sort: 'NEWEST', page: 1, pageSize: 20 } },
  { name: 'words typed ("xử lý nước thải")', input: { query: 'xử lý nước thải', sort: 'RELEVANCE', page: 1, pageSize: 20 } },
  { name: 'words + 2 filters ("may say", field 4, 2 provinces)', input: { query: 'may say', fieldCodes: ['4'], provinceCodes: ['can-tho', 'tay-ninh'], sort: 'RELEVANCE', page: 1, pageSize: 20 } },
];
const LOAD_CLIENTS = 16;

/**
 * \`connections\` clients sending the same request for \`seconds\` (autocannon); latency percentiles
 * from every response's time (autocannon's own summary has no p95).
 */
async function hammer({ url, headers, body, connections, seconds }) {
  const autocannon = createRequire(join(ROOT, 'package.json'))('autocannon');
  const times = [];
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), connections, duration: seconds },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  return { rps: result.requests.total / seconds, errors: result.errors + result.timeouts + result.non2xx, ...summarize(times) };
}

/** GQL plus a field the index documents do not carry (version): every card is read from PostgreSQL. */
const GQL_FROM_DATABASE = GQL.replace('listing { id title', 'listing { id version title');

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

const ORG_WORDS = ['Công nghệ', 'Cơ khí', 'Nông nghiệp Xanh', 'Thực phẩm', 'Môi trường', 'Năng lượng', 'Sinh học', 'Thủy sản', 'Tự động hóa', 'Vật liệu mới', 'Dược liệu', 'Chế biến'];
const ORG_FORMS = {
  ENTERPRISE: (w, p, n) => `Công ty Cổ phần ${w} ${p} ${n}`,
  RESEARCH_INSTITUTE: (w, p, n) => `Viện Nghiên cứu ${w} ${p} ${n}`,
  UNIVERSITY: (w, p, n) => `Trường Đại học ${w} ${p} ${n}`,
  INTERMEDIARY: (w, p, n) => `Trung tâm Ứng dụng ${w} ${p} ${n}`,
  INVESTOR: (w, p, n) => `Quỹ Đầu tư ${w} ${p} ${n}`,
  GOVERNMENT: (w, p, n) => `Trung tâm Khuyến nông ${p} ${n}`,
  OTHER: (w, p, n) => `Hợp tác xã ${w} ${p} ${n}`,
};

/** The demo catalogue's organisations, then more of the same kinds spread over the provinces. */
function organizations(demo, provinces, count) {
  const out = demo.slice(0, count).map((o) => ({ ...o }));
  for (let i = out.length; i < count; i++) {
    const like = demo[i % demo.length];
    const p = provinces[(i * 7) % provinces.length];
    out.push({
      ...like,
      key: `bench-org-${i}`,
      name: ORG_FORMS[like.kind](ORG_WORDS[i % ORG_WORDS.length], p.nameVi, i),
      provinceCode: p.code,
      verified: i % 3 !== 0,
    });
  }
  return out;
}

export async function load(databaseUrl, n) {
  const { buildDemoCatalogue, generateListings } = await dist('apps/api/src/seed/demo-content.js');
  const { PROVINCES } = await dist('libs/shared/src/index.js');
  const pg = createRequire(join(ROOT, 'package.json'))('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const t0 = performance.now();
    const orgs = organizations(buildDemoCatalogue().organizations, PROVINCES, 200);
    const listings = generateListings(n, orgs, 20260301);
    const generateMs = performance.now() - t0;

    const userId = randomUUID();
    await client.query(`INSERT INTO app_user (id, email, password_hash, display_name) VALUES ($1, $2, 'bench', 'Benchmark')`, [userId, `bench-${userId}@bench.invalid`]);
    const orgIds = new Map(orgs.map((o) => [o.key, randomUUID()]));
    await client.query(
      `INSERT INTO organization (id, slug, name, kind, province_code, description, website, verified, created_by)
       SELECT id, slug, name, kind, province_code, description, website, verified, $2 FROM json_to_recordset($1::json)
         AS x(id uuid, slug text, name text, kind text, province_code text, description text, website text, verified boolean)`,
      [JSON.stringify(orgs.map((o, i) => ({ id: orgIds.get(o.key), slug: `bench-org-${i}`, name: o.name, kind: o.kind, province_code: o.provinceCode, description: o.description, website: o.website, verified: o.verified }))), userId],
    );

    const t1 = performance.now();
    let bytes = 0;
    const BATCH = 2000;
    for (let i = 0; i < listings.length; i += BATCH) {
      const rows = listings.slice(i, i + BATCH).map((l, j) => {
        bytes += l.title.length + l.summary.length + l.description.length + (l.specification?.length ?? 0) + (l.advantages?.length ?? 0);
        return {
          id: randomUUID(),
          kind: l.kind,
          slug: `bench-${i + j}`,
          organization_id: orgIds.get(l.orgKey),
          title: l.title,
          summary: l.summary,
          description: l.description,
          specification: l.specification,
          advantages: l.advantages,
          field_codes: l.fieldCodes,
          keywords: l.keywords,
          trl: l.trl,
          transfer_modes: l.transferModes,
          ip_status: l.ipStatus,
          price_min: l.priceMin,
          price_max: l.priceMax,
          negotiable: l.negotiable,
          province_code: l.provinceCode,
          language: l.language,
          days_ago: l.daysAgo,
        };
      });
      // Every listing published (the benchmark is about a 100 000-document index), over the past year.
      await client.query(
        `INSERT INTO listing (id, kind, slug, status, organization_id, created_by, title, summary, description, specification, advantages,
                              field_codes, keywords, trl, transfer_modes, ip_status, price_min, price_max, negotiable, province_code,
                              language, submitted_at, published_at, expires_at)
         SELECT id, kind, slug, 'PUBLISHED', organization_id, $2, title, summary, description, specification, advantages,
                field_codes, keywords, trl, transfer_modes, ip_status, price_min, price_max, negotiable, province_code, language,
                now() - make_interval(days => days_ago, secs => random() * 86400), now() - make_interval(days => days_ago),
                now() + interval '300 days'
         FROM json_to_recordset($1::json) AS x(id uuid, kind text, slug text, organization_id uuid, title text, summary text, description text,
              specification text, advantages text, field_codes text[], keywords text[], trl int, transfer_modes text[], ip_status text,
              price_min bigint, price_max bigint, negotiable boolean, province_code text, language text, days_ago int)`,
        [JSON.stringify(rows), userId],
      );
    }
    await client.query('ANALYZE listing; ANALYZE organization');
    return { organizations: orgs.length, listings: listings.length, generateMs, insertMs: performance.now() - t1, avgTextChars: Math.round(bytes / listings.length) };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Processes and HTTP
// ---------------------------------------------------------------------------------------------

/** Runs a command without blocking this process (Meilisearch's log pipe must keep draining). */
export function runAsync(args, env, logFile) {
  return new Promise((resolve, reject) => {
    const fd = openSync(logFile, 'a');
    let out = '';
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', fd] });
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(`    ${String(d).trimEnd().replace(/\n/g, '\n    ')}\n`);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      closeSync(fd);
      if (code === 0) resolve(out);
      else reject(new Error(`${args.join(' ')} exited with ${code}; see ${logFile}`));
    });
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function post(url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (err) {
          reject(err);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
}

export function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      })
      .on('error', reject);
  });
}

export async function waitHealthy(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await get(`${url}/health`)).status === 200) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`the API did not become healthy at ${url}`);
}

/**
 * The production API on a free port for a benchmark: NODE_ENV=production, no workers, logs to
 * `logFile`, and bench-sql-counter.mjs preloaded (its totals at `counterUrl`). Resolves once
 * /health answers; `stop()` ends it (SIGTERM) and waits.
 */
export async function startBenchApi({ env, logFile, nodeArgs = [] }) {
  const [port, counterPort] = await freePorts(2);
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, '--import', pathToFileURL(join(ROOT, 'scripts', 'lib', 'bench-sql-counter.mjs')).href, 'dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      WORKERS_ENABLED: 'false',
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      BENCH_SQL_COUNTER_PORT: String(counterPort),
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, 60_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, counterUrl: `http://127.0.0.1:${counterPort}/`, stop };
}

// ---------------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------------

export async function timed(fn) {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
}

/** `workers` loops for `seconds`, each request a query of the set in turn. */
export async function throughput(fn, queries, workers, seconds) {
  const latencies = [];
  const end = performance.now() + seconds * 1000;
  let next = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        const q = queries[next++ % queries.length];
        const t = performance.now();
        try {
          await fn(q);
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { rps: latencies.length / seconds, errors, ...summarize(latencies) };
}

// ---------------------------------------------------------------------------------------------

export async function run({ args }) {
  const N = option(args, '--listings', 100_000);
  const seconds = option(args, '--seconds', 8);
  const rounds = option(args, '--rounds', 6);
  const keep = args.includes('--keep');
  const concurrency = 8;
  const m = machine();
  const stamp = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  const logFile = join(DATA_DIR, `bench-search-${stamp}.log`);
  const meiliDir = join(DATA_DIR, `bench-meili-${stamp}`);
  const dbName = `techport_bench_${stamp}`;
  log(`machine: ${machineLine(m)}`);

  log('building the API (dist/)…');
  buildApi();
  const pg = await ensurePostgres('test');
  const databaseUrl = await createDatabase(pg.adminUrl, dbName);
  const meili = await startMeilisearch({ dir: meiliDir });
  const prefix = 'bench';
  let api;
  try {
    apiCli(['migrate'], { DATABASE_URL: databaseUrl });

    log(`generating and inserting ${N} listings…`);
    const data = await load(databaseUrl, N);
    log(`  ${data.listings} listings (${data.avgTextChars} characters of text each on average), ${data.organizations} organisations: generated in ${(data.generateMs / 1000).toFixed(1)} s, inserted in ${(data.insertMs / 1000).toFixed(1)} s`);

    const env = { DATABASE_URL: databaseUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, MEILI_INDEX_PREFIX: prefix };
    log('full reindex (`reindex`, the operator command)…');
    const reindexWall = await timed(() => runAsync(['dist/apps/api/src/cli.js', 'reindex'], env, logFile));
    const line = new RegExp(`${prefix}_listings: (\\d+) documents in ([\\d.]+) s \\((\\d+) docs/s`).exec(reindexWall.result);
    if (!line) throw new Error('could not read the reindex report');
    const reindex = { documents: Number(line[1]), seconds: Number(line[2]), docsPerSecond: Number(line[3]), wallSeconds: reindexWall.ms / 1000 };

    const { createMeiliClient } = await dist('apps/api/src/modules/search/meili.client.js');
    const { buildListingSearch } = await dist('apps/api/src/modules/search/search-query.js');
    const fast = createMeiliClient({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
    const viaFetch = createMeiliClient({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key }, { transport: 'fetch' });
    const uid = `${prefix}_listings`;
    // Where the reindex's time went: Meilisearch's own indexing (its document tasks, busy time and
    // first start to last finish) beside the command's wall time, which also builds the documents.
    const added = (await fast.tasks.getTasks({ types: ['documentAdditionOrUpdate'], statuses: ['succeeded'], limit: 1000 })).results.filter((t) => String(t.indexUid).startsWith(`${uid}_`));
    const iso = (d) => new Date(d).getTime();
    // Tasks batched together share their start and finish: count each batch once.
    const batches = new Map(added.map((t) => [t.batchUid ?? t.uid, iso(t.finishedAt) - iso(t.startedAt)]));
    const busyS = [...batches.values()].reduce((sum, ms) => sum + ms, 0) / 1000;
    const spanS = added.length ? (Math.max(...added.map((t) => iso(t.finishedAt))) - Math.min(...added.map((t) => iso(t.enqueuedAt)))) / 1000 : 0;
    reindex.meili = { tasks: added.length, busyS, spanS };
    log(`  Meilisearch indexing: ${added.length} document tasks, busy ${busyS.toFixed(1)} s, first enqueued to last finished ${spanS.toFixed(1)} s`);
    const stats = await fast.index(uid).getStats();
    const tasksBefore = (await fast.tasks.getTasks({ limit: 1 })).results[0]?.uid ?? -1;

    log('starting the API (NODE_ENV=production, WORKERS_ENABLED=false)…');
    const profile = args.includes('--profile') ? ['--cpu-prof', '--cpu-prof-dir', join(DATA_DIR, `bench-profile-${stamp}`)] : [];
    api = await startBenchApi({ env, logFile, nodeArgs: profile });
    const apiUrl = api.url;
    const tasksAfter = (await fast.tasks.getTasks({ limit: 1 })).results[0]?.uid ?? -1;
    if (tasksAfter !== tasksBefore) log('  note: the API enqueued Meilisearch tasks at start-up (settings differed?)');

    const apiSearchWith = (query) => async (input) => {
      const res = await post(`${apiUrl}/graphql`, { query, variables: { input } }, { 'accept-language': 'vi' });
      if (res.status !== 200 || res.body.errors) throw new Error(`API: ${JSON.stringify(res.body.errors ?? res.status)}`);
      return res.body.data.search;
    };
    const apiSearch = apiSearchWith(GQL);
    const params = (input) => ({ ...input, page: input.page ?? 1, pageSize: input.pageSize ?? 20 });
    const rawSearch = (client) => (input) => client.multiSearch({ queries: buildListingSearch(uid, params(input)) });
    const sqlCount = async () => JSON.parse((await get(api.counterUrl)).text);

    log(`warming up and checking that both paths agree on the ${QUERIES.length} queries…`);
    let disagreements = 0;
    let zeroHit = 0;
    const empty = [];
    const cold = { api: [], raw: [] };
    for (const q of QUERIES) {
      // Sequential, so the first request of each query (nothing cached for it) is timed alone.
      const { ms: rawMs, result: r } = await timed(() => rawSearch(fast)(q));
      const { ms: apiMs, result: a } = await timed(() => apiSearch(q));
      cold.raw.push(rawMs);
      cold.api.push(apiMs);
      await rawSearch(viaFetch)(q);
      await apiSearchWith(GQL_STOREFRONT)(q);
      await apiSearchWith(GQL_FROM_DATABASE)(q);
      if (a.totalHits !== r.results[0].totalHits) disagreements++;
      if (a.totalHits === 0) {
        zeroHit++;
        empty.push(JSON.stringify(q));
      }
    }
    log(`  ${disagreements} disagreement(s) on totalHits; ${zeroHit} query(ies) with no hit${empty.length ? `: ${empty.join(', ')}` : ''}`);

    log(`sequential latency: ${rounds} rounds × ${QUERIES.length} queries per path…`);
    const lat = { api: [], raw: [], fetch: [], storefront: [], fromDatabase: [] };
    const sql = [];
    const split = { meili: [], sql: [], rest: [] };
    let sampleStatements = [];
    for (let round = 0; round < rounds; round++) {
      for (const q of QUERIES) {
        lat.raw.push((await timed(() => rawSearch(fast)(q))).ms);
        const before = await sqlCount();
        const api = await timed(() => apiSearch(q));
        lat.api.push(api.ms);
        const after = await sqlCount();
        // Every search: the freshness check (search/indexed-listing.ts) and the index version read
        // (search/facet-cache.ts); a page whose hits changed lately, or a query selecting fields the
        // index does not carry, adds one read of listings.
        sql.push(after.queries - before.queries);
        const meiliMs = after.meiliMs - before.meiliMs;
        const sqlMs = after.sqlMs - before.sqlMs;
        split.meili.push(meiliMs);
        split.sql.push(sqlMs);
        // The freshness check runs while Meilisearch searches, so its time is inside that wait.
        split.rest.push(api.ms - meiliMs);
        if (!sampleStatements.length && after.queries > before.queries) sampleStatements = after.last.slice(-(after.queries - before.queries));
        if (round < 2) {
          lat.fetch.push((await timed(() => rawSearch(viaFetch)(q))).ms);
          lat.storefront.push((await timed(() => apiSearchWith(GQL_STOREFRONT)(q))).ms);
          lat.fromDatabase.push((await timed(() => apiSearchWith(GQL_FROM_DATABASE)(q))).ms);
        }
      }
    }

    log(`throughput: ${concurrency} concurrent clients for ${seconds} s per path…`);
    const tpApi = await throughput(apiSearch, QUERIES, concurrency, seconds);
    const tpRaw = await throughput(rawSearch(fast), QUERIES, concurrency, seconds);

    log(`the search page's query under load: ${LOAD_CLIENTS} clients for ${seconds} s per state and path (autocannon)…`);
    const underLoad = [];
    for (const state of PAGE_STATES) {
      const gqlBody = { query: GQL_STOREFRONT, variables: { input: state.input } };
      const check = await post(`${apiUrl}/graphql`, gqlBody, { 'accept-language': 'vi' });
      if (check.status !== 200 || check.body.errors) throw new Error(`API: ${JSON.stringify(check.body.errors ?? check.status)}`);
      const api = await hammer({ url: `${apiUrl}/graphql`, headers: { 'accept-language': 'vi' }, body: gqlBody, connections: LOAD_CLIENTS, seconds });
      const raw = await hammer({
        url: `${meili.url}/multi-search`,
        headers: { authorization: `Bearer ${meili.key}` },
        body: { queries: buildListingSearch(uid, params(state.input)) },
        connections: LOAD_CLIENTS,
        seconds,
      });
      underLoad.push({ state: state.name, api, raw, share: api.rps / raw.rps, p95Ratio: api.p95 / raw.p95 });
    }
    const loadColumns = [
      ['state of the search page', 'state', 'left'],
      ['API req/s', (r) => r.api.rps.toFixed(0)],
      ['Meilisearch req/s', (r) => r.raw.rps.toFixed(0)],
      ['API / Meilisearch', (r) => `${(r.share * 100).toFixed(0)}%`],
      ['API p50 ms', (r) => ms(r.api.p50)],
      ['API p95 ms', (r) => ms(r.api.p95)],
      ['Meilisearch p50 ms', (r) => ms(r.raw.p50)],
      ['Meilisearch p95 ms', (r) => ms(r.raw.p95)],
      ['p95 ratio', (r) => `${r.p95Ratio.toFixed(2)}×`],
      ['errors', (r) => String(r.api.errors + r.raw.errors)],
    ];
    const loadAt = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const worstShare = Math.min(...underLoad.map((r) => r.share));
    const worstP95 = Math.max(...underLoad.map((r) => r.p95Ratio));
    const sCold = summarize(cold.api);
    const sColdRaw = summarize(cold.raw);

    const sApi = summarize(lat.api);
    const sRaw = summarize(lat.raw);
    const sFetch = summarize(lat.fetch);
    const sqlStats = summarize(sql);
    const parts = { meili: summarize(split.meili), sql: summarize(split.sql), rest: summarize(split.rest) };
    const ratio = sApi.p50 / sRaw.p50;
    const rows = [
      { path: 'GraphQL `search` (API, 20 hits + highlights + listing/org)', ...sApi, rps: tpApi.rps, loadP50: tpApi.p50, loadP95: tpApi.p95, errors: tpApi.errors },
      { path: 'Meilisearch direct, keep-alive node:http (the API’s transport)', ...sRaw, rps: tpRaw.rps, loadP50: tpRaw.p50, loadP95: tpRaw.p95, errors: tpRaw.errors },
      { path: 'Meilisearch direct, client default (global fetch)', ...sFetch, rps: NaN, loadP50: NaN, loadP95: NaN, errors: 0 },
      { path: 'GraphQL `search`, the storefront’s full result cards (from the index)', ...summarize(lat.storefront), rps: NaN, loadP50: NaN, loadP95: NaN, errors: 0 },
      { path: 'GraphQL `search` asking a field the index lacks (cards read from PostgreSQL)', ...summarize(lat.fromDatabase), rps: NaN, loadP50: NaN, loadP95: NaN, errors: 0 },
    ];
    const columns = [
      ['path', 'path', 'left'],
      ['n', 'n'],
      ['p50 ms', (r) => ms(r.p50)],
      ['p95 ms', (r) => ms(r.p95)],
      ['p99 ms', (r) => ms(r.p99)],
      [`req/s @${concurrency}`, (r) => (Number.isFinite(r.rps) ? r.rps.toFixed(0) : '-')],
      [`p50 @${concurrency} ms`, (r) => ms(r.loadP50)],
      [`p95 @${concurrency} ms`, (r) => ms(r.loadP95)],
    ];
    const aims = [
      [`API p50 ≤ 1.3 × Meilisearch p50 (sequential)`, `${ratio.toFixed(2)}×`, ratio <= 1.3],
      [`search page at ${LOAD_CLIENTS} clients: API ≥ 70% of Meilisearch's rate (every state)`, `${(worstShare * 100).toFixed(0)}% at worst`, worstShare >= 0.7],
      [`search page at ${LOAD_CLIENTS} clients: API p95 ≤ 2 × Meilisearch p95 (every state)`, `${worstP95.toFixed(2)}× at worst`, worstP95 <= 2],
      ['100 000 listings reindexed in < 2 min', `${reindex.seconds.toFixed(1)} s for ${reindex.documents} (${reindex.docsPerSecond} docs/s)`, reindex.seconds < 120 && reindex.documents >= 100_000],
      ['fixed, small number of SQL queries per page', `${sqlStats.mean.toFixed(2)} per search (min ${Math.min(...sql)}, max ${Math.max(...sql)})`, Math.max(...sql) === Math.min(...sql) && Math.max(...sql) <= 2],
    ];

    console.log('\n' + table(rows, columns));
    console.log(`\nthe search page's query, ${LOAD_CLIENTS} concurrent clients, ${seconds} s each (load average after: ${loadAt}):\n` + table(underLoad, loadColumns));
    console.log(`first request of each query (nothing cached), sequential: API p50 ${ms(sCold.p50)} / p95 ${ms(sCold.p95)} ms, Meilisearch p50 ${ms(sColdRaw.p50)} / p95 ${ms(sColdRaw.p95)} ms`);
    console.log(`\nAPI/Meilisearch p50 ratio: ${ratio.toFixed(2)}×   global fetch vs keep-alive transport p50: ${ms(sFetch.p50)} vs ${ms(sRaw.p50)} ms`);
    console.log(`reindex: ${reindex.documents} documents in ${reindex.seconds.toFixed(1)} s (${reindex.docsPerSecond} docs/s; command wall time ${reindex.wallSeconds.toFixed(1)} s; Meilisearch busy ${reindex.meili.busyS.toFixed(1)} s over ${reindex.meili.tasks} tasks)`);
    console.log(`SQL statements per search: mean ${sqlStats.mean.toFixed(2)}, min ${Math.min(...sql)}, max ${Math.max(...sql)}`);
    console.log(`inside the API (p50): Meilisearch ${ms(parts.meili.p50)} ms, SQL ${ms(parts.sql.p50)} ms (overlapping Meilisearch), the rest (HTTP, GraphQL, Nest, serialisation) ${ms(parts.rest.p50)} ms`);
    for (const [aim, value, ok] of aims) console.log(`  ${ok ? 'MET ' : 'MISS'}  ${aim}: ${value}`);

    if (!args.includes('--no-write')) appendBenchmarks(`## Search — ${m.date}

Machine: ${machineLine(m)}. Meilisearch ${(await fast.getVersion()).pkgVersion}, private instance
(\`--max-indexing-threads 2\`), PostgreSQL on the same machine. Run with \`npm run bench -- search\`.

Catalogue: ${data.listings.toLocaleString('en')} published listings from \`generateListings\` (demo content; ${data.avgTextChars}
characters of text each on average, ${data.organizations} organisations), ${stats.numberOfDocuments.toLocaleString('en')} documents in the index.

**Full reindex** (\`npm run search:reindex\`: new index, swap, delete the old): ${reindex.documents.toLocaleString('en')} documents in
${reindex.seconds.toFixed(1)} s, **${reindex.docsPerSecond.toLocaleString('en')} documents/s** (the command's wall time, process start included: ${reindex.wallSeconds.toFixed(1)} s; Meilisearch's document tasks busy ${reindex.meili.busyS.toFixed(1)} s, first enqueued to last finished ${reindex.meili.spanS.toFixed(1)} s).

**Search latency**, ${QUERIES.length} queries (Vietnamese with and without diacritics, English, typos, every filter, sorts, later
pages; 20 hits with highlights and six facets). Sequential: ${rounds} round(s) per path; throughput: ${concurrency} concurrent clients for
${seconds} s. The direct rows send the very request the API sends (buildListingSearch: one multi-search with the
disjunctive facet counts). The aim's ratio uses the first row (the same selection since the first run); the
last two rows (2 rounds) show the storefront's own selection, and the cost of reading the cards from PostgreSQL.

${markdownTable(rows, columns)}

**The search page's query under load**: the storefront's \`Search\` document (result cards and facets), ${LOAD_CLIENTS} concurrent
clients for ${seconds} s per state and path (autocannon, in the benchmark's process), beside the multi-search it stands for sent
straight to Meilisearch by as many clients. Facet counts come from the API's cache (search/facet-cache.ts) after the first
request of a state; the index does not change during the run. Load average after the phase: ${loadAt}.

${markdownTable(underLoad, loadColumns)}

- First request of each of the ${QUERIES.length} queries (facet counts not cached yet), sequential: API p50 ${ms(sCold.p50)} ms, p95 ${ms(sCold.p95)} ms;
  Meilisearch p50 ${ms(sColdRaw.p50)} ms, p95 ${ms(sColdRaw.p95)} ms. The sequential rows above are the repeat requests (counts cached).
- Where an API search's time goes (p50 of each part, measured inside the API process): waiting for Meilisearch
  ${ms(parts.meili.p50)} ms; SQL ${ms(parts.sql.p50)} ms, sent once the Meilisearch request is out, so it overlaps that wait; everything else
  (HTTP, GraphQL parse/validate/execute, Nest pipes, JSON) ${ms(parts.rest.p50)} ms.
- API p50 / Meilisearch p50: **${ratio.toFixed(2)}×**. Global \`fetch\` (the client's default) costs ${ms(sFetch.p50)} ms p50 against ${ms(sRaw.p50)} ms over the keep-alive transport.
- SQL statements per search request: **${sqlStats.mean.toFixed(2)}** (min ${Math.min(...sql)}, max ${Math.max(...sql)}): the result cards come from the index documents; the two statements
  are the freshness check and the index version read (whether cached facet counts still hold: search/index-version.ts), both sent while
  Meilisearch works (hits whose listing changed in the last 30 s, or queries asking for fields the index does not carry, add one read of
  those listings). Counted by wrapping the pg driver in the API process:
  ${sampleStatements.map((st) => `\`${st.replace(/`/g, "'").replace(/\s+/g, ' ').slice(0, 110)}…\``).join(', ')}
- Both paths agreed on totalHits for ${QUERIES.length - disagreements}/${QUERIES.length} queries; ${zeroHit} found nothing${empty.length ? ` (${empty.join(', ').replace(/\|/g, '\\|')})` : ''}.

| aim | measured | |
| :-- | :-- | :-: |
${aims.map(([aim, value, ok]) => `| ${aim} | ${value} | ${ok ? 'met' : '**missed**'} |`).join('\n')}
`);
    log(args.includes('--no-write') ? `not written (--no-write); log: ${logFile}` : `figures appended to docs/benchmarks.md (log: ${logFile})`);
  } finally {
    await api?.stop();
    await meili.stop();
    if (!keep) {
      rmSync(meiliDir, { recursive: true, force: true });
      await dropDatabase(pg.adminUrl, dbName).catch(() => {});
    } else {
      log(`kept: database ${dbName}, Meilisearch data in ${meiliDir}`);
    }
    await pg.stop();
  }
}

