import { DataSource } from 'typeorm';
import { isolatedDatabase } from './support/database.js';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';
import { OpenDataController } from '../src/modules/open-data/open-data.controller.js';
import { StatsRollupJob } from '../src/modules/stats/figures.service.js';

const CREATE = `mutation($input: ListingInput!) { createListing(input: $input) { id slug } }`;
const SUBMIT = `mutation($id: ID!) { submitListing(id: $id) { id } }`;
const MODERATE = `mutation($id: ID!, $d: ModerationDecision!) { moderateListing(id: $id, decision: $d) { id status } }`;

let db: { url: string; drop: () => Promise<void> };
let t: TestApp;
let base: Client;
let owner: { client: Client; id: string };
let mod: Client;
let orgId: string;

beforeAll(async () => {
  // The figures are global: a database of its own.
  db = await isolatedDatabase('opendata');
  t = await startTestApp({ DATABASE_URL: db.url, MEILI_INDEX_PREFIX: `${process.env.MEILI_INDEX_PREFIX ?? 'test'}_opendata` });
  base = new Client(t.url);
  owner = await registerUser(base);
  orgId = (await createOrganization(owner.client, { provinceCode: 'hue' })).id;
  mod = (await registerModerator(base, [])).client;
  // Contact details exist but are not public: they must never reach the dataset.
  await t.app.get(DataSource).query(`UPDATE organization SET contact_email = 'lienhe-bimat@example.vn', contact_phone = '0909123456' WHERE id = $1`, [orgId]);
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

async function listing(kind: 'OFFER' | 'DEMAND', end: 'DRAFT' | 'PENDING' | 'PUBLISHED', title = `Công nghệ dữ liệu mở ${uniq('')}`): Promise<{ id: string; slug: string }> {
  const created = (
    await owner.client.ok(CREATE, {
      input: {
        kind,
        organizationId: orgId,
        title,
        summary: 'Tin dùng để kiểm tra dữ liệu mở của sàn.',
        description: 'Mô tả đủ dài để vượt qua kiểm tra độ dài tối thiểu của trường mô tả.',
        fieldCodes: ['407'],
        keywords: ['dữ liệu mở'],
        transferModes: ['CONSULTING'],
        provinceCode: 'hue',
      },
    })
  ).createListing as { id: string; slug: string };
  if (end === 'DRAFT') return created;
  await owner.client.ok(SUBMIT, { id: created.id });
  if (end === 'PENDING') return created;
  await mod.ok(MODERATE, { id: created.id, d: 'APPROVE' });
  return created;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, checked by the assertions
type Json = any;
const json = async (path: string, headers: Record<string, string> = {}): Promise<Json> => (await get(path, headers)).json();
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers });

function thisMonth(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
}

/** RFC 4180 lines (no quoted line breaks in these fixtures). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.filter((c) => c !== '').map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

describe('open data', () => {
  it('publishes a catalogue with a licence and a bilingual data dictionary', async () => {
    const res = await get('/open-data/catalog.json');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.licence).toMatchObject({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    const ids = body.datasets.map((d: { id: string }) => d.id);
    expect(ids).toEqual([
      'listings-published',
      'deals-approved',
      'listings-by-field',
      'listings-by-province',
      'demands-posted',
      'interests-per-month',
      'deals-by-stage',
      'listings-by-organization-kind',
      'listings-by-trl',
      'key-figures',
      'listings',
    ]);
    expect(body.periods.en).toMatch(/quarter=YYYY-Qn.*from=YYYY-MM&to=YYYY-MM/);
    for (const d of body.datasets) {
      expect(d.distributions.csv).toMatch(/^\/open-data\/.+\.csv$/);
      for (const c of d.columns) {
        expect(c.description.vi).toBeTruthy();
        expect(c.description.en).toBeTruthy();
      }
    }
    expect((await get('/open-data')).status).toBe(200);
  });

  it('gives every month of the period, zeros included, against hand-counted listings', async () => {
    await listing('OFFER', 'PUBLISHED');
    await listing('OFFER', 'PUBLISHED');
    await listing('DEMAND', 'PUBLISHED');
    await listing('OFFER', 'DRAFT');
    await listing('OFFER', 'PENDING');
    const month = thisMonth();
    const year = month.slice(0, 4);

    const one = await json(`/open-data/figures/listings-published.json?period=${month}`);
    expect(one.period).toEqual({ asked: month, from: month, to: month });
    expect(one.rows).toEqual([{ month, offers: 2, demands: 1 }]);
    expect(one.licence.name).toBe('CC BY 4.0');

    const whole = await json(`/open-data/figures/listings-published.json?year=${year}`);
    expect(whole.rows).toHaveLength(12);
    expect(whole.rows.map((r: { month: string }) => r.month)).toEqual(Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`));
    for (const r of whole.rows) expect(r).toEqual(r.month === month ? { month, offers: 2, demands: 1 } : { month: r.month, offers: 0, demands: 0 });

    const earlier = await (await get(`/open-data/figures/deals-approved.csv?year=2020`)).text();
    const rows = csvRows(earlier);
    expect(rows[0]).toEqual(['month', 'deals', 'value_vnd']);
    expect(rows).toHaveLength(13);
    expect(rows[1]).toEqual(['2020-01', '0', '0']);

    const byProvince = await json('/open-data/figures/listings-by-province.json');
    expect(byProvince.rows).toEqual([{ province_code: 'hue', province_name_vi: expect.any(String), province_name_en: expect.any(String), listings: 3 }]);
    // By field: the top-level field with its total, then its sub-fields (never ranked among them).
    const byField = await json('/open-data/figures/listings-by-field.json');
    expect(byField.rows.map((r: Json) => [r.field_code, r.listings, r.top_field_code])).toEqual([
      ['4', 3, '4'],
      ['407', 3, '4'],
    ]);
  });

  it('answers 304 while nothing changed, and a new ETag once a listing is published', async () => {
    await t.settle(); // what publishing sets off (indexing) is done: nothing changes from here
    const path = `/open-data/figures/listings-published.csv?period=${thisMonth()}`;
    const first = await get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    const modified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"/);
    expect(new Date(modified).getTime()).not.toBeNaN();
    expect(first.headers.get('link')).toContain('rel="license"');
    await first.text();

    const again = await get(path, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get(path, { 'if-modified-since': modified })).status).toBe(304);
    // fetch() sends `Cache-Control: no-cache` with these; curl and harvesters do not: both get 304.
    expect((await get(path, { 'if-none-match': `W/${etag}, "other"`, 'cache-control': 'no-cache' })).status).toBe(304);

    const listEtag = (await get('/open-data/listings.json')).headers.get('etag')!;
    expect((await get('/open-data/listings.json', { 'if-none-match': listEtag })).status).toBe(304);

    // A draft changes nothing the public sees... but publishing does.
    await listing('DEMAND', 'PUBLISHED');
    const after = await get(path, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(csvRows(await after.text())[1]).toEqual([thisMonth(), '2', '2']);
    expect((await get('/open-data/listings.json', { 'if-none-match': listEtag })).status).toBe(200);
  });

  it('neutralises formula-like cells in the CSV', async () => {
    const evil = await listing('OFFER', 'PUBLISHED', `=HYPERLINK("http://evil.example","Bấm vào") ${uniq('')}`);
    const text = await (await get('/open-data/listings.csv?limit=5000')).text();
    const rows = csvRows(text);
    const header = rows[0];
    const row = rows.find((r) => r[header.indexOf('id')] === evil.id)!;
    expect(row[header.indexOf('title')]).toMatch(/^'=HYPERLINK/);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('pages the public listings by cursor, with Link headers, public fields only', async () => {
    (t.app.get(OpenDataController) as OpenDataController).batchSize = 2; // exercise the streamed batches
    const seen: string[] = [];
    let url: string | null = '/open-data/listings.json?limit=3';
    let pages = 0;
    while (url) {
      const res = await get(url);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Json;
      const link = res.headers.get('link') ?? '';
      expect(link).toContain('rel="first"');
      if (body.next) expect(link).toContain(`<${body.next}>; rel="next"`);
      else expect(link).not.toContain('rel="next"');
      for (const item of body.items) {
        expect(Object.keys(item).sort()).toEqual(body.columns.map((c: { name: string }) => c.name).sort());
        expect(item.url).toMatch(/\/listings\//);
        seen.push(item.id);
      }
      expect(body.items.length).toBeLessThanOrEqual(3);
      url = body.next;
      pages++;
    }
    (t.app.get(OpenDataController) as OpenDataController).batchSize = 500;
    // 3 offers/demands + 1 demand + 1 formula title, all published; no draft, no pending.
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(pages).toBe(2);
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM listing WHERE status = 'PUBLISHED'`);
    expect(n).toBe(5);

    const csv = await (await get('/open-data/listings.csv')).text();
    expect(csv).not.toContain('lienhe-bimat@example.vn');
    expect(csv).not.toContain('0909123456');
    expect(csv).not.toMatch(/description|moderation|contact/i);
  });

  it('names the field of a bad request, in the asked language', async () => {
    const res = await get('/open-data/figures/listings-published.json?period=2026-13', { 'accept-language': 'en' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.fields.period).toMatch(/YYYY-MM/);
    const vi = await json('/open-data/listings.json?limit=0&cursor=xyz', { 'accept-language': 'vi' });
    expect(Object.keys(vi.fields).sort()).toEqual(['cursor', 'limit']);
    expect((await get('/open-data/figures/nothing.csv')).status).toBe(404);
    expect((await json('/open-data/figures/deals-approved.csv?year=0000')).fields.year).toBeTruthy();
    expect((await json('/open-data/figures/deals-approved.csv?year=2026&period=2026-01')).fields.year).toBeTruthy();
  });
});

/**
 * The market page's figures as feeds, from the rollup, against a fixture written straight into the
 * tables in 2025 (every timestamp known; archived, so the "public now" datasets above are untouched).
 * Q1 2025: A (offer, TRL 6) published 10 January after 2 days in review, B (demand, no TRL)
 * 5 March after 4 days, C (demand, TRL 4) 20 March after 1 day. Interests: I1 on A 13 January
 * (3 days after publication; its deal D1, proposed 1 February, approved 2 March, 1 billion),
 * I2 on A 14 March (declined), I3 on C 21 March (1 day; its deal D2, proposed 22 March, under
 * review, 500 million). December 2024 and April 2025 are empty.
 */
describe('open data: the market figures from the rollup', () => {
  const day = (d: string) => new Date(`${d}T12:00:00+07:00`);
  let ds: DataSource;

  beforeAll(async () => {
    ds = t.app.get(DataSource);
    const buyer = await registerUser(base);
    const buyerOrg = (await createOrganization(buyer.client, { provinceCode: 'hue', kind: 'UNIVERSITY' })).id;
    const listing = async (kind: string, trl: number | null, submitted: string, published: string) => {
      const [{ id }] = await ds.query(
        `INSERT INTO listing (kind, slug, status, organization_id, created_by, title, summary, description, field_codes, trl, province_code, submitted_at, published_at)
         VALUES ($1, $2, 'ARCHIVED', $3, $4, $5, 'Tóm tắt', 'Mô tả', '{407}', $6, 'hue', $7, $8) RETURNING id`,
        [kind, uniq('tin-2025-'), orgId, owner.id, `Tin năm 2025 ${uniq('')}`, trl, day(submitted), day(published)],
      );
      for (const [action, at] of [['SUBMIT', submitted], ['APPROVE', published]]) {
        await ds.query(`INSERT INTO listing_event (listing_id, action, to_status, at) VALUES ($1, $2, 'PUBLISHED', $3)`, [id, action, day(at)]);
      }
      return id as string;
    };
    const interest = async (listingId: string, at: string, status = 'ACCEPTED') => {
      const [{ id }] = await ds.query(
        `INSERT INTO interest (listing_id, organization_id, listing_organization_id, status, created_by, created_at, last_message_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
        [listingId, buyerOrg, orgId, status, buyer.id, day(at)],
      );
      return id as string;
    };
    const deal = (interestId: string, listingId: string, value: number, status: string, created: string, approved: string | null) =>
      ds.query(
        `INSERT INTO deal (interest_id, listing_id, supplier_organization_id, buyer_organization_id, province_code, value, transfer_mode, terms, status, proposed_by, proposer_organization_id, approved_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'hue', $5, 'LICENSING', 'Điều khoản', $6, $7, $4, $8, $9, $9)`,
        [interestId, listingId, orgId, buyerOrg, value, status, buyer.id, approved ? day(approved) : null, day(created)],
      );
    const a = await listing('OFFER', 6, '2025-01-08', '2025-01-10');
    await listing('DEMAND', null, '2025-03-01', '2025-03-05');
    const c = await listing('DEMAND', 4, '2025-03-19', '2025-03-20');
    const i1 = await interest(a, '2025-01-13');
    await interest(a, '2025-03-14', 'DECLINED');
    const i3 = await interest(c, '2025-03-21');
    await deal(i1, a, 1_000_000_000, 'APPROVED', '2025-02-01', '2025-03-02');
    await deal(i3, c, 500_000_000, 'UNDER_REVIEW', '2025-03-22', null);
    await t.app.get(StatsRollupJob).runOnce();
  });

  it('answers a quarter: every month, the stages, the breakdowns and the key figures', async () => {
    const q = '?quarter=2025-Q1';
    const demands = await json(`/open-data/figures/demands-posted.json${q}`);
    expect(demands.period).toEqual({ asked: '2025-Q1', from: '2025-01', to: '2025-03' });
    expect(demands.rows).toEqual([
      { month: '2025-01', demands: 0 },
      { month: '2025-02', demands: 0 },
      { month: '2025-03', demands: 2 },
    ]);
    expect((await json(`/open-data/figures/interests-per-month.json${q}`)).rows).toEqual([
      { month: '2025-01', interests: 1 },
      { month: '2025-02', interests: 0 },
      { month: '2025-03', interests: 2 },
    ]);
    expect((await json(`/open-data/figures/deals-by-stage.json${q}`)).rows).toEqual([
      { stage: 'UNDER_REVIEW', stage_name_vi: 'Đang thẩm định', stage_name_en: expect.any(String), deals: 1, value_vnd: 500_000_000 },
      { stage: 'APPROVED', stage_name_vi: expect.any(String), stage_name_en: expect.any(String), deals: 1, value_vnd: 1_000_000_000 },
    ]);
    expect((await json(`/open-data/figures/listings-by-organization-kind.json${q}`)).rows).toEqual([
      { organization_kind: 'ENTERPRISE', organization_kind_name_vi: 'Doanh nghiệp', organization_kind_name_en: 'Enterprise', listings: 3 },
    ]);
    expect((await json(`/open-data/figures/listings-by-trl.json${q}`)).rows).toEqual([
      { trl: 4, listings: 1 },
      { trl: 6, listings: 1 },
      { trl: null, listings: 1 },
    ]);
    expect((await json(`/open-data/figures/key-figures.json${q}`)).rows).toEqual([
      {
        from: '2025-01',
        to: '2025-03',
        listings_with_interest: 2, // A after 3 days, C after 1
        median_days_to_first_interest: 2,
        moderation_decisions: 3, // 2, 4 and 1 days
        median_days_in_moderation: 2,
        interests: 3,
        interests_converted: 1,
        interest_to_deal_rate: 1 / 3,
      },
    ]);
    const csv = csvRows(await (await get(`/open-data/figures/key-figures.csv${q}`)).text());
    expect(csv).toEqual([
      ['from', 'to', 'listings_with_interest', 'median_days_to_first_interest', 'moderation_decisions', 'median_days_in_moderation', 'interests', 'interests_converted', 'interest_to_deal_rate'],
      ['2025-01', '2025-03', '2', '2', '3', '2', '3', '1', String(1 / 3)],
    ]);
    expect(csvRows(await (await get(`/open-data/figures/listings-by-trl.csv${q}`)).text())).toEqual([['trl', 'listings'], ['4', '1'], ['6', '1'], ['', '1']]);
  });

  it('answers a custom range of months, and an empty month as zeros and blanks', async () => {
    const r = '?from=2025-02&to=2025-04';
    const demands = await json(`/open-data/figures/demands-posted.json${r}`);
    expect(demands.period).toEqual({ asked: '2025-02_2025-04', from: '2025-02', to: '2025-04' });
    expect(demands.rows.map((x: { demands: number }) => x.demands)).toEqual([0, 2, 0]);
    expect((await json(`/open-data/figures/key-figures.json${r}`)).rows).toEqual([
      {
        from: '2025-02',
        to: '2025-04',
        listings_with_interest: 1, // C (B had none; A was published in January)
        median_days_to_first_interest: 1,
        moderation_decisions: 2, // B 4 days, C 1 day
        median_days_in_moderation: 2.5,
        interests: 2, // I2, I3
        interests_converted: 0,
        interest_to_deal_rate: 0,
      },
    ]);
    expect((await get(`/open-data/figures/deals-by-stage.csv${r}`)).headers.get('content-disposition')).toContain('techport-deals-by-stage-2025-02_2025-04.csv');

    const empty = '?period=2024-12';
    expect((await json(`/open-data/figures/demands-posted.json${empty}`)).rows).toEqual([{ month: '2024-12', demands: 0 }]);
    expect((await json(`/open-data/figures/interests-per-month.json${empty}`)).rows).toEqual([{ month: '2024-12', interests: 0 }]);
    expect((await json(`/open-data/figures/deals-by-stage.json${empty}`)).rows).toEqual([]);
    expect((await json(`/open-data/figures/listings-by-trl.json${empty}`)).rows).toEqual([]);
    expect((await json(`/open-data/figures/key-figures.json${empty}`)).rows).toEqual([
      {
        from: '2024-12',
        to: '2024-12',
        listings_with_interest: 0,
        median_days_to_first_interest: null,
        moderation_decisions: 0,
        median_days_in_moderation: null,
        interests: 0,
        interests_converted: 0,
        interest_to_deal_rate: null,
      },
    ]);
    // No median and no rate: empty cells (the last one too).
    expect((await (await get(`/open-data/figures/key-figures.csv${empty}`)).text()).split('\r\n')[1]).toBe('2024-12,2024-12,0,,0,,0,0,');
    // The tables' figures take the new periods too.
    expect((await json(`/open-data/figures/listings-published.json?quarter=2025-Q1`)).rows).toEqual([
      { month: '2025-01', offers: 1, demands: 0 },
      { month: '2025-02', offers: 0, demands: 0 },
      { month: '2025-03', offers: 0, demands: 2 },
    ]);
  });

  it('keeps its ETag through a refresh that changed nothing, and changes it when the rollup does', async () => {
    const path = '/open-data/figures/interests-per-month.csv?quarter=2025-Q1';
    const first = await get(path);
    const etag = first.headers.get('etag')!;
    const modified = first.headers.get('last-modified')!;
    expect(new Date(modified).getTime()).not.toBeNaN();
    await first.text();
    await t.app.get(StatsRollupJob).runOnce();
    expect((await get(path, { 'if-none-match': etag })).status).toBe(304);
    expect((await get(path, { 'if-modified-since': modified })).status).toBe(304);

    // A new interest in February 2025: the tables run ahead, the file changes with the rollup.
    const [{ id, org }] = await ds.query(`SELECT id, organization_id AS org FROM listing WHERE published_at < '2025-02-01' AND published_at >= '2025-01-01'`);
    const [{ buyerOrg, buyerUser }] = await ds.query(`SELECT organization_id AS "buyerOrg", created_by AS "buyerUser" FROM interest WHERE listing_id = $1 LIMIT 1`, [id]);
    await ds.query(`INSERT INTO interest (listing_id, organization_id, listing_organization_id, status, created_by, created_at) VALUES ($1, $2, $3, 'DECLINED', $4, $5)`, [id, buyerOrg, org, buyerUser, day('2025-02-20')]);
    await t.app.get(StatsRollupJob).runOnce();
    const after = await get(path, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(csvRows(await after.text())[2]).toEqual(['2025-02', '1']);
  });

  it('names the parameter of a bad period', async () => {
    const fields = async (query: string) => {
      const res = await get(`/open-data/figures/key-figures.json?${query}`, { 'accept-language': 'en' });
      expect(res.status).toBe(400);
      const body = (await res.json()) as Json;
      expect(body.code).toBe('BAD_USER_INPUT');
      return body.fields;
    };
    expect(Object.keys(await fields('quarter=2025-Q5'))).toEqual(['quarter']);
    expect((await fields('quarter=2025-Q5')).quarter).toMatch(/YYYY-Qn/);
    expect(await fields('from=2025-03&to=2025-01')).toEqual({ to: 'The last month cannot come before the first.' });
    expect(Object.keys(await fields('from=2025-01'))).toEqual(['to']);
    expect(Object.keys(await fields('to=2025-01'))).toEqual(['from']);
    expect(Object.keys(await fields('from=2025-1&to=2025-03'))).toEqual(['from']);
    expect(Object.keys(await fields('from=2000-01&to=2026-01'))).toEqual(['to']);
    expect(Object.keys(await fields('year=2025&quarter=2025-Q1'))).toEqual(['quarter']);
    expect(Object.keys(await fields('quarter=2025-Q1&from=2025-01&to=2025-02'))).toEqual(['from']);
  });

  it('refuses a period not yet begun and ends one running past this month with it, like the market page', async () => {
    // Months to come have no figures: a row of zeros for them would say nothing happened.
    const current = thisMonth();
    const [y, m] = current.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const later = `${y + 1}-${String(m).padStart(2, '0')}`;
    for (const [query, field] of [
      [`period=${next}`, 'period'],
      [`year=${y + 1}`, 'year'],
      [`quarter=${y + 1}-Q1`, 'quarter'],
      [`from=${next}&to=${later}`, 'from'],
    ]) {
      for (const figure of ['listings-published', 'demands-posted']) {
        const res = await get(`/open-data/figures/${figure}.json?${query}`, { 'accept-language': 'en' });
        expect(res.status).toBe(400);
        expect(((await res.json()) as Json).fields).toEqual({ [field]: 'This period has not started yet: there are no figures for it.' });
      }
    }
    const vi = (await json(`/open-data/figures/deals-approved.csv?from=${next}&to=${later}`, { 'accept-language': 'vi' })).fields;
    expect(vi).toEqual({ from: 'Kỳ này chưa bắt đầu: chưa có số liệu.' });

    // A year begun: its months up to this one, no more.
    for (const figure of ['listings-published', 'interests-per-month']) {
      const body = await json(`/open-data/figures/${figure}.json?from=${current}&to=${later}`);
      expect(body.period).toEqual({ asked: `${current}_${later}`, from: current, to: current });
      expect(body.rows.map((r: { month: string }) => r.month)).toEqual([current]);
    }
    const csv = csvRows(await (await get(`/open-data/figures/deals-approved.csv?year=${y}`)).text());
    expect(csv.slice(1).map((r) => r[0]).at(-1)).toBe(current);
  });
});
