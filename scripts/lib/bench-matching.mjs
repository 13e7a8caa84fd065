// `npm run bench -- matching`: `matches` for one listing at 100 000 listings. The catalogue is the
// search benchmark's (bench-search.mjs `load`: generateListings from the demo content, ~200
// organisations, all published) indexed by the operator command `reindex`; then the production API
// (NODE_ENV=production, WORKERS_ENABLED=false) answers `matches(listingId, limit: 10)` for 200
// random listings (offers and demands), selecting what the storefront's listing page shows.
// Beside it, the same work without the API: the one Meilisearch multi-search the API sends
// (buildMatchQueries + the same-organisation filter, over the API's own keep-alive transport),
// and findMatches in this process (that request plus the scoring). SQL statements per call are
// counted inside the API process (bench-sql-counter.mjs).
//
// Options: --listings N (default 100000), --samples N (random listings, default 200), --rounds R
//          (sequential passes over the sample, default 2), --seconds S (throughput phase per
//          path, default 8), --keep, --no-write (do not append to docs/benchmarks.md).
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../ensure-install.mjs';
import { apiCli, buildApi } from './build.mjs';
import { DATA_DIR, createDatabase, dropDatabase, ensurePostgres, startMeilisearch } from './services.mjs';
import { appendBenchmarks, machine, machineLine, markdownTable, ms, summarize, table } from './bench-common.mjs';
import { get, load, post, runAsync, startBenchApi, throughput, timed } from './bench-search.mjs';

const log = (msg) => console.log(`[bench:matching] ${msg}`);

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}

const dist = (path) => import(pathToFileURL(join(ROOT, 'dist', path)).href);

/** What the storefront's listing page asks for (apps/web: the Matches query and its ListingCard). */
const GQL = `query Matches($listingId: ID!, $limit: Int) {
  matches(listingId: $listingId, limit: $limit) {
    score
    reasons { code label weight }
    listing {
      id slug kind title summary status trl transferModes ipStatus publishedAt
      price { min max currency negotiable }
      province { code name }
      organization { id slug name kind verified }
      fields { code name }
    }
  }
}`;

const LIMIT = 10;

export async function run({ args }) {
  const N = option(args, '--listings', 100_000);
  const samples = option(args, '--samples', 200);
  const rounds = option(args, '--rounds', 2);
  const seconds = option(args, '--seconds', 8);
  const keep = args.includes('--keep');
  const concurrency = 4;
  const m = machine();
  const stamp = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  const logFile = join(DATA_DIR, `bench-matching-${stamp}.log`);
  const meiliDir = join(DATA_DIR, `bench-matching-meili-${stamp}`);
  const dbName = `techport_bench_matching_${stamp}`;
  log(`machine: ${machineLine(m)}`);

  log('building the API (dist/)…');
  buildApi();
  const pg = await ensurePostgres('test');
  const databaseUrl = await createDatabase(pg.adminUrl, dbName);
  const meili = await startMeilisearch({ dir: meiliDir });
  const prefix = 'bench';
  const pgModule = createRequire(join(ROOT, 'package.json'))('pg');
  const db = new pgModule.Client({ connectionString: databaseUrl });
  let api;
  try {
    apiCli(['migrate'], { DATABASE_URL: databaseUrl });
    log(`generating and inserting ${N} listings (the search benchmark's catalogue)…`);
    const data = await load(databaseUrl, N);
    log(`  ${data.listings} listings, ${data.organizations} organisations`);
    const env = { DATABASE_URL: databaseUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, MEILI_INDEX_PREFIX: prefix };
    log('full reindex (`reindex`, the operator command)…');
    const reindex = await timed(() => runAsync(['dist/apps/api/src/cli.js', 'reindex', '--batch', '1000'], env, logFile));

    const { createMeiliClient } = await dist('apps/api/src/modules/search/meili.client.js');
    const { LISTING_INDEX } = await dist('apps/api/src/modules/search/listing-index.js');
    const { findMatches } = await dist('apps/api/src/modules/matching/matching.engine.js');
    const { buildMatchQueries } = await dist('apps/api/src/modules/matching/retrieval.js');
    const client = createMeiliClient({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
    const uid = `${prefix}_listings`;
    const stats = await client.index(uid).getStats();

    // The sample: random published listings (a fixed seed, so runs compare), offers and demands.
    await db.connect();
    await db.query('SELECT setseed(0.42)');
    const ids = (await db.query(`SELECT id FROM listing WHERE status = 'PUBLISHED' ORDER BY random() LIMIT $1`, [samples])).rows.map((r) => r.id);
    const queryable = { query: async (sql, params) => (await db.query(sql, params)).rows };
    const docs = new Map((await LISTING_INDEX.rowsFor(queryable, ids, new Date())).map((r) => [r.id, LISTING_INDEX.toDocument(r)]));
    const kinds = { OFFER: 0, DEMAND: 0 };
    for (const d of docs.values()) kinds[d.kind]++;

    // The request the API sends (matching.service.ts): the engine's queries, same-organisation excluded.
    const filterOf = (doc) => `organizationId != ${JSON.stringify(doc.organizationId)}`;
    const rawMultiSearch = (id) => {
      const doc = docs.get(id);
      const queries = buildMatchQueries(doc, uid).map((q) => ({ ...q, filter: `(${q.filter}) AND (${filterOf(doc)})` }));
      return client.multiSearch({ queries });
    };
    const inProcess = (id) => {
      const doc = docs.get(id);
      return findMatches(client, uid, doc, LIMIT + 5, 'vi', filterOf(doc));
    };

    log('starting the API (NODE_ENV=production, WORKERS_ENABLED=false)…');
    api = await startBenchApi({ env, logFile });
    const apiUrl = api.url;
    const apiMatches = async (id) => {
      const res = await post(`${apiUrl}/graphql`, { query: GQL, variables: { listingId: id, limit: LIMIT } }, { 'accept-language': 'vi' });
      if (res.status !== 200 || res.body.errors) throw new Error(`API: ${JSON.stringify(res.body.errors ?? res.status)}`);
      return res.body.data.matches;
    };
    const sqlCount = async () => JSON.parse((await get(api.counterUrl)).text);

    log(`warming up and checking the API against the engine on ${ids.length} listings…`);
    let agree = 0;
    let empty = 0;
    const sizes = [];
    const additive = { worst: 0 };
    const cold = [];
    for (const id of ids) {
      // The API's first call for each listing (its ranking not cached yet) is timed alone.
      const direct = await inProcess(id);
      const { ms: coldMs, result: viaApi } = await timed(() => apiMatches(id));
      cold.push(coldMs);
      await rawMultiSearch(id);
      if (viaApi.length && direct.length && viaApi[0].listing.id === direct[0].id) agree++;
      if (!viaApi.length) empty++;
      sizes.push(viaApi.length);
      for (const x of viaApi) additive.worst = Math.max(additive.worst, Math.abs(x.reasons.reduce((a, r) => a + r.weight, 0) - x.score));
    }
    const pool = (await rawMultiSearch(ids[0])).results.reduce((a, r) => a + r.hits.length, 0);

    log(`sequential latency: ${rounds} rounds × ${ids.length} listings per path…`);
    const lat = { api: [], inProcess: [], raw: [] };
    const sql = [];
    let sampleStatements = [];
    for (let round = 0; round < rounds; round++) {
      for (const id of ids) {
        lat.raw.push((await timed(() => rawMultiSearch(id))).ms);
        lat.inProcess.push((await timed(() => inProcess(id))).ms);
        const before = await sqlCount();
        lat.api.push((await timed(() => apiMatches(id))).ms);
        const after = await sqlCount();
        sql.push(after.queries - before.queries);
        if (!sampleStatements.length && after.queries > before.queries) sampleStatements = after.last.slice(-(after.queries - before.queries));
      }
    }

    log(`throughput: ${concurrency} concurrent clients for ${seconds} s per path…`);
    const tpApi = await throughput(apiMatches, ids, concurrency, seconds);
    const tpRaw = await throughput(rawMultiSearch, ids, concurrency, seconds);

    const sApi = summarize(lat.api);
    const sIn = summarize(lat.inProcess);
    const sRaw = summarize(lat.raw);
    const sqlStats = summarize(sql);
    const rows = [
      { path: 'GraphQL `matches`, repeat calls (ranking cached: source row, version read, counterparts from PostgreSQL)', ...sApi, rps: tpApi.rps, loadP50: tpApi.p50, loadP95: tpApi.p95 },
      { path: 'GraphQL `matches`, first call per listing (ranking computed: + multi-search and scoring)', ...summarize(cold), rps: NaN, loadP50: NaN, loadP95: NaN },
      { path: 'findMatches in this process (the multi-search + scoring, no API, no SQL)', ...sIn, rps: NaN, loadP50: NaN, loadP95: NaN },
      { path: 'Meilisearch multi-search alone (the API’s request, keep-alive node:http transport)', ...sRaw, rps: tpRaw.rps, loadP50: tpRaw.p50, loadP95: tpRaw.p95 },
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
      ['`matches` p95 < 100 ms through the API at 100 000 listings', `${ms(sApi.p95)} ms (p99 ${ms(sApi.p99)} ms)`, sApi.p95 < 100 && stats.numberOfDocuments >= 100_000],
      ['`matches` p95 ≤ 40 ms through the API (repeat calls: rankings cached until a listing changes)', `${ms(sApi.p95)} ms`, sApi.p95 <= 40],
      ['fixed, small number of SQL queries per call', `${sqlStats.mean.toFixed(2)} per call (min ${Math.min(...sql)}, max ${Math.max(...sql)})`, Math.max(...sql) === Math.min(...sql) && Math.max(...sql) <= 3],
      ['reasons add up to the score', `largest difference ${additive.worst.toExponential(1)}`, additive.worst < 1e-6],
    ];
    console.log('\n' + table(rows, columns));
    console.log(`\nsample: ${ids.length} listings (${kinds.OFFER} offers, ${kinds.DEMAND} demands); matches per call: mean ${(sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(1)}, ${empty} with none; pool of hits per call ≈ ${pool}`);
    console.log(`API and in-process engine agree on the best match for ${agree}/${ids.length - empty} listings`);
    console.log(`SQL statements per call: mean ${sqlStats.mean.toFixed(2)}, min ${Math.min(...sql)}, max ${Math.max(...sql)}`);
    for (const [aim, value, ok] of aims) console.log(`  ${ok ? 'MET ' : 'MISS'}  ${aim}: ${value}`);

    if (!args.includes('--no-write')) appendBenchmarks(`## Matching — ${m.date}

Machine: ${machineLine(m)}. Meilisearch ${(await client.getVersion()).pkgVersion}, private instance
(\`--max-indexing-threads 2\`), PostgreSQL on the same machine. Run with \`npm run bench -- matching\`.

Catalogue: the search benchmark's, ${data.listings.toLocaleString('en')} published listings (generateListings, ${data.organizations} organisations),
${stats.numberOfDocuments.toLocaleString('en')} documents in the index (reindexed in ${(reindex.ms / 1000).toFixed(0)} s by the operator command).
Sample: ${ids.length} random listings (${kinds.OFFER} offers, ${kinds.DEMAND} demands; fixed seed), ${rounds} sequential rounds per path, then
${concurrency} concurrent clients for ${seconds} s. \`matches(listingId, limit: ${LIMIT})\` selects what the storefront's listing page shows
(score, reasons, and each listing's card: organisation, province, fields, price). Matches per call: mean
${(sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(1)} (${empty} listing(s) with none); one multi-search of ${pool} hits (≈ the scoring pool).

${markdownTable(rows, columns)}

- SQL statements per \`matches\` call: **${sqlStats.mean.toFixed(2)}** (min ${Math.min(...sql)}, max ${Math.max(...sql)}): the source listing with its organisation, the index
  version (whether a cached ranking still holds: matching/match-cache.ts), then every counterpart with its organisation in one
  statement (only public ones kept): \`${(sampleStatements.at(-1) ?? '').replace(/`/g, "'").slice(0, 120)}…\`
- Rankings are cached per listing until any listing changes (the index version, raised by every change applied to the index);
  the repeat rows measure that, the first-call row what a listing costs right after a change. The index does not change during the run.
- The API and the engine run in this process agree on the best match for ${agree}/${ids.length - empty} listings (the rest: ties or listings the API's same-organisation rule removes).

| aim | measured | |
| :-- | :-- | :-: |
${aims.map(([aim, value, ok]) => `| ${aim} | ${value} | ${ok ? 'met' : '**missed**'} |`).join('\n')}
`);
    log(args.includes('--no-write') ? `not written (--no-write); log: ${logFile}` : `figures appended to docs/benchmarks.md (log: ${logFile})`);
  } finally {
    await db.end().catch(() => {});
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
