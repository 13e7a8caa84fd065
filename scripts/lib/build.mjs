// Compiles the API, the shared library and the migrations with SWC into dist/ (fast; type
// checking is a separate step: `npx tsc -p tsconfig.json`).
import { execFileSync } from 'node:child_process';
import { ROOT } from '../ensure-install.mjs';

export function buildApi() {
  execFileSync(process.execPath, ['node_modules/@swc/cli/bin/swc.js', 'apps/api/src', 'libs/shared/src', 'migrations', '-d', 'dist', '--copy-files', '--quiet', '--ignore', '**/*.spec.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export function typecheck() {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
}

/** Runs an operator command of the API's CLI (migrate, seed, reindex…) with the given environment. */
export function apiCli(args, env) {
  execFileSync(process.execPath, ['dist/apps/api/src/cli.js', ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
}
