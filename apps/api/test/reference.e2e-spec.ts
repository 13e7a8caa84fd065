import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { Client } from './support/graphql.js';
import { pendingSchemaChanges } from '../src/database/migrate.js';

let t: TestApp;
let base: Client;
const schemaDir = mkdtempSync(join(tmpdir(), 'techport-schema-'));

beforeAll(async () => {
  t = await startTestApp({ SCHEMA_FILE: join(schemaDir, 'schema.gql') });
  base = new Client(t.url);
});
afterAll(() => t.close());

describe('reference data', () => {
  it('lists the 34 provinces in the request language', async () => {
    const vi = await base.ok(`{ provinces { code name formerNames } }`);
    const en = await base.inLang('en').ok(`{ provinces { code name } }`);
    expect(vi.provinces).toHaveLength(34);
    expect(vi.provinces.find((p: { code: string }) => p.code === 'tay-ninh')).toEqual({ code: 'tay-ninh', name: 'Tây Ninh', formerNames: ['Long An'] });
    expect(en.provinces.find((p: { code: string }) => p.code === 'ho-chi-minh').name).toBe('Ho Chi Minh City');
  });

  it('serves the taxonomy with parents and children', async () => {
    const data = await base.inLang('en').ok(`{ techFields { code name parent { code } children { code } } }`);
    const natural = data.techFields.find((f: { code: string }) => f.code === '1');
    expect(natural.name).toBe('Natural sciences');
    expect(natural.parent).toBeNull();
    expect(natural.children.map((c: { code: string }) => c.code)).toContain('102');
    expect(data.techFields.find((f: { code: string }) => f.code === '102').parent).toEqual({ code: '1' });
  });

  it('keeps the reference tables in the database for foreign keys and statistics', async () => {
    const ds = t.app.get(DataSource);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM province`);
    const [{ f }] = await ds.query(`SELECT count(*)::int AS f FROM tech_field`);
    expect(n).toBe(34);
    expect(f).toBeGreaterThan(30);
  });
});

describe('schema and migrations', () => {
  it('has a migration for everything the entities describe', async () => {
    expect(await pendingSchemaChanges(t.app.get(DataSource))).toEqual([]);
  });

  it('commits the schema that the code generates (apps/api/schema.gql)', async () => {
    const generated = readFileSync(join(schemaDir, 'schema.gql'), 'utf8');
    const committed = readFileSync(join(process.cwd(), 'apps/api/schema.gql'), 'utf8');
    expect(committed).toBe(generated);
  });
});

describe('health', () => {
  it('reports database and search reachability', async () => {
    const res = await fetch(`${t.url}/health`);
    const body = (await res.json()) as { database: { ok: boolean }; search: { ok: boolean } };
    expect(res.status).toBe(200);
    expect(body.database.ok).toBe(true);
    expect(body.search.ok).toBe(true);
  });
});
