import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { isolatedDatabase, type IsolatedDatabase } from '../support/database.js';
import { Client } from '../support/graphql.js';
import { spawnApi, waitFor, type ApiProcess } from './support.js';
import { approveBurst, dbQuery, prepareScenario } from './scenario.js';
// @ts-expect-error: a plain ES module of the project's scripts, without type declarations
import { startMeilisearch } from '../../../../scripts/lib/services.mjs';

interface Meili {
  url: string;
  key: string;
  port: number;
  stop(): Promise<void>;
}

// Meilisearch stopped during a burst of publications, then restarted: every write succeeds, and
// the index converges on PostgreSQL without losing or duplicating anything.
let db: IsolatedDatabase;
let api: ApiProcess | undefined;
let meili: Meili | undefined;
const dir = join(tmpdir(), `techport-fault-meili-${process.pid}`);

beforeAll(async () => {
  db = await isolatedDatabase('meili');
});
afterAll(async () => {
  api?.kill('SIGKILL');
  await meili?.stop();
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

it('accepts publications while Meilisearch is down and converges when it returns', async () => {
  meili = (await startMeilisearch({ dir })) as Meili;
  const { port, key } = meili;
  api = await spawnApi({ DATABASE_URL: db.url, MEILI_URL: meili.url, MEILI_MASTER_KEY: key, MEILI_INDEX_PREFIX: 'outage' });
  const base = new Client(api.url);
  const scenario = await prepareScenario(base, db.url, 40);

  let stopping: Promise<void> | undefined;
  const acked = await approveBurst(scenario.moderator, [api.url], scenario.pendingIds, 4, (n) => {
    if (n === 10) stopping = meili!.stop();
  });
  await stopping;
  // Every publication was accepted, outage or not.
  expect(acked.size).toBe(scenario.pendingIds.length);
  const health = await fetch(`${api.url}/health`);
  expect(health.status).toBe(503);
  expect(((await health.json()) as { search: { ok: boolean } }).search.ok).toBe(false);
  const [{ waiting }] = await dbQuery<{ waiting: number }>(db.url, `SELECT count(*)::int AS waiting FROM outbox_event WHERE processed_at IS NULL`);
  expect(waiting).toBeGreaterThan(0);

  meili = (await startMeilisearch({ dir, port, key })) as Meili;
  await waitFor(
    'the index to converge',
    async () => {
      const res = await base.ok(`{ search(input: { kind: OFFER, pageSize: 100 }) { totalHits } }`);
      return res.search.totalHits === scenario.pendingIds.length;
    },
    90_000,
  );
  await waitFor('the outbox to drain', async () => {
    const [{ n }] = await dbQuery<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`);
    return n === 0;
  }, 60_000);
  expect((await fetch(`${api.url}/health`)).status).toBe(200);
});
