import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';
import { create as tarCreate, extract as tarExtract } from 'tar';
import { createBackup, knownMigrations, restoreBackup, verifyArchive, type BackupReport } from '../src/backup/backup.js';
import { LocalFolderStore } from '../src/backup/file-stores.js';
import { createDataSource } from '../src/database/data-source.js';
import { reindex } from '../src/modules/search/search.cli.js';
import { appSearchIndexes } from '../src/app.module.js';
import { seedDemoMedia } from '../src/modules/media/demo-media.js';
import { LocalMediaStore } from '../src/modules/media/storage/local-media-store.js';
import { derivativeKey, originalKey } from '../src/modules/media/upload-pipeline.js';
import { seedDemo } from '../src/seed/seed.js';
import { DEMO_STAFF_TOTP_SECRET } from '../src/seed/demo-content.js';
import { startTestApp, type TestApp } from './support/app.js';
import { emptyDatabase, isolatedDatabase, type IsolatedDatabase } from './support/database.js';
import { Client, signIn } from './support/graphql.js';
import { SEARCH, privateMeili, tempDir, type MeiliProcess } from './support/search.js';

// `npm run backup` / `npm run restore`, end to end: the demo exchange (with its mail outbox and its
// media store: the demo pictures, sheets and logos with their derivatives) is backed up, restored
// into an empty database, empty file stores and a new Meilisearch, and the copy is compared with
// the original row by row, file by file and search by search.

let source: IsolatedDatabase;
let target: IsolatedDatabase;
let sourceApp: TestApp;
let targetApp: TestApp | undefined;
let meili: (MeiliProcess & { dispose(): Promise<void> }) | undefined;
const sourceFiles = tempDir('bk-files-a');
const targetFiles = tempDir('bk-files-b');
const sourceMedia = tempDir('bk-media-a');
const targetMedia = tempDir('bk-media-b');
const outDir = tempDir('bk-out');
const sourcePrefix = `bka${process.pid}`;
const targetPrefix = `bkb${process.pid}`;
let backup: BackupReport;

const quiet = () => {};

/** Every file under `dir` with its sha256, by relative path. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Every table of the database, each as its rows in text form, sorted. */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ t: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS t FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    const out: Record<string, string[]> = {};
    // search_index_version counts changes per search index name, for the caches: derived state like
    // the index itself, and a restore's reindex into another instance (another index prefix) adds its own rows.
    for (const { t } of tables.filter(({ t }) => t !== 'public.search_index_version')) out[t] = (await c.query<{ r: string }>(`SELECT x::text AS r FROM ${t} x ORDER BY 1`)).rows.map((r) => r.r);
    return out;
  } finally {
    await c.end();
  }
}

async function sequences(url: string): Promise<Record<string, string>> {
  const rows = await query<{ s: string; v: string | null }>(url, `SELECT format('%I.%I', schemaname, sequencename) AS s, last_value::text AS v FROM pg_sequences ORDER BY 1`);
  return Object.fromEntries(rows.map((r) => [r.s, r.v ?? 'unset']));
}

const tableCount = async (url: string) =>
  (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`))[0].n;

beforeAll(async () => {
  // A populated exchange: the demo seed, its search index applied by the outbox, and a file store
  // with e-mails in it (Vietnamese text, a nested folder, binary content).
  source = await isolatedDatabase('bka');
  const ds = await createDataSource(source.url, 2).initialize();
  try {
    await seedDemo(ds, { ttlDays: 365 });
    // What `npm run seed` adds: pictures, sheets and logos; the source app's media worker then
    // makes the pictures' WebP derivatives and reads the sheets' text (on settle, before the backup).
    // Files of every kind for the first 16 listings and organisations: enough to prove the round
    // trip, without the worker sizing ~500 files before the backup.
    await seedDemoMedia(ds, new LocalMediaStore(sourceMedia), { limit: 16 });
  } finally {
    await ds.destroy();
  }
  mkdirSync(join(sourceFiles, '2026', '12'), { recursive: true });
  writeFileSync(join(sourceFiles, '2026-12-04T05-00-00-000Z-lan.nguyen@vien-sinh-hoc.demo.techport.vn.eml'), 'Subject: Tin nhắn mới về công nghệ sấy lạnh\n\nChào chị Lan,\n');
  writeFileSync(join(sourceFiles, '2026', '12', 'bien-ban.bin'), randomBytes(200_000));
  writeFileSync(join(sourceFiles, '2026', '12', 'empty.eml'), '');
  sourceApp = await startTestApp({ DATABASE_URL: source.url, MEILI_INDEX_PREFIX: sourcePrefix, MAIL_OUTBOX_DIR: sourceFiles, MEDIA_DIR: sourceMedia });
  await sourceApp.settle();

  backup = await createBackup({ databaseUrl: source.url, stores: [new LocalFolderStore('mail-outbox', sourceFiles), new LocalMediaStore(sourceMedia)], out: outDir, log: quiet });
  target = await emptyDatabase('bkb');
}, 300_000);

afterAll(async () => {
  await targetApp?.close();
  await sourceApp?.close();
  await meili?.dispose();
  await source?.drop();
  await target?.drop();
  for (const d of [sourceFiles, targetFiles, sourceMedia, targetMedia, outDir]) rmSync(d, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes one archive with the dump, the files and a manifest naming the schema version and every checksum', async () => {
    expect(backup.archive).toMatch(/techport-backup-\d{8}T\d{6}Z\.tar$/);
    const { manifest, problems } = await verifyArchive(backup.archive);
    expect(problems).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'techport-backup', formatVersion: 1, app: { name: 'techport', version: pkg.version }, database: { format: 'pg_dump custom' } });
    const known = knownMigrations();
    expect(manifest!.schemaVersion).toBe(known[known.length - 1]);
    expect(Date.parse(manifest!.createdAt)).toBeGreaterThan(Date.now() - 600_000);
    // The row counts come from the dump's own snapshot.
    const [{ n }] = await query<{ n: number }>(source.url, `SELECT count(*)::int AS n FROM listing`);
    expect(manifest!.database.tables['public.listing']).toBe(n);
    // Every file of both stores, with the sha256 of what is on disk.
    const inStore = (store: string) => Object.fromEntries(manifest!.files.filter((f) => f.path.startsWith(`files/${store}/`)).map((f) => [f.path.slice(`files/${store}/`.length), f.sha256]));
    expect(inStore('mail-outbox')).toEqual(hashes(sourceFiles));
    expect(inStore('media')).toEqual(hashes(sourceMedia));
    expect(manifest!.files.length).toBe(Object.keys(hashes(sourceFiles)).length + Object.keys(hashes(sourceMedia)).length);
    // The media store holds every attachment's original and every ready picture's derivatives.
    const attachments = await query<{ sha256: string; derivatives: string; widths: number[] }>(source.url, `SELECT sha256, derivatives, derivative_widths AS widths FROM attachment WHERE sha256 IS NOT NULL`);
    expect(attachments.length).toBeGreaterThan(20);
    // Every kind of file: listing pictures and PDF sheets, organisation logos.
    const kinds = await query<{ k: string }>(source.url, `SELECT DISTINCT owner_kind || ' ' || kind AS k FROM attachment ORDER BY 1`);
    expect(kinds.map((r) => r.k)).toEqual(['LISTING DOCUMENT', 'LISTING IMAGE', 'ORGANIZATION IMAGE']);
    expect(attachments.filter((a) => a.derivatives === 'PENDING')).toEqual([]);
    const media = inStore('media');
    for (const a of attachments) {
      expect(media[originalKey(a.sha256)]).toBe(a.sha256); // content-addressed: the key names the bytes' hash
      for (const w of a.derivatives === 'READY' ? a.widths : []) expect(media[derivativeKey(a.sha256, w)]).toMatch(/^[0-9a-f]{64}$/);
    }
    // The dump's checksum is that of the entry in the archive.
    const unpacked = tempDir('bk-unpacked');
    mkdirSync(unpacked);
    try {
      await tarExtract({ file: backup.archive, cwd: unpacked });
      expect(createHash('sha256').update(readFileSync(join(unpacked, 'database.dump'))).digest('hex')).toBe(manifest!.database.sha256);
      expect(readFileSync(join(unpacked, 'database.dump')).subarray(0, 5).toString()).toBe('PGDMP'); // pg_dump's custom format
    } finally {
      rmSync(unpacked, { recursive: true, force: true });
    }
  });

  it('refuses to restore over a database that holds data, and changes nothing', async () => {
    const before = await everyRow(source.url);
    await expect(
      restoreBackup({ archive: backup.archive, databaseUrl: source.url, stores: [new LocalFolderStore('mail-outbox', tempDir('bk-none')), new LocalMediaStore(tempDir('bk-none-media'))], search: null, log: quiet }),
    ).rejects.toThrow(/refusing to restore over data that is already there: the database .* holds \d+ tables.*--force/s);
    expect(await everyRow(source.url)).toEqual(before);
  });

  it('refuses an archive whose contents do not match their checksums, before touching the database', async () => {
    const unpacked = tempDir('bk-tampered');
    mkdirSync(unpacked);
    const tampered = join(outDir, 'tampered.tar');
    try {
      await tarExtract({ file: backup.archive, cwd: unpacked });
      writeFileSync(join(unpacked, 'files', 'mail-outbox', '2026', '12', 'empty.eml'), 'not empty any more');
      const picture = (await verifyArchive(backup.archive)).manifest!.files.find((f) => f.path.startsWith('files/media/o/'))!.path;
      writeFileSync(join(unpacked, ...picture.split('/')), 'not the picture');
      await tarCreate({ file: tampered, cwd: unpacked }, ['manifest.json', 'database.dump', 'files']);
      const refusal = restoreBackup({ archive: tampered, databaseUrl: target.url, stores: [new LocalFolderStore('mail-outbox', targetFiles), new LocalMediaStore(targetMedia)], search: null, log: quiet });
      await expect(refusal).rejects.toThrow(/files\/mail-outbox\/2026\/12\/empty\.eml: checksum mismatch[\s\S]*Nothing was changed/);
      await expect(refusal).rejects.toThrow(`${picture}: checksum mismatch`);
      expect(await tableCount(target.url)).toBe(0);
      expect(existsSync(targetMedia)).toBe(false);
      // A truncated archive is refused as well.
      writeFileSync(tampered, readFileSync(backup.archive).subarray(0, 40_000));
      await expect(restoreBackup({ archive: tampered, databaseUrl: target.url, stores: [], search: null, log: quiet })).rejects.toThrow(/cannot be restored/);
      expect(await tableCount(target.url)).toBe(0);
    } finally {
      rmSync(unpacked, { recursive: true, force: true });
      rmSync(tampered, { force: true });
    }
  });

  it('restores into an empty database, file store and search instance: every row, every file and the same search results', async () => {
    meili = await privateMeili();
    const report = await restoreBackup({
      archive: backup.archive,
      databaseUrl: target.url,
      stores: [new LocalFolderStore('mail-outbox', targetFiles), new LocalMediaStore(targetMedia)],
      search: { url: meili.url, key: meili.key, prefix: targetPrefix },
      log: quiet,
    });
    expect(report.migrated).toEqual([]);

    // Every row of every table, and the sequences.
    const [a, b] = [await everyRow(source.url), await everyRow(target.url)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const table of Object.keys(a)) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
    expect(Object.values(a).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(1000);
    expect(await sequences(target.url)).toEqual(await sequences(source.url));

    // Every file, in both stores.
    expect(hashes(targetFiles)).toEqual(hashes(sourceFiles));
    const mediaHashes = hashes(sourceMedia);
    expect(Object.keys(mediaHashes).length).toBeGreaterThan(50); // originals and their WebP sizes
    expect(hashes(targetMedia)).toEqual(mediaHashes);

    // The same search results. The source's index is rebuilt the same way first: documents
    // of equal relevance come back in the order they were indexed, which differs between an
    // index fed change by change and one rebuilt in a single scan.
    await reindex(await appSearchIndexes(), [], { DATABASE_URL: source.url, MEILI_URL: sourceApp.config.MEILI_URL, MEILI_MASTER_KEY: sourceApp.config.MEILI_MASTER_KEY, MEILI_INDEX_PREFIX: sourcePrefix }, quiet);
    targetApp = await startTestApp({ DATABASE_URL: target.url, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, MEILI_INDEX_PREFIX: targetPrefix, MAIL_OUTBOX_DIR: targetFiles, MEDIA_DIR: targetMedia });
    const [before, after] = [new Client(sourceApp.url), new Client(targetApp.url)];
    const strip = (r: { search: Record<string, unknown> }) => ({ ...r.search, processingTimeMs: 0 });
    const queries = [
      { query: 'sấy lạnh' },
      { query: 'xu ly nuoc thai' },
      { query: 'cold storage' },
      { query: '', kind: 'DEMAND', sort: 'NEWEST' },
      { query: 'may', provinceCodes: ['can-tho', 'tay-ninh', 'ha-noi'], trlMin: 5 },
      { query: '', page: 2 },
    ];
    let hits = 0;
    for (const input of queries) {
      const [x, y] = [await before.ok(SEARCH, { input }), await after.ok(SEARCH, { input })];
      expect({ input, result: strip(y as never) }).toEqual({ input, result: strip(x as never) });
      hits += (x as { search: { totalHits: number } }).search.totalHits;
    }
    expect(hits).toBeGreaterThan(50);

    // The restored install serves the restored pictures: a published listing's, original and derivative.
    const [picture] = await query<{ id: string; sha256: string }>(
      target.url,
      `SELECT a.id, a.sha256 FROM attachment a JOIN listing l ON l.id = a.owner_id WHERE a.owner_kind = 'LISTING' AND a.kind = 'IMAGE' AND a.derivatives = 'READY' AND l.status = 'PUBLISHED' ORDER BY a.id LIMIT 1`,
    );
    const served = async (url: string) => {
      const r = await fetch(url);
      expect(r.status).toBe(200);
      return createHash('sha256').update(Buffer.from(await r.arrayBuffer())).digest('hex');
    };
    expect(await served(`${targetApp.url}/media/${picture.id}/original`)).toBe(picture.sha256);
    expect(await served(`${targetApp.url}/media/${picture.id}/w640`)).toBe(await served(`${sourceApp.url}/media/${picture.id}/w640`));

    // The people come back too: the demo moderator signs in on the copy with the same password and
    // the same authenticator (staff have a second factor).
    const token = await signIn(after, 'moderator@demo.techport.vn', 'Techport@2026', DEMO_STAFF_TOTP_SECRET);
    expect((await after.as(token).ok(`{ me { email } }`)).me.email).toBe('moderator@demo.techport.vn');
  }, 300_000);

  it('replaces a database that has moved on when forced, back to the backup exactly', async () => {
    const expected = await everyRow(source.url);
    await query(target.url, `UPDATE organization SET name = name || ' (changed after the backup)'`);
    await query(target.url, `CREATE TABLE stray_table (id int)`);
    await expect(restoreBackup({ archive: backup.archive, databaseUrl: target.url, stores: [new LocalFolderStore('mail-outbox', tempDir('bk-none')), new LocalMediaStore(tempDir('bk-none-media'))], search: null, log: quiet })).rejects.toThrow(
      /refusing to restore/,
    );
    await restoreBackup({ archive: backup.archive, databaseUrl: target.url, stores: [new LocalFolderStore('mail-outbox', targetFiles), new LocalMediaStore(targetMedia)], search: null, force: true, log: quiet });
    expect(await everyRow(target.url)).toEqual(expected);
    expect(hashes(targetFiles)).toEqual(hashes(sourceFiles));
    expect(hashes(targetMedia)).toEqual(hashes(sourceMedia));
  }, 300_000);
});
