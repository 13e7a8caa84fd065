import { startTestApp, type TestApp } from './support/app.js';
import { uniq } from './support/graphql.js';

// The storefront calls the API from its own server; it names each visitor's address with the
// secret it shares with the API, so sign-in limits count visitors, not the storefront. Nobody
// else can choose the address they are counted under.
const SECRET = 'storefront-secret-for-tests-0123456789';
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

let t: TestApp;

beforeAll(async () => {
  // Like `npm start`: no proxy trusted (TRUST_PROXY=0), a low per-address sign-in limit.
  t = await startTestApp({ TRUST_PROXY: '0', STOREFRONT_SECRET: SECRET, RATE_LIMIT_LOGIN_PER_IP: '3', RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '1000' });
});
afterAll(() => t.close());

/** A failed sign-in (an unknown address each time); returns the error code. */
async function failedLogin(headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: LOGIN, variables: { e: `${uniq('nobody')}@example.vn`, p: 'wrong-password-1' } }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return body.errors?.[0]?.extensions?.code ?? 'OK';
}

const viaStorefront = (visitor: string) => ({ 'x-storefront-secret': SECRET, 'x-client-address': visitor });
const visitorAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

describe('client address behind the storefront', () => {
  it('counts failed sign-ins per visitor when the storefront names them', async () => {
    const first = visitorAddress();
    let second = visitorAddress();
    while (second === first) second = visitorAddress();
    for (let i = 0; i < 3; i++) expect(await failedLogin(viaStorefront(first))).toBe('UNAUTHENTICATED');
    expect(await failedLogin(viaStorefront(first))).toBe('RATE_LIMITED');
    // Another visitor of the same storefront still gets their own attempts.
    expect(await failedLogin(viaStorefront(second))).toBe('UNAUTHENTICATED');
    // IPv6 visitors are told apart too.
    expect(await failedLogin(viaStorefront(`2001:db8::${Math.floor(Math.random() * 9999)}`))).toBe('UNAUTHENTICATED');
  });

  it('ignores a client address without the storefront’s secret, or with a wrong one: no spoofing', async () => {
    // Each attempt claims to be someone else: all count against the caller's real address
    // (127.0.0.1). Other specs of the run sign in from 127.0.0.1 too, so an early attempt may
    // already be refused; what matters is that the fourth one is.
    const codes = [
      await failedLogin({ 'x-client-address': visitorAddress() }),
      await failedLogin({ 'x-forwarded-for': visitorAddress() }),
      await failedLogin({ 'x-client-address': visitorAddress(), 'x-storefront-secret': 'a-guess-at-the-secret-000000' }),
      await failedLogin({ 'x-client-address': visitorAddress(), 'x-forwarded-for': visitorAddress(), 'x-real-ip': visitorAddress() }),
    ];
    expect(codes.slice(0, 3).every((c) => c === 'UNAUTHENTICATED' || c === 'RATE_LIMITED')).toBe(true);
    expect(codes[3]).toBe('RATE_LIMITED');
  });

  it('refuses a malformed address even with the secret (counted as the caller itself)', async () => {
    const { vouchedClientAddress } = await import('../src/common/client-address.js');
    expect(vouchedClientAddress({ 'x-storefront-secret': SECRET, 'x-client-address': '203.0.113.9' }, SECRET)).toBe('203.0.113.9');
    expect(vouchedClientAddress({ 'x-storefront-secret': SECRET, 'x-client-address': '::ffff:203.0.113.9' }, SECRET)).toBe('203.0.113.9');
    expect(vouchedClientAddress({ 'x-storefront-secret': SECRET, 'x-client-address': 'evil, 1.2.3.4' }, SECRET)).toBeNull();
    expect(vouchedClientAddress({ 'x-storefront-secret': SECRET.slice(0, -1), 'x-client-address': '203.0.113.9' }, SECRET)).toBeNull();
    // Without a configured secret nobody may name an address.
    expect(vouchedClientAddress({ 'x-storefront-secret': '', 'x-client-address': '203.0.113.9' }, undefined)).toBeNull();
  });
});
