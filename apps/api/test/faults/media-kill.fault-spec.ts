import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { isolatedDatabase, type IsolatedDatabase } from '../support/database.js';
import { Client } from '../support/graphql.js';
import { upload } from '../support/media.js';
import { spawnApi, waitFor, type ApiProcess } from './support.js';
import { dbQuery, prepareScenario } from './scenario.js';

// The media worker killed with SIGKILL while it makes WebP sizes: the outbox keeps the jobs, the
// next process finishes them, and every size ends up stored exactly as if nothing had happened.
let db: IsolatedDatabase;
let api: ApiProcess | undefined;
const dir = mkdtempSync(join(tmpdir(), 'techport-media-kill-'));
const PHOTOS = 6;

beforeAll(async () => {
  db = await isolatedDatabase('mediakill');
});
afterAll(async () => {
  api?.kill('SIGKILL');
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

const derivatives = () => {
  try {
    return readdirSync(join(dir, 'store', 'd'), { recursive: true }).filter((f) => String(f).endsWith('.webp')).length;
  } catch {
    return 0;
  }
};

it('finishes every derivative after the worker is SIGKILLed mid-way', async () => {
  const env = { DATABASE_URL: db.url, MEILI_INDEX_PREFIX: `mediakill${process.pid}`, MEDIA_DIR: join(dir, 'store'), MEDIA_TMP_DIR: join(dir, 'spool') };
  // Uploads into a process without workers, so the jobs wait in the outbox.
  api = await spawnApi({ ...env, WORKERS_ENABLED: 'false' });
  const scenario = await prepareScenario(new Client(api.url), db.url, 1);
  const owner = { ownerKind: 'LISTING', ownerId: scenario.pendingIds[0] };
  for (let i = 0; i < PHOTOS; i++) {
    const noise = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 120 + i * 10, sigma: 40 } } }).jpeg({ quality: 90 }).toBuffer();
    expect((await upload(scenario.owner, owner, `anh-${i}.jpg`, noise)).status).toBe(201);
  }
  api.kill('SIGTERM');
  await api.exited;
  expect(derivatives()).toBe(0);

  // A worker starts on them and is killed as soon as it has written its first file.
  const first = await spawnApi({ ...env });
  api = first;
  const deadline = Date.now() + 60_000;
  while (derivatives() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  first.kill('SIGKILL');
  await first.exited;
  const [{ ready }] = await dbQuery<{ ready: number }>(db.url, `SELECT count(*)::int AS ready FROM attachment WHERE derivatives = 'READY'`);
  expect(derivatives()).toBeGreaterThan(0);
  expect(ready).toBeLessThan(PHOTOS);

  // The next process finishes the work the outbox kept.
  api = await spawnApi({ ...env });
  await waitFor('every derivative', async () => (await dbQuery<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM attachment WHERE derivatives = 'READY'`))[0].n === PHOTOS, 90_000);
  const rows = await dbQuery<{ sha256: string; derivative_widths: number[] }>(db.url, `SELECT sha256, derivative_widths FROM attachment`);
  for (const r of rows) {
    expect(r.derivative_widths).toEqual([320, 640, 1280]);
    for (const w of r.derivative_widths) {
      const meta = await sharp(join(dir, 'store', 'd', r.sha256.slice(0, 2), r.sha256, `w${w}.webp`)).metadata();
      expect([meta.format, meta.width]).toEqual(['webp', w]);
    }
  }
  // The jobs are marked done once their batch has finished (a moment after the last size is stored).
  const pending = async () => (await dbQuery<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'media.stored' AND processed_at IS NULL`))[0].n;
  await waitFor('the media jobs to be marked done', async () => (await pending()) === 0, 30_000);
  // Each job completed once: the killed worker's lease ran out and the next process took its jobs
  // over (a second counted attempt for those), the ones it had not claimed ran once.
  const jobs = await dbQuery<{ attempts: number; done: boolean; leased: boolean }>(
    db.url,
    `SELECT d.attempts, d.done_at IS NOT NULL AS done, d.lease_token IS NOT NULL AS leased FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE e.topic = 'media.stored'`,
  );
  expect(jobs).toHaveLength(PHOTOS);
  expect(jobs.every((j) => j.done && !j.leased && j.attempts >= 1 && j.attempts <= 2)).toBe(true);
  expect(jobs.some((j) => j.attempts === 2)).toBe(true); // the ones the killed worker held
}, 180_000);
