import type { DataSource } from 'typeorm';
import { syncReferenceData } from './reference-data.js';

/** Runs pending migrations, then syncs reference data. Safe to run on every start. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const ran = await ds.runMigrations({ transaction: 'each' });
  await ds.transaction((em) => syncReferenceData(em));
  return ran.map((m) => m.name);
}

/** The SQL the entities would need beyond what the migrations built: empty when they agree. */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
