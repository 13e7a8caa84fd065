import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { MediaStore } from './storage/media-store.js';
import { derivativeKey, originalKey } from './upload-pipeline.js';

export interface MediaInventory {
  /** Keys in the store that no attachment row accounts for (interrupted uploads, failed clean-ups). */
  filesWithoutRows: string[];
  /** Attachments whose original (or a derivative they claim) is missing from the store. */
  rowsWithoutFiles: { attachmentId: string; key: string }[];
  files: number;
  rows: number;
}

/** Every key the attachment rows need: originals, and the derivatives of images marked READY. */
async function expectedKeys(ds: DataSource): Promise<Map<string, string>> {
  const rows: { id: string; sha256: string; derivative_widths: number[]; derivatives: string }[] = await ds.query(
    `SELECT id, sha256, derivative_widths, derivatives FROM attachment WHERE sha256 IS NOT NULL`,
  );
  const keys = new Map<string, string>();
  for (const r of rows) {
    keys.set(originalKey(r.sha256), r.id);
    if (r.derivatives === 'READY') for (const w of r.derivative_widths) keys.set(derivativeKey(r.sha256, w), r.id);
  }
  return keys;
}

/** `npm run media:check`: files without rows and rows without files. */
export async function mediaInventory(ds: DataSource, store: MediaStore): Promise<MediaInventory> {
  const [expected, files] = await Promise.all([expectedKeys(ds), store.list()]);
  const present = new Set(files);
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM attachment WHERE sha256 IS NOT NULL`);
  return {
    filesWithoutRows: files.filter((k) => !expected.has(k)),
    rowsWithoutFiles: [...expected].filter(([k]) => !present.has(k)).map(([key, attachmentId]) => ({ attachmentId, key })),
    files: files.length,
    rows: n,
  };
}

/**
 * Removes what interrupted uploads left behind once it is older than `maxAgeMs` (a day by
 * default): stored files no row uses (a crash between storing the bytes and committing the row)
 * and spooled upload files in the work folder. The age keeps a file whose upload is still being
 * committed. Returns what was removed.
 */
export async function sweepOrphans(ds: DataSource, store: MediaStore, workDir: string, now: Date, maxAgeMs = 86_400_000): Promise<{ files: string[]; spooled: number }> {
  const { filesWithoutRows } = await mediaInventory(ds, store);
  const removed: string[] = [];
  for (const key of filesWithoutRows) {
    const info = await store.stat(key);
    if (!info || now.getTime() - info.modifiedAt.getTime() < maxAgeMs) continue;
    // Checked again just before: an upload of the same bytes may have committed a row meanwhile.
    const sha = key.match(/[0-9a-f]{64}/)?.[0];
    if (sha && (await ds.query(`SELECT 1 FROM attachment WHERE sha256 = $1 LIMIT 1`, [sha])).length) continue;
    await store.delete(key);
    removed.push(key);
  }
  let spooled = 0;
  for (const name of await readdir(workDir).catch(() => [] as string[])) {
    const path = join(workDir, name);
    const s = await stat(path).catch(() => null);
    if (s?.isFile() && now.getTime() - s.mtime.getTime() >= maxAgeMs) {
      await rm(path, { force: true });
      spooled++;
    }
  }
  return { files: removed, spooled };
}
