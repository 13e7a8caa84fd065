import type { Meilisearch } from 'meilisearch';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, createOrganization, registerModerator, registerUser } from './support/graphql.js';
import { createSearchDb, dropIndexes, searchPrefix, type SearchDb } from './support/search.js';
import { createMeiliClient } from '../src/modules/search/meili.client.js';
import { SearchIndexService } from '../src/modules/search/search-index.service.js';
import { EXPERT_INDEX } from '../src/modules/experts/expert-index.js';

/**
 * The experts index on a database and index prefix of its own (as the search specs do), so the
 * counts below are exactly this file's profiles.
 */
const UPSERT = `mutation($input: ExpertProfileInput!) { upsertMyExpertProfile(input: $input) { id slug version } }`;
const SUBMIT = `mutation($id: ID!) { submitExpertProfile(id: $id) { id status } }`;
const ARCHIVE = `mutation($id: ID!) { archiveExpertProfile(id: $id) { id status } }`;
const APPROVE = `mutation($id: ID!) { moderateExpertProfile(id: $id, decision: APPROVE) { id status } }`;
const SEARCH = `query($input: ExpertSearchInput!) {
  experts(input: $input) {
    totalHits page pageSize processingTimeMs
    hits { close highlightedName highlightedHeadline expert { id fullName status province { code } fields { code } organization { name } user { email } } }
    facets { name values { value label count } }
  }
}`;

interface Result {
  totalHits: number;
  page: number;
  pageSize: number;
  processingTimeMs: number;
  hits: { close: boolean; highlightedName: string; highlightedHeadline: string; expert: { id: string; fullName: string; status: string; province: { code: string }; fields: { code: string }[]; organization: { name: string } | null; user: { email: string | null } } }[];
  facets: { name: string; values: { value: string; label: string; count: number }[] }[];
}

let db: SearchDb;
let prefix: string;
let t: TestApp;
let base: Client;
let meili: Meilisearch;
let moderator: Client;

const P: Record<string, { id: string; client: Client }> = {};

async function search(input: Record<string, unknown>, client: Client = base): Promise<Result> {
  return (await client.ok<{ experts: Result }>(SEARCH, { input })).experts;
}
/** The experts with every word (the answer the page counts), in order. */
const hitIds = (r: Result) => r.hits.filter((h) => h.close).map((h) => h.expert.id);
const facet = (r: Result, name: string) => Object.fromEntries(r.facets.find((f) => f.name === name)!.values.map((v) => [v.value, v.count]));

async function make(
  key: string,
  input: { fullName: string; headline: string; bio: string; fieldCodes: string[]; services: string[]; provinceCode: string; pastTransfers?: string[] },
  state: 'draft' | 'pending' | 'published',
  withOrganization?: string,
): Promise<void> {
  const u = await registerUser(base, input.fullName);
  const organizationId = withOrganization ? (await createOrganization(u.client, { name: withOrganization })).id : null;
  const { id } = (await u.client.ok<{ upsertMyExpertProfile: { id: string } }>(UPSERT, { input: { ...input, organizationId } })).upsertMyExpertProfile;
  if (state !== 'draft') await u.client.ok(SUBMIT, { id });
  if (state === 'published') await moderator.ok(APPROVE, { id });
  P[key] = { id, client: u.client };
}

beforeAll(async () => {
  db = await createSearchDb();
  prefix = searchPrefix();
  t = await startTestApp({ DATABASE_URL: db.url, MEILI_INDEX_PREFIX: prefix });
  base = new Client(t.url);
  meili = createMeiliClient({ MEILI_URL: t.config.MEILI_URL, MEILI_MASTER_KEY: t.config.MEILI_MASTER_KEY });
  moderator = (await registerModerator(base, [])).client;

  await make(
    'tu',
    {
      fullName: 'Nguyễn Văn Tư',
      headline: 'Chuyên gia tư vấn chuyển giao công nghệ chế biến thủy sản',
      bio: 'Nguyên phó viện trưởng viện nghiên cứu nuôi trồng thủy sản, 25 năm kinh nghiệm về chế biến tôm và cá tra xuất khẩu.',
      fieldCodes: ['405'],
      services: ['Tư vấn chuyển giao công nghệ', 'Thẩm định công nghệ'],
      pastTransfers: ['Chuyển giao quy trình chế biến surimi cho nhà máy ở Sóc Trăng'],
      provinceCode: 'ca-mau',
    },
    'published',
    'Viện Nghiên cứu Nuôi trồng Thủy sản II',
  );
  await make(
    'ngoc',
    {
      fullName: 'Trần Thị Bích Ngọc',
      headline: 'Kỹ sư tự động hóa & tư vấn <IoT> cho nhà máy',
      bio: 'Thiết kế hệ thống điều khiển và giám sát sản xuất cho hơn 30 nhà máy dệt may và cơ khí ở miền Bắc.',
      fieldCodes: ['212'],
      services: ['Tư vấn đổi mới công nghệ', 'Đào tạo vận hành'],
      provinceCode: 'ha-noi',
    },
    'published',
  );
  await make(
    'duc',
    {
      fullName: 'Lê Hoàng Đức',
      headline: 'Chuyên gia thẩm định giá công nghệ sau thu hoạch',
      bio: 'Định giá tài sản trí tuệ và máy móc chế biến nông sản; hội đồng thẩm định của Sở KH&CN nhiều tỉnh.',
      fieldCodes: ['407'],
      services: ['Định giá công nghệ', 'Thẩm định công nghệ'],
      provinceCode: 'can-tho',
    },
    'published',
  );
  const hidden = {
    headline: 'Chuyên gia tư vấn chuyển giao công nghệ zyxomat',
    bio: 'Hồ sơ chưa được công bố: không bao giờ được xuất hiện trong kết quả tìm kiếm của công chúng.',
    fieldCodes: ['405'],
    services: ['Tư vấn zyxomat'],
    provinceCode: 'ca-mau',
  };
  await make('draft', { ...hidden, fullName: 'Phạm Văn Nháp' }, 'draft');
  await make('pending', { ...hidden, fullName: 'Phạm Văn Chờ' }, 'pending');
  await make('archived', { ...hidden, fullName: 'Phạm Văn Cất' }, 'published');
  await P.archived.client.ok(ARCHIVE, { id: P.archived.id });
  await t.settle();
});

afterAll(async () => {
  await t?.close();
  if (meili && prefix) await dropIndexes(meili, prefix).catch(() => {});
  await db?.drop();
});

describe('searching experts', () => {
  it('finds text typed without diacritics, highlights it and escapes everything else', async () => {
    const r = await search({ query: 'tu van' });
    expect(hitIds(r).sort()).toEqual([P.tu.id, P.ngoc.id].sort());
    expect(r.totalHits).toBe(2);
    const tu = r.hits.find((h) => h.expert.id === P.tu.id)!;
    expect(tu.highlightedHeadline).toBe('Chuyên gia <mark>tư</mark> <mark>vấn</mark> chuyển giao công nghệ chế biến thủy sản');
    expect(tu.expert).toMatchObject({ fullName: 'Nguyễn Văn Tư', status: 'PUBLISHED', organization: { name: 'Viện Nghiên cứu Nuôi trồng Thủy sản II' }, user: { email: null } });
    const ngoc = r.hits.find((h) => h.expert.id === P.ngoc.id)!;
    // Folded, "tu" is also "tự": every form is found and marked.
    expect(ngoc.highlightedHeadline).toBe('Kỹ sư <mark>tự</mark> động hóa &amp; <mark>tư</mark> <mark>vấn</mark> &lt;IoT&gt; cho nhà máy');

    // Names, with or without diacritics (đ included).
    const byName = await search({ query: 'nguyen van tu' });
    expect(hitIds(byName)[0]).toBe(P.tu.id);
    expect(byName.hits[0].highlightedName).toBe('<mark>Nguyễn</mark> <mark>Văn</mark> <mark>Tư</mark>');
    expect(hitIds(await search({ query: 'hoang duc' }))).toEqual([P.duc.id]);
    expect(hitIds(await search({ query: 'Lê Hoàng Đức' }))).toEqual([P.duc.id]);
    // Services and the field's name are searched too.
    expect(hitIds(await search({ query: 'dinh gia cong nghe' }))[0]).toBe(P.duc.id);
    expect(hitIds(await search({ query: 'thuy san' }))).toContain(P.tu.id);
    expect(hitIds(await search({ query: 'surimi' }))).toEqual([P.tu.id]);
    // Either accepted spelling of a word: "kĩ sư" is "kỹ sư", "tự động hoá" is "tự động hóa".
    expect(hitIds(await search({ query: 'kĩ sư tự động hoá' }))).toEqual([P.ngoc.id]);
    expect(hitIds(await search({ query: 'ki su' }))).toContain(P.ngoc.id);
  });

  it('finds Vietnamese profiles by English words, and answers only experts with every word', async () => {
    const RELATED = `query($input: ExpertSearchInput!) { experts(input: $input) { totalHits hits { close highlightedName expert { id } } } }`;
    type Hit = { close: boolean; highlightedName: string; expert: { id: string } };
    const ask = async (query: string) => {
      const r = (await base.inLang('en').ok<{ experts: { totalHits: number; hits: Hit[] } }>(RELATED, { input: { query } })).experts;
      return { totalHits: r.totalHits, close: r.hits.filter((h) => h.close), related: r.hits.filter((h) => !h.close), all: r.hits };
    };
    // "Định giá công nghệ" / "thẩm định" are written in Vietnamese only.
    expect((await ask('technology valuation')).close.map((h) => h.expert.id)).toContain(P.duc.id);
    expect((await ask('seafood processing')).close.map((h) => h.expert.id)).toContain(P.tu.id);
    // A name and a word nobody has: no close match (not everyone sharing "Văn"), the name apart as related.
    const name = await ask('Lê Hoàng Đức zyxwv');
    expect(name.totalHits).toBe(0);
    expect(name.close).toEqual([]);
    expect(name.related.map((h) => h.expert.id)[0]).toBe(P.duc.id);
    // the hits are the related experts alone, marked so
    expect(name.all).toEqual(name.related);
    // "Nguyễn Văn" alone is no name of Đức's: every word must be there.
    expect((await ask('Nguyễn Văn Đức')).close.map((h) => h.expert.id)).not.toContain(P.duc.id);
    // With a close answer, nothing related.
    expect((await ask('hoang duc')).related).toEqual([]);
  });

  it('filters by field (a parent covers its children) and by province, with facets labelled in the request language', async () => {
    const agri = await search({ fieldCodes: ['4'] });
    expect(hitIds(agri).sort()).toEqual([P.tu.id, P.duc.id].sort());
    // The constrained facet counts as if unconstrained (so other values can be added); the other facet follows the filter.
    expect(facet(agri, 'fieldCodes')).toEqual({ '4': 2, '405': 1, '407': 1, '2': 1, '212': 1 });
    expect(facet(agri, 'provinceCode')).toEqual({ 'ca-mau': 1, 'can-tho': 1 });
    const vi = agri.facets.find((f) => f.name === 'fieldCodes')!.values;
    expect(vi[0]).toEqual({ value: '4', label: 'Khoa học nông nghiệp', count: 2 });
    expect(agri.facets.find((f) => f.name === 'provinceCode')!.values.find((v) => v.value === 'ca-mau')!.label).toBe('Cà Mau');
    const en = (await base.inLang('en').ok<{ experts: Result }>(SEARCH, { input: { fieldCodes: ['4'] } })).experts;
    expect(en.facets.find((f) => f.name === 'fieldCodes')!.values[0]).toEqual({ value: '4', label: 'Agricultural sciences', count: 2 });
    expect(en.facets.map((f) => f.name)).toEqual(['fieldCodes', 'provinceCode']);

    expect(hitIds(await search({ fieldCodes: ['405'] }))).toEqual([P.tu.id]);
    expect(hitIds(await search({ fieldCodes: ['2'] }))).toEqual([P.ngoc.id]);
    expect(hitIds(await search({ fieldCodes: ['1'] }))).toEqual([]);

    const hanoi = await search({ provinceCodes: ['ha-noi'] });
    expect(hitIds(hanoi)).toEqual([P.ngoc.id]);
    expect(facet(hanoi, 'provinceCode')).toEqual({ 'ha-noi': 1, 'ca-mau': 1, 'can-tho': 1 });
    expect(hitIds(await search({ query: 'tu van', provinceCodes: ['ca-mau'] }))).toEqual([P.tu.id]);
    expect(hitIds(await search({ query: 'tu van', fieldCodes: ['4'], provinceCodes: ['ca-mau', 'can-tho'] }))).toEqual([P.tu.id]);

    // A selected value with no hits stays listed, with 0, so it can be unselected.
    const empty = await search({ provinceCodes: ['lai-chau'] });
    expect(empty.totalHits).toBe(0);
    expect(facet(empty, 'provinceCode')['lai-chau']).toBe(0);
  });

  it('never finds a profile that is not published', async () => {
    for (const query of ['zyxomat', 'pham van nhap', 'Phạm Văn Chờ', 'pham van cat']) {
      const r = await search({ query });
      expect(r.totalHits).toBe(0);
      expect(hitIds(r)).toEqual([]);
      // others sharing a word of the name may be offered as related, never the unpublished profile
      expect(r.hits.filter((h) => h.expert.status !== 'PUBLISHED')).toEqual([]);
    }
    const everything = await search({ pageSize: 100 });
    expect(hitIds(everything).sort()).toEqual([P.tu.id, P.ngoc.id, P.duc.id].sort());
    expect(facet(everything, 'provinceCode')).toEqual({ 'ca-mau': 1, 'ha-noi': 1, 'can-tho': 1 });
    const index = meili.index(`${prefix}_experts`);
    for (const key of ['draft', 'pending', 'archived']) await expect(index.getDocument(P[key].id)).rejects.toThrow();
    expect((await index.getStats()).numberOfDocuments).toBe(3);
  });

  it('lives in its own index, with settings applied once and nothing out of step with PostgreSQL', async () => {
    const search = t.app.get(SearchIndexService);
    expect(search.indexes.uid(EXPERT_INDEX)).toBe(`${prefix}_experts`);
    // Start-up applied the settings; applying them again changes nothing.
    expect(await search.indexes.ensure(EXPERT_INDEX)).toBe('unchanged');
    const drift = await search.indexes.drift(EXPERT_INDEX);
    expect(drift).toMatchObject({ expected: 3, indexed: 3, missing: [], extra: [], stale: [] });
    // The document carries the folded text and every ancestor of the expert's fields.
    const doc = await meili.index(`${prefix}_experts`).getDocument(P.duc.id);
    expect(doc).toMatchObject({ fullName: 'Lê Hoàng Đức', fieldCodes: ['407', '4'], provinceCode: 'can-tho', organizationId: null });
    expect(doc.folded).toContain('Le Hoang Duc . Chuyen gia tham dinh gia cong nghe sau thu hoach');
  });

  it('pages through results and names a bad page or page size', async () => {
    const first = await search({ page: 1, pageSize: 2 });
    const second = await search({ page: 2, pageSize: 2 });
    expect(first).toMatchObject({ page: 1, pageSize: 2, totalHits: 3 });
    expect(first.hits).toHaveLength(2);
    expect(second.hits).toHaveLength(1);
    expect(new Set([...hitIds(first), ...hitIds(second)]).size).toBe(3);
    // Browsing without words: newest first.
    expect(hitIds(first)).toEqual([P.duc.id, P.ngoc.id]);

    for (const [input, path] of [
      [{ pageSize: 101 }, 'input.pageSize'],
      [{ pageSize: 0 }, 'input.pageSize'],
      [{ page: 0 }, 'input.page'],
    ] as const) {
      const en = await base.inLang('en').error(SEARCH, { input });
      expect(en.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(en.fields ?? {})).toEqual([path]);
      expect(en.fields?.[path]).toMatch(/^Must be between 1 and [\d,]+\.$/);
      const vi = await base.error(SEARCH, { input });
      expect(vi.fields?.[path]).toMatch(/^Phải nằm trong khoảng 1–[\d.]+\.$/);
    }
    const codes = await base.inLang('en').error(SEARCH, { input: { fieldCodes: ['999'], provinceCodes: ['long-an'] } });
    expect(codes.fields).toEqual({ 'input.fieldCodes': 'Unknown code: 999.', 'input.provinceCodes': 'Unknown code: long-an.' });
  });

  it('follows the workflow: an unapproved edit is not searchable, an approved one is, an archived profile leaves', async () => {
    const { upsertMyExpertProfile: current } = await P.ngoc.client.ok<{ upsertMyExpertProfile: { version: number } }>(UPSERT, {
      input: {
        fullName: 'Trần Thị Bích Ngọc',
        headline: 'Kỹ sư tự động hóa, chuyên gia robot hàn công nghiệp',
        bio: 'Thiết kế hệ thống điều khiển và giám sát sản xuất cho hơn 30 nhà máy dệt may và cơ khí ở miền Bắc.',
        fieldCodes: ['212'],
        services: ['Tư vấn đổi mới công nghệ', 'Đào tạo vận hành'],
        provinceCode: 'hai-phong',
      },
    });
    expect(current.version).toBeGreaterThan(1);
    await P.ngoc.client.ok(SUBMIT, { id: P.ngoc.id });
    await t.settle();
    // Pending: the published text is still what is found.
    expect(hitIds(await search({ query: 'robot han' }))).toEqual([]);
    expect(hitIds(await search({ provinceCodes: ['ha-noi'] }))).toEqual([P.ngoc.id]);

    await moderator.ok(APPROVE, { id: P.ngoc.id });
    await t.settle();
    const robot = await search({ query: 'robot han' });
    expect(hitIds(robot)).toEqual([P.ngoc.id]);
    expect(robot.hits[0].expert.province.code).toBe('hai-phong');
    expect(hitIds(await search({ provinceCodes: ['ha-noi'] }))).toEqual([]);

    await P.tu.client.ok(ARCHIVE, { id: P.tu.id });
    // Even before the index catches up, an archived profile is not returned…
    expect(hitIds(await search({ query: 'nguyen van tu' }))).not.toContain(P.tu.id);
    await t.settle();
    // …and after, it is gone from the index.
    expect((await search({ query: 'nguyen van tu' })).totalHits).toBe(0);
    expect(hitIds(await search({ query: 'tu van' }))).toEqual([P.ngoc.id]);
  });
});
