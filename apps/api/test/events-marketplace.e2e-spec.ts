import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';
import { eventDay, eventInput } from './support/events.js';

/**
 * A Techmart's marketplace (issue #17, "Matchmaking"): approved participants with their
 * organisation, role, booth and listings, searched with or without diacritics and filtered by
 * role, field and province; the public sees the exhibitors only; the matching engine's
 * suggestions restricted to the event, for the participant and the organiser only; and each
 * meeting request's conversation in the exchange's messages, for its two sides only.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const day = eventDay;

const CREATE_EVENT = `mutation($o: ID!, $i: EventInput!) { createEvent(organizerId: $o, input: $i) { id slug status } }`;
const REGISTER = `mutation($input: EventRegistrationInput!) { registerForEvent(input: $input) { id } }`;
const DECIDE = `mutation($id: ID!, $booth: String) { decideEventRegistration(id: $id, approve: true, booth: $booth) { id } }`;
const CREATE_LISTING = `mutation($input: ListingInput!) { createListing(input: $input) { id } }`;
const SUBMIT_LISTING = `mutation($id: ID!) { submitListing(id: $id) { id } }`;
const APPROVE_LISTING = `mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id status } }`;
const MARKET = `query($e: ID!, $i: EventMarketplaceInput, $p: PageInput) { eventMarketplace(eventId: $e, input: $i, page: $p) {
  scope totalItems page pageSize items { id role booth organization { id name } listings { id kind title } } } }`;
const SUGGESTION = `score reasons { code label weight } participant { id organization { id } } listing { id } ownListing { id } openRequest { id status }`;
const MY_SUGGESTIONS = `query($slug: String) { event(slug: $slug) { myRegistrations { id suggestions { ${SUGGESTION} } } } }`;
const PARTICIPANT_SUGGESTIONS = `query($slug: String) { event(slug: $slug) { participants { id suggestions { score } } } }`;
const ORGANISER_SUGGESTIONS = `query($slug: String) { event(slug: $slug) { registrations { id suggestions(limit: 1) { score participant { id } } } } }`;
const REQUEST = `mutation($input: MeetingRequestInput!) { requestMeeting(input: $input) { id messages { body } } }`;
const RESPOND = `mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelMeetingRequest(id: $id) { id status } }`;
const SEND = `mutation($id: ID!, $b: String!) { sendMeetingMessage(meetingRequestId: $id, body: $b) { id body author { id } organization { id } } }`;
const THREAD = `query($id: ID!) { meetingRequest(id: $id) { id messages { body organization { id } } } }`;
const SCHEDULED = `query($slug: String) { event(slug: $slug) { scheduledMeetings { id messages { body } } } }`;

let t: TestApp;
let base: Client;
let ds: DataSource;
let approver: Client;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
  ds = t.app.get(DataSource);
  approver = (await registerModerator(base, [])).client;
});
afterAll(() => t.close());

interface ListingSpec {
  kind: 'OFFER' | 'DEMAND';
  title: string;
  summary: string;
  description: string;
  keywords: string[];
  fieldCodes: string[];
}

/** A published listing with the given text (the shared helper's text is fixed). */
async function publish(owner: Client, organizationId: string, provinceCode: string, l: ListingSpec): Promise<string> {
  const offer = l.kind === 'OFFER';
  const input = {
    ...l,
    organizationId,
    provinceCode,
    trl: offer ? 7 : 5,
    transferModes: ['LICENSING', 'TURNKEY'],
    ipStatus: offer ? 'UTILITY_SOLUTION' : null,
    priceMin: offer ? 1_000_000_000 : null,
    priceMax: offer ? 2_000_000_000 : 3_000_000_000,
  };
  const { createListing } = await owner.ok<{ createListing: { id: string } }>(CREATE_LISTING, { input });
  await owner.ok(SUBMIT_LISTING, { id: createListing.id });
  expect((await approver.ok(APPROVE_LISTING, { id: createListing.id })).moderateListing.status).toBe('PUBLISHED');
  return createListing.id;
}

const HEAT_PUMP_DRYER: ListingSpec = {
  kind: 'OFFER',
  title: 'Máy sấy lạnh bơm nhiệt cho trái cây và nông sản',
  summary: 'Hệ thống sấy lạnh dùng bơm nhiệt hai cấp, giữ màu và vi chất của xoài, thanh long; tiết kiệm 40% điện năng.',
  description:
    'Máy sấy lạnh bơm nhiệt, nhiệt độ sấy 15–35 °C, độ ẩm điều khiển tự động, công suất 500 kg/mẻ. Đã lắp đặt cho hợp tác xã chế biến xoài sấy dẻo ở Đồng Tháp. Chuyển giao thiết kế, lắp đặt, đào tạo vận hành.',
  keywords: ['sấy lạnh', 'bơm nhiệt', 'xoài sấy'],
  fieldCodes: ['203'],
};
const SOLAR_DRYER: ListingSpec = {
  kind: 'OFFER',
  title: 'Nhà sấy năng lượng mặt trời cho nông sản',
  summary: 'Nhà sấy dùng năng lượng mặt trời kết hợp quạt đối lưu, sấy cà phê, ca cao và nông sản quy mô hộ.',
  description:
    'Nhà sấy năng lượng mặt trời có mái polycarbonate, quạt đối lưu và bộ gia nhiệt dự phòng; sấy cà phê, ca cao, hạt điều cho nông hộ và hợp tác xã. Chi phí đầu tư thấp, vận hành đơn giản.',
  keywords: ['nhà sấy', 'năng lượng mặt trời', 'nông sản'],
  fieldCodes: ['203'],
};
const HOSPITAL_SOFTWARE: ListingSpec = {
  kind: 'OFFER',
  title: 'Phần mềm quản lý bệnh viện',
  summary: 'Hệ thống thông tin bệnh viện: hồ sơ bệnh án điện tử, viện phí, dược, kết nối bảo hiểm y tế.',
  description:
    'Phần mềm quản lý bệnh viện gồm hồ sơ bệnh án điện tử, quản lý viện phí, kho dược, xét nghiệm và kết nối cổng giám định bảo hiểm y tế; triển khai tại nhiều bệnh viện tuyến tỉnh.',
  keywords: ['bệnh viện', 'bệnh án điện tử', 'y tế số'],
  fieldCodes: ['102'],
};
const MANGO_DRYING_NEED: ListingSpec = {
  kind: 'DEMAND',
  title: 'Cần công nghệ sấy lạnh xoài bằng bơm nhiệt',
  summary: 'Doanh nghiệp chế biến xoài sấy dẻo cần máy sấy lạnh bơm nhiệt giữ màu, công suất 500 kg/mẻ.',
  description:
    'Nhà máy chế biến xoài sấy dẻo xuất khẩu cần công nghệ sấy lạnh bằng bơm nhiệt, giữ màu và hương vị trái cây, tiết kiệm điện, công suất khoảng 500 kg/mẻ, có chuyển giao và đào tạo vận hành.',
  keywords: ['sấy lạnh', 'bơm nhiệt', 'xoài'],
  fieldCodes: ['203'],
};

async function createEvent(organizerId: string, moderator: Client): Promise<{ id: string; slug: string }> {
  const meetingDay = day(20);
  const { createEvent } = await moderator.ok(CREATE_EVENT, {
    o: organizerId,
    i: eventInput({
      nameVi: `Chợ công nghệ Đồng Tháp ${uniq('')}`,
      nameEn: `Dong Thap Techmart ${uniq('')}`,
      startsOn: meetingDay,
      endsOn: meetingDay,
      provinceCode: 'dong-thap',
      venue: 'Trung tâm Hội nghị tỉnh Đồng Tháp',
      description: 'Chợ công nghệ chế biến nông sản: viện, trường và doanh nghiệp gặp nhau trong các phiên B2B đã hẹn trước.',
      registrationClosesAt: new Date(Date.now() + 10 * DAY).toISOString(),
      meetingDays: [meetingDay],
      meetingTables: 5,
      breaks: [],
    }),
  });
  expect(createEvent.status).toBe('PUBLISHED');
  return createEvent;
}

describe('a Techmart marketplace', () => {
  it('lists, searches and filters participants; exhibitors are public, visitors for participants; suggestions ranked by the engine within the event; conversations for the two sides only', async () => {
    const moderator = (await registerModerator(base, ['dong-thap'])).client;
    const organiser = await registerUser(base, 'Ban tổ chức');
    const organiserOrg = await createOrganization(organiser.client, { name: `Trung tâm Xúc tiến ${uniq('')}`, provinceCode: 'dong-thap' });
    const event = await createEvent(organiserOrg.id, moderator);
    const other = await createEvent(organiserOrg.id, moderator);

    async function participant(name: string, province: string, role: 'EXHIBITOR' | 'VISITOR', listing: ListingSpec, booth: string | null, ev = event, approve = true) {
      const user = await registerUser(base, name);
      const orgName = `${name} ${uniq('')}`;
      const org = { ...(await createOrganization(user.client, { name: orgName, provinceCode: province })), name: orgName };
      const listingId = await publish(user.client, org.id, province, listing);
      const reg = (await user.client.ok(REGISTER, { input: { eventId: ev.id, organizationId: org.id, role, listingIds: [listingId], answers: [] } })).registerForEvent as { id: string };
      if (approve) await organiser.client.ok(DECIDE, { id: reg.id, booth });
      return { ...user, org, reg, listingId };
    }
    const a = await participant('Viện Cơ điện Nông nghiệp', 'ho-chi-minh', 'EXHIBITOR', HEAT_PUMP_DRYER, 'A2');
    const b = await participant('Trường Đại học Cần Thơ', 'can-tho', 'EXHIBITOR', SOLAR_DRYER, 'A10');
    const c = await participant('Công ty Phần mềm Y tế', 'ha-noi', 'EXHIBITOR', HOSPITAL_SOFTWARE, 'B1');
    const v = await participant('Công ty Xoài Đồng Tháp', 'dong-thap', 'VISITOR', MANGO_DRYING_NEED, null);
    // Not in this marketplace: a pending registration, and a perfect match registered for another event.
    const pending = await participant('Viện Pending', 'dong-thap', 'EXHIBITOR', HEAT_PUMP_DRYER, null, event, false);
    const elsewhere = await participant('Viện Nơi khác', 'dong-thap', 'EXHIBITOR', HEAT_PUMP_DRYER, 'C1', other);
    const stranger = await registerUser(base, 'Người ngoài');
    await createOrganization(stranger.client, { name: `Công ty Ngoài ${uniq('')}`, provinceCode: 'dong-thap' });

    type Row = { id: string; role: string; booth: string | null; organization: { id: string }; listings: { id: string; kind: string }[] };
    const market = async (client: Client, i: Record<string, unknown> | null = null, p: Record<string, unknown> | null = null) =>
      (await client.ok(MARKET, { e: event.id, i, p })).eventMarketplace as { scope: string; totalItems: number; page: number; pageSize: number; items: Row[] };
    const ids = (rows: Row[]) => rows.map((r) => r.id);

    // --- A participant sees every approved participant, exhibitors first by booth (A2 before A10), then visitors.
    const all = await market(v.client);
    expect(all.scope).toBe('PARTICIPANTS');
    expect(ids(all.items)).toEqual([a.reg.id, b.reg.id, c.reg.id, v.reg.id]);
    expect(all.items[0]).toMatchObject({ role: 'EXHIBITOR', booth: 'A2', organization: { id: a.org.id }, listings: [{ id: a.listingId, kind: 'OFFER' }] });
    expect(all.items[3]).toMatchObject({ role: 'VISITOR', booth: null, listings: [{ id: v.listingId, kind: 'DEMAND' }] });
    expect(ids(all.items)).not.toContain(pending.reg.id);
    expect(ids(all.items)).not.toContain(elsewhere.reg.id);
    // The organiser too.
    expect((await market(organiser.client)).totalItems).toBe(4);

    // --- Words with or without diacritics, over names, booths and listings.
    expect(ids((await market(v.client, { query: 'say lanh' })).items)).toEqual([a.reg.id, v.reg.id]);
    expect(ids((await market(v.client, { query: 'SẤY LẠNH bơm' })).items)).toEqual([a.reg.id, v.reg.id]);
    expect(ids((await market(v.client, { query: 'benh vien' })).items)).toEqual([c.reg.id]);
    expect(ids((await market(v.client, { query: 'dai hoc can tho' })).items)).toEqual([b.reg.id]);
    expect(ids((await market(v.client, { query: 'b1' })).items)).toEqual([c.reg.id]);
    // --- Role, field (a parent covers its children), province; combined.
    expect(ids((await market(v.client, { role: 'VISITOR' })).items)).toEqual([v.reg.id]);
    expect(ids((await market(v.client, { fieldCode: '1' })).items)).toEqual([c.reg.id]);
    expect(ids((await market(v.client, { fieldCode: '2', role: 'EXHIBITOR' })).items)).toEqual([a.reg.id, b.reg.id]);
    expect(ids((await market(v.client, { provinceCode: 'can-tho' })).items)).toEqual([b.reg.id]);
    expect(ids((await market(v.client, { provinceCode: 'dong-thap', query: 'xoai' })).items)).toEqual([v.reg.id]);
    // --- Paged.
    const page2 = await market(v.client, null, { page: 2, pageSize: 3 });
    expect(page2).toMatchObject({ totalItems: 4, page: 2, pageSize: 3 });
    expect(ids(page2.items)).toEqual([v.reg.id]);
    // --- Bad input names the field.
    const bad = await v.client.error(MARKET, { e: event.id, i: { fieldCode: 'nope' } });
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.fields ?? {}).join()).toMatch(/fieldCode/);

    // --- The public, a signed-in stranger and a not-yet-approved participant see the exhibitors only.
    for (const client of [base, stranger.client, pending.client]) {
      const seen = await market(client);
      expect(seen.scope).toBe('EXHIBITORS');
      expect(ids(seen.items)).toEqual([a.reg.id, b.reg.id, c.reg.id]);
      expect((await market(client, { role: 'VISITOR' })).items).toEqual([]);
      expect(ids((await market(client, { query: 'xoai' })).items)).toEqual([a.reg.id]);
    }
    // An unknown event: null.
    expect((await v.client.ok(MARKET, { e: '00000000-0000-4000-8000-000000000000' })).eventMarketplace).toBeNull();

    // --- Suggestions: the engine's scores between the visitor's demand and the other participants' offers, best first, within the event.
    const [mine] = (await v.client.ok(MY_SUGGESTIONS, { slug: event.slug })).event.myRegistrations as {
      id: string;
      suggestions: { score: number; reasons: { code: string; label: string; weight: number }[]; participant: { id: string; organization: { id: string } }; listing: { id: string }; ownListing: { id: string }; openRequest: null | { id: string } }[];
    }[];
    const suggested = mine.suggestions.map((s) => s.participant.id);
    expect(suggested[0]).toBe(a.reg.id);
    expect(suggested).not.toContain(v.reg.id);
    expect(suggested).not.toContain(pending.reg.id);
    expect(suggested).not.toContain(elsewhere.reg.id);
    if (suggested.includes(b.reg.id) && suggested.includes(c.reg.id)) expect(suggested.indexOf(b.reg.id)).toBeLessThan(suggested.indexOf(c.reg.id));
    const scores = mine.suggestions.map((s) => s.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    const best = mine.suggestions[0];
    expect(best).toMatchObject({ listing: { id: a.listingId }, ownListing: { id: v.listingId }, openRequest: null });
    expect(best.score).toBeGreaterThan(0);
    expect(best.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['KEYWORDS', 'FIELD']));
    // The reasons' weights add up to the score (the engine's explanation).
    expect(Math.round(best.reasons.reduce((s, r) => s + r.weight, 0) * 10_000)).toBe(Math.round(best.score * 10_000));
    expect(best.reasons.find((r) => r.code === 'KEYWORDS')!.label).toMatch(/Từ khóa chung|Nội dung tương tự/);
    // The exhibitor sees its own suggestions (the visitor), but not the visitor's.
    const participants = (await a.client.ok(PARTICIPANT_SUGGESTIONS, { slug: event.slug })).event.participants as { id: string; suggestions: unknown }[];
    expect(participants.find((p) => p.id === v.reg.id)!.suggestions).toBeNull();
    const aOwn = ((await a.client.ok(MY_SUGGESTIONS, { slug: event.slug })).event.myRegistrations as { suggestions: { participant: { id: string } }[] }[])[0];
    expect(aOwn.suggestions.map((s) => s.participant.id)).toEqual([v.reg.id]);
    // The organiser sees everyone's; the limit is checked.
    const regs = (await organiser.client.ok(ORGANISER_SUGGESTIONS, { slug: event.slug })).event.registrations as { id: string; suggestions: { score: number; participant: { id: string } }[] }[];
    expect(regs.find((r) => r.id === v.reg.id)!.suggestions).toEqual([{ score: best.score, participant: { id: a.reg.id } }]);
    expect(regs.find((r) => r.id === pending.reg.id)!.suggestions).toEqual([]);
    const badLimit = await v.client.error(`query($slug: String) { event(slug: $slug) { myRegistrations { suggestions(limit: 0) { score } } } }`, { slug: event.slug });
    expect(badLimit.code).toBe('BAD_USER_INPUT');
    expect(badLimit.fields).toHaveProperty('limit');

    // --- A meeting request with a first message; the suggestion then shows it.
    const meetingSlot = `${day(20)}T09:10:00+07:00`;
    const reason = 'Chúng tôi cần máy sấy lạnh cho dây chuyền xoài sấy dẻo, muốn trao đổi công suất và giá.';
    const opening = 'Chào anh chị, bên em có thể mang mẫu xoài đến bàn gặp để thử.';
    const m = (await v.client.ok(REQUEST, { input: { fromRegistrationId: v.reg.id, toRegistrationId: a.reg.id, reason, proposedSlots: [meetingSlot], message: opening } })).requestMeeting;
    expect(m.messages).toEqual([{ body: opening }]);
    const again = ((await v.client.ok(MY_SUGGESTIONS, { slug: event.slug })).event.myRegistrations as { suggestions: { participant: { id: string }; openRequest: { id: string; status: string } | null }[] }[])[0];
    expect(again.suggestions.find((s) => s.participant.id === a.reg.id)!.openRequest).toEqual({ id: m.id, status: 'REQUESTED' });

    // --- The other side reads and replies (pending is enough); the requester is notified.
    expect((await a.client.ok(THREAD, { id: m.id })).meetingRequest.messages).toEqual([{ body: opening, organization: { id: v.org.id } }]);
    const reply = (await a.client.ok(SEND, { id: m.id, b: '  Rất hân hạnh, mời anh chị ghé gian A2.  ' })).sendMeetingMessage;
    expect(reply).toMatchObject({ body: 'Rất hân hạnh, mời anh chị ghé gian A2.', author: { id: a.id }, organization: { id: a.org.id } });
    const notes = await ds.query(`SELECT kind, url FROM notification WHERE user_id = $1 AND kind = 'MEETING_MESSAGE'`, [v.id]);
    expect(notes).toEqual([{ kind: 'MEETING_MESSAGE', url: `/events/${event.slug}/meetings#meeting-${m.id}` }]);
    expect(await ds.query(`SELECT 1 FROM notification WHERE user_id = $1 AND kind = 'MEETING_MESSAGE'`, [a.id])).toEqual([]);
    // Opening the meetings page (the browser sends no fragment) marks it read.
    expect((await v.client.ok(`mutation($u: String!) { markNotificationsReadByUrl(url: $u) }`, { u: `/events/${event.slug}/meetings` })).markNotificationsReadByUrl).toBeGreaterThanOrEqual(1);
    expect(await ds.query(`SELECT 1 FROM notification WHERE user_id = $1 AND kind = 'MEETING_MESSAGE' AND read_at IS NULL`, [v.id])).toEqual([]);
    expect((await v.client.ok(THREAD, { id: m.id })).meetingRequest.messages.map((x: { body: string }) => x.body)).toEqual([opening, reply.body]);
    // The exchange's message rules: an empty message names the field.
    const empty = await v.client.error(SEND, { id: m.id, b: '   ' });
    expect(empty.code).toBe('BAD_USER_INPUT');
    expect(empty.fields).toHaveProperty('body');

    // --- A third organisation (a participant of the same event), a stranger, the public: no thread, no writing.
    expect((await c.client.ok(THREAD, { id: m.id })).meetingRequest).toBeNull();
    expect((await c.client.error(SEND, { id: m.id, b: 'Cho tôi tham gia với.' })).code).toBe('NOT_FOUND');
    expect((await stranger.client.error(SEND, { id: m.id, b: 'Xin chào.' })).code).toBe('NOT_FOUND');
    expect((await base.error(SEND, { id: m.id, b: 'Xin chào.' })).code).toBe('UNAUTHENTICATED');
    // The organiser schedules an accepted meeting but does not read the two sides' conversation.
    await a.client.ok(RESPOND, { id: m.id });
    const scheduled = (await organiser.client.ok(SCHEDULED, { slug: event.slug })).event.scheduledMeetings as { id: string; messages: unknown[] }[];
    expect(scheduled.find((x) => x.id === m.id)!.messages).toEqual([]);
    // Accepted: still open for messages; once cancelled, closed.
    await v.client.ok(SEND, { id: m.id, b: 'Hẹn gặp tại bàn.' });
    await v.client.ok(CANCEL, { id: m.id });
    expect((await a.client.error(SEND, { id: m.id, b: 'Tiếc quá.' })).code).toBe('CONFLICT');
    expect((await a.client.ok(THREAD, { id: m.id })).meetingRequest.messages).toHaveLength(3);
  });

  it('lets an approved participant change the listings it brings: a demand posted after approval reaches the suggestions', async () => {
    const moderator = (await registerModerator(base, ['dong-thap'])).client;
    const organiser = await registerUser(base, 'Ban tổ chức');
    const organiserOrg = await createOrganization(organiser.client, { name: `Trung tâm Xúc tiến ${uniq('')}`, provinceCode: 'dong-thap' });
    const event = await createEvent(organiserOrg.id, moderator);
    const SET = `mutation($id: ID!, $l: [ID!]!) { setEventRegistrationListings(id: $id, listingIds: $l) { id status listings { id } } }`;
    const MINE = `query($slug: String) { event(slug: $slug) { myRegistrations { id canChangeListings listings { id } suggestions { participant { id } } } } }`;

    const exhibitor = await registerUser(base, 'Viện Cơ điện');
    const exOrg = await createOrganization(exhibitor.client, { name: `Viện Cơ điện ${uniq('')}`, provinceCode: 'ho-chi-minh' });
    const offer = await publish(exhibitor.client, exOrg.id, 'ho-chi-minh', HEAT_PUMP_DRYER);
    const exReg = (await exhibitor.client.ok(REGISTER, { input: { eventId: event.id, organizationId: exOrg.id, role: 'EXHIBITOR', listingIds: [offer], answers: [] } })).registerForEvent as { id: string };
    await organiser.client.ok(DECIDE, { id: exReg.id, booth: 'A1' });

    // A visitor registers with no demand yet, and is approved: nothing to suggest.
    const visitor = await registerUser(base, 'Công ty Xoài');
    const vOrg = await createOrganization(visitor.client, { name: `Công ty Xoài ${uniq('')}`, provinceCode: 'dong-thap' });
    const vReg = (await visitor.client.ok(REGISTER, { input: { eventId: event.id, organizationId: vOrg.id, role: 'VISITOR', listingIds: [], answers: [] } })).registerForEvent as { id: string };
    await organiser.client.ok(DECIDE, { id: vReg.id, booth: null });
    const before = (await visitor.client.ok(MINE, { slug: event.slug })).event.myRegistrations[0];
    expect(before).toMatchObject({ canChangeListings: true, listings: [], suggestions: [] });

    // It posts its demand afterwards and brings it: the exhibitor's dryer is suggested.
    const demand = await publish(visitor.client, vOrg.id, 'dong-thap', MANGO_DRYING_NEED);
    expect((await visitor.client.ok(SET, { id: vReg.id, l: [demand] })).setEventRegistrationListings).toMatchObject({ status: 'APPROVED', listings: [{ id: demand }] });
    const after = (await visitor.client.ok(MINE, { slug: event.slug })).event.myRegistrations[0];
    expect(after.suggestions.map((x: { participant: { id: string } }) => x.participant.id)).toEqual([exReg.id]);

    // Only its own published listings of its role, an exhibitor keeps at least one offer; the field is named.
    const wrong = await visitor.client.error(SET, { id: vReg.id, l: [offer] });
    expect(wrong.code).toBe('BAD_USER_INPUT');
    expect(wrong.fields).toHaveProperty('listingIds');
    const none = await exhibitor.client.error(SET, { id: exReg.id, l: [] });
    expect(none.code).toBe('BAD_USER_INPUT');
    expect(none.fields).toHaveProperty('listingIds');
    // Another organisation cannot touch it (not even see it); the organiser cannot either.
    expect((await exhibitor.client.error(SET, { id: vReg.id, l: [] })).code).toBe('NOT_FOUND');
    expect((await organiser.client.error(SET, { id: vReg.id, l: [] })).code).toBe('NOT_FOUND');
    expect((await base.error(SET, { id: vReg.id, l: [] })).code).toBe('UNAUTHENTICATED');
    // Withdrawn: no longer.
    await visitor.client.ok(`mutation($id: ID!) { withdrawEventRegistration(id: $id) { id } }`, { id: vReg.id });
    expect((await visitor.client.ok(MINE, { slug: event.slug })).event.myRegistrations[0].canChangeListings).toBe(false);
    expect((await visitor.client.error(SET, { id: vReg.id, l: [demand] })).code).toBe('CONFLICT');
  });
});
