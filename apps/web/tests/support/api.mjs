// Test set-up through the API (for tests about pages, not journeys): users, organisations,
// published listings. Journeys do all of this through the pages instead.
import { PASSWORD, uniq } from './harness.mjs';

export async function apiUser(t, name = 'Người dùng thử') {
  const email = `${uniq('api')}@example.vn`;
  const { register } = await t.gql(`mutation($i: RegisterInput!) { register(input: $i) { token user { id } } }`, { i: { email, password: PASSWORD, displayName: name } });
  return { email, password: PASSWORD, token: register.token, id: register.user.id };
}

export async function apiOrganization(t, token, { name = `Công ty Thử ${uniq('')}`, kind = 'ENTERPRISE', provinceCode = 'ha-noi' } = {}) {
  const { createOrganization } = await t.gql(`mutation($i: OrganizationInput!) { createOrganization(input: $i) { id slug name } }`, { i: { name, kind, provinceCode } }, token);
  return createOrganization;
}

export async function adminToken(t) {
  const { login } = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: t.admin.email, p: t.admin.password });
  return login.token;
}

/** A listing created, submitted and approved (by the admin, who moderates everywhere). */
export async function apiPublishedListing(t, token, organizationId, input) {
  const { createListing } = await t.gql(`mutation($i: ListingInput!) { createListing(input: $i) { id slug } }`, { i: { organizationId, currency: 'VND', negotiable: true, ...input } }, token);
  await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: createListing.id }, token);
  await t.gql(`mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id status } }`, { id: createListing.id }, await adminToken(t));
  return createListing;
}
