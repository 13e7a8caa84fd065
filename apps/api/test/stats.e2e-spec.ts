import { isolatedDatabase } from './support/database.js';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';


const STATS = `{ stats { publishedOffers publishedDemands organizations dealsApproved dealValueApproved
  listingsByField { key label count } listingsByProvince { key label count } dealsByMonth { key label count } } }`;
const CREATE = `mutation($input: ListingInput!) { createListing(input: $input) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitListing(id: $id) { id } }`;
const MODERATE = `mutation($id: ID!, $d: ModerationDecision!, $note: String, $reason: RejectionReason) { moderateListing(id: $id, decision: $d, note: $note, reason: $reason) { id status } }`;
const ARCHIVE = `mutation($id: ID!) { archiveListing(id: $id) { id } }`;

let db: { url: string; drop: () => Promise<void> };
let t: TestApp;
let base: Client;

beforeAll(async () => {
  db = await isolatedDatabase('stats');
  t = await startTestApp({ DATABASE_URL: db.url, MEILI_INDEX_PREFIX: `${process.env.MEILI_INDEX_PREFIX ?? 'test'}_stats` });
  base = new Client(t.url);
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

describe('market statistics', () => {
  it('is zero on an empty exchange', async () => {
    expect((await base.ok(STATS)).stats).toEqual({
      publishedOffers: 0,
      publishedDemands: 0,
      organizations: 0,
      dealsApproved: 0,
      dealValueApproved: 0,
      listingsByField: [],
      listingsByProvince: [],
      dealsByMonth: [],
    });
  });

  it('counts what the public sees, by field and province, with names in the request language', async () => {
    const user = await registerUser(base);
    const hue = await createOrganization(user.client, { provinceCode: 'hue' });
    const daNang = await createOrganization(user.client, { provinceCode: 'da-nang' });
    const mod = (await registerModerator(base, [])).client;

    const make = async (kind: string, organizationId: string, provinceCode: string, fieldCodes: string[], end: 'DRAFT' | 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'ARCHIVED') => {
      const { id } = (
        await user.client.ok(CREATE, {
          input: {
            kind,
            organizationId,
            title: `Công nghệ thống kê thử nghiệm ${uniq('')}`,
            summary: 'Tin dùng để kiểm tra số liệu thống kê của sàn.',
            description: 'Mô tả đủ dài để vượt qua kiểm tra độ dài tối thiểu của trường mô tả.',
            fieldCodes,
            keywords: ['thống kê'],
            transferModes: ['CONSULTING'],
            provinceCode,
          },
        })
      ).createListing;
      if (end === 'DRAFT') return;
      await user.client.ok(SUBMIT, { id });
      if (end === 'PENDING') return;
      if (end === 'REJECTED') {
        await mod.ok(MODERATE, { id, d: 'REJECT', reason: 'OTHER', note: 'Không đạt.' });
        return;
      }
      await mod.ok(MODERATE, { id, d: 'APPROVE' });
      if (end === 'ARCHIVED') await user.client.ok(ARCHIVE, { id });
    };

    await make('OFFER', hue.id, 'hue', ['407', '211'], 'PUBLISHED');
    await make('OFFER', hue.id, 'hue', ['407'], 'PUBLISHED');
    await make('OFFER', daNang.id, 'da-nang', ['202'], 'PUBLISHED');
    await make('DEMAND', daNang.id, 'da-nang', ['407'], 'PUBLISHED');
    await make('DEMAND', hue.id, 'da-nang', ['202', '212'], 'PUBLISHED');
    // None of these count.
    await make('OFFER', hue.id, 'hue', ['407'], 'DRAFT');
    await make('OFFER', hue.id, 'hue', ['407'], 'PENDING');
    await make('DEMAND', hue.id, 'hue', ['407'], 'REJECTED');
    await make('OFFER', daNang.id, 'da-nang', ['202'], 'ARCHIVED');

    const vi = (await base.ok(STATS)).stats;
    expect(vi).toMatchObject({ publishedOffers: 3, publishedDemands: 2, organizations: 2, dealsApproved: 0, dealValueApproved: 0, dealsByMonth: [] });
    // A field counts its sub-fields' listings, each once (as the search's field facet): "2" holds 211, 202 and 212.
    expect(vi.listingsByField).toEqual([
      { key: '2', label: 'Khoa học kỹ thuật và công nghệ', count: 3 },
      { key: '4', label: 'Khoa học nông nghiệp', count: 3 },
      { key: '407', label: 'Cơ giới hóa và sau thu hoạch', count: 3 },
      { key: '202', label: 'Kỹ thuật điện, điện tử, viễn thông', count: 2 },
      { key: '211', label: 'Kỹ thuật thực phẩm và đồ uống', count: 1 },
      { key: '212', label: 'Công nghệ thông tin và tự động hóa', count: 1 },
    ]);
    expect(vi.listingsByProvince).toEqual([
      { key: 'da-nang', label: 'Đà Nẵng', count: 3 },
      { key: 'hue', label: 'Huế', count: 2 },
    ]);
    const en = (await base.inLang('en').ok(STATS)).stats;
    expect(en.listingsByField[2]).toEqual({ key: '407', label: 'Mechanisation and post-harvest', count: 3 });
    expect(en.listingsByProvince[0]).toEqual({ key: 'da-nang', label: 'Da Nang', count: 3 });
  });
});
