import { DataSource } from 'typeorm';
import pg from 'pg';
import { startTestApp, type TestApp } from './support/app.js';
import { isolatedDatabase, type IsolatedDatabase } from './support/database.js';
import { OutboxService, type OutboxEvent } from '../src/modules/outbox/outbox.service.js';

/**
 * Jobs apart from the outbox (outbox.service.ts): one job per subscriber, run outside the
 * transaction that fans the event out, so a failing subscriber retries alone and a running job
 * holds no lock. (A worker killed mid-job: faults/media-kill.fault-spec.ts.)
 * A database of its own: other specs' workers would otherwise see this spec's test topic.
 */
let db: IsolatedDatabase;
let t: TestApp;
let outbox: OutboxService;
let ds: DataSource;

beforeAll(async () => {
  db = await isolatedDatabase('outboxjobs');
  t = await startTestApp({ DATABASE_URL: db.url, WORKERS_ENABLED: 'false' });
  outbox = t.app.get(OutboxService);
  ds = t.app.get(DataSource);
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

async function publish(topic: string, payload: Record<string, unknown>): Promise<string> {
  const [{ id }] = await ds.query(`INSERT INTO outbox_event (topic, payload) VALUES ($1, $2) RETURNING id`, [topic, JSON.stringify(payload)]);
  return String(id);
}
const eventRow = async (id: string) =>
  (await ds.query(`SELECT processed_at, attempts, last_error, available_at > now() AS later FROM outbox_event WHERE id = $1`, [id]))[0] as {
    processed_at: Date | null;
    attempts: number;
    last_error: string | null;
    later: boolean;
  };
const jobs = async (id: string) =>
  (await ds.query(`SELECT subscriber, attempts, done_at IS NOT NULL AS done, last_error FROM outbox_delivery WHERE event_id = $1 ORDER BY subscriber`, [id])) as {
    subscriber: string;
    attempts: number;
    done: boolean;
    last_error: string | null;
  }[];

it('a failing subscriber retries alone: its sibling runs once, the event is done when both are', async () => {
  const calls = { index: 0, mail: 0 };
  let mailFails = true;
  outbox.register('test.isolation', 'index', async () => void calls.index++);
  outbox.register('test.isolation', 'mail', async () => {
    calls.mail++;
    if (mailFails) throw new Error('SMTP refused the message');
  });
  const id = await publish('test.isolation', { n: 1 });

  await outbox.processBatch();
  expect(calls).toEqual({ index: 1, mail: 1 });
  expect(await jobs(id)).toEqual([
    { subscriber: 'index', attempts: 1, done: true, last_error: null },
    { subscriber: 'mail', attempts: 1, done: false, last_error: 'SMTP refused the message' },
  ]);
  expect(await eventRow(id)).toMatchObject({ processed_at: null, attempts: 1, later: true, last_error: 'mail: SMTP refused the message' });

  // Nothing is due before the backoff: another pass runs nothing.
  await outbox.processBatch();
  expect(calls).toEqual({ index: 1, mail: 1 });

  // After the backoff the mail job alone runs again, and the event is done.
  mailFails = false;
  await ds.query(`UPDATE outbox_delivery SET available_at = now() WHERE event_id = $1`, [id]);
  await outbox.processBatch();
  expect(calls).toEqual({ index: 1, mail: 2 });
  expect((await jobs(id)).map((j) => [j.subscriber, j.attempts, j.done])).toEqual([
    ['index', 1, true],
    ['mail', 2, true],
  ]);
  const done = await eventRow(id);
  expect(done.processed_at).not.toBeNull();
  expect(done).toMatchObject({ attempts: 2, last_error: null });
});

it('runs a job outside any transaction: while it runs, its event and job rows are not locked', async () => {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const seen: string[] = [];
  try {
    outbox.register('test.long', 'thumbnail', async (events: OutboxEvent[]) => {
      await client.query('BEGIN');
      // NOWAIT: an error if the worker held a lock on either row while the job runs.
      await client.query(`SELECT id FROM outbox_event WHERE id = $1 FOR UPDATE NOWAIT`, [events[0].id]);
      await client.query(`SELECT event_id FROM outbox_delivery WHERE event_id = $1 FOR UPDATE NOWAIT`, [events[0].id]);
      await client.query('ROLLBACK');
      seen.push(events[0].id);
    });
    const id = await publish('test.long', { attachmentId: 'x' });
    await outbox.processBatch();
    expect(seen).toEqual([id]);
    expect((await jobs(id))[0]).toMatchObject({ attempts: 1, done: true });
    expect((await eventRow(id)).processed_at).not.toBeNull();
  } finally {
    await client.end();
  }
});

it('an event nobody subscribes to is done at once, and a subscriber name is unique per topic', async () => {
  const id = await publish('test.nobody', {});
  await outbox.processBatch();
  expect(await jobs(id)).toEqual([]);
  expect(await eventRow(id)).toMatchObject({ attempts: 1 });
  expect((await eventRow(id)).processed_at).not.toBeNull();
  expect(() => outbox.register('test.isolation', 'index', async () => undefined)).toThrow(/already subscribes/);
});
