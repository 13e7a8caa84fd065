import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from '../../../../migrations/index.js';

/**
 * The one way to build a DataSource: the app, the CLI (migrate, seed) and the tests use it.
 * `synchronize` is never on: the schema comes from the migrations in /migrations.
 */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    extra: {
      max: poolSize,
      // Fail instead of queueing forever when the database is unreachable (or every connection is
      // busy: pg-pool applies it to the wait for a free client too). 5 s failed sign-ins on a slow
      // machine under a full test run (2026-12-07); 10 s still fails well within a user's patience.
      connectionTimeoutMillis: 10_000,
      // Bounds a runaway query; the longest legitimate ones (reindex batches, stats) take < 5 s.
      statement_timeout: 30_000,
      application_name: 'techport-api',
    },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}
