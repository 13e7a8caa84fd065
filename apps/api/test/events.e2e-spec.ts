import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, addMember, adminClient, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';
import { eventDay, eventInput as sharedEventInput, publishedEvent as publishShared } from './support/events.js';
import { publishListing } from './support/listings.js';

/** Techmart events (issue #17): moderation through the core, the public list, the programme, registrations. */

const EVENT = `id slug name nameVi nameEn kind status version startsOn endsOn timeZone online venue description
  registrationOpensAt registrationClosesAt registrationOpen ended meetingDays dayStartsAt dayEndsAt slotMinutes meetingTables
  breaks { startsAt endsAt } maxExhibitors maxVisitors questions { id label labelVi labelEn required }
  fields { code } province { code } organizer { id name } viewerIsOrganizer
  moderationNote rejectionReason pendingRevision { nameVi submittedAt declined fieldCodes meetingDays slotMinutes meetingTables breaks { startsAt endsAt } questions { labelVi required } }
  history { action fromStatus toStatus note actor { id } }
  sessions { id kind title room speaker startsAt endsAt }
  participantCounts { exhibitors visitors }`;
const CREATE = `mutation($o: ID!, $input: EventInput!) { createEvent(organizerId: $o, input: $input) { ${EVENT} } }`;
const UPDATE = `mutation($id: ID!, $input: EventInput!, $v: Int) { updateEvent(id: $id, input: $input, version: $v) { ${EVENT} } }`;
const SUBMIT = `mutation($id: ID!) { submitEvent(id: $id) { id status } }`;
const MODERATE = `mutation($id: ID!, $d: ModerationDecision!, $note: String) { moderateEvent(id: $id, decision: $d, note: $note) { id status moderationNote } }`;
const GET = `query($id: ID, $slug: String) { event(id: $id, slug: $slug) { ${EVENT} } }`;
const LIST = `query($input: EventSearchInput, $page: PageInput) { events(input: $input, page: $page) { totalItems items { id slug name } } }`;
const QUEUE = `{ eventModerationQueue(page: {page: 1, pageSize: 100}) { totalItems items { id } } }`;
const ADD_SESSION = `mutation($e: ID!, $input: ProgrammeSessionInput!) { addProgrammeSession(eventId: $e, input: $input) { id title startsAt } }`;
const REMOVE_SESSION = `mutation($id: ID!) { removeProgrammeSession(id: $id) { id sessions { id } } }`;
const REG = `id role status booth decisionNote answers { questionId question answer } organization { id } listings { id } event { id }`;
const REGISTER = `mutation($input: EventRegistrationInput!) { registerForEvent(input: $input) { ${REG} } }`;
const DECIDE = `mutation($id: ID!, $a: Boolean!, $booth: String, $note: String) { decideEventRegistration(id: $id, approve: $a, booth: $booth, note: $note) { ${REG} } }`;
const BOOTH = `mutation($id: ID!, $booth: String) { assignEventBooth(id: $id, booth: $booth) { ${REG} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEventRegistration(id: $id) { id status } }`;
const REGISTRATIONS = `query($slug: String) { event(slug: $slug) { registrations { ${REG} } myRegistrations { id status } exhibitors { ${REG} } participantCounts { exhibitors visitors } } }`;

let t: TestApp;
let base: Client;
let ds: DataSource;
/** A moderator for Đà Nẵng (where this spec's events are) and one for Hà Nội. */
let daNang: Client;
let haNoi: Client;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
  ds = t.app.get(DataSource);
  daNang = (await registerModerator(base, ['da-nang'])).client;
  haNoi = (await registerModerator(base, ['ha-noi'])).client;
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const day = eventDay;

/** The shared event input, with two registration questions (one required). */
function eventInput(overrides: Record<string, unknown> = {}) {
  return sharedEventInput({
    questions: [
      { labelVi: 'Số người tham dự', labelEn: 'Number of attendees', required: true },
      { labelVi: 'Nhu cầu điện cho gian hàng', labelEn: 'Power needs of the booth', required: false },
    ],
    ...overrides,
  });
}

type Ev = Record<string, any> & { id: string; slug: string; status: string; version: number };

/** An organisation and a member who organises events for it. */
async function organiser() {
  const user = await registerUser(base, 'Ban tổ chức');
  const org = await createOrganization(user.client, { name: `Trung tâm Ứng dụng KH&CN ${uniq('')}`, provinceCode: 'da-nang' });
  return { ...user, org };
}

async function publishedEvent(overrides: Record<string, unknown> = {}) {
  const o = await organiser();
  const e = (await publishShared(o.client, o.org.id, daNang, eventInput(overrides))) as unknown as Ev;
  return { ...o, event: e };
}

describe('events as moderated content', () => {
  it('an organisation drafts an event, submits it, and only a moderator covering the province publishes it', async () => {
    const o = await organiser();
    const created = (await o.client.ok(CREATE, { o: o.org.id, input: eventInput({ fieldCodes: ['2', '2'], meetingDays: [day(41), day(40), day(41)] }) })).createEvent as Ev;
    expect(created).toMatchObject({
      status: 'DRAFT',
      version: 1,
      timeZone: 'Asia/Ho_Chi_Minh',
      organizer: { id: o.org.id },
      viewerIsOrganizer: true,
      registrationOpen: false,
      meetingDays: [day(40), day(41)],
      fields: [{ code: '2' }],
      questions: [
        { id: 'q1', label: 'Số người tham dự', required: true },
        { id: 'q2', label: 'Nhu cầu điện cho gian hàng', required: false },
      ],
    });
    expect(created.slug).toMatch(/^cho-cong-nghe-va-thiet-bi-da-nang-/);
    expect(created.history.map((h: { action: string }) => h.action)).toEqual(['CREATE']);

    // A draft is the organiser's alone: the public, a stranger and moderators see nothing.
    expect((await base.ok(GET, { id: created.id })).event).toBeNull();
    expect((await daNang.ok(GET, { id: created.id })).event).toBeNull();
    const stranger = await registerUser(base);
    expect((await stranger.client.error(SUBMIT, { id: created.id })).code).toBe('NOT_FOUND');

    await o.client.ok(SUBMIT, { id: created.id });
    expect((await daNang.ok(QUEUE)).eventModerationQueue.items.map((i: { id: string }) => i.id)).toContain(created.id);
    expect((await haNoi.ok(QUEUE)).eventModerationQueue.items.map((i: { id: string }) => i.id)).not.toContain(created.id);

    // A moderator outside Đà Nẵng cannot decide it; nothing changes.
    expect((await haNoi.error(MODERATE, { id: created.id, d: 'APPROVE' })).code).toBe('NOT_FOUND');
    const national = (await registerModerator(base, ['ha-noi', 'hue'])).client;
    expect((await national.error(MODERATE, { id: created.id, d: 'APPROVE' })).code).toBe('NOT_FOUND');
    // A rejection needs a note.
    expect((await daNang.error(MODERATE, { id: created.id, d: 'REJECT' })).fields).toHaveProperty('note');

    const approved = (await daNang.ok(MODERATE, { id: created.id, d: 'APPROVE', note: 'Đủ điều kiện tổ chức.' })).moderateEvent;
    expect(approved).toMatchObject({ status: 'PUBLISHED', moderationNote: 'Đủ điều kiện tổ chức.' });

    const pub = (await base.ok(GET, { slug: created.slug })).event as Ev;
    expect(pub).toMatchObject({ status: 'PUBLISHED', registrationOpen: true, viewerIsOrganizer: false, moderationNote: null, history: null });
    expect((await o.client.ok(GET, { slug: created.slug })).event.history.map((h: { action: string }) => h.action)).toEqual(['CREATE', 'SUBMIT', 'APPROVE']);
    const [audit] = await ds.query(`SELECT action, target_kind FROM staff_audit_log WHERE target_id = $1`, [created.id]);
    expect(audit).toEqual({ action: 'EVENT_MODERATED', target_kind: 'EVENT' });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'event.changed' AND payload->>'eventId' = $1`, [created.id]);
    expect(n).toBe(1);
    const [note] = await ds.query(`SELECT kind FROM notification WHERE user_id = $1 AND kind = 'EVENT_APPROVED'`, [o.id]);
    expect(note).toEqual({ kind: 'EVENT_APPROVED' });
  });

  it('a moderator covering the province creates an event for an organiser and publishes it at once; others may not', async () => {
    const o = await organiser();
    const e = (await daNang.ok(CREATE, { o: o.org.id, input: eventInput({ kind: 'BROKERAGE_DAY' }) })).createEvent as Ev;
    expect(e).toMatchObject({ status: 'PUBLISHED', organizer: { id: o.org.id }, viewerIsOrganizer: false });
    expect(e.history.map((h: { action: string; toStatus: string }) => [h.action, h.toStatus])).toEqual([
      ['CREATE', 'DRAFT'],
      ['SUBMIT', 'PENDING_REVIEW'],
      ['APPROVE', 'PUBLISHED'],
    ]);
    const [audit] = await ds.query(`SELECT action FROM staff_audit_log WHERE target_id = $1`, [e.id]);
    expect(audit.action).toBe('EVENT_PUBLISHED_BY_STAFF');
    // The organiser's members own it from then on.
    expect((await o.client.ok(GET, { id: e.id })).event.viewerIsOrganizer).toBe(true);

    // Outside their province, or as a plain member of no organiser: refused, nothing written.
    const before = (await ds.query(`SELECT count(*)::int AS n FROM techmart_event`))[0].n;
    expect((await haNoi.error(CREATE, { o: o.org.id, input: eventInput() })).fields).toHaveProperty('organizerId');
    const stranger = await registerUser(base);
    expect((await stranger.client.error(CREATE, { o: o.org.id, input: eventInput() })).fields).toHaveProperty('organizerId');
    expect((await ds.query(`SELECT count(*)::int AS n FROM techmart_event`))[0].n).toBe(before);
  });

  it("publishes at once the department's own event (a verified government body the moderator belongs to), not a company's", async () => {
    const mod = await registerModerator(base, ['da-nang']);
    const office = await createOrganization(mod.client, { name: `Trung tâm Ứng dụng KH&CN ${uniq('')}`, kind: 'GOVERNMENT', provinceCode: 'da-nang' });
    // A kind anyone may claim: until the department has verified the office, its events go through review.
    expect(((await mod.client.ok(CREATE, { o: office.id, input: eventInput() })).createEvent as Ev).status).toBe('DRAFT');
    await (await adminClient(base)).ok(`mutation($id: ID!) { verifyOrganization(id: $id) { id } }`, { id: office.id });
    const own = (await mod.client.ok(CREATE, { o: office.id, input: eventInput() })).createEvent as Ev;
    expect(own).toMatchObject({ status: 'PUBLISHED', viewerIsOrganizer: true });
    const [audit] = await ds.query(`SELECT action FROM staff_audit_log WHERE target_id = $1`, [own.id]);
    expect(audit.action).toBe('EVENT_PUBLISHED_BY_STAFF');
    const AT_ONCE = `query($id: ID) { event(id: $id) { viewerEditsPublishAtOnce } }`;
    expect((await mod.client.ok(AT_ONCE, { id: own.id })).event.viewerEditsPublishAtOnce).toBe(true);
    expect((await base.ok(AT_ONCE, { id: own.id })).event.viewerEditsPublishAtOnce).toBe(false);

    // Its edits apply at once too: no other moderator of the province would see them in a queue.
    const renamed = `Chợ công nghệ của Sở (đổi tên) ${uniq('')}`;
    const edited = (await mod.client.ok(UPDATE, { id: own.id, input: eventInput({ nameVi: renamed }) })).updateEvent as Ev;
    expect(edited).toMatchObject({ status: 'PUBLISHED', nameVi: renamed, pendingRevision: null, slug: own.slug });
    expect((await base.ok(GET, { id: own.id })).event.nameVi).toBe(renamed);
    expect(edited.history.slice(-3).map((h: { action: string }) => h.action)).toEqual(['REVISION_UPDATE', 'REVISION_SUBMIT', 'REVISION_APPROVE']);
    const actions = (await ds.query(`SELECT action FROM staff_audit_log WHERE target_id = $1 ORDER BY occurred_at`, [own.id])).map((r: { action: string }) => r.action);
    expect(actions).toEqual(['EVENT_PUBLISHED_BY_STAFF', 'EVENT_EDITED_BY_STAFF']);
    // Moved to a province the moderator does not cover, it waits for that province's department.
    const moved = (await mod.client.ok(UPDATE, { id: own.id, input: eventInput({ nameVi: renamed, provinceCode: 'ha-noi' }) })).updateEvent as Ev;
    expect(moved.pendingRevision).toMatchObject({ submittedAt: null });
    expect((await base.ok(GET, { id: own.id })).event.province.code).toBe('da-nang');

    // Their own company's event waits for another moderator, like anyone's (the queue hides one's own organisation).
    const company = await createOrganization(mod.client, { kind: 'ENTERPRISE', provinceCode: 'da-nang' });
    const companyEvent = (await mod.client.ok(CREATE, { o: company.id, input: eventInput() })).createEvent as Ev;
    expect(companyEvent.status).toBe('DRAFT');
    expect((await mod.client.ok(AT_ONCE, { id: companyEvent.id })).event.viewerEditsPublishAtOnce).toBe(false);
  });

  it('shows the English description on the English page, the Vietnamese one where none was given', async () => {
    const mod = await registerModerator(base, ['da-nang']);
    const o = await organiser();
    const en = 'A day of B2B meetings between research institutes and food processors of Da Nang, with demonstrations of drying lines.';
    const D = `query($id: ID) { event(id: $id) { description descriptionEn localizedDescription } }`;
    const withEn = (await mod.client.ok(CREATE, { o: o.org.id, input: eventInput({ descriptionEn: `  ${en}  ` }) })).createEvent as Ev;
    expect((await base.inLang('en').ok(D, { id: withEn.id })).event).toMatchObject({ descriptionEn: en, localizedDescription: en });
    const vi = (await base.ok(D, { id: withEn.id })).event;
    expect(vi.localizedDescription).toBe(vi.description);
    const without = (await mod.client.ok(CREATE, { o: o.org.id, input: eventInput() })).createEvent as Ev;
    const fallback = (await base.inLang('en').ok(D, { id: without.id })).event;
    expect(fallback).toMatchObject({ descriptionEn: null, localizedDescription: fallback.description });
    // Given, it is held to the description's rules.
    const err = await mod.client.inLang('en').error(CREATE, { o: o.org.id, input: eventInput({ descriptionEn: 'Too short.' }) });
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.descriptionEn': expect.any(String) } });
  });

  it('names every bad field at once, in the caller’s language', async () => {
    const o = await organiser();
    const err = await o.client.inLang('en').error(CREATE, {
      o: o.org.id,
      input: eventInput({ startsOn: day(40), endsOn: day(39), slotMinutes: 5, dayStartsAt: '25:00', registrationClosesAt: new Date(Date.now() - 2 * HOUR).toISOString() }),
    });
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(err.fields!).sort()).toEqual(['input.dayStartsAt', 'input.endsOn', 'input.registrationClosesAt', 'input.slotMinutes']);
    expect(err.fields!['input.endsOn']).toBe('Must not be before the first day.');
    // A date or an instant left empty is said to be empty, not to be of the wrong form.
    const empty = await o.client.error(CREATE, { o: o.org.id, input: eventInput({ startsOn: '', registrationOpensAt: ' ' }) });
    expect(empty.fields).toMatchObject({ 'input.startsOn': 'Vui lòng điền trường này.', 'input.registrationOpensAt': 'Vui lòng điền trường này.' });

    const rules = await o.client.error(CREATE, {
      o: o.org.id,
      input: eventInput({ venue: null, meetingDays: [day(45)], breaks: [{ startsAt: '07:00', endsAt: '08:00' }] }),
    });
    expect(rules.fields).toEqual({
      'input.venue': 'Hãy nhập địa điểm tổ chức (hoặc chọn sự kiện trực tuyến).',
      'input.meetingDays.0': 'Ngày gặp gỡ phải nằm trong thời gian diễn ra sự kiện.',
      'input.breaks.0': 'Giờ nghỉ phải nằm trong giờ gặp gỡ của ngày.',
    });
    // Field rules and rules across fields in one answer (not the cross-field ones only once the
    // fields pass), with the kind left unchosen among them, in the caller's language.
    const all = await o.client.inLang('en').error(CREATE, {
      o: o.org.id,
      input: eventInput({ kind: null, nameVi: 'Ngắn', slotMinutes: 5, venue: null, meetingDays: [day(45)], breaks: [{ startsAt: '07:00', endsAt: '08:00' }] }),
    });
    expect(all).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(all.fields).toEqual({
      'input.kind': 'Choose the kind of event.',
      'input.nameVi': expect.any(String),
      'input.slotMinutes': expect.any(String),
      'input.venue': 'Enter the venue (or mark the event as online).',
      'input.meetingDays.0': "Meeting days must fall within the event's dates.",
      'input.breaks.0': 'Breaks must fall within the meeting day.',
    });
    // A cross-field rule over a malformed field is left to that field's own message.
    const malformed = await o.client.error(CREATE, { o: o.org.id, input: eventInput({ endsOn: 'sau', meetingDays: [day(45)] }) });
    expect(malformed.fields).toEqual({ 'input.endsOn': expect.any(String) });
    // An online event needs no venue (and keeps none).
    const online = (await o.client.ok(CREATE, { o: o.org.id, input: eventInput({ kind: 'ONLINE_SESSION', online: true, venue: 'ignored venue text' }) })).createEvent;
    expect(online).toMatchObject({ online: true, venue: null });
  });

  it('edits of a published event wait for review as a revision; the published text stays public', async () => {
    const { client, event } = await publishedEvent();
    const edited = (await client.ok(UPDATE, { id: event.id, v: 3, input: eventInput({ nameVi: 'Chợ công nghệ Đà Nẵng (đổi tên)' }) })).updateEvent as Ev;
    expect(edited.pendingRevision).toMatchObject({ nameVi: 'Chợ công nghệ Đà Nẵng (đổi tên)', submittedAt: null });
    // The whole revised content, so the organiser's edit form starts from it.
    expect(edited.pendingRevision).toMatchObject({
      fieldCodes: ['2'],
      meetingDays: [day(41)],
      slotMinutes: 20,
      meetingTables: 40,
      breaks: [{ startsAt: '12:00', endsAt: '13:30' }],
      questions: [{ labelVi: 'Số người tham dự', required: true }, { labelVi: 'Nhu cầu điện cho gian hàng', required: false }],
    });
    expect((await base.ok(GET, { id: event.id })).event).toMatchObject({ nameVi: event.nameVi, pendingRevision: null });
    expect((await client.error(UPDATE, { id: event.id, v: 1, input: eventInput() })).code).toBe('CONFLICT');
    expect(edited.pendingRevision).toMatchObject({ declined: false });
    // A declined revision reads declined (not a draft never sent) until the organiser sends it again.
    await client.ok(SUBMIT, { id: event.id });
    await daNang.ok(MODERATE, { id: event.id, d: 'REJECT', note: 'Tên mới trùng với một sự kiện khác.' });
    const declined = (await client.ok(GET, { id: event.id })).event;
    expect(declined).toMatchObject({ status: 'PUBLISHED', moderationNote: 'Tên mới trùng với một sự kiện khác.', pendingRevision: { submittedAt: null, declined: true } });
    await client.ok(SUBMIT, { id: event.id });
    expect((await client.ok(GET, { id: event.id })).event.pendingRevision).toMatchObject({ declined: false });
    await daNang.ok(MODERATE, { id: event.id, d: 'APPROVE' });
    expect((await base.ok(GET, { id: event.id })).event).toMatchObject({ nameVi: 'Chợ công nghệ Đà Nẵng (đổi tên)', slug: event.slug });
  });

  it('lists published events: by words without diacritics, kind, province and field', async () => {
    const tag = uniq('').toLowerCase();
    const { event } = await publishedEvent({ nameVi: `Chợ công nghệ sấy lạnh ${tag}`, kind: 'SPECIALISED_TECHMART' });
    const draftOwner = await organiser();
    await draftOwner.client.ok(CREATE, { o: draftOwner.org.id, input: eventInput({ nameVi: `Chợ công nghệ sấy lạnh nháp ${tag}` }) });

    const found = (await base.ok(LIST, { input: { query: `say lanh ${tag}` } })).events;
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([event.id]);
    const page = async (input: Record<string, unknown>) => (await base.ok(LIST, { input: { query: tag, ...input } })).events.items.map((i: { id: string }) => i.id);
    expect(await page({ kind: 'SPECIALISED_TECHMART' })).toEqual([event.id]);
    expect(await page({ kind: 'NATIONAL_TECHMART' })).toEqual([]);
    expect(await page({ provinceCode: 'ha-noi' })).toEqual([]);
    expect(await page({ fieldCode: '2' })).toEqual([event.id]);
    expect((await base.error(LIST, { input: { kind: 'FAIR' } })).code).toBe('BAD_USER_INPUT');
  });
});

describe('the first day', () => {
  it('is refused when already past (Vietnam time), on creation and when an edit moves it; an event under way keeps its own', async () => {
    const o = await organiser();
    const past = { registrationOpensAt: new Date(Date.now() - 20 * DAY).toISOString(), registrationClosesAt: new Date(Date.now() - 10 * DAY).toISOString(), meetingDays: [] };
    const before = (await ds.query(`SELECT count(*)::int AS n FROM techmart_event`))[0].n;
    const refused = await o.client.inLang('en').error(CREATE, { o: o.org.id, input: eventInput({ startsOn: day(-1), endsOn: day(1), ...past }) });
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.startsOn': 'The first day has passed: choose today or a later day.' } });
    expect(Object.keys(refused.fields!)).toEqual(['input.startsOn']);
    // Staff who publish at once are held to it too, in Vietnamese by default.
    const staff = await daNang.error(CREATE, { o: o.org.id, input: eventInput({ startsOn: day(-5), endsOn: day(-4), ...past }) });
    expect(staff.fields).toEqual({ 'input.startsOn': 'Ngày bắt đầu đã qua: hãy chọn từ hôm nay trở đi.' });
    expect((await ds.query(`SELECT count(*)::int AS n FROM techmart_event`))[0].n).toBe(before);
    // Today is not past.
    const todays = (await o.client.ok(CREATE, { o: o.org.id, input: eventInput({ startsOn: day(0), endsOn: day(1), ...past }) })).createEvent as Ev;
    expect(todays.startsOn).toBe(day(0));

    // An event published ten days ago, under way since yesterday: its other fields may still be edited…
    const clock = t.app.get(Clock);
    clock.advance(-10 * DAY);
    const { client, event } = await (async () => {
      try {
        return await publishedEvent({ startsOn: day(-1), endsOn: day(1), ...past });
      } finally {
        clock.reset();
      }
    })();
    const renamed = `Chợ công nghệ đang diễn ra ${uniq('')}`;
    const edited = (await client.ok(UPDATE, { id: event.id, input: eventInput({ nameVi: renamed, startsOn: day(-1), endsOn: day(1), ...past }) })).updateEvent as Ev;
    expect(edited.pendingRevision).toMatchObject({ nameVi: renamed });
    // …but its start cannot be moved to another day already past (nor is anything changed).
    const moved = await client.inLang('en').error(UPDATE, { id: event.id, input: eventInput({ nameVi: `${renamed} 2`, startsOn: day(-2), endsOn: day(1), ...past }) });
    expect(moved).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.startsOn': 'The first day has passed: choose today or a later day.' } });
    expect((await client.ok(GET, { id: event.id })).event.pendingRevision).toMatchObject({ nameVi: renamed });
    // Moved to today or later, it is accepted.
    const later = (await client.ok(UPDATE, { id: event.id, input: eventInput({ nameVi: renamed, startsOn: day(0), endsOn: day(1), ...past }) })).updateEvent as Ev;
    expect(later.pendingRevision).toMatchObject({ nameVi: renamed });
  });
});

describe('the list with past events', () => {
  it('keeps the upcoming events soonest first when past ones are included; the past ones follow, the most recently ended first', async () => {
    const tag = uniq('').toLowerCase();
    const past = { registrationOpensAt: new Date(Date.now() - 90 * DAY).toISOString(), registrationClosesAt: new Date(Date.now() - 70 * DAY).toISOString(), meetingDays: [] };
    const later = await publishedEvent({ nameVi: `Chợ công nghệ thứ tự ${tag} sau`, startsOn: day(20), endsOn: day(21), ...past });
    const sooner = await publishedEvent({ nameVi: `Chợ công nghệ thứ tự ${tag} trước`, startsOn: day(10), endsOn: day(11), ...past });
    // The others were created 40 days ago, when their first days were still ahead.
    const clock = t.app.get(Clock);
    clock.advance(-40 * DAY);
    const [today, lastMonth, lastWeek] = await (async () => {
      try {
        return [
          // On today (its last day): not ended, so among the upcoming ones.
          await publishedEvent({ nameVi: `Chợ công nghệ thứ tự ${tag} hôm nay`, startsOn: day(-1), endsOn: day(0), ...past }),
          await publishedEvent({ nameVi: `Chợ công nghệ thứ tự ${tag} tháng trước`, startsOn: day(-31), endsOn: day(-30), ...past }),
          await publishedEvent({ nameVi: `Chợ công nghệ thứ tự ${tag} tuần trước`, startsOn: day(-8), endsOn: day(-7), ...past }),
        ];
      } finally {
        clock.reset();
      }
    })();
    const ids = async (upcoming: boolean) =>
      (await base.ok(LIST, { input: { query: `thu tu ${tag}`, upcoming } })).events.items.map((i: { id: string }) => i.id);
    expect(await ids(true)).toEqual([today.event.id, sooner.event.id, later.event.id]);
    expect(await ids(false)).toEqual([today.event.id, sooner.event.id, later.event.id, lastWeek.event.id, lastMonth.event.id]);
  });
});

describe('the programme', () => {
  /** A talk on the 40th day from now, 09:00–10:00 (the published test event runs then). */
  const aTalk = (more: Record<string, unknown> = {}) => ({
    kind: 'TALK',
    title: 'Chính sách hỗ trợ chuyển giao công nghệ 2026',
    room: 'Hội trường A',
    startsAt: `${day(40)}T09:00:00+07:00`,
    endsAt: `${day(40)}T10:00:00+07:00`,
    ...more,
  });

  it('the organiser adds and removes sessions within the event’s dates; nobody else can', async () => {
    const { client, event } = await publishedEvent();
    const talk = aTalk({ speaker: 'Sở KH&CN Đà Nẵng' });
    const added = (await client.ok(ADD_SESSION, { e: event.id, input: talk })).addProgrammeSession;
    await client.ok(ADD_SESSION, { e: event.id, input: { ...talk, kind: 'DEMONSTRATION', title: 'Trình diễn máy sấy bơm nhiệt', startsAt: `${day(40)}T08:00:00+07:00`, endsAt: `${day(40)}T08:45:00+07:00` } });
    const sessions = (await base.ok(GET, { id: event.id })).event.sessions;
    expect(sessions.map((s: { title: string }) => s.title)).toEqual(['Trình diễn máy sấy bơm nhiệt', talk.title]);

    const outside = await client.error(ADD_SESSION, { e: event.id, input: { ...talk, startsAt: `${day(50)}T09:00:00+07:00`, endsAt: `${day(50)}T10:00:00+07:00` } });
    expect(Object.keys(outside.fields!).sort()).toEqual(['input.endsAt', 'input.startsAt']);
    const backwards = await client.error(ADD_SESSION, { e: event.id, input: { ...talk, endsAt: `${day(40)}T08:00:00+07:00` } });
    expect(backwards.fields).toHaveProperty(['input.endsAt']);

    const stranger = await registerUser(base);
    expect((await stranger.client.error(ADD_SESSION, { e: event.id, input: talk })).code).toBe('FORBIDDEN');
    expect((await stranger.client.error(REMOVE_SESSION, { id: added.id })).code).toBe('FORBIDDEN');
    const removed = (await client.ok(REMOVE_SESSION, { id: added.id })).removeProgrammeSession;
    expect(removed.sessions).toHaveLength(1);
  });

  it('a session’s title is read in the request’s language: the English one when given, else the Vietnamese; a bad English title is refused beside it', async () => {
    const { client, event } = await publishedEvent();
    const talk = aTalk({ titleEn: '  Support for technology transfer in   2026 ' });
    const added = (await client.inLang('en').ok(ADD_SESSION, { e: event.id, input: talk })).addProgrammeSession;
    expect(added.title).toBe('Support for technology transfer in 2026'); // trimmed, inner spaces collapsed
    // Without an English title, English readers see the Vietnamese one.
    const demo = { ...talk, kind: 'DEMONSTRATION', title: 'Trình diễn máy sấy bơm nhiệt', titleEn: undefined, startsAt: `${day(40)}T10:30:00+07:00`, endsAt: `${day(40)}T11:00:00+07:00` };
    const plain = (await client.ok(ADD_SESSION, { e: event.id, input: demo })).addProgrammeSession;

    const SESSIONS = `query($id: ID) { event(id: $id) { sessions { id title titleVi titleEn } } }`;
    const inVi = (await base.ok(SESSIONS, { id: event.id })).event.sessions;
    const inEn = (await base.inLang('en').ok(SESSIONS, { id: event.id })).event.sessions;
    expect(inVi).toEqual([
      { id: added.id, title: talk.title, titleVi: talk.title, titleEn: 'Support for technology transfer in 2026' },
      { id: plain.id, title: demo.title, titleVi: demo.title, titleEn: null },
    ]);
    expect(inEn.map((s: { title: string }) => s.title)).toEqual(['Support for technology transfer in 2026', 'Trình diễn máy sấy bơm nhiệt']);
    expect(inEn.map((s: { titleVi: string; titleEn: string | null }) => [s.titleVi, s.titleEn])).toEqual(inVi.map((s: { titleVi: string; titleEn: string | null }) => [s.titleVi, s.titleEn]));

    // A two-letter English title is refused with BAD_USER_INPUT naming the field, in the caller's language; nothing is written.
    const short = await client.inLang('en').error(ADD_SESSION, { e: event.id, input: { ...talk, titleEn: 'Hi' } });
    expect(short.code).toBe('BAD_USER_INPUT');
    expect(short.fields).toEqual({ 'input.titleEn': 'Must be between 3 and 200 characters long.' });
    expect((await client.error(ADD_SESSION, { e: event.id, input: { ...talk, titleEn: 'Hi' } })).fields).toEqual({ 'input.titleEn': 'Phải dài từ 3 đến 200 ký tự.' });
    expect((await base.ok(SESSIONS, { id: event.id })).event.sessions).toHaveLength(2);

    // The organiser edits a session (the form starts from titleVi and titleEn): its English title then shows in English.
    const UPDATE_SESSION = `mutation($id: ID!, $input: ProgrammeSessionInput!) { updateProgrammeSession(id: $id, input: $input) { id title titleVi titleEn } }`;
    const edited = (await client.inLang('en').ok(UPDATE_SESSION, { id: plain.id, input: { ...demo, titleEn: 'Heat-pump dryers: a live demonstration' } })).updateProgrammeSession;
    expect(edited).toEqual({ id: plain.id, title: 'Heat-pump dryers: a live demonstration', titleVi: demo.title, titleEn: 'Heat-pump dryers: a live demonstration' });
    expect((await client.error(UPDATE_SESSION, { id: plain.id, input: { ...demo, titleEn: 'ab' } })).fields).toHaveProperty(['input.titleEn']);
    expect(Object.keys((await client.error(UPDATE_SESSION, { id: plain.id, input: { ...demo, startsAt: `${day(50)}T09:00:00+07:00`, endsAt: `${day(50)}T10:00:00+07:00` } })).fields!).sort()).toEqual(['input.endsAt', 'input.startsAt']);
    // Clearing the English title: English readers see the Vietnamese one again.
    const cleared = (await client.inLang('en').ok(UPDATE_SESSION, { id: added.id, input: { ...talk, titleEn: null } })).updateProgrammeSession;
    expect(cleared).toEqual({ id: added.id, title: talk.title, titleVi: talk.title, titleEn: null });
    const stranger = await registerUser(base);
    expect((await stranger.client.error(UPDATE_SESSION, { id: plain.id, input: demo })).code).toBe('FORBIDDEN');
    expect((await client.error(UPDATE_SESSION, { id: '00000000-0000-4000-8000-000000000000', input: demo })).code).toBe('NOT_FOUND');
  });
});

describe('registration', () => {
  /** An organisation with a member and one published offer and demand. */
  async function participant(name: string) {
    const user = await registerUser(base, name);
    const org = await createOrganization(user.client, { name: `${name} ${uniq('')}`, provinceCode: 'da-nang' });
    const offer = await publishListing(base, user.client, { kind: 'OFFER', organizationId: org.id, provinceCode: 'da-nang' });
    const demand = await publishListing(base, user.client, { kind: 'DEMAND', organizationId: org.id, provinceCode: 'da-nang' });
    return { ...user, org, offer, demand };
  }
  const answers = [{ questionId: 'q1', answer: '3' }];

  it('exhibitors show their published offers, visitors bring demands; the organiser approves within the caps and assigns booths', async () => {
    const o = await publishedEvent({ maxExhibitors: 1 });
    const a = await participant('Viện Cơ khí');
    const b = await participant('Công ty Thiết bị');
    const c = await participant('HTX Nông sản');

    // Bad registrations name their fields; nothing is written.
    const wrong = await a.client.error(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, role: 'EXHIBITOR', listingIds: [b.offer.id], answers } });
    expect(wrong.fields).toHaveProperty(['input.listingIds']);
    const demandAsOffer = await a.client.error(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, role: 'EXHIBITOR', listingIds: [a.demand.id], answers } });
    expect(demandAsOffer.fields).toHaveProperty(['input.listingIds']);
    const noOffers = await a.client.error(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, role: 'EXHIBITOR', listingIds: [], answers: [] } });
    expect(Object.keys(noOffers.fields!).sort()).toEqual(['input.answers.q1', 'input.listingIds']);
    // Nothing chosen at all: the role is named together with the offers and the required answer, not first and alone.
    const nothing = await a.client.error(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, listingIds: [], answers: [] } });
    expect(nothing.fields).toEqual({ 'input.role': expect.any(String), 'input.listingIds': expect.any(String), 'input.answers.q1': expect.any(String) });
    expect((await a.client.error(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, role: null, listingIds: [a.offer.id], answers } })).fields).toEqual({ 'input.role': expect.any(String) });
    const unknownQuestion = await a.client.error(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, role: 'VISITOR', listingIds: [], answers: [...answers, { questionId: 'q9', answer: 'x' }] } });
    expect(unknownQuestion.fields).toHaveProperty(['input.answers.1.questionId']);
    const notMember = await a.client.error(REGISTER, { input: { eventId: o.event.id, organizationId: b.org.id, role: 'VISITOR', listingIds: [], answers } });
    expect(notMember.fields).toHaveProperty(['input.organizationId']);
    expect((await ds.query(`SELECT count(*)::int AS n FROM techmart_registration WHERE event_id = $1`, [o.event.id]))[0].n).toBe(0);

    const ra = (await a.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, role: 'EXHIBITOR', listingIds: [a.offer.id], answers: [...answers, { questionId: 'q2', answer: '2 ổ cắm 220V' }] } })).registerForEvent;
    expect(ra).toMatchObject({ role: 'EXHIBITOR', status: 'PENDING', booth: null, listings: [{ id: a.offer.id }], answers: [{ questionId: 'q1', question: 'Số người tham dự', answer: '3' }, { questionId: 'q2', answer: '2 ổ cắm 220V' }] });
    const rb = (await b.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: b.org.id, role: 'EXHIBITOR', listingIds: [b.offer.id], answers } })).registerForEvent;
    const rc = (await c.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: c.org.id, role: 'VISITOR', listingIds: [c.demand.id], answers } })).registerForEvent;
    // Registering again while pending replaces it (one registration per organisation and event).
    const again = (await c.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: c.org.id, role: 'VISITOR', listingIds: [], answers: [{ questionId: 'q1', answer: '5' }] } })).registerForEvent;
    expect(again).toMatchObject({ id: rc.id, listings: [], answers: [{ answer: '5' }] });

    // Who sees what: the organiser sees every registration; a participant only its own; the public only approved exhibitors.
    const forOrganiser = (await o.client.ok(REGISTRATIONS, { slug: o.event.slug })).event;
    expect(forOrganiser.registrations.map((r: { id: string }) => r.id)).toEqual([ra.id, rb.id, rc.id]);
    const forB = (await b.client.ok(REGISTRATIONS, { slug: o.event.slug })).event;
    expect(forB).toMatchObject({ registrations: null, myRegistrations: [{ id: rb.id, status: 'PENDING' }], exhibitors: [] });

    // Only the organiser decides: a participant is refused, a stranger finds nothing.
    expect((await a.client.error(DECIDE, { id: ra.id, a: true })).code).toBe('FORBIDDEN');
    const stranger = await registerUser(base);
    expect((await stranger.client.error(DECIDE, { id: ra.id, a: true })).code).toBe('NOT_FOUND');
    expect((await o.client.error(DECIDE, { id: rb.id, a: false })).fields).toHaveProperty('note');

    const approved = (await o.client.ok(DECIDE, { id: ra.id, a: true, booth: 'A12' })).decideEventRegistration;
    expect(approved).toMatchObject({ status: 'APPROVED', booth: 'A12' });
    // The cap of one exhibitor is reached.
    expect((await o.client.error(DECIDE, { id: rb.id, a: true })).code).toBe('CONFLICT');
    const declined = (await o.client.ok(DECIDE, { id: rb.id, a: false, note: 'Đã đủ gian hàng.' })).decideEventRegistration;
    expect(declined).toMatchObject({ status: 'DECLINED', decisionNote: 'Đã đủ gian hàng.' });
    expect((await o.client.error(DECIDE, { id: rb.id, a: true })).code).toBe('CONFLICT');
    expect((await b.client.error(REGISTER, { input: { eventId: o.event.id, organizationId: b.org.id, role: 'VISITOR', listingIds: [], answers } })).code).toBe('CONFLICT');
    await o.client.ok(DECIDE, { id: rc.id, a: true });
    expect((await o.client.error(BOOTH, { id: rc.id, booth: 'B1' })).code).toBe('CONFLICT');

    const pub = (await base.ok(REGISTRATIONS, { slug: o.event.slug })).event;
    expect(pub.participantCounts).toEqual({ exhibitors: 1, visitors: 1 });
    expect(pub.registrations).toBeNull();
    expect(pub.exhibitors).toEqual([expect.objectContaining({ id: ra.id, booth: 'A12', organization: { id: a.org.id }, listings: [{ id: a.offer.id }], answers: null, decisionNote: null })]);
    const notes = await ds.query(`SELECT kind FROM notification WHERE user_id = $1 ORDER BY created_at`, [b.id]);
    expect(notes.map((n: { kind: string }) => n.kind)).toContain('EVENT_REGISTRATION_DECLINED');

    // Withdrawing frees the place.
    await a.client.ok(WITHDRAW, { id: ra.id });
    expect((await stranger.client.error(WITHDRAW, { id: rc.id })).code).toBe('NOT_FOUND');
    expect((await base.ok(REGISTRATIONS, { slug: o.event.slug })).event.exhibitors).toEqual([]);
  });

  it('an event whose cap is reached says so, and refuses registrations in that role (every role: the event is full), saying why', async () => {
    const o = await publishedEvent({ maxExhibitors: 1, maxVisitors: 1 });
    const [a, b, c, d] = await Promise.all(['Viện Vật liệu', 'Công ty Cơ khí', 'HTX Dược liệu', 'Công ty Bao bì'].map(participant));
    const STATE = `query($id: ID) { event(id: $id) { registrationOpen registrationFull participantCounts { exhibitors visitors } } }`;
    const LISTED = `query($q: String) { events(input: { query: $q }) { items { id registrationOpen registrationFull } } }`;
    expect((await base.ok(STATE, { id: o.event.id })).event).toMatchObject({ registrationOpen: true, registrationFull: [] });

    const ra = (await a.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, role: 'EXHIBITOR', listingIds: [a.offer.id], answers } })).registerForEvent;
    await o.client.ok(DECIDE, { id: ra.id, a: true });
    // The exhibitors' place is taken: still open, to visitors.
    expect((await base.ok(STATE, { id: o.event.id })).event).toMatchObject({ registrationOpen: true, registrationFull: ['EXHIBITOR'] });
    const asExhibitor = { eventId: o.event.id, organizationId: b.org.id, role: 'EXHIBITOR', listingIds: [b.offer.id], answers };
    const refused = await b.client.inLang('en').error(REGISTER, { input: asExhibitor });
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.role': 'Every exhibitor place is taken (1 at most): no more exhibitors can register.' } });
    // Said with the form's other problems at once, in Vietnamese by default.
    const withOthers = await b.client.error(REGISTER, { input: { ...asExhibitor, answers: [] } });
    expect(withOthers.fields).toEqual({
      'input.role': 'Sự kiện đã đủ số đơn vị trưng bày tối đa (1); không nhận thêm đăng ký trưng bày.',
      'input.answers.q1': expect.any(String),
    });
    const rc = (await c.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: c.org.id, role: 'VISITOR', listingIds: [], answers } })).registerForEvent;
    await o.client.ok(DECIDE, { id: rc.id, a: true });

    // Every role full: the event is not open, on its page and in the list, and says it is full.
    expect((await base.ok(STATE, { id: o.event.id })).event).toMatchObject({ registrationOpen: false, registrationFull: ['EXHIBITOR', 'VISITOR'], participantCounts: { exhibitors: 1, visitors: 1 } });
    const listed = (await base.ok(LISTED, { q: o.event.nameVi })).events.items;
    expect(listed).toEqual([{ id: o.event.id, registrationOpen: false, registrationFull: ['EXHIBITOR', 'VISITOR'] }]);
    const full = await d.client.inLang('en').error(REGISTER, { input: { eventId: o.event.id, organizationId: d.org.id, role: 'VISITOR', listingIds: [], answers } });
    expect(full).toMatchObject({ code: 'CONFLICT', message: 'The event is full: every exhibitor and visitor place is taken, so it takes no more registrations.' });
    expect((await ds.query(`SELECT count(*)::int AS n FROM techmart_registration WHERE event_id = $1`, [o.event.id]))[0].n).toBe(2);

    // A place freed (an exhibitor withdraws): open again, to exhibitors too.
    await a.client.ok(WITHDRAW, { id: ra.id });
    expect((await base.ok(STATE, { id: o.event.id })).event).toMatchObject({ registrationOpen: true, registrationFull: ['VISITOR'] });
    await b.client.ok(REGISTER, { input: asExhibitor });
  });

  it('booths are one exhibitor each, and registration is open only in its window and for published events', async () => {
    const o = await publishedEvent();
    const a = await participant('Viện Điện tử');
    const b = await participant('Công ty Tự động hoá');
    const ra = (await a.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, role: 'EXHIBITOR', listingIds: [a.offer.id], answers } })).registerForEvent;
    const rb = (await b.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: b.org.id, role: 'EXHIBITOR', listingIds: [b.offer.id], answers } })).registerForEvent;
    await o.client.ok(DECIDE, { id: ra.id, a: true, booth: 'C3' });
    await o.client.ok(DECIDE, { id: rb.id, a: true });
    expect((await o.client.error(BOOTH, { id: rb.id, booth: 'C3' })).fields).toHaveProperty('booth');
    expect((await o.client.ok(BOOTH, { id: rb.id, booth: 'C4' })).assignEventBooth.booth).toBe('C4');
    // The organiser does not register for its own event.
    expect((await o.client.error(REGISTER, { input: { eventId: o.event.id, organizationId: o.org.id, role: 'VISITOR', listingIds: [], answers } })).fields).toHaveProperty(['input.organizationId']);

    const later = await publishedEvent({ registrationOpensAt: new Date(Date.now() + 5 * DAY).toISOString() });
    expect((await a.client.error(REGISTER, { input: { eventId: later.event.id, organizationId: a.org.id, role: 'VISITOR', listingIds: [], answers } })).code).toBe('CONFLICT');
    const draftOwner = await organiser();
    const draft = (await draftOwner.client.ok(CREATE, { o: draftOwner.org.id, input: eventInput() })).createEvent;
    expect((await a.client.error(REGISTER, { input: { eventId: draft.id, organizationId: a.org.id, role: 'VISITOR', listingIds: [], answers } })).code).toBe('NOT_FOUND');
  });

  it('a numeric question (the number of attendees) takes a whole number from 1 to 100, its error beside the answer', async () => {
    const o = await publishedEvent({ questions: [{ labelVi: 'Số người tham dự', labelEn: 'Number of attendees', required: true, numeric: true }, { labelVi: 'Ghi chú', labelEn: 'Notes', required: false }] });
    expect((await base.ok(`query($slug: String) { event(slug: $slug) { questions { id numeric } } }`, { slug: o.event.slug })).event.questions).toEqual([{ id: 'q1', numeric: true }, { id: 'q2', numeric: false }]);
    const a = await participant('Công ty Cơ điện');
    const register = (answer: string, c: Client = a.client) => c.error(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, role: 'VISITOR', listingIds: [], answers: [{ questionId: 'q1', answer }, { questionId: 'q2', answer: 'hai người' }] } });
    for (const bad of ['hai người', '0', '101', '2.5', '-3']) {
      const e = await register(bad);
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(e.fields).toEqual({ 'input.answers.q1': 'Hãy nhập một số nguyên từ 1 đến 100.' });
    }
    expect((await register('hai người', a.client.inLang('en'))).fields).toEqual({ 'input.answers.q1': 'Enter a whole number from 1 to 100.' });
    const ok = (await a.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, role: 'VISITOR', listingIds: [], answers: [{ questionId: 'q1', answer: ' 03 ' }] } })).registerForEvent;
    expect(ok.answers).toEqual([{ questionId: 'q1', question: 'Số người tham dự', answer: '3' }]);
  });

  it('a member added to a registered organisation sees its registration; the answers stay private to the two sides', async () => {
    const o = await publishedEvent();
    const a = await participant('Trường Đại học Bách khoa');
    const colleague = await registerUser(base, 'Đồng nghiệp');
    await addMember(a.client, a.org.id, colleague.email);
    const ra = (await a.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: a.org.id, role: 'VISITOR', listingIds: [a.demand.id], answers } })).registerForEvent;
    expect((await colleague.client.ok(REGISTRATIONS, { slug: o.event.slug })).event.myRegistrations).toEqual([{ id: ra.id, status: 'PENDING' }]);
    const withOrganiser = (await o.client.ok(REGISTRATIONS, { slug: o.event.slug })).event.registrations;
    expect(withOrganiser[0].answers).toEqual([{ questionId: 'q1', question: 'Số người tham dự', answer: '3' }]);
  });
});

describe('meeting requests', () => {
  const M_FIELDS = `id status reason proposedSlots acceptedSlot responseNote viewerIsRequester from { id organization { id } } to { id }`;
  const REQUEST = `mutation($input: MeetingRequestInput!) { requestMeeting(input: $input) { ${M_FIELDS} } }`;
  const RESPOND = `mutation($id: ID!, $a: Boolean!, $slot: DateTime, $note: String) { respondToMeetingRequest(id: $id, accept: $a, slot: $slot, note: $note) { ${M_FIELDS} } }`;
  const CANCEL = `mutation($id: ID!) { cancelMeetingRequest(id: $id) { id status } }`;
  const ONE = `query($id: ID!) { meetingRequest(id: $id) { id status } }`;
  const MINE = `query($slug: String) { event(slug: $slug) { participants { id } myMeetingRequests { ${M_FIELDS} } } }`;
  const answers = [{ questionId: 'q1', answer: '2' }];

  async function approvedParticipant(o: Awaited<ReturnType<typeof publishedEvent>>, role: 'EXHIBITOR' | 'VISITOR', approve = true) {
    const user = await registerUser(base, 'Người tham gia');
    const name = `Đơn vị ${uniq('')}`;
    const org = { ...(await createOrganization(user.client, { name, provinceCode: 'da-nang' })), name };
    const listingIds = role === 'EXHIBITOR' ? [(await publishListing(base, user.client, { kind: 'OFFER', organizationId: org.id, provinceCode: 'da-nang' })).id] : [];
    const reg = (await user.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: org.id, role, listingIds, answers } })).registerForEvent;
    if (approve) await o.client.ok(DECIDE, { id: reg.id, a: true });
    return { ...user, org, reg };
  }

  it('approved participants request meetings in the event’s slots; only the two sides see a request; the recipient accepts or declines', async () => {
    const o = await publishedEvent();
    // One after the other: accounts are activated through the e-mailed links.
    const a = await approvedParticipant(o, 'EXHIBITOR');
    const b = await approvedParticipant(o, 'VISITOR');
    const c = await approvedParticipant(o, 'EXHIBITOR');
    const d = await approvedParticipant(o, 'VISITOR', false);
    const slot = (hhmm: string) => `${day(41)}T${hhmm}:00+07:00`;
    const reason = 'Chúng tôi muốn giới thiệu máy sấy bơm nhiệt cho dây chuyền của quý công ty.';

    const bad = await a.client.error(REQUEST, { input: { fromRegistrationId: a.reg.id, toRegistrationId: b.reg.id, reason, proposedSlots: [slot('09:15'), slot('12:30'), `${day(40)}T09:10:00+07:00`] } });
    expect(Object.keys(bad.fields!).sort()).toEqual(['input.proposedSlots.0', 'input.proposedSlots.1', 'input.proposedSlots.2']);
    expect((await a.client.error(REQUEST, { input: { fromRegistrationId: a.reg.id, toRegistrationId: d.reg.id, reason, proposedSlots: [slot('09:10')] } })).code).toBe('NOT_FOUND');
    expect((await d.client.error(REQUEST, { input: { fromRegistrationId: d.reg.id, toRegistrationId: a.reg.id, reason, proposedSlots: [slot('09:10')] } })).fields).toHaveProperty(['input.fromRegistrationId']);
    expect((await c.client.error(REQUEST, { input: { fromRegistrationId: a.reg.id, toRegistrationId: b.reg.id, reason, proposedSlots: [slot('09:10')] } })).fields).toHaveProperty(['input.fromRegistrationId']);
    expect((await a.client.error(REQUEST, { input: { fromRegistrationId: a.reg.id, toRegistrationId: b.reg.id, reason: 'ngắn', proposedSlots: [] } })).fields).toEqual({
      'input.reason': expect.any(String),
      'input.proposedSlots': expect.any(String),
    });
    // Nothing chosen or written: whom to meet is named with the reason and the slots, at once.
    expect((await a.client.error(REQUEST, { input: { fromRegistrationId: a.reg.id, toRegistrationId: '', reason: '', proposedSlots: [] } })).fields).toEqual({
      'input.toRegistrationId': expect.any(String),
      'input.reason': expect.any(String),
      'input.proposedSlots': expect.any(String),
    });

    const req = (await a.client.ok(REQUEST, { input: { fromRegistrationId: a.reg.id, toRegistrationId: b.reg.id, reason, proposedSlots: [slot('10:30'), slot('09:10')] } })).requestMeeting;
    expect(req).toMatchObject({ status: 'REQUESTED', viewerIsRequester: true, from: { id: a.reg.id, organization: { id: a.org.id } }, to: { id: b.reg.id } });
    expect(req.proposedSlots.map((s: string) => new Date(s).getTime())).toEqual([Date.parse(slot('09:10')), Date.parse(slot('10:30'))]);
    expect((await a.client.error(REQUEST, { input: { fromRegistrationId: a.reg.id, toRegistrationId: b.reg.id, reason, proposedSlots: [slot('11:10')] } })).code).toBe('CONFLICT');

    // The two sides see it; another participant, the pending one and the public do not.
    expect((await b.client.ok(MINE, { slug: o.event.slug })).event.myMeetingRequests).toEqual([expect.objectContaining({ id: req.id, viewerIsRequester: false })]);
    expect((await c.client.ok(MINE, { slug: o.event.slug })).event.myMeetingRequests).toEqual([]);
    expect((await c.client.ok(ONE, { id: req.id })).meetingRequest).toBeNull();
    expect((await base.ok(ONE, { id: req.id })).meetingRequest).toBeNull();
    expect((await c.client.error(RESPOND, { id: req.id, a: true })).code).toBe('NOT_FOUND');
    expect((await c.client.error(CANCEL, { id: req.id })).code).toBe('NOT_FOUND');
    // Approved participants (and the organiser) see who takes part; a pending one does not.
    expect((await c.client.ok(MINE, { slug: o.event.slug })).event.participants.map((p: { id: string }) => p.id).sort()).toEqual([a.reg.id, b.reg.id, c.reg.id].sort());
    expect((await d.client.ok(MINE, { slug: o.event.slug })).event.participants).toBeNull();
    expect((await o.client.ok(MINE, { slug: o.event.slug })).event.participants).toHaveLength(3);

    // Only the recipient answers; a decline needs a reason; an accepted slot must be one proposed.
    expect((await a.client.error(RESPOND, { id: req.id, a: true })).code).toBe('FORBIDDEN');
    expect((await b.client.error(RESPOND, { id: req.id, a: false })).fields).toHaveProperty('note');
    expect((await b.client.error(RESPOND, { id: req.id, a: true, slot: slot('11:10') })).fields).toHaveProperty('slot');
    const accepted = (await b.client.ok(RESPOND, { id: req.id, a: true, slot: slot('10:30') })).respondToMeetingRequest;
    expect(accepted).toMatchObject({ status: 'ACCEPTED' });
    expect(new Date(accepted.acceptedSlot).getTime()).toBe(Date.parse(slot('10:30')));
    expect((await b.client.error(RESPOND, { id: req.id, a: false, note: 'Đổi ý' })).code).toBe('CONFLICT');
    const [n] = await ds.query(`SELECT kind FROM notification WHERE user_id = $1 AND kind = 'MEETING_ACCEPTED'`, [a.id]);
    expect(n).toEqual({ kind: 'MEETING_ACCEPTED' });

    // The requester cancels; a new request to the same participant may then be made, and declined with a reason.
    expect((await a.client.ok(CANCEL, { id: req.id })).cancelMeetingRequest.status).toBe('CANCELLED');
    const again = (await a.client.ok(REQUEST, { input: { fromRegistrationId: a.reg.id, toRegistrationId: b.reg.id, reason, proposedSlots: [slot('14:10')] } })).requestMeeting;
    const declined = (await b.client.ok(RESPOND, { id: again.id, a: false, note: 'Chúng tôi chưa có nhu cầu sấy.' })).respondToMeetingRequest;
    expect(declined).toMatchObject({ status: 'DECLINED', responseNote: 'Chúng tôi chưa có nhu cầu sấy.', acceptedSlot: null });
  });

  it('a request whose every slot is taken by the requester’s own accepted meetings is refused on proposedSlots, in both languages; one with a free slot among them is sent', async () => {
    const o = await publishedEvent();
    const a = await approvedParticipant(o, 'EXHIBITOR');
    const b = await approvedParticipant(o, 'VISITOR');
    const c = await approvedParticipant(o, 'VISITOR');
    const slot = (hhmm: string) => `${day(41)}T${hhmm}:00+07:00`;
    const reason = 'Chúng tôi muốn giới thiệu máy sấy bơm nhiệt cho dây chuyền của quý công ty.';
    const first = (await a.client.ok(REQUEST, { input: { fromRegistrationId: a.reg.id, toRegistrationId: b.reg.id, reason, proposedSlots: [slot('10:30')] } })).requestMeeting;
    await b.client.ok(RESPOND, { id: first.id, a: true, slot: slot('10:30') });

    const input = { fromRegistrationId: a.reg.id, toRegistrationId: c.reg.id, reason, proposedSlots: [slot('10:30')] };
    const vi = await a.client.error(REQUEST, { input });
    expect(vi.fields).toEqual({ 'input.proposedSlots': 'Tổ chức của bạn đã có cuộc gặp khác vào mọi khung giờ đã chọn; hãy chọn khung giờ còn trống.' });
    expect((await a.client.inLang('en').error(REQUEST, { input })).fields).toEqual({ 'input.proposedSlots': 'Your organisation already has another meeting at every slot chosen; choose a free slot.' });
    const sent = (await a.client.ok(REQUEST, { input: { ...input, proposedSlots: [slot('10:30'), slot('11:10')] } })).requestMeeting;
    expect(sent.status).toBe('REQUESTED');
  });

  it('“my events”: a member lists its organisations’ registrations with the event, the latest registration time and the next meeting', async () => {
    const o = await publishedEvent();
    const a = await approvedParticipant(o, 'EXHIBITOR');
    const b = await approvedParticipant(o, 'VISITOR', false);
    const MY = `{ myEventRegistrations { id status role createdAt registeredAt organization { id } event { id slug ended } nextMeeting { id startsAt } } }`;
    expect((await a.client.ok(MY)).myEventRegistrations).toEqual([expect.objectContaining({ id: a.reg.id, status: 'APPROVED', role: 'EXHIBITOR', organization: { id: a.org.id }, event: { id: o.event.id, slug: o.event.slug, ended: false }, nextMeeting: null })]);
    expect((await base.error(MY)).code).toBe('UNAUTHENTICATED');

    // The pending visitor withdraws and registers again: the registration keeps its first creation time, the organiser reads the new one.
    await b.client.ok(WITHDRAW, { id: b.reg.id });
    await ds.query(`UPDATE techmart_registration SET created_at = created_at - interval '3 days', registered_at = registered_at - interval '3 days' WHERE id = $1`, [b.reg.id]);
    await b.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: b.org.id, role: 'VISITOR', listingIds: [], answers } });
    const [mine] = (await b.client.ok(MY)).myEventRegistrations;
    expect(mine).toMatchObject({ id: b.reg.id, status: 'PENDING' });
    expect(Date.parse(mine.registeredAt)).toBeGreaterThan(Date.now() - HOUR);
    expect(Date.parse(mine.createdAt)).toBeLessThan(Date.now() - 2 * DAY);
    const { event } = await o.client.ok(`query($s: String) { event(slug: $s) { registrations { id registeredAt } } }`, { s: o.event.slug });
    expect(Date.parse(event.registrations.find((r: { id: string }) => r.id === b.reg.id).registeredAt)).toBeGreaterThan(Date.now() - HOUR);

    // Once approved and a meeting accepted, the next meeting is the one shown.
    await o.client.ok(DECIDE, { id: b.reg.id, a: true });
    const at = `${day(41)}T09:10:00+07:00`;
    const req = (await b.client.ok(REQUEST, { input: { fromRegistrationId: b.reg.id, toRegistrationId: a.reg.id, reason: 'Chúng tôi muốn tìm hiểu thiết bị của quý viện cho nhà máy.', proposedSlots: [at] } })).requestMeeting;
    await a.client.ok(RESPOND, { id: req.id, a: true, slot: at });
    const [next] = (await b.client.ok(MY)).myEventRegistrations;
    expect(next.nextMeeting.id).toBe(req.id);
    expect(Date.parse(next.nextMeeting.startsAt)).toBe(Date.parse(at));
  });

  it('either side calls off an accepted meeting and the other side is told, in Vietnamese and English, with a link to the meetings; slots after a break start when it ends', async () => {
    const o = await publishedEvent({ breaks: [{ startsAt: '12:00', endsAt: '13:00' }] });
    const exhibitor = await approvedParticipant(o, 'EXHIBITOR');
    const visitor = await approvedParticipant(o, 'VISITOR');
    await o.client.ok(BOOTH, { id: exhibitor.reg.id, booth: 'A12' });
    const slot = (hhmm: string) => `${day(41)}T${hhmm}:00+07:00`;
    const reason = 'Chúng tôi muốn xem trình diễn máy sấy bơm nhiệt tại gian hàng.';
    const NOTES = `{ notifications { kind title body url } }`;
    const cancelled = async (c: Client) => ((await c.ok(NOTES)).notifications as { kind: string; title: string; body: string; url: string }[]).filter((n) => n.kind === 'MEETING_CANCELLED');

    // After a 12:00–13:00 break the slots start at 13:00 (not 13:10, ten minutes lost); 12:50 is in the break.
    expect((await visitor.client.error(REQUEST, { input: { fromRegistrationId: visitor.reg.id, toRegistrationId: exhibitor.reg.id, reason, proposedSlots: [slot('12:50'), slot('13:10')] } })).fields).toEqual({
      'input.proposedSlots.0': expect.any(String),
      'input.proposedSlots.1': expect.any(String),
    });
    const req = (await visitor.client.ok(REQUEST, { input: { fromRegistrationId: visitor.reg.id, toRegistrationId: exhibitor.reg.id, reason, proposedSlots: [slot('13:00')] } })).requestMeeting;
    // The recipient does not withdraw a request it has not accepted: it declines it.
    expect((await exhibitor.client.error(CANCEL, { id: req.id })).code).toBe('FORBIDDEN');
    await exhibitor.client.ok(RESPOND, { id: req.id, a: true, slot: slot('13:00') });

    // The visitor cancels the accepted meeting: the exhibitor's members are told (it leaves their agenda).
    expect((await visitor.client.ok(CANCEL, { id: req.id })).cancelMeetingRequest.status).toBe('CANCELLED');
    const [vi] = await cancelled(exhibitor.client);
    expect(vi).toMatchObject({ title: 'Cuộc gặp đã bị huỷ', url: `/events/${o.event.slug}/meetings` });
    expect(vi.body).toContain(visitor.org.name);
    expect(vi.body).toContain('13:00');
    const [en] = await cancelled(exhibitor.client.inLang('en'));
    expect(en.title).toBe('A meeting was cancelled');
    expect(en.body).toMatch(/cancelled the meeting at \d{1,2} [A-Z][a-z]{2} \d{4}, 13:00\./); // "4 Feb 2027, 13:00" as the pages write it, not "04/02/2027"
    expect(vi.body).toMatch(/lúc 13:00 \d{1,2} thg \d{1,2}, \d{4}\./);
    expect(await cancelled(visitor.client)).toEqual([]); // not the side that cancelled
    expect((await exhibitor.client.error(CANCEL, { id: req.id })).code).toBe('CONFLICT');

    // The exhibitor calls off an accepted meeting: the requester is told.
    const again = (await visitor.client.ok(REQUEST, { input: { fromRegistrationId: visitor.reg.id, toRegistrationId: exhibitor.reg.id, reason, proposedSlots: [slot('14:00')] } })).requestMeeting;
    await exhibitor.client.ok(RESPOND, { id: again.id, a: true, slot: slot('14:00') });
    expect((await exhibitor.client.ok(CANCEL, { id: again.id })).cancelMeetingRequest.status).toBe('CANCELLED');
    const told = await cancelled(visitor.client.inLang('en'));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: 'A meeting was cancelled', url: `/events/${o.event.slug}/meetings` });
    expect(told[0].body).toContain(exhibitor.org.name);
    expect(await cancelled(exhibitor.client)).toHaveLength(1);
    // Both sides' agendas no longer list it.
    const AGENDA = `query($r: ID!) { eventAgenda(registrationId: $r) { meetings { meeting { id } } } }`;
    expect((await visitor.client.ok(AGENDA, { r: visitor.reg.id })).eventAgenda.meetings).toEqual([]);
  });
  const NOTES = `{ notifications { kind title body url } }`;
  type Note = { kind: string; title: string; body: string; url: string };
  const notesOf = async (c: Client, kind: string) => ((await c.ok(NOTES)).notifications as Note[]).filter((n) => n.kind === kind);

  it('each notice of a meeting step names the organisation behind it, in Vietnamese and English; so does a new registration to the organiser', async () => {
    const o = await publishedEvent();
    const a = await approvedParticipant(o, 'EXHIBITOR');
    const b = await approvedParticipant(o, 'VISITOR');
    const slot = (hhmm: string) => `${day(41)}T${hhmm}:00+07:00`;
    const reason = 'Chúng tôi muốn tìm hiểu máy sấy bơm nhiệt của quý đơn vị.';
    // The organiser was told of each registration, by name.
    const registered = await notesOf(o.client, 'EVENT_REGISTRATION_RECEIVED');
    expect(registered.map((n) => n.body).join(' ')).toContain(a.org.name);
    expect(registered.map((n) => n.title).join(' ')).toContain(b.org.name);
    expect((await notesOf(o.client.inLang('en'), 'EVENT_REGISTRATION_RECEIVED')).map((n) => n.body).join(' ')).toContain(`${a.org.name} registered for`);

    const req = (await b.client.ok(REQUEST, { input: { fromRegistrationId: b.reg.id, toRegistrationId: a.reg.id, reason, proposedSlots: [slot('09:10')] } })).requestMeeting;
    const [asked] = await notesOf(a.client, 'MEETING_REQUESTED');
    expect(asked.title).toContain(b.org.name);
    expect(asked.body).toContain(b.org.name);
    expect((await notesOf(a.client.inLang('en'), 'MEETING_REQUESTED'))[0].title).toBe(`New meeting request from ${b.org.name}`);

    await a.client.ok(`mutation($id: ID!, $s: [String!]!) { counterProposeMeeting(id: $id, slots: $s) { id } }`, { id: req.id, s: [slot('10:30')] });
    const [countered] = await notesOf(b.client, 'MEETING_COUNTER_PROPOSED');
    expect(countered.title).toBe(`${a.org.name} đề xuất khung giờ khác`);
    expect((await notesOf(b.client.inLang('en'), 'MEETING_COUNTER_PROPOSED'))[0].body).toContain(`the slots ${a.org.name} proposed`);

    // Accepted straight away (a second request, the other way round): the requester learns who agreed.
    const req2 = (await a.client.ok(REQUEST, { input: { fromRegistrationId: a.reg.id, toRegistrationId: b.reg.id, reason, proposedSlots: [slot('11:10')] } })).requestMeeting;
    await b.client.ok(RESPOND, { id: req2.id, a: true, slot: slot('11:10') });
    const [accepted] = await notesOf(a.client, 'MEETING_ACCEPTED');
    expect(accepted.title).toBe(`${b.org.name} đã chấp nhận yêu cầu gặp gỡ`);
    expect(accepted.body).toContain(`${b.org.name} đã đồng ý gặp lúc`);
    expect((await notesOf(a.client.inLang('en'), 'MEETING_ACCEPTED'))[0].body).toContain(`${b.org.name} agreed to meet at`);
    for (const n of [asked, countered, accepted]) expect(n.body).not.toMatch(/bên kia|một đơn vị tham gia/i);
  });

  it('withdrawing cancels, in one step, the organisation’s open and accepted meetings (with the reason), gives back its booth and tells each other side and the organiser by name; a new registration brings none back', async () => {
    const o = await publishedEvent();
    const x = await approvedParticipant(o, 'EXHIBITOR');
    await o.client.ok(BOOTH, { id: x.reg.id, booth: 'A7' });
    const v1 = await approvedParticipant(o, 'VISITOR');
    const v2 = await approvedParticipant(o, 'VISITOR');
    const y = await approvedParticipant(o, 'EXHIBITOR');
    const slot = (hhmm: string) => `${day(41)}T${hhmm}:00+07:00`;
    const reason = 'Doanh nghiệp có việc đột xuất, không tham gia được';
    const ask = async (from: typeof x, to: typeof x, at: string) =>
      (await from.client.ok(REQUEST, { input: { fromRegistrationId: from.reg.id, toRegistrationId: to.reg.id, reason: 'Chúng tôi muốn trao đổi về công nghệ của quý đơn vị.', proposedSlots: [slot(at)] } })).requestMeeting.id as string;
    const accepted = await ask(v1, x, '09:10');
    await x.client.ok(RESPOND, { id: accepted, a: true, slot: slot('09:10') });
    const pendingIn = await ask(v2, x, '10:30');
    const pendingOut = await ask(x, y, '11:10');
    const unrelated = await ask(v1, y, '14:10');

    // What the confirmation says: the booth and the 3 meetings; only the organisation's members are told how many.
    const MINE_REG = `query($slug: String) { event(slug: $slug) { myRegistrations { id booth canWithdraw meetingsToCancel } registrations { id canWithdraw meetingsToCancel } } }`;
    expect((await x.client.ok(MINE_REG, { slug: o.event.slug })).event.myRegistrations).toEqual([{ id: x.reg.id, booth: 'A7', canWithdraw: true, meetingsToCancel: 3 }]);
    const organiserView = (await o.client.ok(MINE_REG, { slug: o.event.slug })).event.registrations.find((r: { id: string }) => r.id === x.reg.id);
    expect(organiserView).toEqual({ id: x.reg.id, canWithdraw: false, meetingsToCancel: null });
    expect((await v1.client.error(`mutation($id: ID!) { withdrawEventRegistration(id: $id) { id } }`, { id: x.reg.id })).code).toBe('NOT_FOUND');

    const done = (await x.client.ok(`mutation($id: ID!, $r: String) { withdrawEventRegistration(id: $id, reason: $r) { id status booth canWithdraw meetingsToCancel } }`, { id: x.reg.id, r: reason })).withdrawEventRegistration;
    expect(done).toEqual({ id: x.reg.id, status: 'WITHDRAWN', booth: null, canWithdraw: false, meetingsToCancel: 0 });
    const rows: { id: string; status: string; scheduled_at: Date | null; table_number: number | null; response_note: string | null }[] = await ds.query(
      `SELECT id, status, scheduled_at, table_number, response_note FROM techmart_meeting_request WHERE id = ANY($1::uuid[])`,
      [[accepted, pendingIn, pendingOut, unrelated]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of [accepted, pendingIn, pendingOut]) expect(byId.get(id)).toMatchObject({ status: 'CANCELLED', scheduled_at: null, table_number: null, response_note: reason });
    expect(byId.get(unrelated)!.status).toBe('REQUESTED');
    const [audit] = await ds.query(`SELECT withdrawn_by, withdrawn_at IS NOT NULL AS dated FROM techmart_registration WHERE id = $1`, [x.reg.id]);
    expect(audit).toEqual({ withdrawn_by: x.id, dated: true });

    // Each other side is told once, naming the organisation and the reason; in English too.
    for (const other of [v1, v2, y]) {
      const told = (await notesOf(other.client, 'MEETING_CANCELLED')).filter((n) => n.title.includes(x.org.name));
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ url: `/events/${o.event.slug}/meetings` });
      expect(told[0].body).toContain(`${x.org.name} đã rút đăng ký`);
      expect(told[0].body).toContain(`Lý do: ${reason}.`);
    }
    const [en] = (await notesOf(v1.client.inLang('en'), 'MEETING_CANCELLED')).filter((n) => n.title.includes(x.org.name));
    expect(en.title).toBe(`${x.org.name} withdrew from the event: meetings cancelled`);
    expect(en.body).toContain(`Reason: ${reason}.`);
    // The organiser: who withdrew, the booth given back, how many meetings went.
    const [organiser] = await notesOf(o.client, 'EVENT_REGISTRATION_WITHDRAWN');
    expect(organiser.title).toBe(`${x.org.name} đã rút đăng ký tham gia sự kiện`);
    expect(organiser.body).toContain('Gian hàng A7 đã được trả lại.');
    expect(organiser.body).toContain('(3)');
    expect((await notesOf(o.client.inLang('en'), 'EVENT_REGISTRATION_WITHDRAWN'))[0].body).toContain('Booth A7 is free again.');
    expect(await notesOf(x.client, 'EVENT_REGISTRATION_WITHDRAWN')).toEqual([]);

    // Registering again starts afresh: none of the old requests is open again.
    const back = (await x.client.ok(REGISTER, { input: { eventId: o.event.id, organizationId: x.org.id, role: 'EXHIBITOR', listingIds: x.reg.listings.map((l: { id: string }) => l.id), answers } })).registerForEvent;
    await o.client.ok(DECIDE, { id: back.id, a: true });
    const open = (await x.client.ok(MINE, { slug: o.event.slug })).event.myMeetingRequests.filter((m: { status: string }) => m.status !== 'CANCELLED');
    expect(open).toEqual([]);
    // v2 may ask again (the old request is not open any more).
    await ask(v2, x, '15:10');
  });

  it('an ended event’s registrations stand: withdrawing is refused with CONFLICT, and nobody is offered it', async () => {
    const o = await publishedEvent();
    const x = await approvedParticipant(o, 'EXHIBITOR');
    await ds.query(`UPDATE techmart_event SET starts_on = $2, ends_on = $2 WHERE id = $1`, [o.event.id, day(-1)]);
    const MINE_REG = `query($slug: String) { event(slug: $slug) { ended myRegistrations { id status canWithdraw } } }`;
    expect((await x.client.ok(MINE_REG, { slug: o.event.slug })).event).toEqual({ ended: true, myRegistrations: [{ id: x.reg.id, status: 'APPROVED', canWithdraw: false }] });
    const refused = await x.client.inLang('en').error(WITHDRAW, { id: x.reg.id });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('has ended');
    const [row] = await ds.query(`SELECT status FROM techmart_registration WHERE id = $1`, [x.reg.id]);
    expect(row.status).toBe('APPROVED');
  });
});
