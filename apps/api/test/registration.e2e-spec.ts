// #19 "E-mail enumeration": registration and inviting a member answer the same whether or not an
// address has an account; registration confirms the address by an e-mailed activation link; an
// invitation works whether or not the person has an account yet.
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { startTestApp, type TestApp } from './support/app.js';
import { isolatedDatabase, type IsolatedDatabase } from './support/database.js';
import { Client, PASSWORD, activate, createOrganization, registerUser, uniq } from './support/graphql.js';
import { linkIn, mailsTo } from './support/mail.js';
import { secretFromMail } from './support/mailbox.js';

let t: TestApp;
let db: IsolatedDatabase;
let base: Client;

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id email displayName roles } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const ACTIVATE = `mutation($t: String!) { activateAccount(token: $t) { token user { id } } }`;
const INVITE = `mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e) { email role organization { name } } }`;
const PREVIEW = `query($t: String!) { organizationInvitation(token: $t) { email role organization { id name } } }`;
const ACCEPT = `mutation($t: String!) { acceptOrganizationInvitation(token: $t) { role user { id } } }`;
const MY_ORGS = `{ me { organizations { id } } }`;

beforeAll(async () => {
  // A database of its own: e-mails are sent by whichever app's outbox worker claims them, and
  // another spec's app (another PUBLIC_WEB_URL) would write these links otherwise.
  db = await isolatedDatabase('registration');
  t = await startTestApp({ DATABASE_URL: db.url, PUBLIC_WEB_URL: 'https://san.example.vn' });
  base = new Client(t.url);
});
afterEach(() => t.app.get(Clock).reset());
afterAll(async () => {
  await t.close();
  await db.drop();
});

/** The answer without the fields that are random on every call. */
function shape(res: { status: number; data: any; errors?: unknown }) {
  const user = res.data?.register?.user;
  return { status: res.status, errors: res.errors, token: res.data?.register?.token, user: user && { ...user, id: typeof user.id } };
}

describe('registration', () => {
  it('answers the same for a new address and one with an account, and tells the owner', async () => {
    const existing = await registerUser(base, 'Chủ tài khoản');
    const fresh = `${uniq('new')}@example.vn`;
    const input = (email: string) => ({ input: { email, password: 'Someone-else-2026', displayName: 'Kẻ thử' } });
    const forNew = await base.request(REGISTER, input(fresh));
    const forExisting = await base.request(REGISTER, input(existing.email.toUpperCase()));
    expect(shape(forExisting)).toEqual({ ...shape(forNew), user: { ...shape(forNew).user, email: existing.email } });
    expect(forNew.data?.register.token).toBe('');
    expect(forExisting.data?.register.user.id).not.toBe(existing.id);

    await t.settle();
    // The owner is told someone tried, once an hour however often it is tried; nothing changed.
    await base.request(REGISTER, input(existing.email));
    await t.settle();
    const notes = mailsTo(t.mailDir, existing.email).filter((m) => m.includes('already has one'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('https://san.example.vn/forgot-password');
    expect((await base.ok(LOGIN, { e: existing.email, p: PASSWORD })).login.token).toBeTruthy();
    expect((await base.error(LOGIN, { e: existing.email, p: 'Someone-else-2026' })).code).toBe('UNAUTHENTICATED');
    // The new address gets its activation link.
    expect(linkIn(mailsTo(t.mailDir, fresh).at(-1)!, '/activate/').origin).toBe('https://san.example.vn');
  });

  it('registered from the English pages: the activation e-mail is English first, its English link opens English pages', async () => {
    const email = `${uniq('daniel')}@example.kr`;
    await base.inLang('en').ok(REGISTER, { input: { email, password: PASSWORD, displayName: 'Daniel Park' } });
    const secret = await secretFromMail(t.url, email, '/activate/');
    const mail = mailsTo(t.mailDir, email).at(-1)!;
    const [en, vi] = mail.slice(mail.search(/\r?\n\r?\n/)).split(/\r?\n---\r?\n/);
    expect(en).toContain('Open this link to confirm it and activate the account');
    const enLink = linkIn(en, '/activate/');
    expect(enLink.searchParams.get('lang')).toBe('en');
    expect(decodeURIComponent(enLink.pathname.slice('/activate/'.length))).toBe(secret);
    // The Vietnamese part's link is the plain address (Vietnamese is the storefront's default).
    expect(vi).toContain('Mở liên kết sau để xác nhận');
    expect(linkIn(vi, '/activate/').search).toBe('');
  });

  it('an account cannot sign in before it is activated; the right password re-sends the link', async () => {
    const email = `${uniq('late')}@example.vn`;
    await base.ok(REGISTER, { input: { email, password: PASSWORD, displayName: 'Người đến muộn' } });
    const first = await secretFromMail(t.url, email, '/activate/');
    const [refused] = (await base.inLang('en').request(LOGIN, { e: email, p: PASSWORD })).errors ?? [];
    expect(refused.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.message).toMatch(/not activated yet/);
    // Told apart from a wrong password, so a client can say "the link was sent again" (the storefront's resend after registering).
    expect(refused.extensions?.reason).toBe('ACCOUNT_NOT_ACTIVATED');
    // A wrong password says only that.
    expect((await base.inLang('en').error(LOGIN, { e: email, p: 'wrong-password-1' })).message).toBe('Wrong e-mail or password.');
    const second = await secretFromMail(t.url, email, '/activate/', { notFrom: first });
    expect(second).not.toBe(first);
    // The newest link works, once; the older one was voided.
    expect((await base.error(ACTIVATE, { t: first })).fields?.token).toBeDefined();
    const activated = await base.ok(ACTIVATE, { t: second });
    expect(activated.activateAccount.token).toBeTruthy();
    expect((await base.as(activated.activateAccount.token).ok(`{ me { id } }`)).me.id).toBe(activated.activateAccount.user.id);
    expect((await base.error(ACTIVATE, { t: second })).code).toBe('BAD_USER_INPUT');
    expect((await base.ok(LOGIN, { e: email, p: PASSWORD })).login.token).toBeTruthy();
  });

  it('an activation link expires; someone who never activated cannot hold the address', async () => {
    const email = `${uniq('squat')}@example.vn`;
    await base.ok(REGISTER, { input: { email, password: 'Squatter-pass-2026', displayName: 'Kẻ chiếm chỗ' } });
    const squatter = await secretFromMail(t.url, email, '/activate/');
    t.app.get(Clock).advance(73 * 3600_000);
    expect((await base.error(ACTIVATE, { t: squatter })).code).toBe('BAD_USER_INPUT');
    t.app.get(Clock).reset();
    // The address's real owner registers: their password and name replace the unconfirmed ones.
    await base.ok(REGISTER, { input: { email, password: PASSWORD, displayName: 'Chủ thật' } });
    const owners = await secretFromMail(t.url, email, '/activate/', { notFrom: squatter });
    const client = base.as((await base.ok(ACTIVATE, { t: owners })).activateAccount.token);
    expect((await client.ok(`{ me { displayName } }`)).me.displayName).toBe('Chủ thật');
    expect((await base.error(LOGIN, { e: email, p: 'Squatter-pass-2026' })).code).toBe('UNAUTHENTICATED');
  });

  it('stores only hashes of activation links', async () => {
    const email = `${uniq('hash')}@example.vn`;
    await base.ok(REGISTER, { input: { email, password: PASSWORD, displayName: 'Băm' } });
    const secret = await secretFromMail(t.url, email, '/activate/');
    const ds = t.app.get(DataSource);
    const [{ n }] = await ds.query(
      `SELECT (SELECT count(*) FROM account_token WHERE token_hash = $1) + (SELECT count(*) FROM outbox_event WHERE payload::text LIKE '%' || $1 || '%') AS n`,
      [secret],
    );
    expect(Number(n)).toBe(0);
  });
});

describe('inviting members', () => {
  it('answers the same whether or not the address has an account', async () => {
    const owner = await registerUser(base);
    const org = await createOrganization(owner.client);
    const member = await registerUser(base);
    const stranger = `${uniq('nobody')}@example.vn`;
    const a = await owner.client.request(INVITE, { o: org.id, e: member.email });
    const b = await owner.client.request(INVITE, { o: org.id, e: stranger });
    expect(a.errors).toBeUndefined();
    expect({ ...a.data?.addOrganizationMember, email: null }).toEqual({ ...b.data?.addOrganizationMember, email: null });
    // Both get an invitation; nobody is a member until they accept.
    expect((await member.client.ok(MY_ORGS)).me.organizations).toEqual([]);
    expect(await secretFromMail(t.url, member.email, '/invitations/')).toBeTruthy();
    expect(await secretFromMail(t.url, stranger, '/invitations/')).toBeTruthy();
  });

  it('a person without an account registers, activates and accepts; the link works once and only for them', async () => {
    const owner = await registerUser(base, 'Chủ doanh nghiệp');
    const org = await createOrganization(owner.client, { name: `Công ty Mời ${uniq('')}` });
    const email = `${uniq('invitee')}@example.vn`;
    await owner.client.ok(INVITE, { o: org.id, e: email });
    const secret = await secretFromMail(t.url, email, '/invitations/');
    const mail = mailsTo(t.mailDir, email).at(-1)!;
    expect(mail).toContain('Chủ doanh nghiệp');
    expect(mail).toContain('https://san.example.vn/register');

    const preview = await base.ok(PREVIEW, { t: secret });
    expect(preview.organizationInvitation).toEqual({ email, role: 'MEMBER', organization: { id: org.id, name: expect.stringContaining('Công ty Mời') } });
    // Signed out: refused. Another account: refused (a forwarded link lets no one else in).
    expect((await base.error(ACCEPT, { t: secret })).code).toBe('UNAUTHENTICATED');
    const other = await registerUser(base);
    expect((await other.client.error(ACCEPT, { t: secret })).code).toBe('FORBIDDEN');

    await base.ok(REGISTER, { input: { email, password: PASSWORD, displayName: 'Người được mời' } });
    const invitee = await activate(base, email);
    const accepted = await invitee.client.ok(ACCEPT, { t: secret });
    expect(accepted.acceptOrganizationInvitation).toEqual({ role: 'MEMBER', user: { id: invitee.id } });
    expect((await invitee.client.ok(MY_ORGS)).me.organizations).toEqual([{ id: org.id }]);
    expect((await invitee.client.error(ACCEPT, { t: secret })).code).toBe('BAD_USER_INPUT');
    expect((await base.ok(PREVIEW, { t: secret })).organizationInvitation).toBeNull();
  });

  it('refuses, beside the address, an invitation that would change nothing (oneself, a member again); a member may still be made co-owner', async () => {
    const owner = await registerUser(base);
    const org = await createOrganization(owner.client);
    const self = await owner.client.error(INVITE, { o: org.id, e: owner.email.toUpperCase() });
    expect(self.code).toBe('BAD_USER_INPUT');
    expect(self.fields).toEqual({ email: 'Đây là địa chỉ e-mail của chính bạn: bạn đã là chủ sở hữu tổ chức.' });
    const member = await registerUser(base);
    await owner.client.ok(INVITE, { o: org.id, e: member.email });
    await member.client.ok(ACCEPT, { t: await secretFromMail(t.url, member.email, '/invitations/') });
    const again = await owner.client.error(INVITE, { o: org.id, e: member.email });
    expect(again.fields).toEqual({ email: 'Địa chỉ này đã là thành viên của tổ chức (xem danh sách Thành viên).' });
    const pending = `query($id: ID) { organization(id: $id) { pendingInvitations { email role } } }`;
    expect((await owner.client.ok(pending, { id: org.id })).organization.pendingInvitations).toEqual([]);
    const promote = await owner.client.ok(`mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e, role: "OWNER") { role } }`, { o: org.id, e: member.email });
    expect(promote.addOrganizationMember).toEqual({ role: 'OWNER' });
  });

  it('an invitation expires', async () => {
    const owner = await registerUser(base);
    const org = await createOrganization(owner.client);
    const member = await registerUser(base);
    await owner.client.ok(INVITE, { o: org.id, e: member.email });
    const secret = await secretFromMail(t.url, member.email, '/invitations/');
    expect((await owner.client.ok(`query($id: ID) { organization(id: $id) { pendingInvitations { email } } }`, { id: org.id })).organization.pendingInvitations).toEqual([{ email: member.email }]);
    t.app.get(Clock).advance(15 * 86_400_000);
    const expired = await member.client.error(ACCEPT, { t: secret });
    expect(expired.code).toBe('BAD_USER_INPUT');
    expect(expired.fields?.token).toMatch(/hết hạn/);
    expect((await member.client.ok(MY_ORGS)).me.organizations).toEqual([]);
  });
});
