import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { isolatedDatabase, type IsolatedDatabase } from '../support/database.js';
import { Client } from '../support/graphql.js';
import { plainEml } from '../support/mail.js';
import { spawnApi, waitFor, type ApiProcess } from './support.js';
import { approveBurst, dbQuery, prepareScenario } from './scenario.js';

// Two API processes running the workers side by side: each outbox event is applied once.
// Evidence: every event processed in a single attempt, and exactly one e-mail per notification.
let db: IsolatedDatabase;
const apis: ApiProcess[] = [];
const mailDir = mkdtempSync(join(tmpdir(), 'techport-fault-mail-'));

beforeAll(async () => {
  db = await isolatedDatabase('workers');
});
afterAll(async () => {
  for (const a of apis) a.kill('SIGKILL');
  rmSync(mailDir, { recursive: true, force: true });
  await db.drop();
});

it('applies each outbox event once with two processes', async () => {
  const env = { DATABASE_URL: db.url, MEILI_INDEX_PREFIX: `two${process.pid}`, MAIL_OUTBOX_DIR: mailDir };
  apis.push(await spawnApi(env), await spawnApi(env));
  const scenario = await prepareScenario(new Client(apis[0].url), db.url, 40);
  const acked = await approveBurst(scenario.moderator, apis.map((a) => a.url), scenario.pendingIds, 6);
  expect(acked.size).toBe(40);

  await waitFor('both workers to drain the outbox', async () => {
    const [{ n }] = await dbQuery<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`);
    return n === 0;
  }, 90_000);
  const [{ events, retried }] = await dbQuery<{ events: number; retried: number }>(
    db.url,
    `SELECT count(*)::int AS events, count(*) FILTER (WHERE attempts <> 1)::int AS retried FROM outbox_event`,
  );
  expect(events).toBeGreaterThanOrEqual(80); // an index event and an e-mail event per approval, at least
  expect(retried).toBe(0);
  const [{ notifications, emailed }] = await dbQuery<{ notifications: number; emailed: number }>(
    db.url,
    `SELECT count(*)::int AS notifications, count(emailed_at)::int AS emailed FROM notification`,
  );
  expect(notifications).toBeGreaterThanOrEqual(40);
  expect(emailed).toBe(notifications);
  // The scenario's accounts are activated in the database: an activation e-mail may or may not
  // leave before that (a race of no interest here), so only the notifications' e-mails are counted.
  const mails = readdirSync(mailDir).filter((f) => f.endsWith('.eml') && !plainEml(readFileSync(join(mailDir, f), 'utf8')).includes('/activate/'));
  expect(mails).toHaveLength(notifications);
  const search = await new Client(apis[1].url).ok(`{ search(input: { kind: OFFER, pageSize: 100 }) { totalHits } }`);
  expect(search.search.totalHits).toBe(40);
});
