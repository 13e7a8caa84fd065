import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, PASSWORD, activate, adminClient, enrolSecondFactor, loginClient, registerUser, uniq } from './support/graphql.js';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id email displayName roles } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }`;
const ME = `{ me { id email roles moderatedProvinces { code name } } }`;

let t: TestApp;
let base: Client;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
});
afterAll(() => t.close());

describe('register and login', () => {
  it('registers, activates by the e-mailed link (no session before), and logs in again', async () => {
    const email = `${uniq('lan')}@Example.VN`;
    const reg = await base.ok(REGISTER, { input: { email, password: PASSWORD, displayName: 'Nguyễn Thị Lan' } });
    expect(reg.register.token).toBe('');
    expect(reg.register.user.email).toBe(email.toLowerCase());
    expect(reg.register.user.roles).toEqual(['MEMBER']);
    const activated = await activate(base, email.toLowerCase());
    const me = await activated.client.ok(ME);
    expect(me.me.id).toBe(activated.id);
    const login = await base.ok(LOGIN, { e: email.toUpperCase(), p: PASSWORD });
    expect(login.login.user.id).toBe(activated.id);
  });

  it('refuses weak passwords: too short, or the e-mail itself', async () => {
    const email = `${uniq('weak')}@example.vn`;
    const short = await base.error(REGISTER, { input: { email, password: 'short1', displayName: 'Yếu' } });
    expect(short.code).toBe('BAD_USER_INPUT');
    expect(short.fields?.['input.password']).toMatch(/10/);
    const same = await base.error(REGISTER, { input: { email, password: email, displayName: 'Yếu' } });
    expect(same.code).toBe('BAD_USER_INPUT');
    expect(same.fields?.['input.password']).toBeDefined();
  });

  it('does not tell a wrong password from an unknown e-mail', async () => {
    const { email } = await registerUser(base);
    const wrong = await base.error(LOGIN, { e: email, p: 'wrong-password-123' });
    const unknown = await base.error(LOGIN, { e: `${uniq('nobody')}@example.vn`, p: 'wrong-password-123' });
    expect(wrong.code).toBe('UNAUTHENTICATED');
    expect(unknown).toEqual(wrong);
  });

  it('stores the password as an argon2id hash', async () => {
    const { id } = await registerUser(base);
    const [user] = await t.app.get(DataSource).query(`SELECT password_hash FROM app_user WHERE id = $1`, [id]);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('treats an expired or forged token as anonymous', async () => {
    const short = await startTestApp({ JWT_TTL: '3s' });
    try {
      const c = new Client(short.url);
      const { client: authed } = await registerUser(c, 'Hết hạn');
      expect((await authed.ok(ME)).me).not.toBeNull();
      await new Promise((r) => setTimeout(r, 3100));
      expect((await authed.ok(ME)).me).toBeNull();
      expect((await authed.error(`mutation { createOrganization(input: {name: "Tổ chức X", kind: OTHER, provinceCode: "hue"}) { id } }`)).code).toBe('UNAUTHENTICATED');
      expect((await c.as(authed.token!.slice(0, -3) + 'abc').ok(ME)).me).toBeNull();
    } finally {
      await short.close();
    }
  });
});

describe('logout', () => {
  const LOGOUT = `mutation { logout }`;

  it('revokes the token that logs out, and only that one', async () => {
    const { client: phone, email, id } = await registerUser(base, 'Đăng xuất');
    const laptop = base.as((await base.ok(LOGIN, { e: email, p: PASSWORD })).login.token);
    expect((await phone.ok(LOGOUT)).logout).toBe(true);
    // The phone's token is refused from now on, as if it had expired…
    expect((await phone.ok(ME)).me).toBeNull();
    expect((await phone.error(`mutation { createOrganization(input: {name: "Tổ chức Y", kind: OTHER, provinceCode: "hue"}) { id } }`)).code).toBe('UNAUTHENTICATED');
    expect((await phone.ok(LOGOUT)).logout).toBe(false);
    // …while the laptop's session goes on, and a new log-in works.
    expect((await laptop.ok(ME)).me.id).toBe(id);
    const again = base.as((await base.ok(LOGIN, { e: email, p: PASSWORD })).login.token);
    expect((await again.ok(ME)).me.id).toBe(id);
  });

  it('answers false to a visitor without a session', async () => {
    expect((await base.ok(LOGOUT)).logout).toBe(false);
    const { client, id } = await registerUser(base, 'Dọn dẹp');
    expect((await client.ok(LOGOUT)).logout).toBe(true);
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`, [id]);
    expect(n).toBe(0);
  });
});

describe('roles', () => {
  const SET_ROLES = `mutation($id: ID!, $roles: [Role!]!, $codes: [String!]) { setUserRoles(userId: $id, roles: $roles, moderatedProvinceCodes: $codes) { id roles moderatedProvinces { code } } }`;

  it('lets only admins grant roles', async () => {
    const member = await registerUser(base);
    const other = await registerUser(base);
    expect((await member.client.error(SET_ROLES, { id: other.id, roles: ['MODERATOR'] })).code).toBe('FORBIDDEN');
    expect((await base.error(SET_ROLES, { id: other.id, roles: ['MODERATOR'] })).code).toBe('UNAUTHENTICATED');
  });

  it('grants MODERATOR with a jurisdiction, signing the account out so it comes back with the role, and takes it away at once', async () => {
    const admin = await adminClient(base);
    const user = await registerUser(base);
    const granted = await admin.ok(SET_ROLES, { id: user.id, roles: ['MODERATOR'], codes: ['tay-ninh', 'can-tho'] });
    expect(granted.setUserRoles.roles.sort()).toEqual(['MEMBER', 'MODERATOR']);
    expect(granted.setUserRoles.moderatedProvinces.map((p: { code: string }) => p.code).sort()).toEqual(['can-tho', 'tay-ninh']);
    // A role change ends the account's sessions: the old token is refused, a new log-in has the role.
    expect((await user.client.ok(ME)).me).toBeNull();
    const moderator = await loginClient(base, user.email);
    expect((await moderator.ok(ME)).me.roles).toContain('MODERATOR');
    // After the role is withdrawn, moderator-only operations are refused at once.
    const QUEUE = `{ organizationsForReview { totalItems } }`;
    const { secret } = await enrolSecondFactor(moderator); // staff roles act only with a second factor
    await moderator.ok(QUEUE);
    await admin.ok(SET_ROLES, { id: user.id, roles: [] });
    expect((await moderator.error(QUEUE)).code).toBe('UNAUTHENTICATED');
    expect((await (await loginClient(base, user.email, PASSWORD, secret)).error(QUEUE)).code).toBe('FORBIDDEN');
  });

  it('rejects unknown province codes in a jurisdiction, naming the field', async () => {
    const admin = await adminClient(base);
    const user = await registerUser(base);
    const err = await admin.error(SET_ROLES, { id: user.id, roles: ['MODERATOR'], codes: ['atlantis'] });
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(err.fields ?? {})).toEqual(['moderatedProvinceCodes']);
  });

  it('disabling an account stops its token on the next request', async () => {
    const admin = await adminClient(base);
    const user = await registerUser(base);
    expect((await user.client.ok(ME)).me).not.toBeNull();
    await admin.ok(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`, { id: user.id });
    expect((await user.client.ok(ME)).me).toBeNull();
    // With the right password it says the account is disabled and whom to ask; a wrong one says nothing of it.
    const right = await base.inLang('en').error(LOGIN, { e: user.email, p: PASSWORD });
    expect(right.code).toBe('UNAUTHENTICATED');
    expect(right.message).toMatch(/disabled/);
    const wrong = await base.inLang('en').error(LOGIN, { e: user.email, p: 'Not-The-Password-1' });
    expect(wrong.message).toBe('Wrong e-mail or password.');
  });

  it('shows a user’s e-mail only to themself and admins', async () => {
    const a = await registerUser(base);
    const b = await registerUser(base);
    const org = await a.client.ok(`mutation { createOrganization(input: {name: "Hợp tác xã ${uniq('')}", kind: OTHER, provinceCode: "hue"}) { id } }`);
    const Q = `query($id: ID) { organization(id: $id) { members { user { id email } } } }`;
    const asOwner = await a.client.ok(Q, { id: org.createOrganization.id });
    expect(asOwner.organization.members[0].user.email).toBe(a.email);
    const asOther = await b.client.ok(Q, { id: org.createOrganization.id });
    expect(asOther.organization.members).toEqual([]);
  });
});

describe('validation errors in the request language', () => {
  it('names each offending field, in Vietnamese by default and in English on request', async () => {
    const input = { email: 'not-an-email', password: 'x', displayName: '' };
    const vi = await base.error(REGISTER, { input });
    const en = await base.inLang('en').error(REGISTER, { input });
    for (const e of [vi, en]) {
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(e.fields ?? {}).sort()).toEqual(['input.displayName', 'input.email', 'input.password']);
    }
    expect(vi.fields?.['input.email']).toBe('Địa chỉ e-mail không hợp lệ.');
    expect(en.fields?.['input.email']).toBe('Not a valid e-mail address.');
    expect(vi.message).not.toBe(en.message);
  });

  it('reports a wrongly typed variable with the field path', async () => {
    const res = await base.request(REGISTER, { input: { email: 42, password: PASSWORD, displayName: 'Kiểu sai' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(res.errors?.[0].extensions?.fields ?? {})).toContain('input.email');
  });
});
