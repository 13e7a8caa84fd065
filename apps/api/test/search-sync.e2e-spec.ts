import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { LISTING_INDEX } from '../src/modules/search/listing-index.js';
import { Client, createOrganization, registerUser } from './support/graphql.js';
import {
  createSearchDb,
  eventually,
  ids,
  moderatorFor,
  privateMeili,
  publish,
  search,
  searchPrefix,
  startMeilisearch,
  startSearchApp,
  tempDir,
  type MeiliProcess,
  type SearchApp,
  type SearchDb,
} from './support/search.js';

// The index never out of step with PostgreSQL: Meilisearch outages, two API processes, full
// rebuilds swapped in live, and the drift report. Each block has its own database and index.

jest.setTimeout(120_000);

const run = promisify(execFile);
const ARCHIVE = `mutation($id: ID!) { archiveListing(id: $id) { status } }`;


async function ownerWithOrg(base: Client, name: string, provinceCode = 'hue') {
  const owner = (await registerUser(base)).client;
  const org = await createOrganization(owner, { name, kind: 'ENTERPRISE', provinceCode });
  return { owner, org };
}

/** Waits for a task this spec enqueued itself. */
async function meiliTask(s: SearchApp, enqueued: { taskUid: number }): Promise<void> {
  await eventually(async () => {
    const task = await s.meili.tasks.getTask(enqueued.taskUid);
    if (task.status === 'failed' || task.status === 'canceled') throw new Error(`task ${task.uid} ${task.status}: ${task.error?.message}`);
    return task.status === 'succeeded';
  }, 20_000, `Meilisearch task ${enqueued.taskUid}`);
}

const event = (s: SearchApp, listingId: string) =>
  s.outbox['ds'].query(
    `SELECT attempts, processed_at, available_at > now() AS later, last_error FROM outbox_event
     WHERE topic = 'listing.changed' AND payload->>'listingId' = $1 ORDER BY id DESC LIMIT 1`,
    [listingId],
  ) as Promise<{ attempts: number; processed_at: Date | null; later: boolean; last_error: string | null }[]>;

describe('when Meilisearch is down', () => {
  let db: SearchDb;
  let s: SearchApp;
  let meili: MeiliProcess;
  const dir = tempDir('meili-outage');

  beforeAll(async () => {
    meili = await startMeilisearch({ dir });
    db = await createSearchDb();
    s = await startSearchApp(db, searchPrefix(), { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
  });
  afterAll(async () => {
    await s?.close();
    await meili?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps accepting writes, keeps the change in the outbox with a backoff, and catches up when it returns', async () => {
    const moderator = await moderatorFor(s.base)();
    const { owner, org } = await ownerWithOrg(s.base, 'Công ty Thử Mất Kết Nối');
    const before = await publish(owner, moderator, { organizationId: org.id, title: 'Máy bóc vỏ hạt điều bán tự động', provinceCode: 'hue' });
    await s.t.settle();
    expect(ids(await search(s.base, { query: 'boc vo hat dieu' }))).toEqual([before]);

    await meili.stop();

    // The write succeeds: publishing never waits for the index.
    const during = await publish(owner, moderator, { organizationId: org.id, title: 'Lò nung gốm tiết kiệm khí gas', provinceCode: 'hue' });
    const listing = await s.base.ok(`query($id: ID) { listing(id: $id) { status } }`, { id: during });
    expect(listing.listing.status).toBe('PUBLISHED');

    // Search says so, in the visitor's language, instead of pretending nothing matches.
    const vi = await s.base.error(`query { search(input: { query: "lo nung gom" }) { totalHits } }`);
    expect(vi).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: 'Tìm kiếm tạm thời không khả dụng. Vui lòng thử lại sau ít phút.' });
    const en = await s.base.inLang('en').error(`query { search(input: { query: "lo nung gom" }) { totalHits } }`);
    expect(en.message).toBe('Search is temporarily unavailable. Please try again in a few minutes.');
    const health = await fetch(`${s.t.url}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { search: { ok: boolean } }).search.ok).toBe(false);

    // The worker tries, fails, and keeps the event with a later retry time.
    await s.outbox.processBatch();
    const [kept] = await event(s, during);
    expect(kept.processed_at).toBeNull();
    expect(kept.attempts).toBe(1);
    expect(kept.later).toBe(true);
    expect(kept.last_error).toMatch(/\S/);

    // Back on the same port and data directory.
    meili = await startMeilisearch({ dir, port: meili.port, key: meili.key });
    await eventually(async () => {
      await s.t.settle();
      return ids(await search(s.base, { query: 'lo nung gom' })).includes(during);
    }, 30_000, 'the listing published during the outage to appear');
    expect(ids(await search(s.base, { query: 'boc vo hat dieu' }))).toEqual([before]);
    const [applied] = await event(s, during);
    expect(applied.processed_at).not.toBeNull();
    expect(applied.attempts).toBeGreaterThanOrEqual(2);
    expect(applied.last_error).toBeNull();
  });
});

describe('with two API processes', () => {
  let db: SearchDb;
  let a: SearchApp;
  let b: SearchApp;
  let meili: Awaited<ReturnType<typeof privateMeili>>;

  beforeAll(async () => {
    meili = await privateMeili();
    db = await createSearchDb();
    const prefix = searchPrefix();
    // Both run the outbox worker, as two production processes would.
    const env = { WORKERS_ENABLED: 'true', MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key };
    a = await startSearchApp(db, prefix, env);
    b = await startSearchApp(db, prefix, env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await meili?.dispose();
    await db?.drop();
  });

  it('applies each change exactly once, and the index ends in step', async () => {
    const moderatorA = await moderatorFor(a.base)();
    const { owner, org } = await ownerWithOrg(a.base, 'Hợp tác xã Hai Tiến Trình');
    const viaB = new Client(b.t.url, owner.token);
    // Changes arrive through both processes, interleaved, while both workers drain.
    const published = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        publish(i % 2 ? viaB : owner, moderatorA, { organizationId: org.id, title: `Thiết bị cấy lúa cải tiến mẫu số ${i + 1}`, provinceCode: 'hue' }),
      ),
    );
    const archived = published.slice(0, 3);
    await Promise.all(archived.map((id, i) => (i % 2 ? viaB : owner).ok(ARCHIVE, { id })));

    const ds = a.outbox['ds'];
    await eventually(async () => {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`);
      return n === 0;
    }, 30_000, 'both workers to drain the outbox');

    const [{ events, retried }] = await ds.query(
      `SELECT count(*)::int AS events, count(*) FILTER (WHERE attempts <> 1)::int AS retried FROM outbox_event WHERE topic = 'listing.changed'`,
    );
    expect(events).toBe(8 + 3);
    expect(retried).toBe(0);
    const handled = (a.sync.handled.get('listing.changed') ?? 0) + (b.sync.handled.get('listing.changed') ?? 0);
    expect(handled).toBe(events);

    const found = ids(await search(a.base, { query: 'cay lua cai tien', pageSize: 100 }));
    expect(found.sort()).toEqual(published.slice(3).sort());
    const drift = await a.indexes.drift();
    expect({ missing: drift.missing, extra: drift.extra, stale: drift.stale }).toEqual({ missing: [], extra: [], stale: [] });
    expect(drift.expected).toBe(5);

    // Meilisearch received one task per handled batch, each succeeded, none for the same batch twice.
    const tasks = await a.meili.tasks.getTasks({ indexUids: [a.listingsUid], types: ['documentAdditionOrUpdate', 'documentDeletion'], limit: 1000 });
    expect(tasks.results.length).toBeGreaterThan(0);
    expect(tasks.results.length).toBeLessThanOrEqual(events * 2);
    expect(tasks.results.every((t) => t.status === 'succeeded')).toBe(true);
  });
});

describe('rebuild and drift', () => {
  let db: SearchDb;
  let s: SearchApp;
  let moderator: Client;
  let owner: Client;
  let orgId: string;
  const L: string[] = [];
  let meili: Awaited<ReturnType<typeof privateMeili>>;

  beforeAll(async () => {
    meili = await privateMeili();
    db = await createSearchDb();
    s = await startSearchApp(db, searchPrefix(), { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
    moderator = await moderatorFor(s.base)();
    const o = await ownerWithOrg(s.base, 'Viện Thử nghiệm Tái lập Chỉ mục');
    owner = o.owner;
    orgId = o.org.id;
    for (let i = 1; i <= 7; i++) {
      L.push(await publish(owner, moderator, { organizationId: orgId, title: `Quy trình nhân giống lan hồ điệp số ${i}`, provinceCode: 'hue' }));
    }
    await s.t.settle();
  });
  afterAll(async () => {
    await s?.close();
    await meili?.dispose();
    await db?.drop();
  });

  it('reports missing, extra and stale documents, and repairs them', async () => {
    const clean = await s.indexes.drift();
    expect(clean).toMatchObject({ index: s.listingsUid, expected: 7, indexed: 7, missing: [], extra: [], stale: [], pendingEvents: 0 });

    const index = s.meili.index(s.listingsUid);
    const ghost = randomUUID();
    await meiliTask(s, await index.deleteDocuments([L[0]]));
    const copy = await index.getDocument(L[1]);
    await meiliTask(s, await index.addDocuments([{ ...copy, id: ghost, _vectors: { matching: null } }]));
    const ds = s.outbox['ds'];
    // Changes made behind the application's back (no outbox event): the index cannot know.
    await ds.query(`UPDATE listing SET title = title || ' (sửa trực tiếp)' WHERE id = $1`, [L[2]]);
    await ds.query(`UPDATE listing SET status = 'ARCHIVED' WHERE id = $1`, [L[3]]);

    const report = await s.indexes.drift();
    expect(report.missing).toEqual([L[0]]);
    expect(report.extra).toEqual([ghost, L[3]].sort());
    expect(report.stale).toEqual([L[2]]);
    expect(report).toMatchObject({ expected: 6, indexed: 7 });

    const fixed = await s.indexes.indexes.repair(LISTING_INDEX, report);
    expect(fixed).toEqual({ upserted: 2, deleted: 2 });
    expect(await s.indexes.drift()).toMatchObject({ expected: 6, indexed: 6, missing: [], extra: [], stale: [] });
    expect(ids(await search(s.base, { query: 'sua truc tiep' }))).toEqual([L[2]]);
  });

  it('rebuilds into a new index, swaps it in with no moment of empty results, and catches up with changes made meanwhile', async () => {
    const before = (await search(s.base, {})).totalHits;
    expect(before).toBeGreaterThan(0);
    // Searches keep running all through the rebuild.
    const totals: number[] = [];
    let searching = true;
    const searcher = (async () => {
      while (searching) {
        totals.push((await search(s.base, { query: 'lan ho diep' })).totalHits);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    let archivedMeanwhile = '';
    let publishedMeanwhile = '';
    const report = await s.indexes.rebuild(undefined, {
      batchSize: 2,
      onProgress: async (done) => {
        if (done !== 2) return;
        // After the rebuild read its snapshot: one listing leaves, one arrives, and the worker
        // applies both to the live (old) index, which the swap is about to replace.
        archivedMeanwhile = L[4];
        await owner.ok(ARCHIVE, { id: archivedMeanwhile });
        publishedMeanwhile = await publish(owner, moderator, { organizationId: orgId, title: 'Quy trình nhân giống lan hồ điệp cấy mô mới', provinceCode: 'hue' });
        await s.t.settle();
      },
    });
    searching = false;
    await searcher;

    expect(report).toMatchObject({ index: s.listingsUid, documents: 6 });
    expect(report.caughtUp).toBeGreaterThanOrEqual(2);
    expect(totals.length).toBeGreaterThan(3);
    expect(Math.min(...totals)).toBeGreaterThan(0);

    const found = ids(await search(s.base, { query: 'lan ho diep', pageSize: 100 }));
    expect(found).toContain(publishedMeanwhile);
    expect(found).not.toContain(archivedMeanwhile);
    expect(await s.indexes.drift()).toMatchObject({ missing: [], extra: [], stale: [] });
    // the old index is gone; only the live one remains under this prefix
    const { results } = await s.meili.getRawIndexes({ limit: 1000 });
    expect(results.map((ix) => ix.uid).filter((uid) => uid.startsWith(s.listingsUid))).toEqual([s.listingsUid]);
  });

  it('runs as the operator commands `reindex` and `drift`', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      MEILI_URL: s.t.config.MEILI_URL,
      MEILI_MASTER_KEY: s.t.config.MEILI_MASTER_KEY,
      MEILI_INDEX_PREFIX: s.prefix,
    };
    const reindex = await run(process.execPath, ['dist/apps/api/src/cli.js', 'reindex'], { env });
    expect(reindex.stdout).toMatch(new RegExp(`${s.listingsUid}: 6 documents in [\\d.]+ s \\(\\d+ docs/s`));
    const drift = await run(process.execPath, ['dist/apps/api/src/cli.js', 'drift', '--json'], { env });
    const report = JSON.parse(drift.stdout.split('\n')[0]);
    expect(report).toMatchObject({ index: s.listingsUid, expected: 6, indexed: 6, missing: [], extra: [], stale: [] });
    // every index a module registers, the experts module's too (search-index.registry.ts)
    expect(reindex.stdout).toMatch(new RegExp(`${s.prefix}_experts: 0 documents in`));
    const reports = drift.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l).index);
    expect(reports).toEqual([s.listingsUid, `${s.prefix}_experts`]);
  });

  it('rebuilds at start-up an index whose documents an earlier release built, or that Meilisearch lost, and leaves a current one alone', async () => {
    const restart = async () => {
      await s.close();
      s = await startSearchApp(db, s.prefix, { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
    };
    const recorded = async () => ((await s.outbox['ds'].query(`SELECT document_fingerprint AS f FROM search_index_version WHERE index_uid = $1`, [s.listingsUid])) as { f: string | null }[])[0]?.f;
    // the rebuilds above recorded what built their documents
    expect(await recorded()).toBe(LISTING_INDEX.fingerprint!());
    // one document as an earlier release wrote it (no aliases, no gloss)
    const index = s.meili.index(s.listingsUid);
    const current = await index.getDocument(L[5]);
    await meiliTask(s, await index.addDocuments([{ ...current, aliases: [], gloss: '', syncHash: 'an earlier release' }]));
    expect((await s.indexes.drift()).stale).toEqual([L[5]]);

    // the same release again: nothing rebuilt
    await restart();
    expect(s.indexes.rebuilding).toBeUndefined();
    expect((await s.indexes.drift()).stale).toEqual([L[5]]);

    // a release whose documents differ: rebuilt in the background, searches answered meanwhile
    await s.outbox['ds'].query(`UPDATE search_index_version SET document_fingerprint = 'an earlier release' WHERE index_uid = $1`, [s.listingsUid]);
    await restart();
    expect(s.indexes.rebuilding).toBeDefined();
    expect((await search(s.base, { query: 'lan ho diep' })).totalHits).toBeGreaterThan(0);
    await s.indexes.rebuilding;
    expect(await s.indexes.drift()).toMatchObject({ missing: [], extra: [], stale: [] });
    expect(await recorded()).toBe(LISTING_INDEX.fingerprint!());

    // an index Meilisearch lost (its data gone, PostgreSQL's rows kept) is rebuilt at start-up too
    await s.close();
    await meiliTask(s, await s.meili.deleteIndex(s.listingsUid));
    s = await startSearchApp(db, s.prefix, { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
    expect(s.indexes.rebuilding).toBeDefined();
    await s.indexes.rebuilding;
    expect(await s.indexes.drift()).toMatchObject({ expected: 6, indexed: 6, missing: [], extra: [], stale: [] });

    // a restart while it rebuilds (stopped at once, or already done: either way) ends with the index current
    await meiliTask(s, await index.addDocuments([{ ...current, aliases: [], gloss: '', syncHash: 'an earlier release' }]));
    await s.outbox['ds'].query(`UPDATE search_index_version SET document_fingerprint = 'an earlier release' WHERE index_uid = $1`, [s.listingsUid]);
    await restart();
    expect(s.indexes.rebuilding).toBeDefined();
    await restart();
    await s.indexes.rebuilding;
    expect(await s.indexes.drift()).toMatchObject({ missing: [], extra: [], stale: [] });
    expect(await recorded()).toBe(LISTING_INDEX.fingerprint!());
  });
});
