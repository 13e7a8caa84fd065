import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { libpqEnv, pgToolsFor, PgToolsError } from './pg-tools.js';

// Fake client tools that only answer --version, in folders on a made-up PATH.
let root: string;
function fakeTools(name: string, version: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const tool of ['pg_dump', 'pg_restore']) {
    writeFileSync(join(dir, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) ${version}"\n`);
    chmodSync(join(dir, tool), 0o755);
  }
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pg-tools-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pgToolsFor', () => {
  it('takes the newest client tools at least as new as the server', () => {
    const v15 = fakeTools('a15', '15.20 (Debian 15.20-0+deb12u1)');
    const v17 = fakeTools('b17', '17.4');
    const env = { PATH: [v15, v17].join(':') };
    expect(pgToolsFor(15, 'test', env)).toMatchObject({ dir: v17, major: 17, version: '17.4' });
    expect(pgToolsFor(16, 'test', env)).toMatchObject({ dir: v17, major: 17 });
  });

  it('says what to install when every pg_dump is older than the server (the embedded PostgreSQL 18 case)', () => {
    const v15 = fakeTools('c15', '15.20');
    const call = () => pgToolsFor(18, 'Backing up PostgreSQL 18.1', { PATH: v15, PG_BIN_DIR: '' });
    expect(call).toThrow(PgToolsError);
    expect(call).toThrow(/Backing up PostgreSQL 18\.1 needs pg_dump and pg_restore of PostgreSQL 18 or newer; found: 15\.20 in .*c15/);
    expect(call).toThrow(/apt-get install postgresql-client-18/);
    expect(call).toThrow(/PG_BIN_DIR/);
  });

  it('looks only in PG_BIN_DIR when it is set', () => {
    const v15 = fakeTools('d15', '15.2');
    const v16 = fakeTools('e16', '16.3');
    expect(pgToolsFor(15, 'test', { PATH: v16, PG_BIN_DIR: v15 })).toMatchObject({ dir: v15, major: 15 });
    expect(() => pgToolsFor(16, 'test', { PATH: v16, PG_BIN_DIR: v15 })).toThrow(/PG_BIN_DIR=/);
  });
});

describe('libpqEnv', () => {
  it('passes the password through the environment, not the command line', () => {
    expect(libpqEnv('postgres://tp%40user:s%3Acret@db.example:6543/techport?sslmode=require')).toEqual({
      dbname: 'techport',
      env: { PGHOST: 'db.example', PGPORT: '6543', PGUSER: 'tp@user', PGPASSWORD: 's:cret', PGSSLMODE: 'require' },
    });
  });
});
