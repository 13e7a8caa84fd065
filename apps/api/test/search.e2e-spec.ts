import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { ListingExpiryService } from '../src/modules/listings/listing-expiry.service.js';
import { LISTING_INDEX } from '../src/modules/search/listing-index.js';
import { createOrganization, registerUser, type Client } from './support/graphql.js';
import {
  createSearchDb,
  draft,
  ids, shownIds,
  moderatorFor,
  privateMeili,
  publish,
  search,
  searchPrefix,
  startSearchApp,
  SEARCH,
  type SearchApp,
  type SearchDb,
} from './support/search.js';

// The public search, end to end: GraphQL → Meilisearch (real) → PostgreSQL (real), on a database
// and index of this spec's own, so every count below is exact.

jest.setTimeout(60_000);

let db: SearchDb;
let s: SearchApp;
let meili: Awaited<ReturnType<typeof privateMeili>>;
let moderator: () => Promise<Client>;
const L: Record<string, string> = {};
const publishOrder: string[] = [];

const anyOrder = (xs: string[]) => [...xs].sort();

beforeAll(async () => {
  meili = await privateMeili();
  db = await createSearchDb();
  s = await startSearchApp(db, searchPrefix(), { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
  moderator = moderatorFor(s.base);
  const owner = (await registerUser(s.base, 'Chủ tin đăng')).client;
  const orgA = await createOrganization(owner, { name: 'Viện Cơ điện Nông nghiệp và Sau thu hoạch', kind: 'RESEARCH_INSTITUTE', provinceCode: 'ha-noi' });
  const orgB = await createOrganization(owner, { name: 'Công ty TNHH Thủy lợi Xanh', kind: 'ENTERPRISE', provinceCode: 'tay-ninh' });
  const orgC = await createOrganization(owner, { name: 'Trường Đại học Kỹ thuật Miền Tây', kind: 'UNIVERSITY', provinceCode: 'can-tho' });
  const orgD = await createOrganization(owner, { name: 'Seafood Tech JSC', kind: 'ENTERPRISE', provinceCode: 'da-nang' });
  const m = await moderator();
  const add = async (key: string, spec: Parameters<typeof publish>[2]) => {
    L[key] = await publish(owner, m, spec);
    publishOrder.push(key);
  };
  await add('dryer', {
    organizationId: orgA.id,
    title: 'Máy sấy lạnh nông sản bằng bơm nhiệt',
    summary: 'Sấy lạnh trái cây và rau củ ở 15–35 °C, giữ màu và vi chất, tiết kiệm 40% điện năng.',
    fieldCodes: ['407'],
    keywords: ['sấy lạnh', 'bơm nhiệt'],
    trl: 7,
    transferModes: ['LICENSING', 'TURNKEY'],
    priceMin: 1_500_000_000,
    priceMax: 2_500_000_000,
    provinceCode: 'ha-noi',
  });
  await add('irrigation', {
    organizationId: orgB.id,
    title: 'Hệ thống tưới tiêu tự động cho vườn cây ăn trái',
    summary: 'Tưới nhỏ giọt theo độ ẩm đất, điều khiển từ điện thoại, giảm 30% lượng nước.',
    fieldCodes: ['401'],
    trl: 8,
    transferModes: ['EQUIPMENT_SUPPLY'],
    priceMin: 300_000_000,
    priceMax: 500_000_000,
    provinceCode: 'tay-ninh',
  });
  await add('iot', {
    kind: 'DEMAND',
    organizationId: orgC.id,
    title: 'Cần giải pháp IoT giám sát chất lượng nước ao nuôi tôm',
    summary: 'Theo dõi oxy hòa tan, pH và nhiệt độ ao nuôi theo thời gian thực, cảnh báo qua điện thoại.',
    fieldCodes: ['405'],
    trl: 6,
    transferModes: ['TECHNICAL_SERVICE'],
    priceMax: 800_000_000,
    provinceCode: 'can-tho',
  });
  await add('ai', {
    organizationId: orgA.id,
    title: 'Phần mềm trí tuệ nhân tạo nhận dạng sâu bệnh trên lúa',
    summary: 'Chụp ảnh lá lúa bằng điện thoại, phần mềm nhận dạng 12 loại sâu bệnh phổ biến.',
    fieldCodes: ['212'],
    trl: 5,
    transferModes: ['LICENSING'],
    provinceCode: 'ha-noi',
  });
  await add('wastewaterEn', {
    organizationId: orgD.id,
    title: 'Wastewater treatment for seafood processing plants',
    summary: 'Biological treatment with moving-bed reactors for shrimp and fish processing effluent.',
    description: 'A compact moving-bed biofilm reactor line that brings seafood processing effluent within national discharge limits, with design, installation and operator training.',
    fieldCodes: ['207'],
    trl: 9,
    transferModes: ['TURNKEY'],
    priceMin: 4_000_000_000,
    priceMax: 6_000_000_000,
    provinceCode: 'da-nang',
    language: 'en',
  });
  await add('wastewaterVi', {
    kind: 'DEMAND',
    organizationId: orgB.id,
    title: 'Cần công nghệ xử lý nước thải trang trại chăn nuôi heo',
    summary: 'Trang trại 2.000 con heo thịt cần hệ thống xử lý đạt chuẩn xả thải, vận hành đơn giản.',
    fieldCodes: ['207'],
    trl: 6,
    transferModes: ['CONSULTING'],
    priceMax: 1_000_000_000,
    provinceCode: 'tay-ninh',
  });
  await add('aiEn', {
    organizationId: orgD.id,
    title: 'Artificial intelligence camera that counts fish fry',
    summary: 'A camera and counting model that tallies fingerlings in hatchery tanks within two percent.',
    description: 'Computer vision counting of fish fry for hatcheries and buyers, delivered as a device with a mobile app and a year of support.',
    fieldCodes: ['212', '405'],
    trl: 7,
    transferModes: ['EQUIPMENT_SUPPLY'],
    priceMin: 200_000_000,
    priceMax: 200_000_000,
    provinceCode: 'da-nang',
    language: 'en',
  });
  await add('xss', {
    organizationId: orgB.id,
    title: `<script>alert('x')</script> Thiết bị đo độ mặn & cảnh báo sớm`,
    summary: 'Đo độ mặn nước kênh liên tục, <b>cảnh báo</b> khi vượt ngưỡng cho cống đầu mối.',
    fieldCodes: ['202'],
    trl: 6,
    transferModes: ['EQUIPMENT_SUPPLY'],
    priceMin: 50_000_000,
    priceMax: 80_000_000,
    provinceCode: 'tay-ninh',
  });
  await add('nguyen', {
    organizationId: orgC.id,
    title: 'Quy trình chuyển phụ phẩm nguyên liệu thành phân bón hữu cơ',
    summary: 'Ủ vỏ cà phê và bã mía với chế phẩm vi sinh thành phân bón hữu cơ trong 45 ngày.',
    fieldCodes: ['406'],
    trl: 4,
    transferModes: ['LICENSING'],
    provinceCode: 'can-tho',
  });
  L.draft = await draft(owner, { organizationId: orgA.id, title: 'Máy sấy lạnh thế hệ mới chưa công bố', provinceCode: 'ha-noi' });
  L.pending = await draft(owner, { organizationId: orgA.id, title: 'Máy sấy lạnh dược liệu đang chờ duyệt', provinceCode: 'ha-noi' });
  await owner.ok(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: L.pending });
  await s.t.settle();
}, 120_000);

afterAll(async () => {
  await s?.close();
  await meili?.dispose();
  await db?.drop();
});

const PUBLISHED = () => ['dryer', 'irrigation', 'iot', 'ai', 'wastewaterEn', 'wastewaterVi', 'aiEn', 'xss', 'nguyen'].map((k) => L[k]);

describe('search: Vietnamese as people type it', () => {
  it('finds text with diacritics from a query typed without them', async () => {
    const dry = await search(s.base, { query: 'say lanh' });
    expect(ids(dry)[0]).toBe(L.dryer);
    expect(shownIds(dry)).not.toContain(L.draft);
    expect(shownIds(dry)).not.toContain(L.pending);
    const water = await search(s.base, { query: 'tuoi tieu' });
    expect(ids(water)[0]).toBe(L.irrigation);
    expect((await search(s.base, { query: 'nuoc thai chan nuoi heo' })).hits[0].listing.id).toBe(L.wastewaterVi);
  });

  it('forgives typos in longer words', async () => {
    // the Vietnamese demand carries "wastewater" among its aliases (nước thải), so it comes too
    expect(anyOrder(ids(await search(s.base, { query: 'wastewatr' })))).toEqual(anyOrder([L.wastewaterEn, L.wastewaterVi]));
    expect(ids(await search(s.base, { query: 'nguyeen' }))).toEqual([L.nguyen]);
    expect(ids(await search(s.base, { query: 'artifical inteligence' }))).toContain(L.aiEn);
  });

  it('finds listings in Tây Ninh by the former province Long An', async () => {
    const r = await search(s.base, { query: 'Long An' });
    expect(anyOrder(ids(r))).toEqual(anyOrder([L.irrigation, L.wastewaterVi, L.xss]));
    expect(r.hits.filter((h) => h.close).every((h) => h.listing.province.code === 'tay-ninh')).toBe(true);
  });

  it('knows technical synonyms and abbreviations in both languages', async () => {
    expect(ids(await search(s.base, { query: 'internet vạn vật' }))).toContain(L.iot);
    expect(ids(await search(s.base, { query: 'internet of things' }))).toContain(L.iot);
    expect(anyOrder(ids(await search(s.base, { query: 'AI' })))).toEqual(anyOrder([L.ai, L.aiEn]));
    expect(anyOrder(ids(await search(s.base, { query: 'trí tuệ nhân tạo' })).slice(0, 2))).toEqual(anyOrder([L.ai, L.aiEn]));
    expect(anyOrder(ids(await search(s.base, { query: 'tri tue nhan tao' })).slice(0, 2))).toEqual(anyOrder([L.ai, L.aiEn]));
    expect(anyOrder(ids(await search(s.base, { query: 'artificial intelligence' })).slice(0, 2))).toEqual(anyOrder([L.ai, L.aiEn]));
    expect(anyOrder(ids(await search(s.base, { query: 'xử lý nước thải' })).slice(0, 2))).toEqual(anyOrder([L.wastewaterVi, L.wastewaterEn]));
    expect(anyOrder(ids(await search(s.base, { query: 'wastewater treatment' })).slice(0, 2))).toEqual(anyOrder([L.wastewaterVi, L.wastewaterEn]));
  });
});

describe('search: filters', () => {
  const only = async (input: Record<string, unknown>) => anyOrder(ids(await search(s.base, { pageSize: 100, ...input })));

  it('filters by kind, province, transfer mode and organisation kind', async () => {
    expect(await only({ kind: 'DEMAND' })).toEqual(anyOrder([L.iot, L.wastewaterVi]));
    expect(await only({ provinceCodes: ['tay-ninh', 'can-tho'] })).toEqual(anyOrder([L.irrigation, L.wastewaterVi, L.xss, L.iot, L.nguyen]));
    expect(await only({ transferModes: ['TURNKEY'] })).toEqual(anyOrder([L.dryer, L.wastewaterEn]));
    expect(await only({ organizationKinds: ['UNIVERSITY', 'RESEARCH_INSTITUTE'] })).toEqual(anyOrder([L.iot, L.nguyen, L.dryer, L.ai]));
    expect(await only({ kind: 'OFFER', provinceCodes: ['ha-noi'], query: 'sấy' })).toEqual([L.dryer]);
  });

  it('treats a parent field as all its children', async () => {
    expect(await only({ fieldCodes: ['4'] })).toEqual(anyOrder([L.dryer, L.irrigation, L.iot, L.aiEn, L.nguyen]));
    expect(await only({ fieldCodes: ['405'] })).toEqual(anyOrder([L.iot, L.aiEn]));
    expect(await only({ fieldCodes: ['207', '401'] })).toEqual(anyOrder([L.wastewaterEn, L.wastewaterVi, L.irrigation]));
  });

  it('filters by TRL range and by price, keeping listings without a price', async () => {
    expect(await only({ trlMin: 7, trlMax: 8 })).toEqual(anyOrder([L.dryer, L.irrigation, L.aiEn]));
    expect(await only({ trlMin: 9 })).toEqual([L.wastewaterEn]);
    // lowest stated price ≤ 500 M; "ai" and "nguyen" state no price (negotiable) and stay.
    expect(await only({ priceMax: 500_000_000 })).toEqual(anyOrder([L.irrigation, L.aiEn, L.xss, L.ai, L.nguyen]));
    // a demand that states only a budget is compared by it
    expect(await only({ priceMax: 900_000_000, kind: 'DEMAND' })).toEqual([L.iot]);
  });
});

describe('search: facets, sorts, pages', () => {
  const facet = (r: Awaited<ReturnType<typeof search>>, name: string) => r.facets.find((f) => f.name === name)!.values;

  it('counts every facet, each ignoring its own filter, with labels in the request language', async () => {
    const vi = await search(s.base, { provinceCodes: ['tay-ninh'] });
    expect(vi.facets.map((f) => f.name)).toEqual(['kind', 'fieldCodes', 'provinceCode', 'transferModes', 'organizationKind', 'trl']);
    expect(vi.totalHits).toBe(3);
    // the province facet still offers the other provinces, with their own counts
    expect(facet(vi, 'provinceCode')).toEqual([
      { value: 'ha-noi', label: 'Hà Nội', count: 2 },
      { value: 'can-tho', label: 'Cần Thơ', count: 2 },
      { value: 'da-nang', label: 'Đà Nẵng', count: 2 },
      { value: 'tay-ninh', label: 'Tây Ninh', count: 3 },
    ].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi')));
    // the other facets count within Tây Ninh
    expect(facet(vi, 'kind')).toEqual([
      { value: 'OFFER', label: 'Công nghệ chào bán', count: 2 },
      { value: 'DEMAND', label: 'Nhu cầu công nghệ', count: 1 },
    ]);
    expect(facet(vi, 'fieldCodes')).toEqual(
      expect.arrayContaining([
        { value: '2', label: 'Khoa học kỹ thuật và công nghệ', count: 2 },
        { value: '4', label: 'Khoa học nông nghiệp', count: 1 },
      ]),
    );
    expect(facet(vi, 'trl').map((v) => v.value)).toEqual(['6', '8']);
    expect(facet(vi, 'trl')[0]).toEqual({ value: '6', label: 'TRL 6 – Trình diễn trong môi trường liên quan', count: 2 });

    const en = await search(s.base.inLang('en'), { provinceCodes: ['tay-ninh'], transferModes: ['EQUIPMENT_SUPPLY'] });
    expect(en.totalHits).toBe(2);
    expect(facet(en, 'provinceCode').find((v) => v.value === 'tay-ninh')).toEqual({ value: 'tay-ninh', label: 'Tay Ninh', count: 2 });
    expect(facet(en, 'transferModes')).toEqual(expect.arrayContaining([{ value: 'EQUIPMENT_SUPPLY', label: 'Equipment supply', count: 2 }, { value: 'CONSULTING', label: 'Consulting', count: 1 }]));
    expect(facet(en, 'organizationKind')).toEqual([{ value: 'ENTERPRISE', label: 'Enterprise', count: 2 }]);
    expect(facet(en, 'kind')).toEqual([{ value: 'OFFER', label: 'Technology offer', count: 2 }]);
  });

  it('keeps a selected value in its facet even when nothing matches it', async () => {
    const r = await search(s.base, { query: 'say lanh', provinceCodes: ['hue'] });
    expect(r.totalHits).toBe(0);
    expect(facet(r, 'provinceCode')).toEqual(expect.arrayContaining([{ value: 'hue', label: 'Huế', count: 0 }, { value: 'ha-noi', label: 'Hà Nội', count: 1 }]));
  });

  it('sorts by newest, price (unpriced last) and TRL', async () => {
    const all = { pageSize: 100 };
    expect(ids(await search(s.base, { ...all, sort: 'NEWEST' }))).toEqual([...publishOrder].reverse().map((k) => L[k]));
    // browsing without a query lists the newest first too
    expect(ids(await search(s.base, all))).toEqual([...publishOrder].reverse().map((k) => L[k]));
    const priceAsc = ids(await search(s.base, { ...all, sort: 'PRICE_ASC' }));
    // an offer's asking price and a demand's budget (800 M, 1 billion) on one scale
    expect(priceAsc.slice(0, 7)).toEqual([L.xss, L.aiEn, L.irrigation, L.iot, L.wastewaterVi, L.dryer, L.wastewaterEn]);
    expect(anyOrder(priceAsc.slice(7))).toEqual(anyOrder([L.ai, L.nguyen]));
    expect(ids(await search(s.base, { ...all, sort: 'PRICE_DESC', kind: 'DEMAND' }))).toEqual([L.wastewaterVi, L.iot]);
    const priceDesc = ids(await search(s.base, { ...all, sort: 'PRICE_DESC', kind: 'OFFER' }));
    expect(priceDesc).toEqual([L.wastewaterEn, L.dryer, L.irrigation, L.aiEn, L.xss, L.nguyen, L.ai]);
    const trl = await s.base.ok(`query($i: SearchInput!) { search(input: $i) { hits { listing { trl } } } }`, { i: { ...all, sort: 'TRL_DESC' } });
    expect(trl.search.hits.map((h: { listing: { trl: number } }) => h.listing.trl)).toEqual([9, 8, 7, 7, 6, 6, 6, 5, 4]);
    // with words, the sort orders the hits that contain them (not relevance with a tie-break)
    const water = await s.base.ok(`query($i: SearchInput!) { search(input: $i) { hits { listing { id price { min max } } } } }`, {
      i: { query: 'nước', sort: 'PRICE_ASC' },
    });
    const mins: (number | null)[] = water.search.hits.map(
      (h: { listing: { price: { min: number | null; max: number | null } | null } }) => h.listing.price?.min ?? h.listing.price?.max ?? null,
    );
    expect(water.search.hits.slice(0, 2).map((h: { listing: { id: string } }) => h.listing.id)).toEqual([L.xss, L.irrigation]);
    const priced = mins.filter((m) => m !== null) as number[];
    expect(priced).toEqual([...priced].sort((a, b) => a - b));
    expect(mins.slice(priced.length).every((m) => m === null)).toBe(true);
  });

  it('pages through the results with an exact total', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const r = await search(s.base, { pageSize: 3, page });
      expect(r.totalHits).toBe(9);
      expect(r.page).toBe(page);
      expect(r.pageSize).toBe(3);
      seen.push(...ids(r));
      expect(r.hits.length).toBe(page <= 3 ? 3 : 0);
    }
    expect(anyOrder(seen)).toEqual(anyOrder(PUBLISHED()));
    expect(typeof (await search(s.base, { query: 'sấy' })).processingTimeMs).toBe('number');
  });

  it('refuses pages and sizes out of range, naming the field in the request language', async () => {
    const en = await s.base.inLang('en').error(SEARCH, { input: { page: 0 } });
    expect(en.code).toBe('BAD_USER_INPUT');
    expect(en.fields).toEqual({ 'input.page': expect.stringMatching(/between 1 and/) });
    const vi = await s.base.error(SEARCH, { input: { pageSize: 101 } });
    expect(vi.code).toBe('BAD_USER_INPUT');
    expect(vi.fields).toEqual({ 'input.pageSize': 'Phải nằm trong khoảng 1–100.' });
    expect((await s.base.error(SEARCH, { input: { pageSize: 0 } })).fields).toHaveProperty(['input.pageSize']);
    const trl = await s.base.inLang('en').error(SEARCH, { input: { trlMin: 8, trlMax: 3 } });
    expect(trl.fields).toEqual({ 'input.trlMax': 'The maximum TRL must not be less than the minimum TRL.' });
    const codes = await s.base.inLang('en').error(SEARCH, { input: { fieldCodes: ['999'], provinceCodes: ['atlantis'] } });
    expect(Object.keys(codes.fields ?? {}).sort()).toEqual(['input.fieldCodes', 'input.provinceCodes']);
    expect((await s.base.error(SEARCH, { input: { priceMax: -1 } })).fields).toHaveProperty(['input.priceMax']);
  });
});

describe('search: hits', () => {
  it('wraps matches in <mark> and escapes every other character of markup', async () => {
    const r = await search(s.base, { query: 'script' });
    expect(ids(r)).toEqual([L.xss]);
    const title = r.hits[0].highlightedTitle;
    // (the mark may take in the ">" after the whole word: Meilisearch's highlight of a word matched whole, not as a prefix)
    expect(title).toMatch(/<mark>script(&gt;)?<\/mark>/);
    expect(title).not.toMatch(/<(?!\/?mark>)/);
    expect(title.replace(/<\/?mark>/g, '')).toBe('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Thiết bị đo độ mặn &amp; cảnh báo sớm');
    expect(r.hits[0].listing.title).toBe(`<script>alert('x')</script> Thiết bị đo độ mặn & cảnh báo sớm`);
    const summary = (await search(s.base, { query: 'do man' })).hits.find((h) => h.listing.id === L.xss)!;
    expect(summary.highlightedSummary).toContain('<mark>Đo</mark> <mark>độ</mark> <mark>mặn</mark>');
    expect(summary.highlightedSummary.replace(/<\/?mark>/g, '')).toBe(
      'Đo độ mặn nước kênh liên tục, &lt;b&gt;cảnh báo&lt;/b&gt; khi vượt ngưỡng cho cống đầu mối.',
    );
    const dry = (await search(s.base, { query: 'say lanh' })).hits[0];
    expect(dry.highlightedTitle).toBe('Máy <mark>sấy</mark> <mark>lạnh</mark> nông sản bằng bơm nhiệt');
  });

  it('resolves each hit to its listing, organisation and province in the request language', async () => {
    const r = await search(s.base.inLang('en'), { query: 'Long An', sort: 'NEWEST' });
    const hit = r.hits.find((h) => h.listing.id === L.irrigation)!;
    expect(hit.listing).toMatchObject({ title: 'Hệ thống tưới tiêu tự động cho vườn cây ăn trái', status: 'PUBLISHED', province: { code: 'tay-ninh', name: 'Tay Ninh' } });
    expect(hit.listing.organization.name).toBe('Công ty TNHH Thủy lợi Xanh');
  });
});

describe('search: only what is published', () => {
  it('never finds drafts or listings waiting for review', async () => {
    for (const query of ['chưa công bố', 'chờ duyệt', 'máy sấy lạnh']) {
      const found = ids(await search(s.base, { query, pageSize: 100 }));
      expect(found).not.toContain(L.draft);
      expect(found).not.toContain(L.pending);
    }
    await expect(s.meili.index(s.listingsUid).getDocument(L.draft)).rejects.toThrow();
  });

  it('removes an archived listing once the outbox has run', async () => {
    const owner = (await registerUser(s.base)).client;
    const org = await createOrganization(owner, { name: 'Hợp tác xã Lưu trữ Thử', kind: 'OTHER', provinceCode: 'hue' });
    const id = await publish(owner, await moderator(), { organizationId: org.id, title: 'Lò sấy trấu tiết kiệm củi cho hợp tác xã', provinceCode: 'hue' });
    await s.t.settle();
    expect(ids(await search(s.base, { query: 'lo say trau' }))).toEqual([id]);
    await owner.ok(`mutation($id: ID!) { archiveListing(id: $id) { status } }`, { id });
    await s.t.settle();
    expect(ids(await search(s.base, { query: 'lo say trau' }))).toEqual([]);
    await expect(s.meili.index(s.listingsUid).getDocument(id)).rejects.toThrow();
  });

  it('hides an expired listing at once, and the expiry removes it from the index', async () => {
    const owner = (await registerUser(s.base)).client;
    const org = await createOrganization(owner, { name: 'Công ty Hết hạn Thử', kind: 'ENTERPRISE', provinceCode: 'hue' });
    const id = await publish(owner, await moderator(), { organizationId: org.id, title: 'Thiết bị ép viên nén mùn cưa làm chất đốt', provinceCode: 'hue' });
    await s.t.settle();
    expect(ids(await search(s.base, { query: 'vien nen mun cua' }))[0]).toBe(id);
    await s.outbox['ds'].query(`UPDATE listing SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    // still in the index, but never shown: each page is re-read from PostgreSQL
    expect((await s.meili.index(s.listingsUid).getDocument(id)).id).toBe(id);
    expect(shownIds(await search(s.base, { query: 'vien nen mun cua' }))).not.toContain(id);
    // the listings module's expiry marks it and announces the change; the index follows
    await s.t.app.get(ListingExpiryService).runOnce();
    await s.t.settle();
    await expect(s.meili.index(s.listingsUid).getDocument(id)).rejects.toThrow();
  });

  it('reads "public now" by the Clock, as every public list does: past its date by the Clock, a listing leaves the page and the index before the expiry job runs', async () => {
    const owner = (await registerUser(s.base)).client;
    const org = await createOrganization(owner, { name: 'Công ty Đồng hồ Thử', kind: 'ENTERPRISE', provinceCode: 'hue' });
    const id = await publish(owner, await moderator(), { organizationId: org.id, title: 'Máy ép dầu lạc quy mô hộ gia đình', provinceCode: 'hue' });
    await s.t.settle();
    expect(ids(await search(s.base, { query: 'may ep dau lac' }))).toEqual([id]);
    const clock = s.t.app.get(Clock);
    clock.advance(400 * 24 * 3600 * 1000); // past its 365 days by the Clock; the database's now() is not
    try {
      // The page re-reads the hit from PostgreSQL (its change is recent) with the Clock's time.
      expect(ids(await search(s.base, { query: 'may ep dau lac' }))).toEqual([]);
      // Re-applied (as any change to it would be), it leaves the index: the index's rows are read by the Clock too.
      expect(await s.indexes.indexes.apply(LISTING_INDEX, [id])).toEqual({ upserted: 0, deleted: 1 });
      await expect(s.meili.index(s.listingsUid).getDocument(id)).rejects.toThrow();
    } finally {
      clock.reset();
    }
    expect(await s.indexes.indexes.apply(LISTING_INDEX, [id])).toEqual({ upserted: 1, deleted: 0 });
    expect(ids(await search(s.base, { query: 'may ep dau lac' }))).toEqual([id]);
  });

  it("updates the index when an organisation is verified", async () => {
    const owner = (await registerUser(s.base)).client;
    const org = await createOrganization(owner, { name: 'Viện Xác minh Thử nghiệm', kind: 'RESEARCH_INSTITUTE', provinceCode: 'hue' });
    const id = await publish(owner, await moderator(), { organizationId: org.id, title: 'Chế phẩm sinh học xử lý rơm rạ trên đồng', provinceCode: 'hue' });
    await s.t.settle();
    expect((await s.meili.index(s.listingsUid).getDocument(id)).organizationVerified).toBe(false);
    await (await moderator()).ok(`mutation($id: ID!) { verifyOrganization(id: $id) { verified } }`, { id: org.id });
    await s.t.settle();
    expect((await s.meili.index(s.listingsUid).getDocument(id)).organizationVerified).toBe(true);
  });
});

describe('search: result cards straight from the index', () => {
  // Cards come from the index documents only when nothing changed lately; these tests move every
  // applied change an hour into the past to get there, as if the exchange had been quiet since.
  const sql = (text: string, values: unknown[] = []) => (s.outbox['ds'] as DataSource).query(text, values);
  const quietSince = async () => {
    await s.t.settle();
    await sql(`UPDATE outbox_event SET processed_at = processed_at - interval '1 hour' WHERE processed_at IS NOT NULL`);
  };
  const CARD_FIELDS = `id slug kind title summary status trl transferModes ipStatus keywords language publishedAt expiresAt expired
    price { min max currency negotiable } province { code name } organization { id slug name kind verified } fields { code name }`;
  type Card = { id: string; title: string; organization: { verified: boolean } } & Record<string, unknown>;
  // The close matches' cards (related results may follow them on the page).
  const cards = async (input: Record<string, unknown>, extra = ''): Promise<Card[]> =>
    (await s.base.ok<{ search: { hits: { close: boolean; listing: Card }[] } }>(`query($input: SearchInput!) { search(input: $input) { hits { close listing { ${CARD_FIELDS} ${extra} } } } }`, { input })).search.hits
      .filter((h) => h.close)
      .map((h) => h.listing);
  // Asking for a field the documents do not carry (version) makes the API read PostgreSQL.
  const fromDatabase = (input: Record<string, unknown>) => cards(input, 'version');

  it('answers exactly what PostgreSQL would, without reading it', async () => {
    await quietSince();
    for (const input of [{ query: 'sấy lạnh' }, { query: '', pageSize: 100 }, { query: 'wastewater', sort: 'PRICE_DESC' }]) {
      const fromIndex = await cards(input);
      expect(fromIndex.length).toBeGreaterThan(0);
      expect(fromIndex).toEqual((await fromDatabase(input)).map(({ version: _version, ...card }) => card));
    }
    // A write behind the application's back (no announcement) shows which path answered.
    await sql(`UPDATE listing SET title = title || ' (sửa thẳng trong CSDL)' WHERE id = $1`, [L.dryer]);
    const [{ title }] = await sql(`SELECT title FROM listing WHERE id = $1`, [L.dryer]);
    try {
      expect((await cards({ query: 'sấy lạnh' })).find((c) => c.id === L.dryer)!.title).toBe('Máy sấy lạnh nông sản bằng bơm nhiệt');
      expect((await fromDatabase({ query: 'sấy lạnh' })).find((c) => c.id === L.dryer)!.title).toBe(title);
    } finally {
      await sql(`UPDATE listing SET title = 'Máy sấy lạnh nông sản bằng bơm nhiệt' WHERE id = $1`, [L.dryer]);
    }
  });

  it('re-reads a listing whose change has not reached the index, or reached it a moment ago', async () => {
    const owner = (await registerUser(s.base)).client;
    const org = await createOrganization(owner, { name: 'Hợp tác xã Thẻ Kết quả', kind: 'OTHER', provinceCode: 'hue' });
    const id = await publish(owner, await moderator(), { organizationId: org.id, title: 'Máy bóc vỏ hạt sen bán tự động', provinceCode: 'hue' });
    await quietSince();
    expect((await cards({ query: 'boc vo hat sen' })).map((c) => c.id)).toEqual([id]);

    await owner.ok(`mutation($id: ID!) { archiveListing(id: $id) { status } }`, { id });
    // The outbox has not run: the document is still in the index, the listing never shows.
    expect((await s.meili.index(s.listingsUid).getDocument(id)).id).toBe(id);
    expect(await cards({ query: 'boc vo hat sen' })).toEqual([]);
    await s.t.settle();
    expect(await cards({ query: 'boc vo hat sen' })).toEqual([]);
  });

  it("re-reads the listings of an organisation whose change has not reached the index", async () => {
    const owner = (await registerUser(s.base)).client;
    const org = await createOrganization(owner, { name: 'Viện Thẻ Xác minh', kind: 'RESEARCH_INSTITUTE', provinceCode: 'hue' });
    const id = await publish(owner, await moderator(), { organizationId: org.id, title: 'Quy trình nhân giống sen Nhật bằng nuôi cấy mô', provinceCode: 'hue' });
    await quietSince();
    expect((await cards({ query: 'nhan giong sen nhat' })).find((c) => c.id === id)!.organization.verified).toBe(false);

    await (await moderator()).ok(`mutation($id: ID!) { verifyOrganization(id: $id) { verified } }`, { id: org.id });
    expect((await s.meili.index(s.listingsUid).getDocument(id)).organizationVerified).toBe(false);
    expect((await cards({ query: 'nhan giong sen nhat' })).find((c) => c.id === id)!.organization.verified).toBe(true);
  });

  it('drops a card past its expiry date before the expiry is announced', async () => {
    await quietSince();
    expect((await cards({ query: '', pageSize: 100 })).length).toBeGreaterThan(5);
    const clock = s.t.app.get(Clock);
    clock.advance(400 * 24 * 3600 * 1000); // every listing here expires within 365 days
    try {
      expect(await cards({ query: '', pageSize: 100 })).toEqual([]);
    } finally {
      clock.reset();
    }
    expect((await cards({ query: '', pageSize: 100 })).length).toBeGreaterThan(5);
  });
});
