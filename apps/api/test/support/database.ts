import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDataSource } from '../../src/database/data-source.js';
import { migrate } from '../../src/database/migrate.js';

export interface IsolatedDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * A database of its own, built by the migrations (a copy of the run's migrated template), for a spec whose assertions are global
 * (market figures, the clock moved a year ahead, a whole-index drift report, the demo seed) or
 * that needs a second one beside its file's (databaseOfThisFile). `name` is given by callers that
 * need a predictable prefix (the per-file copies, which scripts/test.mjs drops by it).
 */
export async function isolatedDatabase(tag: string, name = `techport_test_${tag}_${process.pid}_${randomBytes(3).toString('hex')}`.slice(0, 63)): Promise<IsolatedDatabase> {
  const server = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`');
  const template = process.env.TEST_DATABASE_TEMPLATE;
  const url = withDatabase(server, name);
  if (template) {
    // npm test keeps a migrated database that nobody connects to: copying it is much faster.
    await admin(server, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  } else {
    await admin(server, (c) => c.query(`CREATE DATABASE "${name}"`));
    const ds = await createDataSource(url, 2).initialize();
    try {
      await migrate(ds);
    } finally {
      await ds.destroy();
    }
  }
  return { url, name, drop: () => admin(server, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined) };
}

/**
 * An empty database, as a fresh installation has before its first migration (what a restore
 * from backup starts from).
 */
export async function emptyDatabase(tag: string): Promise<IsolatedDatabase> {
  const server = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`');
  const name = `techport_test_${tag}_${process.pid}_${randomBytes(3).toString('hex')}`.slice(0, 63);
  await admin(server, (c) => c.query(`CREATE DATABASE "${name}"`));
  return { url: withDatabase(server, name), name, drop: () => admin(server, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined) };
}

/** The prefix of the per-file databases of this run (scripts/test.mjs drops them all at the end). */
export function fileDatabasePrefix(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`');
  return `${new URL(url).pathname.slice(1)}_f`;
}

let thisFile: Promise<{ url: string; indexPrefix: string }> | undefined;

/**
 * The database and search index prefix of the spec file that asks (jest loads this module once
 * per file): a copy of the run's migrated template, made on first use. Files used to share one
 * database, and every app drains the whole outbox, so one file's settle() ran the others'
 * backlogs and waited on their slow jobs (a sign-in spec took 38 s in the suite and 0.4 s alone).
 */
export function databaseOfThisFile(): Promise<{ url: string; indexPrefix: string }> {
  thisFile ??= (async () => {
    const suffix = randomBytes(4).toString('hex');
    const db = await isolatedDatabase('file', `${fileDatabasePrefix()}${suffix}`.slice(0, 63));
    return { url: db.url, indexPrefix: `${process.env.MEILI_INDEX_PREFIX ?? 'test'}_${suffix}` };
  })();
  return thisFile;
}
