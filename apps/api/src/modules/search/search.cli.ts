/**
 * Operator commands for the search index (wired into cli.ts COMMANDS):
 *   reindex [--batch N]      rebuild every index into a new one and swap it in (no empty moment)
 *   drift [--fix] [--json]   compare PostgreSQL with the index; --fix re-applies the differences
 * They read DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY and MEILI_INDEX_PREFIX (default techport),
 * and go over the indexes they are given: the application's (appSearchIndexes in app.module.ts,
 * every index some module registers), in registration order.
 */
import { createDataSource } from '../../database/data-source.js';
import { createMeiliClient, describeMeiliError } from './meili.client.js';
import type { SearchIndexRegistry } from './search-index.registry.js';
import { SearchIndexes, type DriftReport } from './search-index.js';

function env(name: string, fallback?: string): string {
  const value = process.env[name] || fallback;
  if (value === undefined) throw new Error(`${name}: not set`);
  return value;
}

/** Where the operator commands read and write; from the environment unless given. */
export interface SearchTarget {
  DATABASE_URL: string;
  MEILI_URL: string;
  MEILI_MASTER_KEY: string;
  MEILI_INDEX_PREFIX: string;
}

function targetFromEnv(): SearchTarget {
  return {
    DATABASE_URL: env('DATABASE_URL'),
    MEILI_URL: env('MEILI_URL'),
    MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '',
    MEILI_INDEX_PREFIX: env('MEILI_INDEX_PREFIX', 'techport'),
  };
}

async function withIndexes<T>(fn: (indexes: SearchIndexes) => Promise<T>, target: SearchTarget = targetFromEnv(), say: (m: string) => void = console.log): Promise<T> {
  const prefix = target.MEILI_INDEX_PREFIX;
  if (!/^[a-z0-9_]*$/.test(prefix)) throw new Error('MEILI_INDEX_PREFIX: lower-case letters, digits and _ only');
  const ds = await createDataSource(target.DATABASE_URL, 4).initialize();
  try {
    // Batches of thousands of documents reach a Meilisearch busy indexing the previous ones:
    // give each request two minutes rather than the API's ten seconds.
    const meili = createMeiliClient({ MEILI_URL: target.MEILI_URL, MEILI_MASTER_KEY: target.MEILI_MASTER_KEY }, { timeoutMs: 120_000 });
    return await fn(new SearchIndexes(meili, ds, prefix, { log: say, warn: (m) => console.warn(m) }));
  } catch (err) {
    throw new Error(describeMeiliError(err));
  } finally {
    await ds.destroy();
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function reindex(registry: SearchIndexRegistry, args: string[], target?: SearchTarget, say: (m: string) => void = console.log): Promise<void> {
  const batchSize = Number(option(args, '--batch') ?? 5000);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) throw new Error('--batch: a whole number from 1 to 50000');
  await withIndexes(async (indexes) => {
    for (const def of registry.all()) {
      let last = 0;
      const report = await indexes.rebuild(def, {
        batchSize,
        onProgress: (n) => {
          if (n - last >= 20_000) {
            say(`  ${indexes.uid(def)}: ${n} documents sent`);
            last = n;
          }
        },
      });
      say(
        `${report.index}: ${report.documents} documents in ${(report.ms / 1000).toFixed(1)} s ` +
          `(${Math.round(report.documentsPerSecond)} docs/s, ${report.batches} batches, ${report.caughtUp} caught up after the swap)`,
      );
    }
  }, target, say);
}

function printDrift(r: DriftReport, limit = 20): void {
  const list = (ids: string[]) => (ids.length ? ids.slice(0, limit).join(', ') + (ids.length > limit ? `, … (${ids.length - limit} more)` : '') : '-');
  console.log(`${r.index}: ${r.expected} should be searchable, ${r.indexed} indexed, ${r.pendingEvents} outbox events pending`);
  console.log(`  missing from the index (${r.missing.length}): ${list(r.missing)}`);
  console.log(`  in the index but not public (${r.extra.length}): ${list(r.extra)}`);
  console.log(`  stale content (${r.stale.length}): ${list(r.stale)}`);
}

export async function drift(registry: SearchIndexRegistry, args: string[]): Promise<void> {
  await withIndexes(async (indexes) => {
    for (const def of registry.all()) {
      const report = await indexes.drift(def);
      if (args.includes('--json')) console.log(JSON.stringify(report));
      else printDrift(report);
      const differences = report.missing.length + report.extra.length + report.stale.length;
      if (args.includes('--fix') && differences > 0) {
        const fixed = await indexes.repair(def, report);
        console.log(`  fixed: ${fixed.upserted} upserted, ${fixed.deleted} removed`);
      } else if (differences === 0) {
        console.log('  in step');
      }
    }
  });
}
