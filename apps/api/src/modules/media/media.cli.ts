import { createDataSource } from '../../database/data-source.js';
import { mediaStoreFromEnv } from './storage/create-media-store.js';
import { mediaInventory, sweepOrphans } from './media-inventory.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run media:check`: compares the media store with the attachment rows and reports files
 * without rows and rows without files (exit status 1 when there are rows without files).
 * `-- --sweep` also removes files without rows older than a day (what the hourly job does).
 */
export async function mediaCheck(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL: not set');
  const ds = await createDataSource(env.DATABASE_URL, 2).initialize();
  const store = mediaStoreFromEnv(env);
  try {
    const report = await mediaInventory(ds, store);
    console.log(`media store ${store.describe}: ${report.files} files; ${report.rows} attachment rows with files`);
    console.log(`  files without rows: ${report.filesWithoutRows.length}`);
    for (const k of report.filesWithoutRows.slice(0, 50)) console.log(`    ${k}`);
    console.log(`  rows without files: ${report.rowsWithoutFiles.length}`);
    for (const r of report.rowsWithoutFiles.slice(0, 50)) console.log(`    attachment ${r.attachmentId}: ${r.key}`);
    if (args.includes('--sweep')) {
      const swept = await sweepOrphans(ds, store, env.MEDIA_TMP_DIR || join(tmpdir(), 'techport-uploads'), new Date());
      console.log(`  swept: ${swept.files.length} files without rows older than a day, ${swept.spooled} spooled uploads`);
    }
    if (report.rowsWithoutFiles.length) process.exitCode = 1;
  } finally {
    await ds.destroy();
    (store as { destroy?: () => void }).destroy?.();
  }
}
