import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** How long a spawned API may take to answer /health. */
const START_TIMEOUT_MS = 60_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ApiProcess {
  url: string;
  proc: ChildProcess;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string>;
  output(): string;
  kill(signal?: NodeJS.Signals): void;
}

/**
 * The production build of the API (dist/, built by `npm test`) as a real child process, so a
 * test can kill it, restart it, or run two side by side.
 */
export async function spawnApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  let out = '';
  const proc = spawn(process.execPath, [join(process.cwd(), 'dist/apps/api/src/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      TECHPORT_NO_MAIN: '',
      LOG_LEVEL: 'warn',
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      MEILI_URL: process.env.MEILI_URL!,
      MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '',
      JWT_SECRET: process.env.JWT_SECRET!,
      WORKERS_ENABLED: 'true',
      // A short outbox lease (renewed while a job runs): the jobs of a killed process are taken over in seconds.
      OUTBOX_LEASE_MS: '3000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out = (out + d).slice(-20_000)));
  proc.stderr!.on('data', (d) => (out = (out + d).slice(-20_000)));
  const exited = new Promise<number | string>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const url = `http://127.0.0.1:${port}`;
  // A minute: on two cores busy with the rest of the suite and other work beside it, a cold start
  // (Nest, the GraphQL schema, migrations check, search settings) took over 30 s (2026-12-07).
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200 || res.status === 503) break;
    } catch {
      // not listening yet
    }
    if (proc.exitCode !== null) throw new Error(`API exited during start-up:\n${out}`);
    if (Date.now() > deadline) throw new Error(`API did not start in ${START_TIMEOUT_MS / 1000} s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, proc, exited, output: () => out, kill: (signal = 'SIGTERM') => proc.kill(signal) };
}

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as T;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
