import { DataSource } from 'typeorm';
import { isolatedDatabase } from './support/database.js';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';
import { OpenDataController } from '../src/modules/open-data/open-data.controller.js';

const CREATE = `mutation($input: ListingInput!) { createListing(input: $input) { id slug } }`;
const SUBMIT = `mutation($id: ID!) { submitListing(id: $id) { id } }`;
const MODERATE = `mutation($id: ID!, $d: ModerationDecision!) { moderateListing(id: $id, decision: $d) { id status } }`;

let db: { url: string; drop: () => Promise<void> };
let t: TestApp;
let base: Client;
let owner: { client: Client };
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
    expect(ids).toEqual(expect.arrayContaining(['listings-published', 'deals-approved', 'listings-by-field', 'listings-by-province', 'listings']));
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
