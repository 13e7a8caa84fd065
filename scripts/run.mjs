// Runs an operator command of the API (`npm run migrate`, `seed`, `schema`, `search:reindex`, `backup`, `restore`…)
// against the configured services: DATABASE_URL and MEILI_URL, or the embedded ones under .data/.
import { ensureInstall } from './ensure-install.mjs';

ensureInstall();
const { ensurePostgres, ensureMeilisearch, createDatabase } = await import('./lib/services.mjs');
const { buildApi, apiCli } = await import('./lib/build.mjs');

const [command, ...args] = process.argv.slice(2);
buildApi();
const pg = await ensurePostgres('app');
const databaseUrl = pg.databaseUrl ?? (await createDatabase(pg.adminUrl, 'techport'));
if (!process.env.DATABASE_URL && pg.adminUrl) await createDatabase(pg.adminUrl, 'techport');
const meili = ['schema', 'migrate', 'schema:check', 'backup', 'media:check'].includes(command) || (command === 'restore' && args.includes('--check')) ? null : await ensureMeilisearch('app');
try {
  apiCli([command, ...args], {
    DATABASE_URL: databaseUrl,
    ...(meili ? { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key } : {}),
  });
} catch (err) {
  // The command has printed its own message: pass its exit status on, without this script's stack.
  if (typeof err?.status !== 'number') throw err;
  process.exitCode = err.status;
} finally {
  await meili?.stop();
  await pg.stop();
}
