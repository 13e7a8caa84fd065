import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, addMember, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';
import { EXPRESS } from './support/listings.js';
import { UnifiedLineBreaks1796426000000 } from '../../../migrations/1796426000000-UnifiedLineBreaks.js';

const LISTING = `id kind slug title summary description status version keywords trl transferModes ipStatus
  price { min max currency negotiable } specification advantages mediaUrls language expired expiresAt publishedAt
  organization { id name } fields { code name } province { code name } moderationNote rejectionReason
  qualityScore qualityHints { code label penalty } hasPendingRevision history { action fromStatus toStatus actor { id } }`;
const CREATE = `mutation($input: ListingInput!) { createListing(input: $input) { ${LISTING} } }`;
const UPDATE = `mutation($id: ID!, $input: ListingUpdateInput!) { updateListing(id: $id, input: $input) { ${LISTING} } }`;
const SUBMIT = `mutation($id: ID!) { submitListing(id: $id) { ${LISTING} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveListing(id: $id) { id status version } }`;
const RENEW = `mutation($id: ID!) { renewListing(id: $id) { id status version expiresAt } }`;
const MODERATE = `mutation($id: ID!, $d: ModerationDecision!, $note: String, $reason: RejectionReason) {
  moderateListing(id: $id, decision: $d, note: $note, reason: $reason) { id status version } }`;
const GET = `query($id: ID, $slug: String) { listing(id: $id, slug: $slug) { ${LISTING} } }`;

let t: TestApp;
let base: Client;
let national: Client;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
  national = (await registerModerator(base, [])).client;
});
afterAll(() => t.close());

const LONG_DESCRIPTION =
  'Hệ thống sấy lạnh dùng bơm nhiệt hai cấp, tách ẩm bằng dàn lạnh và hồi nhiệt cho dàn nóng, ' +
  'giữ nhiệt độ sấy 35–45 °C nên nông sản giữ được màu, mùi và vitamin. Đã lắp đặt tại 12 cơ sở ' +
  'chế biến xoài, thanh long và sầu riêng ở Đồng bằng sông Cửu Long; tiết kiệm 40–60% điện năng so ' +
  'với sấy điện trở. Chuyển giao trọn gói gồm thiết kế, chế tạo, lắp đặt, đào tạo vận hành và bảo trì.';

/** A complete offer (every quality check passes). */
function offer(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'OFFER',
    organizationId,
    title: `Công nghệ sấy lạnh nông sản bằng bơm nhiệt ${uniq('')}`,
    summary: 'Máy sấy lạnh bơm nhiệt cho trái cây và dược liệu, giữ màu và dưỡng chất, tiết kiệm điện.',
    description: LONG_DESCRIPTION,
    specification: 'Công suất 500 kg/mẻ; nhiệt độ 35–45 °C; điện năng 18 kW; độ ẩm sản phẩm cuối 12%.',
    advantages: 'Tiết kiệm 40–60% điện năng, sản phẩm giữ màu tự nhiên.',
    // A link typed without its scheme is read as https, as the organisation's website is.
    mediaUrls: ['https://example.vn/anh/may-say.jpg', 'www.youtube.com/watch?v=dQw4w9WgXcQ'],
    fieldCodes: ['407', '211'],
    keywords: ['sấy lạnh', 'bơm nhiệt', 'sau thu hoạch'],
    trl: 7,
    transferModes: ['TURNKEY', 'LICENSING'],
    ipStatus: 'UTILITY_SOLUTION',
    priceMin: 350_000_000,
    priceMax: 900_000_000,
    provinceCode: 'can-tho',
    ...overrides,
  };
}

async function owner(provinceCode = 'can-tho') {
  const user = await registerUser(base, 'Chủ tin');
  const org = await createOrganization(user.client, { provinceCode });
  return { ...user, org };
}

async function create(client: Client, organizationId: string, overrides: Record<string, unknown> = {}) {
  return (await client.ok(CREATE, { input: offer(organizationId, overrides) })).createListing;
}

async function publish(client: Client, id: string) {
  await client.ok(SUBMIT, { id });
  await national.ok(MODERATE, { id, d: 'APPROVE' });
  return (await client.ok(GET, { id })).listing;
}

async function row(id: string): Promise<{ status: string; version: number; title: string }> {
  const [r] = await t.app.get(DataSource).query(`SELECT status, version, title FROM listing WHERE id = $1`, [id]);
  return r;
}

describe('creating listings', () => {
  it('creates a draft with every field, a diacritic-free slug and exact prices in the billions', async () => {
    const o = await owner();
    const suffix = uniq('').toLowerCase();
    const l = await create(o.client, o.org.id, {
      title: `Quy trình xử lý nước thải chế biến thủy sản ${suffix}`,
      priceMin: 12_345_678_901,
      priceMax: 98_765_432_109_876,
      currency: 'VND',
      negotiable: false,
    });
    expect(l.slug).toBe(`quy-trinh-xu-ly-nuoc-thai-che-bien-thuy-san-${suffix}`);
    expect(l.status).toBe('DRAFT');
    expect(l.version).toBe(1);
    expect(l.price).toEqual({ min: 12345678901, max: 98765432109876, currency: 'VND', negotiable: false });
    expect(l.organization.id).toBe(o.org.id);
    expect(l.fields.map((f: { code: string }) => f.code)).toEqual(['407', '211']);
    expect(l.fields[0].name).toBe('Cơ giới hóa và sau thu hoạch');
    expect(l.province).toEqual({ code: 'can-tho', name: 'Cần Thơ' });
    expect(l.language).toBe('vi');
    expect(l.expired).toBe(false);
    expect(l.publishedAt).toBeNull();
    expect(l.mediaUrls).toEqual(['https://example.vn/anh/may-say.jpg', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']);
    expect(l.history).toEqual([{ action: 'CREATE', fromStatus: null, toStatus: 'DRAFT', actor: { id: o.id } }]);

    // Stored as bigint: the database holds the exact value too.
    const [stored] = await t.app.get(DataSource).query(`SELECT price_min::text AS min, price_max::text AS max FROM listing WHERE id = $1`, [l.id]);
    expect(stored).toEqual({ min: '12345678901', max: '98765432109876' });
    const reread = (await o.client.ok(GET, { slug: l.slug })).listing;
    expect(reread.price.min).toBe(12345678901);
  });

  it('detects English text and de-duplicates keywords and codes', async () => {
    const o = await owner();
    const l = await create(o.client, o.org.id, {
      title: `Solar-powered cold storage for smallholder farms ${uniq('')}`,
      summary: 'A container cold room running on solar panels and a thermal battery.',
      description: 'Keeps 3 tonnes of produce at 4 °C without grid power for up to 5 days of cloud, with remote monitoring.',
      keywords: ['cold chain', 'Cold Chain', 'solar'],
      fieldCodes: ['407', '407'],
      transferModes: ['LICENSING', 'LICENSING'],
    });
    expect(l.language).toBe('en');
    expect(l.keywords).toEqual(['cold chain', 'solar']);
    expect(l.fields.map((f: { code: string }) => f.code)).toEqual(['407']);
    expect(l.transferModes).toEqual(['LICENSING']);
    // Edited into Vietnamese typed without marks, it is read again: Vietnamese
    const edited = await o.client.ok(`mutation($id: ID!, $i: ListingUpdateInput!) { updateListing(id: $id, input: $i) { language } }`, {
      id: l.id,
      i: { version: 1, title: 'Kho lanh chay bang nang luong mat troi cho nong ho', summary: 'Kho lanh dang container chay bang pin mat troi va pin luu nhiet.', description: 'Giu 3 tan nong san o 4 do C khong can dien luoi trong 5 ngay nhieu may, co giam sat tu xa.' },
    });
    expect(edited.updateListing.language).toBe('vi');
  });

  it('keeps slugs unique when titles repeat', async () => {
    const o = await owner();
    const title = `Chế phẩm vi sinh xử lý rơm rạ ${uniq('')}`;
    const a = await create(o.client, o.org.id, { title });
    const b = await create(o.client, o.org.id, { title });
    expect(b.slug).toBe(`${a.slug}-2`);
  });

  it('rejects bad input naming every field, in English and in Vietnamese', async () => {
    const o = await owner();
    const bad = offer(o.org.id, {
      title: 'Ngắn',
      summary: 'x'.repeat(501),
      description: 'quá ngắn',
      fieldCodes: ['999'],
      keywords: Array.from({ length: 21 }, (_, i) => `từ khóa ${i}`),
      trl: 10,
      priceMin: -5,
      priceMax: 1.5,
      currency: 'BTC',
      provinceCode: 'long-an',
      mediaUrls: ['ftp://example.vn/file'],
      language: 'fr',
    });
    const en = await o.client.inLang('en').error(CREATE, { input: bad });
    expect(en.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(en.fields ?? {}).sort()).toEqual(
      [
        'input.title',
        'input.summary',
        'input.description',
        'input.fieldCodes',
        'input.keywords',
        'input.trl',
        'input.priceMin',
        'input.priceMax',
        'input.currency',
        'input.provinceCode',
        'input.mediaUrls',
        'input.language',
      ].sort(),
    );
    expect(en.fields?.['input.title']).toBe('Must be between 10 and 200 characters long.');
    expect(en.fields?.['input.trl']).toBe('Must be between 1 and 9.');
    expect(en.fields?.['input.priceMin']).toBe('The amount must not be negative.');
    expect(en.fields?.['input.priceMax']).toBe('The amount must be a whole number.');
    expect(en.fields?.['input.fieldCodes']).toMatch(/Unknown code: 999/);
    expect(en.fields?.['input.keywords']).toBe('At most 20 items.');

    const vi = await o.client.error(CREATE, { input: bad });
    expect(vi.fields?.['input.title']).toBe('Phải dài từ 10 đến 200 ký tự.');
    expect(vi.fields?.['input.priceMin']).toBe('Số tiền không được âm.');
    expect(vi.fields?.['input.provinceCode']).toMatch(/Mã không hợp lệ: long-an/);

    // Blank text counts as missing, not as ten spaces.
    const blank = await o.client.inLang('en').error(CREATE, { input: offer(o.org.id, { title: ' '.repeat(12) }) });
    expect(Object.keys(blank.fields ?? {})).toEqual(['input.title']);

    // min ≤ max is checked across the two fields.
    const order = await o.client.inLang('en').error(CREATE, { input: offer(o.org.id, { priceMin: 2_000_000_000, priceMax: 1_000_000_000 }) });
    expect(order.code).toBe('BAD_USER_INPUT');
    expect(order.fields).toEqual({ 'input.priceMax': 'The “to” price must not be below the “from” price.' });
    const mine = await o.client.ok(`{ myListings { totalItems } }`);
    expect(mine.myListings.totalItems).toBe(0);
  });

  it('lets only members create, and only for an existing organisation', async () => {
    const o = await owner();
    const stranger = await registerUser(base);
    expect((await base.error(CREATE, { input: offer(o.org.id) })).code).toBe('UNAUTHENTICATED');
    expect((await stranger.client.error(CREATE, { input: offer(o.org.id) })).code).toBe('FORBIDDEN');
    expect((await stranger.client.error(CREATE, { input: offer('00000000-0000-4000-8000-000000000000') })).code).toBe('NOT_FOUND');
    expect((await stranger.client.error(CREATE, { input: offer('nope') })).code).toBe('BAD_USER_INPUT'); // not an id at all: a bad field, named
    expect((await o.client.ok(`query($id: ID) { organization(id: $id) { listings { totalItems } } }`, { id: o.org.id })).organization.listings.totalItems).toBe(0);
  });
});

describe('editing', () => {
  it('uses optimistic locking: a stale version gets CONFLICT and changes nothing', async () => {
    const o = await owner();
    const l = await create(o.client, o.org.id);
    const v2 = (await o.client.ok(UPDATE, { id: l.id, input: { version: 1, summary: 'Tóm tắt đã sửa lần thứ nhất cho máy sấy lạnh bơm nhiệt.' } })).updateListing;
    expect(v2.version).toBe(2);
    expect(v2.history.map((e: { action: string }) => e.action)).toEqual(['CREATE', 'UPDATE']);
    const stale = await o.client.inLang('en').error(UPDATE, { id: l.id, input: { version: 1, title: 'Một tiêu đề khác hoàn toàn' } });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/version 2, you sent 1/);
    expect(await row(l.id)).toEqual({ status: 'DRAFT', version: 2, title: l.title });
  });

  it('follows the title with the slug until publication, then keeps it', async () => {
    const o = await owner();
    const l = await create(o.client, o.org.id);
    const suffix = uniq('').toLowerCase();
    const renamed = (await o.client.ok(UPDATE, { id: l.id, input: { version: 1, title: `Máy sấy thăng hoa dược liệu ${suffix}` } })).updateListing;
    expect(renamed.slug).toBe(`may-say-thang-hoa-duoc-lieu-${suffix}`);
    const published = await publish(o.client, l.id);
    expect(published.slug).toBe(renamed.slug);
    const revised = (await o.client.ok(UPDATE, { id: l.id, input: { version: published.version, title: `Tên mới sau khi đăng ${suffix}` } })).updateListing;
    expect(revised.slug).toBe(renamed.slug);
    await o.client.ok(SUBMIT, { id: l.id });
    await national.ok(MODERATE, { id: l.id, d: 'APPROVE' });
    const after = (await base.ok(GET, { slug: renamed.slug })).listing;
    expect(after.title).toBe(`Tên mới sau khi đăng ${suffix}`);
    expect(after.slug).toBe(renamed.slug);
  });

  it('clears optional fields with null, refuses null for required ones, and checks min ≤ max against stored values', async () => {
    const o = await owner();
    const l = await create(o.client, o.org.id);
    const cleared = (await o.client.ok(UPDATE, { id: l.id, input: { version: 1, trl: null, specification: null, priceMin: null } })).updateListing;
    expect(cleared.trl).toBeNull();
    expect(cleared.specification).toBeNull();
    expect(cleared.price.min).toBeNull();
    expect(cleared.price.max).toBe(900_000_000);
    const nulls = await o.client.inLang('en').error(UPDATE, { id: l.id, input: { version: 2, title: null, keywords: null } });
    expect(nulls.fields).toEqual({ 'input.title': 'Please fill in this field.', 'input.keywords': 'Please fill in this field.' });
    const order = await o.client.inLang('en').error(UPDATE, { id: l.id, input: { version: 2, priceMin: 1_000_000_000 } });
    expect(order.fields).toEqual({ 'input.priceMin': 'The “to” price must not be below the “from” price.' });
    expect((await row(l.id)).version).toBe(2);
  });

  it('stores every text with "\\n" line breaks, as a form\'s "\\r\\n" or a lone "\\r" come: a listing, its update, a message', async () => {
    const o = await owner();
    const spec = 'Công suất 500 kg/mẻ;\nnhiệt độ 35–45 °C;\n\nđiện năng 18 kW.';
    const l = await create(o.client, o.org.id, { specification: spec.replace(/\n/g, '\r\n'), advantages: 'Tiết kiệm điện;\rgiữ màu tự nhiên.' });
    expect(l).toMatchObject({ specification: spec, advantages: 'Tiết kiệm điện;\ngiữ màu tự nhiên.' });
    const published = await publish(o.client, l.id);
    // The owner changes the title in the form, which sends the untouched specification with "\r\n":
    // the revision holds it as published, so the moderator is not shown it as changed.
    await o.client.ok(UPDATE, { id: l.id, input: { version: published.version, title: `${l.title} (bản mới)`, specification: spec.replace(/\n/g, '\r\n') } });
    const [stored] = await t.app.get(DataSource).query(
      `SELECT specification, advantages, pending_revision->>'specification' AS revised FROM listing WHERE id = $1`,
      [l.id],
    );
    expect(stored).toEqual({ specification: spec, advantages: 'Tiết kiệm điện;\ngiữ màu tự nhiên.', revised: spec });
    // A bare argument too (a message's text), not only the fields of an input.
    const buyer = await owner();
    const { expressInterest } = await buyer.client.ok(EXPRESS, { l: l.id, o: buyer.org.id, m: 'Chúng tôi quan tâm.\r\nXin gửi báo giá.' });
    expect(expressInterest.messages.map((m: { body: string }) => m.body)).toEqual(['Chúng tôi quan tâm.\nXin gửi báo giá.']);
  });

  it('rewrites the "\\r\\n" stored before inputs were cleaned (migration UnifiedLineBreaks): published columns and every string of a pending revision', async () => {
    const o = await owner();
    const l = await create(o.client, o.org.id);
    const published = await publish(o.client, l.id);
    await o.client.ok(UPDATE, { id: l.id, input: { version: published.version, title: `${l.title} (bản mới)` } });
    const ds = t.app.get(DataSource);
    await ds.query(
      `UPDATE listing SET specification = E'Công suất 500 kg/mẻ;\\r\\nnhiệt độ 35–45 °C;\\rđiện năng 18 kW.',
         pending_revision = pending_revision || jsonb_build_object('specification', E'Một\\r\\nhai', 'keywords', jsonb_build_array(E'sấy\\r\\nlạnh', 'C:\\report'))
       WHERE id = $1`,
      [l.id],
    );
    const runner = ds.createQueryRunner();
    try {
      await new UnifiedLineBreaks1796426000000().up(runner);
    } finally {
      await runner.release();
    }
    const [after] = await ds.query(`SELECT specification, pending_revision AS revision FROM listing WHERE id = $1`, [l.id]);
    expect(after.specification).toBe('Công suất 500 kg/mẻ;\nnhiệt độ 35–45 °C;\nđiện năng 18 kW.');
    expect(after.revision).toMatchObject({ title: `${l.title} (bản mới)`, specification: 'Một\nhai', keywords: ['sấy\nlạnh', 'C:\\report'], trl: 7 });
    // Nothing else of the revision changed: the reviewer sees the one edit.
    expect((await o.client.ok(GET, { id: l.id })).listing.hasPendingRevision).toBe(true);
  });
});

describe('who sees and changes what', () => {
  it("keeps B's drafts from A's members, and lets nobody outside B change, submit, archive or renew them", async () => {
    const a = await owner();
    const b = await owner();
    const colleague = await registerUser(base);
    await addMember(b.client, b.org.id, colleague.email);
    const draft = await create(b.client, b.org.id);

    expect((await a.client.ok(GET, { id: draft.id })).listing).toBeNull();
    expect((await a.client.ok(GET, { slug: draft.slug })).listing).toBeNull();
    expect((await base.ok(GET, { id: draft.id })).listing).toBeNull();
    expect((await national.ok(GET, { id: draft.id })).listing).toBeNull();
    expect((await colleague.client.ok(GET, { id: draft.id })).listing.title).toBe(draft.title);

    for (const [query, vars] of [
      [UPDATE, { id: draft.id, input: { version: 1, title: 'Tiêu đề do người ngoài sửa' } }],
      [SUBMIT, { id: draft.id }],
      [ARCHIVE, { id: draft.id }],
      [RENEW, { id: draft.id }],
    ] as const) {
      expect((await a.client.error(query, vars)).code).toBe('NOT_FOUND');
    }
    expect(await row(draft.id)).toEqual({ status: 'DRAFT', version: 1, title: draft.title });
    const aList = await a.client.ok(`query($id: ID) { organization(id: $id) { listings { totalItems } } }`, { id: b.org.id });
    expect(aList.organization.listings.totalItems).toBe(0);

    // A fellow member of B may edit and submit.
    const edited = (await colleague.client.ok(UPDATE, { id: draft.id, input: { version: 1, summary: 'Tóm tắt do đồng nghiệp cùng tổ chức sửa lại.' } })).updateListing;
    expect(edited.version).toBe(2);

    // Once published, outsiders see it but still may not change it (FORBIDDEN: they can see it).
    const published = await publish(b.client, draft.id);
    expect((await a.client.error(UPDATE, { id: draft.id, input: { version: published.version, title: 'Tiêu đề do người ngoài sửa' } })).code).toBe('FORBIDDEN');
    expect((await a.client.error(ARCHIVE, { id: draft.id })).code).toBe('FORBIDDEN');
    expect((await a.client.error(SUBMIT, { id: draft.id })).code).toBe('FORBIDDEN');
    expect(await row(draft.id)).toEqual({ status: 'PUBLISHED', version: published.version, title: draft.title });
    // The public does not see review data.
    const pub = (await a.client.ok(GET, { id: draft.id })).listing;
    expect(pub.qualityScore).toBeNull();
    expect(pub.qualityHints).toEqual([]);
    expect(pub.history).toBeNull();
  });

  it('answers null for unknown ids and slugs', async () => {
    expect((await base.ok(GET, { id: '00000000-0000-4000-8000-000000000000' })).listing).toBeNull();
    expect((await base.ok(GET, { id: 'not-a-uuid' })).listing).toBeNull();
    expect((await base.ok(GET, { slug: 'khong-ton-tai-' + uniq('') })).listing).toBeNull();
    const user = await registerUser(base);
    expect((await user.client.error(SUBMIT, { id: 'not-a-uuid' })).code).toBe('NOT_FOUND');
  });

  it("lists the caller's listings across organisations, and an organisation's listings by audience", async () => {
    const o = await owner();
    const second = await createOrganization(o.client, { provinceCode: 'hue' });
    const draft = await create(o.client, o.org.id);
    const other = await create(o.client, second.id, { kind: 'DEMAND', provinceCode: 'hue', title: `Cần công nghệ bảo quản cá ngừ ${uniq('')}` });
    const live = await create(o.client, o.org.id);
    await publish(o.client, live.id);

    const all = (await o.client.ok(`{ myListings(page: {page: 1, pageSize: 10}) { totalItems page pageSize items { id status } } }`)).myListings;
    expect(all.totalItems).toBe(3);
    expect(all.items.map((i: { id: string }) => i.id).sort()).toEqual([draft.id, other.id, live.id].sort());
    const drafts = (await o.client.ok(`{ myListings(status: DRAFT) { totalItems items { id } } }`)).myListings;
    expect(drafts.items.map((i: { id: string }) => i.id).sort()).toEqual([draft.id, other.id].sort());
    const paged = (await o.client.ok(`{ myListings(page: {page: 2, pageSize: 2}) { totalItems page items { id } } }`)).myListings;
    expect(paged).toMatchObject({ totalItems: 3, page: 2 });
    expect(paged.items).toHaveLength(1);
    expect((await base.error(`{ myListings { totalItems } }`)).code).toBe('UNAUTHENTICATED');
    expect((await o.client.error(`{ myListings(page: {pageSize: 101}) { totalItems } }`)).code).toBe('BAD_USER_INPUT');

    const ORG = `query($id: ID) { organization(id: $id) { listings { totalItems items { id status } } } }`;
    expect((await base.ok(ORG, { id: o.org.id })).organization.listings).toEqual({ totalItems: 1, items: [{ id: live.id, status: 'PUBLISHED' }] });
    expect((await o.client.ok(ORG, { id: o.org.id })).organization.listings.totalItems).toBe(2);
    const tooBig = await base.error(`query($id: ID) { organization(id: $id) { listings(page: {page: 0}) { totalItems } } }`, { id: o.org.id });
    expect(tooBig.code).toBe('BAD_USER_INPUT');
  });
});

describe('workflow', () => {
  it('refuses every transition outside the workflow with CONFLICT and leaves the row untouched', async () => {
    const o = await owner();
    const l = await create(o.client, o.org.id);
    const expectConflict = async (client: Client, query: string, vars: Record<string, unknown>) => {
      const before = await row(l.id);
      const err = await client.error(query, vars);
      expect(err.code).toBe('CONFLICT');
      expect(await row(l.id)).toEqual(before);
    };

    // DRAFT: cannot be archived, renewed or moderated into anything.
    await expectConflict(o.client, ARCHIVE, { id: l.id });
    await expectConflict(o.client, RENEW, { id: l.id });

    // PENDING_REVIEW: no editing, no second submission, no archiving.
    await o.client.ok(SUBMIT, { id: l.id });
    const pending = await row(l.id);
    expect(pending.status).toBe('PENDING_REVIEW');
    await expectConflict(o.client, UPDATE, { id: l.id, input: { version: pending.version, title: 'Sửa khi đang chờ duyệt' } });
    await expectConflict(o.client, SUBMIT, { id: l.id });
    await expectConflict(o.client, ARCHIVE, { id: l.id });

    // PUBLISHED: not moderated again, not submitted without a revision, not renewed a year early.
    await national.ok(MODERATE, { id: l.id, d: 'APPROVE' });
    await expectConflict(national, MODERATE, { id: l.id, d: 'APPROVE' });
    await expectConflict(national, MODERATE, { id: l.id, d: 'REJECT', reason: 'OTHER', note: 'Từ chối tin đã đăng' });
    await expectConflict(o.client, SUBMIT, { id: l.id });
    await expectConflict(o.client, RENEW, { id: l.id });

    // ARCHIVED is final. The owner may say why (kept in the history); a why too long is refused first.
    const ARCHIVE_WHY = `mutation($id: ID!, $note: String) { archiveListing(id: $id, note: $note) { id status } }`;
    const long = await o.client.error(ARCHIVE_WHY, { id: l.id, note: 'x'.repeat(501) });
    expect(long.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(long.fields ?? {})).toEqual(['note']);
    expect((await row(l.id)).status).toBe('PUBLISHED');
    await o.client.ok(ARCHIVE_WHY, { id: l.id, note: '  Đã chuyển giao cho Công ty Cơ khí Bình Minh  ' });
    const archived = await row(l.id);
    expect(archived.status).toBe('ARCHIVED');
    await expectConflict(o.client, ARCHIVE, { id: l.id });
    await expectConflict(o.client, SUBMIT, { id: l.id });
    await expectConflict(o.client, UPDATE, { id: l.id, input: { version: archived.version, title: 'Sửa tin đã lưu trữ' } });
    await expectConflict(o.client, RENEW, { id: l.id });
    await expectConflict(national, MODERATE, { id: l.id, d: 'APPROVE' });

    // Archived listings leave the public: the page no longer answers.
    expect((await base.ok(GET, { id: l.id })).listing).toBeNull();
    const history = (await o.client.ok(GET, { id: l.id })).listing.history.map((e: { action: string; fromStatus: string; toStatus: string }) => `${e.action}:${e.fromStatus}>${e.toStatus}`);
    expect(history).toEqual(['CREATE:null>DRAFT', 'SUBMIT:DRAFT>PENDING_REVIEW', 'APPROVE:PENDING_REVIEW>PUBLISHED', 'ARCHIVE:PUBLISHED>ARCHIVED']);
    const trail = (await o.client.ok(`query($id: ID) { listing(id: $id) { history { action note } } }`, { id: l.id })).listing.history;
    expect(trail.at(-1)).toEqual({ action: 'ARCHIVE', note: 'Đã chuyển giao cho Công ty Cơ khí Bình Minh' });
  });

  it('lets only one of two concurrent submissions through', async () => {
    const o = await owner();
    const l = await create(o.client, o.org.id);
    const results = await Promise.all([o.client.request(SUBMIT, { id: l.id }), o.client.request(SUBMIT, { id: l.id })]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const events = (await o.client.ok(GET, { id: l.id })).listing.history.filter((e: { action: string }) => e.action === 'SUBMIT');
    expect(events).toHaveLength(1);
  });
});

describe('quality score', () => {
  it('scores a bare offer with hints in the request language, shown to the owner and moderators only', async () => {
    const o = await owner();
    const l = await create(o.client, o.org.id, {
      summary: 'Máy sấy lạnh cho nông sản.',
      description: 'Máy sấy lạnh bơm nhiệt cho trái cây.',
      specification: null,
      advantages: null,
      mediaUrls: [],
      keywords: [],
      trl: null,
      priceMin: null,
      priceMax: null,
      ipStatus: null,
      fieldCodes: ['4'],
    });
    expect(l.qualityScore).toBeNull();
    const submitted = (await o.client.inLang('en').ok(SUBMIT, { id: l.id })).submitListing;
    const codes = submitted.qualityHints.map((h: { code: string }) => h.code);
    expect(codes).toEqual(['NO_SPECIFICATION', 'SHORT_DESCRIPTION', 'NO_KEYWORDS', 'NO_TRL', 'NO_PRICE', 'BROAD_FIELDS_ONLY', 'SHORT_SUMMARY', 'NO_IP_STATUS', 'NO_ADVANTAGES', 'NO_MEDIA']);
    const penalties = submitted.qualityHints.reduce((s: number, h: { penalty: number }) => s + h.penalty, 0);
    expect(submitted.qualityScore).toBe(Math.max(0, 100 - penalties));
    expect(submitted.qualityScore).toBe(0);
    expect(submitted.qualityHints[0].label).toBe('Add the technical specification of the technology.');
    const vi = (await o.client.ok(GET, { id: l.id })).listing;
    expect(vi.qualityHints[0].label).toBe('Bổ sung thông số kỹ thuật của công nghệ.');
    const mod = (await national.ok(GET, { id: l.id })).listing;
    expect(mod.qualityScore).toBe(0);
    expect(mod.qualityHints).toHaveLength(10);
  });

  it('gives a complete offer 100 and a demand no offer-only hints', async () => {
    const o = await owner();
    const full = await create(o.client, o.org.id);
    expect((await o.client.ok(SUBMIT, { id: full.id })).submitListing).toMatchObject({ qualityScore: 100, qualityHints: [] });
    const demand = await create(o.client, o.org.id, { kind: 'DEMAND', specification: null, advantages: null, mediaUrls: [], ipStatus: null, keywords: ['kho lạnh'] });
    const scored = (await o.client.ok(SUBMIT, { id: demand.id })).submitListing;
    expect(scored.qualityHints.map((h: { code: string }) => h.code)).toEqual(['FEW_KEYWORDS']);
    expect(scored.qualityScore).toBe(95);
  });
});
