import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { secretFromMail } from './mailbox.js';
import { generate } from 'otplib';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: Record<string, string>; reason?: string; challenge?: string }; path?: string[] }[];
}

/** A GraphQL client over HTTP with an optional bearer token and language. */
export class Client {
  constructor(
    readonly baseUrl: string,
    public token: string | null = null,
    public lang: 'vi' | 'en' = 'vi',
  ) {}

  async request<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': this.lang,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: GqlResponse['errors'] };
    return { status: res.status, data: body.data ?? null, errors: body.errors };
  }

  /** Like request, but fails the test on any error. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
    return res.data as T;
  }

  /** The first error's code (and fields), failing the test if the call succeeded. */
  async error(query: string, variables: Record<string, unknown> = {}): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
    const res = await this.request(query, variables);
    if (!res.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(res.data)}`);
    const e = res.errors[0];
    return { code: e.extensions?.code ?? '', message: e.message, fields: e.extensions?.fields };
  }

  as(token: string | null): Client {
    return new Client(this.baseUrl, token, this.lang);
  }

  inLang(lang: 'vi' | 'en'): Client {
    return new Client(this.baseUrl, this.token, lang);
  }
}

export const uniq = (prefix = 'u') => `${prefix}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

export const PASSWORD = 'Correct-Horse-9';

/** Sessions of the users registered by this spec file, by e-mail (addMember accepts invitations with them). */
const sessions = new Map<string, Client>();

export function sessionOf(email: string): Client | undefined {
  return sessions.get(email.toLowerCase());
}

/**
 * Registers a fresh user the way a person does: register, open the activation link the API
 * e-mails (read from the app's mail outbox), and returns a client logged in as them.
 */
export async function registerUser(base: Client, name = 'Người dùng thử'): Promise<{ client: Client; id: string; email: string }> {
  const email = `${uniq('user')}@example.vn`;
  await base.ok(`mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`, { input: { email, password: PASSWORD, displayName: name } });
  const { client, id } = await activate(base, email);
  return { client, id, email };
}

/** Opens the newest activation link e-mailed to the address; returns the session it answers. */
export async function activate(base: Client, email: string): Promise<{ client: Client; id: string }> {
  const secret = await secretFromMail(base.baseUrl, email, '/activate/');
  const data = await base.ok<{ activateAccount: { token: string; user: { id: string } } }>(
    `mutation($t: String!) { activateAccount(token: $t) { token user { id } } }`,
    { t: secret },
  );
  const client = base.as(data.activateAccount.token);
  sessions.set(email.toLowerCase(), client);
  return { client, id: data.activateAccount.user.id };
}

/**
 * The owner invites an address to the organisation and the invitee, registered by this spec,
 * accepts from the e-mailed link: a member from then on.
 */
export async function addMember(owner: Client, organizationId: string, email: string, role: 'MEMBER' | 'OWNER' = 'MEMBER'): Promise<void> {
  await owner.ok(`mutation($o: ID!, $e: String!, $r: String!) { addOrganizationMember(organizationId: $o, email: $e, role: $r) { id } }`, { o: organizationId, e: email, r: role });
  const invitee = sessionOf(email);
  if (!invitee) throw new Error(`addMember: ${email} was not registered with registerUser in this spec`);
  const secret = await secretFromMail(owner.baseUrl, email, '/invitations/');
  await invitee.ok(`mutation($t: String!) { acceptOrganizationInvitation(token: $t) { role } }`, { t: secret });
}

/** Creates an organisation owned by the client's user. */
export async function createOrganization(client: Client, input: Partial<{ name: string; kind: string; provinceCode: string }> = {}): Promise<{ id: string; slug: string }> {
  const data = await client.ok<{ createOrganization: { id: string; slug: string } }>(
    `mutation($input: OrganizationInput!) { createOrganization(input: $input) { id slug } }`,
    { input: { name: input.name ?? `Công ty Thử nghiệm ${uniq('')}`, kind: input.kind ?? 'ENTERPRISE', provinceCode: input.provinceCode ?? 'ha-noi' } },
  );
  return data.createOrganization;
}

/** `login`'s answer for an account with two-step verification: the challenge for `completeLogin`. */
export const SECOND_FACTOR_CODE_REQUIRED = 'SECOND_FACTOR_CODE_REQUIRED';

/** The current TOTP code of a Base32 secret (what the authenticator app shows), `stepsAhead` steps later. */
export async function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

/**
 * Signs in with password and then, when the account has a second factor, with a code computed
 * from its secret. A code is accepted once (replay protection) and parallel spec files sign the
 * same admin in: when both the current and the next step's code were used already, this waits
 * for the next step.
 */
export async function signIn(base: Client, email: string, password: string, secret: string | null): Promise<string> {
  for (let round = 0; round < 4; round++) {
    const res = await base.request<{ login: { token: string } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password });
    if (res.data?.login) return res.data.login.token;
    const ext = res.errors?.[0]?.extensions as { reason?: string; challenge?: string } | undefined;
    if (ext?.reason !== SECOND_FACTOR_CODE_REQUIRED || !ext.challenge || !secret) throw new Error(`could not sign in as ${email}: ${JSON.stringify(res.errors)}`);
    for (const ahead of [0, 1]) {
      const done = await base.request<{ completeLogin: { token: string } }>(`mutation($c: String!, $code: String!) { completeLogin(challenge: $c, code: $code) { token } }`, {
        c: ext.challenge,
        code: await totpCode(secret, ahead),
      });
      if (done.data?.completeLogin) return done.data.completeLogin.token;
      if (done.errors?.[0]?.extensions?.code !== 'BAD_USER_INPUT') throw new Error(`second step failed for ${email}: ${JSON.stringify(done.errors)}`);
    }
    await new Promise((r) => setTimeout(r, (30 - (Math.floor(Date.now() / 1000) % 30)) * 1000 + 200));
  }
  throw new Error(`could not sign in as ${email}: every code was taken`);
}

/** The tests' admin's session per API address: one sign-in per spec file and app, not one per call. */
const adminTokens = new Map<string, Promise<string>>();

/** Which database each test app (by its address) runs on: apps on one database share sessions. */
export const appDatabases = new Map<string, string>();

/**
 * Where the admin's token for one database is kept between spec files. Replay protection accepts
 * one code per 30-second step per account, so parallel spec files that each signed the admin in
 * would queue for codes (minutes in all); they share one session instead, checked before use.
 */
function adminTokenFile(baseUrl: string): string | null {
  const database = appDatabases.get(baseUrl);
  if (!database) return null;
  const u = new URL(database);
  return join(tmpdir(), 'techport-test-admin', `${u.port || '5432'}-${u.pathname.slice(1)}.token`);
}

async function sharedAdminToken(base: Client): Promise<string> {
  const file = adminTokenFile(base.baseUrl);
  if (file && existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    const me = await base.as(token).request<{ me: { id: string } | null }>(`{ me { id } }`);
    if (me.data?.me) return token;
  }
  const token = await signIn(base, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!, process.env.ADMIN_TOTP_SECRET ?? null);
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, token);
  }
  return token;
}

/** A client logged in as the admin that the app creates at start-up (ADMIN_EMAIL/ADMIN_PASSWORD, enrolled with ADMIN_TOTP_SECRET). */
export async function adminClient(base: Client): Promise<Client> {
  let token = adminTokens.get(base.baseUrl);
  if (!token) {
    token = sharedAdminToken(base);
    adminTokens.set(base.baseUrl, token);
    token.catch(() => adminTokens.delete(base.baseUrl));
  }
  return base.as(await token);
}

/**
 * Enrols the client's account in two-step verification as a person would: starts enrolment,
 * computes the code from the secret shown, confirms. Returns the secret and the recovery codes.
 */
export async function enrolSecondFactor(client: Client): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await client.ok<{ startSecondFactorEnrolment: { secret: string } }>(`mutation { startSecondFactorEnrolment { secret } }`);
  const secret = started.startSecondFactorEnrolment.secret;
  const confirmed = await client.ok<{ confirmSecondFactorEnrolment: { codes: string[] } }>(`mutation($code: String!) { confirmSecondFactorEnrolment(code: $code) { codes } }`, {
    code: await totpCode(secret),
  });
  return { secret, recoveryCodes: confirmed.confirmSecondFactorEnrolment.codes };
}

/**
 * A fresh user made moderator of the given provinces ([] = the explicit nationwide grant) by the
 * admin, logged in again (a role change ends the account's sessions), with an authenticator
 * enrolled (staff roles act only with a second factor).
 */
export async function registerModerator(base: Client, provinceCodes: string[]): Promise<{ client: Client; id: string; email: string; secret: string }> {
  const user = await registerUser(base, 'Cán bộ Sở KH&CN');
  const admin = await adminClient(base);
  await admin.ok(`mutation($id: ID!, $codes: [String!], $all: Boolean) { setUserRoles(userId: $id, roles: [MODERATOR], moderatedProvinceCodes: $codes, allProvinces: $all) { id } }`, {
    id: user.id,
    codes: provinceCodes,
    all: provinceCodes.length === 0,
  });
  const client = await loginClient(base, user.email);
  // The session activation opened has ended: addMember must accept invitations with this one.
  sessions.set(user.email.toLowerCase(), client);
  const { secret } = await enrolSecondFactor(client);
  return { client, id: user.id, email: user.email, secret };
}

/** A client freshly logged in as an account registered with PASSWORD (with its TOTP secret when it has a second factor). */
export async function loginClient(base: Client, email: string, password = PASSWORD, secret: string | null = null): Promise<Client> {
  const client = base.as(await signIn(base, email, password, secret));
  sessions.set(email.toLowerCase(), client); // the newest session: an older one may have been ended (a role change)
  return client;
}
