// Test set-up through the API (for tests about pages, not journeys): users, organisations,
// published listings. Journeys do all of this through the pages instead.
import { PASSWORD, uniq } from './harness.mjs';
import { freshCode } from './totp.mjs';

export async function apiUser(t, name = 'Người dùng thử') {
  const email = `${uniq('api')}@example.vn`;
  const { register } = await t.gql(`mutation($i: RegisterInput!) { register(input: $i) { token user { id } } }`, { i: { email, password: PASSWORD, displayName: name } });
  return { email, password: PASSWORD, token: register.token, id: register.user.id };
}

export async function apiOrganization(t, token, { name = `Công ty Thử ${uniq('')}`, kind = 'ENTERPRISE', provinceCode = 'ha-noi' } = {}) {
  const { createOrganization } = await t.gql(`mutation($i: OrganizationInput!) { createOrganization(input: $i) { id slug name } }`, { i: { name, kind, provinceCode } }, token);
  return createOrganization;
}

let adminSession = null;

/** The tests' admin's token: password, then a code of its authenticator (signed in once per run). */
export async function adminToken(t) {
  adminSession ??= (async () => {
    const res = await fetch(`${t.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, variables: { e: t.admin.email, p: t.admin.password } }),
    });
    const body = await res.json();
    if (body.data?.login) return body.data.login.token;
    const challenge = body.errors?.[0]?.extensions?.challenge;
    if (!challenge) throw new Error(`the admin could not sign in: ${JSON.stringify(body.errors)}`);
    const { completeLogin } = await t.gql(`mutation($c: String!, $code: String!) { completeLogin(challenge: $c, code: $code) { token } }`, { c: challenge, code: await freshCode(t.admin.totpSecret) });
    return completeLogin.token;
  })();
  adminSession.catch(() => (adminSession = null));
  return adminSession;
}

/** A listing created, submitted and approved (by the admin, who moderates everywhere). */
export async function apiPublishedListing(t, token, organizationId, input) {
  const { createListing } = await t.gql(`mutation($i: ListingInput!) { createListing(input: $i) { id slug } }`, { i: { organizationId, currency: 'VND', negotiable: true, ...input } }, token);
  await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: createListing.id }, token);
  await t.gql(`mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id status } }`, { id: createListing.id }, await adminToken(t));
  return createListing;
}
