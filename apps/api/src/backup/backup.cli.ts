/**
 * Operator commands (wired into cli.ts COMMANDS; `npm run backup` / `npm run restore` wrap them):
 *   backup [--out FOLDER|FILE.tar] [--prune [--keep-daily 7] [--keep-weekly 4] [--keep-monthly 12]]
 *                                           one archive: database dump, stored files, manifest
 *                                           (default folder: BACKUP_DIR, else ./backups); --prune
 *                                           then deletes the folder's older archives beyond the
 *                                           retention (retention.ts)
 *   restore ARCHIVE [--force] [--check]     verify, then restore into DATABASE_URL and the file
 *                                           stores, migrate, rebuild the search index
 * They read DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY, MEILI_INDEX_PREFIX, MAIL_OUTBOX_DIR, the
 * media store's MEDIA_STORAGE with MEDIA_DIR or MEDIA_S3_*, and PG_BIN_DIR (where pg_dump and
 * pg_restore are, when not found by themselves).
 */
import { readdir, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { BackupError, createBackup, formatBytes, restoreBackup } from './backup.js';
import { fileStores } from './file-stores.js';
import { mediaStoreFromEnv } from '../modules/media/storage/create-media-store.js';
import { PgToolsError } from './pg-tools.js';
import { applyRetention, DEFAULT_RETENTION, type RetentionPolicy } from './retention.js';

function env(name: string, fallback?: string): string {
  const value = process.env[name] || fallback;
  if (value === undefined) throw new Error(`${name}: not set`);
  return value;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name}: give a value`);
  return value;
}

/** A path typed by the operator: relative to where they ran npm (INIT_CWD), not to the repository. */
function userPath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/** Operator-facing failures print their message only; anything else keeps its stack for a bug report. */
async function friendly(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof BackupError || err instanceof PgToolsError) throw new Error(err.message);
    throw err;
  }
}

export async function backup(args: string[]): Promise<void> {
  await friendly(async () => {
    const out = userPath(option(args, '--out') ?? process.env.BACKUP_DIR ?? 'backups');
    const report = await createBackup({
      databaseUrl: env('DATABASE_URL'),
      stores: fileStores({ MAIL_OUTBOX_DIR: process.env.MAIL_OUTBOX_DIR, media: mediaStoreFromEnv(process.env) }),
      out,
      log: (m) => console.log(m),
    });
    const m = report.manifest;
    console.log(
      `backup done in ${(report.ms.total / 1000).toFixed(1)} s: ${report.archive}\n` +
        `  ${formatBytes(report.bytes)}; schema ${m.schemaVersion}; app ${m.app.version}; dump sha256 ${m.database.sha256}; ${m.files.length} files`,
    );
    if (args.includes('--prune')) await prune(dirname(report.archive), retentionPolicy(args));
  });
}

function retentionPolicy(args: string[]): RetentionPolicy {
  const count = (name: string, fallback: number) => {
    const raw = option(args, name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 1000) throw new Error(`${name}: a whole number from 0 to 1000`);
    return n;
  };
  const policy = {
    daily: count('--keep-daily', DEFAULT_RETENTION.daily),
    weekly: count('--keep-weekly', DEFAULT_RETENTION.weekly),
    monthly: count('--keep-monthly', DEFAULT_RETENTION.monthly),
  };
  if (policy.daily < 1) throw new Error('--keep-daily: at least 1 (the backup just made)');
  return policy;
}

/** Deletes the archives of `folder` that the retention policy does not keep. */
async function prune(folder: string, policy: RetentionPolicy): Promise<void> {
  const { keep, remove } = applyRetention(await readdir(folder), policy);
  for (const name of remove) await rm(join(folder, name));
  console.log(
    `retention (${policy.daily} daily, ${policy.weekly} weekly, ${policy.monthly} monthly): ${keep.length} archives kept` +
      (remove.length ? `, ${remove.length} deleted: ${remove.join(', ')}` : ', none deleted'),
  );
}

export async function restore(args: string[]): Promise<void> {
  await friendly(async () => {
    const archive = args.find((a, i) => !a.startsWith('--') && !['--work-dir'].includes(args[i - 1] ?? ''));
    if (!archive) throw new Error('usage: npm run restore -- ARCHIVE [--force] [--check]');
    // `npm run restore ARCHIVE --force` (without --) hands --force to npm, which passes it on as npm_config_force.
    const force = args.includes('--force') || process.env.npm_config_force === 'true';
    const report = await restoreBackup({
      archive: userPath(archive),
      databaseUrl: env('DATABASE_URL'),
      stores: fileStores({ MAIL_OUTBOX_DIR: process.env.MAIL_OUTBOX_DIR, media: mediaStoreFromEnv(process.env) }),
      search: args.includes('--check')
        ? null
        : { url: env('MEILI_URL'), key: process.env.MEILI_MASTER_KEY ?? '', prefix: env('MEILI_INDEX_PREFIX', 'techport') },
      force,
      checkOnly: args.includes('--check'),
      workDir: option(args, '--work-dir'),
      log: (m) => console.log(m),
    });
    if (!args.includes('--check')) {
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      console.log(
        `restore done in ${s(report.ms.total)} (verify ${s(report.ms.verify)}, database ${s(report.ms.database)}, files ${s(report.ms.files)}, ` +
          `migrate ${s(report.ms.migrate)}, search index ${s(report.ms.reindex)}): ${report.rows} rows, ${report.files} files`,
      );
    }
  });
}
