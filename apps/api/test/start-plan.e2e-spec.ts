import { DataSource } from 'typeorm';
import { isolatedDatabase, type IsolatedDatabase } from './support/database.js';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, signIn, totpCode } from './support/graphql.js';
import { createDataSource } from '../src/database/data-source.js';
import { seedDemo } from '../src/seed/seed.js';
import { DEMO_STAFF_TOTP_SECRET } from '../src/seed/demo-content.js';

// `npm start`'s decisions (scripts/lib/start-plan.mjs) against the real API and seed: the
// configured admin is the one that works, SEED_DEMO=false starts an empty exchange, and the
// banner says what is true.
type Plan = { seedDemo: boolean; admin: { email: string; password: string; source: string } };
let planner: {
  startPlan(env: Record<string, string | undefined>, io: { secretFile(name: string): string }): Plan;
  startBanner(plan: Plan, o: { webPort: number; apiPort: number; mailOutboxDir: string; smtp: boolean }): string;
  DEMO_ADMIN: { email: string; password: string };
};
const io = { secretFile: (name: string) => `generated-${name}-0123456789abcdef` };
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { roles } } }`;
const OPERATOR = { ADMIN_EMAIL: 'Ops@SoKhcn.example.vn', ADMIN_PASSWORD: 'Operator-Chosen-2026' };

beforeAll(async () => {
  // A plain ES module of the scripts (no build): imported as it is.
  const url = new URL('../../../scripts/lib/start-plan.mjs', import.meta.url).href;
  planner = (await import(url)) as typeof planner;
});

/**
 * Signs the configured admin in; the tests' API enrols it with ADMIN_TOTP_SECRET at start-up
 * (staff need a second factor), so this answers the code step too; the demo seed enrols its staff,
 * the configured admin among them, with the demo secret first. Shaped like `login`'s answer.
 */
async function loginOk(c: Client, e: string, p: string, secret = process.env.ADMIN_TOTP_SECRET ?? null): Promise<{ login: { user: { roles: string[] } } }> {
  const token = await signIn(c, e, p, secret);
  const { me } = await c.as(token).ok<{ me: { roles: string[] } }>(`{ me { roles } }`);
  return { login: { user: me } };
}

/**
 * The password step passes and one code from `secret` is offered at the second step: the error
 * code it answers (one attempt; signIn would retry through the next 30-second steps).
 */
async function secondStepCode(c: Client, e: string, p: string, secret: string): Promise<string | undefined> {
  const first = await c.request(LOGIN, { e, p });
  const challenge = (first.errors?.[0]?.extensions as { challenge?: string } | undefined)?.challenge;
  expect(challenge).toBeTruthy();
  const second = await c.request(`mutation($c: String!, $code: String!) { completeLogin(challenge: $c, code: $code) { token } }`, { c: challenge, code: await totpCode(secret) });
  return second.errors?.[0]?.extensions?.code as string | undefined;
}

async function withApp<T>(db: IsolatedDatabase, plan: Plan, fn: (t: TestApp, c: Client) => Promise<T>): Promise<T> {
  const t = await startTestApp({
    DATABASE_URL: db.url,
    MEILI_INDEX_PREFIX: `start${process.pid}`,
    ADMIN_EMAIL: plan.admin.email,
    ADMIN_PASSWORD: plan.admin.password,
    // Only sign-ins are checked here: the seeded exchange's outbox (index, pictures) is not worked off.
    WORKERS_ENABLED: 'false',
  });
  try {
    return await fn(t, new Client(t.url));
  } finally {
    await t.close();
  }
}

async function seed(db: IsolatedDatabase, admin?: { email: string; password: string }) {
  const ds = await createDataSource(db.url, 2).initialize();
  try {
    return await seedDemo(ds, { ttlDays: 365, admin });
  } finally {
    await ds.destroy();
  }
}

describe('start plan', () => {
  it('decides the admin and the demo data from the environment', () => {
    expect(planner.startPlan({}, io)).toEqual({ seedDemo: true, admin: { ...planner.DEMO_ADMIN, source: 'demo' } });
    expect(planner.startPlan({ ...OPERATOR }, io)).toEqual({ seedDemo: true, admin: { email: OPERATOR.ADMIN_EMAIL, password: OPERATOR.ADMIN_PASSWORD, source: 'configured' } });
    expect(planner.startPlan({ SEED_DEMO: 'false', ...OPERATOR }, io).seedDemo).toBe(false);
    // An empty exchange without a configured admin still gets one, with a password of its own (never the demo's).
    const generated = planner.startPlan({ SEED_DEMO: 'false' }, io);
    expect(generated.admin).toEqual({ email: 'admin@techport.local', password: 'generated-admin-password-0123456789abcdef', source: 'generated' });
    expect(() => planner.startPlan({ SEED_DEMO: 'maybe' }, io)).toThrow(/SEED_DEMO/);
    expect(() => planner.startPlan({ ADMIN_EMAIL: 'a@b.vn' }, io)).toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD/);
    expect(() => planner.startPlan({ ADMIN_EMAIL: 'a@b.vn', ADMIN_PASSWORD: 'short' }, io)).toThrow(/ADMIN_PASSWORD/);
  });

  it('with ADMIN_EMAIL / ADMIN_PASSWORD and demo data: that admin works, the demo’s public admin is not created, the banner tells the truth', async () => {
    const db = await isolatedDatabase('startdemo');
    try {
      const plan = planner.startPlan({ ...OPERATOR }, io);
      const seeded = await seed(db, plan.admin);
      expect(seeded.seeded).toBe(true);
      expect(seeded.accounts.map((a) => a.email)).not.toContain('admin@demo.techport.vn');
      expect(JSON.stringify(seeded.accounts)).not.toContain(OPERATOR.ADMIN_PASSWORD);
      await withApp(db, plan, async (t, c) => {
        // The operator's admin is not given the demo's published secret: the demo secret fails, and
        // it signs in with its own (here the tests' ADMIN_TOTP_SECRET, enrolled at start-up).
        expect(await secondStepCode(c, OPERATOR.ADMIN_EMAIL, OPERATOR.ADMIN_PASSWORD, DEMO_STAFF_TOTP_SECRET)).toBe('BAD_USER_INPUT');
        const ok = await loginOk(c, OPERATOR.ADMIN_EMAIL, OPERATOR.ADMIN_PASSWORD);
        expect(ok.login.user.roles).toEqual(expect.arrayContaining(['ADMIN', 'MODERATOR', 'MEMBER']));
        expect((await c.error(LOGIN, { e: 'admin@demo.techport.vn', p: 'Techport@2026' })).code).toBe('UNAUTHENTICATED');
        const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM app_user WHERE 'ADMIN' = ANY(roles)`);
        expect(n).toBe(1);
      });
      const banner = planner.startBanner(plan, { webPort: 3000, apiPort: 4000, mailOutboxDir: '.data/mail-outbox', smtp: false });
      expect(banner).toContain(`Admin          ${OPERATOR.ADMIN_EMAIL} / (the ADMIN_PASSWORD you set)`);
      expect(banner).not.toContain('admin@demo.techport.vn');
      expect(banner).not.toContain(OPERATOR.ADMIN_PASSWORD);
      expect(banner).toContain('moderator@demo.techport.vn');

      // The next start with another password: the configured one is the one that works.
      const rotated = planner.startPlan({ ...OPERATOR, ADMIN_PASSWORD: 'Rotated-Password-2027' }, io);
      await withApp(db, rotated, async (_t, c) => {
        expect((await c.error(LOGIN, { e: OPERATOR.ADMIN_EMAIL, p: OPERATOR.ADMIN_PASSWORD })).code).toBe('UNAUTHENTICATED');
        await loginOk(c, OPERATOR.ADMIN_EMAIL, 'Rotated-Password-2027');
      });
    } finally {
      await db.drop();
    }
  }, 180_000);

  it('SEED_DEMO=false: an empty exchange with only the configured admin; an admin seeded earlier does not stop it', async () => {
    const db = await isolatedDatabase('startempty');
    try {
      const plan = planner.startPlan({ SEED_DEMO: 'false', ...OPERATOR }, io);
      await withApp(db, plan, async (t, c) => {
        await loginOk(c, OPERATOR.ADMIN_EMAIL, OPERATOR.ADMIN_PASSWORD);
        const ds = t.app.get(DataSource);
        const users: { email: string; roles: string[] }[] = await ds.query(`SELECT email, roles FROM app_user`);
        expect(users.map((u) => u.email)).toEqual([OPERATOR.ADMIN_EMAIL.toLowerCase()]);
        for (const table of ['organization', 'listing', 'expert_profile']) {
          const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${table}`);
          expect(n).toBe(0);
        }
      });
      const banner = planner.startBanner(plan, { webPort: 3000, apiPort: 4000, mailOutboxDir: '.data/mail-outbox', smtp: true });
      expect(banner).not.toMatch(/demo\.techport\.vn|Techport@2026/);
      expect(banner).toContain('sent through SMTP_URL');

      // A database that an earlier start filled with another admin (the API used to create the
      // configured admin only when no admin existed): the configured one is made to work anyway,
      // even disabled, demoted and with another password.
      await withDataSource(db, async (ds) => {
        await ds.query(`UPDATE app_user SET roles = '{MEMBER}', disabled = true WHERE email = lower($1)`, [OPERATOR.ADMIN_EMAIL]);
        await ds.query(`INSERT INTO app_user (email, password_hash, display_name, roles) VALUES ('earlier-admin@example.vn', 'x', 'Earlier', '{MEMBER,ADMIN}')`);
      });
      await withApp(db, planner.startPlan({ SEED_DEMO: 'false', ADMIN_EMAIL: OPERATOR.ADMIN_EMAIL, ADMIN_PASSWORD: 'Another-Password-2026' }, io), async (_t, c) => {
        const ok = await loginOk(c, OPERATOR.ADMIN_EMAIL, 'Another-Password-2026');
        expect(ok.login.user.roles).toEqual(expect.arrayContaining(['ADMIN', 'MEMBER']));
      });
    } finally {
      await db.drop();
    }
  }, 120_000);
});

async function withDataSource(db: IsolatedDatabase, fn: (ds: DataSource) => Promise<void>) {
  const ds = await createDataSource(db.url, 2).initialize();
  try {
    await fn(ds);
  } finally {
    await ds.destroy();
  }
}
