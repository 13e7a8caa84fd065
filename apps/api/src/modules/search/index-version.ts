/**
 * The search index's version counter (table search_index_version, one row per index uid), and
 * a small in-memory cache labelled with it.
 *
 * Why a counter in PostgreSQL: every API process runs the outbox worker, but each event is
 * claimed by exactly ONE of them (FOR UPDATE SKIP LOCKED), so an outbox handler alone cannot
 * clear the memory of the other replicas. Instead the process that applied a change raises the
 * counter (search-index.ts, after Meilisearch has applied the change), and every reader compares
 * its cached entry's label with the counter: one primary-key read, a prepared statement, sent
 * while Meilisearch works. So a change is visible on every replica from the first request after
 * the outbox settles, with no timer and no message to lose.
 *
 * The labelling rule that keeps a cache from ever hiding a change: an entry computed from the
 * index is labelled with a counter value READ BEFORE the computation was sent. Counters are
 * raised after the index changed, so the entry reflects at least every change up to its label;
 * a change after that raises the counter past the label and the entry is no longer used.
 */
import type { DataSource } from 'typeorm';
import type { Queryable } from './search-index.js';

/** Raises the counter of `indexUid` (creating its row). Called once Meilisearch has applied a change. */
export async function bumpIndexVersion(db: Queryable, indexUid: string): Promise<void> {
  await db.query(
    `INSERT INTO search_index_version (index_uid, version, changed_at) VALUES ($1, 1, now())
     ON CONFLICT (index_uid) DO UPDATE SET version = search_index_version.version + 1, changed_at = now()`,
    [indexUid],
  );
}

/** The fingerprint recorded for `indexUid`'s documents (null: none recorded). */
export async function readDocumentFingerprint(db: Queryable, indexUid: string): Promise<string | null> {
  const rows: { fingerprint: string | null }[] = await db.query(`SELECT document_fingerprint AS fingerprint FROM search_index_version WHERE index_uid = $1`, [indexUid]);
  return rows[0]?.fingerprint ?? null;
}

/** Records what built `indexUid`'s documents (creating its row, counter untouched). */
export async function recordDocumentFingerprint(db: Queryable, indexUid: string, fingerprint: string): Promise<void> {
  await db.query(
    `INSERT INTO search_index_version (index_uid, version, changed_at, document_fingerprint) VALUES ($1, 0, now(), $2)
     ON CONFLICT (index_uid) DO UPDATE SET document_fingerprint = $2`,
    [indexUid, fingerprint],
  );
}

interface PgPool {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: { version: string }[] }>;
}

/** One statement: a named (server-side prepared) primary-key lookup on the primary's pool. */
async function queryIndexVersion(ds: DataSource, indexUid: string): Promise<string> {
  const pool = (ds.driver as unknown as { master: PgPool }).master;
  const { rows } = await pool.query({
    name: 'search-index-version',
    text: `SELECT version::text AS version FROM search_index_version WHERE index_uid = $1`,
    values: [indexUid],
  });
  return rows[0]?.version ?? '0';
}

/**
 * Reads of one index's counter, shared between concurrent requests without ever answering a
 * request with a read sent before it began (which could predate a change it must see): while a
 * read is in flight, requests join the NEXT read, sent as soon as that one returns. Under load
 * this is one statement per round trip instead of one per request; alone, a request reads at once.
 */
export class SharedVersionRead {
  private inFlight: Promise<string> | undefined;
  private next: Promise<string> | undefined;

  constructor(private readonly send: () => Promise<string>) {}

  read(): Promise<string> {
    if (!this.inFlight) {
      const sent = this.send().finally(() => {
        if (this.inFlight === sent) this.inFlight = undefined;
      });
      this.inFlight = sent;
      return sent;
    }
    this.next ??= this.inFlight
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.next = undefined;
        return this.read();
      });
    return this.next;
  }
}

const sharedReads = new WeakMap<DataSource, Map<string, SharedVersionRead>>();

/**
 * The counter of an index as of a read sent after this call (shared with concurrent callers:
 * SharedVersionRead). An index that never changed reads '0'.
 */
export function readIndexVersion(ds: DataSource, indexUid: string): Promise<string> {
  let byIndex = sharedReads.get(ds);
  if (!byIndex) sharedReads.set(ds, (byIndex = new Map()));
  let reader = byIndex.get(indexUid);
  if (!reader) byIndex.set(indexUid, (reader = new SharedVersionRead(() => queryIndexVersion(ds, indexUid))));
  return reader.read();
}

/**
 * A bounded, least-recently-used map whose entries carry the index version they were computed
 * under (see the labelling rule above). Entries of an older version are dropped as soon as a
 * newer version is seen, since none of them can be used again.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: string; value: V }>();
  /** The newest version seen; entries are only stored under it or older ones. */
  private newest = -1n;

  constructor(private readonly maxEntries: number) {}

  /** The entry for `key` if it was computed under `version`; refreshes its recency. */
  get(key: string, version: string): V | undefined {
    this.see(version);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The entry for `key` whatever its version (the caller checks the version afterwards). */
  peek(key: string): { version: string; value: V } | undefined {
    return this.entries.get(key);
  }

  /** Stores `value` under `version`, which must have been read before `value` was computed. */
  set(key: string, version: string, value: V): void {
    this.see(version);
    if (BigInt(version) < this.newest) return; // already outdated
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }

  private see(version: string): void {
    const v = BigInt(version);
    if (v > this.newest) {
      this.newest = v;
      for (const [key, entry] of this.entries) if (BigInt(entry.version) < v) this.entries.delete(key);
    }
  }
}
