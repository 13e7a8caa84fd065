// #19 "Anyone can lock anyone out": failed sign-ins are throttled per account AND source with
// growing delays; the right password from a source that has not been failing always works; the
// owner is warned by e-mail once per window; the per-source limit on all sign-ins stays.
import { loginDelaySeconds } from '../src/modules/accounts/accounts.service.js';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, PASSWORD, registerUser, uniq } from './support/graphql.js';
import { mailsTo } from './support/mail.js';

let mailDir: string;
let t: TestApp;
let base: Client;

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

beforeAll(async () => {
  t = await startTestApp({
    TRUST_PROXY: '1',
    RATE_LIMIT_LOGIN_FREE_FAILURES: '5',
    RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '8',
  });
  base = new Client(t.url);
  mailDir = t.mailDir;
});
afterAll(() => t.close());

const randomIp = (net: string) => `${net}.${Math.floor(Math.random() * 250) + 1}`;

/** A sign-in from a given client address (the API trusts one proxy here). */
async function loginFrom(ip: string, email: string, password: string): Promise<{ ok: boolean; code?: string; message?: string }> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, 'accept-language': 'en' },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
  });
  const body = (await res.json()) as { data?: { login?: { token: string } }; errors?: { message: string; extensions: { code: string } }[] };
  return body.errors?.length ? { ok: false, code: body.errors[0].extensions.code, message: body.errors[0].message } : { ok: !!body.data?.login?.token };
}

describe('sign-in throttling', () => {
  it('delays grow per account and source, from 5 s up to 15 minutes', () => {
    expect([1, 5, 6, 7, 8, 9].map((n) => loginDelaySeconds(n, 5))).toEqual([0, 0, 5, 10, 20, 40]);
    expect(loginDelaySeconds(50, 5)).toBe(15 * 60);
  });

  it('an attacker failing many times does not lock the owner out, is throttled, and the owner is told once', async () => {
    const owner = await registerUser(base);
    const attacker = randomIp('203.0.113');
    const home = randomIp('198.51.100');

    // The free failures answer as wrong passwords; then the attacker's source must wait.
    for (let i = 0; i < 5; i++) expect(await loginFrom(attacker, owner.email, `guess-${i}-password`)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await loginFrom(attacker, owner.email, 'guess-5-password')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const throttled = await loginFrom(attacker, owner.email, 'guess-6-password');
    expect(throttled).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(throttled.message).toMatch(/try again in 1 minute/);
    // Even the right password is not tested for the throttled source.
    expect(await loginFrom(attacker, owner.email, PASSWORD)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });

    // The owner, from a source that has not been failing, signs in at once, whatever the attack.
    expect(await loginFrom(home, owner.email, PASSWORD)).toEqual({ ok: true });

    // A second attacker address (a botnet): free failures again, then throttled too; the
    // account's 8th failure in the hour warns the owner by e-mail, and only once.
    const attacker2 = randomIp('192.0.2');
    for (let i = 0; i < 5; i++) expect((await loginFrom(attacker2, owner.email, `other-${i}-password`)).code).toBe('UNAUTHENTICATED');
    expect((await loginFrom(attacker2, owner.email, 'other-5-password')).code).toBe('UNAUTHENTICATED');
    expect((await loginFrom(attacker2, owner.email, 'other-6-password')).code).toBe('RATE_LIMITED');
    await t.settle();
    const warnings = mailsTo(mailDir, owner.email).filter((m) => m.includes('failed sign-ins'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/8 lần đăng nhập sai/);
    expect(warnings[0]).toMatch(/8 failed sign-ins/);
    expect(warnings[0]).toContain(attacker2);

    expect(await loginFrom(home, owner.email, PASSWORD)).toEqual({ ok: true });
  });

  it('a success clears the source\'s failures; unknown addresses are throttled alike and mail no one', async () => {
    const user = await registerUser(base);
    const ip = randomIp('203.0.113');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await loginFrom(ip, user.email, `typo-${i}-password`)).code).toBe('UNAUTHENTICATED');
      expect(await loginFrom(ip, user.email, PASSWORD)).toEqual({ ok: true });
    }
    const ghost = `${uniq('ghost')}@example.vn`;
    for (let i = 0; i < 6; i++) expect((await loginFrom(ip, ghost, 'wrong-password-1')).code).toBe('UNAUTHENTICATED');
    expect((await loginFrom(ip, ghost, 'wrong-password-1')).code).toBe('RATE_LIMITED');
    await t.settle();
    expect(mailsTo(mailDir, ghost)).toHaveLength(0);
  });

  it('keeps a per-source limit on failed sign-ins across accounts; right passwords do not count', async () => {
    const limited = await startTestApp({ TRUST_PROXY: '1', RATE_LIMIT_LOGIN_PER_IP: '3' });
    try {
      const user = await registerUser(new Client(limited.url));
      const ip = randomIp('198.51.100');
      const from = (p: string) =>
        fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ query: LOGIN, variables: { e: user.email, p } }),
        }).then((r) => r.json() as Promise<{ errors?: { extensions: { code: string } }[] }>);
      // An office behind one address signs in again and again.
      for (let i = 0; i < 5; i++) expect((await from(PASSWORD)).errors).toBeUndefined();
      // One password tried on several accounts from that address: stopped at the limit, whoever's account.
      const sprayed = async (email: string) =>
        fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ query: LOGIN, variables: { e: email, p: 'Spring2026!' } }),
        }).then((r) => r.json() as Promise<{ errors?: { extensions: { code: string } }[] }>);
      for (let i = 0; i < 3; i++) expect((await sprayed(`${uniq('victim')}@example.vn`)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await sprayed(`${uniq('victim')}@example.vn`)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
      // Then even the right password waits.
      expect((await from(PASSWORD)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
