/**
 * Backup and restore of a whole installation in one tar archive:
 *
 *   manifest.json        what is inside: schema version (last applied migration), app version,
 *                        creation time, the dump's checksum and row count per table, every file
 *                        with its sha256
 *   database.dump        pg_dump custom format, taken in one snapshot (the row counts in the
 *                        manifest come from the same snapshot)
 *   files/<store>/<path> every file of every file store (file-stores.ts)
 *
 * The search index is not in it: it is derived from PostgreSQL and rebuilt by the restore.
 * Restoring refuses a non-empty database or file store unless forced, and verifies every
 * checksum before it touches anything.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { create as tarCreate, list as tarList, type ReadEntry } from 'tar';
import { MIGRATIONS } from '../../../../migrations/index.js';
import { createDataSource } from '../database/data-source.js';
import { migrate } from '../database/migrate.js';
import { STORE_NAME, type FileStore } from './file-stores.js';
import { libpqEnv, pgToolsFor, type PgTools } from './pg-tools.js';

export const MANIFEST = 'manifest.json';
export const DUMP = 'database.dump';
const FORMAT = 'techport-backup';
const FORMAT_VERSION = 1;

export interface ManifestFile {
  store: string;
  /** Path inside the archive: files/<store>/<path in the store>. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  app: { name: string; version: string };
  /** The last migration applied to the database: the schema the dump holds. */
  schemaVersion: string;
  migrations: string[];
  database: {
    file: typeof DUMP;
    format: 'pg_dump custom';
    bytes: number;
    sha256: string;
    serverVersion: string;
    pgDumpVersion: string;
    /** Rows per table (schema.table), counted in the dump's snapshot. */
    tables: Record<string, number>;
  };
  stores: { name: string; files: number; bytes: number }[];
  files: ManifestFile[];
}

/** A refusal or a failed check, with a message meant for the operator. */
export class BackupError extends Error {}

type Log = (message: string) => void;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : n < 1024 ** 3 ? `${(n / 1024 ** 2).toFixed(1)} MiB` : `${(n / 1024 ** 3).toFixed(2)} GiB`;

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** The app's name and version from the repository's package.json (found upwards from here). */
export function appVersion(): { name: string; version: string } {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'techport') return { name: pkg.name, version: pkg.version ?? '0.0.0' };
  }
  return { name: 'techport', version: 'unknown' };
}

/** The names of the migrations this code knows, in order. */
export function knownMigrations(): string[] {
  return MIGRATIONS.map((M) => new M().name ?? M.name);
}

/** A stream that hashes and counts what passes through it. */
function hashing(): Transform & { digest(): { sha256: string; bytes: number } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(t, { digest: () => ({ sha256: hash.digest('hex'), bytes }) });
}

async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const h = hashing();
  await pipeline(createReadStream(path), h, new PassThrough().resume());
  return h.digest();
}

/** Runs a PostgreSQL client tool; its stderr goes into the error when it fails. */
function run(binary: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolvePromise(out);
      else reject(new BackupError(`${basename(binary)} failed (exit ${code}):\n${err.trim().split('\n').slice(-20).join('\n')}`));
    });
  });
}

async function withClient<T>(databaseUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'techport-backup' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function serverVersion(c: pg.Client): Promise<{ major: number; version: string }> {
  const { rows } = await c.query(`SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version`);
  return { major: Math.floor(rows[0].num / 10000), version: String(rows[0].version).split(' ')[0] };
}

/** Every ordinary table outside the system schemas, as "schema"."table" and schema.table. */
async function userTables(c: pg.Client): Promise<{ key: string; sql: string }[]> {
  const { rows } = await c.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
        AND NOT c.relispartition
      ORDER BY 1, 2`,
  );
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return rows.map((r) => ({ key: `${r.schema}.${r.name}`, sql: `${ident(r.schema)}.${ident(r.name)}` }));
}

async function countRows(c: pg.Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await userTables(c)) {
    const { rows } = await c.query(`SELECT count(*)::bigint AS n FROM ${t.sql}`);
    counts[t.key] = Number(rows[0].n);
  }
  return counts;
}

/** Objects (tables, views, sequences…) in the database outside the system schemas. */
async function userObjectCount(c: pg.Client): Promise<number> {
  const { rows } = await c.query(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`,
  );
  return rows[0].n;
}

function archiveName(now: Date): string {
  return `techport-backup-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.tar`;
}

// ---------------------------------------------------------------------------------------------
// Backup
// ---------------------------------------------------------------------------------------------

export interface BackupOptions {
  databaseUrl: string;
  stores: FileStore[];
  /** A folder (the archive gets a dated name in it) or a path ending in .tar. */
  out: string;
  env?: NodeJS.ProcessEnv;
  log?: Log;
  now?: () => Date;
}

export interface BackupReport {
  archive: string;
  bytes: number;
  manifest: Manifest;
  ms: { dump: number; files: number; archive: number; verify: number; total: number };
}

export async function createBackup(options: BackupOptions): Promise<BackupReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const now = (options.now ?? (() => new Date()))();
  const out = resolve(options.out);
  const archive = out.endsWith('.tar') ? out : join(out, archiveName(now));
  for (const s of options.stores) if (!STORE_NAME.test(s.name)) throw new BackupError(`file store name "${s.name}": lower-case letters, digits and dashes only`);
  await mkdir(dirname(archive), { recursive: true });
  if (existsSync(archive)) throw new BackupError(`${archive} already exists: choose another name`);
  const staging = join(dirname(archive), `.${basename(archive)}.${randomBytes(4).toString('hex')}.staging`);
  await mkdir(staging, { recursive: true, mode: 0o700 });
  const partial = `${archive}.partial`;
  try {
    // 1. The database: pg_dump in a snapshot exported by a transaction of ours, in which the
    //    schema version and the row counts are read too, so the manifest describes exactly the dump.
    const t0 = performance.now();
    const { dbname, env: pgEnv } = libpqEnv(options.databaseUrl);
    const db = await withClient(options.databaseUrl, async (c) => {
      const server = await serverVersion(c);
      const tools = pgToolsFor(server.major, `Backing up PostgreSQL ${server.version}`, options.env);
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      try {
        const { rows: snap } = await c.query(`SELECT pg_export_snapshot() AS id`);
        const migrations = await c
          .query<{ name: string }>(`SELECT name FROM schema_migration ORDER BY id`)
          .then((r) => r.rows.map((x) => x.name))
          .catch(() => {
            throw new BackupError(`the database ${dbname} has no schema_migration table: is it a Techport database (npm run migrate)?`);
          });
        if (!migrations.length) throw new BackupError(`the database ${dbname} has no migrations applied: nothing to back up`);
        const tables = await countRows(c);
        log(`dumping PostgreSQL ${server.version} database ${dbname} (schema ${migrations[migrations.length - 1]}) with pg_dump ${tools.version}…`);
        await run(tools.pgDump, ['--format=custom', `--snapshot=${snap[0].id}`, '--file', join(staging, DUMP), '--dbname', dbname], pgEnv);
        return { server, tools, migrations, tables };
      } finally {
        await c.query('COMMIT').catch(() => {});
      }
    });
    const dumpSum = await sha256File(join(staging, DUMP));
    const dumpMs = performance.now() - t0;
    log(`  database: ${Object.values(db.tables).reduce((a, b) => a + b, 0)} rows in ${Object.keys(db.tables).length} tables, dump ${formatBytes(dumpSum.bytes)} in ${seconds(dumpMs)}`);

    // 2. The files, copied into the staging folder while hashed: the checksum is of the very bytes archived.
    const t1 = performance.now();
    const files: ManifestFile[] = [];
    const stores: Manifest['stores'] = [];
    for (const store of options.stores) {
      let bytes = 0;
      const paths = await store.list();
      for (const p of paths) {
        const inArchive = `files/${store.name}/${p}`;
        const target = join(staging, ...inArchive.split('/'));
        await mkdir(dirname(target), { recursive: true });
        const h = hashing();
        await pipeline(store.read(p), h, createWriteStream(target, { mode: 0o600 }));
        const d = h.digest();
        bytes += d.bytes;
        files.push({ store: store.name, path: inArchive, ...d });
      }
      stores.push({ name: store.name, files: paths.length, bytes });
      log(`  files: ${store.name} (${store.describe}): ${paths.length} files, ${formatBytes(bytes)}`);
    }
    const filesMs = performance.now() - t1;

    // 3. The manifest and the archive (written as .partial, renamed once verified).
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: now.toISOString(),
      app: appVersion(),
      schemaVersion: db.migrations[db.migrations.length - 1],
      migrations: db.migrations,
      database: {
        file: DUMP,
        format: 'pg_dump custom',
        ...dumpSum,
        serverVersion: db.server.version,
        pgDumpVersion: db.tools.version,
        tables: db.tables,
      },
      stores,
      files,
    };
    await writeFile(join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
    const t2 = performance.now();
    await tarCreate({ file: partial, cwd: staging, portable: true }, [MANIFEST, DUMP, ...files.map((f) => f.path)]);
    await chmod(partial, 0o600);
    const archiveMs = performance.now() - t2;

    // 4. Read it back before calling it a backup.
    const t3 = performance.now();
    const check = await verifyArchive(partial);
    if (check.problems.length) throw new BackupError(`the archive just written does not verify:\n  ${check.problems.join('\n  ')}`);
    const verifyMs = performance.now() - t3;
    await rename(partial, archive);
    const { size } = await stat(archive);
    log(`wrote ${archive} (${formatBytes(size)}; verified)`);
    return { archive, bytes: size, manifest, ms: { dump: dumpMs, files: filesMs, archive: archiveMs, verify: verifyMs, total: performance.now() - started } };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

export interface Verification {
  manifest: Manifest | null;
  /** Empty when the archive is whole: every checksum matches and nothing is missing or extra. */
  problems: string[];
}

/**
 * Reads the whole archive once, hashing every entry, and compares with its manifest. Refuses
 * entries that are not plain files or folders, or whose paths are not ours.
 */
export async function verifyArchive(archive: string): Promise<Verification> {
  const problems: string[] = [];
  if (!existsSync(archive)) return { manifest: null, problems: [`${archive}: no such file`] };
  const seen = new Map<string, { sha256: string; bytes: number }>();
  let manifestText: string | null = null;
  const pending: Promise<void>[] = [];
  try {
    await tarList({
      file: archive,
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        const path = entry.path.replace(/\/$/, '');
        if (entry.type === 'Directory') return;
        if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') {
          problems.push(`${path}: a ${entry.type} entry, not a file`);
          return;
        }
        if (path !== MANIFEST && path !== DUMP && !/^files\/[a-z0-9][a-z0-9-]*\/./.test(path)) problems.push(`${path}: not part of a Techport backup`);
        if (path.split('/').includes('..')) problems.push(`${path}: a path leaving the archive`);
        const hash = createHash('sha256');
        let bytes = 0;
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          bytes += chunk.length;
          if (path === MANIFEST) chunks.push(chunk);
        });
        pending.push(
          new Promise((done) =>
            entry.on('end', () => {
              seen.set(path, { sha256: hash.digest('hex'), bytes });
              if (path === MANIFEST) manifestText = Buffer.concat(chunks).toString('utf8');
              done();
            }),
          ),
        );
      },
    });
    await Promise.all(pending);
  } catch (err) {
    return { manifest: null, problems: [`${archive}: not a readable tar archive (${err instanceof Error ? err.message : String(err)})`] };
  }
  if (manifestText === null) return { manifest: null, problems: [...problems, `${MANIFEST}: missing: this is not a Techport backup`] };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestText) as Manifest;
  } catch {
    return { manifest: null, problems: [...problems, `${MANIFEST}: not valid JSON`] };
  }
  if (manifest.format !== FORMAT) return { manifest: null, problems: [...problems, `${MANIFEST}: not a Techport backup manifest`] };
  if (manifest.formatVersion > FORMAT_VERSION) {
    return { manifest, problems: [...problems, `archive format ${manifest.formatVersion} is newer than this release reads (${FORMAT_VERSION}): restore with a newer Techport`] };
  }
  const expect = (path: string, want: { sha256: string; bytes: number }) => {
    const got = seen.get(path);
    if (!got) problems.push(`${path}: missing from the archive`);
    else if (got.sha256 !== want.sha256 || got.bytes !== want.bytes) {
      problems.push(`${path}: checksum mismatch (manifest sha256 ${want.sha256.slice(0, 12)}…, ${want.bytes} bytes; archive ${got.sha256.slice(0, 12)}…, ${got.bytes} bytes)`);
    }
  };
  expect(DUMP, manifest.database);
  for (const f of manifest.files) expect(f.path, f);
  const listed = new Set([MANIFEST, DUMP, ...manifest.files.map((f) => f.path)]);
  for (const path of seen.keys()) if (!listed.has(path)) problems.push(`${path}: in the archive but not in the manifest`);
  return { manifest, problems };
}

// ---------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------

export interface RestoreOptions {
  archive: string;
  databaseUrl: string;
  stores: FileStore[];
  /** Where the search index is rebuilt; null skips it (the caller rebuilds it). */
  search: { url: string; key: string; prefix: string } | null;
  /** Replace a database and file stores that are not empty. */
  force?: boolean;
  /** Only verify the archive and say what a restore would do. */
  checkOnly?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: Log;
  /** Folder for the extracted dump (default: the system's temporary folder). */
  workDir?: string;
}

export interface RestoreReport {
  manifest: Manifest;
  migrated: string[];
  rows: number;
  files: number;
  ms: { verify: number; database: number; files: number; migrate: number; reindex: number; total: number };
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const archive = resolve(options.archive);

  // 1. Verify everything before touching anything.
  log(`verifying ${archive}…`);
  const { manifest, problems } = await verifyArchive(archive);
  if (!manifest || problems.length) throw new BackupError(`${archive} cannot be restored:\n  ${problems.join('\n  ')}\nNothing was changed.`);
  const verifyMs = performance.now() - started;
  const rowsInManifest = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
  log(
    `  whole: made ${manifest.createdAt} by ${manifest.app.name} ${manifest.app.version}, schema ${manifest.schemaVersion}, ` +
      `${rowsInManifest} rows in ${Object.keys(manifest.database.tables).length} tables, ${manifest.files.length} files; every checksum matches`,
  );

  // 2. Can this release and this installation take it?
  const known = knownMigrations();
  const unknown = manifest.migrations.filter((m) => !known.includes(m));
  if (unknown.length) {
    throw new BackupError(
      `the backup's schema (${manifest.schemaVersion}) is newer than this release of Techport knows (${known[known.length - 1]}): ` +
        `unknown migrations ${unknown.join(', ')}. Restore it with the release that made it (${manifest.app.version}) or a newer one. Nothing was changed.`,
    );
  }
  const byName = new Map(options.stores.map((s) => [s.name, s]));
  const missingStores = manifest.stores.filter((s) => s.files > 0 && !byName.has(s.name)).map((s) => s.name);
  if (missingStores.length) throw new BackupError(`the backup holds files of ${missingStores.join(', ')}, which this installation has no store for. Nothing was changed.`);

  const { dbname, env: pgEnv } = libpqEnv(options.databaseUrl);
  const occupied: string[] = [];
  const server = await withClient(options.databaseUrl, async (c) => {
    const objects = await userObjectCount(c);
    if (objects > 0) occupied.push(`the database ${dbname} holds ${objects} tables, views or sequences`);
    return serverVersion(c);
  });
  for (const store of options.stores) {
    const n = (await store.list()).length;
    if (n > 0) occupied.push(`the file store ${store.name} (${store.describe}) holds ${n} files`);
  }
  if (occupied.length && !options.force && !options.checkOnly) {
    throw new BackupError(
      `refusing to restore over data that is already there: ${occupied.join('; ')}.\n` +
        `Restore into a fresh installation (an empty database), or add --force to replace what is there. Nothing was changed.`,
    );
  }
  const dumpMajor = Number(manifest.database.pgDumpVersion.split('.')[0]);
  const tools: PgTools = pgToolsFor(dumpMajor, `Restoring a dump made by pg_dump ${manifest.database.pgDumpVersion}`, options.env);
  if (server.major < Number(manifest.database.serverVersion.split('.')[0])) {
    log(`  note: the backup came from PostgreSQL ${manifest.database.serverVersion}, this server is ${server.version} (older): the restore may fail on newer features`);
  }
  if (options.checkOnly) {
    log(`check only: the archive is whole; a restore into ${dbname} would ${occupied.length ? `need --force (${occupied.join('; ')})` : 'proceed'}.`);
    return { manifest, migrated: [], rows: rowsInManifest, files: manifest.files.length, ms: { verify: verifyMs, database: 0, files: 0, migrate: 0, reindex: 0, total: performance.now() - started } };
  }

  const work = join(options.workDir ?? tmpdir(), `techport-restore-${randomBytes(4).toString('hex')}`);
  await mkdir(work, { recursive: true, mode: 0o700 });
  try {
    // 3. The database: out of the archive (hashed again on the way), emptied if forced, restored in one transaction.
    const t0 = performance.now();
    const dumpFile = join(work, DUMP);
    await extractEntries(archive, new Map([[DUMP, { sha256: manifest.database.sha256, write: (s) => pipeline(s, createWriteStream(dumpFile, { mode: 0o600 })) }]]));
    if (occupied.length) {
      log(`  --force: emptying the database ${dbname}`);
      await withClient(options.databaseUrl, (c) => emptyDatabase(c));
    }
    // Comments on extensions need the extension's owner (a superuser): leave them out, so an
    // ordinary owner of the database can restore. Ownership and grants follow the target's user.
    const toc = await run(tools.pgRestore, ['--list', dumpFile], {});
    await writeFile(join(work, 'toc.list'), toc.split('\n').filter((l) => !/ COMMENT - EXTENSION /.test(l)).join('\n'));
    log(`  restoring the database with pg_restore ${tools.version}…`);
    await run(tools.pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--use-list', join(work, 'toc.list'), '--dbname', dbname, dumpFile], pgEnv);
    const counts = await withClient(options.databaseUrl, (c) => countRows(c));
    const wrong = Object.entries(manifest.database.tables).filter(([t, n]) => counts[t] !== n);
    if (wrong.length) throw new BackupError(`the restored database differs from the manifest: ${wrong.map(([t, n]) => `${t} has ${counts[t] ?? 'no table'} rows, expected ${n}`).join('; ')}`);
    const databaseMs = performance.now() - t0;
    log(`  database: ${rowsInManifest} rows in ${Object.keys(counts).length} tables, as in the manifest (${seconds(databaseMs)})`);

    // 4. The files, straight from the archive into their stores, each checked against its checksum.
    const t1 = performance.now();
    const targets = new Map(
      manifest.files.map((f) => {
        const store = byName.get(f.store)!;
        const inStore = f.path.slice(`files/${f.store}/`.length);
        return [f.path, { sha256: f.sha256, write: (s: Readable) => store.write(inStore, s) }] as const;
      }),
    );
    await extractEntries(archive, targets);
    const filesMs = performance.now() - t1;
    for (const s of manifest.stores) log(`  files: ${s.name}: ${s.files} files, ${formatBytes(s.bytes)}`);

    // 5. Bring the schema up to this release (a backup from an older one), then the search index.
    const t2 = performance.now();
    const ds = await createDataSource(options.databaseUrl, 2).initialize();
    let migrated: string[];
    try {
      migrated = await migrate(ds);
    } finally {
      await ds.destroy();
    }
    const migrateMs = performance.now() - t2;
    if (migrated.length) log(`  migrated to this release: ${migrated.join(', ')}`);
    const t3 = performance.now();
    if (options.search) {
      log(`  rebuilding the search index (${options.search.url}, prefix ${options.search.prefix}) from the database…`);
      const { reindex } = await import('../modules/search/search.cli.js');
      const { appSearchIndexes } = await import('../app.module.js');
      await reindex(await appSearchIndexes(), [], { DATABASE_URL: options.databaseUrl, MEILI_URL: options.search.url, MEILI_MASTER_KEY: options.search.key, MEILI_INDEX_PREFIX: options.search.prefix }, (m) => log(`    ${m}`));
    }
    const reindexMs = performance.now() - t3;
    const total = performance.now() - started;
    log(`restored ${archive} in ${seconds(total)}`);
    return { manifest, migrated, rows: rowsInManifest, files: manifest.files.length, ms: { verify: verifyMs, database: databaseMs, files: filesMs, migrate: migrateMs, reindex: reindexMs, total } };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Drops every schema of the database's own (with all in them) and gives it an empty public schema. */
async function emptyDatabase(c: pg.Client): Promise<void> {
  const { rows } = await c.query<{ name: string }>(
    `SELECT nspname AS name FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'`,
  );
  await c.query('BEGIN');
  try {
    for (const r of rows) await c.query(`DROP SCHEMA "${r.name.replace(/"/g, '""')}" CASCADE`);
    await c.query('CREATE SCHEMA public');
    await c.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  }
}

/**
 * Streams the named entries of the archive to their writers, checking each one's sha256 on the
 * way (the archive could have changed since it was verified).
 */
async function extractEntries(archive: string, targets: Map<string, { sha256: string; write: (content: Readable) => Promise<void> }>): Promise<void> {
  const writes: Promise<void>[] = [];
  const found = new Set<string>();
  await tarList({
    file: archive,
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      const target = targets.get(entry.path);
      if (!target) {
        entry.resume();
        return;
      }
      found.add(entry.path);
      const h = hashing();
      const pass = new PassThrough();
      entry.pipe(h).pipe(pass);
      writes.push(
        target.write(pass).then(() => {
          const { sha256 } = h.digest();
          if (sha256 !== target.sha256) throw new BackupError(`${entry.path}: checksum changed since the archive was verified`);
        }),
      );
    },
  });
  await Promise.all(writes);
  for (const path of targets.keys()) if (!found.has(path)) throw new BackupError(`${path}: missing from the archive`);
}
