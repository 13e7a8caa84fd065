import { DataSource } from 'typeorm';
import { isolatedDatabase } from './support/database.js';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';
import { eventDay, eventInput } from './support/events.js';
import { publishListing, RESPOND_DEAL, REVIEW, SIGN } from './support/listings.js';
import { Clock } from '../src/common/clock.js';
import { MeetingRemindersJob } from '../src/modules/events/meeting-reminders.job.js';
import { StatsRollupJob } from '../src/modules/stats/figures.service.js';

/**
 * The Techmart day (issue #17): agendas (.ics in the event's time zone), reminders the day and the
 * hour before (once; none for a cancelled meeting; again for a moved one), check-in by the
 * organiser's staff, meetings marked held, and an outcome that becomes a deal tagged with the
 * event, in its report, its CSV and the market figures. The reminders job and the figures run over
 * the whole database with a moved clock, so this spec has a database of its own.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const day = eventDay;

const REGISTER = `mutation($input: EventRegistrationInput!) { registerForEvent(input: $input) { id } }`;
const RUN_SCHEDULER = `mutation($e: ID!) { scheduleEventMeetings(eventId: $e) { id status } }`;
const DECIDE = `mutation($id: ID!, $booth: String) { decideEventRegistration(id: $id, approve: true, booth: $booth) { id } }`;
const REQUEST = `mutation($input: MeetingRequestInput!) { requestMeeting(input: $input) { id } }`;
const RESPOND = `mutation($id: ID!, $slot: DateTime) { respondToMeetingRequest(id: $id, accept: true, slot: $slot) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelMeetingRequest(id: $id) { id status } }`;
const AGENDA = `query($r: ID!) { eventAgenda(registrationId: $r) { checkInCode checkedInAt organization { id } event { id }
  sessions { title } meetings { startsAt endsAt table reason requestedByUs otherBooth booth otherOrganization { id name } meeting { id } } } }`;
const LOOKUP = `query($e: ID!, $c: String!) { eventCheckIn(eventId: $e, code: $c) { id organization { id } checkedInAt } }`;
const CHECK_IN = `mutation($e: ID!, $c: String!) { checkInParticipant(eventId: $e, code: $c) { id checkedInAt checkedInBy } }`;
const MARK = `mutation($id: ID!, $a: MeetingAttendance!) { markMeetingAttendance(id: $id, attendance: $a) { id attendance canRecordOutcome } }`;
const OUTCOME = `mutation($id: ID!, $input: MeetingOutcomeInput!) { recordMeetingOutcome(id: $id, input: $input) { id attendance canRecordOutcome outcome { kind value interestId dealId } } }`;
const DEAL = `query($id: ID!) { deal(id: $id) { id status value event { id slug } } }`;
const REPORT = `query($e: ID!) { eventReport(eventId: $e) { exhibitors visitors exhibitorsCheckedIn visitorsCheckedIn meetingsRequested meetingsAccepted meetingsDeclined
  meetingsScheduled meetingsHeld meetingsNoShow interests mous contracts contractValue dealsApproved dealValueApproved
  mousSigned mouSignedValue contractsSigned contractSignedValue unrecordedMeetings { meetingId meetingAt parties }
  byField { key count value } bySubField { key topKey count value } byProvince { key label count value } outcomes { kind kindLabel value supplier buyer dealId dealStatus } } }`;
const FIGURES = `{ marketFigures { totals { dealsApproved dealsApprovedAtTechmarts dealValueApprovedAtTechmarts } } }`;

let db: { url: string; drop: () => Promise<void> };
let t: TestApp;
let base: Client;
let ds: DataSource;
let clock: Clock;

beforeAll(async () => {
  db = await isolatedDatabase('eventday');
  t = await startTestApp({ DATABASE_URL: db.url, MEILI_INDEX_PREFIX: `${process.env.MEILI_INDEX_PREFIX ?? 'test'}_eventday` });
  base = new Client(t.url);
  ds = t.app.get(DataSource);
  clock = t.app.get(Clock);
});
afterAll(async () => {
  clock?.reset();
  await t?.close();
  await db?.drop();
});

/** Unfolds an iCalendar text (RFC 5545 §3.1) into its content lines. */
function icsLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}
/** The VEVENT blocks, each as a map of property (with its parameters) to value. */
function icsEvents(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let cur: Map<string, string> | null = null;
  for (const line of icsLines(text)) {
    if (line === 'BEGIN:VEVENT') cur = new Map();
    else if (line === 'END:VEVENT') {
      out.push(cur!);
      cur = null;
    } else if (cur) {
      const i = line.indexOf(':');
      cur.set(line.slice(0, i), line.slice(i + 1).replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1'));
    }
  }
  return out;
}

describe('the Techmart day', () => {
  it('agenda and .ics, reminders once, check-in by staff, a held meeting’s contract counted in the report, its CSV and the market figures', async () => {
    const daNang = await registerModerator(base, ['da-nang']);
    const haNoi = await registerModerator(base, ['ha-noi']);
    const organiser = await registerUser(base, 'Ban tổ chức');
    const organiserOrg = await createOrganization(organiser.client, { name: `Trung tâm Xúc tiến ${uniq('')}`, provinceCode: 'da-nang' });
    const meetingDay = day(3);
    const { createEvent: event } = await daNang.client.ok(
      `mutation($o: ID!, $i: EventInput!) { createEvent(organizerId: $o, input: $i) { id slug status } }`,
      {
        o: organiserOrg.id,
        i: eventInput({
          nameVi: `Chợ công nghệ Đà Nẵng ${uniq('')}`,
          startsOn: meetingDay,
          endsOn: meetingDay,
          venue: 'Cung Hội nghị Quốc tế Ariyana, Đà Nẵng',
          description: 'Chợ công nghệ kết nối viện, trường và doanh nghiệp miền Trung, với các phiên gặp gỡ B2B đã hẹn trước.',
          fieldCodes: ['4'],
          registrationClosesAt: new Date(Date.now() + DAY).toISOString(),
          meetingDays: [meetingDay],
          meetingTables: 10,
          breaks: [],
        }),
      },
    );
    expect(event.status).toBe('PUBLISHED');
    await organiser.client.ok(`mutation($e: ID!, $i: ProgrammeSessionInput!) { addProgrammeSession(eventId: $e, input: $i) { id } }`, {
      e: event.id,
      i: { kind: 'TALK', title: 'Chính sách hỗ trợ đổi mới công nghệ', titleEn: 'Support for companies that renew their technology', room: 'Hội trường A', startsAt: `${meetingDay}T08:00:00+07:00`, endsAt: `${meetingDay}T08:45:00+07:00` },
    });

    async function participant(name: string, role: 'EXHIBITOR' | 'VISITOR', booth: string | null) {
      const user = await registerUser(base, name);
      const orgName = `${name} ${uniq('')}`;
      const org = { ...(await createOrganization(user.client, { name: orgName, provinceCode: 'da-nang' })), name: orgName };
      const offer = role === 'EXHIBITOR' ? await publishListing(base, user.client, { kind: 'OFFER', organizationId: org.id, provinceCode: 'da-nang' }) : null;
      const reg = (await user.client.ok(REGISTER, { input: { eventId: event.id, organizationId: org.id, role, listingIds: offer ? [offer.id] : [], answers: [] } })).registerForEvent;
      await organiser.client.ok(DECIDE, { id: reg.id, booth });
      return { ...user, org, reg, offer };
    }
    const a = await participant('Viện Cơ điện', 'EXHIBITOR', 'A12');
    const b = await participant('Công ty Chế biến', 'VISITOR', null);
    const c = await participant('Viện Sinh học', 'EXHIBITOR', 'A13');
    const slot = (hhmm: string) => `${meetingDay}T${hhmm}:00+07:00`;
    const reason = 'Chúng tôi cần máy sấy cho dây chuyền chế biến xoài, muốn trao đổi về công suất và giá.';
    const m1 = (await b.client.ok(REQUEST, { input: { fromRegistrationId: b.reg.id, toRegistrationId: a.reg.id, reason, proposedSlots: [slot('09:10')] } })).requestMeeting;
    await a.client.ok(RESPOND, { id: m1.id, slot: slot('09:10') });
    // the asker is told when they meet, in Vietnam's time
    const told = (await b.client.ok(`{ notifications { kind body } }`)).notifications.find((n: { kind: string }) => n.kind === 'MEETING_ACCEPTED');
    const [y, mo, d] = meetingDay.split('-').map(Number);
    expect(told.body).toContain(`09:10 ${d} thg ${mo}, ${y}`); // as the pages write it
    const m2 = (await b.client.ok(REQUEST, { input: { fromRegistrationId: b.reg.id, toRegistrationId: c.reg.id, reason, proposedSlots: [slot('09:30')] } })).requestMeeting;
    await c.client.ok(RESPOND, { id: m2.id, slot: slot('09:30') });

    // --- The agenda: the programme and both meetings; only the participant's side (and the organiser) see it.
    let agenda = (await b.client.ok(AGENDA, { r: b.reg.id })).eventAgenda;
    expect(agenda.checkInCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(agenda.sessions.map((s: { title: string }) => s.title)).toEqual(['Chính sách hỗ trợ đổi mới công nghệ']);
    expect(agenda.meetings.map((m: { otherOrganization: { id: string }; otherBooth: string }) => [m.otherOrganization.id, m.otherBooth])).toEqual([[a.org.id, 'A12'], [c.org.id, 'A13']]);
    expect(agenda.meetings[0]).toMatchObject({ reason, requestedByUs: true, table: null });
    // One place for both sides: the stand of the organisation asked (not each the other's)
    expect(agenda.meetings.map((m: { booth: string | null }) => m.booth)).toEqual(['A12', 'A13']);
    const hostAgenda = (await a.client.ok(AGENDA, { r: a.reg.id })).eventAgenda;
    expect(hostAgenda.meetings.map((m: { otherBooth: string | null; booth: string | null }) => [m.otherBooth, m.booth])).toEqual([[null, 'A12']]);
    expect(new Date(agenda.meetings[0].endsAt).getTime() - new Date(agenda.meetings[0].startsAt).getTime()).toBe(20 * 60_000);
    expect((await c.client.error(AGENDA, { r: b.reg.id })).code).toBe('NOT_FOUND');
    expect((await organiser.client.ok(AGENDA, { r: b.reg.id })).eventAgenda.checkInCode).toBe(agenda.checkInCode);
    const code = agenda.checkInCode as string;
    // Three days before the fair nobody is checked in (it would count as attendance): refused, saying when it opens.
    const early = await organiser.client.inLang('en').error(CHECK_IN, { e: event.id, c: code });
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toContain(`check-in opens at 06:00 on ${d} ${new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' })} ${y}`);
    expect((await organiser.client.error(CHECK_IN, { e: event.id, c: code })).message).toContain(`check-in mở từ 06:00 ngày ${d} thg ${mo}, ${y}`);
    expect((await organiser.client.ok(`query($id: ID) { event(id: $id) { checkInOpen } }`, { id: event.id })).event.checkInOpen).toBe(false);

    // --- The .ics: times in the event's zone (TZID with a +07:00 VTIMEZONE), in the caller's language.
    const ics = (lang: string, token: string | null) =>
      fetch(`${t.url}/exports/events/registrations/${b.reg.id}/agenda.ics`, { headers: { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    expect((await ics('vi', null)).status).toBe(401);
    expect((await ics('vi', c.client.token)).status).toBe(404);
    const res = await ics('en', b.client.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    const lines = icsLines(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const tz = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(tz).toEqual(expect.arrayContaining(['TZID:Asia/Ho_Chi_Minh', 'TZOFFSETFROM:+0700', 'TZOFFSETTO:+0700']));
    const vevents = icsEvents(text);
    expect(vevents).toHaveLength(3);
    const ymd = meetingDay.replace(/-/g, '');
    const meeting = vevents.find((v) => v.get('SUMMARY') === `Meeting: ${a.org.name}`)!;
    expect(meeting.get('DTSTART;TZID=Asia/Ho_Chi_Minh')).toBe(`${ymd}T091000`);
    expect(meeting.get('DTEND;TZID=Asia/Ho_Chi_Minh')).toBe(`${ymd}T093000`);
    expect(meeting.get('DESCRIPTION')).toContain(`Purpose: ${reason}`);
    expect(meeting.get('DESCRIPTION')).toContain('Check-in code: ');
    expect(meeting.get('LOCATION')).toContain('Booth A12');
    // The session under its English title in English, its Vietnamese one in Vietnamese.
    const talk = vevents.find((v) => v.get('SUMMARY') === 'Support for companies that renew their technology')!;
    expect(talk.get('DTSTART;TZID=Asia/Ho_Chi_Minh')).toBe(`${ymd}T080000`);
    const vi = await (await ics('vi', b.client.token)).text();
    expect(icsEvents(vi).some((v) => v.get('SUMMARY') === `Gặp: ${a.org.name}`)).toBe(true);
    expect(icsEvents(vi).some((v) => v.get('SUMMARY') === 'Chính sách hỗ trợ đổi mới công nghệ')).toBe(true);
    expect((await b.client.inLang('en').ok(AGENDA, { r: b.reg.id })).eventAgenda.sessions.map((s: { title: string }) => s.title)).toEqual(['Support for companies that renew their technology']);

    // --- Reminders: none three days ahead; the day before, once (the cancelled meeting gets none); an hour before, once.
    const jobs = t.app.get(MeetingRemindersJob);
    const reminders = async (userId: string) =>
      (await ds.query(`SELECT kind, url FROM notification WHERE user_id = $1 AND kind LIKE 'MEETING_REMINDER%' ORDER BY created_at`, [userId])) as { kind: string; url: string }[];
    expect(await jobs.runOnce()).toEqual({ DAY_BEFORE: 0, HOUR_BEFORE: 0 });
    await b.client.ok(CANCEL, { id: m2.id });
    const at = Date.parse(slot('09:10'));
    clock.advance(at - 23 * HOUR - clock.now().getTime());
    expect(await jobs.runOnce()).toEqual({ DAY_BEFORE: 1, HOUR_BEFORE: 0 });
    expect(await jobs.runOnce()).toEqual({ DAY_BEFORE: 0, HOUR_BEFORE: 0 });
    expect(await reminders(a.id)).toEqual([{ kind: 'MEETING_REMINDER_DAY', url: `/events/${event.slug}/agenda` }]);
    expect((await reminders(b.id)).map((r) => r.kind)).toEqual(['MEETING_REMINDER_DAY']);
    expect(await reminders(c.id)).toEqual([]);
    const [{ n: emails }] = await ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'notification.email' AND payload->'notificationIds' ?| (SELECT array_agg(id::text) FROM notification WHERE kind = 'MEETING_REMINDER_DAY')`);
    expect(emails).toBe(2); // one e-mail batch per organisation
    // Moved an hour and twenty minutes later (as the organiser's scheduler may): reminded again for the new time, when due.
    await ds.query(`UPDATE techmart_meeting_request SET accepted_slot = $2 WHERE id = $1`, [m1.id, new Date(Date.parse(slot('10:30')))]);
    expect(await jobs.runOnce()).toEqual({ DAY_BEFORE: 0, HOUR_BEFORE: 0 });
    clock.advance(30 * 60_000);
    expect(await jobs.runOnce()).toEqual({ DAY_BEFORE: 1, HOUR_BEFORE: 0 });
    clock.advance(Date.parse(slot('10:30')) - 50 * 60_000 - clock.now().getTime());
    expect(await jobs.runOnce()).toEqual({ DAY_BEFORE: 0, HOUR_BEFORE: 1 });
    expect(await jobs.runOnce()).toEqual({ DAY_BEFORE: 0, HOUR_BEFORE: 0 });
    expect((await reminders(a.id)).map((r) => r.kind)).toEqual(['MEETING_REMINDER_DAY', 'MEETING_REMINDER_DAY', 'MEETING_REMINDER_HOUR']);

    // --- Check-in: the organiser's members and the moderators covering the event; once.
    expect((await b.client.error(CHECK_IN, { e: event.id, c: code })).code).toBe('FORBIDDEN');
    expect((await haNoi.client.error(CHECK_IN, { e: event.id, c: code })).code).toBe('FORBIDDEN');
    expect((await organiser.client.error(CHECK_IN, { e: event.id, c: 'ZZZZZZZZZZ' })).fields).toHaveProperty('code');
    expect((await daNang.client.ok(LOOKUP, { e: event.id, c: code.toLowerCase() })).eventCheckIn).toMatchObject({ id: b.reg.id, organization: { id: b.org.id }, checkedInAt: null });
    const typed = `${code.slice(0, 4)}-${code.slice(4, 8)} ${code.slice(8)}`.toLowerCase();
    const checked = (await organiser.client.ok(CHECK_IN, { e: event.id, c: typed })).checkInParticipant;
    expect(checked).toMatchObject({ id: b.reg.id, checkedInBy: 'Ban tổ chức' });
    const again = await organiser.client.inLang('en').error(CHECK_IN, { e: event.id, c: code });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('by Ban tổ chức');
    expect((await b.client.ok(AGENDA, { r: b.reg.id })).eventAgenda.checkedInAt).not.toBeNull();

    // --- Attendance, after the meeting's time: either side or staff; an outcome by either side only.
    expect((await a.client.error(MARK, { id: m1.id, a: 'HELD' })).code).toBe('CONFLICT'); // 50 minutes early
    clock.advance(70 * 60_000);
    expect((await c.client.error(MARK, { id: m1.id, a: 'HELD' })).code).toBe('NOT_FOUND');
    expect((await b.client.error(OUTCOME, { id: m1.id, input: { kind: 'INTEREST' } })).code).toBe('CONFLICT'); // not marked held yet
    expect((await organiser.client.ok(MARK, { id: m1.id, a: 'NO_SHOW' })).markMeetingAttendance.attendance).toBe('NO_SHOW');
    const held = (await a.client.ok(MARK, { id: m1.id, a: 'HELD' })).markMeetingAttendance;
    expect(held).toMatchObject({ attendance: 'HELD', canRecordOutcome: true });
    expect((await organiser.client.error(OUTCOME, { id: m1.id, input: { kind: 'CONTRACT', value: 1 } })).code).toBe('FORBIDDEN');
    expect((await b.client.error(OUTCOME, { id: m1.id, input: { kind: 'CONTRACT' } })).fields).toHaveProperty(['input.value']);
    const recorded = (await b.client.ok(OUTCOME, { id: m1.id, input: { kind: 'CONTRACT', value: 1_500_000_000, note: 'Hợp đồng cung cấp 2 máy sấy bơm nhiệt, lắp đặt trong quý tới.' } })).recordMeetingOutcome;
    expect(recorded).toMatchObject({ attendance: 'HELD', canRecordOutcome: false, outcome: { kind: 'CONTRACT', value: 1_500_000_000 } });
    expect((await a.client.error(OUTCOME, { id: m1.id, input: { kind: 'MOU', value: 5 } })).code).toBe('CONFLICT');
    expect((await a.client.error(MARK, { id: m1.id, a: 'NO_SHOW' })).code).toBe('CONFLICT');

    // The deal: proposed by the recorder on the exhibitor's offer, tagged with the event, through the normal workflow.
    const dealId = recorded.outcome.dealId as string;
    expect((await a.client.ok(DEAL, { id: dealId })).deal).toEqual({ id: dealId, status: 'PROPOSED', value: 1_500_000_000, event: { id: event.id, slug: event.slug } });
    const [tagged] = await ds.query(`SELECT i.event_id, i.status, i.listing_id FROM interest i WHERE i.id = $1`, [recorded.outcome.interestId]);
    expect(tagged).toEqual({ event_id: event.id, status: 'ACCEPTED', listing_id: a.offer!.id });
    await a.client.ok(RESPOND_DEAL, { id: dealId, a: true });
    await daNang.client.ok(REVIEW, { id: dealId, d: 'APPROVE' });

    // The offer in two sub-fields of one top-level field (2.05, 2.11) and one of another (4.07).
    await ds.query(`UPDATE listing SET field_codes = '{205,211,407}' WHERE id = $1`, [a.offer!.id]);
    // --- The report: for the organiser and the department; not for participants or other provinces.
    expect((await b.client.error(REPORT, { e: event.id })).code).toBe('FORBIDDEN');
    expect((await haNoi.client.error(REPORT, { e: event.id })).code).toBe('FORBIDDEN');
    const report = (await organiser.client.ok(REPORT, { e: event.id })).eventReport;
    expect(report).toMatchObject({
      exhibitors: 2,
      visitors: 1,
      exhibitorsCheckedIn: 0,
      visitorsCheckedIn: 1,
      meetingsRequested: 2,
      meetingsAccepted: 1,
      meetingsDeclined: 0,
      meetingsScheduled: 1,
      meetingsHeld: 1,
      meetingsNoShow: 0,
      interests: 0,
      mous: 0,
      contracts: 1,
      contractValue: 1_500_000_000,
      dealsApproved: 1,
      dealValueApproved: 1_500_000_000,
      // Recorded as a contract by the participants, but only approved in the register: not signed.
      contractsSigned: 0,
      contractSignedValue: 0,
      mousSigned: 0,
      unrecordedMeetings: [],
      byProvince: [{ key: 'da-nang', label: 'Đà Nẵng', count: 1, value: 1_500_000_000 }],
      outcomes: [{ kind: 'CONTRACT', kindLabel: 'Hợp đồng', value: 1_500_000_000, supplier: a.org.name, buyer: b.org.name, dealId, dealStatus: 'APPROVED' }],
    });
    // By field as on /stats: top-level fields only (the contract once in each), the sub-fields apart under them.
    expect(report.byField.length).toBeGreaterThan(0);
    expect(report.byField.map((f: { key: string; count: number; value: number }) => [f.key, f.count, f.value])).toEqual([
      ['2', 1, 1_500_000_000],
      ['4', 1, 1_500_000_000],
    ]);
    expect(report.bySubField).toEqual([
      { key: '205', topKey: '2', count: 1, value: 1_500_000_000 },
      { key: '211', topKey: '2', count: 1, value: 1_500_000_000 },
      { key: '407', topKey: '4', count: 1, value: 1_500_000_000 },
    ]);
    expect((await daNang.client.ok(REPORT, { e: event.id })).eventReport.contracts).toBe(1);

    const csv = await fetch(`${t.url}/exports/events/${event.id}/report.csv`, { headers: { authorization: `Bearer ${organiser.client.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const body = Buffer.from(await csv.arrayBuffer()).toString('utf8'); // text() would drop the BOM
    expect(body.startsWith('\uFEFFGiờ gặp,Kết quả ghi nhận (theo người tham gia),Công nghệ,Lĩnh vực,Bên chuyển giao,Bên nhận,Tỉnh/thành,Giá trị (VND),Trạng thái giao dịch,Mã giao dịch\r\n')).toBe(true);
    const [table, totalsBlock] = body.trim().split('\r\n\r\n');
    const rows = table.split('\r\n');
    expect(rows).toHaveLength(2);
    // The totals below the rows: what was recorded, and beside it what the register shows signed.
    expect(totalsBlock.split('\r\n')).toEqual([
      'Tổng hợp',
      '"Đơn vị tham gia (trưng bày, tham quan)",3,',
      'Đã check-in,1,',
      'Cuộc gặp đã diễn ra,1,',
      'Ghi nhận: quan tâm hợp tác,0,',
      'Ghi nhận: biên bản ghi nhớ (MoU),0,0',
      'Ghi nhận: hợp đồng,1,1500000000',
      'Chưa ghi nhận kết quả,0,',
      'Trong đó MoU đã ký hoặc hoàn thành trong sổ giao dịch,0,0',
      'Trong đó hợp đồng đã ký hoặc hoàn thành trong sổ giao dịch,0,0',
      'Giao dịch được Sở duyệt,1,1500000000',
    ]);
    expect(rows[1]).toContain(',Hợp đồng,');
    expect(rows[1]).toContain(',Đà Nẵng,1500000000,');
    expect(rows[1].endsWith(dealId)).toBe(true);
    expect((await fetch(`${t.url}/exports/events/${event.id}/report.csv`, { headers: { authorization: `Bearer ${b.client.token}` } })).status).toBe(403);
    // The organiser's download is theirs; the department's is a staff export, audited (who, what, from where).
    const reportAudit = () => ds.query(`SELECT actor_id, target_kind, target_id, ip, user_agent, details FROM staff_audit_log WHERE action = 'EVENT_REPORT_EXPORTED' AND target_id = $1`, [event.id]);
    expect(await reportAudit()).toEqual([]);
    const staffCsv = await fetch(`${t.url}/exports/events/${event.id}/report.csv`, { headers: { authorization: `Bearer ${daNang.client.token}`, 'user-agent': 'Excel-Event/1.0' } });
    expect(staffCsv.status).toBe(200);
    expect(Buffer.from(await staffCsv.arrayBuffer()).toString('utf8')).toBe(body);
    expect(await reportAudit()).toEqual([{ actor_id: daNang.id, target_kind: 'EVENT', target_id: event.id, ip: expect.stringMatching(/./), user_agent: 'Excel-Event/1.0', details: { file: 'report.csv', provinceCode: 'da-nang', outcomes: 1 } }]);
    // For the English interface, the same outcomes under English headers and labels.
    const enCsv = await fetch(`${t.url}/exports/events/${event.id}/report.csv`, { headers: { authorization: `Bearer ${organiser.client.token}`, 'accept-language': 'en' } });
    expect(enCsv.headers.get('content-disposition')).toBe(`attachment; filename="report-${event.slug}.csv"`);
    const enRows = Buffer.from(await enCsv.arrayBuffer()).toString('utf8').slice(1).trim().split('\r\n');
    expect(enRows[0]).toBe('Meeting time,Recorded outcome (by participants),Technology,Fields,Supplier,Buyer,Province,Value (VND),Deal status,Deal ID');
    expect(enRows[1]).toContain(',Contract,');
    expect(enRows[1]).toContain(',Da Nang,1500000000,Approved,');
    expect(enRows).toContain('Recorded outcome: contract,1,1500000000');

    // The deal register names the Techmart the deal came from.
    const register = Buffer.from(await (await fetch(`${t.url}/exports/deals.csv`, { headers: { authorization: `Bearer ${daNang.client.token}` } })).arrayBuffer()).toString('utf8');
    const registerRow = register.split('\r\n').find((l) => l.startsWith(dealId))!;
    expect(registerRow.endsWith(`,${(await organiser.client.ok(`query($id: ID) { event(id: $id) { name } }`, { id: event.id })).event.name}`)).toBe(true);

    // A meeting held whose outcome nobody recorded is listed too, as not recorded: the exhibitor
    // (c) under the supplier, the visitor (b) under the buyer, though the visitor asked for it.
    const [{ id: m3 }] = await ds.query(
      `INSERT INTO techmart_meeting_request (event_id, from_registration_id, to_registration_id, requested_by, reason, status, accepted_slot)
       VALUES ($1, $2, $3, $4, $5, 'ACCEPTED', $6) RETURNING id`,
      [event.id, b.reg.id, c.reg.id, b.id, reason, new Date(Date.parse(slot('11:30')))],
    );
    await ds.query(`INSERT INTO techmart_meeting_record (meeting_id, attendance, attendance_by, attendance_at) VALUES ($1, 'HELD', $2, now())`, [m3, c.id]);
    // And once both parties sign the deal, the register's signed contract is counted beside the recorded one.
    await a.client.ok(SIGN, { id: dealId });
    await b.client.ok(SIGN, { id: dealId });
    const after = (await organiser.client.ok(REPORT, { e: event.id })).eventReport;
    expect(after).toMatchObject({ meetingsHeld: 2, contracts: 1, contractsSigned: 1, contractSignedValue: 1_500_000_000, unrecordedMeetings: [{ meetingId: m3, parties: [c.org.name, b.org.name] }] });
    const csv2 = Buffer.from(await (await fetch(`${t.url}/exports/events/${event.id}/report.csv`, { headers: { authorization: `Bearer ${organiser.client.token}` } })).arrayBuffer()).toString('utf8');
    const [table2, totals2] = csv2.trim().split('\r\n\r\n');
    const rows2 = table2.split('\r\n').slice(1);
    expect(rows2).toHaveLength(2); // every held meeting: the contract and the one without an outcome
    expect(rows2[1]).toContain(`,Chưa ghi nhận,,,${c.org.name},${b.org.name},`);
    expect(totals2).toContain('Cuộc gặp đã diễn ra,2,');
    expect(totals2).toContain('Chưa ghi nhận kết quả,1,');
    expect(totals2).toContain('Trong đó hợp đồng đã ký hoặc hoàn thành trong sổ giao dịch,1,1500000000');

    // --- The market figures count it as made at a Techmart.
    await t.app.get(StatsRollupJob).runOnce();
    const totals = (await base.ok(FIGURES)).marketFigures.totals;
    expect(totals).toEqual({ dealsApproved: 1, dealsApprovedAtTechmarts: 1, dealValueApprovedAtTechmarts: 1_500_000_000 });

    // --- After the fair the scheduler is refused: its meetings stay where they were held.
    expect((await organiser.client.ok(RUN_SCHEDULER, { e: event.id })).scheduleEventMeetings.status).toBe('QUEUED');
    const RESULTS = `query($id: ID) { event(id: $id) { results { exhibitors visitors meetingsHeld mous contracts value } } }`;
    expect((await base.ok(RESULTS, { id: event.id })).event.results).toBeNull();
    clock.advance(40 * 24 * HOUR);
    // …and anyone sees what it made (aggregates only)
    expect((await base.ok(RESULTS, { id: event.id })).event.results).toEqual({ exhibitors: 2, visitors: 1, meetingsHeld: 2, mous: 0, contracts: 1, value: 1_500_000_000 });
    const ended = await organiser.client.inLang('en').error(RUN_SCHEDULER, { e: event.id });
    expect(ended.code).toBe('CONFLICT');
    expect(ended.message).toContain('has ended');
    // …and check-in is closed.
    const late = await organiser.client.inLang('en').error(CHECK_IN, { e: event.id, c: (await a.client.ok(AGENDA, { r: a.reg.id })).eventAgenda.checkInCode });
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toContain('check-in is closed');
  });
});
