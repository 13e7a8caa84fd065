import { createHash } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import type { EnqueuedTaskPromise, Index, Meilisearch, Settings, Task } from 'meilisearch';
import { describeMeiliError, meiliApiError } from './meili.client.js';
import { bumpIndexVersion, readDocumentFingerprint, recordDocumentFingerprint } from './index-version.js';

/** Anything that runs SQL: the DataSource, an EntityManager, a QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/**
 * What the index manager needs to know about one search index. Adding an index (experts, say)
 * is one more of these: a name, its settings, how to read its rows and turn them into
 * documents, and which outbox topics touch which documents.
 */
export interface IndexDefinition<Row = unknown, Doc extends { id: string } = { id: string }> {
  /** The index uid is `${MEILI_INDEX_PREFIX}_${name}`. */
  name: string;
  settings: Settings;
  /**
   * Rows for these ids that belong in the index at `now` (one query); ids without a row are
   * removed from it. `now` is the injected Clock's time (never SQL now(): tests move the Clock).
   */
  rowsFor(db: Queryable, ids: string[], now: Date): Promise<Row[]>;
  /** Rows that belong in the index at `now`, in id order after `afterId` (keyset pagination). */
  rowsAfter(db: Queryable, afterId: string | null, limit: number, now: Date): Promise<Row[]>;
  idOf(row: Row): string;
  toDocument(row: Row): Doc;
  /** Ids whose documents may have changed between `since` and `now` (re-applied after a rebuild's swap). */
  changedSince(db: Queryable, since: Date, now: Date): Promise<string[]>;
  /** Outbox topics that affect this index, each mapping its events' payloads to document ids. */
  topics: Record<string, (db: Queryable, payloads: Record<string, unknown>[]) => Promise<string[]>>;
  /**
   * A hash of what builds the documents (toDocument and the data it reads in code: vocabularies,
   * taxonomy), which changes when a release changes what a document holds. Recorded when a rebuild
   * is swapped in; an index whose recorded fingerprint differs is rebuilt at start-up
   * (SearchIndexes.documentsOutdated). Without it, documents change only as their rows do.
   */
  fingerprint?: () => string;
}

/** Stored beside every document: a hash of its content, so the drift report can spot stale ones. */
export type Indexed<Doc> = Doc & { syncHash: string };

export function withSyncHash<Doc extends object>(doc: Doc): Indexed<Doc> {
  const syncHash = createHash('sha1').update(JSON.stringify(doc)).digest('base64url');
  return { ...doc, syncHash };
}

export interface ApplyResult {
  upserted: number;
  deleted: number;
}

export interface RebuildReport {
  index: string;
  documents: number;
  batches: number;
  /** Wall time, whole rebuild. */
  ms: number;
  /** Reading PostgreSQL and building documents (overlaps with indexing). */
  readMs: number;
  /** Ids re-applied after the swap because they changed during the rebuild. */
  caughtUp: number;
  documentsPerSecond: number;
}

export interface DriftReport {
  index: string;
  /** Documents PostgreSQL says should be searchable. */
  expected: number;
  /** Documents in the index. */
  indexed: number;
  /** Should be in the index and are not. */
  missing: string[];
  /** Are in the index and should not be (unpublished, archived, expired, deleted). */
  extra: string[];
  /** In the index with content that differs from what PostgreSQL says now. */
  stale: string[];
  /** Outbox events not yet applied: differences they explain will disappear by themselves. */
  pendingEvents: number;
}

interface Log {
  log(message: string): void;
  warn(message: string): void;
}

const DEFAULT_BATCH = 5000;
/** Documents built between two turns of the event loop during a rebuild (~70 ms of building). */
const BUILD_SLICE = 100;

/**
 * Index management for Meilisearch: settings applied from code, changes applied by id, full
 * rebuilds into a fresh index swapped in atomically, and a drift report against PostgreSQL.
 *
 * Ordering: every `apply` reads its rows and enqueues its Meilisearch tasks while holding a
 * PostgreSQL advisory lock for the index, so enqueue order equals read order across every API
 * process; Meilisearch applies tasks in enqueue order, so the index ends at the latest state
 * even when two processes handle changes to the same listing at once.
 */
export class SearchIndexes {
  /** Index uids whose settings are known to be applied (in this process). */
  private readonly ready = new Set<string>();

  constructor(
    readonly meili: Meilisearch,
    private readonly ds: DataSource,
    readonly prefix: string,
    private readonly logger: Log = { log: () => {}, warn: () => {} },
    /** The time rows are read at: the API's Clock (search-index.service.ts); the wall clock in the CLI. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  uid(def: Pick<IndexDefinition, 'name'>): string {
    return this.prefix ? `${this.prefix}_${def.name}` : def.name;
  }

  index(def: Pick<IndexDefinition, 'name'>): Index {
    return this.meili.index(this.uid(def));
  }

  isReady(def: Pick<IndexDefinition, 'name'>): boolean {
    return this.ready.has(this.uid(def));
  }

  /** Each definition's fingerprint, worked out once (it builds sample documents). */
  private readonly fingerprints = new WeakMap<IndexDefinition<any, any>, string | undefined>();

  private fingerprintOf(def: IndexDefinition<any, any>): string | undefined {
    if (!this.fingerprints.has(def)) this.fingerprints.set(def, def.fingerprint?.());
    return this.fingerprints.get(def);
  }

  /** Indexes this process created (empty then: every document they hold is this code's). */
  private readonly created = new Set<string>();

  /** Settings being applied, by index uid (so concurrent callers share one attempt). */
  private readonly ensuring = new Map<string, Promise<'created' | 'updated' | 'unchanged'>>();

  /** Creates the index if needed and applies the settings if they differ. Waits for the tasks. */
  ensure(def: IndexDefinition<any, any>, uid = this.uid(def)): Promise<'created' | 'updated' | 'unchanged'> {
    let running = this.ensuring.get(uid);
    if (!running) {
      running = this.ensureNow(def, uid).finally(() => this.ensuring.delete(uid));
      this.ensuring.set(uid, running);
    }
    return running;
  }

  private async ensureNow(def: IndexDefinition<any, any>, uid: string): Promise<'created' | 'updated' | 'unchanged'> {
    const index = this.meili.index(uid);
    let current: Settings | null = null;
    try {
      current = await index.getSettings();
    } catch (err) {
      if (meiliApiError(err)?.code !== 'index_not_found') throw err;
    }
    let outcome: 'created' | 'updated' | 'unchanged' = 'unchanged';
    if (current === null) {
      await this.done(this.meili.createIndex(uid, { primaryKey: 'id' }), 'create index', ['index_already_exists']);
      outcome = 'created';
      this.created.add(uid);
    }
    if (current === null || !settingsMatch(def.settings, current)) {
      await this.done(index.updateSettings(def.settings), 'update settings', [], 600_000);
      if (outcome === 'unchanged') outcome = 'updated';
      // New settings (ranking rules, synonyms…) change answers: what other processes keep from
      // the index (facet counts, browsing pages, matches) is out of date. (A rebuild's new index
      // is bumped when it is swapped in.)
      if (uid === this.uid(def)) await bumpIndexVersion(this.ds, uid);
    }
    if (uid === this.uid(def)) this.ready.add(uid);
    return outcome;
  }

  /**
   * Brings the documents of these ids in line with PostgreSQL: upserts those that belong in the
   * index, deletes the others. Idempotent. Throws (so the outbox retries) if Meilisearch is down
   * or a task fails.
   */
  async apply(def: IndexDefinition<any, any>, ids: readonly string[]): Promise<ApplyResult> {
    const unique = [...new Set(ids)];
    if (!unique.length) return { upserted: 0, deleted: 0 };
    if (!this.isReady(def)) await this.ensure(def);
    const uid = this.uid(def);
    const { tasks, upserted, deleted } = await this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`search:${uid}`]);
      // Enqueue inside the lock (the order is what matters); wait for processing outside it.
      return this.enqueueChanges(em, def, uid, unique);
    });
    for (const task of tasks) await this.waitSucceeded(task.taskUid, 'apply changes', ['index_not_found']);
    // Applied: results cached from the index (facet counts, matches) are now out of date.
    if (tasks.length) await bumpIndexVersion(this.ds, uid);
    return { upserted, deleted };
  }

  /** Reads the rows of `ids` and enqueues their upserts and deletions on index `uid`. The caller holds the index's lock. */
  private async enqueueChanges(db: Queryable, def: IndexDefinition<any, any>, uid: string, ids: readonly string[]) {
    const index = this.meili.index(uid);
    const rows = await def.rowsFor(db, [...ids], this.now());
    const docs = rows.map((r) => withSyncHash(def.toDocument(r)));
    const keep = new Set(docs.map((d) => d.id));
    const gone = ids.filter((id) => !keep.has(id));
    const enqueued: EnqueuedTaskPromise[] = [];
    if (docs.length) enqueued.push(index.addDocuments(docs, { primaryKey: 'id' }));
    if (gone.length) enqueued.push(index.deleteDocuments(gone));
    return { tasks: await Promise.all(enqueued), upserted: docs.length, deleted: gone.length };
  }

  /**
   * Rebuilds the whole index from PostgreSQL into a new index (`<uid>_<timestamp>`), applies to
   * it what changed while it ran, swaps it with the live one (searches never see an empty,
   * partial or stale index), and deletes the old one. One rebuild at a time per index (advisory lock).
   */
  async rebuild(
    def: IndexDefinition<any, any>,
    options: { batchSize?: number; onProgress?: (done: number) => void | Promise<void>; signal?: AbortSignal } = {},
  ): Promise<RebuildReport> {
    const started = performance.now();
    const uid = this.uid(def);
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    // Taken before the first row is read: the documents are this code's.
    const fingerprint = this.fingerprintOf(def);
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      const [{ locked }] = await qr.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [`search-rebuild:${uid}`]);
      if (!locked) throw new Error(`a rebuild of ${uid} is already running`);
      try {
        await this.dropLeftovers(uid);
        const target = `${uid}_${Date.now()}`;
        await this.ensure(def, target);

        // One consistent snapshot for the whole read; changes after it are caught up below.
        await qr.startTransaction('REPEATABLE READ');
        const [{ since }] = await qr.query(`SELECT now() AS since`);
        const { signal } = options;
        const progress = async (done: number) => {
          signal?.throwIfAborted();
          await options.onProgress?.(done);
        };
        const { documents, batches, readMs, tasks } = await this.streamInto(def, qr, target, batchSize, progress);
        await qr.commitTransaction();

        for (const taskUid of tasks) await this.waitSucceeded(taskUid, 'index documents', [], 1_800_000, signal);
        const stats = await this.meili.index(target).getStats();
        if (stats.numberOfDocuments !== documents) {
          throw new Error(`rebuild of ${uid}: ${documents} documents sent, ${stats.numberOfDocuments} indexed`);
        }

        // Changes committed after the snapshot went (if at all) to the live index: redo them on
        // the new one, then swap, all under the apply lock, so the new index is complete the
        // moment it goes live and no change is enqueued to the old one meanwhile. (Search may
        // serve results from the documents of the live index: search/indexed-listing.ts.) A
        // margin covers transactions that began before the snapshot. Changes committed from here
        // on wait for the lock and then go to the new index.
        // (A first build swaps with an empty live index: nothing could be found before anyway.)
        if (!(await this.exists(uid))) await this.ensure(def);
        const caughtUp = await this.ds.transaction(async (em) => {
          await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`search:${uid}`]);
          const changed = await def.changedSince(em, new Date(new Date(since).getTime() - 5 * 60_000), this.now());
          for (let i = 0; i < changed.length; i += 1000) {
            const { tasks } = await this.enqueueChanges(em, def, target, changed.slice(i, i + 1000));
            for (const task of tasks) await this.waitSucceeded(task.taskUid, 'catch up', [], 600_000, options.signal);
          }
          await this.done(this.meili.swapIndexes([{ indexes: [uid, target] } as { indexes: [string, string]; rename: boolean }]), 'swap indexes');
          return changed.length;
        });
        this.ready.add(uid);
        this.created.delete(uid);
        await bumpIndexVersion(this.ds, uid);
        if (fingerprint) await recordDocumentFingerprint(this.ds, uid, fingerprint);
        await this.done(this.meili.deleteIndex(target), 'delete old index', ['index_not_found']);

        const ms = performance.now() - started;
        this.logger.log(`rebuilt ${uid}: ${documents} documents in ${(ms / 1000).toFixed(1)} s`);
        return { index: uid, documents, batches, ms, readMs, caughtUp, documentsPerSecond: documents / (ms / 1000) };
      } finally {
        await qr.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`search-rebuild:${uid}`]).catch(() => {});
      }
    } finally {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => {});
      await qr.release();
    }
  }

  /** Reads every row (keyset pages), builds documents and enqueues them, one page ahead. */
  private async streamInto(def: IndexDefinition<any, any>, db: Queryable, target: string, batchSize: number, onProgress?: (done: number) => void | Promise<void>) {
    const index = this.meili.index(target);
    const tasks: number[] = [];
    let documents = 0;
    let batches = 0;
    let readMs = 0;
    let t = performance.now();
    const now = this.now();
    let next: Promise<unknown[]> | null = def.rowsAfter(db, null, batchSize, now);
    let pendingSend: Promise<void> = Promise.resolve();
    while (next) {
      const rows: unknown[] = await next;
      if (!rows.length) break;
      const lastId = def.idOf(rows[rows.length - 1]);
      // Fetch the next page while this one is turned into documents and sent. (Failures surface
      // where the promises are awaited; the no-op handlers only keep them from counting as
      // unhandled meanwhile, which would end the process.)
      next = rows.length < batchSize ? null : def.rowsAfter(db, lastId, batchSize, now);
      next?.catch(() => {});
      // Built in slices, letting the event loop run between them: a rebuild at start-up runs in a
      // serving API, and a batch of 5,000 listings is ~3.5 s of building (0.7 ms each).
      const docs: object[] = [];
      for (let i = 0; i < rows.length; i += BUILD_SLICE) {
        for (const r of rows.slice(i, i + BUILD_SLICE)) docs.push(withSyncHash(def.toDocument(r)));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      readMs += performance.now() - t;
      await pendingSend;
      pendingSend = this.sendWithRetry(index, docs).then((taskUid) => {
        tasks.push(taskUid);
      });
      pendingSend.catch(() => {});
      documents += docs.length;
      batches++;
      await onProgress?.(documents);
      t = performance.now();
    }
    await pendingSend;
    return { documents, batches, readMs, tasks };
  }

  /**
   * Enqueues one batch, trying twice more after a transport failure (a timeout while Meilisearch
   * is busy indexing the previous batches). Safe: adding the same documents again changes nothing.
   */
  private async sendWithRetry(index: Index, docs: object[]): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await index.addDocuments(docs, { primaryKey: 'id' })).taskUid;
      } catch (err) {
        if (attempt >= 3 || meiliApiError(err)) throw err;
        this.logger.warn(`sending ${docs.length} documents failed (${describeMeiliError(err)}); retrying`);
        await new Promise((r) => setTimeout(r, 2000 * attempt));
      }
    }
  }

  /**
   * Whether the live index needs a rebuild: it holds documents built by other code than this (a
   * release that changed what documents hold: IndexDefinition.fingerprint), or this process had to
   * create it while PostgreSQL has rows for it (Meilisearch lost its data, or the index was never
   * built: the outbox only brings what changes from now on). An index with no fingerprint recorded
   * that this process created for no rows, or that holds no documents, is a new installation's:
   * current, and the fingerprint is recorded now. One with documents and none recorded was built
   * before fingerprints were: outdated.
   */
  async documentsOutdated(def: IndexDefinition<any, any>): Promise<boolean> {
    const uid = this.uid(def);
    if (this.created.has(uid) && (await def.rowsAfter(this.ds, null, 1, this.now())).length > 0) return true;
    const fingerprint = this.fingerprintOf(def);
    if (!fingerprint) return false;
    const recorded = await readDocumentFingerprint(this.ds, uid);
    if (recorded === fingerprint) return false;
    if (recorded === null && (this.created.has(uid) || (await this.meili.index(uid).getStats()).numberOfDocuments === 0)) {
      await recordDocumentFingerprint(this.ds, uid, fingerprint);
      return false;
    }
    return true;
  }

  /** Compares PostgreSQL with the index: missing, extra and stale documents. */
  async drift(def: IndexDefinition<any, any>, options: { batchSize?: number } = {}): Promise<DriftReport> {
    const uid = this.uid(def);
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    const expected = new Map<string, string>();
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction('REPEATABLE READ');
      const now = this.now();
      for (let after: string | null = null; ; ) {
        const rows: unknown[] = await def.rowsAfter(qr, after, batchSize, now);
        for (const r of rows) {
          const doc = withSyncHash(def.toDocument(r));
          expected.set(doc.id, doc.syncHash);
        }
        if (rows.length < batchSize) break;
        after = def.idOf(rows[rows.length - 1]);
      }
      await qr.commitTransaction();
    } finally {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => {});
      await qr.release();
    }

    const indexed = new Map<string, string | undefined>();
    if (await this.exists(uid)) {
      const index = this.meili.index(uid);
      for (let offset = 0; ; offset += 10_000) {
        const page = await index.getDocuments<{ id: string; syncHash?: string }>({ fields: ['id', 'syncHash'], limit: 10_000, offset });
        for (const d of page.results) indexed.set(String(d.id), d.syncHash);
        if (page.results.length < 10_000) break;
      }
    }
    const missing: string[] = [];
    const stale: string[] = [];
    for (const [id, hash] of expected) {
      if (!indexed.has(id)) missing.push(id);
      else if (indexed.get(id) !== hash) stale.push(id);
    }
    const extra = [...indexed.keys()].filter((id) => !expected.has(id));
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL AND topic = ANY($1)`, [Object.keys(def.topics)]);
    return { index: uid, expected: expected.size, indexed: indexed.size, missing: missing.sort(), extra: extra.sort(), stale: stale.sort(), pendingEvents: n };
  }

  /** Fixes what a drift report found (re-applies those ids); returns what was done. */
  async repair(def: IndexDefinition<any, any>, report: DriftReport): Promise<ApplyResult> {
    const ids = [...report.missing, ...report.extra, ...report.stale];
    const total = { upserted: 0, deleted: 0 };
    for (let i = 0; i < ids.length; i += 1000) {
      const r = await this.apply(def, ids.slice(i, i + 1000));
      total.upserted += r.upserted;
      total.deleted += r.deleted;
    }
    return total;
  }

  async exists(uid: string): Promise<boolean> {
    try {
      await this.meili.getRawIndex(uid);
      return true;
    } catch (err) {
      if (meiliApiError(err)?.code === 'index_not_found') return false;
      throw err;
    }
  }

  /** Indexes `<uid>_<digits>` left by a rebuild that died half-way. */
  private async dropLeftovers(uid: string): Promise<void> {
    const pattern = new RegExp(`^${uid.replace(/[^a-z0-9_]/gi, '')}_\\d{13}$`);
    for (let offset = 0; ; offset += 100) {
      const page = await this.meili.getRawIndexes({ limit: 100, offset });
      for (const ix of page.results) {
        if (pattern.test(ix.uid)) {
          this.logger.warn(`deleting ${ix.uid}, left by an interrupted rebuild`);
          await this.done(this.meili.deleteIndex(ix.uid), 'delete leftover index', ['index_not_found']);
        }
      }
      if (page.results.length < 100) break;
    }
  }

  private async done(enqueued: EnqueuedTaskPromise, what: string, tolerated: string[] = [], timeoutMs?: number): Promise<Task> {
    const task = await enqueued;
    return this.waitSucceeded(task.taskUid, what, tolerated, timeoutMs);
  }

  /**
   * Polls the task until it is done (10 ms, backing off to 1 s: a long rebuild costs a few dozen
   * requests, not hundreds). Not the client's waitForTask: that one leaves an abort listener
   * behind on every poll.
   */
  private async waitSucceeded(taskUid: number, what: string, tolerated: string[] = [], timeoutMs = 120_000, signal?: AbortSignal): Promise<Task> {
    const deadline = Date.now() + timeoutMs;
    let task = await this.meili.tasks.getTask(taskUid);
    for (let delay = 10; task.status === 'enqueued' || task.status === 'processing'; delay = Math.min(1000, delay * 1.5)) {
      signal?.throwIfAborted();
      if (Date.now() > deadline) throw new Error(`Meilisearch task ${taskUid} (${what}) still ${task.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, delay));
      task = await this.meili.tasks.getTask(taskUid);
    }
    if (task.status === 'succeeded') return task;
    if (task.status === 'failed' && task.error && tolerated.includes(task.error.code)) return task;
    throw new Error(`Meilisearch task ${taskUid} (${what}) ${task.status}: ${task.error?.message ?? 'no detail'}`);
  }
}

/** Whether the index's current settings already are the desired ones (only the keys we set). */
export function settingsMatch(desired: Settings, current: Settings): boolean {
  const setLike = new Set(['filterableAttributes', 'sortableAttributes', 'stopWords', 'disableOnAttributes', 'disableOnWords', 'nonSeparatorTokens', 'separatorTokens', 'dictionary']);
  const same = (want: unknown, have: unknown, key: string): boolean => {
    if (Array.isArray(want)) {
      if (!Array.isArray(have) || want.length !== have.length) return false;
      if (setLike.has(key) || key === '*synonym') {
        const a = [...want].map(String).sort();
        const b = [...have].map(String).sort();
        return a.every((x, i) => x === b[i]);
      }
      return want.every((x, i) => same(x, have[i], key));
    }
    if (want && typeof want === 'object') {
      if (!have || typeof have !== 'object') return false;
      const h = have as Record<string, unknown>;
      const w = want as Record<string, unknown>;
      if (key === 'synonyms') {
        const wk = Object.keys(w);
        if (wk.length !== Object.keys(h).length) return false;
        return wk.every((k) => same(w[k], h[k], '*synonym'));
      }
      return Object.keys(w).every((k) => same(w[k], h[k], k));
    }
    return want === have;
  };
  return same(desired, current, '');
}

export { describeMeiliError };
export type { QueryRunner };
