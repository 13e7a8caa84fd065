// `npm start`: installs what is missing, builds, brings PostgreSQL and Meilisearch (the configured
// ones, or embedded ones under .data/), migrates, seeds the demo exchange once (unless
// SEED_DEMO=false), ensures the admin account (ADMIN_EMAIL / ADMIN_PASSWORD, see lib/start-plan.mjs),
// and runs the API (API_PORT, default 4000) and the storefront (WEB_PORT, default 3000) until Ctrl-C.
import { ensureInstall, ROOT } from './ensure-install.mjs';

ensureInstall();

const { spawn, execFileSync } = await import('node:child_process');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
const { randomBytes } = await import('node:crypto');
const { join } = await import('node:path');
const { ensurePostgres, ensureMeilisearch, createDatabase } = await import('./lib/services.mjs');
const { buildApi, apiCli } = await import('./lib/build.mjs');
const { startPlan, startBanner } = await import('./lib/start-plan.mjs');

const API_PORT = Number(process.env.API_PORT ?? 4000);
const WEB_PORT = Number(process.env.WEB_PORT ?? 3000);
const DATA_DIR = join(ROOT, '.data');
mkdirSync(DATA_DIR, { recursive: true });

/** A random secret made once per installation and kept in .data/<name>. */
function secretFile(name) {
  const file = join(DATA_DIR, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** A JWT secret made once per installation and kept under .data/ (set JWT_SECRET to choose your own). */
function jwtSecret() {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = join(DATA_DIR, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

// Decided before the long build, so a wrong SEED_DEMO or half an admin stops at once.
let plan;
try {
  plan = startPlan(process.env, { secretFile });
} catch (err) {
  console.error(`[start] ${err.message}`);
  process.exit(1);
}

console.log('[start] building the API…');
buildApi();
const webProject = join(ROOT, 'apps', 'web', 'project.json');
if (existsSync(webProject)) {
  console.log('[start] building the storefront…');
  execFileSync(process.execPath, ['node_modules/nx/dist/bin/nx.js', 'run', 'web:build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
}

/** The demo staff's authenticator secret (apps/api/src/seed/demo-content.ts DEMO_STAFF_TOTP_SECRET). */
const DEMO_STAFF_TOTP_SECRET = 'KRSWC4DPOJ2EIZLNN5JVIYLGMZHVI5CQ';

const pg = await ensurePostgres('app');
const databaseUrl = pg.databaseUrl ?? (await createDatabase(pg.adminUrl, 'techport'));
if (!process.env.DATABASE_URL) await createDatabase(pg.adminUrl, 'techport');
const meili = await ensureMeilisearch('app');

const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  DATABASE_URL: databaseUrl,
  MEILI_URL: meili.url,
  MEILI_MASTER_KEY: meili.key,
  JWT_SECRET: jwtSecret(),
  API_PORT: String(API_PORT),
  PUBLIC_WEB_URL: process.env.PUBLIC_WEB_URL ?? `http://localhost:${WEB_PORT}`,
  CORS_ORIGINS: process.env.CORS_ORIGINS ?? `http://localhost:${WEB_PORT},http://127.0.0.1:${WEB_PORT}`,
  // The API makes this account true at every start (exists, ADMIN, this password).
  ADMIN_EMAIL: plan.admin.email,
  ADMIN_PASSWORD: plan.admin.password,
  // Demo only: staff need a second factor; the demo's admin and moderators share this published
  // authenticator secret (README.md). Without the demo data (or with ADMIN_TOTP_SECRET= empty)
  // the admin enrols their own authenticator at /dashboard/security after signing in.
  // An admin the operator configured never gets the published secret: they enrol their own.
  ADMIN_TOTP_SECRET: process.env.ADMIN_TOTP_SECRET ?? (plan.admin.source === 'demo' ? DEMO_STAFF_TOTP_SECRET : ''),
  // Shared by the API and the storefront: the storefront vouches for each visitor's address, so
  // sign-in limits count visitors, not the storefront (see apps/api/src/common/client-address.ts).
  STOREFRONT_SECRET: process.env.STOREFRONT_SECRET || secretFile('storefront-secret'),
  MAIL_OUTBOX_DIR: process.env.MAIL_OUTBOX_DIR ?? join(DATA_DIR, 'mail-outbox'),
};

apiCli(['migrate'], env);
if (plan.seedDemo) apiCli(['seed'], env);
else console.log('[start] SEED_DEMO=false: no demo data');

const children = [];
function run(name, args, extraEnv) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      console.error(`[start] ${name} stopped (${signal ?? code}); shutting down`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

let shuttingDown = false;
async function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  await meili.stop();
  await pg.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

run('API', ['dist/apps/api/src/main.js']);
const webEntry = join(ROOT, 'apps', 'web', 'build', 'index.js');
if (existsSync(webEntry)) {
  run('storefront', [webEntry], {
    PORT: String(WEB_PORT),
    HOST: process.env.WEB_HOST ?? '0.0.0.0',
    ORIGIN: process.env.PUBLIC_WEB_URL ?? `http://localhost:${WEB_PORT}`,
    API_URL: process.env.API_URL ?? `http://127.0.0.1:${API_PORT}/graphql`,
    // Uploads stream through the storefront's form action (adapter-node's default is 512K).
    BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '210M',
  });
}

// The banner once the API answers (it has ensured the admin account by then), so it says what is true.
void (async () => {
  for (let i = 0; i < 120 && !shuttingDown; i++) {
    const up = await fetch(`http://127.0.0.1:${API_PORT}/health`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!shuttingDown) console.log(startBanner(plan, { webPort: WEB_PORT, apiPort: API_PORT, mailOutboxDir: env.MAIL_OUTBOX_DIR, smtp: Boolean(env.SMTP_URL), totpSecret: env.ADMIN_TOTP_SECRET }));
})();
