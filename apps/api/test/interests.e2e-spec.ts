import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, createOrganization, registerModerator, registerUser } from './support/graphql.js';
import {
  EXPRESS,
  INTEREST,
  INTERESTS,
  RESPOND_INTEREST,
  SEND,
  WITHDRAW,
  acceptInterest,
  addMember,
  expressInterest,
  proposeDeal,
  publishListing,
} from './support/listings.js';

// Registrations hash passwords with argon2 (64 MiB each) and the journeys take many steps.
jest.setTimeout(120_000);

let t: TestApp;
let base: Client;

interface Party {
  owner: Awaited<ReturnType<typeof registerUser>>;
  member: Awaited<ReturnType<typeof registerUser>>;
  org: { id: string };
}

/** An organisation with its owner and a second (plain) member. */
async function party(kind: string, provinceCode: string): Promise<Party> {
  const owner = await registerUser(base, 'Chủ tổ chức');
  const member = await registerUser(base, 'Thành viên');
  const org = await createOrganization(owner.client, { kind, provinceCode });
  await addMember(owner.client, org.id, member.email);
  return { owner, member, org };
}

const NOTIFICATIONS = `{ notifications { kind title body url } }`;

let institute: Party; // lists the offer
let company: Party; // interested
let rival: Party; // interested too, separately

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
  [institute, company, rival] = await Promise.all([party('RESEARCH_INSTITUTE', 'can-tho'), party('ENTERPRISE', 'ha-noi'), party('ENTERPRISE', 'da-nang')]);
});
afterAll(() => t.close());

describe('expressing interest', () => {
  it('opens an interest with its first message and notifies the listing’s organisation', async () => {
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const res = await company.member.client.ok(EXPRESS, { l: listing.id, o: company.org.id, m: '  Chúng tôi cần 2 dây chuyền, công suất 500 kg/mẻ.  ' });
    const interest = res.expressInterest;
    expect(interest.status).toBe('OPEN');
    expect(interest.listing.id).toBe(listing.id);
    expect(interest.organization.id).toBe(company.org.id);
    expect(interest.messages).toHaveLength(1);
    expect(interest.messages[0]).toMatchObject({ body: 'Chúng tôi cần 2 dây chuyền, công suất 500 kg/mẻ.', author: { id: company.member.id }, organization: { id: company.org.id } });

    for (const who of [institute.owner, institute.member]) {
      const n = (await who.client.ok(NOTIFICATIONS)).notifications.find((x: { url: string }) => x.url === `/interests/${interest.id}`);
      expect(n).toMatchObject({ kind: 'INTEREST_NEW', body: 'Chúng tôi cần 2 dây chuyền, công suất 500 kg/mẻ.' });
      expect(n.title).toContain(listing.title);
    }
    const inEnglish = (await institute.owner.client.inLang('en').ok(NOTIFICATIONS)).notifications.find((x: { url: string }) => x.url === `/interests/${interest.id}`);
    expect(inEnglish.title).toMatch(/is interested in/);
    // The author is not notified of their own interest.
    const own = (await company.member.client.ok(NOTIFICATIONS)).notifications.filter((x: { url: string }) => x.url === `/interests/${interest.id}`);
    expect(own).toEqual([]);
  });

  it('allows one open interest per organisation and listing, even when two arrive at once', async () => {
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const results = await Promise.all(
      [company.owner, company.member, company.owner].map((u) => u.client.request(EXPRESS, { l: listing.id, o: company.org.id, m: 'Xin báo giá.' })),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM interest WHERE listing_id = $1`, [listing.id]);
    expect(n).toBe(1);
    // Another organisation may still express its own.
    await expressInterest(rival.owner.client, listing.id, rival.org.id);
    // Once declined, the organisation may try again.
    await institute.owner.client.ok(RESPOND_INTEREST, { id: ok[0].data!.expressInterest.id, a: false });
    await expressInterest(company.owner.client, listing.id, company.org.id, 'Chúng tôi đã điều chỉnh yêu cầu.');
  });

  it('refuses unpublished listings, others’ organisations, one’s own listing and bad messages', async () => {
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const draft = await institute.owner.client.ok(
      `mutation($input: ListingInput!) { createListing(input: $input) { id } }`,
      {
        input: {
          kind: 'OFFER',
          organizationId: institute.org.id,
          title: 'Bản nháp công nghệ chưa đăng',
          summary: 'Tóm tắt của một tin còn là bản nháp.',
          description: 'Mô tả đủ dài của một tin công nghệ vẫn còn là bản nháp, chưa gửi duyệt.',
          fieldCodes: ['2'],
          keywords: ['nháp'],
          transferModes: ['LICENSING'],
          provinceCode: 'can-tho',
        },
      },
    );
    const c = company.owner.client;
    expect((await c.error(EXPRESS, { l: draft.createListing.id, o: company.org.id, m: 'Xin chào' })).code).toBe('NOT_FOUND');
    expect((await c.error(EXPRESS, { l: '00000000-0000-4000-8000-000000000000', o: company.org.id, m: 'Xin chào' })).code).toBe('NOT_FOUND');
    expect((await c.error(EXPRESS, { l: 'not-a-uuid', o: company.org.id, m: 'Xin chào' })).code).toBe('NOT_FOUND');
    expect((await c.error(EXPRESS, { l: listing.id, o: rival.org.id, m: 'Xin chào' })).code).toBe('FORBIDDEN');
    const own = await institute.member.client.inLang('en').error(EXPRESS, { l: listing.id, o: institute.org.id, m: 'Xin chào' });
    expect(own.code).toBe('BAD_USER_INPUT');
    expect(own.fields?.organizationId).toMatch(/own listing/);
    const empty = await c.error(EXPRESS, { l: listing.id, o: company.org.id, m: '   ' });
    expect(empty).toMatchObject({ code: 'BAD_USER_INPUT', fields: { message: 'Tin nhắn phải dài từ 1 đến 5.000 ký tự.' } });
    const long = await c.inLang('en').error(EXPRESS, { l: listing.id, o: company.org.id, m: 'x'.repeat(5001) });
    expect(long).toMatchObject({ code: 'BAD_USER_INPUT', fields: { message: 'A message must be 1 to 5,000 characters long.' } });
    expect((await base.error(EXPRESS, { l: listing.id, o: company.org.id, m: 'Xin chào' })).code).toBe('UNAUTHENTICATED');
    // Nothing was written by the refusals.
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM interest WHERE listing_id = $1`, [listing.id]);
    expect(n).toBe(0);
    // 5000 characters exactly is fine.
    await expressInterest(c, listing.id, company.org.id, 'x'.repeat(5000));
  });
});

describe('answering and talking', () => {
  it('lets the listing’s side accept, then both sides talk in order; the other side is notified', async () => {
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const id = await expressInterest(company.owner.client, listing.id, company.org.id, 'Tin nhắn 1');
    expect((await company.owner.client.error(RESPOND_INTEREST, { id, a: true })).code).toBe('FORBIDDEN');
    const accepted = await institute.member.client.ok(RESPOND_INTEREST, { id, a: true, m: 'Tin nhắn 2' });
    expect(accepted.respondToInterest.status).toBe('ACCEPTED');
    expect((await institute.owner.client.error(RESPOND_INTEREST, { id, a: false })).code).toBe('CONFLICT');

    for (let i = 3; i <= 8; i++) {
      const who = i % 2 ? company.member : institute.owner;
      const sent = await who.client.ok(SEND, { id, b: `Tin nhắn ${i}` });
      expect(sent.sendMessage).toMatchObject({ body: `Tin nhắn ${i}`, author: { id: who.id } });
    }
    const thread = (await company.owner.client.ok(INTEREST, { id })).interest;
    expect(thread.messages.map((m: { body: string }) => m.body)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => `Tin nhắn ${i}`));
    expect(thread.messages[1].organization.id).toBe(institute.org.id);
    expect(thread.messages[2].organization.id).toBe(company.org.id);

    const kinds = (await company.owner.client.ok(NOTIFICATIONS)).notifications.filter((n: { url: string }) => n.url === `/interests/${id}`).map((n: { kind: string }) => n.kind);
    expect(kinds).toContain('INTEREST_ACCEPTED');
    expect(kinds.filter((k: string) => k === 'INTEREST_MESSAGE')).toHaveLength(3); // 4, 6, 8 from the institute
    const institutes = (await institute.member.client.ok(NOTIFICATIONS)).notifications.filter((n: { url: string; kind: string }) => n.url === `/interests/${id}` && n.kind === 'INTEREST_MESSAGE');
    expect(institutes.map((n: { body: string }) => n.body).sort()).toEqual(['Tin nhắn 3', 'Tin nhắn 5', 'Tin nhắn 7']);
  });

  it('closes the conversation once declined or withdrawn', async () => {
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const declined = await expressInterest(company.owner.client, listing.id, company.org.id);
    const answer = await institute.owner.client.ok(RESPOND_INTEREST, { id: declined, a: false, m: 'Rất tiếc, công nghệ đã chuyển giao độc quyền.' });
    expect(answer.respondToInterest.status).toBe('DECLINED');
    expect(answer.respondToInterest.messages.map((m: { body: string }) => m.body)).toContain('Rất tiếc, công nghệ đã chuyển giao độc quyền.');
    expect((await company.owner.client.error(SEND, { id: declined, b: 'Xin xem xét lại' })).code).toBe('CONFLICT');
    expect((await company.owner.client.error(WITHDRAW, { id: declined })).code).toBe('CONFLICT');

    const withdrawn = await expressInterest(rival.member.client, listing.id, rival.org.id);
    expect((await institute.owner.client.error(WITHDRAW, { id: withdrawn })).code).toBe('FORBIDDEN');
    expect((await rival.owner.client.ok(WITHDRAW, { id: withdrawn })).withdrawInterest.status).toBe('WITHDRAWN');
    expect((await institute.owner.client.error(SEND, { id: withdrawn, b: 'Còn quan tâm không?' })).code).toBe('CONFLICT');
    expect((await institute.owner.client.error(RESPOND_INTEREST, { id: withdrawn, a: true })).code).toBe('CONFLICT');
  });

  it('refuses to withdraw while a deal is under way', async () => {
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const id = await expressInterest(company.owner.client, listing.id, company.org.id);
    await acceptInterest(institute.owner.client, id);
    const deal = await proposeDeal(company.owner.client, id);
    expect((await company.owner.client.error(WITHDRAW, { id })).code).toBe('CONFLICT');
    await company.owner.client.ok(`mutation($id: ID!) { cancelDeal(id: $id) { id } }`, { id: deal.id });
    expect((await company.owner.client.ok(WITHDRAW, { id })).withdrawInterest.status).toBe('WITHDRAWN');
  });

  it('checks message bodies and names the field', async () => {
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const id = await expressInterest(company.owner.client, listing.id, company.org.id);
    const err = await company.owner.client.inLang('en').error(SEND, { id, b: '' });
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', fields: { body: 'A message must be 1 to 5,000 characters long.' } });
    expect((await company.owner.client.error(SEND, { id, b: 'y'.repeat(5001) })).fields).toHaveProperty('body');
  });
});

describe('nothing leaks between organisations', () => {
  it('shows each side only its own interests and messages', async () => {
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const mine = await expressInterest(company.owner.client, listing.id, company.org.id, 'Bí mật của công ty A');
    const theirs = await expressInterest(rival.owner.client, listing.id, rival.org.id, 'Bí mật của công ty B');
    await company.member.client.ok(SEND, { id: mine, b: 'Giá mục tiêu của chúng tôi: 1,2 tỷ' });

    const ids = async (c: Client) => (await c.ok(INTERESTS, { l: listing.id })).interests.map((i: { id: string }) => i.id).sort();
    expect(await ids(institute.member.client)).toEqual([mine, theirs].sort());
    expect(await ids(company.member.client)).toEqual([mine]);
    expect(await ids(rival.member.client)).toEqual([theirs]);
    // Without a listing filter too.
    const all = (await rival.owner.client.ok(INTERESTS, {})).interests.map((i: { id: string }) => i.id);
    expect(all).toContain(theirs);
    expect(all).not.toContain(mine);

    expect((await rival.owner.client.ok(INTEREST, { id: mine })).interest).toBeNull();
    expect((await company.owner.client.ok(INTEREST, { id: theirs })).interest).toBeNull();
    expect((await base.ok(INTEREST, { id: mine })).interest).toBeNull();
    const moderator = await registerModerator(base, []);
    expect((await moderator.client.ok(INTEREST, { id: mine })).interest).toBeNull();
    expect((await moderator.client.ok(INTERESTS, { l: listing.id })).interests).toEqual([]);
    expect((await base.error(INTERESTS, { l: listing.id })).code).toBe('UNAUTHENTICATED');

    // An outsider cannot write into, answer or withdraw someone else's interest: it does not exist for them.
    expect((await rival.owner.client.error(SEND, { id: mine, b: 'Xin chào' })).code).toBe('NOT_FOUND');
    expect((await rival.owner.client.error(RESPOND_INTEREST, { id: mine, a: true })).code).toBe('NOT_FOUND');
    expect((await rival.owner.client.error(WITHDRAW, { id: mine })).code).toBe('NOT_FOUND');

    const thread = (await institute.owner.client.ok(INTEREST, { id: mine })).interest.messages.map((m: { body: string }) => m.body);
    expect(thread).toEqual(['Bí mật của công ty A', 'Giá mục tiêu của chúng tôi: 1,2 tỷ']);
  });

  it('counts the interests in each listing for its owner (Listing.stats): all of them, and those awaiting an answer', async () => {
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id, provinceCode: 'can-tho' });
    const quiet = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const accepted = await expressInterest(company.owner.client, listing.id, company.org.id);
    await acceptInterest(institute.owner.client, accepted);
    await expressInterest(rival.owner.client, listing.id, rival.org.id);
    const COUNTS = `query($id: ID!) { listing(id: $id) { stats { interestsTotal interestsAwaitingReply } } }`;
    expect((await institute.member.client.ok(COUNTS, { id: listing.id })).listing.stats).toEqual({ interestsTotal: 2, interestsAwaitingReply: 1 });
    expect((await institute.owner.client.ok(COUNTS, { id: quiet.id })).listing.stats).toEqual({ interestsTotal: 0, interestsAwaitingReply: 0 });
    // On the owner's list of listings too.
    const mine = (await institute.owner.client.ok(`{ myListings(page: { page: 1, pageSize: 100 }) { items { id stats { interestsAwaitingReply } } } }`)).myListings.items;
    expect(mine.find((l: { id: string }) => l.id === listing.id).stats.interestsAwaitingReply).toBe(1);
    // Who is interested in what is the owner's business: not the interested party's, a stranger's or a moderator's
    // of another province.
    for (const other of [company.owner.client, rival.member.client, base, (await registerModerator(base, ['ha-noi'])).client]) {
      expect((await other.ok(COUNTS, { id: listing.id })).listing.stats).toBeNull();
    }
  });

  it('loads a page of interests with their messages and authors in a few queries', async () => {
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const extra = await Promise.all([1, 2, 3, 4].map(() => party('ENTERPRISE', 'hue')));
    for (const p of extra) {
      const id = await expressInterest(p.owner.client, listing.id, p.org.id);
      await p.member.client.ok(SEND, { id, b: 'Thêm một câu hỏi' });
    }
    const ds = t.app.get(DataSource);
    const spy = jest.spyOn(ds.driver, 'createQueryRunner');
    const res = await institute.owner.client.ok(`query($l: ID) { interests(listingId: $l) { id organization { name } listing { title } messages { body author { displayName } } } }`, { l: listing.id });
    const queries = spy.mock.calls.length;
    spy.mockRestore();
    expect(res.interests).toHaveLength(4);
    expect(res.interests.every((i: { messages: unknown[] }) => i.messages.length === 2)).toBe(true);
    // Not one query per interest or per message (4 interests × 2 messages would be ≥ 16).
    expect(queries).toBeGreaterThan(2); // the spy sees the queries
    expect(queries).toBeLessThan(12);
  });
});
