// "Forgot password" (#13): a single-use link that expires, e-mailed (here: the mail outbox folder),
// rate-limited, answering the same whether the address has an account or not; tokens stored hashed.
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { startTestApp, type TestApp } from './support/app.js';
import { isolatedDatabase, type IsolatedDatabase } from './support/database.js';
import { Client, PASSWORD, registerUser, uniq } from './support/graphql.js';
import { linkIn, mailsTo } from './support/mail.js';

let mailDir: string;
let t: TestApp;
let db: IsolatedDatabase;
let base: Client;

const REQUEST = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const VALID = `query($t: String!) { passwordResetLinkValid(token: $t) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

beforeAll(async () => {
  // A database of its own: e-mails are sent by whichever app's outbox worker claims them, and
  // another spec's app (another PUBLIC_WEB_URL) would write these links otherwise.
  db = await isolatedDatabase('reset');
  t = await startTestApp({ DATABASE_URL: db.url, PUBLIC_WEB_URL: 'https://san.example.vn', PASSWORD_RESET_TTL_MINUTES: '30', TRUST_PROXY: '1' });
  base = new Client(t.url);
  mailDir = t.mailDir;
});
afterEach(() => t.app.get(Clock).reset());
afterAll(async () => {
  await t.close();
  await db.drop();
});

/** Asks for a link and returns the secret from the e-mail that arrives. */
async function resetLink(email: string): Promise<string> {
  const resets = () => mailsTo(mailDir, email).filter((m) => m.includes('/reset-password/'));
  const before = resets().length;
  expect((await base.ok(REQUEST, { e: email.toUpperCase() })).requestPasswordReset).toBe(true);
  await t.settle();
  const mails = resets();
  expect(mails).toHaveLength(before + 1);
  const link = linkIn(mails.at(-1)!, '/reset-password/');
  expect(link.origin).toBe('https://san.example.vn');
  return decodeURIComponent(link.pathname.slice('/reset-password/'.length));
}

describe('password reset', () => {
  it('e-mails a link that sets a new password once', async () => {
    const user = await registerUser(base);
    const secret = await resetLink(user.email);
    expect(mailsTo(mailDir, user.email).at(-1)).toMatch(/30 phút[\s\S]*30 minutes/);
    expect((await base.ok(VALID, { t: secret })).passwordResetLinkValid).toBe(true);

    // Stored hashed: the secret itself is nowhere in the database.
    const ds = t.app.get(DataSource);
    const rows: { token_hash: string }[] = await ds.query(`SELECT token_hash FROM account_token t JOIN app_user u ON u.id = t.user_id WHERE u.email = $1 AND t.purpose = 'PASSWORD_RESET'`, [user.email]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].token_hash).not.toContain(secret);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE payload::text LIKE '%' || $1 || '%'`, [secret]);
    expect(n).toBe(0);

    // The policy applies (and a refused password does not spend the link).
    const weak = await base.error(RESET, { t: secret, p: 'short' });
    expect(weak.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(weak.fields ?? {})).toEqual(['password']);

    const fresh = 'A-brand-new-Password-7';
    expect((await base.ok(RESET, { t: secret, p: fresh })).resetPassword).toBe(true);
    expect((await base.error(LOGIN, { e: user.email, p: PASSWORD })).code).toBe('UNAUTHENTICATED');
    expect((await base.ok(LOGIN, { e: user.email, p: fresh })).login.token).toBeTruthy();

    // Single use.
    const again = await base.inLang('en').error(RESET, { t: secret, p: 'Yet-another-Password-8' });
    expect(again.code).toBe('BAD_USER_INPUT');
    expect(again.fields?.token).toMatch(/invalid, already used or expired/);
    expect((await base.ok(VALID, { t: secret })).passwordResetLinkValid).toBe(false);
    expect((await base.ok(LOGIN, { e: user.email, p: fresh })).login.token).toBeTruthy();
  });

  it('refuses an expired link (the clock moved past its lifetime)', async () => {
    const user = await registerUser(base);
    const secret = await resetLink(user.email);
    t.app.get(Clock).advance(31 * 60_000);
    expect((await base.ok(VALID, { t: secret })).passwordResetLinkValid).toBe(false);
    const expired = await base.error(RESET, { t: secret, p: 'A-brand-new-Password-7' });
    expect(expired.code).toBe('BAD_USER_INPUT');
    expect(expired.fields?.token).toMatch(/hết hạn/);
    expect((await base.ok(LOGIN, { e: user.email, p: PASSWORD })).login.token).toBeTruthy();
  });

  it('a newer link voids the older one', async () => {
    const user = await registerUser(base);
    const first = await resetLink(user.email);
    const second = await resetLink(user.email);
    expect((await base.error(RESET, { t: first, p: 'A-brand-new-Password-7' })).code).toBe('BAD_USER_INPUT');
    expect((await base.ok(RESET, { t: second, p: 'A-brand-new-Password-7' })).resetPassword).toBe(true);
  });

  it('answers the same for an address without an account, and sends nothing', async () => {
    const ghost = `${uniq('ghost')}@example.vn`;
    const res = await base.request(REQUEST, { e: ghost });
    expect(res).toEqual({ status: 200, data: { requestPasswordReset: true }, errors: undefined });
    await t.settle();
    expect(mailsTo(mailDir, ghost)).toHaveLength(0);
    expect((await base.error(RESET, { t: 'x'.repeat(43), p: 'A-brand-new-Password-7' })).code).toBe('BAD_USER_INPUT');
  });

  it('is rate-limited per address, known or not, and per client', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const ask = async (email: string) =>
      (
        await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ query: REQUEST, variables: { e: email } }),
        })
      ).json() as Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }>;
    const user = await registerUser(base);
    const ghost = `${uniq('ghost')}@example.vn`;
    for (const email of [user.email, ghost]) {
      for (let i = 0; i < 3; i++) expect((await ask(email)).errors).toBeUndefined();
      expect((await ask(email)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
    }
    // 8 so far from this client; the per-client limit (10 an hour) ends it at the 11th.
    expect((await ask(`${uniq('a')}@example.vn`)).errors).toBeUndefined();
    expect((await ask(`${uniq('b')}@example.vn`)).errors).toBeUndefined();
    expect((await ask(`${uniq('c')}@example.vn`)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
  });
});
