import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, addMember, adminClient, createOrganization, loginClient, registerModerator, registerUser, uniq } from './support/graphql.js';

const EXPERT = `id slug fullName headline bio services pastTransfers language status version createdAt updatedAt publishedAt
  fields { code name } province { code name } organization { id name } user { id displayName email }
  moderationNote rejectionReason rejectionReasonLabel hasPendingRevision
  pendingRevision { fullName headline services submittedAt declined province { code } fields { code } organization { id } }
  history { action fromStatus toStatus note reason reasonLabel at actor { id } }`;
const UPSERT = `mutation($input: ExpertProfileInput!) { upsertMyExpertProfile(input: $input) { ${EXPERT} } }`;
const SUBMIT = `mutation($id: ID!) { submitExpertProfile(id: $id) { ${EXPERT} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveExpertProfile(id: $id) { ${EXPERT} } }`;
const MODERATE = `mutation($id: ID!, $d: ModerationDecision!, $note: String, $reason: RejectionReason) {
  moderateExpertProfile(id: $id, decision: $d, note: $note, reason: $reason) { ${EXPERT} } }`;
const GET = `query($id: ID, $slug: String) { expert(id: $id, slug: $slug) { ${EXPERT} } }`;
const MINE = `{ myExpertProfile { ${EXPERT} } }`;
const QUEUE = `{ expertModerationQueue(page: {page: 1, pageSize: 100}) { totalItems items { id status province { code } } } }`;
const NOTIFICATIONS = `{ notifications { kind title body url } }`;

const CONTACT_FIELDS = `id expertName createdAt lastMessageAt viewerIsExpert expert { id fullName } fromOrganization { id }
  messages { id body fromExpert author { id email } createdAt }`;
const CONTACT = `mutation($e: ID!, $o: ID!, $m: String!) { contactExpert(expertId: $e, organizationId: $o, message: $m) { ${CONTACT_FIELDS} } }`;
const SEND = `mutation($c: ID!, $b: String!) { sendExpertMessage(contactId: $c, body: $b) { id body fromExpert author { id } } }`;
const CONTACTS = `{ expertContacts { ${CONTACT_FIELDS} } }`;
const ONE_CONTACT = `query($id: ID!) { expertContact(id: $id) { ${CONTACT_FIELDS} } }`;

let t: TestApp;
let base: Client;
let ds: DataSource;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
  ds = t.app.get(DataSource);
});
afterAll(() => t.close());

const BIO =
  'Hơn 20 năm nghiên cứu và chuyển giao công nghệ sau thu hoạch tại Viện Cơ điện nông nghiệp; ' +
  'chủ nhiệm 6 đề tài cấp bộ về sấy nông sản, đã hướng dẫn hơn 40 doanh nghiệp lập dự án đổi mới công nghệ.';

function profile(overrides: Record<string, unknown> = {}) {
  return {
    fullName: `Đặng Thị Hồng Đào ${uniq('')}`,
    headline: 'Chuyên gia tư vấn chuyển giao công nghệ sau thu hoạch',
    bio: BIO,
    fieldCodes: ['407'],
    services: ['Tư vấn chuyển giao công nghệ', 'Thẩm định công nghệ'],
    pastTransfers: ['Chuyển giao dây chuyền sấy lạnh xoài cho HTX Mỹ Xương (2021)'],
    provinceCode: 'can-tho',
    organizationId: null,
    ...overrides,
  };
}

type Expert = Record<string, any> & { id: string; slug: string; version: number; status: string };

async function expert(provinceCode = 'can-tho', overrides: Record<string, unknown> = {}) {
  const user = await registerUser(base, 'Chuyên gia');
  const p = (await user.client.ok(UPSERT, { input: profile({ provinceCode, ...overrides }) })).upsertMyExpertProfile as Expert;
  return { ...user, profile: p };
}

async function row(id: string): Promise<{ status: string; version: number; updated_at: string; full_name: string; pending: boolean; submitted: boolean }> {
  const [r] = await ds.query(
    `SELECT status, version, updated_at::text, full_name, pending_revision IS NOT NULL AS pending, revision_submitted_at IS NOT NULL AS submitted
     FROM expert_profile WHERE id = $1`,
    [id],
  );
  return r;
}

async function changedEvents(expertId: string): Promise<number> {
  const [r] = await ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'expert.changed' AND payload->>'expertId' = $1`, [expertId]);
  return r.n;
}

/** Runs `call`, expects `code`, and checks the profile row did not change. */
async function refused(client: Client, query: string, variables: Record<string, unknown>, code: string, id: string): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  const before = await row(id);
  const err = await client.error(query, variables);
  expect(err.code).toBe(code);
  expect(await row(id)).toEqual(before);
  return err;
}

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('the profile', () => {
  it('is created as a draft with a diacritic-free slug, one per account, and replaced by later upserts', async () => {
    const suffix = uniq('').toLowerCase();
    const u = await registerUser(base, 'Đặng Đào');
    const created = (await u.client.ok(UPSERT, { input: profile({ fullName: `Đặng Thị Hồng Đào ${suffix}`, fieldCodes: ['407', '211', '407'] }) })).upsertMyExpertProfile;
    expect(created).toMatchObject({
      slug: `dang-thi-hong-dao-${suffix}`,
      status: 'DRAFT',
      version: 1,
      publishedAt: null,
      organization: null,
      province: { code: 'can-tho', name: 'Cần Thơ' },
      services: ['Tư vấn chuyển giao công nghệ', 'Thẩm định công nghệ'],
      user: { id: u.id, email: u.email },
    });
    expect(created.fields.map((f: { code: string }) => f.code)).toEqual(['407', '211']);
    expect(created.fields[0].name).toBe('Cơ giới hóa và sau thu hoạch');
    expect(created.history).toEqual([
      expect.objectContaining({ action: 'CREATE', fromStatus: null, toStatus: 'DRAFT', actor: { id: u.id } }),
    ]);

    // A second upsert replaces the content of the same profile (no second profile).
    const renamed = (
      await u.client.ok(UPSERT, {
        input: profile({ version: 1, fullName: `Đặng Hồng Đào ${suffix}`, services: ['Thẩm định công nghệ', 'thẩm định  công nghệ', ' '], pastTransfers: [] }),
      })
    ).upsertMyExpertProfile;
    expect(renamed.id).toBe(created.id);
    expect(renamed).toMatchObject({ version: 2, slug: `dang-hong-dao-${suffix}`, services: ['Thẩm định công nghệ'], pastTransfers: [] });
    expect(renamed.history.map((e: { action: string }) => e.action)).toEqual(['CREATE', 'UPDATE']);
    expect((await u.client.ok(MINE)).myExpertProfile.id).toBe(created.id);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM expert_profile WHERE user_id = $1`, [u.id]);
    expect(n).toBe(1);

    // A stale version is refused and changes nothing.
    const stale = await refused(u.client.inLang('en'), UPSERT, { input: profile({ version: 1 }) }, 'CONFLICT', created.id);
    expect(stale.message).toMatch(/version 2, you sent 1/);

    // Two people with the same name get distinct slugs.
    const namesake = await registerUser(base);
    const second = (await namesake.client.ok(UPSERT, { input: profile({ fullName: `Đặng Hồng Đào ${suffix}` }) })).upsertMyExpertProfile;
    expect(second.slug).toBe(`dang-hong-dao-${suffix}-2`);

    expect((await base.error(UPSERT, { input: profile() })).code).toBe('UNAUTHENTICATED');
    expect((await base.error(MINE)).code).toBe('UNAUTHENTICATED');
    expect((await namesake.client.ok(`{ myExpertProfile { id } }`)).myExpertProfile.id).toBe(second.id);
    const none = await registerUser(base);
    expect((await none.client.ok(`{ myExpertProfile { id } }`)).myExpertProfile).toBeNull();
  });

  it('says which language the profile is written in, from its headline and biography', async () => {
    const vi = await registerUser(base, 'Chuyên gia');
    expect((await vi.client.ok(UPSERT, { input: profile() })).upsertMyExpertProfile.language).toBe('vi');
    const en = await registerUser(base, 'Expert');
    const english = profile({
      fullName: `Nguyen Van An ${uniq('')}`,
      headline: 'Consultant for post-harvest technology transfer',
      bio: 'Twenty years of advising food processors on drying, cold storage and packaging lines; led six ministry projects on fruit drying.',
    });
    expect((await en.client.ok(UPSERT, { input: english })).upsertMyExpertProfile.language).toBe('en');
  });

  it('names every invalid field in Vietnamese and English, and stores nothing', async () => {
    const u = await registerUser(base);
    const bad = profile({
      fullName: ' ',
      headline: 'ngắn',
      bio: 'quá ngắn',
      fieldCodes: [],
      services: ['x'],
      pastTransfers: Array.from({ length: 31 }, (_, i) => `Chuyển giao số ${i + 1}`),
      provinceCode: 'long-an',
    });
    const en = await u.client.inLang('en').error(UPSERT, { input: bad });
    expect(en.code).toBe('BAD_USER_INPUT');
    expect(en.fields).toEqual({
      // only a space: said as empty, not as a length
      'input.fullName': 'Please fill in this field.',
      'input.headline': 'Must be between 10 and 200 characters long.',
      'input.bio': 'Must be between 30 and 5,000 characters long.',
      'input.fieldCodes': 'Choose at least one field of expertise.',
      'input.services': 'Each item must be between 2 and 200 characters long; check: x',
      'input.pastTransfers': 'At most 30 items.',
      'input.provinceCode': 'Unknown code: long-an.',
    });
    const vi = await u.client.error(UPSERT, { input: bad });
    expect(vi.fields?.['input.fullName']).toBe('Vui lòng điền trường này.');
    // one letter is a length
    expect((await u.client.inLang('en').error(UPSERT, { input: { ...bad, fullName: 'Đ' } })).fields?.['input.fullName']).toBe('Must be between 2 and 120 characters long.');
    expect(vi.fields?.['input.fieldCodes']).toBe('Chọn ít nhất một lĩnh vực chuyên môn.');
    expect(vi.fields?.['input.provinceCode']).toBe('Mã không hợp lệ: long-an.');

    const unknown = await u.client.inLang('en').error(UPSERT, { input: profile({ fieldCodes: ['407', '999'], services: [] }) });
    expect(unknown.fields).toEqual({ 'input.fieldCodes': 'Unknown code: 999.', 'input.services': 'Name at least one S&T service you offer.' });

    // No control characters; line breaks only in the bio.
    const control = await u.client.inLang('en').error(UPSERT, { input: profile({ fullName: 'Nguyễn\u0007An', headline: 'Chuyên gia\ntư vấn công nghệ', services: ['Tư vấn\u0007'] }) });
    expect(control.fields).toEqual({
      'input.fullName': 'Must not contain control characters.',
      'input.headline': 'Must not contain control characters.',
      'input.services': 'Must not contain control characters.',
    });

    // The affiliation must be an organisation the expert belongs to.
    const other = await registerUser(base);
    const foreign = await createOrganization(other.client);
    for (const organizationId of [foreign.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const err = await u.client.inLang('en').error(UPSERT, { input: profile({ organizationId }) });
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.organizationId': 'You can only name an organisation you are a member of.' } });
    }
    const viOrg = await u.client.error(UPSERT, { input: profile({ organizationId: foreign.id }) });
    expect(viOrg.fields).toEqual({ 'input.organizationId': 'Bạn chỉ có thể ghi tổ chức mà bạn là thành viên.' });
    expect((await u.client.ok(`{ myExpertProfile { id } }`)).myExpertProfile).toBeNull();

    const own = await createOrganization(u.client, { name: `Viện Cơ điện ${uniq('')}` });
    const affiliated = (await u.client.ok(UPSERT, { input: profile({ organizationId: own.id, bio: `${BIO}\n\nGiải thưởng Sáng tạo Kỹ thuật 2019.` }) })).upsertMyExpertProfile;
    expect(affiliated.organization.id).toBe(own.id);
    expect(affiliated.bio).toBe(`${BIO}\n\nGiải thưởng Sáng tạo Kỹ thuật 2019.`);
    const independent = (await u.client.ok(UPSERT, { input: profile({ organizationId: null }) })).upsertMyExpertProfile;
    expect(independent.organization).toBeNull();
  });
});

describe('the workflow', () => {
  it('goes draft → review → rejected → fixed → published → archived, refusing every invalid step with CONFLICT', async () => {
    const e = await expert('dong-thap');
    const mod = await registerModerator(base, ['dong-thap']);
    const id = e.profile.id;

    // DRAFT: not archivable; invisible to the moderator, so moderating it finds nothing.
    await refused(e.client, ARCHIVE, { id }, 'CONFLICT', id);
    await refused(mod.client, MODERATE, { id, d: 'APPROVE' }, 'NOT_FOUND', id);
    expect(ids((await mod.client.ok(QUEUE)).expertModerationQueue)).not.toContain(id);

    const pending = (await e.client.ok(SUBMIT, { id })).submitExpertProfile;
    expect(pending.status).toBe('PENDING_REVIEW');
    // PENDING_REVIEW: no second submission, no edit, no archive.
    const again = await refused(e.client.inLang('en'), SUBMIT, { id }, 'CONFLICT', id);
    expect(again.message).toBe('Cannot submit a profile that is pending review.');
    const edit = await refused(e.client, UPSERT, { input: profile({ provinceCode: 'dong-thap' }) }, 'CONFLICT', id);
    expect(edit.message).toBe('Không thể sửa hồ sơ ở trạng thái "chờ duyệt".');
    await refused(e.client, ARCHIVE, { id }, 'CONFLICT', id);
    expect(ids((await mod.client.ok(QUEUE)).expertModerationQueue)).toContain(id);

    // A rejection needs a note (its reason defaults to OTHER).
    const missing = await refused(mod.client.inLang('en'), MODERATE, { id, d: 'REJECT' }, 'BAD_USER_INPUT', id);
    expect(missing.fields).toEqual({ note: 'Write a note telling the owner what to fix.' });
    const note = 'Hãy bổ sung các dự án chuyển giao đã thực hiện và kết quả cụ thể.';
    const rejected = (await mod.client.ok(MODERATE, { id, d: 'REJECT', reason: 'INCOMPLETE', note })).moderateExpertProfile;
    expect(rejected).toMatchObject({ status: 'REJECTED', moderationNote: note, rejectionReason: 'INCOMPLETE', rejectionReasonLabel: 'Thông tin chưa đầy đủ', publishedAt: null });
    expect((await base.ok(GET, { id })).expert).toBeNull();
    const [rejectedNote] = (await e.client.ok(NOTIFICATIONS)).notifications;
    expect(rejectedNote).toMatchObject({ kind: 'EXPERT_PROFILE_REJECTED', url: '/dashboard/expert' });
    expect(rejectedNote.body).toContain(note);
    // One full stop after the note, which brings its own.
    expect(rejectedNote.body).toBe(`Lý do: Thông tin chưa đầy đủ. Ghi chú của Sở KH&CN: ${note} Hãy sửa hồ sơ rồi gửi duyệt lại.`);
    // REJECTED: no second decision, no archive.
    await refused(mod.client, MODERATE, { id, d: 'APPROVE' }, 'CONFLICT', id);
    await refused(e.client, ARCHIVE, { id }, 'CONFLICT', id);

    // Fix (stays REJECTED), submit, approve.
    const fixed = (
      await e.client.ok(UPSERT, { input: profile({ fullName: e.profile.fullName, provinceCode: 'dong-thap', pastTransfers: ['Chuyển giao máy sấy lạnh cho HTX Tân Thuận (2022)', 'Thẩm định dây chuyền chế biến xoài (2023)'] }) })
    ).upsertMyExpertProfile;
    expect(fixed.status).toBe('REJECTED');
    await e.client.ok(SUBMIT, { id });
    expect(await changedEvents(id)).toBe(0);
    const published = (await mod.client.ok(MODERATE, { id, d: 'APPROVE', note: 'Đạt yêu cầu.' })).moderateExpertProfile;
    expect(published).toMatchObject({ status: 'PUBLISHED', rejectionReason: null, moderationNote: 'Đạt yêu cầu.' });
    expect(published.publishedAt).not.toBeNull();
    expect(await changedEvents(id)).toBe(1);
    expect((await e.client.ok(NOTIFICATIONS)).notifications.map((n: { kind: string }) => n.kind)).toEqual(['EXPERT_PROFILE_APPROVED', 'EXPERT_PROFILE_REJECTED']);

    // The public sees it, without review data or the owner's e-mail.
    const pub = (await base.ok(GET, { slug: e.profile.slug })).expert;
    expect(pub).toMatchObject({ id, status: 'PUBLISHED', history: null, moderationNote: null, rejectionReason: null, user: { id: e.id, email: null } });
    expect(pub.pastTransfers).toHaveLength(2);

    // PUBLISHED: no decision without a submitted revision, nothing to submit.
    await refused(mod.client, MODERATE, { id, d: 'APPROVE' }, 'CONFLICT', id);
    const nothing = await refused(e.client.inLang('en'), SUBMIT, { id }, 'CONFLICT', id);
    expect(nothing.message).toBe('This published profile has no revision to submit for review.');

    const archived = (await e.client.ok(ARCHIVE, { id })).archiveExpertProfile;
    expect(archived.status).toBe('ARCHIVED');
    expect(await changedEvents(id)).toBe(2);
    expect((await base.ok(GET, { id })).expert).toBeNull();
    await refused(e.client, ARCHIVE, { id }, 'CONFLICT', id);
    await refused(mod.client, MODERATE, { id, d: 'APPROVE' }, 'CONFLICT', id);

    // One profile per person: an archived profile may come back, through review again.
    const back = (await e.client.ok(SUBMIT, { id })).submitExpertProfile;
    expect(back.status).toBe('PENDING_REVIEW');
    expect(back.slug).toBe(e.profile.slug);

    expect(back.history.map((x: Record<string, any>) => [x.action, x.fromStatus, x.toStatus, x.actor.id, x.note, x.reason])).toEqual([
      ['CREATE', null, 'DRAFT', e.id, null, null],
      ['SUBMIT', 'DRAFT', 'PENDING_REVIEW', e.id, null, null],
      ['REJECT', 'PENDING_REVIEW', 'REJECTED', mod.id, note, 'INCOMPLETE'],
      ['UPDATE', 'REJECTED', 'REJECTED', e.id, null, null],
      ['SUBMIT', 'REJECTED', 'PENDING_REVIEW', e.id, null, null],
      ['APPROVE', 'PENDING_REVIEW', 'PUBLISHED', mod.id, 'Đạt yêu cầu.', null],
      ['ARCHIVE', 'PUBLISHED', 'ARCHIVED', e.id, null, null],
      ['SUBMIT', 'ARCHIVED', 'PENDING_REVIEW', e.id, null, null],
    ]);
    expect(back.history[2].reasonLabel).toBe('Thông tin chưa đầy đủ');
    const times = back.history.map((x: { at: string }) => new Date(x.at).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // The moderator reads the trail too.
    expect((await mod.client.ok(GET, { id })).expert.history).toHaveLength(8);
  });

  it('rejects with a note and no reason: filed under OTHER, the note is what the expert reads', async () => {
    const e = await expert('can-tho');
    const mod = await registerModerator(base, ['can-tho']);
    const id = e.profile.id;
    await e.client.ok(SUBMIT, { id });
    const note = 'Ảnh đại diện chưa phù hợp!';
    const rejected = (await mod.client.ok(MODERATE, { id, d: 'REJECT', note })).moderateExpertProfile;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'OTHER', moderationNote: note });
    const [en] = (await e.client.inLang('en').ok(NOTIFICATIONS)).notifications;
    expect(en.body).toBe(`The department's note: ${note} Edit the profile and submit it again.`);
  });

  it('comes down when an admin disables the account, and is submitted again once it is enabled', async () => {
    const e = await expert('can-tho');
    const mod = await registerModerator(base, ['can-tho']);
    const id = e.profile.id;
    await e.client.ok(SUBMIT, { id });
    await mod.client.ok(MODERATE, { id, d: 'APPROVE' });
    expect((await base.ok(GET, { id })).expert).not.toBeNull();
    const admin = await adminClient(base);
    await admin.ok(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`, { id: e.id });
    await t.settle();
    // Gone from its page and from search; the trail says the platform archived it.
    expect((await base.ok(GET, { id })).expert).toBeNull();
    expect(await row(id)).toMatchObject({ status: 'ARCHIVED', pending: false });
    const [trail] = await ds.query(`SELECT action, actor_id FROM expert_profile_event WHERE expert_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
    expect(trail).toEqual({ action: 'ARCHIVE', actor_id: null });
    expect(await changedEvents(id)).toBeGreaterThanOrEqual(2);
    // Submitted before the account was disabled, it cannot be approved meanwhile (only rejected).
    await admin.ok(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: false) { id } }`, { id: e.id });
    const back = await loginClient(base, e.email);
    // Back in, the person finds why the profile left the public list and what to do.
    const told = ((await back.inLang('en').ok(`{ notifications { kind title body url } }`)).notifications as { kind: string; body: string; url: string }[]).filter((n) => n.kind === 'EXPERT_PROFILE_TAKEN_DOWN');
    expect(told).toHaveLength(1);
    expect(told[0].body).toMatch(/submit the profile for review again/);
    expect(told[0].url).toBe('/dashboard/expert');
    expect((await back.ok(SUBMIT, { id })).submitExpertProfile.status).toBe('PENDING_REVIEW');
    await admin.ok(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`, { id: e.id });
    expect(await refused(mod.client, MODERATE, { id, d: 'APPROVE' }, 'CONFLICT', id)).toMatchObject({ code: 'CONFLICT' });
    // Enabled again before the platform got to it: nothing is taken down.
    const other = await expert('can-tho');
    await other.client.ok(SUBMIT, { id: other.profile.id });
    await mod.client.ok(MODERATE, { id: other.profile.id, d: 'APPROVE' });
    await admin.ok(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`, { id: other.id });
    await admin.ok(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: false) { id } }`, { id: other.id });
    await t.settle();
    expect((await row(other.profile.id)).status).toBe('PUBLISHED');
  });

  it('keeps the published text public while an edit waits for review as a pending revision', async () => {
    const e = await expert('an-giang');
    const mod = await registerModerator(base, ['an-giang']);
    const id = e.profile.id;
    await e.client.ok(SUBMIT, { id });
    const published = (await mod.client.ok(MODERATE, { id, d: 'APPROVE' })).moderateExpertProfile;
    const oldHeadline = published.headline;
    const newHeadline = 'Tiến sĩ, chuyên gia thẩm định công nghệ chế biến thủy sản';

    const edited = (
      await e.client.ok(UPSERT, { input: profile({ version: published.version, fullName: e.profile.fullName, headline: newHeadline, provinceCode: 'an-giang', fieldCodes: ['405'] }) })
    ).upsertMyExpertProfile;
    expect(edited).toMatchObject({ status: 'PUBLISHED', headline: oldHeadline, hasPendingRevision: true });
    expect(edited.pendingRevision).toMatchObject({ headline: newHeadline, submittedAt: null, fields: [{ code: '405' }], province: { code: 'an-giang' } });
    expect((await base.ok(GET, { id })).expert).toMatchObject({ headline: oldHeadline, hasPendingRevision: false, pendingRevision: null });
    expect(ids((await mod.client.ok(QUEUE)).expertModerationQueue)).not.toContain(id);

    const submitted = (await e.client.ok(SUBMIT, { id })).submitExpertProfile;
    expect(submitted.pendingRevision.submittedAt).not.toBeNull();
    expect(ids((await mod.client.ok(QUEUE)).expertModerationQueue)).toContain(id);
    await refused(e.client, SUBMIT, { id }, 'CONFLICT', id);
    await refused(e.client, UPSERT, { input: profile({ headline: 'Một dòng giới thiệu khác hẳn' }) }, 'CONFLICT', id);

    // A rejected revision stays with the expert; the public text does not change.
    const rejected = (await mod.client.ok(MODERATE, { id, d: 'REJECT', reason: 'MISLEADING', note: 'Chức danh chưa được chứng minh.' })).moderateExpertProfile;
    expect(rejected).toMatchObject({ status: 'PUBLISHED', headline: oldHeadline, rejectionReason: 'MISLEADING', hasPendingRevision: true });
    expect(rejected.pendingRevision).toMatchObject({ submittedAt: null, declined: true });
    expect((await base.ok(GET, { id })).expert.headline).toBe(oldHeadline);
    expect(await changedEvents(id)).toBe(1);

    expect((await e.client.ok(SUBMIT, { id })).submitExpertProfile.pendingRevision.declined).toBe(false);
    const approved = (await mod.client.ok(MODERATE, { id, d: 'APPROVE' })).moderateExpertProfile;
    expect(approved).toMatchObject({ status: 'PUBLISHED', headline: newHeadline, hasPendingRevision: false, pendingRevision: null, slug: e.profile.slug });
    expect(approved.fields.map((f: { code: string }) => f.code)).toEqual(['405']);
    expect(approved.publishedAt).toBe(published.publishedAt);
    expect(await changedEvents(id)).toBe(2);
    expect((await base.ok(GET, { id })).expert.headline).toBe(newHeadline);
    expect(approved.history.map((x: { action: string }) => x.action)).toEqual([
      'CREATE',
      'SUBMIT',
      'APPROVE',
      'REVISION_UPDATE',
      'REVISION_SUBMIT',
      'REVISION_REJECT',
      'REVISION_SUBMIT',
      'REVISION_APPROVE',
    ]);
    // An approval links to the public profile; a rejection to the expert's own page, where the reason and the form are.
    expect((await e.client.ok(NOTIFICATIONS)).notifications.map((n: { kind: string; url: string }) => [n.kind, n.url])).toEqual([
      ['EXPERT_REVISION_APPROVED', `/experts/${approved.slug}`],
      ['EXPERT_REVISION_REJECTED', '/dashboard/expert'],
      ['EXPERT_PROFILE_APPROVED', `/experts/${approved.slug}`],
    ]);

    // Writing back exactly the published text withdraws a revision.
    await e.client.ok(UPSERT, { input: profile({ fullName: e.profile.fullName, headline: 'Một dòng giới thiệu khác hẳn', provinceCode: 'an-giang', fieldCodes: ['405'] }) });
    expect((await row(id)).pending).toBe(true);
    const current = (await e.client.ok(MINE)).myExpertProfile;
    const reverted = (
      await e.client.ok(UPSERT, {
        input: {
          fullName: current.fullName,
          headline: current.headline,
          bio: current.bio,
          fieldCodes: current.fields.map((f: { code: string }) => f.code),
          services: current.services,
          pastTransfers: current.pastTransfers,
          provinceCode: current.province.code,
          organizationId: null,
        },
      })
    ).upsertMyExpertProfile;
    expect(reverted.hasPendingRevision).toBe(false);
  });

  it('reads a form\'s line breaks ("\\r\\n") as the published ones ("\\n"): the same text sent back is no revision, even against text stored with "\\r\\n"', async () => {
    const bio = `${BIO}\nĐã công bố 15 bài báo khoa học về sấy nông sản.\n\nNgoại ngữ: tiếng Anh.`;
    const e = await expert('can-tho', { bio });
    const mod = await registerModerator(base, ['can-tho']);
    const id = e.profile.id;
    await e.client.ok(SUBMIT, { id });
    await mod.client.ok(MODERATE, { id, d: 'APPROVE' });
    const same = { fullName: e.profile.fullName, bio: bio.replace(/\n/g, '\r\n') };

    // A textarea sends its lines with "\r\n": the untouched text is not an edit waiting for review.
    expect((await e.client.ok(UPSERT, { input: profile(same) })).upsertMyExpertProfile.hasPendingRevision).toBe(false);
    // A real edit is kept with "\n" (and a lone "\r" is a line break too), so a moderator sees the one change.
    await e.client.ok(UPSERT, { input: profile({ ...same, bio: `${same.bio}\rThêm một dòng.` }) });
    const [revision] = await ds.query(`SELECT pending_revision->>'bio' AS bio FROM expert_profile WHERE id = $1`, [id]);
    expect(revision.bio).toBe(`${bio}\nThêm một dòng.`);

    // Text published before inputs were cleaned may hold "\r\n": sending it back is still no revision.
    await ds.query(`UPDATE expert_profile SET bio = replace(bio, E'\\n', E'\\r\\n') WHERE id = $1`, [id]);
    expect((await e.client.ok(UPSERT, { input: profile({ fullName: e.profile.fullName, bio }) })).upsertMyExpertProfile.hasPendingRevision).toBe(false);
  });
});

describe('an organisation’s experts', () => {
  it('lists on the organisation the published profiles affiliated with it, by name, and nothing unpublished', async () => {
    const officer = await registerUser(base, 'Cán bộ chuyển giao');
    const university = await createOrganization(officer.client, { kind: 'UNIVERSITY', provinceCode: 'hai-phong', name: `Trường Đại học ${uniq('')}` });
    const mod = await registerModerator(base, ['hai-phong']);
    const researcher = async (fullName: string, publish: boolean) => {
      const user = await registerUser(base, fullName);
      await addMember(officer.client, university.id, user.email);
      const p = (await user.client.ok(UPSERT, { input: profile({ fullName, provinceCode: 'hai-phong', organizationId: university.id }) })).upsertMyExpertProfile;
      if (publish) {
        await user.client.ok(SUBMIT, { id: p.id });
        await mod.client.ok(MODERATE, { id: p.id, d: 'APPROVE' });
      }
      return { ...p, client: user.client };
    };
    const vu = await researcher(`Vũ Văn Bình ${uniq('')}`, true);
    await researcher(`Bùi Thị Nháp ${uniq('')}`, false);
    const an = await researcher(`An Thị Hoa ${uniq('')}`, true);
    const independent = await expert('hai-phong');
    await independent.client.ok(SUBMIT, { id: independent.profile.id });
    await mod.client.ok(MODERATE, { id: independent.profile.id, d: 'APPROVE' });

    const ORG_EXPERTS = `query($slug: String!) { organization(slug: $slug) { experts { id slug fullName headline organization { id } } } }`;
    const listed = (await base.ok(ORG_EXPERTS, { slug: university.slug })).organization.experts;
    expect(listed.map((e: { id: string }) => e.id)).toEqual([an.id, vu.id]);
    expect(listed[0]).toMatchObject({ slug: an.slug, organization: { id: university.id } });

    // Archived: no longer on the organisation's page.
    await an.client.ok(ARCHIVE, { id: an.id });
    expect((await base.ok(ORG_EXPERTS, { slug: university.slug })).organization.experts.map((e: { id: string }) => e.id)).toEqual([vu.id]);
  });
});

describe('who may do what', () => {
  it('keeps drafts to their expert, and the profile’s actions to its owner', async () => {
    const e = await expert('hue');
    const stranger = await registerUser(base);
    const id = e.profile.id;
    expect((await stranger.client.ok(GET, { id })).expert).toBeNull();
    expect((await stranger.client.ok(GET, { slug: e.profile.slug })).expert).toBeNull();
    expect((await stranger.client.ok(GET, { slug: 'Dang%_' })).expert).toBeNull();
    expect((await base.ok(GET, { id })).expert).toBeNull();
    await refused(stranger.client, SUBMIT, { id }, 'NOT_FOUND', id);
    await refused(stranger.client, ARCHIVE, { id }, 'NOT_FOUND', id);
    await refused(stranger.client, SUBMIT, { id: 'not-an-id' }, 'NOT_FOUND', id);
    // A stranger's upsert is their own profile, never this one.
    const theirs = (await stranger.client.ok(UPSERT, { input: profile() })).upsertMyExpertProfile;
    expect(theirs.id).not.toBe(id);
    expect(await row(id)).toMatchObject({ status: 'DRAFT', version: 1 });

    // Published: readable by all, still only its owner acts on it.
    const mod = await registerModerator(base, ['hue']);
    await e.client.ok(SUBMIT, { id });
    await mod.client.ok(MODERATE, { id, d: 'APPROVE', note: 'Ghi chú nội bộ' });
    expect((await stranger.client.ok(GET, { id })).expert).toMatchObject({ id, moderationNote: null, history: null, user: { email: null } });
    await refused(stranger.client, ARCHIVE, { id }, 'FORBIDDEN', id);
    await refused(stranger.client, SUBMIT, { id }, 'FORBIDDEN', id);
    expect((await e.client.ok(GET, { id })).expert).toMatchObject({ moderationNote: 'Ghi chú nội bộ', user: { email: e.email } });
  });

  it('lets moderators review only in their provinces, never their own profile, and nobody else at all', async () => {
    const north = await expert('lai-chau');
    const south = await expert('ca-mau');
    const laiChau = await registerModerator(base, ['lai-chau']);
    const national = await registerModerator(base, []);
    await north.client.ok(SUBMIT, { id: north.profile.id });
    await south.client.ok(SUBMIT, { id: south.profile.id });

    const q = (await laiChau.client.ok(QUEUE)).expertModerationQueue;
    expect(ids(q)).toContain(north.profile.id);
    expect(ids(q)).not.toContain(south.profile.id);
    expect(q.items.every((i: { province: { code: string } }) => i.province.code === 'lai-chau')).toBe(true);
    expect(ids((await national.client.ok(QUEUE)).expertModerationQueue)).toEqual(expect.arrayContaining([north.profile.id, south.profile.id]));

    // Outside the jurisdiction the profile in review does not exist for this moderator.
    expect((await laiChau.client.ok(GET, { id: south.profile.id })).expert).toBeNull();
    await refused(laiChau.client, MODERATE, { id: south.profile.id, d: 'APPROVE' }, 'NOT_FOUND', south.profile.id);
    await refused(laiChau.client, MODERATE, { id: south.profile.id, d: 'REJECT', reason: 'OTHER', note: 'Ngoài địa bàn' }, 'NOT_FOUND', south.profile.id);

    // Members are not moderators.
    const member = await registerUser(base);
    expect((await member.client.error(QUEUE)).code).toBe('FORBIDDEN');
    expect((await base.error(QUEUE)).code).toBe('UNAUTHENTICATED');
    await refused(member.client, MODERATE, { id: north.profile.id, d: 'APPROVE' }, 'FORBIDDEN', north.profile.id);
    await refused(north.client, MODERATE, { id: north.profile.id, d: 'APPROVE' }, 'FORBIDDEN', north.profile.id);

    // A moderator's own profile is never theirs to review.
    const ownProfile = (await laiChau.client.ok(UPSERT, { input: profile({ provinceCode: 'lai-chau' }) })).upsertMyExpertProfile;
    await laiChau.client.ok(SUBMIT, { id: ownProfile.id });
    expect(ids((await laiChau.client.ok(QUEUE)).expertModerationQueue)).not.toContain(ownProfile.id);
    expect(ids((await national.client.ok(QUEUE)).expertModerationQueue)).toContain(ownProfile.id);
    await refused(laiChau.client, MODERATE, { id: ownProfile.id, d: 'APPROVE' }, 'FORBIDDEN', ownProfile.id);

    // A published profile outside the jurisdiction is visible, but not the moderator's to act on.
    await national.client.ok(MODERATE, { id: south.profile.id, d: 'APPROVE' });
    await south.client.ok(UPSERT, { input: profile({ fullName: south.profile.fullName, provinceCode: 'ca-mau', headline: 'Chuyên gia tư vấn nuôi tôm công nghệ cao' }) });
    await south.client.ok(SUBMIT, { id: south.profile.id });
    expect((await laiChau.client.ok(GET, { id: south.profile.id })).expert.status).toBe('PUBLISHED');
    await refused(laiChau.client, MODERATE, { id: south.profile.id, d: 'APPROVE' }, 'FORBIDDEN', south.profile.id);
    // Inside it, the approval goes through.
    expect((await laiChau.client.ok(MODERATE, { id: north.profile.id, d: 'APPROVE' })).moderateExpertProfile.status).toBe('PUBLISHED');
  });
});

describe('contacting an expert', () => {
  it('opens one conversation per organisation, seen and written only by the expert and that organisation', async () => {
    const e = await expert('ha-noi');
    const mod = await registerModerator(base, ['ha-noi']);
    const id = e.profile.id;

    const buyer = await registerUser(base, 'Doanh nghiệp');
    const buyerOrg = await createOrganization(buyer.client, { name: `Công ty Chế biến Nông sản ${uniq('')}` });
    const colleague = await registerUser(base);
    await addMember(buyer.client, buyerOrg.id, colleague.email);
    const outsider = await registerUser(base);
    const outsiderOrg = await createOrganization(outsider.client);

    // Not published yet: there is no one to contact.
    expect((await buyer.client.error(CONTACT, { e: id, o: buyerOrg.id, m: 'Xin chào' })).code).toBe('NOT_FOUND');
    await e.client.ok(SUBMIT, { id });
    await mod.client.ok(MODERATE, { id, d: 'APPROVE' });

    // Members only, for their own organisation; a message is required.
    expect((await base.error(CONTACT, { e: id, o: buyerOrg.id, m: 'Xin chào' })).code).toBe('UNAUTHENTICATED');
    expect((await outsider.client.error(CONTACT, { e: id, o: buyerOrg.id, m: 'Xin chào' })).code).toBe('FORBIDDEN');
    expect((await buyer.client.error(CONTACT, { e: id, o: '00000000-0000-4000-8000-000000000000', m: 'Xin chào' })).code).toBe('NOT_FOUND');
    const blank = await buyer.client.inLang('en').error(CONTACT, { e: id, o: buyerOrg.id, m: '   ' });
    expect(blank).toMatchObject({ code: 'BAD_USER_INPUT', fields: { message: 'A message must be 1 to 5,000 characters long.' } });
    const nul = await buyer.client.inLang('en').error(CONTACT, { e: id, o: buyerOrg.id, m: 'Xin\u001b[31mchào' });
    expect(nul).toMatchObject({ code: 'BAD_USER_INPUT', fields: { message: 'A message must not contain control characters.' } });
    const ownOrg = await createOrganization(e.client);
    const self = await e.client.inLang('en').error(CONTACT, { e: id, o: ownOrg.id, m: 'Xin chào' });
    expect(self).toMatchObject({ code: 'BAD_USER_INPUT', fields: { expertId: 'You cannot contact your own profile.' } });
    const [{ n: none }] = await ds.query(`SELECT count(*)::int AS n FROM expert_contact WHERE expert_id = $1`, [id]);
    expect(none).toBe(0);

    const first = 'Chúng tôi cần tư vấn lựa chọn công nghệ sấy cho xoài xuất khẩu.';
    const contact = (await buyer.client.ok(CONTACT, { e: id, o: buyerOrg.id, m: first })).contactExpert;
    expect(contact).toMatchObject({ expertName: e.profile.fullName, viewerIsExpert: false, expert: { id }, fromOrganization: { id: buyerOrg.id } });
    expect(contact.messages).toEqual([expect.objectContaining({ body: first, fromExpert: false, author: { id: buyer.id, email: buyer.email } })]);
    const [notice] = (await e.client.ok(NOTIFICATIONS)).notifications.filter((n: { kind: string }) => n.kind === 'EXPERT_CONTACT');
    expect(notice).toMatchObject({ body: first, url: `/experts/contacts/${contact.id}` });

    // The expert answers; the whole organisation is notified, the author is not.
    const reply = (await e.client.ok(SEND, { c: contact.id, b: 'Tôi có thể khảo sát nhà máy vào tuần sau.' })).sendExpertMessage;
    expect(reply).toMatchObject({ fromExpert: true, author: { id: e.id } });
    expect((await colleague.client.ok(NOTIFICATIONS)).notifications.map((n: { kind: string; body: string }) => [n.kind, n.body])).toEqual([
      ['EXPERT_MESSAGE', 'Tôi có thể khảo sát nhà máy vào tuần sau.'],
    ]);
    expect((await e.client.ok(NOTIFICATIONS)).notifications.filter((n: { kind: string }) => n.kind === 'EXPERT_MESSAGE')).toEqual([]);

    // Contacting again continues the same conversation; a colleague writes in it too.
    const again = (await colleague.client.ok(CONTACT, { e: id, o: buyerOrg.id, m: 'Bổ sung: công suất 2 tấn/ngày.' })).contactExpert;
    expect(again.id).toBe(contact.id);
    await colleague.client.ok(SEND, { c: contact.id, b: 'Tuần sau thứ Ba được không ạ?' });

    const expertView = (await e.client.ok(CONTACTS)).expertContacts;
    expect(expertView).toHaveLength(1);
    expect(expertView[0]).toMatchObject({ id: contact.id, viewerIsExpert: true });
    expect(expertView[0].messages.map((m: { body: string; fromExpert: boolean }) => [m.fromExpert, m.body])).toEqual([
      [false, first],
      [true, 'Tôi có thể khảo sát nhà máy vào tuần sau.'],
      [false, 'Bổ sung: công suất 2 tấn/ngày.'],
      [false, 'Tuần sau thứ Ba được không ạ?'],
    ]);
    // The buyer reads the expert's messages without the expert's e-mail.
    const buyerView = (await buyer.client.ok(ONE_CONTACT, { id: contact.id })).expertContact;
    expect(buyerView.messages[1].author).toEqual({ id: e.id, email: null });
    expect((await colleague.client.ok(CONTACTS)).expertContacts.map((c: { id: string }) => c.id)).toEqual([contact.id]);

    // Nobody else sees or writes in it.
    expect((await outsider.client.ok(CONTACTS)).expertContacts).toEqual([]);
    expect((await outsider.client.ok(ONE_CONTACT, { id: contact.id })).expertContact).toBeNull();
    expect((await base.ok(ONE_CONTACT, { id: contact.id })).expertContact).toBeNull();
    expect((await mod.client.ok(ONE_CONTACT, { id: contact.id })).expertContact).toBeNull();
    expect((await outsider.client.error(SEND, { c: contact.id, b: 'Xen vào' })).code).toBe('NOT_FOUND');
    expect((await base.error(CONTACTS)).code).toBe('UNAUTHENTICATED');
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM expert_message WHERE contact_id = $1`, [contact.id]);
    expect(n).toBe(4);

    // Another organisation gets a conversation of its own.
    const other = (await outsider.client.ok(CONTACT, { e: id, o: outsiderOrg.id, m: 'Xin báo giá dịch vụ thẩm định.' })).contactExpert;
    expect(other.id).not.toBe(contact.id);
    expect((await e.client.ok(CONTACTS)).expertContacts.map((c: { id: string }) => c.id)).toEqual([other.id, contact.id]);
    expect((await buyer.client.ok(CONTACTS)).expertContacts.map((c: { id: string }) => c.id)).toEqual([contact.id]);

    // Once the profile is archived the conversation stays, the profile itself is no longer shown to the buyer.
    await e.client.ok(ARCHIVE, { id });
    const afterArchive = (await buyer.client.ok(ONE_CONTACT, { id: contact.id })).expertContact;
    expect(afterArchive).toMatchObject({ expert: null, expertName: e.profile.fullName });
    expect(afterArchive.messages).toHaveLength(4);
    expect((await buyer.client.error(CONTACT, { e: id, o: buyerOrg.id, m: 'Còn đó không?' })).code).toBe('NOT_FOUND');
  });

  it('limits how fast one account writes', async () => {
    const limited = await startTestApp({ RATE_LIMIT_MESSAGES_PER_ACCOUNT: '3' });
    try {
      const api = new Client(limited.url);
      const e = await registerUser(api, 'Chuyên gia');
      const { id } = (await e.client.ok(UPSERT, { input: profile() })).upsertMyExpertProfile;
      await e.client.ok(SUBMIT, { id });
      await (await registerModerator(api, [])).client.ok(MODERATE, { id, d: 'APPROVE' });
      const buyer = await registerUser(api);
      const org = await createOrganization(buyer.client);
      const contact = (await buyer.client.ok(CONTACT, { e: id, o: org.id, m: 'Tin nhắn thứ nhất' })).contactExpert;
      await buyer.client.ok(SEND, { c: contact.id, b: 'Tin nhắn thứ hai' });
      await buyer.client.ok(SEND, { c: contact.id, b: 'Tin nhắn thứ ba' });
      const err = await buyer.client.inLang('en').error(SEND, { c: contact.id, b: 'Tin nhắn thứ tư' });
      expect(err.code).toBe('RATE_LIMITED');
      expect(err.message).toMatch(/try again in 1 minute/);
      expect((await buyer.client.error(CONTACT, { e: id, o: org.id, m: 'Lại nữa' })).code).toBe('RATE_LIMITED');
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM expert_message WHERE contact_id = $1`, [contact.id]);
      expect(n).toBe(3);
      // The expert's own allowance is separate.
      expect((await e.client.ok(SEND, { c: contact.id, b: 'Tôi đã nhận được.' })).sendExpertMessage.fromExpert).toBe(true);
    } finally {
      await limited.close();
    }
  });
});
