import { jest } from '@jest/globals';
import { createOrganization, registerModerator, registerUser, type Client } from './support/graphql.js';
import { createSearchDb, draft, moderatorFor, privateMeili, publish, searchPrefix, startSearchApp, type ListingSpec, type SearchApp, type SearchDb } from './support/search.js';

// Matching end to end: GraphQL → PostgreSQL (the source listing) → Meilisearch (one multi-search
// for counterparts) → scoring → PostgreSQL (the counterparts, public ones only). A database and a
// Meilisearch of this spec's own, so the set of counterparts is exactly the one built below.

jest.setTimeout(120_000);

const MATCHES = `query($id: ID!, $limit: Int) {
  matches(listingId: $id, limit: $limit) {
    score
    reasons { code label weight }
    listing { id kind title status organization { id name } province { code } }
  }
}`;

interface MatchView {
  score: number;
  reasons: { code: string; label: string; weight: number }[];
  listing: { id: string; kind: string; title: string; status: string; organization: { id: string; name: string }; province: { code: string } };
}

let db: SearchDb;
let s: SearchApp;
let meili: Awaited<ReturnType<typeof privateMeili>>;
let moderator: () => Promise<Client>;
let buyer: Client; // member of the cooperative (demands)
let supplier: Client; // member of the institute (offers)
let stranger: Client;
const L: Record<string, string> = {};
const ORG: Record<string, string> = {};

async function matches(client: Client, id: string, limit?: number): Promise<MatchView[]> {
  return (await client.ok<{ matches: MatchView[] }>(MATCHES, { id, limit })).matches;
}
const idsOf = (ms: MatchView[]) => ms.map((m) => m.listing.id);
const reason = (m: MatchView, code: string) => m.reasons.find((r) => r.code === code);

/** The dragon-fruit cold store: the offer the demands below are about. Variants differ only in constraints. */
const coldStore = (over: Partial<ListingSpec>): ListingSpec => ({
  kind: 'OFFER',
  organizationId: ORG.institute,
  title: 'Kho lạnh CA bảo quản sau thu hoạch thanh long xuất khẩu',
  summary: 'Kho lạnh khí quyển điều chỉnh (CA) giữ thanh long tươi 35 ngày, đủ cho vận chuyển container đường biển sang châu Âu.',
  description:
    'Thiết kế, lắp đặt kho lạnh CA dung tích 20–100 tấn; kiểm soát O2, CO2 và ethylene; chuyển giao quy trình bảo quản thanh long sau thu hoạch và đào tạo vận hành.',
  keywords: ['kho lạnh CA', 'bảo quản sau thu hoạch', 'thanh long'],
  fieldCodes: ['407', '211'],
  trl: 8,
  transferModes: ['EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE'],
  priceMin: 300_000_000,
  priceMax: 450_000_000,
  negotiable: true,
  provinceCode: 'ho-chi-minh',
  ...over,
});

beforeAll(async () => {
  meili = await privateMeili();
  db = await createSearchDb();
  s = await startSearchApp(db, searchPrefix(), { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
  moderator = moderatorFor(s.base);
  buyer = (await registerUser(s.base, 'Chủ nhiệm HTX')).client;
  supplier = (await registerUser(s.base, 'Nghiên cứu viên')).client;
  stranger = (await registerUser(s.base, 'Người ngoài')).client;
  ORG.coop = (await createOrganization(buyer, { name: 'Hợp tác xã Thanh long Hàm Thuận', kind: 'OTHER', provinceCode: 'lam-dong' })).id;
  ORG.institute = (await createOrganization(supplier, { name: 'Viện Cơ điện Nông nghiệp và Sau thu hoạch', kind: 'RESEARCH_INSTITUTE', provinceCode: 'ho-chi-minh' })).id;
  ORG.company = (await createOrganization(supplier, { name: 'Công ty Môi trường Xanh', kind: 'ENTERPRISE', provinceCode: 'da-nang' })).id;
  const m = await moderator();

  // Demands, in a business's words: no "kho lạnh", no "CA".
  L.demand = await publish(buyer, m, {
    kind: 'DEMAND',
    organizationId: ORG.coop,
    title: 'Giữ thanh long tươi lâu khi xuất khẩu bằng đường biển',
    summary: 'Trái thanh long của hợp tác xã bị hư sau hai tuần, cần giữ được 30 ngày để bán sang châu Âu.',
    description: 'Hợp tác xã thu hoạch 20 tấn thanh long mỗi tuần; hàng đi container mất 25–30 ngày, đến nơi nhiều trái bị thối cuống, héo vỏ.',
    keywords: ['thanh long', 'giữ tươi lâu', 'xuất khẩu'],
    fieldCodes: ['407', '211'],
    trl: 6,
    transferModes: ['EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE'],
    priceMax: 500_000_000,
    provinceCode: 'lam-dong',
  });
  L.demandNoDiacritics = await publish(buyer, m, {
    kind: 'DEMAND',
    organizationId: ORG.coop,
    title: 'Can giai phap giu thanh long tuoi lau khi xuat khau',
    summary: 'Thanh long cua hop tac xa bi hu sau 2 tuan, can giu duoc 30 ngay de ban sang chau Au bang duong bien.',
    description: 'Moi tuan thu hoach 20 tan thanh long, hang di container mat gan mot thang nen trai bi thoi cuong, heo vo.',
    keywords: ['thanh long', 'giu tuoi lau', 'xuat khau'],
    fieldCodes: ['407'],
    trl: 6,
    transferModes: ['EQUIPMENT_SUPPLY'],
    priceMax: 500_000_000,
    provinceCode: 'lam-dong',
  });
  L.demandEnglish = await publish(buyer, m, {
    kind: 'DEMAND',
    organizationId: ORG.coop,
    title: 'Keep dragon fruit fresh for a month of sea freight',
    summary: 'Our cooperative exports dragon fruit to Europe by reefer container; the fruit spoils after two weeks and we need it to stay fresh for 30 days.',
    description: 'We harvest 20 tonnes a week. Fruit arrives with rotten stems and shrivelled skin after the voyage. We want a way to keep it fresh longer.',
    keywords: ['dragon fruit', 'shelf life', 'export'],
    fieldCodes: ['407'],
    trl: 6,
    transferModes: ['EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE'],
    priceMax: 500_000_000,
    provinceCode: 'lam-dong',
    language: 'en',
  });

  // Offers: the one that fits every constraint, and the same technology over budget / below the minimum TRL.
  L.fits = await publish(supplier, m, coldStore({}));
  L.overBudget = await publish(supplier, m, coldStore({ priceMin: 900_000_000, priceMax: 1_200_000_000 }));
  L.lowTrl = await publish(supplier, m, coldStore({ trl: 4 }));
  L.toArchive = await publish(supplier, m, coldStore({}));
  L.unrelated = await publish(supplier, m, {
    kind: 'OFFER',
    organizationId: ORG.company,
    title: 'Xử lý nước thải chế biến thủy sản bằng bể sinh học giá thể di động',
    summary: 'Dây chuyền MBBR xử lý nước thải nhà máy chế biến tôm, cá đạt QCVN 11-MT:2015.',
    keywords: ['xử lý nước thải', 'MBBR', 'thủy sản'],
    fieldCodes: ['207'],
    trl: 9,
    transferModes: ['TURNKEY'],
    priceMin: 4_000_000_000,
    provinceCode: 'da-nang',
  });
  // Never public: a draft, and a listing in review, both with the very text of the offer that fits.
  L.draftOffer = await draft(supplier, coldStore({}));
  L.pendingOffer = await draft(supplier, coldStore({}));
  await supplier.ok(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: L.pendingOffer });
  // The cooperative's own offer, same text: never a match for the cooperative's own demand.
  L.ownOffer = await publish(buyer, m, coldStore({ organizationId: ORG.coop, provinceCode: 'lam-dong' }));
  // A draft demand of the cooperative, for the access rules.
  L.draftDemand = await draft(buyer, { kind: 'DEMAND', organizationId: ORG.coop, title: 'Bảo quản thanh long tươi lâu cho xuất khẩu', fieldCodes: ['407'], provinceCode: 'lam-dong', keywords: ['thanh long'] });
  await s.t.settle();
}, 180_000);

afterAll(async () => {
  await s?.close();
  await meili?.dispose();
  await db?.drop();
});

describe('matches: scores and reasons', () => {
  it('explains every match: the reasons add up to the score, which lies in [0, 1]', async () => {
    const ms = await matches(s.base, L.demand);
    expect(ms.length).toBeGreaterThanOrEqual(3);
    for (const m of ms) {
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
      const sum = m.reasons.reduce((a, r) => a + r.weight, 0);
      expect(Math.abs(sum - m.score)).toBeLessThan(1e-6);
      for (const r of m.reasons) {
        expect(r.weight).toBeGreaterThanOrEqual(0);
        expect(r.label.length).toBeGreaterThan(3);
      }
      expect(m.listing.kind).toBe('OFFER');
      expect(m.listing.status).toBe('PUBLISHED');
    }
    // best first
    expect(ms.map((m) => m.score)).toEqual([...ms.map((m) => m.score)].sort((a, b) => b - a));
  });

  it("labels reasons in the request's language", async () => {
    const vi = (await matches(s.base, L.demand)).find((m) => m.listing.id === L.fits)!;
    const en = (await matches(s.base.inLang('en'), L.demand)).find((m) => m.listing.id === L.fits)!;
    expect(reason(vi, 'TRL')!.label).toBe('TRL 8 ≥ mức tối thiểu 6');
    expect(reason(en, 'TRL')!.label).toBe('TRL 8 ≥ required minimum 6');
    expect(reason(vi, 'BUDGET')!.label).toMatch(/^Giá nằm trong ngân sách/);
    expect(reason(en, 'BUDGET')!.label).toMatch(/^Price within budget/);
    expect(reason(vi, 'FIELD')!.label).toMatch(/^Cùng lĩnh vực/);
    expect(reason(vi, 'TRANSFER_MODE')!.label).toContain('cung cấp thiết bị');
    expect(en.score).toBe(vi.score);
  });

  it('ranks an offer over budget or below the minimum TRL under the one that fits, and says why', async () => {
    const ms = await matches(s.base, L.demand);
    const ids = idsOf(ms);
    const fits = ms[ids.indexOf(L.fits)];
    const over = ms[ids.indexOf(L.overBudget)];
    const low = ms[ids.indexOf(L.lowTrl)];
    // not hidden…
    expect(over).toBeDefined();
    expect(low).toBeDefined();
    // …but lower
    expect(ids.indexOf(L.fits)).toBeLessThan(ids.indexOf(L.overBudget));
    expect(ids.indexOf(L.fits)).toBeLessThan(ids.indexOf(L.lowTrl));
    expect(fits.score).toBeGreaterThan(over.score);
    expect(fits.score).toBeGreaterThan(low.score);
    // the reason says so, with nothing earned for it
    expect(reason(over, 'BUDGET')).toEqual({ code: 'BUDGET', label: 'Giá vượt ngân sách (từ 900 triệu đồng, ngân sách 500 triệu đồng)', weight: 0 });
    expect(reason(fits, 'BUDGET')!.weight).toBeGreaterThan(0);
    expect(reason(low, 'TRL')).toEqual({ code: 'TRL', label: 'TRL 4 thấp hơn mức tối thiểu 6', weight: 0 });
    expect(reason(fits, 'TRL')!.weight).toBeGreaterThan(0);
    // the unrelated offer, if it comes at all, comes last
    if (ids.includes(L.unrelated)) expect(ids.indexOf(L.unrelated)).toBe(ids.length - 1);
  });

  it('works both ways: the offers of a demand, the demands of an offer', async () => {
    const forOffer = await matches(s.base, L.fits);
    expect(forOffer.every((m) => m.listing.kind === 'DEMAND')).toBe(true);
    expect(idsOf(forOffer).slice(0, 3).sort()).toEqual([L.demand, L.demandNoDiacritics, L.demandEnglish].sort());
    expect(forOffer[0].listing.id).toBe(L.demand);
    const forDemand = await matches(s.base, L.demand);
    expect(forDemand.every((m) => m.listing.kind === 'OFFER')).toBe(true);
    expect(forDemand[0].listing.id).toBe(L.fits);
  });

  it('finds the Vietnamese solution for a demand typed without diacritics, and for one written in English', async () => {
    const noDiacritics = await matches(s.base, L.demandNoDiacritics);
    expect(noDiacritics[0].listing.id).toBe(L.fits);
    expect(noDiacritics[0].listing.title).toContain('thanh long');
    const english = await matches(s.base.inLang('en'), L.demandEnglish);
    expect(english[0].listing.id).toBe(L.fits);
    // across languages the shared subject is named, in the reader's language
    expect(reason(english[0], 'CONCEPTS')!.label).toMatch(/dragon fruit/);
    // and the unrelated offer is nowhere near the top
    for (const ms of [noDiacritics, english]) {
      const i = idsOf(ms).indexOf(L.unrelated);
      expect(i === -1 || i >= 4).toBe(true);
    }
  });

  it("leaves out the source organisation's own listings", async () => {
    const ms = await matches(s.base, L.demand, 50);
    expect(idsOf(ms)).not.toContain(L.ownOffer);
    expect(ms.every((m) => m.listing.organization.id !== ORG.coop)).toBe(true);
    // the same offer is a match for somebody else's listing: it is excluded only for its own organisation
    expect(idsOf(await matches(s.base, L.fits, 50))).not.toContain(L.ownOffer);
  });

  it('honours limit, and refuses a limit outside 1–50 naming it', async () => {
    expect(await matches(s.base, L.demand, 2)).toHaveLength(2);
    for (const limit of [0, 51, -3]) {
      const e = await s.base.error(MATCHES, { id: L.demand, limit });
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(e.fields ?? {})).toEqual(['limit']);
    }
    const en = await s.base.inLang('en').error(MATCHES, { id: L.demand, limit: 0 });
    expect(en.fields!.limit).toBe('The number of matches must be between 1 and 50.');
  });
});

describe('matches: only public counterparts', () => {
  it('never returns a draft, a listing in review, or one archived a moment ago (even before the index catches up)', async () => {
    const before = idsOf(await matches(s.base, L.demand, 50));
    expect(before).toContain(L.toArchive);
    expect(before).not.toContain(L.draftOffer);
    expect(before).not.toContain(L.pendingOffer);
    await supplier.ok(`mutation($id: ID!) { archiveListing(id: $id) { status } }`, { id: L.toArchive });
    // the index still has it (no settle yet); PostgreSQL says it is gone
    const hit = await s.meili.index(s.listingsUid).getDocument(L.toArchive).catch(() => null);
    expect(hit).not.toBeNull();
    expect(idsOf(await matches(s.base, L.demand, 50))).not.toContain(L.toArchive);
    await s.t.settle();
    expect(idsOf(await matches(s.base, L.demand, 50))).not.toContain(L.toArchive);
    // seen from the other side too
    for (const id of [L.draftOffer, L.pendingOffer, L.toArchive]) {
      expect(idsOf(await matches(s.base, L.demandEnglish, 50))).not.toContain(id);
    }
  });
});

describe('matches: who may see them', () => {
  const FIELD = `query($id: ID!) { listing(id: $id) { id status matches(limit: 3) { score listing { id } } } }`;

  it("answers for a draft to its owner's members only; NOT_FOUND for anyone else", async () => {
    const own = await matches(buyer, L.draftDemand);
    expect(own.length).toBeGreaterThan(0);
    expect(own[0].listing.kind).toBe('OFFER');
    expect((await s.base.error(MATCHES, { id: L.draftDemand })).code).toBe('NOT_FOUND');
    expect((await stranger.error(MATCHES, { id: L.draftDemand })).code).toBe('NOT_FOUND');
    // a moderator does not see drafts either
    expect((await (await moderator()).error(MATCHES, { id: L.draftDemand })).code).toBe('NOT_FOUND');
    // the field, for the owner, is the same list
    const field = (await buyer.ok(FIELD, { id: L.draftDemand })).listing;
    expect(field.matches.map((m: { listing: { id: string } }) => m.listing.id)).toEqual(idsOf(own).slice(0, 3));
  });

  it('shows the matches of a listing in review to its owner and to a moderator covering it, not to others', async () => {
    const covering = (await registerModerator(s.base, ['ho-chi-minh'])).client;
    const elsewhere = (await registerModerator(s.base, ['ha-noi'])).client;
    expect((await matches(covering, L.pendingOffer)).length).toBeGreaterThan(0);
    expect((await matches(supplier, L.pendingOffer)).length).toBeGreaterThan(0);
    expect((await elsewhere.error(MATCHES, { id: L.pendingOffer })).code).toBe('NOT_FOUND');
    expect((await stranger.error(MATCHES, { id: L.pendingOffer })).code).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for an unknown or malformed id, and gives published listings their matches on the field for everyone', async () => {
    expect((await s.base.error(MATCHES, { id: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
    expect((await s.base.error(MATCHES, { id: 'not-an-id' })).code).toBe('NOT_FOUND');
    const anonymous = (await s.base.ok(FIELD, { id: L.demand })).listing;
    expect(anonymous.matches[0].listing.id).toBe(L.fits);
    expect(anonymous.matches).toHaveLength(3);
  });

  it('computes Listing.matches for at most 10 listings per request', async () => {
    for (let i = 0; i < 4; i++) await draft(supplier, coldStore({ title: `Kho lạnh CA bảo quản thanh long (bản nháp ${i + 1})` }));
    const MINE = `query($size: Int!) { myListings(page: { pageSize: $size }) { items { id matches(limit: 1) { score } } } }`;
    const ten = (await supplier.ok(MINE, { size: 10 })).myListings.items;
    expect(ten).toHaveLength(10);
    const e = await supplier.inLang('en').error(MINE, { size: 20 });
    expect(e.code).toBe('RATE_LIMITED');
    expect(e.message).toContain('at most 10 listings per request');
  });
});
