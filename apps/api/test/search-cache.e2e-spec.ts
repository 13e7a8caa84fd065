import { jest } from '@jest/globals';
import { Clock } from '../src/common/clock.js';
import { ListingExpiryService } from '../src/modules/listings/listing-expiry.service.js';
import { MatchCache } from '../src/modules/matching/match-cache.js';
import { SearchFacetCache } from '../src/modules/search/facet-cache.js';
import { MEILI } from '../src/modules/search/meili.client.js';
import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import { Client, createOrganization, registerUser } from './support/graphql.js';
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
  type ListingSpec,
  type SearchApp,
  type SearchDb,
  type SearchResultShape,
} from './support/search.js';

// What the API keeps in memory between requests — facet counts (search/facet-cache.ts) and
// rankings of matches (matching/match-cache.ts) — never outlives a change: two API processes on
// one database and one index, changes made and applied through one, read through the other
// (each outbox event is handled by ONE process; the other learns of it from the index version
// counter in PostgreSQL). And nothing that is not public shows through either cache.

jest.setTimeout(180_000);

const UPDATE = `mutation($id: ID!, $input: ListingUpdateInput!) { updateListing(id: $id, input: $input) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitListing(id: $id) { id } }`;
const APPROVE = `mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { status } }`;
const ARCHIVE = `mutation($id: ID!) { archiveListing(id: $id) { status } }`;
const VERSION = `query($id: ID) { listing(id: $id) { version } }`;
const MATCHES = `query($id: ID!) { matches(listingId: $id, limit: 10) { score listing { id title status } } }`;

let db: SearchDb;
let meili: Awaited<ReturnType<typeof privateMeili>>;
let a: SearchApp;
let b: SearchApp;
let moderator: Client;
let owner: Client;
let buyer: Client;
let stranger: Client;
let orgId: string;
let buyerOrgId: string;

/** Facet value counts of one facet, as a plain object. */
const counts = (r: SearchResultShape, facet: string) => Object.fromEntries(r.facets.find((f) => f.name === facet)!.values.map((v) => [v.value, v.count]));

const offer = (over: Partial<ListingSpec>): ListingSpec => ({
  kind: 'OFFER',
  organizationId: orgId,
  title: 'Máy ép viên nhiên liệu sinh khối từ vỏ trấu',
  summary: 'Dây chuyền ép viên nén vỏ trấu, mùn cưa làm chất đốt cho lò hơi công nghiệp, công suất 2 tấn mỗi giờ.',
  keywords: ['viên nén sinh khối', 'vỏ trấu', 'chất đốt'],
  fieldCodes: ['2'],
  provinceCode: 'hue',
  ...over,
});

/** Edits a published listing and has the revision approved (the published text changes). */
async function revise(id: string, input: Record<string, unknown>): Promise<void> {
  const { listing } = await owner.ok<{ listing: { version: number } }>(VERSION, { id });
  await owner.ok(UPDATE, { id, input: { version: listing.version, ...input } });
  await owner.ok(SUBMIT, { id });
  await moderator.ok(APPROVE, { id });
}

async function matchIds(client: Client, id: string): Promise<string[]> {
  return (await client.ok<{ matches: { listing: { id: string } }[] }>(MATCHES, { id })).matches.map((m) => m.listing.id);
}

async function matchScores(client: Client, id: string): Promise<Map<string, number>> {
  const { matches } = await client.ok<{ matches: { score: number; listing: { id: string } }[] }>(MATCHES, { id });
  return new Map(matches.map((m) => [m.listing.id, m.score]));
}

beforeAll(async () => {
  meili = await privateMeili();
  db = await createSearchDb();
  const prefix = searchPrefix();
  const env = { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key };
  a = await startSearchApp(db, prefix, env);
  b = await startSearchApp(db, prefix, env);
  moderator = await moderatorFor(a.base)();
  owner = (await registerUser(a.base, 'Kỹ sư sinh khối')).client;
  buyer = (await registerUser(a.base, 'Giám đốc nhà máy')).client;
  stranger = (await registerUser(a.base, 'Người ngoài')).client;
  orgId = (await createOrganization(owner, { name: 'Công ty Năng lượng Trấu Vàng', kind: 'ENTERPRISE', provinceCode: 'hue' })).id;
  buyerOrgId = (await createOrganization(buyer, { name: 'Nhà máy Giấy Sông Hương', kind: 'ENTERPRISE', provinceCode: 'hue' })).id;
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await meili?.dispose();
  await db?.drop();
});

describe('cached facet counts', () => {
  it('are served from memory while nothing changes, and follow publication, edits and archiving on every process', async () => {
    const first = await publish(owner, moderator, offer({}));
    await a.t.settle();
    const cacheB = b.t.app.get(SearchFacetCache);

    // Browsing (no words) and a filter state: counted, then from memory. (A process stores
    // counts once it has read the index version a first time: two rounds.)
    for (let round = 0; round < 2; round++) {
      await search(b.base, { query: '' });
      await search(b.base, { query: '', provinceCodes: ['hue'] });
    }
    // The browsing page asked before comes whole from memory (no Meilisearch work); another page
    // of a counted state asks Meilisearch for its hits only and takes the counts from memory.
    const before = { ...cacheB.stats };
    const browse = await search(b.base, { query: '' });
    expect(cacheB.stats.pages).toBe(before.pages + 1);
    const filtered = await search(b.base, { query: '', provinceCodes: ['hue'], page: 2 });
    expect(cacheB.stats.hits).toBe(before.hits + 1);
    expect(cacheB.stats.pages).toBe(before.pages + 1);
    expect(ids(browse)).toEqual([first]);
    expect(ids(filtered)).toEqual([]);
    expect(counts(browse, 'provinceCode')).toEqual({ hue: 1 });
    expect(counts(filtered, 'provinceCode')).toEqual({ hue: 1 });

    // A new listing, published and applied through A: B counts it on its next search.
    const second = await publish(owner, moderator, offer({ title: 'Lò hơi đốt viên nén sinh khối cho nhà máy giấy', provinceCode: 'hue' }));
    await a.t.settle();
    expect(counts(await search(b.base, { query: '' }), 'provinceCode')).toEqual({ hue: 2 });
    expect(counts(await search(b.base, { query: '', provinceCodes: ['hue'] }), 'provinceCode')).toEqual({ hue: 2 });
    expect((await search(b.base, { query: '', provinceCodes: ['hue'] })).totalHits).toBe(2);

    // Changed: the second one moves to Đà Nẵng.
    await revise(second, { provinceCode: 'da-nang' });
    await a.t.settle();
    expect(counts(await search(b.base, { query: '' }), 'provinceCode')).toEqual({ hue: 1, 'da-nang': 1 });
    // (the disjunctive count of the filtered state keeps the other provinces' counts)
    expect(counts(await search(b.base, { query: '', provinceCodes: ['hue'] }), 'provinceCode')).toEqual({ hue: 1, 'da-nang': 1 });

    // Archived: gone from the counts, on both processes.
    await owner.ok(ARCHIVE, { id: first });
    await a.t.settle();
    for (const app of [a, b]) {
      const after = await search(app.base, { query: '' });
      expect(counts(after, 'provinceCode')).toEqual({ 'da-nang': 1 });
      expect(ids(after)).toEqual([second]);
    }
  });

  it('never count or show what is not public, even when the counts come from memory', async () => {
    const words = 'bạc đạn gốm chịu nhiệt';
    const pub = await publish(owner, moderator, offer({ title: `Vòng ${words} cho máy nghiền`, provinceCode: 'can-tho' }));
    await draft(owner, offer({ title: `Bản nháp ${words}`, provinceCode: 'ca-mau' }));
    const inReview = await draft(owner, offer({ title: `Đang duyệt ${words}`, provinceCode: 'ca-mau' }));
    await owner.ok(SUBMIT, { id: inReview });
    await a.t.settle();
    await search(b.base, { query: words });
    const cached = await search(b.base, { query: words });
    expect(ids(cached)).toContain(pub);
    expect(shownIds(cached)).not.toContain(inReview);
    expect(counts(cached, 'provinceCode')['can-tho']).toBe(1);
    expect(counts(cached, 'provinceCode')['ca-mau']).toBeUndefined();

    // A browsing page of its province, kept whole in memory (asked twice: the second from memory).
    await search(b.base, { query: '', provinceCodes: ['can-tho'] });
    const pagesBefore = b.t.app.get(SearchFacetCache).stats.pages;
    expect(ids(await search(b.base, { query: '', provinceCodes: ['can-tho'] }))).toEqual([pub]);
    expect(b.t.app.get(SearchFacetCache).stats.pages).toBe(pagesBefore + 1);

    // Archived but not yet applied to the index: the hit is dropped at once (read from PostgreSQL),
    // from a page with words and from the browsing page in memory alike; once applied, the counts drop it too.
    await owner.ok(ARCHIVE, { id: pub });
    expect(shownIds(await search(b.base, { query: words }))).not.toContain(pub);
    expect(shownIds(await search(b.base, { query: '', provinceCodes: ['can-tho'] }))).not.toContain(pub);
    await a.t.settle();
    const after = await search(b.base, { query: words });
    expect(shownIds(after)).not.toContain(pub);
    expect(counts(after, 'provinceCode')['can-tho']).toBeUndefined();
  });
});

describe('the close matches’ count from memory', () => {
  it('asks Meilisearch for a repeated search’s page by limit, without the exhaustive count, and answers the same page', async () => {
    for (const n of [1, 2, 3]) {
      await publish(owner, moderator, offer({ title: `Dây chuyền ép viên nén mùn cưa số ${n}`, provinceCode: 'can-tho' }));
    }
    await a.t.settle();
    const sent: MultiSearchQuery[][] = [];
    const meiliB = b.t.app.get<Meilisearch>(MEILI);
    const original = meiliB.multiSearch.bind(meiliB);
    const spy = jest.spyOn(meiliB, 'multiSearch').mockImplementation(((request: { queries?: MultiSearchQuery[] }, ...rest: unknown[]) => {
      sent.push((request.queries ?? []).map((q) => ({ ...q })));
      return (original as (...args: unknown[]) => unknown)(request, ...rest);
    }) as never);
    try {
      const input = { query: 'ép viên nén', provinceCodes: ['can-tho'], pageSize: 2 };
      // counted twice (a process labels counts once it has read the index version a first time)
      const page1 = await search(b.base, input);
      const page2 = await search(b.base, { ...input, page: 2 });
      await search(b.base, input);
      expect(page1.totalHits).toBe(3);
      expect(ids(page1)).toHaveLength(2);
      expect(ids(page2)).toHaveLength(1);

      sent.length = 0;
      const again1 = await search(b.base, input);
      const again2 = await search(b.base, { ...input, page: 2 });
      // the page's query went by offset and limit, with its close-match bar, and no facet or count query
      // (the page's own multi-search; the related results that follow the last close match are asked apart)
      const pageQueries = sent.filter((qs) => qs.some((q) => q.showMatchesPosition));
      expect(pageQueries).toHaveLength(2);
      for (const qs of pageQueries) {
        expect(qs).toHaveLength(1);
        expect(qs[0]).toEqual(expect.objectContaining({ limit: expect.any(Number), offset: expect.any(Number), rankingScoreThreshold: expect.any(Number) }));
        expect(qs[0].hitsPerPage).toBeUndefined();
        expect(qs[0].page).toBeUndefined();
      }
      // …and the same answer as when counted: hits, order, total, counts
      expect(ids(again1)).toEqual(ids(page1));
      expect(ids(again2)).toEqual(ids(page2));
      expect(again1.totalHits).toBe(3);
      expect(again2.totalHits).toBe(3);
      expect(counts(again1, 'provinceCode')).toEqual(counts(page1, 'provinceCode'));
    } finally {
      spy.mockRestore();
    }
  });

  it('counts a page past the last close match like the first page, and keeps no count from it', async () => {
    // every word of "ép viên nén" in it, none close to another: not a close match
    await publish(owner, moderator, {
      ...offer({ provinceCode: 'can-tho' }),
      title: 'Máy nén khí trục vít cho xưởng cơ khí',
      summary: 'Khí sạch, áp suất ổn định cho dây chuyền sơn tĩnh điện.',
      description: 'Bảo hành hai năm. Kỹ thuật viên của hãng lắp đặt tại xưởng và đào tạo vận hành. Có bản vẽ khuôn ép vỏ máy.',
      keywords: [],
    });
    await a.t.settle();
    const input = { query: 'ép viên nén', provinceCodes: ['can-tho'], pageSize: 20 };
    // past the end (Meilisearch, asked for it, counts every listing with the words, close or not)
    const past = await search(b.base, { ...input, page: 3 });
    expect(past.hits).toEqual([]);
    expect(past.totalHits).toBe(3);
    expect(counts(past, 'kind')).toEqual({ OFFER: 3 });
    // …and the first page, after it, is not served that count from memory
    const first = await search(b.base, input);
    expect(first.totalHits).toBe(3);
    expect(ids(first)).toHaveLength(3);
    expect(counts(first, 'kind')).toEqual({ OFFER: 3 });
  });
});

describe('cached matches', () => {
  it('follow publication, edits and archiving, keep the access rules, and drop what expires by the clock', async () => {
    const demand = await publish(buyer, moderator, {
      kind: 'DEMAND',
      organizationId: buyerOrgId,
      title: 'Cần lò hơi đốt viên nén vỏ trấu thay than đá',
      summary: 'Nhà máy giấy cần chuyển lò hơi sang đốt viên nén sinh khối từ vỏ trấu để giảm chi phí nhiên liệu.',
      keywords: ['lò hơi', 'viên nén sinh khối', 'vỏ trấu'],
      fieldCodes: ['2'],
      provinceCode: 'hue',
    });
    const boiler = await publish(owner, moderator, offer({ title: 'Lò hơi tầng sôi đốt viên nén vỏ trấu', keywords: ['lò hơi', 'viên nén sinh khối', 'vỏ trấu'] }));
    await a.t.settle();
    const cacheB = b.t.app.get(MatchCache);
    // The buyer reads through B; the writes go through A and A's outbox applies them.
    const buyerB = new Client(b.t.url, buyer.token);

    const before = await matchIds(buyerB, demand);
    expect(before).toContain(boiler);
    const hits = cacheB.stats.hits;
    expect(await matchIds(buyerB, demand)).toEqual(before);
    expect(cacheB.stats.hits).toBe(hits + 1);

    // Published through A, applied by A: B's next answer has it.
    const newer = await publish(owner, moderator, offer({ title: 'Lò hơi ghi xích đốt viên nén trấu cho nhà máy giấy', keywords: ['lò hơi', 'vỏ trấu'] }));
    await a.t.settle();
    expect(await matchIds(buyerB, demand)).toContain(newer);
    const scoreBefore = (await matchScores(buyerB, demand)).get(newer)!;

    // Changed into something else entirely: no longer a good match.
    await revise(newer, {
      title: 'Phần mềm quản lý hồ sơ bệnh án điện tử',
      summary: 'Hệ thống hồ sơ bệnh án điện tử cho phòng khám tư nhân, kết nối bảo hiểm y tế.',
      description: 'Phần mềm quản lý bệnh nhân, kê đơn và thanh toán bảo hiểm y tế cho phòng khám.',
      keywords: ['bệnh án điện tử', 'phòng khám'],
      fieldCodes: ['3'],
    });
    await a.t.settle();
    // (with a handful of offers in the index it may still be listed, far lower: the ranking is new)
    const scoreAfter = (await matchScores(buyerB, demand)).get(newer) ?? 0;
    expect(scoreAfter).toBeLessThan(scoreBefore - 0.1);

    // Archived: gone at once (counterparts are re-read from PostgreSQL), and after the outbox too.
    await matchIds(buyerB, demand);
    await owner.ok(ARCHIVE, { id: boiler });
    expect(await matchIds(buyerB, demand)).not.toContain(boiler);
    await a.t.settle();
    expect(await matchIds(buyerB, demand)).not.toContain(boiler);

    // A draft's matches, cached for its owner, are still nobody else's business.
    const draftDemand = await draft(buyer, { kind: 'DEMAND', organizationId: buyerOrgId, title: 'Cần viên nén vỏ trấu cho lò hơi', keywords: ['viên nén sinh khối', 'vỏ trấu'], fieldCodes: ['2'], provinceCode: 'hue' });
    await matchIds(buyerB, draftDemand);
    await matchIds(buyerB, draftDemand);
    expect((await new Client(b.t.url, stranger.token).error(MATCHES, { id: draftDemand })).code).toBe('NOT_FOUND');
    expect((await b.base.error(MATCHES, { id: draftDemand })).code).toBe('NOT_FOUND');

    // Expiry by the clock: the offers expire (the expiry job on B's clock), B's cached ranking goes with them.
    const fresh = await publish(owner, moderator, offer({ title: 'Lò hơi đốt viên nén vỏ trấu công suất nhỏ', keywords: ['lò hơi', 'vỏ trấu'] }));
    await a.t.settle();
    expect(await matchIds(buyerB, demand)).toContain(fresh);
    await matchIds(buyerB, demand);
    b.t.app.get(Clock).advance(400 * 24 * 3600 * 1000);
    try {
      await b.t.app.get(ListingExpiryService).runOnce();
      await b.t.settle();
      // The demand itself expired too: still visible to its owner, with no live counterpart.
      expect(await matchIds(buyerB, demand)).toEqual([]);
    } finally {
      b.t.app.get(Clock).reset();
    }
  });
});
