import { isolatedDatabase, type IsolatedDatabase } from '../support/database.js';
import { Client } from '../support/graphql.js';
import { spawnApi, waitFor, type ApiProcess } from './support.js';
import { approveBurst, dbQuery, prepareScenario } from './scenario.js';

// The API killed with SIGKILL in the middle of a burst of writes: every acknowledged write is
// there, nothing is half-written, and the outbox resumes in the next process.
let db: IsolatedDatabase;
let api: ApiProcess | undefined;
const prefix = `kill${process.pid}`;

beforeAll(async () => {
  db = await isolatedDatabase('kill');
});
afterAll(async () => {
  api?.kill('SIGKILL');
  await db.drop();
});

// Three minutes, as the other kill specs: two processes start in it, and on a slow day beside the
// browser tests it took 59 s of the default 60 (2026-12-07).
it('keeps every acknowledged write and resumes the outbox after SIGKILL', async () => {
  const env = { DATABASE_URL: db.url, MEILI_INDEX_PREFIX: prefix };
  api = await spawnApi(env);
  const scenario = await prepareScenario(new Client(api.url), db.url, 60);
  const first = api;
  const acked = await approveBurst(scenario.moderator, [first.url], scenario.pendingIds, 6, (n) => {
    if (n === 20) first.kill('SIGKILL');
  });
  await first.exited;
  expect(acked.size).toBeGreaterThanOrEqual(20);
  expect(acked.size).toBeLessThan(scenario.pendingIds.length);

  // Every acknowledged approval is there, with its audit event and its outbox event.
  const published = await dbQuery<{ id: string; events: number; outbox: number }>(
    db.url,
    `SELECT l.id,
       (SELECT count(*)::int FROM listing_event e WHERE e.listing_id = l.id AND e.action = 'APPROVE') AS events,
       (SELECT count(*)::int FROM outbox_event o WHERE o.topic = 'listing.changed' AND o.payload->>'listingId' = l.id::text) AS outbox
     FROM listing l WHERE l.status = 'PUBLISHED'`,
  );
  const publishedIds = new Set(published.map((r) => r.id));
  for (const id of acked) expect(publishedIds.has(id)).toBe(true);
  // Nothing half-written: a published listing always has exactly one approval event and its index event.
  for (const r of published) {
    expect(r.events).toBe(1);
    expect(r.outbox).toBeGreaterThanOrEqual(1);
  }
  // The ones not yet approved are untouched, still waiting for review.
  const [{ pending }] = await dbQuery<{ pending: number }>(db.url, `SELECT count(*)::int AS pending FROM listing WHERE status = 'PENDING_REVIEW'`);
  expect(pending + published.length).toBe(scenario.pendingIds.length);

  // A new process picks up the outbox: the index converges on what PostgreSQL says is public.
  api = await spawnApi(env);
  await waitFor('the outbox to drain', async () => {
    const [{ n }] = await dbQuery<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`);
    return n === 0;
  });
  const search = await new Client(api.url).ok(`{ search(input: { kind: OFFER, pageSize: 100 }) { totalHits } }`);
  expect(search.search.totalHits).toBe(published.length);
}, 180_000);
