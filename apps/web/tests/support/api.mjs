// Test set-up through the API (for tests about pages, not journeys): users, organisations,
// published listings. Journeys do all of this through the pages instead.
import { PASSWORD, uniq } from './harness.mjs';
import { freshCode } from './totp.mjs';

/** The secret of an e-mailed link ("/activate/<secret>?lang=en": the English part's link asks for English pages). */
function secretOf(link, prefix) {
  return decodeURIComponent(new URL(link, 'http://localhost').pathname.slice(prefix.length));
}

/** A user registered through the API and activated from the e-mailed link: { email, password, token, id }. */
export async function apiUser(t, name = 'Người dùng thử') {
  const email = `${uniq('api')}@example.vn`;
  await t.gql(`mutation($i: RegisterInput!) { register(input: $i) { token user { id } } }`, { i: { email, password: PASSWORD, displayName: name } });
  const link = await t.linkFromMail(email, '/activate/');
  const { activateAccount } = await t.gql(`mutation($t: String!) { activateAccount(token: $t) { token user { id } } }`, { t: secretOf(link, '/activate/') });
  return { email, password: PASSWORD, token: activateAccount.token, id: activateAccount.user.id };
}

/** The owner invites the user to the organisation and the user accepts from the e-mailed link. */
export async function apiAddMember(t, ownerToken, organizationId, user) {
  await t.gql(`mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e) { id } }`, { o: organizationId, e: user.email }, ownerToken);
  const link = await t.linkFromMail(user.email, '/invitations/');
  await t.gql(`mutation($t: String!) { acceptOrganizationInvitation(token: $t) { role } }`, { t: secretOf(link, '/invitations/') }, user.token);
}

export async function apiOrganization(t, token, { name = `Công ty Thử ${uniq('')}`, kind = 'ENTERPRISE', provinceCode = 'ha-noi' } = {}) {
  const { createOrganization } = await t.gql(`mutation($i: OrganizationInput!) { createOrganization(input: $i) { id slug name } }`, { i: { name, kind, provinceCode } }, token);
  return createOrganization;
}

// The admin's session on each API (one per lane of the browser tests).
const adminSessions = new Map();

/** The tests' admin's token: password, then a code of its authenticator (signed in once per run and API). */
export async function adminToken(t) {
  if (!adminSessions.has(t.apiUrl)) adminSessions.set(t.apiUrl, (async () => {
    const res = await fetch(`${t.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, variables: { e: t.admin.email, p: t.admin.password } }),
    });
    const body = await res.json();
    if (body.data?.login) return body.data.login.token;
    const challenge = body.errors?.[0]?.extensions?.challenge;
    if (!challenge) throw new Error(`the admin could not sign in: ${JSON.stringify(body.errors)}`);
    const { completeLogin } = await t.gql(`mutation($c: String!, $code: String!) { completeLogin(challenge: $c, code: $code) { token } }`, { c: challenge, code: await freshCode(t.admin.totpSecret, t.apiUrl) });
    return completeLogin.token;
  })());
  const session = adminSessions.get(t.apiUrl);
  session.catch(() => adminSessions.delete(t.apiUrl));
  return session;
}

/**
 * Uploads a file to an owner (a listing, an organisation…) as its member would: asks for an upload
 * address, then POSTs the bytes to it. Answers the attachment ({ id, kind, width, height… }).
 */
export async function apiUpload(t, token, ownerKind, ownerId, fileName, buffer) {
  const { requestAttachmentUpload } = await t.gql(`mutation($i: AttachmentUploadInput!) { requestAttachmentUpload(input: $i) { url } }`, { i: { ownerKind, ownerId } }, token);
  const res = await fetch(`${t.apiUrl}${requestAttachmentUpload.url}?name=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: buffer,
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`upload of ${fileName}: ${res.status} ${JSON.stringify(body)}`);
  return body.data.attachment;
}

/** A draft listing of the organisation ({ id, slug }): `input` is ListingInput without the organisation. */
export async function apiDraftListing(t, token, organizationId, input) {
  const { createListing } = await t.gql(`mutation($i: ListingInput!) { createListing(input: $i) { id slug } }`, { i: { organizationId, currency: 'VND', negotiable: true, ...input } }, token);
  return createListing;
}

/**
 * A listing created, submitted and approved (by the admin, who moderates everywhere); `picture`
 * (a JPEG/PNG buffer) is uploaded to the draft first and so becomes its public cover.
 */
export async function apiPublishedListing(t, token, organizationId, input, { picture } = {}) {
  const createListing = await apiDraftListing(t, token, organizationId, input);
  if (picture) await apiUpload(t, token, 'LISTING', createListing.id, 'anh-bia.jpg', picture);
  await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: createListing.id }, token);
  await t.gql(`mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id status } }`, { id: createListing.id }, await adminToken(t));
  return createListing;
}

/** Signs the user in again (a role change ends the account's sessions) and keeps the new token on it. */
export async function apiRelogin(t, user) {
  const { login } = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: user.email, p: user.password });
  user.token = login.token;
  return user;
}

/**
 * Turns on two-step verification for the user through the API (staff roles act only with it) and
 * keeps the authenticator's secret on it as `secret`, for login(t, page, email, password, next, secret).
 */
export async function apiEnrolSecondFactor(t, user) {
  const { startSecondFactorEnrolment } = await t.gql(`mutation { startSecondFactorEnrolment { secret } }`, {}, user.token);
  user.secret = startSecondFactorEnrolment.secret;
  await t.gql(`mutation($code: String!) { confirmSecondFactorEnrolment(code: $code) { codes } }`, { code: await freshCode(user.secret, t.apiUrl) }, user.token);
  return user;
}
