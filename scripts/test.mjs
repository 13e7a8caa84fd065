// `npm test`: installs what is missing, brings PostgreSQL and Meilisearch (see lib/services.mjs),
// builds a fresh database for this run with the migrations, runs every test suite, cleans up.
// Prints a closing line "N passed, N failed, N skipped".
import { ensureInstall, ROOT } from './ensure-install.mjs';

ensureInstall();

const { spawn } = await import('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync } = await import('node:fs');
const { join } = await import('node:path');
const { ensurePostgres, ensureMeilisearch, createDatabase, dropDatabase, dropDatabasesStartingWith } = await import('./lib/services.mjs');
const { buildApi, typecheck, apiCli } = await import('./lib/build.mjs');

// One indexing thread for every Meilisearch of the run (ours and the specs' private ones inherit
// it). Beside jest, the browser and the APIs on two cores, a second thread mostly spins waiting
// for work: nine search specs, 2026-12-05: Meilisearch 99 → 54 CPU-seconds, 112 → 86 s.
process.env.MEILI_INDEXING_THREADS ??= '1';
const faultsOnly = process.argv.includes('--faults');
// --no-typecheck: skip tsc (quick iterations on one spec); CI always type-checks.
const skipTypecheck = process.argv.includes('--no-typecheck');
// --api-only: skip the browser tests of the storefront.
const apiOnly = process.argv.includes('--api-only');
const OWN_FLAGS = new Set(['--faults', '--no-typecheck', '--api-only']);
const outDir = join(ROOT, 'test-output');
mkdirSync(outDir, { recursive: true });

const runId = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
const dbName = `techport_test_${runId}`;
const pg = await ensurePostgres('test');
const meili = await ensureMeilisearch('test');
let exitCode = 1;
let passed = 0;
let failed = 0;
let skipped = 0;
// The storefront is built beside the API's type-check (each mostly one core's work; the browser
// tests need it only after jest). Its failure is reported when the browser tests would start.
const webTestsModule = join(ROOT, 'scripts', 'lib', 'web-tests.mjs');
const withWeb = !faultsOnly && !apiOnly && existsSync(webTestsModule);
let webBuild = null;
try {
  if (withWeb) {
    const { buildWebInBackground } = await import(webTestsModule);
    console.log('[test] building the storefront (codegen + vite build) in the background…');
    webBuild = buildWebInBackground();
    webBuild.catch(() => {}); // awaited (and its error thrown) before the browser tests
  }
  console.log('[test] type-checking and building the API…');
  if (!skipTypecheck) typecheck();
  buildApi();
  // One database built by the migrations, then copied (CREATE DATABASE … TEMPLATE) for this run,
  // for the browser tests and for every spec that needs a database of its own: a copy takes a
  // fraction of a second, the migrations several.
  const templateName = `${dbName}_tpl`;
  apiCli(['migrate'], { DATABASE_URL: await createDatabase(pg.adminUrl, templateName) });
  const databaseUrl = await createDatabase(pg.adminUrl, dbName, { template: templateName });
  const env = {
    ...process.env,
    TEST_DATABASE_URL: databaseUrl,
    TEST_DATABASE_ADMIN_URL: pg.adminUrl,
    TEST_DATABASE_TEMPLATE: templateName,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.key,
    MEILI_INDEX_PREFIX: `t${process.pid}`,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
  };
  const jestOut = join(outDir, 'jest.json');
  // A report left by an earlier run must not be read as this one's (jest that fails to start writes none).
  rmSync(jestOut, { force: true });
  // JEST_NODE_ARGS: node flags for jest, e.g. TEST_WORKERS=1 JEST_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'
  // for a CPU profile of the specs (one worker: killed workers write no profile; docs/benchmarks.md).
  const jestArgs = [...(process.env.JEST_NODE_ARGS ?? '').split(' ').filter(Boolean), '--experimental-vm-modules', '--no-warnings', 'node_modules/jest/bin/jest.js', '--json', `--outputFile=${jestOut}`, `--maxWorkers=${process.env.TEST_WORKERS ?? 3}`];
  // Three workers on two cores, alone or beside the browser tests: the end-to-end specs spend much
  // of their time waiting on PostgreSQL, Meilisearch and the outbox (2026-12-07, beside the browser
  // tests with two workers: every process of the run together used 67% of the two cores; jest took
  // 363 s with two workers, 303 s with three, the browser tests 308 s and 296 s; docs/benchmarks.md).
  // On 2026-12-05 three beside the browser tests saturated both cores and a seeding hook overran its
  // two minutes; the specs have since been made cheaper (template databases, cheaper argon2 under
  // test) and the seeding hooks allow five. TEST_WORKERS=n overrides.
  // Anything else on the command line goes to jest (e.g. a path pattern), before the variadic --selectProjects.
  jestArgs.push(...process.argv.slice(2).filter((a) => !OWN_FLAGS.has(a)));
  if (faultsOnly) jestArgs.push('--selectProjects', 'faults');
  else jestArgs.push('--selectProjects', 'shared', 'api-unit', 'web-unit', 'api-service', 'api-e2e', 'faults');
  // The browser tests run beside jest (TEST_SEQUENTIAL=1: after it). Both wait on the API, the
  // databases and Chromium as much as they compute: beside each other they took 6 min 51 s where one
  // after the other took about 8 (2026-12-05, two cores). (They ran after jest from 2026-12-04 because
  // the sign-in throttling spec overran its minute beside them: its settle() was running other spec
  // files' outbox backlogs, which ended when each file got a database of its own.)
  const runJest = () =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, jestArgs, { cwd: ROOT, stdio: 'inherit', env });
      child.on('exit', (code) => resolve(code));
    });
  const readJest = (status) => {
    if (existsSync(jestOut)) {
      const report = JSON.parse(readFileSync(jestOut, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
      skipped += report.numPendingTests + report.numTodoTests;
    } else {
      failed += 1;
    }
    if (status !== 0) exitCode = 1;
  };

  // Browser tests of the storefront (apps/web/tests), when present.
  const runWeb = async () => {
    if (!withWeb) return;
    await webBuild;
    const { runWebTests, webTestLanes } = await import(webTestsModule);
    // Databases of their own (one per lane): the API specs leave hundreds of organisations and
    // listings behind, which would push the browser tests' own items off the first page of the lists they check.
    const databaseUrls = [];
    for (let lane = 1; lane <= webTestLanes(); lane += 1) databaseUrls.push(await createDatabase(pg.adminUrl, `${dbName}_web${lane}`, { template: templateName }));
    const web = await runWebTests({ databaseUrls, meili, outDir, built: true });
    passed += web.passed;
    failed += web.failed;
    skipped += web.skipped;
    if (web.failed > 0) exitCode = 1;
  };
  exitCode = 0;
  if (process.env.TEST_SEQUENTIAL === '1') {
    readJest(await runJest());
    await runWeb();
  } else {
    // Settled both before anything is torn down (a failure of one must not pull the database from under the other).
    const [jestRun, webRun] = await Promise.allSettled([runJest(), runWeb()]);
    readJest(jestRun.status === 'fulfilled' ? jestRun.value : 1);
    if (webRun.status === 'rejected') throw webRun.reason;
  }
  if (failed > 0) exitCode = 1;
} catch (err) {
  console.error(err instanceof Error ? err.stack : err);
  failed += 1;
  exitCode = 1;
} finally {
  await dropDatabase(pg.adminUrl, dbName).catch(() => {});
  await dropDatabasesStartingWith(pg.adminUrl, `${dbName}_web`).catch(() => {});
  await dropDatabase(pg.adminUrl, `${dbName}_tpl`).catch(() => {});
  // The spec files' own copies (apps/api/test/support/database.ts databaseOfThisFile).
  await dropDatabasesStartingWith(pg.adminUrl, `${dbName}_f`).catch(() => {});
  await meili.stop();
  await pg.stop();
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(exitCode);
