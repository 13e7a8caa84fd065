// `npm run bench -- backup`: how long a department waits for a backup and, above all, for a
// restore. The catalogue of the search benchmark (100 000 listings, ~200 organisations;
// bench-search.mjs `load`) plus a mail outbox of a few hundred e-mails, in a throwaway database;
// then the operator commands themselves, as `npm run backup` and `npm run restore` run them:
// `backup` into a folder, and `restore` of that archive into an empty database, an empty file
// store and a new Meilisearch (verify, pg_restore, files, migrate, rebuild of the search index).
//
// Options: --listings N (default 100000), --files N (mail outbox files, default 500),
//          --no-write (do not append to docs/benchmarks.md: trial runs), --keep (leave the
//          databases, the archive and Meilisearch's data in place).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../ensure-install.mjs';
import { apiCli, buildApi } from './build.mjs';
import { load, runAsync } from './bench-search.mjs';
import { appendBenchmarks, machine, machineLine, markdownTable, table } from './bench-common.mjs';
import { DATA_DIR, createDatabase, dropDatabase, ensurePostgres, startMeilisearch } from './services.mjs';

const log = (msg) => console.log(`[bench:backup] ${msg}`);

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}

async function timed(fn) {
  const t0 = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - t0 };
}

async function count(databaseUrl, sql) {
  const pg = createRequire(join(ROOT, 'package.json'))('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

export async function run({ args }) {
  const N = option(args, '--listings', 100_000);
  const fileCount = option(args, '--files', 500);
  const keep = args.includes('--keep');
  const m = machine();
  const stamp = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  const work = join(DATA_DIR, `bench-backup-${stamp}`);
  const logFile = join(work, 'commands.log');
  const [sourceName, targetName] = [`techport_bench_${stamp}_a`, `techport_bench_${stamp}_b`];
  mkdirSync(work, { recursive: true });
  log(`machine: ${machineLine(m)}`);

  log('building the API (dist/)…');
  buildApi();
  const pg = await ensurePostgres('test');
  const source = await createDatabase(pg.adminUrl, sourceName);
  const target = await createDatabase(pg.adminUrl, targetName);
  let meili;
  try {
    apiCli(['migrate'], { DATABASE_URL: source });
    log(`generating and inserting ${N} listings…`);
    const data = await load(source, N);
    log(`  ${data.listings} listings, ${data.organizations} organisations in ${(data.insertMs / 1000).toFixed(1)} s`);
    const mailA = join(work, 'mail-a');
    mkdirSync(mailA, { recursive: true });
    for (let i = 0; i < fileCount; i++) {
      writeFileSync(join(mailA, `2026-12-04T05-00-${String(i).padStart(4, '0')}-member${i}@bench.invalid.eml`), `Subject: Thông báo ${i}\n\n${randomBytes(1500).toString('base64')}\n`);
    }
    const dbBytes = await count(source, `SELECT pg_database_size(current_database()) AS n`);

    log('npm run backup (the operator command `backup`)…');
    const out = join(work, 'archives');
    const backup = await timed(() => runAsync(['dist/apps/api/src/cli.js', 'backup', '--out', out], { DATABASE_URL: source, MAIL_OUTBOX_DIR: mailA }, logFile));
    const archiveFile = readdirSync(out).find((f) => f.endsWith('.tar'));
    if (!archiveFile) throw new Error('no archive written');
    const archive = join(out, archiveFile);
    const archiveBytes = statSync(archive).size;
    const dumpLine = /dump ([\d.]+ \w+) in ([\d.]+) s/.exec(backup.result);

    log('npm run restore into an empty database, an empty file store and a new Meilisearch…');
    meili = await startMeilisearch({ dir: join(work, 'meili') });
    const mailB = join(work, 'mail-b');
    const restore = await timed(() =>
      runAsync(
        ['dist/apps/api/src/cli.js', 'restore', archive],
        { DATABASE_URL: target, MAIL_OUTBOX_DIR: mailB, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, MEILI_INDEX_PREFIX: 'restored' },
        logFile,
      ),
    );
    const phases = /restore done in ([\d.]+) s \(verify ([\d.]+) s, database ([\d.]+) s, files ([\d.]+) s, migrate ([\d.]+) s, search index ([\d.]+) s\)/.exec(restore.result);
    if (!phases) throw new Error('could not read the restore report');

    // The copy holds what the original does.
    const [listingsA, listingsB] = [await count(source, 'SELECT count(*) AS n FROM listing'), await count(target, 'SELECT count(*) AS n FROM listing')];
    const indexed = await fetch(`${meili.url}/indexes/restored_listings/stats`, { headers: { authorization: `Bearer ${meili.key}` } }).then((r) => r.json());
    const filesB = readdirSync(mailB).length;
    if (listingsA !== listingsB || indexed.numberOfDocuments !== listingsA || filesB !== fileCount) {
      throw new Error(`the restored copy differs: listings ${listingsB}/${listingsA}, indexed ${indexed.numberOfDocuments}, files ${filesB}/${fileCount}`);
    }

    const s = (x) => `${Number(x).toFixed(1)} s`;
    const rows = [
      { step: '`npm run backup` (pg_dump in one snapshot, files, manifest, tar, read-back verification)', time: s(backup.ms / 1000) },
      { step: '  of which pg_dump (custom format)', time: dumpLine ? `${dumpLine[2]} s (dump ${dumpLine[1]})` : '-' },
      { step: '`npm run restore`, total', time: s(restore.ms / 1000) },
      { step: '  verify every checksum', time: s(phases[2]) },
      { step: '  pg_restore (one transaction) + row counts checked', time: s(phases[3]) },
      { step: '  files', time: s(phases[4]) },
      { step: '  migrate', time: s(phases[5]) },
      { step: '  rebuild the search index from the database', time: s(phases[6]) },
    ];
    console.log(`\n${table(rows, [['step', 'step', 'left'], ['time', 'time']])}\n`);
    log(`database ${mib(dbBytes)} on disk; archive ${mib(archiveBytes)}; ${listingsB} listings and ${filesB} files restored, ${indexed.numberOfDocuments} documents searchable`);

    if (!args.includes('--no-write')) {
      appendBenchmarks(
        [
          `## Backup and restore at ${N.toLocaleString('en')} listings (\`npm run bench -- backup\`)`,
          '',
          machineLine(m),
          '',
          `${data.listings.toLocaleString('en')} published listings of ${data.organizations} organisations (the search benchmark's catalogue) and a mail outbox of ${fileCount} files;`,
          `database ${mib(dbBytes)} on disk, archive ${mib(archiveBytes)}. Restored into an empty database, an empty file store and a new Meilisearch,`,
          `then checked: ${listingsB.toLocaleString('en')} listings, ${filesB} files, ${indexed.numberOfDocuments.toLocaleString('en')} documents searchable.`,
          '',
          markdownTable(rows, [['step', 'step', 'left'], ['wall time', 'time']]),
        ].join('\n'),
      );
      log('figures appended to docs/benchmarks.md');
    }
  } finally {
    await meili?.stop();
    if (!keep) {
      await dropDatabase(pg.adminUrl, sourceName).catch(() => {});
      await dropDatabase(pg.adminUrl, targetName).catch(() => {});
      rmSync(work, { recursive: true, force: true });
    } else {
      log(`kept: databases ${sourceName}, ${targetName}; files in ${work}`);
    }
    await pg.stop();
  }
}
