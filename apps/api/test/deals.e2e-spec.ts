import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { MAX_AMOUNT_VND } from '@techport/shared';
import { Clock } from '../src/common/clock.js';
import { DealsExportController } from '../src/modules/deals/deals-export.controller.js';
import { startTestApp, type TestApp } from './support/app.js';
import { isolatedDatabase, type IsolatedDatabase } from './support/database.js';
import { Client, adminClient, createOrganization, registerModerator, registerUser } from './support/graphql.js';
import {
  CANCEL,
  COMPLETE,
  DEAL,
  DEALS,
  PROPOSE,
  RESPOND_DEAL,
  REVIEW,
  SEND,
  SIGN,
  TERMS,
  acceptInterest,
  addMember,
  expressInterest,
  proposeDeal,
  publishListing,
  type DealView,
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

/** An organisation with its owner and a plain member, on the app `on` talks to. */
async function party(kind: string, provinceCode: string, name?: string, on: Client = base): Promise<Party> {
  const owner = await registerUser(on, 'Chủ tổ chức');
  const member = await registerUser(on, 'Thành viên');
  const org = await createOrganization(owner.client, { kind, provinceCode, name });
  await addMember(owner.client, org.id, member.email);
  return { owner, member, org };
}

/** A published listing of `lister`, an interest by `interested`, accepted: ready for a deal. */
async function acceptedInterest(lister: Party, interested: Party, kind: 'OFFER' | 'DEMAND' = 'OFFER'): Promise<{ listingId: string; interestId: string; title: string }> {
  const listing = await publishListing(lister.owner.client.as(null), lister.owner.client, { kind, organizationId: lister.org.id });
  const interestId = await expressInterest(interested.owner.client, listing.id, interested.org.id);
  await acceptInterest(lister.owner.client, interestId);
  return { listingId: listing.id, interestId, title: listing.title };
}

/** A deal proposed by the buyer side and taken by the supplier side to UNDER_REVIEW. */
async function dealUnderReview(supplier: Party, buyer: Party, value = 1_800_000_000): Promise<DealView> {
  const { interestId } = await acceptedInterest(supplier, buyer);
  const deal = await proposeDeal(buyer.owner.client, interestId, { value });
  return (await supplier.owner.client.ok(RESPOND_DEAL, { id: deal.id, a: true })).respondToDeal;
}

const NOTIFICATIONS = `{ notifications { kind url } }`;
const kindsFor = async (c: Client, url: string) =>
  (await c.ok(NOTIFICATIONS)).notifications.filter((n: { url: string }) => n.url === url).map((n: { kind: string }) => n.kind);

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
});
afterAll(() => t.close());

describe('the whole journey', () => {
  it('goes from interest to a completed deal, each step in the history, the department in the middle', async () => {
    const institute = await party('RESEARCH_INSTITUTE', 'can-tho');
    const company = await party('ENTERPRISE', 'ha-noi');
    const department = await registerModerator(base, ['can-tho']);

    // The company finds the institute's offer and writes.
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const interestId = await expressInterest(company.member.client, listing.id, company.org.id, 'Chúng tôi muốn mua công nghệ này cho nhà máy ở Hà Nội.');
    await acceptInterest(institute.member.client, interestId);
    await institute.owner.client.ok(SEND, { id: interestId, b: 'Mời quý công ty đề xuất điều khoản.' });

    // The company proposes; the institute accepts, which sends the deal to the department.
    const proposed = await proposeDeal(company.member.client, interestId, { value: 2_350_000_000, transferMode: 'TURNKEY' });
    expect(proposed).toMatchObject({ status: 'PROPOSED', value: 2_350_000_000, currency: 'VND', transferMode: 'TURNKEY', terms: TERMS });
    expect(proposed.supplier.id).toBe(institute.org.id);
    expect(proposed.buyer.id).toBe(company.org.id);
    expect(proposed.viewerActions).toEqual(['CANCEL']);
    expect(await kindsFor(institute.owner.client, `/deals/${proposed.id}`)).toContain('DEAL_PROPOSED');
    // The notice (and its e-mail) says who proposes what, not only that there is a proposal.
    const { deal: named } = await company.member.client.ok(`query($id: ID!) { deal(id: $id) { buyer { name } } }`, { id: proposed.id });
    const notice = (await institute.owner.client.ok(`{ notifications { kind url body } }`)).notifications.find((n: { kind: string; url: string }) => n.kind === 'DEAL_PROPOSED' && n.url === `/deals/${proposed.id}`);
    expect(notice.body).toBe(`${named.buyer.name} đề xuất 2.350.000.000 ₫, chìa khóa trao tay. Hãy xem điều khoản và chấp nhận hoặc từ chối.`);

    const accepted = (await institute.owner.client.ok(RESPOND_DEAL, { id: proposed.id, a: true, n: 'Đồng ý với điều khoản.' })).respondToDeal;
    expect(accepted.status).toBe('UNDER_REVIEW');
    expect(accepted.history.map((h: { status: string }) => h.status)).toEqual(['PROPOSED', 'ACCEPTED', 'UNDER_REVIEW']);
    expect(await kindsFor(department.client, `/deals/${proposed.id}`)).toContain('DEAL_REVIEW_REQUESTED');
    expect(await kindsFor(company.member.client, `/deals/${proposed.id}`)).toContain('DEAL_ACCEPTED');

    // The department sees it in its queue and approves.
    const queue = await department.client.ok(DEALS, { s: 'UNDER_REVIEW', p: { page: 1, pageSize: 100 } });
    expect(queue.deals.items.map((d: { id: string }) => d.id)).toContain(proposed.id);
    const asDepartment = (await department.client.ok(DEAL, { id: proposed.id })).deal;
    expect(asDepartment.viewerActions.sort()).toEqual(['APPROVE', 'REJECT']);
    const approved = (await department.client.ok(REVIEW, { id: proposed.id, d: 'APPROVE', n: 'Hồ sơ đầy đủ.' })).reviewDeal;
    expect(approved.status).toBe('APPROVED');
    expect(await kindsFor(company.owner.client, `/deals/${proposed.id}`)).toContain('DEAL_APPROVED');

    // Each party signs once; the second signature makes it SIGNED.
    const first = (await company.owner.client.ok(SIGN, { id: proposed.id })).markDealSigned;
    expect(first.status).toBe('APPROVED');
    expect((await company.member.client.error(SIGN, { id: proposed.id })).code).toBe('CONFLICT');
    const signed = (await institute.member.client.ok(SIGN, { id: proposed.id })).markDealSigned;
    expect(signed.status).toBe('SIGNED');
    expect((await institute.owner.client.error(CANCEL, { id: proposed.id })).code).toBe('CONFLICT');
    const times = await institute.owner.client.ok(`query($id: ID!) { deal(id: $id) { supplierSignedAt buyerSignedAt approvedAt reviewNote } }`, { id: proposed.id });
    expect(times.deal.supplierSignedAt).not.toBeNull();
    expect(times.deal.buyerSignedAt).not.toBeNull();
    expect(times.deal.reviewNote).toBe('Hồ sơ đầy đủ.');

    const completed = (await company.owner.client.ok(COMPLETE, { id: proposed.id })).completeDeal;
    expect(completed.status).toBe('COMPLETED');
    expect(completed.viewerActions).toEqual([]);
    expect(completed.history.map((h: { action: string; status: string; actor: { id: string } }) => [h.action, h.status, h.actor.id])).toEqual([
      ['PROPOSE', 'PROPOSED', company.member.id],
      ['ACCEPT', 'ACCEPTED', institute.owner.id],
      ['SUBMIT', 'UNDER_REVIEW', institute.owner.id],
      ['APPROVE', 'APPROVED', department.id],
      ['SIGN', 'APPROVED', company.owner.id],
      ['SIGN', 'SIGNED', institute.member.id],
      ['COMPLETE', 'COMPLETED', company.owner.id],
    ]);
    expect(completed.history[1].note).toBe('Đồng ý với điều khoản.');
    expect(completed.history[3].note).toBe('Hồ sơ đầy đủ.');
    // Completed: nothing more can happen.
    for (const [q, v] of [
      [CANCEL, { id: proposed.id }],
      [COMPLETE, { id: proposed.id }],
      [SIGN, { id: proposed.id }],
    ] as const) {
      expect((await company.owner.client.error(q, v)).code).toBe('CONFLICT');
    }
    expect((await department.client.error(REVIEW, { id: proposed.id, d: 'REJECT', n: 'Muộn' })).code).toBe('CONFLICT');
  });

  it("lists a party's deals awaiting its next step (answer, sign, complete), however many other deals it has", async () => {
    const institute = await party('RESEARCH_INSTITUTE', 'can-tho');
    const company = await party('ENTERPRISE', 'ha-noi');
    const department = await registerModerator(base, ['can-tho']);
    const AWAITING = `query($p: PageInput) { deals(awaitingMe: true, page: $p) { totalItems items { id viewerActions } } }`;
    const awaiting = async (c: Client, pageSize = 20) => {
      const page = (await c.ok(AWAITING, { p: { page: 1, pageSize } })).deals;
      return { total: page.totalItems as number, ids: page.items.map((d: { id: string }) => d.id) as string[] };
    };
    const { interestId } = await acceptedInterest(institute, company);
    const proposed = await proposeDeal(company.member.client, interestId);
    // The proposal waits on the institute, not on the company that made it, nor on the department.
    expect((await awaiting(institute.member.client)).ids).toEqual([proposed.id]);
    expect((await awaiting(company.owner.client)).ids).toEqual([]);
    await institute.owner.client.ok(RESPOND_DEAL, { id: proposed.id, a: true });
    expect((await awaiting(institute.owner.client)).ids).toEqual([]);
    expect((await awaiting(department.client)).ids).toEqual([]);
    await department.client.ok(REVIEW, { id: proposed.id, d: 'APPROVE' });
    // Both sign; once one has, only the other is waited on.
    expect((await awaiting(company.owner.client)).ids).toEqual([proposed.id]);
    await company.owner.client.ok(SIGN, { id: proposed.id });
    expect((await awaiting(company.member.client)).ids).toEqual([]);
    expect((await awaiting(institute.owner.client)).ids).toEqual([proposed.id]);
    await institute.owner.client.ok(SIGN, { id: proposed.id });
    expect((await awaiting(company.owner.client)).ids).toEqual([proposed.id]);
    await company.owner.client.ok(COMPLETE, { id: proposed.id });
    expect((await awaiting(company.owner.client)).ids).toEqual([]);

    // Newer deals that wait on nobody but the other side do not push an older one off the page.
    const waiting = await proposeDeal(company.member.client, (await acceptedInterest(institute, company)).interestId);
    for (let i = 0; i < 3; i++) await proposeDeal(institute.member.client, (await acceptedInterest(institute, company)).interestId);
    const first = await awaiting(institute.owner.client, 1);
    expect(first).toEqual({ total: 1, ids: [waiting.id] });
    expect((await awaiting(company.owner.client, 2)).total).toBe(3);
  });

  it('makes the interested organisation the supplier when the listing is a demand', async () => {
    const company = await party('ENTERPRISE', 'ha-noi'); // posts the demand
    const university = await party('UNIVERSITY', 'hue'); // offers a solution
    const hue = await registerModerator(base, ['hue']);
    const haNoi = await registerModerator(base, ['ha-noi']);
    const { interestId } = await acceptedInterest(company, university, 'DEMAND');
    const deal = await proposeDeal(university.member.client, interestId);
    expect(deal.supplier.id).toBe(university.org.id);
    expect(deal.buyer.id).toBe(company.org.id);
    await company.owner.client.ok(RESPOND_DEAL, { id: deal.id, a: true });
    // The supplier's province decides who reviews: Huế, not Hà Nội.
    expect((await haNoi.client.ok(DEAL, { id: deal.id })).deal).toBeNull();
    expect((await haNoi.client.error(REVIEW, { id: deal.id, d: 'APPROVE' })).code).toBe('NOT_FOUND');
    expect((await hue.client.ok(REVIEW, { id: deal.id, d: 'APPROVE' })).reviewDeal.status).toBe('APPROVED');
  });

  it('needs a note to reject, and a rejected deal frees the interest for a new proposal', async () => {
    const institute = await party('RESEARCH_INSTITUTE', 'can-tho');
    const company = await party('ENTERPRISE', 'ha-noi');
    const department = await registerModerator(base, ['can-tho']);
    const deal = await dealUnderReview(institute, company);
    const noNote = await department.client.inLang('en').error(REVIEW, { id: deal.id, d: 'REJECT', n: '  ' });
    expect(noNote).toMatchObject({ code: 'BAD_USER_INPUT', fields: { note: 'A rejection needs a note saying why.' } });
    expect((await department.client.ok(DEAL, { id: deal.id })).deal.status).toBe('UNDER_REVIEW');
    const rejected = (await department.client.ok(REVIEW, { id: deal.id, d: 'REJECT', n: 'Thiếu hợp đồng chuyển giao.' })).reviewDeal;
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.history.at(-1)).toMatchObject({ action: 'REJECT', status: 'REJECTED', note: 'Thiếu hợp đồng chuyển giao.' });
    expect((await company.owner.client.error(SIGN, { id: deal.id })).code).toBe('CONFLICT');
    const interestId = (await company.owner.client.ok(`query($id: ID!) { deal(id: $id) { interest { id } } }`, { id: deal.id })).deal.interest.id;
    const again = await proposeDeal(institute.owner.client, interestId, { value: 1_700_000_000 });
    expect(again.status).toBe('PROPOSED');
  });
});

describe('deal rules', () => {
  it('proposes only on an accepted interest, one live deal at a time', async () => {
    const institute = await party('RESEARCH_INSTITUTE', 'can-tho');
    const company = await party('ENTERPRISE', 'ha-noi');
    const listing = await publishListing(base, institute.owner.client, { kind: 'OFFER', organizationId: institute.org.id });
    const interestId = await expressInterest(company.owner.client, listing.id, company.org.id);
    const input = { interestId, value: 1_000_000_000, transferMode: 'LICENSING', terms: TERMS };
    expect((await company.owner.client.error(PROPOSE, { input })).code).toBe('CONFLICT'); // still OPEN
    await acceptInterest(institute.owner.client, interestId);
    const first = await proposeDeal(company.owner.client, interestId);
    expect((await institute.owner.client.error(PROPOSE, { input })).code).toBe('CONFLICT');
    await institute.owner.client.ok(CANCEL, { id: first.id, n: 'Cần đàm phán lại giá.' });
    const second = await proposeDeal(institute.owner.client, interestId, { value: 1_100_000_000 });
    expect(second.id).not.toBe(first.id);
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM deal WHERE interest_id = $1`, [interestId]);
    expect(n).toBe(2);
  });

  it('keeps big values exact and checks every input field, naming it', async () => {
    const institute = await party('RESEARCH_INSTITUTE', 'can-tho');
    const company = await party('ENTERPRISE', 'ha-noi');
    const { interestId } = await acceptedInterest(institute, company);
    const c = company.owner.client.inLang('en');
    const bad = async (input: Record<string, unknown>) => c.error(PROPOSE, { input: { interestId, value: 1_000_000, transferMode: 'LICENSING', terms: TERMS, ...input } });
    // Said as a person would read it: not "between 1 and 9007199254740991"
    expect(await bad({ value: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.value': 'Must be more than 0.' } });
    expect(await bad({ value: -5 })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.value': 'Must be more than 0.' } });
    expect((await company.owner.client.error(PROPOSE, { input: { interestId, value: 0, transferMode: 'LICENSING', terms: TERMS } })).fields).toEqual({ 'input.value': 'Phải lớn hơn 0.' });
    // Above the one limit of amounts, a listing's price's too (10^15 ₫), said in words.
    expect(await bad({ value: MAX_AMOUNT_VND + 1 })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.value': 'The amount is too large: at most ₫1,000,000,000,000,000 (a million billion dong).' } });
    expect((await company.owner.client.error(PROPOSE, { input: { interestId, value: 2 ** 53, transferMode: 'LICENSING', terms: TERMS } })).fields).toEqual({ 'input.value': 'Số tiền quá lớn: tối đa 1 triệu tỷ đồng (1.000.000.000.000.000 ₫).' });
    expect(await bad({ value: 1234.5 })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.value': 'Must be a whole number.' } });
    expect(await bad({ terms: 'quá ngắn' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.terms': expect.stringMatching(/10 and 10,000/) } });
    expect(await bad({ terms: '         x          ' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.terms': expect.any(String) } });
    expect(await bad({ terms: 'x'.repeat(10_001) })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.terms': expect.any(String) } });
    expect(await bad({ currency: 'USD' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.currency': expect.any(String) } });
    expect(await bad({ transferMode: 'BARTER' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.transferMode': expect.any(String) } });
    expect(await bad({ idempotencyKey: 'có dấu cách' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.idempotencyKey': expect.any(String) } });
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM deal WHERE interest_id = $1`, [interestId]);
    expect(n).toBe(0);

    const big = MAX_AMOUNT_VND - 1; // the largest value but one, kept to the last dong
    const deal = await proposeDeal(company.owner.client, interestId, { value: big });
    expect(deal.value).toBe(big);
    const [row] = await t.app.get(DataSource).query(`SELECT value::text AS v FROM deal WHERE id = $1`, [deal.id]);
    expect(row.v).toBe('999999999999999');
    expect((await institute.owner.client.ok(DEAL, { id: deal.id })).deal.value).toBe(big);
  });

  it('creates one deal for a proposal sent twice with the same idempotency key, even at the same moment', async () => {
    const institute = await party('RESEARCH_INSTITUTE', 'can-tho');
    const company = await party('ENTERPRISE', 'ha-noi');
    const { interestId } = await acceptedInterest(institute, company);
    const key = `retry-${Date.now()}`;
    const input = { interestId, value: 3_000_000_000, transferMode: 'ASSIGNMENT', terms: TERMS, idempotencyKey: key };
    const results = await Promise.all([1, 2, 3, 4].map(() => company.member.client.ok<{ proposeDeal: DealView }>(PROPOSE, { input })));
    const ids = new Set(results.map((r) => r.proposeDeal.id));
    expect(ids.size).toBe(1);
    const again = await company.member.client.ok<{ proposeDeal: DealView }>(PROPOSE, { input });
    expect(again.proposeDeal.id).toBe([...ids][0]);
    expect(again.proposeDeal.history).toHaveLength(1);
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM deal WHERE interest_id = $1`, [interestId]);
    expect(n).toBe(1);
    // The same key from another user is another proposal (refused: one live deal per interest).
    expect((await company.owner.client.error(PROPOSE, { input })).code).toBe('CONFLICT');
    // Without a key, two proposals at once: one deal, the other CONFLICT.
    const other = await acceptedInterest(institute, company);
    const plain = { interestId: other.interestId, value: 1_000_000_000, transferMode: 'LICENSING', terms: TERMS };
    const race = await Promise.all([company.owner.client.request(PROPOSE, { input: plain }), institute.owner.client.request(PROPOSE, { input: plain })]);
    expect(race.filter((r) => !r.errors)).toHaveLength(1);
    expect(race.find((r) => r.errors)?.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('two people acting on one deal at the same moment', () => {
  it('lets exactly one of an accept and a decline win; the history has only the winner', async () => {
    const institute = await party('RESEARCH_INSTITUTE', 'can-tho');
    const company = await party('ENTERPRISE', 'ha-noi');
    for (let round = 0; round < 4; round++) {
      const { interestId } = await acceptedInterest(institute, company);
      const deal = await proposeDeal(company.owner.client, interestId);
      const [accept, decline] = await Promise.all([
        institute.owner.client.request(RESPOND_DEAL, { id: deal.id, a: true }),
        institute.member.client.request(RESPOND_DEAL, { id: deal.id, a: false, n: 'Không đồng ý' }),
      ]);
      const winners = [accept, decline].filter((r) => !r.errors);
      const losers = [accept, decline].filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers[0].errors?.[0].extensions?.code).toBe('CONFLICT');
      const after = (await company.owner.client.ok(DEAL, { id: deal.id })).deal;
      const statuses = after.history.map((h: { status: string }) => h.status);
      if (!accept.errors) expect(statuses).toEqual(['PROPOSED', 'ACCEPTED', 'UNDER_REVIEW']);
      else expect(statuses).toEqual(['PROPOSED', 'CANCELLED']);
      expect(after.status).toBe(statuses.at(-1));
    }
  });

  it('lets one of two simultaneous cancellations win', async () => {
    const institute = await party('RESEARCH_INSTITUTE', 'can-tho');
    const company = await party('ENTERPRISE', 'ha-noi');
    const deal = await dealUnderReview(institute, company);
    const both = await Promise.all([company.owner.client.request(CANCEL, { id: deal.id }), institute.owner.client.request(CANCEL, { id: deal.id })]);
    expect(both.filter((r) => !r.errors)).toHaveLength(1);
    expect(both.find((r) => r.errors)?.errors?.[0].extensions?.code).toBe('CONFLICT');
    const history = (await company.owner.client.ok(DEAL, { id: deal.id })).deal.history;
    expect(history.filter((h: { status: string }) => h.status === 'CANCELLED')).toHaveLength(1);
  });

  it('counts both signatures given at the same moment: SIGNED once', async () => {
    const institute = await party('RESEARCH_INSTITUTE', 'can-tho');
    const company = await party('ENTERPRISE', 'ha-noi');
    const department = await registerModerator(base, ['can-tho']);
    const deal = await dealUnderReview(institute, company);
    await department.client.ok(REVIEW, { id: deal.id, d: 'APPROVE' });
    const [a, b] = await Promise.all([company.owner.client.ok(SIGN, { id: deal.id }), institute.owner.client.ok(SIGN, { id: deal.id })]);
    expect([a.markDealSigned.status, b.markDealSigned.status].sort()).toEqual(['APPROVED', 'SIGNED']);
    const after = (await company.owner.client.ok(DEAL, { id: deal.id })).deal;
    expect(after.status).toBe('SIGNED');
    expect(after.history.filter((h: { action: string }) => h.action === 'SIGN').map((h: { status: string }) => h.status)).toEqual(['APPROVED', 'SIGNED']);
  });
});

/** RFC 4180 parsing, to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

/** The export's rows, after checking it starts with the UTF-8 byte-order mark. */
async function readCsv(res: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
}

describe('the register for the department (CSV)', () => {
  const exportCsv = (token: string | null, query = '', lang = 'vi') =>
    fetch(`${t.url}/exports/deals.csv${query}`, { headers: { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) } });

  it('exports the reviewed deals of the moderator’s provinces, exactly, with Vietnamese headers', async () => {
    // Điện Biên is used by this test alone, so the register's content is known exactly.
    const supplier = await party('RESEARCH_INSTITUTE', 'dien-bien', 'Viện Nghiên cứu "Tây Bắc", Điện Biên');
    const buyer = await party('ENTERPRISE', 'son-la', '=Công ty Cổ phần Chè Sơn La');
    const elsewhere = await party('RESEARCH_INSTITUTE', 'lai-chau');
    const dienBien = await registerModerator(base, ['dien-bien']);
    const laiChau = await registerModerator(base, ['lai-chau']);

    const approved = await dealUnderReview(supplier, buyer, 987_654_321_012_345);
    await dienBien.client.ok(REVIEW, { id: approved.id, d: 'APPROVE', n: 'Đạt, hồ sơ "đầy đủ"\nđủ điều kiện' });
    const rejected = await dealUnderReview(supplier, buyer, 500_000_000);
    await dienBien.client.ok(REVIEW, { id: rejected.id, d: 'REJECT', n: 'Thiếu hợp đồng' });
    const pending = await dealUnderReview(supplier, buyer, 700_000_000); // not reviewed: not in the register
    const outside = await dealUnderReview(elsewhere, buyer, 900_000_000);
    await laiChau.client.ok(REVIEW, { id: outside.id, d: 'APPROVE' });

    const res = await exportCsv(dienBien.client.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="so-dang-ky-giao-dich-\d{8}\.csv"$/);
    const rows = await readCsv(res);
    expect(rows[0]).toEqual([
      'Mã giao dịch',
      'Công nghệ',
      'Bên chuyển giao',
      'Bên nhận',
      'Tỉnh/thành của bên chuyển giao',
      'Giá trị (VND)',
      'Phương thức',
      'Trạng thái',
      'Ngày duyệt',
      'Người duyệt',
      'Ý kiến thẩm định',
      'Ngày ký',
      'Ngày hoàn thành',
      'Ngày đề xuất',
      'Lĩnh vực công nghệ',
      'Từ sự kiện (Techmart)',
    ]);
    const body = rows.slice(1);
    expect(body.map((r) => r[0]).sort()).toEqual([approved.id, rejected.id].sort());
    const a = body.find((r) => r[0] === approved.id)!;
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(a.slice(2)).toEqual([
      'Viện Nghiên cứu "Tây Bắc", Điện Biên',
      "'=Công ty Cổ phần Chè Sơn La",
      'Điện Biên',
      '987654321012345',
      'Chuyển giao quyền sử dụng (li-xăng)',
      'Đã duyệt',
      today,
      'Cán bộ Sở KH&CN',
      'Đạt, hồ sơ "đầy đủ"\nđủ điều kiện',
      '',
      '',
      today,
      a[14],
      '', // not from a Techmart
    ]);
    expect(a[14]).toMatch(/^\p{Lu}/u); // the listing's field names, not codes
    expect(a[1]).toMatch(/^Công nghệ sấy lạnh/);
    expect(body.find((r) => r[0] === rejected.id)!.slice(5, 8)).toEqual(['500000000', 'Chuyển giao quyền sử dụng (li-xăng)', 'Bị từ chối']);
    expect(body.some((r) => r[0] === pending.id || r[0] === outside.id)).toBe(false);

    // Read in pages of one row, the register comes out the same.
    const controller = t.app.get(DealsExportController);
    controller.pageSize = 1;
    try {
      expect(await readCsv(await exportCsv(dienBien.client.token))).toEqual(rows);
    } finally {
      controller.pageSize = 500;
    }

    // Filters: by status and by review date.
    const rejectedRes = await exportCsv(dienBien.client.token, '?status=REJECTED');
    expect(rejectedRes.headers.get('content-disposition')).toMatch(/^attachment; filename="so-dang-ky-giao-dich-\d{8}-bi-tu-choi\.csv"$/);
    const onlyRejected = await readCsv(rejectedRes);
    expect(onlyRejected.slice(1).map((r) => r[0])).toEqual([rejected.id]);
    const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    const future = await readCsv(await exportCsv(dienBien.client.token, `?from=${tomorrow}`));
    expect(future).toHaveLength(1); // the header alone
    const windowRes = await exportCsv(dienBien.client.token, `?from=2020-01-01&to=${tomorrow}&status=APPROVED`);
    // The file is named after its filter: the review period and the status.
    expect(windowRes.headers.get('content-disposition')).toBe(`attachment; filename="so-dang-ky-giao-dich-2020-01-01_${tomorrow}-da-duyet.csv"`);
    expect(await readCsv(windowRes)).toHaveLength(2);
    const window = await readCsv(await exportCsv(dienBien.client.token, `?from=2020-01-01&to=${tomorrow}`));
    expect(window).toHaveLength(3);

    // A national moderator and an admin see both provinces.
    const national = await registerModerator(base, []);
    const all = (await (await exportCsv(national.client.token)).text()).split('\r\n').map((l) => l.split(',')[0]);
    expect(all).toEqual(expect.arrayContaining([approved.id, rejected.id, outside.id]));
    const admin = await adminClient(base);
    expect((await exportCsv(admin.token)).status).toBe(200);
  });

  it('follows the reader’s language: English headers, labels and file name for the English interface', async () => {
    const supplier = await party('RESEARCH_INSTITUTE', 'tuyen-quang');
    const buyer = await party('ENTERPRISE', 'son-la');
    const tuyenQuang = await registerModerator(base, ['tuyen-quang']);
    const approved = await dealUnderReview(supplier, buyer, 2_000_000_000);
    await tuyenQuang.client.ok(REVIEW, { id: approved.id, d: 'APPROVE' });

    const res = await exportCsv(tuyenQuang.client.token, '', 'en-GB,en;q=0.9,vi;q=0.5');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="deal-register-\d{8}\.csv"$/);
    const rows = await readCsv(res);
    expect(rows[0]).toEqual([
      'Deal ID',
      'Technology',
      'Supplier',
      'Buyer',
      "Supplier's province",
      'Value (VND)',
      'Transfer mode',
      'Status',
      'Review date',
      'Reviewed by',
      'Review note',
      'Signing date',
      'Completion date',
      'Proposal date',
      'Technology fields',
      'From event (Techmart)',
    ]);
    expect((await exportCsv(tuyenQuang.client.token, '?status=APPROVED&to=2099-12-31', 'en')).headers.get('content-disposition')).toBe(
      'attachment; filename="deal-register-start_2099-12-31-approved.csv"',
    );
    const row = rows.find((r) => r[0] === approved.id)!;
    expect(row.slice(4, 8)).toEqual(['Tuyen Quang', '2000000000', 'Licensing', 'Approved']);

    // The same register read in Vietnamese is the same data under Vietnamese names.
    const vi = await readCsv(await exportCsv(tuyenQuang.client.token, '', 'vi'));
    expect(vi[0][0]).toBe('Mã giao dịch');
    expect(vi.find((r) => r[0] === approved.id)!.slice(4, 8)).toEqual(['Tuyên Quang', '2000000000', 'Chuyển giao quyền sử dụng (li-xăng)', 'Đã duyệt']);
    expect(vi.length).toBe(rows.length);
  });

  it('is for moderators only, and explains bad parameters in the request’s language', async () => {
    const member = await registerUser(base);
    const anonymous = await exportCsv(null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập.' });
    expect((await exportCsv('forged.token.here')).status).toBe(401);
    const forbidden = await exportCsv(member.client.token, '', 'en');
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { code: string }).code).toBe('FORBIDDEN');

    const moderator = await registerModerator(base, ['dien-bien']);
    const bad = await exportCsv(moderator.client.token, '?status=DONE&from=2026-02-30&to=yesterday', 'en');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Invalid input.',
      fields: { status: 'Unknown status.', from: 'A date must look like YYYY-MM-DD.', to: 'A date must look like YYYY-MM-DD.' },
    });
    const reversed = await exportCsv(moderator.client.token, '?from=2026-05-01&to=2026-04-01');
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { fields: unknown }).fields).toEqual({ to: 'Ngày bắt đầu phải trước ngày kết thúc.' });
  });
});

describe('market figures from the register', () => {
  // The figures are global counts: this part gets a database (and an app) of its own, so they are exact.
  let db: IsolatedDatabase;
  let own: TestApp;
  let client: Client;
  const STATS = `{ stats { dealsApproved dealValueApproved dealsByMonth { key label count } } }`;

  beforeAll(async () => {
    db = await isolatedDatabase('deals_stats');
    own = await startTestApp({ DATABASE_URL: db.url, MEILI_INDEX_PREFIX: `${process.env.MEILI_INDEX_PREFIX ?? 'test'}_deals_stats` });
    client = new Client(own.url);
  });
  afterAll(async () => {
    await own?.close();
    await db?.drop();
  });

  it('counts approved deals (signed and completed too) by month of approval, not rejected or cancelled ones', async () => {
    expect((await client.ok(STATS)).stats).toEqual({ dealsApproved: 0, dealValueApproved: 0, dealsByMonth: [] });
    const supplier = await party('RESEARCH_INSTITUTE', 'quang-tri', undefined, client);
    const buyer = await party('ENTERPRISE', 'ha-tinh', undefined, client);
    const department = await registerModerator(client, ['quang-tri']);
    const deals: DealView[] = [];
    for (const value of [4_000_000_000_123, 250_000_000_000, 99_000_000, 77_000_000, 66_000_000]) deals.push(await dealUnderReview(supplier, buyer, value));
    const monthOf = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d).slice(0, 7);
    const clock = own.app.get(Clock);

    await department.client.ok(REVIEW, { id: deals[0].id, d: 'APPROVE' }); // this month, stays APPROVED
    await department.client.ok(REVIEW, { id: deals[2].id, d: 'REJECT', n: 'Không đạt' }); // never counted
    await department.client.ok(REVIEW, { id: deals[3].id, d: 'APPROVE' });
    await buyer.owner.client.ok(CANCEL, { id: deals[3].id, n: 'Đổi ý' }); // approved, then cancelled: not counted
    // deals[4] stays under review: not counted.
    const thisMonth = monthOf(clock.now());
    clock.advance(40 * 86_400_000); // a later month
    try {
      const laterMonth = monthOf(clock.now());
      await department.client.ok(REVIEW, { id: deals[1].id, d: 'APPROVE' }); // then SIGNED and COMPLETED: still counted
      await buyer.owner.client.ok(SIGN, { id: deals[1].id });
      await supplier.owner.client.ok(SIGN, { id: deals[1].id });
      await supplier.owner.client.ok(COMPLETE, { id: deals[1].id });

      const label = (key: string) => {
        const [y, m] = key.split('-').map(Number);
        return `Tháng ${m}/${y}`;
      };
      expect((await client.ok(STATS)).stats).toEqual({
        dealsApproved: 2,
        dealValueApproved: 4_250_000_000_123,
        dealsByMonth: [
          { key: thisMonth, label: label(thisMonth), count: 1 },
          { key: laterMonth, label: label(laterMonth), count: 1 },
        ],
      });
      const en = (await client.inLang('en').ok(STATS)).stats.dealsByMonth;
      expect(en.map((b: { key: string }) => b.key)).toEqual([thisMonth, laterMonth]);
      expect(en[1].label).toContain(laterMonth.slice(0, 4));
      expect(en[1].label).not.toContain('Tháng');
    } finally {
      clock.reset();
    }
  });
});
