import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { startTestApp, type TestApp } from './support/app.js';
import { isolatedDatabase, type IsolatedDatabase } from './support/database.js';
import { Client, PASSWORD, activate, adminClient, enrolSecondFactor, registerUser, uniq } from './support/graphql.js';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }`;
const ME = `{ me { id } }`;
const SESSIONS = `{ mySessions { id current browser os userAgent ipAddress createdAt lastSeenAt expiresAt } }`;
const END = `mutation($id: ID!) { endSession(id: $id) }`;
const END_ALL = `mutation($keep: Boolean) { endAllSessions(keepCurrent: $keep) }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const SET_ROLES = `mutation($id: ID!, $roles: [Role!]!, $codes: [String!]) { setUserRoles(userId: $id, roles: $roles, moderatedProvinceCodes: $codes) { id roles } }`;
const END_USER = `mutation($id: ID!) { endUserSessions(userId: $id) }`;
const SET_DISABLED = `mutation($id: ID!, $d: Boolean!) { setUserDisabled(userId: $id, disabled: $d) { id disabled } }`;

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1';

/** A raw GraphQL call with the headers the storefront's server sends (its visitor's User-Agent and address). */
async function gql(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data: any; errors?: { extensions?: { code?: string } }[] };
}

async function loginAs(url: string, email: string, headers: Record<string, string> = {}): Promise<string> {
  const body = await gql(url, LOGIN, { e: email, p: PASSWORD }, headers);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.login.token;
}

let t: TestApp;
let base: Client;
let ds: DataSource;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
  ds = t.app.get(DataSource);
});
afterAll(() => t.close());

describe('sessions a user can see and end', () => {
  it('lists the account’s sessions with device, address and times, the current one marked', async () => {
    const user = await registerUser(base);
    const laptop = base.as(await loginAs(t.url, user.email, { 'user-agent': CHROME_WINDOWS }));
    const phone = base.as(await loginAs(t.url, user.email, { 'user-agent': SAFARI_IPHONE }));
    const { mySessions } = await laptop.ok(SESSIONS);
    expect(mySessions).toHaveLength(3); // registration, laptop, phone
    const current = mySessions.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(mySessions[0].current).toBe(true); // listed first
    expect(current[0]).toMatchObject({ browser: 'Chrome 120', os: 'Windows 10', userAgent: CHROME_WINDOWS, ipAddress: '127.0.0.1' });
    expect(mySessions.find((s: { browser: string }) => s.browser === 'Safari 17.1')).toMatchObject({ os: 'iOS 17.1', current: false });
    for (const s of mySessions) {
      expect(Date.parse(s.expiresAt)).toBeGreaterThan(Date.parse(s.createdAt));
      expect(Date.parse(s.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(s.createdAt));
    }
    // The phone sees the same sessions, with itself marked.
    const fromPhone = (await phone.ok(SESSIONS)).mySessions;
    expect(fromPhone.find((s: { current: boolean }) => s.current).browser).toBe('Safari 17.1');
    // Someone else sees only their own; a visitor is asked to log in.
    expect((await (await registerUser(base)).client.ok(SESSIONS)).mySessions).toHaveLength(1);
    expect((await base.error(SESSIONS)).code).toBe('UNAUTHENTICATED');
  });

  it('ends one session: its token is refused at once, the others go on', async () => {
    const user = await registerUser(base);
    const laptop = base.as(await loginAs(t.url, user.email));
    const phone = base.as(await loginAs(t.url, user.email));
    const phoneId = (await phone.ok(SESSIONS)).mySessions.find((s: { current: boolean }) => s.current).id;
    expect((await laptop.ok(END, { id: phoneId })).endSession).toBe(true);
    expect((await phone.ok(ME)).me).toBeNull();
    expect((await phone.error(SESSIONS)).code).toBe('UNAUTHENTICATED');
    expect((await laptop.ok(ME)).me.id).toBe(user.id);
    expect((await laptop.ok(SESSIONS)).mySessions.map((s: { id: string }) => s.id)).not.toContain(phoneId);
    // Ended already, someone else's, or not an id at all.
    expect((await laptop.error(END, { id: phoneId })).code).toBe('NOT_FOUND');
    const stranger = await registerUser(base);
    expect((await stranger.client.error(END, { id: (await laptop.ok(SESSIONS)).mySessions[0].id })).code).toBe('NOT_FOUND');
    expect((await laptop.ok(ME)).me.id).toBe(user.id);
    const bad = await laptop.error(END, { id: 'nope' });
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.fields ?? {})).toEqual(['id']);
  });

  it('signs out everywhere, or everywhere but here', async () => {
    const user = await registerUser(base);
    const a = base.as(await loginAs(t.url, user.email));
    const b = base.as(await loginAs(t.url, user.email));
    expect((await a.ok(END_ALL, { keep: true })).endAllSessions).toBe(2);
    expect((await a.ok(ME)).me.id).toBe(user.id);
    expect((await b.ok(ME)).me).toBeNull();
    expect((await user.client.ok(ME)).me).toBeNull();
    const c = base.as(await loginAs(t.url, user.email));
    expect((await c.ok(END_ALL)).endAllSessions).toBe(2);
    expect((await a.ok(ME)).me).toBeNull();
    expect((await c.ok(ME)).me).toBeNull();
    expect(await ds.query(`SELECT id FROM user_session WHERE user_id = $1`, [user.id])).toEqual([]);
  });

  it('logout ends the session row; sessions of expired tokens are forgotten at the next sign-in', async () => {
    const user = await registerUser(base);
    const [{ n: before }] = await ds.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`, [user.id]);
    expect(before).toBe(1);
    expect((await user.client.ok(`mutation { logout }`)).logout).toBe(true);
    expect((await user.client.ok(ME)).me).toBeNull();
    expect((await user.client.ok(`mutation { logout }`)).logout).toBe(false);
    const [{ n: after }] = await ds.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`, [user.id]);
    expect(after).toBe(0);
    await ds.query(`UPDATE user_session SET expires_at = now() - interval '1 minute' WHERE id = (SELECT id FROM user_session WHERE user_id = $1 LIMIT 1)`, [
      (await registerUser(base)).id,
    ]);
    await loginAs(t.url, user.email);
    expect((await ds.query(`SELECT count(*)::int AS n FROM user_session WHERE expires_at < now()`))[0].n).toBe(0);
  });

  it('records last-seen at most once a minute, with the latest address and browser', async () => {
    const clock = t.app.get(Clock);
    const user = await registerUser(base);
    const token = await loginAs(t.url, user.email, { 'user-agent': CHROME_WINDOWS });
    const id = (await base.as(token).ok(SESSIONS)).mySessions.find((s: { current: boolean }) => s.current).id;
    const seen = async () => (await ds.query(`SELECT last_seen_at, user_agent FROM user_session WHERE id = $1`, [id]))[0];
    const first = await seen();
    await gql(t.url, ME, {}, { authorization: `Bearer ${token}`, 'user-agent': SAFARI_IPHONE });
    expect(await seen()).toEqual(first); // within the minute: no write
    clock.advance(61_000);
    try {
      await gql(t.url, ME, {}, { authorization: `Bearer ${token}`, 'user-agent': SAFARI_IPHONE });
      const later = await seen();
      expect(later.last_seen_at.getTime()).toBeGreaterThanOrEqual(first.last_seen_at.getTime() + 60_000);
      expect(later.user_agent).toBe(SAFARI_IPHONE);
      // The account's last activity moves with it (what admins see in the accounts list).
      const [account] = await ds.query(`SELECT last_active_at FROM app_user WHERE id = $1`, [user.id]);
      expect(account.last_active_at).toEqual(later.last_seen_at);
    } finally {
      clock.reset();
    }
  });

  it('refuses a token whose session row is gone (as after this change, tokens issued before it)', async () => {
    const user = await registerUser(base);
    await ds.query(`DELETE FROM user_session WHERE user_id = $1`, [user.id]);
    expect((await user.client.ok(ME)).me).toBeNull();
  });
});

describe('the address of a session behind the storefront', () => {
  it('records the visitor’s address the storefront forwards, when the API trusts it (TRUST_PROXY)', async () => {
    const proxied = await startTestApp({ TRUST_PROXY: '1' });
    try {
      const user = await registerUser(new Client(proxied.url));
      const token = await loginAs(proxied.url, user.email, { 'x-forwarded-for': '203.113.0.7', 'user-agent': CHROME_WINDOWS });
      const body = await gql(proxied.url, SESSIONS, {}, { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.113.0.7' });
      expect(body.data.mySessions.find((s: { current: boolean }) => s.current)).toMatchObject({ ipAddress: '203.113.0.7', browser: 'Chrome 120' });
    } finally {
      await proxied.close();
    }
    // Not trusted (the default): a forwarded address is ignored; the caller's own is recorded.
    const user = await registerUser(base);
    const token = await loginAs(t.url, user.email, { 'x-forwarded-for': '203.113.0.7' });
    expect((await base.as(token).ok(SESSIONS)).mySessions.find((s: { current: boolean }) => s.current).ipAddress).toBe('127.0.0.1');
  });
});

describe('admins ending sessions', () => {
  it('a role change signs the account out everywhere; an unchanged one does not', async () => {
    const admin = await adminClient(base);
    const user = await registerUser(base);
    const other = base.as(await loginAs(t.url, user.email));
    await admin.ok(SET_ROLES, { id: user.id, roles: ['MODERATOR'], codes: ['hue'] });
    expect((await user.client.ok(ME)).me).toBeNull();
    expect((await other.ok(ME)).me).toBeNull();
    const again = base.as(await loginAs(t.url, user.email));
    await admin.ok(SET_ROLES, { id: user.id, roles: ['MODERATOR'], codes: ['hue'] });
    expect((await again.ok(ME)).me.id).toBe(user.id);
    await admin.ok(SET_ROLES, { id: user.id, roles: ['MODERATOR'], codes: ['hue', 'can-tho'] });
    expect((await again.ok(ME)).me).toBeNull();
  });

  it('disabling ends every session (enabling again does not bring them back)', async () => {
    const admin = await adminClient(base);
    const user = await registerUser(base);
    await admin.ok(SET_DISABLED, { id: user.id, d: true });
    expect(await ds.query(`SELECT id FROM user_session WHERE user_id = $1`, [user.id])).toEqual([]);
    await admin.ok(SET_DISABLED, { id: user.id, d: false });
    expect((await user.client.ok(ME)).me).toBeNull();
    expect(await loginAs(t.url, user.email)).toBeTruthy();
  });

  it('an admin signs an account out everywhere without disabling it (audited); not their own, and members may not', async () => {
    const admin = await adminClient(base);
    const user = await registerUser(base);
    const phone = base.as(await loginAs(t.url, user.email));
    expect((await admin.ok(END_USER, { id: user.id })).endUserSessions).toBe(2);
    expect((await user.client.ok(ME)).me).toBeNull();
    expect((await phone.ok(ME)).me).toBeNull();
    // Still enabled: the person signs in again.
    const again = base.as(await loginAs(t.url, user.email));
    expect((await again.ok(ME)).me.id).toBe(user.id);
    const [row] = (
      await admin.ok(`query($f: StaffAuditFilterInput) { staffAuditLog(filter: $f) { items { action targetKind details summary } } }`, {
        f: { action: 'USER_SESSIONS_ENDED', targetId: user.id },
      })
    ).staffAuditLog.items;
    expect(row).toMatchObject({ action: 'USER_SESSIONS_ENDED', targetKind: 'USER' });
    expect(JSON.parse(row.details)).toEqual({ email: user.email, sessionsEnded: 2 });
    // A member may not; an admin's own sessions are ended on their Sessions page.
    expect((await again.error(END_USER, { id: user.id })).code).toBe('FORBIDDEN');
    const { me } = await admin.ok(`{ me { id } }`);
    const own = await admin.inLang('en').error(END_USER, { id: me.id });
    expect(own.code).toBe('BAD_USER_INPUT');
    expect(own.fields?.userId).toMatch(/Sessions page/);
    expect((await admin.ok(`{ me { id } }`)).me.id).toBe(me.id);
  });
});

describe('change password', () => {
  const NEW = 'Another-Battery-42';

  it('needs the current password, ends the other sessions and keeps this one', async () => {
    const user = await registerUser(base);
    const phone = base.as(await loginAs(t.url, user.email));
    const wrong = await user.client.inLang('en').error(CHANGE, { input: { currentPassword: 'not-my-password', newPassword: NEW } });
    expect(wrong.code).toBe('BAD_USER_INPUT');
    expect(wrong.fields).toEqual({ 'input.currentPassword': 'The current password is wrong.' });
    expect((await user.client.error(CHANGE, { input: { currentPassword: 'not-my-password', newPassword: NEW } })).fields?.['input.currentPassword']).toBe(
      'Mật khẩu hiện tại không đúng.',
    );
    expect((await phone.ok(ME)).me.id).toBe(user.id); // nothing changed yet

    expect((await user.client.ok(CHANGE, { input: { currentPassword: PASSWORD, newPassword: NEW } })).changePassword).toBe(true);
    expect((await user.client.ok(ME)).me.id).toBe(user.id);
    expect((await phone.ok(ME)).me).toBeNull();
    expect((await user.client.ok(SESSIONS)).mySessions).toHaveLength(1);
    expect((await base.error(LOGIN, { e: user.email, p: PASSWORD })).code).toBe('UNAUTHENTICATED');
    expect((await base.ok(LOGIN, { e: user.email, p: NEW })).login.user.id).toBe(user.id);
    // The owner is told (in the app and by e-mail), with a link to their sessions.
    const { notifications } = await user.client.inLang('en').ok(`{ notifications { kind title url } }`);
    expect(notifications).toContainEqual({ kind: 'PASSWORD_CHANGED', title: 'Your password was changed', url: '/dashboard/sessions' });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'notification.email' AND payload::text LIKE '%' || $1 || '%'`, [
      (await ds.query(`SELECT id FROM notification WHERE user_id = $1 AND kind = 'PASSWORD_CHANGED'`, [user.id]))[0].id,
    ]);
    expect(n).toBe(1);
  });

  it('applies the password policy to the new one, naming the field', async () => {
    const user = await registerUser(base);
    const short = await user.client.error(CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(short.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(short.fields ?? {})).toEqual(['input.newPassword']);
    const same = await user.client.error(CHANGE, { input: { currentPassword: PASSWORD, newPassword: PASSWORD } });
    expect(Object.keys(same.fields ?? {})).toEqual(['input.newPassword']);
    const email = await user.client.error(CHANGE, { input: { currentPassword: PASSWORD, newPassword: `x${user.email}` } });
    expect(Object.keys(email.fields ?? {})).toEqual(['input.newPassword']);
    expect((await base.error(CHANGE, { input: { currentPassword: PASSWORD, newPassword: NEW } })).code).toBe('UNAUTHENTICATED');
  });
});

describe('admin user search', () => {
  const USERS = `query($q: String) { users(query: $q, page: { pageSize: 100 }) { totalItems items { id displayName } } }`;

  it('finds names whatever the diacritics and letter case', async () => {
    const admin = await adminClient(base);
    const tag = uniq('');
    const a = await registerUser(base, `Nguyễn Văn Đức ${tag}`);
    const b = await registerUser(base, `NGUYEN THI HA ${tag}`);
    const c = await registerUser(base, `Trần Bình ${tag}`);
    const ids = async (q: string) => (await admin.ok(USERS, { q })).users.items.map((u: { id: string }) => u.id);
    // Every word, in any order.
    expect((await ids(`nguyen ${tag}`)).sort()).toEqual([a.id, b.id].sort());
    expect(await ids(`${tag} duc nguyen`)).toEqual([a.id]);
    expect(await ids(`ha thi ${tag}`)).toEqual([b.id]);
    expect(await ids(`nguyen binh ${tag}`)).toEqual([]);
    const found = await ids(`${tag}`);
    expect(found.sort()).toEqual([a.id, b.id, c.id].sort());
    expect(await ids(`nguyễn văn đức ${tag}`)).toEqual([a.id]);
    expect(await ids(`NGUYEN VAN DUC ${tag}`)).toEqual([a.id]);
    expect(await ids(`duc ${tag}`)).toEqual([a.id]);
    expect((await ids(`nguyen`)).filter((id: string) => [a.id, b.id, c.id].includes(id)).sort()).toEqual([a.id, b.id].sort());
    expect(await ids(`tran binh ${tag}`)).toEqual([c.id]);
    expect(await ids(`Nguyễn thị hà ${tag}`)).toEqual([b.id]);
    expect((await ids('%')).length).toBe(0);
    expect(await ids(a.email.toUpperCase())).toEqual([a.id]);
  });

  it('filters by role (MEMBER: no staff role) and by disabled or active', async () => {
    const admin = await adminClient(base);
    const tag = uniq('');
    const plain = await registerUser(base, `Lọc Thành viên ${tag}`);
    const mod = await registerUser(base, `Lọc Kiểm duyệt ${tag}`);
    await admin.ok(`mutation($id: ID!) { setUserRoles(userId: $id, roles: [MODERATOR], moderatedProvinceCodes: ["hue"]) { id } }`, { id: mod.id });
    const off = await registerUser(base, `Lọc Bị khóa ${tag}`);
    await admin.ok(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`, { id: off.id });
    const FILTERED = `query($q: String, $r: Role, $d: Boolean) { users(query: $q, role: $r, disabled: $d, page: { pageSize: 100 }) { totalItems items { id } } }`;
    const ids = async (r: string | null, d: boolean | null) => (await admin.ok(FILTERED, { q: tag, r, d })).users.items.map((u: { id: string }) => u.id).sort();
    expect(await ids(null, null)).toEqual([plain.id, mod.id, off.id].sort());
    expect(await ids('MODERATOR', null)).toEqual([mod.id]);
    expect(await ids('MEMBER', null)).toEqual([plain.id, off.id].sort());
    expect(await ids('ADMIN', null)).toEqual([]);
    expect(await ids(null, true)).toEqual([off.id]);
    expect(await ids(null, false)).toEqual([plain.id, mod.id].sort());
    expect(await ids('MEMBER', false)).toEqual([plain.id]);
    expect((await admin.ok(FILTERED, { q: tag, r: 'MEMBER', d: false })).users.totalItems).toBe(1);
  });

  it('tells admins when each account registered, whether it was activated and when it was last active, which outlives its sessions', async () => {
    const admin = await adminClient(base);
    const tag = uniq('');
    const before = Date.now() - 1000;
    const email = `${uniq('user')}@example.vn`;
    await base.ok(`mutation($input: RegisterInput!) { register(input: $input) { token } }`, { input: { email, password: PASSWORD, displayName: `Chưa kích hoạt ${tag}` } });
    const FACTS = `query($q: String) { users(query: $q, page: { pageSize: 10 }) { items { id registeredAt activated lastActiveAt } } }`;
    const facts = async () => (await admin.ok(FACTS, { q: tag })).users.items[0];
    const registered = await facts();
    expect(registered).toMatchObject({ activated: false, lastActiveAt: null });
    expect(new Date(registered.registeredAt).getTime()).toBeGreaterThanOrEqual(before);

    // Activating signs the account in: activated, and active from then.
    const { client } = await activate(base, email);
    const activated = await facts();
    expect(activated.activated).toBe(true);
    expect(new Date(activated.lastActiveAt).getTime()).toBeGreaterThanOrEqual(new Date(registered.registeredAt).getTime());
    // Signing out everywhere deletes its sessions; the account still says when it was last active.
    await client.ok(END_ALL, { keep: false });
    expect((await ds.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`, [activated.id]))[0].n).toBe(0);
    expect((await facts()).lastActiveAt).toBe(activated.lastActiveAt);

    // The account itself reads when it registered and that it is activated; its last activity is for admins.
    const self = await registerUser(base);
    expect((await self.client.ok(`{ me { registeredAt activated lastActiveAt } }`)).me).toEqual({ registeredAt: expect.any(String), activated: true, lastActiveAt: null });
  });

  it('stays admin-only', async () => {
    const member = await registerUser(base);
    expect((await member.client.error(USERS, { q: 'nguyen' })).code).toBe('FORBIDDEN');
  });
});

describe('the last admin cannot lock the exchange', () => {
  let db: IsolatedDatabase;
  let own: TestApp;

  beforeAll(async () => {
    db = await isolatedDatabase('lastadmin');
    own = await startTestApp({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await own.close();
    await db.drop();
  });

  it('refuses an admin disabling their own account', async () => {
    const admin = await adminClient(new Client(own.url));
    const { me } = await admin.ok(`{ me { id } }`);
    const err = await admin.inLang('en').error(SET_DISABLED, { id: me.id, d: true });
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.fields?.userId).toMatch(/your own account/);
    expect((await admin.ok(`{ me { id disabled } }`)).me.disabled).toBe(false);
  });

  it('refuses removing the last admin role, allows it once another admin exists', async () => {
    const c = new Client(own.url);
    const admin = await adminClient(c);
    const { me } = await admin.ok(`{ me { id } }`);
    const err = await admin.inLang('en').error(SET_ROLES, { id: me.id, roles: ['MODERATOR'] });
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.fields?.roles).toMatch(/last administrator/);
    expect((await admin.ok(`{ me { roles } }`)).me.roles).toContain('ADMIN');
    // Another admin appointed: now the first may step down (their own session stays).
    const deputy = await registerUser(c);
    await admin.ok(SET_ROLES, { id: deputy.id, roles: ['ADMIN'] });
    const deputyAgain = c.as(await loginAs(own.url, deputy.email));
    // Staff roles act only with a second factor: until the deputy enrols one, the first may not
    // step down (the exchange would be left with an admin in name only), and the form says why.
    const early = await admin.inLang('en').error(SET_ROLES, { id: me.id, roles: ['MODERATOR'] });
    expect(early.code).toBe('BAD_USER_INPUT');
    expect(early.fields?.roles).toMatch(/two-step verification/);
    expect((await admin.ok(`{ me { roles } }`)).me.roles).toContain('ADMIN');
    await enrolSecondFactor(deputyAgain);
    const stepped = await admin.ok(SET_ROLES, { id: me.id, roles: ['MODERATOR'] });
    expect(stepped.setUserRoles.roles).not.toContain('ADMIN');
    expect((await admin.ok(`{ me { roles } }`)).me.roles).toEqual(expect.arrayContaining(['MODERATOR']));
    // The deputy is now the last admin: demoting or disabling them is refused.
    const { me: deputyMe } = await deputyAgain.ok(`{ me { id } }`);
    expect((await deputyAgain.error(SET_ROLES, { id: deputyMe.id, roles: [] })).fields?.roles).toBeDefined();
    expect((await deputyAgain.error(SET_DISABLED, { id: deputyMe.id, d: true })).fields?.userId).toBeDefined();
  });
});
