import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Meilisearch } from 'meilisearch';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock.js';
import { MEILI, describeMeiliError } from './meili.client.js';
import { LISTING_INDEX } from './listing-index.js';
import { SearchIndexRegistry } from './search-index.registry.js';
import { SearchIndexes, type DriftReport, type IndexDefinition, type RebuildReport } from './search-index.js';

/** How long start-up waits for the index settings before going on without them. */
const STARTUP_BUDGET_MS = 15_000;
/** A start-up rebuild that could not be done is looked at again after this long. */
const REBUILD_RETRY_MS = 60_000;

/**
 * The search indexes of this installation: their settings are applied at start-up (and retried
 * with backoff while Meilisearch is unreachable: the API starts regardless and search answers
 * "temporarily unavailable" until it is back), an index whose documents an earlier release built
 * (IndexDefinition.fingerprint) or that Meilisearch lost is rebuilt in the background, rebuilds
 * and drift reports.
 */
@Injectable()
export class SearchIndexService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Search');
  readonly indexes: SearchIndexes;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly stopping = new AbortController();
  /** The start-up rebuild of indexes whose documents are out of date, while it runs (tests wait for it). */
  rebuilding: Promise<void> | undefined;
  private attempt = 0;

  constructor(
    @Inject(MEILI) readonly meili: Meilisearch,
    readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    /** Every index of this installation (the listings index and those other modules register). */
    readonly registry: SearchIndexRegistry,
    clock: Clock,
  ) {
    this.indexes = new SearchIndexes(
      meili,
      ds,
      config.MEILI_INDEX_PREFIX,
      { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m) },
      () => clock.now(),
    );
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  /** The uid of the listings index (matching searches it too). */
  get listingsUid(): string {
    return this.indexes.uid(LISTING_INDEX);
  }

  async onApplicationBootstrap(): Promise<void> {
    const first = this.ensureAll();
    const budget = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), STARTUP_BUDGET_MS).unref());
    if ((await Promise.race([first, budget])) === 'late') this.logger.warn('index settings are still being applied; continuing start-up');
  }

  /**
   * Before connections close (the database's closes in onApplicationShutdown and would wait for the
   * rebuild's connection): a start-up rebuild stops at its next slice of documents or task poll
   * (not while Meilisearch creates the new index or swaps it), and its half-built index is
   * dropped by the next rebuild.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.retryTimer);
    await this.rebuilding;
  }

  /** Applies every index's settings; on failure logs and schedules another try (1 s, 2 s, 4 s … 60 s). */
  private async ensureAll(): Promise<boolean> {
    try {
      const defs = this.registry.all('index settings at start-up');
      for (const def of defs) {
        const outcome = await this.indexes.ensure(def);
        if (outcome !== 'unchanged') this.logger.log(`index ${this.indexes.uid(def)}: settings ${outcome}`);
      }
      this.attempt = 0;
      await this.rebuildIfOutdated(defs);
      return true;
    } catch (err) {
      const delay = Math.min(60_000, 1000 * 2 ** this.attempt++);
      this.logger.warn(`cannot apply search index settings (${describeMeiliError(err)}); retrying in ${delay / 1000} s`);
      if (!this.stopped) {
        this.retryTimer = setTimeout(() => void this.ensureAll(), delay);
        this.retryTimer.unref();
      }
      return false;
    }
  }

  /**
   * Documents an earlier release built, or an index lost: rebuilt in the background, swapped in
   * when done. Search meanwhile answers from the old documents, whose hits are still read from
   * PostgreSQL.
   */
  private async rebuildIfOutdated(defs: readonly IndexDefinition<any, any>[]): Promise<void> {
    const outdated: IndexDefinition<any, any>[] = [];
    for (const def of defs) if (await this.indexes.documentsOutdated(def)) outdated.push(def);
    if (outdated.length) this.rebuilding = this.rebuildOutdated(outdated);
  }

  private async rebuildOutdated(defs: IndexDefinition<any, any>[]): Promise<void> {
    const failed: IndexDefinition<any, any>[] = [];
    for (const def of defs) {
      if (this.stopped) return;
      const uid = this.indexes.uid(def);
      this.logger.log(`index ${uid}: documents out of date (built by an earlier release, or the index was lost); rebuilding in the background`);
      try {
        await this.indexes.rebuild(def, { signal: this.stopping.signal }); // it logs "rebuilt <uid>: … documents in … s"
      } catch (err) {
        if (this.stopped) return;
        this.logger.warn(`index ${uid}: start-up rebuild not done (${describeMeiliError(err)}); checking again in ${REBUILD_RETRY_MS / 1000} s`);
        failed.push(def);
      }
    }
    // Another replica held the rebuild's lock (and may be stopped before it is done), or
    // Meilisearch failed: look again later, until the indexes are current.
    if (failed.length) this.recheckLater(failed);
  }

  private recheckLater(defs: IndexDefinition<any, any>[]): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => void this.recheck(defs), REBUILD_RETRY_MS);
    this.retryTimer.unref();
  }

  private async recheck(defs: IndexDefinition<any, any>[]): Promise<void> {
    if (this.stopped) return;
    try {
      await this.rebuildIfOutdated(defs);
    } catch (err) {
      this.logger.warn(`search indexes: cannot tell whether their documents are current (${describeMeiliError(err)}); checking again in ${REBUILD_RETRY_MS / 1000} s`);
      this.recheckLater(defs);
    }
  }

  rebuild(def: IndexDefinition<any, any> = LISTING_INDEX, options?: { batchSize?: number; onProgress?: (done: number) => void | Promise<void> }): Promise<RebuildReport> {
    return this.indexes.rebuild(def, options);
  }

  drift(def: IndexDefinition<any, any> = LISTING_INDEX): Promise<DriftReport> {
    return this.indexes.drift(def);
  }
}
