import { startTestApp, type TestApp } from './support/app.js';
import { Client, registerUser, uniq, PASSWORD } from './support/graphql.js';

let t: TestApp;
let base: Client;

beforeAll(async () => {
  t = await startTestApp({
    TRUST_PROXY: '1',
    GRAPHQL_MAX_DEPTH: '6',
    GRAPHQL_MAX_ALIASES: '5',
    CORS_ORIGINS: 'https://san.example.vn',
  });
  base = new Client(t.url);
});
afterAll(() => t.close());

async function post(body: string, headers: Record<string, string> = {}) {
  return fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('GraphQL limits', () => {
  it('refuses queries deeper than the limit', async () => {
    const deep = `{ techFields { children { children { children { children { children { children { code } } } } } } } }`;
    const res = await base.request(deep);
    expect(res.errors?.[0].message).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 8 }, (_, i) => `a${i}: provinces { code }`).join(' ');
    const res = await base.request(`{ ${aliases} }`);
    expect(res.errors?.[0].message).toMatch(/alias/i);
  });

  it('does not suggest field names', async () => {
    const res = await base.request(`{ provinces { cod } }`);
    expect(res.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('caps the request body size', async () => {
    const huge = JSON.stringify({ query: `{ provinces { code } }`, variables: { pad: 'x'.repeat(400_000) } });
    const res = await post(huge);
    expect(res.status).toBe(413);
  });

  it('blocks cross-site requests without a preflight (CSRF prevention)', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ provinces { code } }')}`);
    expect(res.status).toBe(400);
    const form = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ me { id } }"}' });
    expect(form.status).toBe(400);
  });

  it('sends security headers and allows only the configured origins', async () => {
    const allowed = await post(JSON.stringify({ query: '{ provinces { code } }' }), { origin: 'https://san.example.vn' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://san.example.vn');
    expect(allowed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(allowed.headers.get('content-security-policy')).toContain("default-src 'none'");
    const foreign = await post(JSON.stringify({ query: '{ provinces { code } }' }), { origin: 'https://evil.example.com' });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('text as sent', () => {
  it('keeps Vietnamese in one encoding (NFC) and names the field of invalid text by its argument', async () => {
    const member = (await registerUser(base, 'Người thử mã hóa')).client;
    const CREATE = `mutation($in: OrganizationInput!) { createOrganization(input: $in) { id name slug } }`;
    // Decomposed letters (some phones and macOS send "ô" as "o" + two combining marks) are stored precomposed.
    const name = `Viện Nuôi Tôm ${uniq('')}`;
    const { createOrganization } = await member.ok<{ createOrganization: { name: string; slug: string } }>(CREATE, {
      in: { name: name.normalize('NFD'), kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' },
    });
    expect(createOrganization.name).toBe(name.normalize('NFC'));
    expect(createOrganization.slug).toMatch(/^vien-nuoi-tom-/);
    // NUL is refused, and the error names `input.name` (the argument), not the client's `$in`.
    const e = await member.error(CREATE, { in: { name: 'Viện\u0000', kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' } });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(e.fields ?? {})).toEqual(['input.name']);
  });
});

describe('rate limits', () => {
  const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

  // Failed sign-ins (per account and source, growing delays, the owner warned): login-throttle.e2e-spec.ts.

  it('limits registrations per client address', async () => {
    // An app of its own with a low limit: the run's other specs register many users from 127.0.0.1.
    const limited = await startTestApp({ TRUST_PROXY: '1', RATE_LIMIT_REGISTER_PER_IP: '2' });
    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token } }`;
    const from = async () =>
      (
        await fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ query: REGISTER, variables: { input: { email: `${uniq('r')}@example.vn`, password: PASSWORD, displayName: 'Giới hạn' } } }),
        })
      ).json() as Promise<{ errors?: { extensions: { code: string } }[] }>;
    try {
      expect((await from()).errors).toBeUndefined();
      expect((await from()).errors).toBeUndefined();
      expect((await from()).errors?.[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('message rate limit', () => {
  it('answers RATE_LIMITED when one account sends messages too fast', async () => {
    const limited = await startTestApp({ RATE_LIMIT_MESSAGES_PER_ACCOUNT: '3' });
    try {
      const c = new Client(limited.url);
      const { publishListing } = await import('./support/listings.js');
      const seller = await registerUser(c);
      const buyer = await registerUser(c);
      const sellerOrg = (await seller.client.ok(`mutation { createOrganization(input: {name: "Viện Bán ${uniq('')}", kind: RESEARCH_INSTITUTE, provinceCode: "hue"}) { id } }`)).createOrganization;
      const listing = await publishListing(c, seller.client, { kind: 'OFFER', organizationId: sellerOrg.id });
      const buyerOrg = (await buyer.client.ok(`mutation { createOrganization(input: {name: "Công ty Mua ${uniq('')}", kind: ENTERPRISE, provinceCode: "hue"}) { id } }`)).createOrganization;
      const interest = (
        await buyer.client.ok(`mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Chúng tôi quan tâm.") { id } }`, { l: listing.id, o: buyerOrg.id })
      ).expressInterest;
      const SEND = `mutation($i: ID!, $b: String!) { sendMessage(interestId: $i, body: $b) { id } }`;
      for (let i = 0; i < 3; i++) await buyer.client.ok(SEND, { i: interest.id, b: `Tin nhắn ${i}` });
      expect((await buyer.client.error(SEND, { i: interest.id, b: 'Một tin nữa' })).code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
