import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, adminClient, createOrganization, registerModerator, registerUser, type GqlResponse } from './support/graphql.js';
import {
  CANCEL,
  COMPLETE,
  DEAL,
  DEALS,
  EXPRESS,
  INTEREST,
  INTERESTS,
  PROPOSE,
  RESPOND_DEAL,
  RESPOND_INTEREST,
  REVIEW,
  SEND,
  SIGN,
  TERMS,
  WITHDRAW,
  acceptInterest,
  addMember,
  expressInterest,
  proposeDeal,
  publishListing,
} from './support/listings.js';

// Registrations hash passwords with argon2 (64 MiB each) and the journeys take many steps.
jest.setTimeout(120_000);

/**
 * Who may do what, for every interest and deal operation. The supplier (an institute in Cần Thơ)
 * lists an offer; the buyer (a company in Hà Nội) is interested and proposes; the "moderator in"
 * covers Cần Thơ (the supplier's province), the "moderator out" covers Hà Nội (the buyer's, which
 * does not count). Party members act as plain members, not owners. Every refusal must leave the
 * database exactly as it was.
 */

let t: TestApp;
let base: Client;

const ACTORS = ['anonymous', 'supplier', 'buyer', 'outsider', 'moderatorIn', 'moderatorOut', 'admin'] as const;
type Actor = (typeof ACTORS)[number];

/** ok: the mutation succeeded (or the query returned the object); null / listed / absent: what a query showed; else the error code. */
type Outcome = 'ok' | 'null' | 'listed' | 'absent' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

type Stage = 'published' | 'interestOpen' | 'interestAccepted' | 'proposed' | 'underReview' | 'approved' | 'signed';

interface Fixture {
  listingId: string;
  interestId: string;
  dealId: string;
}

interface Party {
  owner: Awaited<ReturnType<typeof registerUser>>;
  member: Awaited<ReturnType<typeof registerUser>>;
  org: { id: string };
}

interface World {
  supplier: Party;
  buyer: Party;
  outsider: Party;
  clients: Record<Actor, Client>;
  moderatorIn: Client;
}

let world: World;

async function party(kind: string, provinceCode: string): Promise<Party> {
  const owner = await registerUser(base, 'Chủ tổ chức');
  const member = await registerUser(base, 'Thành viên');
  const org = await createOrganization(owner.client, { kind, provinceCode });
  await addMember(owner.client, org.id, member.email);
  return { owner, member, org };
}

const ORDER: Stage[] = ['published', 'interestOpen', 'interestAccepted', 'proposed', 'underReview', 'approved', 'signed'];

/** A fresh listing taken to the given stage by the owners and the moderator in jurisdiction. */
async function stage(target: Stage): Promise<Fixture> {
  const { supplier, buyer, moderatorIn } = world;
  const reached = (s: Stage) => ORDER.indexOf(target) >= ORDER.indexOf(s);
  const fx: Fixture = { listingId: '', interestId: '', dealId: '' };
  fx.listingId = (await publishListing(base, supplier.owner.client, { kind: 'OFFER', organizationId: supplier.org.id, provinceCode: 'can-tho' })).id;
  if (reached('interestOpen')) fx.interestId = await expressInterest(buyer.owner.client, fx.listingId, buyer.org.id);
  if (reached('interestAccepted')) await acceptInterest(supplier.owner.client, fx.interestId);
  if (reached('proposed')) fx.dealId = (await proposeDeal(buyer.owner.client, fx.interestId)).id;
  if (reached('underReview')) await supplier.owner.client.ok(RESPOND_DEAL, { id: fx.dealId, a: true });
  if (reached('approved')) await moderatorIn.ok(REVIEW, { id: fx.dealId, d: 'APPROVE' });
  if (reached('signed')) {
    await buyer.owner.client.ok(SIGN, { id: fx.dealId });
    await supplier.owner.client.ok(SIGN, { id: fx.dealId });
  }
  return fx;
}

/** Everything an operation could change about a fixture, read straight from the database. */
async function snapshot(fx: Fixture): Promise<unknown> {
  const [row] = await t.app.get(DataSource).query(
    `SELECT (SELECT string_agg(status, ',' ORDER BY created_at) FROM interest WHERE listing_id = $1) AS interests,
            (SELECT count(*)::int FROM interest_message m JOIN interest i ON i.id = m.interest_id WHERE i.listing_id = $1) AS messages,
            (SELECT string_agg(status, ',' ORDER BY created_at) FROM deal WHERE listing_id = $1) AS deals,
            (SELECT count(*)::int FROM deal_event e JOIN deal d ON d.id = e.deal_id WHERE d.listing_id = $1) AS events,
            (SELECT count(*)::int FROM deal WHERE listing_id = $1 AND (supplier_signed_at IS NOT NULL OR buyer_signed_at IS NOT NULL)) AS signed`,
    [fx.listingId],
  );
  return row;
}

interface Operation {
  name: string;
  stage: Stage;
  mutation: boolean;
  run: (c: Client, fx: Fixture, actor: Actor) => Promise<GqlResponse>;
  /** For mutations: what a success must have produced (the result's status). */
  status?: string;
  /** For queries: the outcome shown by a successful answer. */
  read?: (data: Record<string, any>, fx: Fixture) => Outcome;
  expect: Record<Actor, Outcome>;
}

const PARTIES_ONLY = { anonymous: 'UNAUTHENTICATED', outsider: 'NOT_FOUND', moderatorIn: 'NOT_FOUND', moderatorOut: 'NOT_FOUND', admin: 'NOT_FOUND' } as const;
const DEAL_PARTIES = { anonymous: 'UNAUTHENTICATED', outsider: 'NOT_FOUND', moderatorIn: 'FORBIDDEN', moderatorOut: 'NOT_FOUND', admin: 'FORBIDDEN' } as const;

const statusOf = (data: Record<string, any>) => (Object.values(data)[0] as { status: string } | null)?.status;

const OPERATIONS: Operation[] = [
  {
    name: 'expressInterest (for the buyer)',
    stage: 'published',
    mutation: true,
    run: (c, fx) => c.request(EXPRESS, { l: fx.listingId, o: world.buyer.org.id, m: 'Chúng tôi quan tâm.' }),
    status: 'OPEN',
    expect: { anonymous: 'UNAUTHENTICATED', supplier: 'FORBIDDEN', buyer: 'ok', outsider: 'FORBIDDEN', moderatorIn: 'FORBIDDEN', moderatorOut: 'FORBIDDEN', admin: 'FORBIDDEN' },
  },
  {
    name: 'respondToInterest',
    stage: 'interestOpen',
    mutation: true,
    run: (c, fx) => c.request(RESPOND_INTEREST, { id: fx.interestId, a: true }),
    status: 'ACCEPTED',
    expect: { ...PARTIES_ONLY, supplier: 'ok', buyer: 'FORBIDDEN' },
  },
  {
    name: 'withdrawInterest',
    stage: 'interestOpen',
    mutation: true,
    run: (c, fx) => c.request(WITHDRAW, { id: fx.interestId }),
    status: 'WITHDRAWN',
    expect: { ...PARTIES_ONLY, supplier: 'FORBIDDEN', buyer: 'ok' },
  },
  {
    name: 'sendMessage',
    stage: 'interestOpen',
    mutation: true,
    run: (c, fx) => c.request(SEND, { id: fx.interestId, b: 'Một câu hỏi thêm.' }),
    expect: { ...PARTIES_ONLY, supplier: 'ok', buyer: 'ok' },
  },
  {
    name: 'interest(id)',
    stage: 'interestOpen',
    mutation: false,
    run: (c, fx) => c.request(INTEREST, { id: fx.interestId }),
    read: (d) => (d.interest ? 'ok' : 'null'),
    expect: { anonymous: 'null', supplier: 'ok', buyer: 'ok', outsider: 'null', moderatorIn: 'null', moderatorOut: 'null', admin: 'null' },
  },
  {
    name: 'interests(listingId)',
    stage: 'interestOpen',
    mutation: false,
    run: (c, fx) => c.request(INTERESTS, { l: fx.listingId }),
    read: (d, fx) => (d.interests.some((i: { id: string }) => i.id === fx.interestId) ? 'listed' : 'absent'),
    expect: { anonymous: 'UNAUTHENTICATED', supplier: 'listed', buyer: 'listed', outsider: 'absent', moderatorIn: 'absent', moderatorOut: 'absent', admin: 'absent' },
  },
  {
    name: 'proposeDeal',
    stage: 'interestAccepted',
    mutation: true,
    run: (c, fx) => c.request(PROPOSE, { input: { interestId: fx.interestId, value: 1_500_000_000, transferMode: 'LICENSING', terms: TERMS } }),
    status: 'PROPOSED',
    expect: { ...PARTIES_ONLY, supplier: 'ok', buyer: 'ok' },
  },
  {
    name: 'respondToDeal (accept)',
    stage: 'proposed',
    mutation: true,
    run: (c, fx) => c.request(RESPOND_DEAL, { id: fx.dealId, a: true }),
    status: 'UNDER_REVIEW',
    // The buyer proposed: only the supplier answers.
    expect: { ...DEAL_PARTIES, supplier: 'ok', buyer: 'FORBIDDEN' },
  },
  {
    name: 'respondToDeal (decline)',
    stage: 'proposed',
    mutation: true,
    run: (c, fx) => c.request(RESPOND_DEAL, { id: fx.dealId, a: false, n: 'Giá chưa phù hợp.' }),
    status: 'CANCELLED',
    expect: { ...DEAL_PARTIES, supplier: 'ok', buyer: 'FORBIDDEN' },
  },
  {
    name: 'reviewDeal (approve)',
    stage: 'underReview',
    mutation: true,
    run: (c, fx) => c.request(REVIEW, { id: fx.dealId, d: 'APPROVE' }),
    status: 'APPROVED',
    expect: { anonymous: 'UNAUTHENTICATED', supplier: 'FORBIDDEN', buyer: 'FORBIDDEN', outsider: 'FORBIDDEN', moderatorIn: 'ok', moderatorOut: 'NOT_FOUND', admin: 'ok' },
  },
  {
    name: 'reviewDeal (reject)',
    stage: 'underReview',
    mutation: true,
    run: (c, fx) => c.request(REVIEW, { id: fx.dealId, d: 'REJECT', n: 'Thiếu hồ sơ pháp lý.' }),
    status: 'REJECTED',
    expect: { anonymous: 'UNAUTHENTICATED', supplier: 'FORBIDDEN', buyer: 'FORBIDDEN', outsider: 'FORBIDDEN', moderatorIn: 'ok', moderatorOut: 'NOT_FOUND', admin: 'ok' },
  },
  {
    name: 'markDealSigned',
    stage: 'approved',
    mutation: true,
    run: (c, fx) => c.request(SIGN, { id: fx.dealId }),
    status: 'APPROVED', // the first signature; SIGNED comes with the second
    expect: { ...DEAL_PARTIES, supplier: 'ok', buyer: 'ok' },
  },
  {
    name: 'completeDeal',
    stage: 'signed',
    mutation: true,
    run: (c, fx) => c.request(COMPLETE, { id: fx.dealId }),
    status: 'COMPLETED',
    expect: { ...DEAL_PARTIES, supplier: 'ok', buyer: 'ok' },
  },
  {
    name: 'cancelDeal',
    stage: 'underReview',
    mutation: true,
    run: (c, fx) => c.request(CANCEL, { id: fx.dealId, n: 'Thay đổi kế hoạch.' }),
    status: 'CANCELLED',
    expect: { ...DEAL_PARTIES, supplier: 'ok', buyer: 'ok' },
  },
  {
    name: 'deal(id)',
    stage: 'underReview',
    mutation: false,
    run: (c, fx) => c.request(DEAL, { id: fx.dealId }),
    read: (d) => (d.deal ? 'ok' : 'null'),
    expect: { anonymous: 'null', supplier: 'ok', buyer: 'ok', outsider: 'null', moderatorIn: 'ok', moderatorOut: 'null', admin: 'ok' },
  },
  {
    name: 'deals',
    stage: 'underReview',
    mutation: false,
    run: (c) => c.request(DEALS, { s: 'UNDER_REVIEW', p: { page: 1, pageSize: 100 } }),
    read: (d, fx) => (d.deals.items.some((i: { id: string }) => i.id === fx.dealId) ? 'listed' : 'absent'),
    expect: { anonymous: 'UNAUTHENTICATED', supplier: 'listed', buyer: 'listed', outsider: 'absent', moderatorIn: 'listed', moderatorOut: 'absent', admin: 'listed' },
  },
];

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
  const [supplier, buyer, outsider, moderatorIn, moderatorOut, admin] = await Promise.all([
    party('RESEARCH_INSTITUTE', 'can-tho'),
    party('ENTERPRISE', 'ha-noi'),
    party('ENTERPRISE', 'da-nang'),
    registerModerator(base, ['can-tho']),
    registerModerator(base, ['ha-noi']),
    adminClient(base),
  ]);
  world = {
    supplier,
    buyer,
    outsider,
    moderatorIn: moderatorIn.client,
    clients: {
      anonymous: base,
      supplier: supplier.member.client,
      buyer: buyer.member.client,
      outsider: outsider.owner.client,
      moderatorIn: moderatorIn.client,
      moderatorOut: moderatorOut.client,
      admin,
    },
  };
});
afterAll(() => t.close());

/** One fixture per operation for everyone who may not change it (refusals and reads change nothing). */
const shared = new Map<string, Promise<Fixture>>();

const CASES = OPERATIONS.flatMap((op) => ACTORS.map((actor) => [op.name, actor, op.expect[actor]] as const));

describe('the permission matrix', () => {
  it.each(CASES)('%s by %s → %s', async (name, actor, expected) => {
    const op = OPERATIONS.find((o) => o.name === name)!;
    const changes = op.mutation && expected === 'ok';
    let fx: Fixture;
    if (changes) fx = await stage(op.stage);
    else {
      if (!shared.has(name)) shared.set(name, stage(op.stage));
      fx = await shared.get(name)!;
    }
    const before = await snapshot(fx);
    const res = await op.run(world.clients[actor], fx, actor);
    const code = res.errors?.[0]?.extensions?.code;
    let outcome: Outcome;
    if (code) outcome = code as Outcome;
    else if (op.read) outcome = op.read(res.data!, fx);
    else outcome = 'ok';
    expect(outcome).toBe(expected);

    if (changes) {
      if (op.status) expect(statusOf(res.data!)).toBe(op.status);
      expect(await snapshot(fx)).not.toEqual(before);
    } else {
      // A refusal or a read: the database is exactly as it was.
      expect(await snapshot(fx)).toEqual(before);
    }
  });
});

describe('beyond the matrix', () => {
  it('does not let a moderator review a deal of their own organisation', async () => {
    const fx = await stage('underReview');
    const reviewer = await registerModerator(base, ['can-tho']);
    await addMember(world.supplier.owner.client, world.supplier.org.id, (await reviewer.client.ok(`{ me { email } }`)).me.email);
    const res = await reviewer.client.error(REVIEW, { id: fx.dealId, d: 'APPROVE' });
    expect(res.code).toBe('FORBIDDEN');
    // As a member they see it; as its party they may cancel it.
    expect((await reviewer.client.ok(DEAL, { id: fx.dealId })).deal.viewerActions).toEqual(['CANCEL']);
  });

  it('shows moderators a deal but not the parties’ conversation', async () => {
    const fx = await stage('underReview');
    await world.buyer.owner.client.ok(SEND, { id: fx.interestId, b: 'Giá sàn của chúng tôi là 1,4 tỷ.' });
    const Q = `query($id: ID!) { deal(id: $id) { interest { id messages { body } } } }`;
    const asModerator = (await world.moderatorIn.ok(Q, { id: fx.dealId })).deal;
    expect(asModerator.interest.id).toBe(fx.interestId);
    expect(asModerator.interest.messages).toEqual([]);
    const asParty = (await world.supplier.member.client.ok(Q, { id: fx.dealId })).deal;
    expect(asParty.interest.messages.map((m: { body: string }) => m.body)).toContain('Giá sàn của chúng tôi là 1,4 tỷ.');
  });

  it('answers unknown and malformed ids as not found', async () => {
    const c = world.supplier.member.client;
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect((await c.ok(DEAL, { id })).deal).toBeNull();
      expect((await c.ok(INTEREST, { id })).interest).toBeNull();
      expect((await c.error(CANCEL, { id })).code).toBe('NOT_FOUND');
      expect((await c.error(SEND, { id, b: 'Xin chào' })).code).toBe('NOT_FOUND');
      expect((await c.error(PROPOSE, { input: { interestId: id, value: 1000, transferMode: 'LICENSING', terms: TERMS } })).code).toBe('NOT_FOUND');
    }
  });

  it('keeps the deals of other organisations out of each list', async () => {
    const fx = await stage('proposed');
    const page = async (c: Client) => (await c.ok(DEALS, { p: { page: 1, pageSize: 100 } })).deals;
    const ids = async (c: Client) => (await page(c)).items.map((d: { id: string }) => d.id);
    expect(await ids(world.supplier.member.client)).toContain(fx.dealId);
    expect(await ids(world.buyer.member.client)).toContain(fx.dealId);
    expect(await ids(world.outsider.owner.client)).not.toContain(fx.dealId);
    const outsiders = await page(world.outsider.owner.client);
    expect(outsiders.totalItems).toBe(0);
    expect((await world.clients.moderatorOut.ok(DEALS, { s: 'PROPOSED', p: { page: 1, pageSize: 100 } })).deals.items.map((d: { id: string }) => d.id)).not.toContain(fx.dealId);
    const tooBig = await world.supplier.member.client.error(DEALS, { p: { page: 1, pageSize: 101 } });
    expect(tooBig.code).toBe('BAD_USER_INPUT');
  });
});
