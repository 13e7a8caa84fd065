import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { mailsTo } from './support/mail.js';
import {
  Client,
  PASSWORD,
  SECOND_FACTOR_CODE_REQUIRED,
  adminClient,
  createOrganization,
  enrolSecondFactor,
  registerModerator,
  registerUser,
  totpCode,
  uniq,
} from './support/graphql.js';
import { acceptInterest, expressInterest, proposeDeal, publishListing, RESPOND_DEAL, REVIEW } from './support/listings.js';

// Two-step sign-in for staff (TOTP, recovery codes, throttling, admin reset) and the audit log
// of staff actions (a row per action kind, admins only, append-only in the database).

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }`;
const COMPLETE = `mutation($c: String!, $code: String!) { completeLogin(challenge: $c, code: $code) { token user { id } } }`;
const START = `mutation { startSecondFactorEnrolment { secret otpauthUri qrCodeSvg } }`;
const START_MOVE = `mutation($c: String) { startSecondFactorEnrolment(currentCode: $c) { secret } }`;
const CONFIRM = `mutation($code: String!) { confirmSecondFactorEnrolment(code: $code) { codes } }`;
const DISABLE = `mutation($code: String!) { disableSecondFactor(code: $code) { id secondFactorEnabled } }`;
const RESET = `mutation($id: ID!) { resetUserSecondFactor(userId: $id) { id secondFactorEnabled } }`;
const ME = `{ me { id roles secondFactorEnabled recoveryCodesLeft } }`;
const QUEUE = `{ moderationQueue { totalItems } }`;
const AUDIT = `query($f: StaffAuditFilterInput, $p: PageInput) { staffAuditLog(filter: $f, page: $p) {
  totalItems items { id occurredAt actorId actorEmail action targetKind targetId summary details ip userAgent } } }`;

let t: TestApp;
let base: Client;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
});
afterAll(() => t.close());

/** The password step: the challenge an enrolled account gets instead of a token. */
async function passwordStep(email: string, client: Client = base): Promise<string> {
  const res = await client.request(LOGIN, { e: email, p: PASSWORD });
  expect(res.data).toBeNull();
  const e = res.errors![0];
  expect(e.extensions?.code).toBe('UNAUTHENTICATED');
  expect(e.extensions?.reason).toBe(SECOND_FACTOR_CODE_REQUIRED);
  expect(typeof e.extensions?.challenge).toBe('string');
  return e.extensions!.challenge!;
}

/** A member who enrolled an authenticator. */
async function enrolledMember() {
  const user = await registerUser(base, 'Thành viên bảo mật');
  const { secret, recoveryCodes } = await enrolSecondFactor(user.client);
  return { ...user, secret, recoveryCodes };
}

async function auditRows(filter: Record<string, unknown>) {
  const admin = await adminClient(base);
  return (await admin.ok(AUDIT, { f: filter, p: { pageSize: 100 } })).staffAuditLog.items as Record<string, any>[];
}

describe('second factor: enrolment', () => {
  it('shows a secret, an otpauth address and a QR code, and turns on only with a right code', async () => {
    const user = await registerUser(base, 'Người đăng ký');
    const started = (await user.client.ok(START)).startSecondFactorEnrolment;
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.otpauthUri).toBe(`otpauth://totp/Techport:${encodeURIComponent(user.email)}?secret=${started.secret}&issuer=Techport`);
    expect(started.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(started.qrCodeSvg).not.toMatch(/<script/i);

    const wrong = await user.client.inLang('en').error(CONFIRM, { code: '000000' === (await totpCode(started.secret)) ? '111111' : '000000' });
    expect(wrong.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(wrong.fields ?? {})).toEqual(['code']);
    expect((await user.client.ok(ME)).me.secondFactorEnabled).toBe(false);

    const confirmed = (await user.client.ok(CONFIRM, { code: await totpCode(started.secret) })).confirmSecondFactorEnrolment;
    expect(confirmed.codes).toHaveLength(10);
    expect(new Set(confirmed.codes).size).toBe(10);
    for (const c of confirmed.codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const me = (await user.client.ok(ME)).me;
    expect(me.secondFactorEnabled).toBe(true);
    expect(me.recoveryCodesLeft).toBe(10);
    // Stored hashed: no recovery code and no hash of the plain text equal to it.
    const rows: { code_hash: string }[] = await t.app.get(DataSource).query(`SELECT code_hash FROM recovery_code WHERE user_id = $1`, [user.id]);
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(confirmed.codes).not.toContain(r.code_hash);
    // A second enrolment is refused while one is on (CONFLICT), saying a move to a new app needs a code of the current one.
    const second = await user.client.error(START);
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toMatch(/ứng dụng đang dùng|app you use now/);
  });

  it('hides the second-factor state from other members', async () => {
    const a = await enrolledMember();
    const b = await registerUser(base);
    const seen = await b.client.ok(`{ me { id secondFactorEnabled recoveryCodesLeft } }`);
    expect(seen.me).toEqual({ id: b.id, secondFactorEnabled: false, recoveryCodesLeft: 0 });
    const admin = await adminClient(base);
    const listed = await admin.ok(`query($q: String) { users(query: $q) { items { id secondFactorEnabled recoveryCodesLeft } } }`, { q: a.email });
    expect(listed.users.items).toEqual([{ id: a.id, secondFactorEnabled: true, recoveryCodesLeft: null }]);
  });

  it('lists staff without two-step verification (secondFactor: false, staff: true) for admins', async () => {
    const tag = uniq('haibuoc').replace(/[^a-z0-9]/gi, '');
    const admin = await adminClient(base);
    const make = async (staff: boolean, enrol: boolean) => {
      const u = await registerUser(base, `Cán bộ ${tag}`);
      if (enrol) await enrolSecondFactor(u.client);
      if (staff) await admin.ok(`mutation($id: ID!) { setUserRoles(userId: $id, roles: [MODERATOR], allProvinces: true) { id } }`, { id: u.id });
      return u.id;
    };
    const staffWithout = await make(true, false);
    const staffWith = await make(true, true);
    const memberWithout = await make(false, false);
    const memberWith = await make(false, true);
    const USERS = `query($q: String, $s: Boolean, $f: Boolean) { users(query: $q, staff: $s, secondFactor: $f, page: { pageSize: 100 }) { totalItems items { id } } }`;
    const ids = async (vars: Record<string, unknown>) => ((await admin.ok(USERS, { q: tag, ...vars })).users.items as { id: string }[]).map((i) => i.id).sort();
    expect(await ids({ s: true, f: false })).toEqual([staffWithout]);
    expect(await ids({ s: true, f: true })).toEqual([staffWith]);
    expect(await ids({ s: false })).toEqual([memberWithout, memberWith].sort());
    expect(await ids({ f: false })).toEqual([staffWithout, memberWithout].sort());
    expect(await ids({})).toHaveLength(4);
    // Members never list accounts.
    expect((await (await registerUser(base)).client.error(USERS, { q: tag, f: false })).code).toBe('FORBIDDEN');
  });
});

describe('second factor: two-step sign-in', () => {
  it('signs in without a code when none is enrolled, and asks for one when it is', async () => {
    const plain = await registerUser(base);
    expect((await base.ok(LOGIN, { e: plain.email, p: PASSWORD })).login.user.id).toBe(plain.id);

    const m = await enrolledMember();
    const challenge = await passwordStep(m.email);
    // The challenge is no session token.
    expect((await base.as(challenge).ok(`{ me { id } }`)).me).toBeNull();
    // A wrong password still answers as before, without a challenge.
    const bad = await base.request(LOGIN, { e: m.email, p: 'Wrong-Password-1' });
    expect(bad.errors![0].extensions?.challenge).toBeUndefined();

    const wrong = await base.error(COMPLETE, { c: challenge, code: '12345' });
    expect(wrong.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(wrong.fields ?? {})).toEqual(['code']);

    // Wait for a step no earlier test used (enrolment used the current one).
    const code = await totpCode(m.secret, 1);
    const done = (await base.ok(COMPLETE, { c: challenge, code })).completeLogin;
    expect(done.user.id).toBe(m.id);
    expect((await base.as(done.token).ok(`{ me { id } }`)).me.id).toBe(m.id);

    // The same code is not accepted twice, even with a fresh challenge.
    const again = await base.error(COMPLETE, { c: await passwordStep(m.email), code });
    expect(again.code).toBe('BAD_USER_INPUT');
    // Nor a code of an earlier step.
    expect((await base.error(COMPLETE, { c: await passwordStep(m.email), code: await totpCode(m.secret) })).code).toBe('BAD_USER_INPUT');
  });

  it('refuses a forged or foreign challenge', async () => {
    const m = await enrolledMember();
    const forged = await base.error(COMPLETE, { c: 'eyJhbGciOiJIUzI1NiJ9.e30.x', code: await totpCode(m.secret, 1) });
    expect(forged.code).toBe('UNAUTHENTICATED');
    // A session token is not a challenge.
    const session = await base.error(COMPLETE, { c: m.client.token!, code: await totpCode(m.secret, 1) });
    expect(session.code).toBe('UNAUTHENTICATED');
  });

  it('accepts each recovery code once', async () => {
    const m = await enrolledMember();
    const [first, second] = m.recoveryCodes;
    const done = (await base.ok(COMPLETE, { c: await passwordStep(m.email), code: first.toUpperCase() })).completeLogin;
    expect(done.user.id).toBe(m.id);
    expect((await base.error(COMPLETE, { c: await passwordStep(m.email), code: first })).code).toBe('BAD_USER_INPUT');
    expect((await base.ok(COMPLETE, { c: await passwordStep(m.email), code: second.replace('-', '') })).completeLogin.user.id).toBe(m.id);
    expect((await base.as(done.token).ok(ME)).me.recoveryCodesLeft).toBe(8);
  });

  it('throttles guessing codes per account and source with growing waits, and never the owner from another source', async () => {
    const limited = await startTestApp({ TRUST_PROXY: '1', RATE_LIMIT_SECOND_FACTOR_FAILURES: '3' });
    try {
      const own = new Client(limited.url, null, 'en');
      /** A GraphQL call from a given client address (the API trusts one proxy here). */
      const from = async (ip: string, query: string, variables: Record<string, unknown>) => {
        const res = await fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': 'en', 'x-forwarded-for': ip },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions: Record<string, any> }[] };
        return body.errors?.length ? { code: body.errors[0].extensions.code as string, message: body.errors[0].message, extensions: body.errors[0].extensions } : { code: 'OK', data: body.data! };
      };
      const challengeFrom = async (ip: string, email: string) => (await from(ip, LOGIN, { e: email, p: PASSWORD })).extensions!.challenge as string;
      const attacker = '203.0.113.7';
      const home = '198.51.100.9';
      const user = await registerUser(own);
      const { secret } = await enrolSecondFactor(user.client);

      // The attacker has the password: three free wrong codes, a fourth that sets a wait, then refusal, even of the right code.
      const challenge = await challengeFrom(attacker, user.email);
      const right = await totpCode(secret, 1);
      for (const guess of ['000001', '000002', '000003', '000004']) {
        expect((await from(attacker, COMPLETE, { c: challenge, code: guess === right ? '999999' : guess })).code).toBe('BAD_USER_INPUT');
      }
      const blocked = await from(attacker, COMPLETE, { c: challenge, code: right });
      expect(blocked.code).toBe('RATE_LIMITED');
      expect(blocked.message).toMatch(/Too many attempts/);
      // The wait is 5 s, then 10 s: after it one more guess, then a longer wait.
      await new Promise((r) => setTimeout(r, 5_200));
      expect((await from(attacker, COMPLETE, { c: challenge, code: '000005' })).code).toBe('BAD_USER_INPUT');
      expect((await from(attacker, COMPLETE, { c: challenge, code: right })).code).toBe('RATE_LIMITED');
      await new Promise((r) => setTimeout(r, 5_200));
      expect((await from(attacker, COMPLETE, { c: challenge, code: right })).code).toBe('RATE_LIMITED');

      // The owner, from a source that has not been failing, finishes signing in with the right code at once.
      const done = await from(home, COMPLETE, { c: await challengeFrom(home, user.email), code: right });
      expect(done.code).toBe('OK');
      expect(done.data!.completeLogin.user.id).toBe(user.id);
      // …and the owner's success does not free the attacker's source: it still waits (its 10-s wait
      // began before the 5-s pause above; asked at once, before the mail is awaited, so that a slow
      // machine's mail delivery cannot outlast the wait).
      expect((await from(attacker, COMPLETE, { c: challenge, code: '000006' })).code).toBe('RATE_LIMITED');
      // The owner is told, once, that someone has their password (the account's third wrong code in the hour).
      await limited.settle();
      const warnings = mailsTo(limited.mailDir, user.email).filter((m) => m.includes('wrong two-step verification codes'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(attacker);
      expect(warnings[0]).toMatch(/nhập sai mã xác thực hai bước 3 lần/);
      // Another account is not affected from the attacker's source.
      const other = await registerUser(own);
      const o = await enrolSecondFactor(other.client);
      const second = await from(attacker, COMPLETE, { c: await challengeFrom(attacker, other.email), code: await totpCode(o.secret, 1) });
      expect(second.code).toBe('OK');
    } finally {
      await limited.close();
    }
  });

  it('lets a member turn it off with a code, but not staff', async () => {
    const m = await enrolledMember();
    expect((await m.client.error(DISABLE, { code: '000000' === (await totpCode(m.secret, 1)) ? '111111' : '000000' })).code).toBe('BAD_USER_INPUT');
    const off = (await m.client.ok(DISABLE, { code: await totpCode(m.secret, 1) })).disableSecondFactor;
    expect(off.secondFactorEnabled).toBe(false);
    expect((await base.ok(LOGIN, { e: m.email, p: PASSWORD })).login.user.id).toBe(m.id);

    const mod = await registerModerator(base, ['can-tho']);
    const refused = await mod.client.error(DISABLE, { code: await totpCode(mod.secret, 1) });
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe('second factor: staff', () => {
  it('lets staff without a second factor sign in and enrol, but refuses their role\'s actions until then', async () => {
    const user = await registerUser(base, 'Cán bộ mới');
    const admin = await adminClient(base);
    await admin.ok(`mutation($id: ID!) { setUserRoles(userId: $id, roles: [MODERATOR], moderatedProvinceCodes: []) { id } }`, { id: user.id });
    // Sign-in works (password only: nothing enrolled yet) and `me` shows the role.
    const session = base.as((await base.ok(LOGIN, { e: user.email, p: PASSWORD })).login.token).inLang('en');
    expect((await session.ok(ME)).me.roles).toContain('MODERATOR');
    const res = await session.request(QUEUE);
    expect(res.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors![0].extensions?.reason).toBe('SECOND_FACTOR_REQUIRED');
    expect(res.errors![0].message).toMatch(/two-step verification/);
    // The deal register export says the same.
    const csv = await fetch(`${t.url}/exports/deals.csv`, { headers: { authorization: `Bearer ${session.token}` } });
    expect(csv.status).toBe(403);
    expect(((await csv.json()) as { reason: string }).reason).toBe('SECOND_FACTOR_REQUIRED');

    await enrolSecondFactor(session);
    expect((await session.ok(QUEUE)).moderationQueue.totalItems).toBeGreaterThanOrEqual(0);
  });

  it('staff move to a new authenticator app themselves, with a code of the current one; the old app stops working', async () => {
    const mod = await registerModerator(base, ['hue']);
    const c = mod.client.inLang('en');
    // Not without a current code, nor with a wrong one; confirming without a move started is refused.
    const none = await c.error(START_MOVE, {});
    expect(none.code).toBe('CONFLICT');
    expect(none.message).toMatch(/app you use now/);
    const right = await totpCode(mod.secret, 1);
    expect((await c.error(START_MOVE, { c: right === '000000' ? '111111' : '000000' })).fields?.currentCode).toBeDefined();
    expect((await c.error(CONFIRM, { code: right })).code).toBe('CONFLICT');
    // With a code of the current app: a new secret, pending until a code of the new app proves it.
    const moved = (await c.ok(START_MOVE, { c: right })).startSecondFactorEnrolment;
    expect(moved.secret).not.toBe(mod.secret);
    const codes = (await c.ok(CONFIRM, { code: await totpCode(moved.secret) })).confirmSecondFactorEnrolment.codes;
    expect(codes).toHaveLength(10);
    expect((await c.ok(ME)).me).toMatchObject({ secondFactorEnabled: true, recoveryCodesLeft: 10 });
    expect((await c.ok(QUEUE)).moderationQueue).toBeTruthy(); // the role still acts
    // Signing in: the old app's code is refused, the new app's accepted.
    expect((await base.error(COMPLETE, { c: await passwordStep(mod.email), code: await totpCode(mod.secret, 1) })).code).toBe('BAD_USER_INPUT');
    const done = (await base.ok(COMPLETE, { c: await passwordStep(mod.email), code: await totpCode(moved.secret, 1) })).completeLogin;
    expect(done.user.id).toBe(mod.id);
  });

  it('an admin resets a staff member\'s second factor (audited): every session of theirs ends, and their role waits for a new enrolment', async () => {
    const mod = await registerModerator(base, ['can-tho']);
    const admin = await adminClient(base);
    expect((await mod.client.error(RESET, { id: mod.id })).code).toBe('FORBIDDEN');
    // The lost phone's app, signed in with the old authenticator before the reset.
    const phone = base.as((await base.ok(COMPLETE, { c: await passwordStep(mod.email), code: await totpCode(mod.secret, 1) })).completeLogin.token);
    expect((await phone.ok(QUEUE)).moderationQueue).toBeTruthy();
    const reset = (await admin.ok(RESET, { id: mod.id })).resetUserSecondFactor;
    expect(reset.secondFactorEnabled).toBe(false);
    // Neither the phone's session nor the laptop's goes on.
    for (const session of [phone, mod.client]) {
      expect((await session.error(QUEUE)).code).toBe('UNAUTHENTICATED');
      expect((await session.ok(ME)).me).toBeNull();
    }
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`, [mod.id]);
    expect(n).toBe(0);
    // Signs in with the password alone again: the role waits for a new authenticator.
    const again = base.as((await base.ok(LOGIN, { e: mod.email, p: PASSWORD })).login.token);
    expect((await again.ok(ME)).me.id).toBe(mod.id);
    const refused = await again.request(QUEUE);
    expect(refused.errors![0].extensions?.reason).toBe('SECOND_FACTOR_REQUIRED');
    await enrolSecondFactor(again);
    expect((await again.ok(QUEUE)).moderationQueue).toBeTruthy();

    const rows = await auditRows({ action: 'SECOND_FACTOR_RESET', targetId: mod.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorEmail: process.env.ADMIN_EMAIL, targetKind: 'USER', targetId: mod.id, ip: expect.any(String) });
    expect(JSON.parse(rows[0].details)).toMatchObject({ email: mod.email, sessionsEnded: 2 });
    // The person is told by e-mail, in both languages.
    await t.settle();
    const told = mailsTo(t.mailDir, mod.email).filter((m) => m.includes('reset the two-step verification'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('đặt lại xác thực hai bước');
  });
});

describe('audit log of staff actions', () => {
  it('records every kind of staff action with who, what, and from where', async () => {
    const admin = await adminClient(base);
    const mod = await registerModerator(base, []);
    const started = new Date(Date.now() - 1000).toISOString();

    // Roles and jurisdiction, disabling and enabling.
    const target = await registerUser(base, 'Người được đổi vai trò');
    await admin.ok(`mutation($id: ID!) { setUserRoles(userId: $id, roles: [MODERATOR], moderatedProvinceCodes: ["can-tho"]) { id } }`, { id: target.id });
    await admin.ok(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`, { id: target.id });
    await admin.ok(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: false) { id } }`, { id: target.id });

    // Organisation verification by the moderator.
    const owner = await registerUser(base, 'Chủ tổ chức');
    const supplierName = `Viện Cơ điện ${uniq('')}`;
    const org = await createOrganization(owner.client, { name: supplierName, provinceCode: 'can-tho' });
    await mod.client.ok(`mutation($id: ID!) { verifyOrganization(id: $id) { id verified } }`, { id: org.id });

    // Listing moderation (publishListing approves through its own moderator), expert moderation.
    const listing = await publishListing(base, owner.client, { kind: 'OFFER', organizationId: org.id, provinceCode: 'can-tho' });
    const expertUser = await registerUser(base, 'Chuyên gia');
    const profile = (
      await expertUser.client.ok(`mutation($input: ExpertProfileInput!) { upsertMyExpertProfile(input: $input) { id } }`, {
        input: {
          fullName: `Đặng Thị Hồng Đào ${uniq('')}`,
          headline: 'Chuyên gia tư vấn chuyển giao công nghệ sau thu hoạch',
          bio: 'Hơn 15 năm nghiên cứu và chuyển giao công nghệ bảo quản, chế biến nông sản; chủ nhiệm 6 đề tài cấp bộ về sấy nông sản, đã hướng dẫn hơn 40 doanh nghiệp lập dự án đổi mới công nghệ.',
          fieldCodes: ['407'],
          services: ['Tư vấn chuyển giao công nghệ'],
          pastTransfers: [],
          provinceCode: 'can-tho',
          organizationId: null,
        },
      })
    ).upsertMyExpertProfile;
    await expertUser.client.ok(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: profile.id });
    await mod.client.ok(`mutation($id: ID!) { moderateExpertProfile(id: $id, decision: APPROVE) { id status } }`, { id: profile.id });

    // A deal reviewed, then the register exported.
    const buyerOwner = await registerUser(base, 'Bên mua');
    const buyerName = `HTX Mỹ Xương ${uniq('')}`;
    const buyerOrg = await createOrganization(buyerOwner.client, { name: buyerName, provinceCode: 'ha-noi' });
    const interestId = await expressInterest(buyerOwner.client, listing.id, buyerOrg.id);
    await acceptInterest(owner.client, interestId);
    const deal = await proposeDeal(buyerOwner.client, interestId);
    await owner.client.ok(RESPOND_DEAL, { id: deal.id, a: true });
    await mod.client.ok(REVIEW, { id: deal.id, d: 'APPROVE', n: 'Hồ sơ đầy đủ.' });
    const csv = await fetch(`${t.url}/exports/deals.csv?status=APPROVED`, { headers: { authorization: `Bearer ${mod.client.token}`, 'user-agent': 'Excel-Test/1.0' } });
    expect(csv.status).toBe(200);
    await csv.text();

    const mine = await auditRows({ from: started, actorId: mod.id });
    // The same rows by the moderator's e-mail, however it is typed; none by another's.
    const byEmail = await auditRows({ from: started, actorEmail: ` ${mod.email.toUpperCase()} ` });
    expect(byEmail.map((r) => r.id)).toEqual(mine.map((r) => r.id));
    expect(await auditRows({ from: started, actorEmail: `x${mod.email}` })).toEqual([]);
    const byAction = (a: string) => mine.filter((r) => r.action === a);
    expect(byAction('ORGANIZATION_VERIFIED')).toEqual([expect.objectContaining({ targetKind: 'ORGANIZATION', targetId: org.id, actorEmail: mod.email })]);
    expect(byAction('EXPERT_MODERATED')).toEqual([expect.objectContaining({ targetKind: 'EXPERT', targetId: profile.id })]);
    expect(JSON.parse(byAction('EXPERT_MODERATED')[0].details).decision).toBe('APPROVE');
    expect(byAction('DEAL_REVIEWED')).toEqual([expect.objectContaining({ targetKind: 'DEAL', targetId: deal.id })]);
    expect(JSON.parse(byAction('DEAL_REVIEWED')[0].details)).toMatchObject({ decision: 'APPROVE', note: 'Hồ sơ đầy đủ.' });
    expect(byAction('DEALS_EXPORTED')).toEqual([expect.objectContaining({ targetKind: 'EXPORT', userAgent: 'Excel-Test/1.0' })]);
    expect(JSON.parse(byAction('DEALS_EXPORTED')[0].details).filter.status).toBe('APPROVED');

    const listingRows = await auditRows({ action: 'LISTING_MODERATED', targetKind: 'LISTING', targetId: listing.id });
    expect(listingRows).toHaveLength(1);
    expect(JSON.parse(listingRows[0].details)).toMatchObject({ decision: 'APPROVE', revision: false, title: listing.title });

    const userRows = await auditRows({ targetId: target.id });
    expect(userRows.map((r) => r.action)).toEqual(['USER_ENABLED', 'USER_DISABLED', 'USER_ROLES_CHANGED']); // newest first
    const roles = JSON.parse(userRows[2].details);
    expect(roles.before).toEqual({ roles: ['MEMBER'], moderatedProvinceCodes: [], allProvinces: false });
    expect(roles.after).toEqual({ roles: ['MEMBER', 'MODERATOR'], moderatedProvinceCodes: ['can-tho'], allProvinces: false });
    // Roles and provinces by their names, not codes ("MEMBER, MODERATOR (can-tho)").
    expect(userRows[2].summary).toBe(`Vai trò của ${JSON.parse(userRows[2].details).email}: Thành viên, Kiểm duyệt viên (Cần Thơ)`);
    // Each line in the reader's language.
    expect(byAction('EXPERT_MODERATED')[0].summary).toMatch(/^Duyệt hồ sơ chuyên gia «Đặng Thị Hồng Đào/);
    // A deal by its technology, parties and province, as the other lines name their items (not "80609c64 (can-tho)").
    expect(byAction('DEAL_REVIEWED')[0].summary).toBe(`Duyệt giao dịch «${listing.title}» giữa ${supplierName} và ${buyerName} (Cần Thơ)`);
    const inEnglish = (await (await adminClient(base)).inLang('en').ok(AUDIT, { f: { from: started, actorId: mod.id }, p: { pageSize: 100 } })).staffAuditLog.items as Record<string, any>[];
    const english = (a: string) => inEnglish.find((r) => r.action === a)!.summary;
    expect(english('EXPERT_MODERATED')).toMatch(/^Approved the expert profile of «Đặng Thị Hồng Đào/);
    expect(english('ORGANIZATION_VERIFIED')).toMatch(/^Verified the organisation «/);
    expect(english('DEAL_REVIEWED')).toBe(`Approved the deal for «${listing.title}» between ${supplierName} and ${buyerName} (Can Tho)`);
    expect(english('DEALS_EXPORTED')).toBe('Exported the register of deals (CSV)');
    for (const r of [...mine, ...userRows]) {
      expect(r.ip).toMatch(/127\.0\.0\.1/);
      expect(new Date(r.occurredAt).getTime()).toBeGreaterThan(Date.now() - 120_000);
    }
  });

  it('is for admins only', async () => {
    const member = await registerUser(base);
    expect((await member.client.error(AUDIT)).code).toBe('FORBIDDEN');
    expect((await base.error(AUDIT)).code).toBe('UNAUTHENTICATED');
    const mod = await registerModerator(base, []);
    expect((await mod.client.error(AUDIT)).code).toBe('FORBIDDEN');
    const csv = await fetch(`${t.url}/exports/staff-audit.csv`, { headers: { authorization: `Bearer ${mod.client.token}` } });
    expect(csv.status).toBe(403);
  });

  it('filters by date range and pages, and refuses a bad filter naming the field', async () => {
    const admin = await adminClient(base);
    const future = await admin.ok(AUDIT, { f: { from: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(future.staffAuditLog.totalItems).toBe(0);
    const page = await admin.ok(AUDIT, { p: { page: 1, pageSize: 2 } });
    expect(page.staffAuditLog.items.length).toBeLessThanOrEqual(2);
    const bad = await admin.error(AUDIT, { f: { actorId: 'not-an-id' } });
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.fields ?? {})).toEqual(['filter.actorId']);
    const badEmail = await admin.error(AUDIT, { f: { actorEmail: 'not an address' } });
    expect(badEmail.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(badEmail.fields ?? {})).toEqual(['filter.actorEmail']);
    const range = await admin.error(AUDIT, { f: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } });
    expect(Object.keys(range.fields ?? {})).toEqual(['filter.to']);
  });

  it('exports CSV with formula cells neutralised, and audits the export', async () => {
    const admin = await adminClient(base);
    // The browser that made the request is copied into the row: one that looks like a formula.
    const evil = await registerUser(base);
    const disabled = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}`, 'user-agent': '=HYPERLINK("http://evil.example")' },
      body: JSON.stringify({ query: `mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`, variables: { id: evil.id } }),
    });
    expect(((await disabled.json()) as { errors?: unknown }).errors).toBeUndefined();
    const res = await fetch(`${t.url}/exports/staff-audit.csv?targetId=${evil.id}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    const text = bytes.toString('utf8');
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('USER_DISABLED');
    expect(lines[1]).toContain(evil.id);
    expect(lines[1]).toContain(`'=HYPERLINK`);
    expect(text).not.toMatch(/(^|,)"?=/m);

    const bad = await fetch(`${t.url}/exports/staff-audit.csv?from=2026-13-01&action=NOPE`, { headers: { authorization: `Bearer ${admin.token}`, 'accept-language': 'en' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fields: object }).fields).sort()).toEqual(['action', 'from']);

    const exported = await auditRows({ action: 'AUDIT_LOG_EXPORTED' });
    expect(exported.some((r) => JSON.parse(r.details).filter?.targetId === evil.id)).toBe(true);
  });

  it('exports the log in the reader’s language: headers, action names, summaries and file name', async () => {
    const admin = await adminClient(base);
    const someone = await registerUser(base);
    await admin.ok(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`, { id: someone.id });
    const csvIn = async (lang: string) => {
      const res = await fetch(`${t.url}/exports/staff-audit.csv?targetId=${someone.id}`, { headers: { authorization: `Bearer ${admin.token}`, 'accept-language': lang } });
      expect(res.status).toBe(200);
      const lines = Buffer.from(await res.arrayBuffer()).toString('utf8').slice(1).trim().split('\r\n');
      return { name: res.headers.get('content-disposition'), lines };
    };
    const en = await csvIn('en-US,en;q=0.9');
    expect(en.name).toMatch(/^attachment; filename="audit-log-\d{8}\.csv"$/);
    expect(en.lines[0]).toBe('Time (Vietnam time),Staff member,E-mail,Action,Action code,Target kind,Target ID,Summary,Details (JSON),IP address,Device (User-Agent)');
    expect(en.lines[1]).toContain(',Account disabled,USER_DISABLED,USER,');
    expect(en.lines[1]).toContain(`,Disabled the account ${someone.email},`);
    const vi = await csvIn('vi');
    expect(vi.name).toMatch(/^attachment; filename="nhat-ky-kiem-toan-\d{8}\.csv"$/);
    expect(vi.lines[0]).toBe('Thời điểm (giờ Việt Nam),Người thực hiện,E-mail,Thao tác,Mã thao tác,Loại đối tượng,Mã đối tượng,Tóm tắt,Chi tiết (JSON),Địa chỉ IP,Thiết bị (User-Agent)');
    expect(vi.lines[1]).toContain(',Khóa tài khoản,USER_DISABLED,USER,');
    expect(vi.lines[1]).toContain(`,Khóa tài khoản ${someone.email},`);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const ds = t.app.get(DataSource);
    const [row] = await ds.query(`SELECT id FROM staff_audit_log LIMIT 1`);
    expect(row).toBeTruthy();
    await expect(ds.query(`UPDATE staff_audit_log SET summary = 'đã sửa' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM staff_audit_log WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE staff_audit_log`)).rejects.toThrow(/append-only/);
    const [still] = await ds.query(`SELECT summary FROM staff_audit_log WHERE id = $1`, [row.id]);
    expect(still.summary).not.toBe('đã sửa');
    // And the API has no mutation that touches it.
    const schema = await base.request(`{ __schema { mutationType { fields { name } } } }`);
    const names: string[] = schema.data?.__schema.mutationType.fields.map((f: { name: string }) => f.name) ?? [];
    expect(names.filter((n) => /audit/i.test(n))).toEqual([]);
  });
});
