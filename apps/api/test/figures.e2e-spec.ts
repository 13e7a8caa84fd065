import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isolatedDatabase } from './support/database.js';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, adminClient, createOrganization, enrolSecondFactor, loginClient, registerModerator, registerUser, uniq } from './support/graphql.js';
import { FiguresService, StatsRollupJob } from '../src/modules/stats/figures.service.js';
import { APP_CONFIG } from '../src/config/config.js';
import { Clock } from '../src/common/clock.js';

/**
 * The market figures and the department's dashboard against a small fixture written straight into
 * the tables (so every timestamp is known) and hand-computed expectations. Period: 2026-01..2026-03
 * (February has no listing: it must still be there, as zeros); previous period: 2025-10..2025-12.
 */
const TOTALS = `listingsPublished offersPublished demandsPublished interests dealsProposed dealsApproved dealValueApproved
  interestsConverted interestToDealRate medianDaysToFirstInterest listingsWithInterest medianDaysInModeration moderationDecisions`;
const MARKET = `from to previousFrom previousTo
  months { month label listingsPublished offersPublished demandsPublished interests dealsProposed dealsApproved dealValueApproved }
  totals { ${TOTALS} } previous { ${TOTALS} }
  dealsByStage { stage label count value }
  byField { key label count } bySubField { key count topKey } byProvince { key label count } byOrganizationKind { key label count } byTrl { key label count }`;
const MARKET_Q = `query($from: String, $to: String) { marketFigures(from: $from, to: $to) { ${MARKET} } }`;
const DASH_Q = `query($from: String, $to: String) { departmentDashboard(from: $from, to: $to) {
  provinceCodes reviewTargetDays queueWaiting queueOverTarget queueOldestDays queueByAge { key count }
  decisions medianDecisionDays decisionsWithinTarget reviewers { reviewerId name decisions medianDays withinTarget }
  moderationByKind { kind label waiting overTarget oldestDays decisions medianDays withinTarget }
  expiringSoonCount expiringSoon { id title provinceCode }
  organizationsAwaitingVerificationCount organizationsAwaitingVerification { id title provinceCode }
  dealsAwaitingReviewCount dealsAwaitingReview { id title provinceCode }
  market { ${MARKET} } } }`;
const PERIOD = { from: '2026-01', to: '2026-03' };

let db: { url: string; drop: () => Promise<void> };
let t: TestApp;
let base: Client;
let ds: DataSource;
let modHue: { client: Client; id: string };
let modDaNang: { client: Client; id: string };
let member: Client;

/** Noon in Vietnam on that day (05:00 UTC), so no month boundary is ambiguous. */
const day = (d: string, hour = 12) => new Date(`${d}T${String(hour).padStart(2, '0')}:00:00+07:00`);

beforeAll(async () => {
  db = await isolatedDatabase('figures');
  t = await startTestApp({ DATABASE_URL: db.url, MEILI_INDEX_PREFIX: `${process.env.MEILI_INDEX_PREFIX ?? 'test'}_figures` });
  base = new Client(t.url);
  ds = t.app.get(DataSource);

  const owner = await registerUser(base);
  member = owner.client;
  const hueOrg = await createOrganization(owner.client, { provinceCode: 'hue', kind: 'ENTERPRISE' });
  const dnOrg = await createOrganization(owner.client, { provinceCode: 'da-nang', kind: 'UNIVERSITY' });
  const buyer = await registerUser(base);
  const buyerOrg = await createOrganization(buyer.client, { provinceCode: 'hue', kind: 'RESEARCH_INSTITUTE' });
  modHue = await registerModerator(base, ['hue']);
  modDaNang = await registerModerator(base, ['da-nang']);

  const listing = async (o: { org: string; province: string; kind: string; fields: string[]; trl: number | null; status?: string; publishedAt?: Date; submittedAt?: Date; expiresAt?: Date }) => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO listing (id, kind, slug, status, organization_id, created_by, title, summary, description, field_codes, trl, province_code, submitted_at, published_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'Tóm tắt', 'Mô tả', $8, $9, $10, $11, $12, $13)`,
      [id, o.kind, uniq('tin-'), o.status ?? 'PUBLISHED', o.org, owner.id, `Tin ${uniq('')}`, o.fields, o.trl, o.province, o.submittedAt ?? null, o.publishedAt ?? null, o.expiresAt ?? null],
    );
    return id;
  };
  const event = (listingId: string, action: string, at: Date, actor: string | null = null) =>
    ds.query(`INSERT INTO listing_event (listing_id, actor_id, action, to_status, at) VALUES ($1, $2, $3, 'PUBLISHED', $4)`, [listingId, actor, action, at]);
  const interest = async (listingId: string, listingOrg: string, at: Date, status = 'ACCEPTED') => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO interest (id, listing_id, organization_id, listing_organization_id, status, created_by, created_at, last_message_at)
       VALUES ($1, $2, $3, $4, $7, $5, $6, $6)`,
      [id, listingId, buyerOrg.id, listingOrg, buyer.id, at, status],
    );
    return id;
  };
  const deal = (o: { interest: string; listing: string; supplier: string; province: string; value: number; status: string; createdAt: Date; approvedAt?: Date }) =>
    ds.query(
      `INSERT INTO deal (interest_id, listing_id, supplier_organization_id, buyer_organization_id, province_code, value, transfer_mode, terms, status, proposed_by, proposer_organization_id, approved_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'LICENSING', 'Điều khoản', $7, $8, $4, $9, $10, $10)`,
      [o.interest, o.listing, o.supplier, buyerOrg.id, o.province, o.value, o.status, buyer.id, o.approvedAt ?? null, o.createdAt],
    );

  // Published in the period: L1 (Huế, January), L2 (Huế, March, a demand), L3 (Đà Nẵng, March).
  const now = t.app.get(Clock).now();
  const l1 = await listing({ org: hueOrg.id, province: 'hue', kind: 'OFFER', fields: ['407', '211'], trl: 5, publishedAt: day('2026-01-10'), expiresAt: new Date(now.getTime() + 3 * 86400_000) });
  await event(l1, 'SUBMIT', day('2026-01-08'));
  await event(l1, 'APPROVE', day('2026-01-10'), modHue.id); // 2 days
  const l2 = await listing({ org: hueOrg.id, province: 'hue', kind: 'DEMAND', fields: ['407'], trl: null, publishedAt: day('2026-03-05') });
  await event(l2, 'SUBMIT', day('2026-03-01'));
  await event(l2, 'APPROVE', day('2026-03-05'), modDaNang.id); // 4 days (a reviewer who since moved to Đà Nẵng)
  const l3 = await listing({ org: dnOrg.id, province: 'da-nang', kind: 'OFFER', fields: ['202'], trl: 7, publishedAt: day('2026-03-20') });
  await event(l3, 'SUBMIT', day('2026-03-19'));
  await event(l3, 'APPROVE', day('2026-03-20'), modDaNang.id); // 1 day
  // The previous period: L4 (Huế, November), its first interest 16 days later.
  const l4 = await listing({ org: hueOrg.id, province: 'hue', kind: 'OFFER', fields: ['407'], trl: 5, publishedAt: day('2025-11-15') });
  await interest(l4, hueOrg.id, day('2025-12-01'));
  // Interests: I1 on L1 after 3 days (led to an approved deal), I2 on L1 in February, I3 on L3 after 1 day.
  const i1 = await interest(l1, hueOrg.id, day('2026-01-13'));
  await interest(l1, hueOrg.id, day('2026-02-14'), 'DECLINED');
  const i3 = await interest(l3, dnOrg.id, day('2026-03-21'));
  await deal({ interest: i1, listing: l1, supplier: hueOrg.id, province: 'hue', value: 1_000_000_000, status: 'APPROVED', createdAt: day('2026-02-01'), approvedAt: day('2026-03-02') });
  await deal({ interest: i3, listing: l3, supplier: dnOrg.id, province: 'da-nang', value: 500_000_000, status: 'UNDER_REVIEW', createdAt: day('2026-03-22') });
  // Waiting for review now: one in Huế for 5 days (over the 3-day target), one in Đà Nẵng for 2 hours.
  await listing({ org: hueOrg.id, province: 'hue', kind: 'OFFER', fields: ['407'], trl: 3, status: 'PENDING_REVIEW', submittedAt: new Date(now.getTime() - 5 * 86400_000) });
  await listing({ org: dnOrg.id, province: 'da-nang', kind: 'OFFER', fields: ['202'], trl: 3, status: 'PENDING_REVIEW', submittedAt: new Date(now.getTime() - 2 * 3600_000) });

  // The other moderated kinds share the queue and the reviewers (not the market's "time in moderation").
  const expert = async (user: string, province: string, status: string, submittedAt: Date) => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO expert_profile (id, user_id, slug, status, full_name, headline, bio, province_code, submitted_at) VALUES ($1, $2, $3, $4, 'Chuyên gia', 'Kỹ sư', 'Tiểu sử', $5, $6)`,
      [id, user, uniq('cg-'), status, province, submittedAt],
    );
    return id;
  };
  const techmart = async (org: string, province: string, status: string, submittedAt: Date) => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO techmart_event (id, slug, status, province_code, organizer_id, created_by, name_vi, name_en, kind, starts_on, ends_on, description, registration_opens_at, registration_closes_at, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'Chợ công nghệ', 'Techmart', 'LOCAL_TECHMART', '2026-06-01', '2026-06-02', 'Mô tả', '2026-04-01', '2026-05-25', $7)`,
      [id, uniq('su-kien-'), status, province, org, owner.id, submittedAt],
    );
    return id;
  };
  const step = (table: string, column: string, id: string, action: string, at: Date, actor: string | null = null) =>
    ds.query(`INSERT INTO ${table} (${column}, actor_id, action, to_status, at) VALUES ($1, $2, $3, 'PUBLISHED', $4)`, [id, actor, action, at]);
  // Waiting now: an expert profile in Huế for 4 days (over the target), an event in Đà Nẵng for 36 hours.
  await expert(owner.id, 'hue', 'PENDING_REVIEW', new Date(now.getTime() - 4 * 86400_000));
  await techmart(dnOrg.id, 'da-nang', 'PENDING_REVIEW', new Date(now.getTime() - 36 * 3600_000));
  // Decided in the period: an expert profile in Huế after 6 days (Huế's moderator), an event in Đà Nẵng after 2 days.
  const e2 = await expert(buyer.id, 'hue', 'PUBLISHED', day('2026-02-10'));
  await step('expert_profile_event', 'expert_id', e2, 'SUBMIT', day('2026-02-10'));
  await step('expert_profile_event', 'expert_id', e2, 'APPROVE', day('2026-02-16'), modHue.id);
  const ev2 = await techmart(dnOrg.id, 'da-nang', 'PUBLISHED', day('2026-03-10'));
  await step('techmart_event_step', 'event_id', ev2, 'SUBMIT', day('2026-03-10'));
  await step('techmart_event_step', 'event_id', ev2, 'APPROVE', day('2026-03-12'), modDaNang.id);

  await t.app.get(StatsRollupJob).runOnce();
}, 60_000);

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const ZERO_MONTH = { listingsPublished: 0, offersPublished: 0, demandsPublished: 0, interests: 0, dealsProposed: 0, dealsApproved: 0, dealValueApproved: 0 };

describe('marketFigures', () => {
  it('answers every month of the period, zeros included, with totals and the previous period', async () => {
    const f = (await base.ok(MARKET_Q, PERIOD)).marketFigures;
    expect(f).toMatchObject({ from: '2026-01', to: '2026-03', previousFrom: '2025-10', previousTo: '2025-12' });
    expect(f.months).toEqual([
      { ...ZERO_MONTH, month: '2026-01', label: 'Tháng 1/2026', listingsPublished: 1, offersPublished: 1, interests: 1 },
      { ...ZERO_MONTH, month: '2026-02', label: 'Tháng 2/2026', interests: 1, dealsProposed: 1 },
      { ...ZERO_MONTH, month: '2026-03', label: 'Tháng 3/2026', listingsPublished: 2, offersPublished: 1, demandsPublished: 1, interests: 1, dealsProposed: 1, dealsApproved: 1, dealValueApproved: 1_000_000_000 },
    ]);
    expect(f.totals).toEqual({
      listingsPublished: 3,
      offersPublished: 2,
      demandsPublished: 1,
      interests: 3,
      dealsProposed: 2,
      dealsApproved: 1,
      dealValueApproved: 1_000_000_000,
      interestsConverted: 1,
      interestToDealRate: 1 / 3,
      medianDaysToFirstInterest: 2, // L1 3 days, L3 1 day
      listingsWithInterest: 2,
      medianDaysInModeration: 2, // 2, 4 and 1 days
      moderationDecisions: 3,
    });
    expect(f.previous).toMatchObject({ listingsPublished: 1, interests: 1, dealsProposed: 0, medianDaysToFirstInterest: 16, listingsWithInterest: 1, moderationDecisions: 0, medianDaysInModeration: null, interestToDealRate: 0 });
    expect(f.dealsByStage).toEqual([
      { stage: 'UNDER_REVIEW', label: 'Đang thẩm định', count: 1, value: 500_000_000 },
      { stage: 'APPROVED', label: expect.any(String), count: 1, value: 1_000_000_000 },
    ]);
    // Top-level fields with their totals (L1 in 4.07 and 2.11, L2 in 4.07, L3 in 2.02), never ranked
    // among their own sub-fields; the sub-fields apart, under their top-level field.
    expect(f.byField.map((b: { key: string; count: number }) => [b.key, b.count])).toEqual([['2', 2], ['4', 2]]);
    expect(f.bySubField).toEqual([
      { key: '202', count: 1, topKey: '2' },
      { key: '211', count: 1, topKey: '2' },
      { key: '407', count: 2, topKey: '4' },
    ]);
    expect(f.byProvince).toEqual([
      { key: 'hue', label: 'Huế', count: 2 },
      { key: 'da-nang', label: 'Đà Nẵng', count: 1 },
    ]);
    expect(f.byOrganizationKind).toEqual([
      { key: 'ENTERPRISE', label: 'Doanh nghiệp', count: 2 },
      { key: 'UNIVERSITY', label: 'Trường đại học', count: 1 },
    ]);
    expect(f.byTrl.map((b: { key: string; count: number }) => [b.key, b.count])).toEqual([['5', 1], ['7', 1], ['', 1]]);
  });

  it('names months and breakdowns in English', async () => {
    const f = (await base.inLang('en').ok(MARKET_Q, PERIOD)).marketFigures;
    expect(f.months[1].label).toBe('February 2026');
    expect(f.byTrl[2].label).toBe('Not stated');
    expect(f.byProvince[0].label).toBe('Hue');
  });

  it('defaults to the 12 months up to this one (Vietnam time)', async () => {
    const f = (await base.ok(MARKET_Q)).marketFigures;
    expect(f.months).toHaveLength(12);
    expect(f.to).toBe(new Date(t.app.get(Clock).now().getTime() + 7 * 3600_000).toISOString().slice(0, 7));
  });

  it('names the bad field of a bad period', async () => {
    expect(await base.error(MARKET_Q, { from: '2026-13' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { from: expect.any(String) } });
    expect(await base.inLang('en').error(MARKET_Q, { from: '2026-03', to: '2026-01' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { to: 'The last month cannot come before the first.' } });
    expect(await base.error(MARKET_Q, { from: '2000-01', to: '2026-01' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { to: expect.any(String) } });
  });
});

describe('departmentDashboard', () => {
  it('is for moderators only', async () => {
    expect((await member.error(DASH_Q, PERIOD)).code).toBe('FORBIDDEN');
    expect((await base.error(DASH_Q, PERIOD)).code).toBe('UNAUTHENTICATED');
  });

  it("keeps to the moderator's jurisdiction", async () => {
    const d = (await modHue.client.ok(DASH_Q, PERIOD)).departmentDashboard;
    expect(d).toMatchObject({
      provinceCodes: ['hue'],
      reviewTargetDays: 3,
      // The listing (5 days) and the expert profile (4 days), both over the target.
      queueWaiting: 2,
      queueOverTarget: 2,
      queueOldestDays: 5,
      queueByAge: [{ key: 'lt1', count: 0 }, { key: '1to3', count: 0 }, { key: '3to7', count: 2 }, { key: 'gt7', count: 0 }],
      decisions: 3,
      medianDecisionDays: 4, // listings 2 and 4 days, the expert profile 6
      decisionsWithinTarget: 1,
      expiringSoonCount: 1,
      organizationsAwaitingVerificationCount: 2,
      dealsAwaitingReviewCount: 0,
      dealsAwaitingReview: [],
    });
    const byId = (a: { reviewerId: string }, b: { reviewerId: string }) => (a.reviewerId < b.reviewerId ? -1 : 1);
    expect([...d.reviewers].sort(byId)).toEqual(
      [
        { reviewerId: modDaNang.id, name: 'Cán bộ Sở KH&CN', decisions: 1, medianDays: 4, withinTarget: 0 },
        { reviewerId: modHue.id, name: 'Cán bộ Sở KH&CN', decisions: 2, medianDays: 4, withinTarget: 1 }, // a listing in 2 days, an expert in 6
      ].sort(byId),
    );
    expect(d.moderationByKind).toEqual([
      { kind: 'LISTING', label: 'Tin chào bán và nhu cầu', waiting: 1, overTarget: 1, oldestDays: 5, decisions: 2, medianDays: 3, withinTarget: 1 },
      { kind: 'EXPERT', label: 'Hồ sơ chuyên gia', waiting: 1, overTarget: 1, oldestDays: 4, decisions: 1, medianDays: 6, withinTarget: 0 },
      { kind: 'EVENT', label: 'Sự kiện', waiting: 0, overTarget: 0, oldestDays: null, decisions: 0, medianDays: null, withinTarget: 0 },
    ]);
    // The market's "time in moderation" stays the listings' own.
    expect(d.market.totals).toMatchObject({ moderationDecisions: 2, medianDaysInModeration: 3 });
    expect(d.organizationsAwaitingVerification.every((o: { provinceCode: string }) => o.provinceCode === 'hue')).toBe(true);
    expect(d.market.months.map((m: { listingsPublished: number }) => m.listingsPublished)).toEqual([1, 0, 1]);
    expect(d.market.totals).toMatchObject({ listingsPublished: 2, interests: 2, dealsProposed: 1, dealsApproved: 1, interestsConverted: 1, interestToDealRate: 0.5, medianDaysToFirstInterest: 3 });
    expect(d.market.byProvince).toEqual([{ key: 'hue', label: 'Huế', count: 2 }]);
  });

  it('shows the other province to its own moderator', async () => {
    const d = (await modDaNang.client.ok(DASH_Q, PERIOD)).departmentDashboard;
    // Queue: the listing (2 hours) and the event (36 hours); decisions: the listing in 1 day, the event in 2.
    expect(d).toMatchObject({ provinceCodes: ['da-nang'], queueWaiting: 2, queueOverTarget: 0, queueOldestDays: 1.5, decisions: 2, medianDecisionDays: 1.5, decisionsWithinTarget: 2, dealsAwaitingReviewCount: 1, expiringSoonCount: 0 });
    expect(d.queueByAge.map((b: { count: number }) => b.count)).toEqual([1, 1, 0, 0]);
    expect(d.moderationByKind.map((k: { kind: string; waiting: number; decisions: number; medianDays: number | null }) => [k.kind, k.waiting, k.decisions, k.medianDays])).toEqual([
      ['LISTING', 1, 1, 1],
      ['EXPERT', 0, 0, null],
      ['EVENT', 1, 1, 2],
    ]);
    expect(d.dealsAwaitingReview[0].provinceCode).toBe('da-nang');
    expect(d.market.totals).toMatchObject({ listingsPublished: 1, interests: 1, dealsProposed: 1, dealsApproved: 0 });
  });

  it('fails closed for a moderator without provinces', async () => {
    const user = await registerUser(base);
    const admin = await adminClient(base);
    await admin.ok(`mutation($id: ID!) { setUserRoles(userId: $id, roles: [MODERATOR], moderatedProvinceCodes: [], allProvinces: false) { id } }`, { id: user.id });
    const none = await loginClient(base, user.email);
    await enrolSecondFactor(none); // staff act only with a second factor
    const d = (await none.ok(DASH_Q, PERIOD)).departmentDashboard;
    expect(d.moderationByKind.every((k: { waiting: number; decisions: number }) => k.waiting === 0 && k.decisions === 0)).toBe(true);
    expect(d).toMatchObject({ provinceCodes: [], queueWaiting: 0, decisions: 0, expiringSoonCount: 0, organizationsAwaitingVerificationCount: 0, dealsAwaitingReviewCount: 0 });
    expect(d.market.totals.listingsPublished).toBe(0);
    expect(d.market.months).toHaveLength(3);
  });

  it('sees every province with the nationwide grant', async () => {
    const d = (await (await adminClient(base)).ok(DASH_Q, PERIOD)).departmentDashboard;
    // Queue: 2 listings, an expert profile, an event; decisions: listings 2, 4, 1 days, the expert 6, the event 2.
    expect(d).toMatchObject({ provinceCodes: null, queueWaiting: 4, queueOverTarget: 2, decisions: 5, medianDecisionDays: 2, decisionsWithinTarget: 3, dealsAwaitingReviewCount: 1 });
    expect(d.market.totals).toMatchObject({ moderationDecisions: 3, medianDaysInModeration: 2 });
    expect(d.market.totals.listingsPublished).toBe(3);
  });
});

describe('the rollup', () => {
  it('learns of new activity when the worker refreshes it', async () => {
    const before = (await base.ok(MARKET_Q, PERIOD)).marketFigures.totals.interests;
    const [{ id, org }] = await ds.query(`SELECT id, organization_id AS org FROM listing WHERE published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1`);
    const [{ buyerOrg, buyerUser }] = await ds.query(`SELECT organization_id AS "buyerOrg", created_by AS "buyerUser" FROM interest LIMIT 1`);
    await ds.query(`INSERT INTO interest (listing_id, organization_id, listing_organization_id, status, created_by, created_at) VALUES ($1, $2, $3, 'DECLINED', $4, $5)`, [id, buyerOrg, org, buyerUser, day('2026-02-20')]);
    expect((await base.ok(MARKET_Q, PERIOD)).marketFigures.totals.interests).toBe(before);
    await t.app.get(StatsRollupJob).runOnce();
    expect((await base.ok(MARKET_Q, PERIOD)).marketFigures.totals.interests).toBe(before + 1);
  });

  it('says when it was last refreshed and how often it is, a refresh that changed nothing included', async () => {
    const AS_OF = `query($from: String, $to: String) { marketFigures(from: $from, to: $to) { refreshedAt refreshEverySeconds } }`;
    const first = (await base.ok(AS_OF, PERIOD)).marketFigures;
    expect(first.refreshEverySeconds).toBe(t.app.get(APP_CONFIG).STATS_REFRESH_SECONDS);
    expect(first.refreshedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    await t.app.get(StatsRollupJob).runOnce(); // nothing new: the open-data Last-Modified stays, the time of the refresh moves
    const second = (await base.ok(AS_OF, PERIOD)).marketFigures;
    expect(new Date(second.refreshedAt).getTime()).toBeGreaterThan(new Date(first.refreshedAt).getTime());
    const version = await t.app.get(FiguresService).rollupVersion();
    expect(version!.refreshedAt.toISOString()).toBe(new Date(second.refreshedAt).toISOString());
    expect(version!.changedAt.getTime()).toBeLessThan(version!.refreshedAt.getTime());
  });

  it('counts a decision an hour past the review-time target as over it, as the queue flags it', async () => {
    const dash = async () => (await modDaNang.client.ok(DASH_Q, PERIOD)).departmentDashboard;
    const before = await dash();
    const [{ org, owner }] = await ds.query(`SELECT organization_id AS org, created_by AS owner FROM listing WHERE province_code = 'da-nang' LIMIT 1`);
    const id = randomUUID();
    await ds.query(
      `INSERT INTO listing (id, kind, slug, status, organization_id, created_by, title, summary, description, field_codes, province_code)
       VALUES ($1, 'OFFER', $2, 'REJECTED', $3, $4, 'Tin bị từ chối', 'Tóm tắt', 'Mô tả', '{202}', 'da-nang')`,
      [id, uniq('tin-'), org, owner],
    );
    const step = (action: string, at: Date, actor: string | null) =>
      ds.query(`INSERT INTO listing_event (listing_id, actor_id, action, to_status, at) VALUES ($1, $2, $3, 'REJECTED', $4)`, [id, actor, action, at]);
    await step('SUBMIT', day('2026-02-02', 9), null);
    await step('REJECT', day('2026-02-05', 10), modDaNang.id); // 3 days and 1 hour: the target is 3 days
    await t.app.get(StatsRollupJob).runOnce();
    const after = await dash();
    expect(after.decisions).toBe(before.decisions + 1);
    expect(after.decisionsWithinTarget).toBe(before.decisionsWithinTarget);
  });
});
