// A second storefront from the browser tests' build, for tests that put something between it and
// the API (a proxy that watches or fails some calls) or configure it otherwise.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_BUILD_OUT } from '../../../../scripts/lib/web-build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * A second storefront from the same build, configured as `npm start` configures its own: ORIGIN
 * on the name "localhost". `env` adds to that. Returns { url (as 127.0.0.1), localhostUrl, stop }.
 */
export async function startStorefront(t, env = {}) {
  const port = await freePort();
  // The build the browser tests serve (their own folder: scripts/lib/web-tests.mjs).
  const child = spawn(process.execPath, [join(ROOT, 'apps', 'web', TEST_BUILD_OUT, 'index.js')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://localhost:${port}`, API_URL: `${t.apiUrl}/graphql`, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  await t.eventually(async () => (await fetch(`${url}/robots.txt`).catch(() => null))?.ok === true, { what: `the second storefront (${stderr.slice(-500)})` });
  return {
    url,
    localhostUrl: `http://localhost:${port}`,
    stop: () => new Promise((r) => (child.exitCode === null ? (child.once('exit', r), child.kill('SIGTERM')) : r())),
  };
}

