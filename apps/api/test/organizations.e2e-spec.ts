import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, addMember, registerModerator, registerUser, uniq } from './support/graphql.js';
import { secretFromMail } from './support/mailbox.js';

const CREATE = `mutation($input: OrganizationInput!) { createOrganization(input: $input) { id slug name kind verified province { code name } } }`;
const VERIFY = `mutation($id: ID!) { verifyOrganization(id: $id) { id verified } }`;

let t: TestApp;
let base: Client;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
});
afterAll(() => t.close());

describe('organisations', () => {
  it('makes the creator the owner and a diacritic-free slug from the Vietnamese name', async () => {
    const owner = await registerUser(base);
    const suffix = uniq('').toLowerCase();
    const name = `Viện Công nghệ Sinh học ${suffix}`;
    const org = (await owner.client.ok(CREATE, { input: { name, kind: 'RESEARCH_INSTITUTE', provinceCode: 'ha-noi' } })).createOrganization;
    expect(org.slug).toBe(`vien-cong-nghe-sinh-hoc-${suffix}`);
    expect(org.verified).toBe(false);
    expect(org.province).toEqual({ code: 'ha-noi', name: 'Hà Nội' });
    const me = await owner.client.ok(`{ me { organizations { id } } }`);
    expect(me.me.organizations.map((o: { id: string }) => o.id)).toContain(org.id);
    const members = await owner.client.ok(`query($id: ID) { organization(id: $id) { members { role user { id } } } }`, { id: org.id });
    expect(members.organization.members).toEqual([{ role: 'OWNER', user: { id: owner.id } }]);
  });

  it('keeps slugs unique when two organisations share a name', async () => {
    const owner = await registerUser(base);
    const name = `Công ty Cơ khí Đồng Tâm ${uniq('')}`;
    const a = (await owner.client.ok(CREATE, { input: { name, kind: 'ENTERPRISE', provinceCode: 'da-nang' } })).createOrganization;
    const b = (await owner.client.ok(CREATE, { input: { name, kind: 'ENTERPRISE', provinceCode: 'da-nang' } })).createOrganization;
    expect(b.slug).toBe(`${a.slug}-2`);
    const bySlug = await base.ok(`query($s: String) { organization(slug: $s) { id } }`, { s: b.slug });
    expect(bySlug.organization.id).toBe(b.id);
  });

  it('requires a login and valid input naming each field', async () => {
    expect((await base.error(CREATE, { input: { name: 'Tổ chức ABC', kind: 'OTHER', provinceCode: 'hue' } })).code).toBe('UNAUTHENTICATED');
    const user = await registerUser(base);
    const err = await user.client.inLang('en').error(CREATE, { input: { name: 'AB', kind: 'OTHER', provinceCode: 'atlantis', website: 'not a url', taxCode: '12' } });
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['input.name', 'input.provinceCode', 'input.taxCode', 'input.website']);
    expect(err.fields?.['input.provinceCode']).toMatch(/Unknown code/);
    // Nothing chosen is said as such (not "Unknown code: ."), in both languages.
    const none = { name: 'Tổ chức ABC', kind: 'OTHER', provinceCode: '' };
    expect((await user.client.inLang('en').error(CREATE, { input: none })).fields).toEqual({ 'input.provinceCode': 'Choose one.' });
    expect((await user.client.error(CREATE, { input: none })).fields).toEqual({ 'input.provinceCode': 'Hãy chọn một mục.' });
    // A website typed as in an address bar, without its scheme, is read as https.
    const bare = await user.client.ok(`mutation($input: OrganizationInput!) { createOrganization(input: $input) { website } }`, {
      input: { name: `Công ty Thực phẩm ${Date.now()}`, kind: 'ENTERPRISE', provinceCode: 'hue', website: 'thucphamphuongnam.vn' },
    });
    expect(bare.createOrganization.website).toBe('https://thucphamphuongnam.vn');
  });

  it('lets the owner invite members, and nobody else', async () => {
    const owner = await registerUser(base);
    const colleague = await registerUser(base);
    const outsider = await registerUser(base);
    const org = (await owner.client.ok(CREATE, { input: { name: `Trường Đại học ${uniq('')}`, kind: 'UNIVERSITY', provinceCode: 'hue' } })).createOrganization;
    const ADD = `mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e) { role email organization { id } } }`;
    expect((await outsider.client.error(ADD, { o: org.id, e: outsider.email })).code).toBe('NOT_FOUND');
    const invited = await owner.client.ok(ADD, { o: org.id, e: colleague.email.toUpperCase() });
    expect(invited.addOrganizationMember).toEqual({ role: 'MEMBER', email: colleague.email, organization: { id: org.id } });
    await addMember(owner.client, org.id, colleague.email);
    const members = await owner.client.ok(`query($id: ID) { organization(id: $id) { members { role user { id } } } }`, { id: org.id });
    expect(members.organization.members).toEqual(expect.arrayContaining([{ role: 'MEMBER', user: { id: colleague.id } }]));
    expect((await colleague.client.error(ADD, { o: org.id, e: outsider.email })).code).toBe('FORBIDDEN');
    // Members see one another's addresses in the list (the owner invited them by address); the
    // account's own e-mail stays private, and outsiders get no list at all.
    const ADDRESSES = `query($id: ID) { organization(id: $id) { members { email user { id email } } } }`;
    const seenBy = async (c: Client) => (await c.ok(ADDRESSES, { id: org.id })).organization.members;
    expect(await seenBy(owner.client)).toEqual([
      { email: owner.email, user: { id: owner.id, email: owner.email } },
      { email: colleague.email, user: { id: colleague.id, email: null } },
    ]);
    expect((await seenBy(colleague.client)).map((m: { email: string }) => m.email)).toEqual([owner.email, colleague.email]);
    expect(await seenBy(outsider.client)).toEqual([]);
    expect(await seenBy(base)).toEqual([]);
    // Each person reads their own role in it (the dashboard shows it beside the organisation).
    const ROLE = `query($id: ID) { organization(id: $id) { viewerRole } }`;
    const roleOf = async (c: Client) => (await c.ok(ROLE, { id: org.id })).organization.viewerRole;
    expect([await roleOf(owner.client), await roleOf(colleague.client), await roleOf(outsider.client), await roleOf(base)]).toEqual(['OWNER', 'MEMBER', null, null]);
  });

  it('lets the owner cancel a pending invitation, whose link then stops working', async () => {
    const owner = await registerUser(base);
    const colleague = await registerUser(base);
    const mistyped = await registerUser(base);
    const outsider = await registerUser(base);
    const org = (await owner.client.ok(CREATE, { input: { name: `Viện Nghiên cứu ${uniq('')}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'hue' } })).createOrganization;
    await addMember(owner.client, org.id, colleague.email);
    const ADD = `mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e) { id } }`;
    const CANCEL = `mutation($id: ID!) { cancelOrganizationInvitation(id: $id) { id email organization { id } } }`;
    const PENDING = `query($id: ID) { organization(id: $id) { pendingInvitations { id email } } }`;
    const invitation = (await owner.client.ok(ADD, { o: org.id, e: mistyped.email })).addOrganizationMember;
    const secret = await secretFromMail(t.url, mistyped.email, '/invitations/');
    // Only an owner of the organisation: a member is refused, an outsider is told nothing exists.
    expect((await colleague.client.error(CANCEL, { id: invitation.id })).code).toBe('FORBIDDEN');
    expect((await outsider.client.error(CANCEL, { id: invitation.id })).code).toBe('NOT_FOUND');
    expect((await base.error(CANCEL, { id: invitation.id })).code).toBe('UNAUTHENTICATED');
    expect((await owner.client.ok(PENDING, { id: org.id })).organization.pendingInvitations).toEqual([{ id: invitation.id, email: mistyped.email }]);

    const cancelled = await owner.client.ok(CANCEL, { id: invitation.id });
    expect(cancelled.cancelOrganizationInvitation).toEqual({ id: invitation.id, email: mistyped.email, organization: { id: org.id } });
    expect((await owner.client.ok(PENDING, { id: org.id })).organization.pendingInvitations).toEqual([]);
    // The e-mailed link is dead: nothing behind it, and accepting it makes no member.
    expect((await base.ok(`query($t: String!) { organizationInvitation(token: $t) { id } }`, { t: secret })).organizationInvitation).toBeNull();
    const accept = await mistyped.client.error(`mutation($t: String!) { acceptOrganizationInvitation(token: $t) { role } }`, { t: secret });
    expect(accept.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(accept.fields ?? {})).toEqual(['token']);
    const members = await owner.client.ok(`query($id: ID) { organization(id: $id) { members { user { id } } } }`, { id: org.id });
    expect(members.organization.members.map((m: { user: { id: string } }) => m.user.id)).not.toContain(mistyped.id);
    // Cancelling it again, or an invitation already accepted, finds nothing to cancel.
    expect((await owner.client.error(CANCEL, { id: invitation.id })).code).toBe('NOT_FOUND');
    const ds = t.app.get(DataSource);
    const [accepted] = await ds.query(`SELECT id FROM organization_invitation WHERE organization_id = $1 AND accepted_at IS NOT NULL`, [org.id]);
    expect((await owner.client.error(CANCEL, { id: accepted.id })).code).toBe('NOT_FOUND');
    expect((await owner.client.error(CANCEL, { id: 'not-an-id' })).code).toBe('NOT_FOUND');
  });

  it('limits invitations per inviting account and per invited address, whoever invites it', async () => {
    const limited = await startTestApp({ RATE_LIMIT_INVITATIONS_PER_ACCOUNT: '3', RATE_LIMIT_INVITATIONS_PER_ADDRESS: '2' });
    try {
      const api = new Client(limited.url);
      const ds = limited.app.get(DataSource);
      const ADD = `mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e) { email } }`;
      const owners = await Promise.all([0, 1, 2, 3].map(async () => {
        const u = await registerUser(api);
        const org = (await u.client.ok(CREATE, { input: { name: `Công ty Mời ${uniq('')}`, kind: 'ENTERPRISE', provinceCode: 'hue' } })).createOrganization;
        return { client: u.client.inLang('en'), org };
      }));
      const address = (n: string) => `${uniq(n)}@example.vn`.toLowerCase();
      const sent = async (email: string) => (await ds.query(`SELECT count(*)::int AS n FROM organization_invitation WHERE email = $1`, [email]))[0].n;

      // One owner: three invitations an hour, then RATE_LIMITED and no fourth e-mail.
      const [a, b, c, d] = owners;
      for (const n of ['mot', 'hai', 'ba']) await a.client.ok(ADD, { o: a.org.id, e: address(n) });
      const fourth = address('bon');
      const refused = await a.client.error(ADD, { o: a.org.id, e: fourth });
      expect(refused.code).toBe('RATE_LIMITED');
      expect(refused.message).toMatch(/try again in \d+ minutes?/);
      expect(await sent(fourth)).toBe(0);

      // One mailbox: two invitations a day whichever organisations send them.
      const victim = address('nan-nhan');
      await b.client.ok(ADD, { o: b.org.id, e: victim });
      await c.client.ok(ADD, { o: c.org.id, e: victim.toUpperCase() });
      expect((await d.client.error(ADD, { o: d.org.id, e: victim })).code).toBe('RATE_LIMITED');
      expect((await b.client.error(ADD, { o: b.org.id, e: victim })).code).toBe('RATE_LIMITED');
      expect(await sent(victim)).toBe(2);
      // Others' mailboxes are untouched by it.
      await d.client.ok(ADD, { o: d.org.id, e: address('khac') });
    } finally {
      await limited.close();
    }
  });
});

describe('verification by moderators', () => {
  it('verifies inside the jurisdiction and refuses outside it', async () => {
    const owner = await registerUser(base);
    const south = (await owner.client.ok(CREATE, { input: { name: `HTX Nông nghiệp ${uniq('')}`, kind: 'OTHER', provinceCode: 'tay-ninh' } })).createOrganization;
    const north = (await owner.client.ok(CREATE, { input: { name: `Công ty Điện tử ${uniq('')}`, kind: 'ENTERPRISE', provinceCode: 'ha-noi' } })).createOrganization;
    const tayNinh = await registerModerator(base, ['tay-ninh']);
    const national = await registerModerator(base, []);

    expect((await tayNinh.client.ok(VERIFY, { id: south.id })).verifyOrganization.verified).toBe(true);
    const refused = await tayNinh.client.error(VERIFY, { id: north.id });
    expect(refused.code).toBe('FORBIDDEN');
    expect((await base.ok(`query($id: ID) { organization(id: $id) { verified } }`, { id: north.id })).organization.verified).toBe(false);
    expect((await national.client.ok(VERIFY, { id: north.id })).verifyOrganization.verified).toBe(true);
    // The members are told, once for each organisation verified, with the way to its page.
    const notices = (await owner.client.ok(`{ notifications { kind title url } }`)).notifications.filter((n: { kind: string }) => n.kind === 'ORGANIZATION_VERIFIED');
    expect(notices).toHaveLength(2);
    expect(notices).toContainEqual({ kind: 'ORGANIZATION_VERIFIED', title: expect.stringContaining(south.name), url: expect.stringMatching(/^\/organizations\//) });
  });

  it('refuses members who are not moderators, and unknown ids', async () => {
    const owner = await registerUser(base);
    const org = (await owner.client.ok(CREATE, { input: { name: `Công ty Tự xác minh ${uniq('')}`, kind: 'ENTERPRISE', provinceCode: 'hue' } })).createOrganization;
    expect((await owner.client.error(VERIFY, { id: org.id })).code).toBe('FORBIDDEN');
    const mod = await registerModerator(base, []);
    expect((await mod.client.error(VERIFY, { id: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
    expect((await mod.client.error(VERIFY, { id: 'not-a-uuid' })).code).toBe('NOT_FOUND');
  });

  const DECLINE = `mutation($id: ID!, $note: String!) { declineOrganizationVerification(id: $id, note: $note) { id verified verificationNote verificationDeclinedAt } }`;
  const DECLINE_SAW = `mutation($id: ID!, $note: String!, $verified: Boolean) { declineOrganizationVerification(id: $id, note: $note, verified: $verified) { id verified } }`;
  const SEEN = `query($id: ID) { organization(id: $id) { verified verificationNote verificationDeclinedAt } }`;
  const QUEUE = `{ organizationsForReview(verified: false, page: {page: 1, pageSize: 100}) { items { id verificationDeclinedAt } } }`;

  it('declines with a reason the members read, out of the queue until they edit the profile', async () => {
    const owner = await registerUser(base);
    const org = (await owner.client.ok(CREATE, { input: { name: `Công ty Chưa rõ ${uniq('')}`, kind: 'ENTERPRISE', provinceCode: 'quang-ngai' } })).createOrganization;
    const mod = await registerModerator(base, ['quang-ngai']);
    const other = await registerModerator(base, ['ha-noi']);

    // A reason is required, and named when missing or too short.
    expect(await mod.client.error(DECLINE, { id: org.id, note: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { note: expect.any(String) } });
    expect(await mod.client.error(DECLINE, { id: org.id, note: 'ngắn' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { note: expect.any(String) } });
    expect((await other.client.error(DECLINE, { id: org.id, note: 'Không tìm thấy mã số thuế trên cổng đăng ký.' })).code).toBe('FORBIDDEN');
    expect((await owner.client.error(DECLINE, { id: org.id, note: 'Không tìm thấy mã số thuế trên cổng đăng ký.' })).code).toBe('FORBIDDEN');

    const declined = (await mod.client.ok(DECLINE, { id: org.id, note: '  Không tìm thấy mã số thuế trên cổng đăng ký  ' })).declineOrganizationVerification;
    expect(declined).toMatchObject({ verified: false, verificationNote: 'Không tìm thấy mã số thuế trên cổng đăng ký', verificationDeclinedAt: expect.any(String) });
    // Members and the moderator read the reason; nobody else does.
    expect((await owner.client.ok(SEEN, { id: org.id })).organization.verificationNote).toBe('Không tìm thấy mã số thuế trên cổng đăng ký');
    expect((await base.ok(SEEN, { id: org.id })).organization).toEqual({ verified: false, verificationNote: null, verificationDeclinedAt: null });
    expect((await other.client.ok(SEEN, { id: org.id })).organization.verificationNote).toBeNull();
    const notices = (await owner.client.ok(`{ notifications { kind title body url } }`)).notifications;
    expect(notices).toContainEqual({
      kind: 'ORGANIZATION_VERIFICATION_DECLINED',
      title: expect.stringContaining('chưa xác minh'),
      body: 'Lý do: Không tìm thấy mã số thuế trên cổng đăng ký. Cập nhật hồ sơ tổ chức để được xem xét lại.',
      url: `/dashboard/organizations/${org.id}`,
    });
    // Still listed as unverified, after those awaiting a decision; no longer awaiting on the dashboard.
    const queued = (await mod.client.ok(QUEUE)).organizationsForReview.items;
    expect(queued.find((o: { id: string }) => o.id === org.id).verificationDeclinedAt).not.toBeNull();
    expect(queued.findIndex((o: { verificationDeclinedAt: string | null }) => o.verificationDeclinedAt)).toBe(queued.length - 1);
    const dash = `{ departmentDashboard { organizationsAwaitingVerification { id } } }`;
    expect((await mod.client.ok(dash)).departmentDashboard.organizationsAwaitingVerification.map((o: { id: string }) => o.id)).not.toContain(org.id);
    const awaiting = `{ organizationsForReview(verified: false, declined: false, page: {page: 1, pageSize: 100}) { items { id } } }`;
    expect((await mod.client.ok(awaiting)).organizationsForReview.items.map((o: { id: string }) => o.id)).not.toContain(org.id);

    // An edit puts it back in the queue; a verification clears the reason.
    await owner.client.ok(`mutation($id: ID!) { updateOrganization(id: $id, input: { description: "Đã bổ sung giấy chứng nhận đăng ký doanh nghiệp." }) { id } }`, { id: org.id });
    expect((await owner.client.ok(SEEN, { id: org.id })).organization.verificationDeclinedAt).toBeNull();
    expect((await mod.client.ok(dash)).departmentDashboard.organizationsAwaitingVerification.map((o: { id: string }) => o.id)).toContain(org.id);
    expect((await mod.client.ok(VERIFY, { id: org.id })).verifyOrganization.verified).toBe(true);
    expect((await owner.client.ok(SEEN, { id: org.id })).organization).toEqual({ verified: true, verificationNote: null, verificationDeclinedAt: null });
  });

  it('refuses to undo another moderator’s decision taken meanwhile (CONFLICT), and counts the reason without its spaces', async () => {
    const owner = await registerUser(base);
    const org = (await owner.client.ok(CREATE, { input: { name: `Công ty Hai cán bộ ${uniq('')}`, kind: 'ENTERPRISE', provinceCode: 'quang-ngai' } })).createOrganization;
    const [a, b] = [await registerModerator(base, ['quang-ngai']), await registerModerator(base, ['quang-ngai'])];
    // A saw it unverified; B verifies it; A's decline (as of "not verified") must not withdraw B's verification.
    await b.client.ok(VERIFY, { id: org.id });
    expect((await a.client.error(DECLINE_SAW, { id: org.id, note: 'Không tìm thấy mã số thuế.', verified: false })).code).toBe('CONFLICT');
    expect((await base.ok(SEEN, { id: org.id })).organization.verified).toBe(true);
    // "ok" and eight spaces is no reason.
    expect(await a.client.error(DECLINE_SAW, { id: org.id, note: 'ok        ', verified: true })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { note: expect.any(String) } });
  });

  it('withdraws a verification, telling the members why', async () => {
    const owner = await registerUser(base);
    const org = (await owner.client.ok(CREATE, { input: { name: `Viện Đã xác minh ${uniq('')}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'quang-ngai' } })).createOrganization;
    const mod = await registerModerator(base, ['quang-ngai']);
    await mod.client.ok(VERIFY, { id: org.id });
    const withdrawn = (await mod.client.inLang('en').ok(DECLINE, { id: org.id, note: 'The institute was merged into another one in 2026.' })).declineOrganizationVerification;
    expect(withdrawn).toMatchObject({ verified: false, verificationNote: 'The institute was merged into another one in 2026.' });
    expect((await base.ok(SEEN, { id: org.id })).organization.verified).toBe(false);
    const notices = (await owner.client.ok(`{ notifications { kind title } }`)).notifications;
    expect(notices).toContainEqual({ kind: 'ORGANIZATION_VERIFICATION_DECLINED', title: expect.stringContaining('thu hồi xác minh') });
  });

  it('lists organisations for review within the jurisdiction only', async () => {
    const owner = await registerUser(base);
    const inside = (await owner.client.ok(CREATE, { input: { name: `Cơ sở Chế biến ${uniq('')}`, kind: 'ENTERPRISE', provinceCode: 'can-tho' } })).createOrganization;
    const mod = await registerModerator(base, ['can-tho']);
    const page = await mod.client.ok(`{ organizationsForReview(verified: false, page: {page: 1, pageSize: 100}) { totalItems items { id province { code } } } }`);
    expect(page.organizationsForReview.items.every((o: { province: { code: string } }) => o.province.code === 'can-tho')).toBe(true);
    expect(page.organizationsForReview.items.map((o: { id: string }) => o.id)).toContain(inside.id);
  });
});
