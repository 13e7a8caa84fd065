import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';
import { eventDay, eventInput } from './support/events.js';
import { publishListing } from './support/listings.js';
import { OutboxService } from '../src/modules/outbox/outbox.service.js';
import { EVENT_SCHEDULE } from '../src/modules/events/meeting-scheduler.service.js';

/**
 * The Techmart meeting scheduler (issue #17) through the API: counter-proposals, participants'
 * unavailability, the organiser's run (a background job through the outbox), pin / move / cancel,
 * and who sees what. The algorithm's properties are unit-tested (scheduler/scheduler.spec.ts).
 */

const CREATE = `mutation($o: ID!, $input: EventInput!) { createEvent(organizerId: $o, input: $input) { id slug } }`;
const SUBMIT = `mutation($id: ID!) { submitEvent(id: $id) { id } }`;
const MODERATE = `mutation($id: ID!, $d: ModerationDecision!) { moderateEvent(id: $id, decision: $d) { id status } }`;
const REGISTER = `mutation($input: EventRegistrationInput!) { registerForEvent(input: $input) { id } }`;
const DECIDE = `mutation($id: ID!) { decideEventRegistration(id: $id, approve: true) { id status } }`;
const M = `id status acceptedSlot counterSlots scheduledAt tableNumber pinned scheduledBy from { id } to { id }`;
const REQUEST = `mutation($input: MeetingRequestInput!) { requestMeeting(input: $input) { ${M} } }`;
const RESPOND = `mutation($id: ID!, $slot: DateTime) { respondToMeetingRequest(id: $id, accept: true, slot: $slot) { ${M} } }`;
const COUNTER = `mutation($id: ID!, $slots: [String!]!, $note: String) { counterProposeMeeting(id: $id, slots: $slots, note: $note) { ${M} responseNote } }`;
const ANSWER_COUNTER = `mutation($id: ID!, $a: Boolean!, $slot: DateTime, $note: String) { respondToCounterProposal(id: $id, accept: $a, slot: $slot, note: $note) { ${M} } }`;
const BLOCK = `mutation($r: ID!, $s: DateTime!, $e: DateTime!) { blockEventTime(registrationId: $r, startsAt: $s, endsAt: $e) { id unavailability { id startsAt endsAt } } }`;
const UNBLOCK = `mutation($id: ID!) { unblockEventTime(id: $id) { id unavailability { id } } }`;
const RUN = `mutation($e: ID!) { scheduleEventMeetings(eventId: $e) { id status } }`;
const RUN_ONE = `query($id: ID!) { scheduleRun(id: $id) { id status meetings scheduled pinned bound boundKind error } }`;
const SCHEDULE = `query($slug: String) { event(slug: $slug) { scheduledMeetings { ${M} } lastScheduleRun { id status scheduled } } }`;
const MINE = `query($slug: String) { event(slug: $slug) { myMeetingRequests { ${M} } myRegistrations { id unavailability { id } } } }`;
const ONE = `query($id: ID!) { meetingRequest(id: $id) { id scheduledAt tableNumber } }`;
const REGS = `query($slug: String) { event(slug: $slug) { registrations { id unavailability { startsAt } } } }`;
const PIN = `mutation($id: ID!, $p: Boolean!) { pinMeeting(id: $id, pinned: $p) { ${M} } }`;
const MOVE = `mutation($id: ID!, $slot: DateTime!, $table: Int!) { moveMeeting(id: $id, slot: $slot, table: $table) { ${M} } }`;
const CANCEL = `mutation($id: ID!, $note: String) { cancelMeetingByOrganizer(id: $id, note: $note) { ${M} } }`;

let t: TestApp;
let base: Client;
let daNang: Client;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
  daNang = (await registerModerator(base, ['da-nang'])).client;
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const day = eventDay;
const slot = (hhmm: string) => `${day(41)}T${hhmm}:00+07:00`;
const at = (iso: string | null) => (iso ? new Date(iso).getTime() : null);
/** 'HH:MM' of an instant in Vietnam. */
const vnTime = (iso: string) => new Date(Date.parse(iso) + 7 * HOUR).toISOString().slice(11, 16);
const reason = 'Chúng tôi muốn trao đổi về khả năng chuyển giao công nghệ sấy bơm nhiệt.';

async function scenario() {
  const user = await registerUser(base, 'Ban tổ chức');
  const org = await createOrganization(user.client, { name: `Sở KH&CN ${uniq('')}`, provinceCode: 'da-nang' });
  const event = (
    await user.client.ok(CREATE, {
      o: org.id,
      input: eventInput({
        kind: 'BROKERAGE_DAY',
        startsOn: day(41),
        endsOn: day(41),
        venue: 'Cung Hội nghị Quốc tế Ariyana, Đà Nẵng',
        description: 'Ngày gặp gỡ B2B giữa viện nghiên cứu và doanh nghiệp miền Trung về công nghệ chế biến nông sản.',
        meetingTables: 2,
      }),
    })
  ).createEvent;
  await user.client.ok(SUBMIT, { id: event.id });
  await daNang.ok(MODERATE, { id: event.id, d: 'APPROVE' });
  const organiser = { ...user, org, event };

  const participant = async (name: string, role: 'EXHIBITOR' | 'VISITOR') => {
    const u = await registerUser(base, name);
    const orgName = `${name} ${uniq('')}`;
    const o = { ...(await createOrganization(u.client, { name: orgName, provinceCode: 'da-nang' })), name: orgName };
    const listing = await publishListing(base, u.client, { kind: role === 'EXHIBITOR' ? 'OFFER' : 'DEMAND', organizationId: o.id, provinceCode: 'da-nang' });
    const reg = (await u.client.ok(REGISTER, { input: { eventId: event.id, organizationId: o.id, role, listingIds: [listing.id], answers: [] } })).registerForEvent;
    await user.client.ok(DECIDE, { id: reg.id });
    return { ...u, org: o, reg };
  };
  // One after the other: accounts are activated through the e-mailed links.
  const a = await participant('Viện Cơ điện', 'EXHIBITOR');
  const b = await participant('Công ty Chế biến', 'VISITOR');
  const c = await participant('Trường Đại học Bách khoa', 'EXHIBITOR');
  const d = await participant('HTX Thanh long', 'VISITOR');
  return { organiser, a, b, c, d };
}

type Party = Awaited<ReturnType<typeof scenario>>['a'];
async function accepted(from: Party, to: Party, at?: string) {
  const m = (await from.client.ok(REQUEST, { input: { fromRegistrationId: from.reg.id, toRegistrationId: to.reg.id, reason, proposedSlots: [at ?? slot('15:10')] } })).requestMeeting;
  return (await to.client.ok(RESPOND, { id: m.id, slot: at ?? null })).respondToMeetingRequest;
}

async function runScheduler(o: { client: Client; event: { id: string } }) {
  const run = (await o.client.ok(RUN, { e: o.event.id })).scheduleEventMeetings;
  expect(run.status).toBe('QUEUED');
  // The scheduler's job alone (the rest of the shared outbox is other specs' work).
  await t.app.get(OutboxService).drain(100, [EVENT_SCHEDULE]);
  return (await o.client.ok(RUN_ONE, { id: run.id })).scheduleRun;
}

describe('meeting scheduler', () => {
  it('counter-proposals and unavailability; the organiser runs the scheduler and every accepted meeting gets a slot and a table without clashes; pin, move and cancel', async () => {
    const { organiser: o, a, b, c, d } = await scenario();

    // A counter-proposal: the recipient proposes other slots, the requester accepts one of them.
    const asked = (await a.client.ok(REQUEST, { input: { fromRegistrationId: a.reg.id, toRegistrationId: d.reg.id, reason, proposedSlots: [slot('09:10')] } })).requestMeeting;
    expect((await d.client.error(COUNTER, { id: asked.id, slots: [slot('12:30')] })).fields).toHaveProperty(['slots.0']);
    expect((await a.client.error(COUNTER, { id: asked.id, slots: [slot('14:10')] })).code).toBe('FORBIDDEN');
    const countered = (await d.client.ok(COUNTER, { id: asked.id, slots: [slot('14:50'), slot('14:10')], note: 'Buổi sáng chúng tôi bận.' })).counterProposeMeeting;
    expect(countered).toMatchObject({ status: 'COUNTER_PROPOSED', responseNote: 'Buổi sáng chúng tôi bận.' });
    expect(countered.counterSlots.map(at)).toEqual([at(slot('14:10')), at(slot('14:50'))]);
    expect((await d.client.error(ANSWER_COUNTER, { id: asked.id, a: true, slot: slot('14:10') })).code).toBe('FORBIDDEN');
    expect((await a.client.error(ANSWER_COUNTER, { id: asked.id, a: true, slot: slot('09:10') })).fields).toHaveProperty('slot');
    const ad = (await a.client.ok(ANSWER_COUNTER, { id: asked.id, a: true, slot: slot('14:10') })).respondToCounterProposal;
    expect(ad).toMatchObject({ status: 'ACCEPTED', scheduledAt: null, tableNumber: null, pinned: false });
    expect(at(ad.acceptedSlot)).toBe(at(slot('14:10')));

    // b is not available before 11:00; a bad range names its field; only b's members set it.
    expect((await b.client.error(BLOCK, { r: b.reg.id, s: slot('11:00'), e: slot('08:30') })).fields).toHaveProperty('endsAt');
    expect((await b.client.error(BLOCK, { r: b.reg.id, s: `${day(41)}T19:00:00+07:00`, e: `${day(41)}T20:00:00+07:00` })).fields).toHaveProperty('startsAt');
    expect((await a.client.error(BLOCK, { r: b.reg.id, s: slot('08:30'), e: slot('11:00') })).code).toBe('NOT_FOUND');
    const lunch = (await b.client.ok(BLOCK, { r: b.reg.id, s: slot('13:30'), e: slot('14:00') })).blockEventTime.unavailability[0];
    expect((await b.client.ok(UNBLOCK, { id: lunch.id })).unblockEventTime.unavailability).toEqual([]);
    expect((await b.client.ok(BLOCK, { r: b.reg.id, s: slot('08:30'), e: slot('11:00') })).blockEventTime.unavailability).toHaveLength(1);
    expect((await o.client.ok(REGS, { slug: o.event.slug })).event.registrations.find((r: { id: string }) => r.id === b.reg.id).unavailability).toHaveLength(1);
    expect((await a.client.ok(MINE, { slug: o.event.slug })).event.myRegistrations[0].unavailability).toEqual([]);

    const ab = await accepted(a, b);
    const cb = await accepted(c, b);
    const dc = await accepted(d, c);
    const ids = [ab.id, cb.id, dc.id, ad.id];

    // Only the organiser runs it and sees the event's schedule.
    expect((await a.client.error(RUN, { e: o.event.id })).code).toBe('FORBIDDEN');
    expect((await a.client.ok(SCHEDULE, { slug: o.event.slug })).event).toEqual({ scheduledMeetings: null, lastScheduleRun: null });
    const run = await runScheduler(o);
    expect(run).toMatchObject({ status: 'DONE', meetings: 4, scheduled: 4, pinned: 0, error: null });
    expect(run.bound).toBeGreaterThanOrEqual(4);
    expect((await a.client.ok(RUN_ONE, { id: run.id })).scheduleRun).toBeNull();

    const placed = (await o.client.ok(SCHEDULE, { slug: o.event.slug })).event.scheduledMeetings as any[];
    expect(placed.map((m) => m.id).sort()).toEqual([...ids].sort());
    const seen = new Set<string>();
    for (const m of placed) {
      expect(m).toMatchObject({ scheduledBy: 'SCHEDULER', pinned: false });
      expect([1, 2]).toContain(m.tableNumber);
      // No participant and no table twice in a slot.
      for (const key of [`${m.from.id}@${m.scheduledAt}`, `${m.to.id}@${m.scheduledAt}`, `table${m.tableNumber}@${m.scheduledAt}`]) {
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
      const hhmm = vnTime(m.scheduledAt);
      expect(hhmm >= '08:30' && hhmm <= '16:40' && (hhmm < '11:40' || hhmm >= '13:30')).toBe(true); // grid, not the break
      if (m.from.id === b.reg.id || m.to.id === b.reg.id) expect(hhmm >= '11:00').toBe(true); // b's availability
    }
    // The slot both sides agreed on is kept when free.
    expect(at(placed.find((m) => m.id === ad.id).scheduledAt)).toBe(at(slot('14:10')));

    // Each side sees its own meetings' slot and table; nobody else's.
    const mineA = (await a.client.ok(MINE, { slug: o.event.slug })).event.myMeetingRequests as any[];
    expect(mineA.map((m) => m.id).sort()).toEqual([ab.id, ad.id].sort());
    expect(mineA.every((m) => m.scheduledAt && m.tableNumber)).toBe(true);
    expect((await a.client.ok(ONE, { id: cb.id })).meetingRequest).toBeNull();
    expect((await base.ok(ONE, { id: cb.id })).meetingRequest).toBeNull();

    // Moves that clash are refused, naming the field.
    const byId = new Map(placed.map((m) => [m.id, m]));
    const where = (id: string) => ({ slot: byId.get(id).scheduledAt, table: byId.get(id).tableNumber });
    expect((await o.client.error(MOVE, { id: cb.id, ...where(ad.id) })).fields).toHaveProperty('table'); // a–d's table
    expect((await o.client.error(MOVE, { id: cb.id, slot: where(ab.id).slot, table: where(ab.id).table === 1 ? 2 : 1 })).fields).toHaveProperty('slot'); // b meets a then
    const cBusy = new Set(placed.filter((m) => m.id === dc.id).map((m) => at(m.scheduledAt)));
    const morning = ['08:30', '08:50', '09:10'].map(slot).find((s) => !cBusy.has(at(s)))!;
    const away = await o.client.error(MOVE, { id: cb.id, slot: morning, table: 1 });
    expect(away.fields).toHaveProperty('slot'); // b is not available
    expect(away.message).toContain(b.org.name);
    expect((await o.client.error(MOVE, { id: cb.id, slot: slot('12:30'), table: 1 })).fields).toHaveProperty('slot'); // the break
    expect((await o.client.error(MOVE, { id: cb.id, slot: slot('16:30'), table: 3 })).fields).toHaveProperty('table');
    // Participants neither move nor pin; strangers do not even see the meeting.
    expect((await c.client.error(MOVE, { id: cb.id, slot: slot('16:30'), table: 1 })).code).toBe('FORBIDDEN');
    expect((await a.client.error(PIN, { id: cb.id, p: true })).code).toBe('NOT_FOUND');

    // A free slot for c and b: the organiser moves c–b there; it is pinned.
    const used = new Set(placed.filter((m) => m.id !== cb.id).map((m) => at(m.scheduledAt)));
    const free = ['16:30', '16:10', '15:50', '15:30'].map(slot).find((s) => !used.has(at(s)))!;
    const moved = (await o.client.ok(MOVE, { id: cb.id, slot: free, table: 2 })).moveMeeting;
    expect(moved).toMatchObject({ tableNumber: 2, pinned: true, scheduledBy: 'ORGANIZER' });
    expect(at(moved.scheduledAt)).toBe(at(free));
    // a–b pinned where it is; a re-run moves neither.
    const pinned = (await o.client.ok(PIN, { id: ab.id, p: true })).pinMeeting;
    expect(pinned.pinned).toBe(true);
    // The organiser cancels d–c: its slot is freed, both sides are told.
    const cancelled = (await o.client.ok(CANCEL, { id: dc.id, note: 'Đơn vị xin rút.' })).cancelMeetingByOrganizer;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', scheduledAt: null, tableNumber: null });
    expect((await o.client.error(PIN, { id: dc.id, p: true })).code).toBe('CONFLICT');

    const again = await runScheduler(o);
    expect(again).toMatchObject({ status: 'DONE', meetings: 3, scheduled: 3, pinned: 2 });
    const after = new Map(((await o.client.ok(SCHEDULE, { slug: o.event.slug })).event.scheduledMeetings as any[]).map((m) => [m.id, m]));
    expect([...after.keys()].sort()).toEqual([ab.id, cb.id, ad.id].sort());
    expect(at(after.get(cb.id).scheduledAt)).toBe(at(free));
    expect(after.get(cb.id).tableNumber).toBe(2);
    expect(at(after.get(ab.id).scheduledAt)).toBe(at(pinned.scheduledAt));
    expect(after.get(ab.id).tableNumber).toBe(pinned.tableNumber);
  }, 180_000); // a long scenario (five organisations, their listings, meetings, several runs)

  it('a time both sides agreed stays where their agendas say, at the stand of the exhibitor asked: the organiser sees it there, and a run does not move it or give it a table', async () => {
    const { organiser: o, a, b, c } = await scenario();
    await o.client.ok(`mutation($id: ID!) { assignEventBooth(id: $id, booth: "A12") { id booth } }`, { id: a.reg.id });
    // b visits a's stand at 08:50, the slot a accepted; b is busy from 09:10 on.
    const atStand = await accepted(b, a, slot('08:50'));
    await b.client.ok(BLOCK, { r: b.reg.id, s: slot('09:10'), e: slot('17:00') });
    // c and b agreed to meet, leaving the time to the organiser.
    const open = await accepted(c, b);

    const PLACES = `query($slug: String) { event(slug: $slug) { scheduledMeetings { id startsAt scheduledAt tableNumber booth } } }`;
    const AGENDA = `query($r: ID!) { eventAgenda(registrationId: $r) { meetings { meeting { id } startsAt table booth } } }`;
    const organiserSees = async () => new Map(((await o.client.ok(PLACES, { slug: o.event.slug })).event.scheduledMeetings as any[]).map((m) => [m.id, m]));
    const agendaOf = async (p: Party) => ((await p.client.ok(AGENDA, { r: p.reg.id })).eventAgenda.meetings as any[]).find((x) => x.meeting.id === atStand.id);
    const expectAtStand = async () => {
      // The organiser's schedule and both agendas tell the same time and place.
      expect(await organiserSees().then((m) => m.get(atStand.id))).toMatchObject({ startsAt: expect.any(String), tableNumber: null, booth: 'A12' });
      expect(at((await organiserSees()).get(atStand.id).startsAt)).toBe(at(slot('08:50')));
      for (const p of [a, b]) {
        const mine = await agendaOf(p);
        expect(mine).toMatchObject({ table: null, booth: 'A12' });
        expect(at(mine.startsAt)).toBe(at(slot('08:50')));
      }
    };
    await expectAtStand();

    const run = await runScheduler(o);
    expect(run).toMatchObject({ status: 'DONE', meetings: 2, scheduled: 2 });
    await expectAtStand();
    // The meeting without a time is placed at a table around it: b meets a at 08:50, so c–b is at 08:30.
    const placed = (await organiserSees()).get(open.id);
    expect(placed.tableNumber).toBe(1);
    expect(at(placed.startsAt)).toBe(at(slot('08:30')));
    // Told: c and b of c–b's new time and table; a, whose meeting did not change, nothing.
    const scheduledNotices = async (p: Party) => ((await p.client.inLang('en').ok(`{ notifications { kind body } }`)).notifications as any[]).filter((n) => n.kind === 'MEETINGS_SCHEDULED');
    expect(await scheduledNotices(a)).toEqual([]);
    const [toB] = await scheduledNotices(b);
    expect(toB.body).toContain(c.org.name);
    // Its day and time as the pages write them ("6 Jan 2027, 08:30"), never "06/01/2027" (6 January or 1 June?).
    expect(toB.body).toMatch(/\b\d{1,2} [A-Z][a-z]{2} \d{4}, 08:30, table 1/);
    expect(toB.body).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
    const [toBVi] = ((await b.client.ok(`{ notifications { kind body } }`)).notifications as any[]).filter((n) => n.kind === 'MEETINGS_SCHEDULED');
    expect(toBVi.body).toMatch(/08:30 \d{1,2} thg \d{1,2}, \d{4}, bàn 1/);

    // A second run changes nothing and announces nothing.
    await runScheduler(o);
    await expectAtStand();
    expect(at((await organiserSees()).get(open.id).startsAt)).toBe(at(slot('08:30')));
    expect(await scheduledNotices(b)).toHaveLength(1);
    // The organiser cannot put another of b's meetings in the stand meeting's slot by hand.
    expect((await o.client.error(MOVE, { id: open.id, slot: slot('08:50'), table: 2 })).fields).toHaveProperty('slot');
  }, 120_000);

  it('one participant, one meeting a slot: a second acceptance of a taken time is refused naming the slot; agreed times that clash anyway (from before) keep the first, the other is planned', async () => {
    const { organiser: o, a, b, c, d } = await scenario();
    // a accepts b at 08:50; then a cannot accept d at 08:50, nor can d take a counter-proposed 08:50 that clashes with a.
    await accepted(b, a, slot('08:50'));
    const second = (await d.client.ok(REQUEST, { input: { fromRegistrationId: d.reg.id, toRegistrationId: a.reg.id, reason, proposedSlots: [slot('08:50'), slot('09:10')] } })).requestMeeting;
    const refused = await a.client.error(RESPOND, { id: second.id, slot: slot('08:50') });
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.fields!.slot).toContain(a.org.name);
    expect((await a.client.ok(RESPOND, { id: second.id, slot: slot('09:10') })).respondToMeetingRequest.status).toBe('ACCEPTED');
    const third = (await c.client.ok(REQUEST, { input: { fromRegistrationId: c.reg.id, toRegistrationId: b.reg.id, reason, proposedSlots: [slot('10:10')] } })).requestMeeting;
    await b.client.ok(COUNTER, { id: third.id, slots: [slot('08:50')], note: null });
    expect((await c.client.error(ANSWER_COUNTER, { id: third.id, a: true, slot: slot('08:50') })).fields!.slot).toContain(b.org.name);

    // Two agreed times that clash, as data from before this check: a run keeps the one agreed first
    // and plans the other elsewhere, so nobody is in two meetings at once.
    const fourth = (await c.client.ok(REQUEST, { input: { fromRegistrationId: c.reg.id, toRegistrationId: d.reg.id, reason, proposedSlots: [slot('09:30')] } })).requestMeeting;
    await d.client.ok(RESPOND, { id: fourth.id, slot: slot('09:30') });
    await t.app.get(DataSource).query(`UPDATE techmart_meeting_request SET accepted_slot = $2, responded_at = now() + interval '1 hour' WHERE id = $1`, [fourth.id, slot('09:10')]);
    const run = await runScheduler(o);
    expect(run.status).toBe('DONE');
    const meetings = ((await o.client.ok(SCHEDULE, { slug: o.event.slug })).event.scheduledMeetings as any[]).filter((m) => m.status === 'ACCEPTED');
    const timeOf = (id: string) => at(meetings.find((m) => m.id === id)?.scheduledAt ?? meetings.find((m) => m.id === id)?.acceptedSlot);
    expect(timeOf(second.id)).toBe(at(slot('09:10')));
    expect(timeOf(fourth.id)).not.toBe(at(slot('09:10')));
    // its sides are told the time they had changed
    const titles = ((await d.client.inLang('en').ok(`{ notifications { kind title } }`)).notifications as any[]).filter((n) => n.kind === 'MEETINGS_SCHEDULED').map((n) => n.title);
    expect(titles).toContain('Your meeting times have changed');
    // a, whose meetings kept their agreed times and were only given tables, is told they are scheduled, not changed
    const aTitles = ((await a.client.inLang('en').ok(`{ notifications { kind title } }`)).notifications as any[]).filter((n) => n.kind === 'MEETINGS_SCHEDULED').map((n) => n.title);
    expect(aTitles).toEqual(['Your meetings are scheduled']);
    // no participant twice in a slot
    const seen = new Set<string>();
    for (const m of meetings) {
      const when = at(m.scheduledAt ?? m.acceptedSlot);
      if (when === null) continue;
      for (const side of [m.from.id, m.to.id]) {
        expect(seen.has(`${side}@${when}`)).toBe(false);
        seen.add(`${side}@${when}`);
      }
    }
  }, 120_000);

  it('a meeting that took place cannot be called off by either side', async () => {
    const { a, b } = await scenario();
    const m = await accepted(b, a, slot('08:50'));
    await t.app.get(DataSource).query(`INSERT INTO techmart_meeting_record (meeting_id, attendance, attendance_at) VALUES ($1, 'HELD', now())`, [m.id]);
    const CANCEL_OWN = `mutation($id: ID!) { cancelMeetingRequest(id: $id) { id status } }`;
    for (const side of [a, b]) expect((await side.client.error(CANCEL_OWN, { id: m.id })).code).toBe('CONFLICT');
  }, 120_000);

  it('the organiser neither moves nor pins a meeting that took place (held, or an outcome recorded): refused in the request language, the record and both sides left as they were', async () => {
    const { organiser: o, a, b, c, d } = await scenario();
    const held = await accepted(b, a, slot('08:50'));
    const withOutcome = await accepted(d, c, slot('08:50'));
    const open = await accepted(c, b, slot('09:10'));
    const ds = t.app.get(DataSource);
    await ds.query(`INSERT INTO techmart_meeting_record (meeting_id, attendance, attendance_at) VALUES ($1, 'HELD', now())`, [held.id]);
    await ds.query(`INSERT INTO techmart_meeting_record (meeting_id, outcome, outcome_at) VALUES ($1, 'INTEREST', now())`, [withOutcome.id]);
    const SETTLED = `query($slug: String) { event(slug: $slug) { scheduledMeetings { id settled } } }`;
    const settled = new Map(((await o.client.ok(SETTLED, { slug: o.event.slug })).event.scheduledMeetings as any[]).map((m) => [m.id, m.settled]));
    expect(Object.fromEntries(settled)).toEqual({ [held.id]: true, [withOutcome.id]: true, [open.id]: false });

    for (const m of [held, withOutcome]) {
      const moved = await o.client.inLang('en').error(MOVE, { id: m.id, slot: slot('16:30'), table: 1 });
      expect(moved.code).toBe('CONFLICT');
      expect(moved.message).toBe('This meeting has taken place (or the event is over); it can no longer be moved or pinned.');
      expect((await o.client.error(MOVE, { id: m.id, slot: slot('16:30'), table: 1 })).message).toContain('không đổi giờ');
      expect((await o.client.error(PIN, { id: m.id, p: true })).code).toBe('CONFLICT');
    }
    const after = ((await o.client.ok(SCHEDULE, { slug: o.event.slug })).event.scheduledMeetings as any[]).find((m) => m.id === held.id);
    expect(after).toMatchObject({ scheduledAt: null, tableNumber: null, pinned: false });
    expect(at(after.acceptedSlot)).toBe(at(slot('08:50')));
    const moves = ((await a.client.inLang('en').ok(`{ notifications { kind } }`)).notifications as any[]).filter((n) => n.kind === 'MEETING_SCHEDULE_CHANGED');
    expect(moves).toEqual([]);
    // A meeting still to come is moved as before.
    expect((await o.client.ok(MOVE, { id: open.id, slot: slot('16:30'), table: 1 })).moveMeeting).toMatchObject({ tableNumber: 1, pinned: true });
    // Both sides are told where to, the day written as the pages write it.
    const told = ((await c.client.inLang('en').ok(`{ notifications { kind body } }`)).notifications as any[]).filter((n) => n.kind === 'MEETING_SCHEDULE_CHANGED');
    expect(told).toHaveLength(1);
    expect(told[0].body).toMatch(/moved one of your meetings to \d{1,2} [A-Z][a-z]{2} \d{4}, 16:30, table 1\./);
    // Once the fair is over, none of its meetings is moved, pinned or unpinned.
    await ds.query(`UPDATE techmart_event SET starts_on = $2, ends_on = $2 WHERE id = $1`, [o.event.id, day(-1)]);
    expect((await o.client.ok(SETTLED, { slug: o.event.slug })).event.scheduledMeetings.find((m: any) => m.id === open.id).settled).toBe(true);
    expect((await o.client.error(MOVE, { id: open.id, slot: slot('16:10'), table: 1 })).code).toBe('CONFLICT');
    expect((await o.client.error(PIN, { id: open.id, p: false })).code).toBe('CONFLICT');
  }, 120_000);
});
