import { describe, expect, it, jest } from '@jest/globals';
import { foldDiacritics } from '@techport/shared';
import { toListingDocument, type ListingDocument, type ListingSource } from '../search/listing-document.js';
import { LISTING_INDEX_SETTINGS } from '../search/listing-index-settings.js';
import { CONCEPTS, MATCH_EMBEDDER, MATCH_VECTOR_DIMENSIONS, extractConcepts, foldText, isAccentedText, matchVector } from '../text/index.js';
import { findMatches, type MatchHit, type RankedMatch } from './matching.engine.js';
import { rankCandidates } from './ranking.js';
import { sharedTerms } from './explanations.js';
import { buildMatchQueries, matchQueryNames, queryWords } from './retrieval.js';
import { RELEVANCE_WEIGHTS, CONSTRAINT_WEIGHTS } from './matching.weights.js';
import { termVector } from './listing-features.js';

function source(over: Partial<ListingSource> = {}): ListingSource {
  return {
    id: 'x',
    kind: 'OFFER',
    slug: 'x',
    title: '',
    summary: '',
    description: '',
    keywords: [],
    fieldCodes: [],
    organization: { id: 'org', name: 'Viện Cơ điện', kind: 'RESEARCH_INSTITUTE', verified: true },
    provinceCode: 'ha-noi',
    transferModes: ['LICENSING'],
    ipStatus: null,
    trl: null,
    priceMin: null,
    priceMax: null,
    negotiable: false,
    language: 'vi',
    publishedAt: new Date('2025-01-01T00:00:00Z'),
    ...over,
  };
}

const demand = toListingDocument(
  source({
    id: 'd1',
    kind: 'DEMAND',
    title: 'Giữ thanh long tươi lâu khi xuất khẩu bằng đường biển',
    summary: 'Trái thanh long bị hư sau 2 tuần, cần giữ được 30 ngày để bán sang châu Âu.',
    description: 'Hợp tác xã cần giải pháp bảo quản cho 20 tấn thanh long mỗi tuần.',
    keywords: ['thanh long', 'giữ tươi lâu', 'xuất khẩu'],
    fieldCodes: ['407', '211'],
    provinceCode: 'lam-dong',
    transferModes: ['EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE'],
    trl: 6,
    priceMax: 500_000_000,
  }),
);

function offer(id: string, over: Partial<ListingSource> = {}): ListingDocument {
  return toListingDocument(
    source({
      id,
      kind: 'OFFER',
      title: 'Kho lạnh CA bảo quản sau thu hoạch thanh long xuất khẩu',
      summary: 'Kho lạnh khí quyển điều chỉnh giữ thanh long 35 ngày.',
      description: 'Thiết kế, lắp đặt kho lạnh CA; chuyển giao quy trình bảo quản thanh long.',
      keywords: ['kho lạnh CA', 'bảo quản sau thu hoạch', 'thanh long'],
      fieldCodes: ['407', '211'],
      provinceCode: 'ho-chi-minh',
      transferModes: ['EQUIPMENT_SUPPLY'],
      trl: 8,
      priceMin: 300_000_000,
      priceMax: 450_000_000,
      ...over,
    }),
  );
}

const unrelated = toListingDocument(
  source({
    id: 'o-erp',
    title: 'Phần mềm ERP cho doanh nghiệp may mặc',
    summary: 'Quản lý đơn hàng, tồn kho và kế toán trên nền tảng đám mây.',
    keywords: ['ERP', 'phần mềm quản lý'],
    fieldCodes: ['212', '501'],
    transferModes: ['LICENSING'],
    trl: 9,
    priceMin: 80_000_000,
  }),
);

const names = matchQueryNames(demand);
/** Every query returned the candidates in the given order. */
function hits(...cands: ListingDocument[]): MatchHit[][] {
  return names.map(() => cands as unknown as MatchHit[]);
}

function sumOf(m: RankedMatch): number {
  return m.reasons.reduce((s, r) => s + r.weight, 0);
}

describe('rankCandidates', () => {
  const good = offer('o-good');
  const ranked = rankCandidates(demand, hits(good, unrelated), 'vi');

  it('scores in [0,1] with reasons whose weights add up to the score, at 4 decimals', () => {
    expect(ranked.length).toBeGreaterThan(0);
    for (const m of ranked) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(Math.abs(sumOf(m) - m.score)).toBeLessThan(1e-9);
      for (const r of m.reasons) expect(Math.round(r.weight * 1e4) / 1e4).toBe(r.weight);
      expect(Math.round(m.score * 1e4) / 1e4).toBe(m.score);
    }
  });

  it('puts the relevant offer first and explains it with the expected reason codes', () => {
    expect(ranked[0].id).toBe('o-good');
    const codes = ranked[0].reasons.map((r) => r.code);
    for (const c of ['KEYWORDS', 'CONCEPTS', 'FIELD', 'TRL', 'BUDGET', 'TRANSFER_MODE']) expect(codes).toContain(c);
    const erp = ranked.find((m) => m.id === 'o-erp');
    if (erp) expect(erp.score).toBeLessThan(ranked[0].score / 2);
  });

  it('labels in Vietnamese', () => {
    const labels = Object.fromEntries(ranked[0].reasons.map((r) => [r.code, r.label]));
    expect(labels.TRL).toBe('TRL 8 ≥ mức tối thiểu 6');
    expect(labels.BUDGET).toMatch(/^Giá nằm trong ngân sách/);
    expect(labels.TRANSFER_MODE).toBe('Hình thức chuyển giao phù hợp: cung cấp thiết bị');
    expect(labels.FIELD).toMatch(/^Cùng lĩnh vực: /);
    expect(labels.CONCEPTS).toMatch(/thanh long/);
    expect(labels.KEYWORDS).toMatch(/^Từ khóa chung: .*thanh long/);
  });

  it('labels in English', () => {
    const en = rankCandidates(demand, hits(good), 'en')[0];
    const labels = Object.fromEntries(en.reasons.map((r) => [r.code, r.label]));
    expect(labels.TRL).toBe('TRL 8 ≥ required minimum 6');
    expect(labels.BUDGET).toMatch(/^Price within budget/);
    expect(labels.TRANSFER_MODE).toBe('Transfer mode accepted: equipment supply');
    expect(labels.FIELD).toMatch(/^Same field: /);
    expect(labels.CONCEPTS).toMatch(/dragon fruit/);
    expect(en.score).toBe(rankCandidates(demand, hits(good), 'vi')[0].score);
  });

  it('ranks an over-budget offer below an equivalent one within budget, and says so', () => {
    // the over-budget twin comes first in every query, so retrieval alone would favour it
    const pricey = offer('o-pricey', { priceMin: 900_000_000, priceMax: 1_200_000_000 });
    const r = rankCandidates(demand, hits(pricey, good), 'vi');
    expect(r.map((m) => m.id).slice(0, 2)).toEqual(['o-good', 'o-pricey']);
    const budget = r[1].reasons.find((x) => x.code === 'BUDGET')!;
    expect(budget.weight).toBe(0);
    expect(budget.label).toMatch(/^Giá vượt ngân sách/);
    expect(Math.abs(sumOf(r[1]) - r[1].score)).toBeLessThan(1e-9);
    const en = rankCandidates(demand, hits(pricey, good), 'en')[1].reasons.find((x) => x.code === 'BUDGET')!;
    expect(en.label).toMatch(/^Price over budget/);
  });

  it('does not compare a price and a budget in two currencies, and says so in each one', () => {
    // 12,000 USD is not "12,000 đồng, within any budget", nor over a budget of 1 billion đồng
    const dollars = offer('o-usd', { priceMin: 12_000, priceMax: 15_000, currency: 'USD' });
    const budget = rankCandidates(demand, hits(dollars), 'vi')[0].reasons.find((x) => x.code === 'BUDGET')!;
    expect(budget.label).toMatch(/^Giá tính bằng USD \(từ 12\.000 USD\), ngân sách bằng VND .*chưa so được$/);
    const en = rankCandidates(demand, hits(dollars), 'en')[0].reasons.find((x) => x.code === 'BUDGET')!;
    expect(en.label).toMatch(/^Price in USD \(from 12,000 USD\), budget in VND \(VND .*\): not compared$/);
    expect(en.weight).toBe(rankCandidates(demand, hits(offer('o-ask', { priceMin: null, priceMax: null })), 'en')[0].reasons.find((x) => x.code === 'BUDGET')!.weight);
  });

  it('ranks an offer below the minimum TRL below an equivalent one that meets it, and says so', () => {
    const early = offer('o-early', { trl: 4 });
    const r = rankCandidates(demand, hits(early, good), 'vi');
    expect(r.map((m) => m.id).slice(0, 2)).toEqual(['o-good', 'o-early']);
    const trl = r[1].reasons.find((x) => x.code === 'TRL')!;
    expect(trl.label).toBe('TRL 4 thấp hơn mức tối thiểu 6');
    expect(trl.weight).toBeLessThan(r[0].reasons.find((x) => x.code === 'TRL')!.weight);
    const en = rankCandidates(demand, hits(early, good), 'en')[1].reasons.find((x) => x.code === 'TRL')!;
    expect(en.label).toBe('TRL 4 is below the required minimum 6');
  });

  it('keeps an offer with no transfer mode in common, lower, with a zero-weight reason', () => {
    const other = offer('o-licence', { transferModes: ['LICENSING'] });
    const r = rankCandidates(demand, hits(other, good), 'vi');
    expect(r.map((m) => m.id).slice(0, 2)).toEqual(['o-good', 'o-licence']);
    const mode = r[1].reasons.find((x) => x.code === 'TRANSFER_MODE')!;
    expect(mode).toEqual({ code: 'TRANSFER_MODE', label: 'Không có hình thức chuyển giao chung', weight: 0 });
  });

  it('matches a problem written without diacritics to the same offer', () => {
    const plain = toListingDocument(
      source({
        id: 'd2',
        kind: 'DEMAND',
        title: 'giu thanh long tuoi lau khi xuat khau',
        summary: 'trai thanh long bi hu sau 2 tuan',
        keywords: ['thanh long', 'giu tuoi lau'],
        fieldCodes: ['407'],
        transferModes: ['EQUIPMENT_SUPPLY'],
      }),
    );
    const r = rankCandidates(plain, buildMatchQueries(plain).map(() => [good, unrelated] as unknown as MatchHit[]), 'vi');
    expect(r[0].id).toBe('o-good');
    expect(r[0].reasons.find((x) => x.code === 'KEYWORDS')!.label).toMatch(/thanh long/);
  });

  it('matches demands for an offer, with the same constraint logic', () => {
    const r = rankCandidates(good, buildMatchQueries(good).map(() => [demand] as unknown as MatchHit[]), 'en');
    expect(r[0].id).toBe('d1');
    expect(r[0].reasons.find((x) => x.code === 'TRL')!.label).toBe('TRL 8 ≥ required minimum 6');
  });

  it('returns only the first `limit` matches, and nothing for an empty pool', () => {
    expect(rankCandidates(demand, hits(good, unrelated), 'vi', undefined, 1)).toHaveLength(1);
    expect(rankCandidates(demand, names.map(() => []), 'vi')).toEqual([]);
  });

  it('has weights that add up to 1 inside each group', () => {
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(RELEVANCE_WEIGHTS)).toBeCloseTo(1, 9);
    expect(sum(CONSTRAINT_WEIGHTS)).toBeCloseTo(1, 9);
  });
});

describe('buildMatchQueries', () => {
  it('asks for the counterpart kind, with at most 10 words per keyword query and one vector query', () => {
    const qs = buildMatchQueries(demand, 'listings');
    expect(qs.length).toBeGreaterThanOrEqual(2);
    for (const q of qs) {
      expect(q.indexUid).toBe('listings');
      expect(q.filter).toBe('kind = "OFFER"');
      expect(String(q.q).split(' ').filter(Boolean).length).toBeLessThanOrEqual(10);
    }
    const vector = qs.filter((q) => q.vector);
    expect(vector).toHaveLength(1);
    expect(vector[0].hybrid).toEqual({ embedder: MATCH_EMBEDDER, semanticRatio: 1 });
    expect(vector[0].vector).toHaveLength(MATCH_VECTOR_DIMENSIONS);
    expect(buildMatchQueries(offer('o')).every((q) => q.filter === 'kind = "DEMAND"')).toBe(true);
    expect(qs.every((q) => !('name' in q))).toBe(true);
    expect(matchQueryNames(demand)).toEqual(['vector', 'title', 'keywords']);
  });

  it('drops function words before folding, so content words survive', () => {
    expect(queryWords('Cần được trồng rau trong nhà kính để bán')).toBe('trồng rau nhà kính bán');
    expect(queryWords('Keeping dragon fruit fresh for 30+ days')).toBe('dragon fruit fresh days');
  });
});

describe('findMatches', () => {
  it('sends all queries in ONE multi-search request and ranks the hits', async () => {
    const good = offer('o-good');
    const multiSearch = jest.fn(async (params: { queries: unknown[] }) => ({
      results: params.queries.map(() => ({ hits: [good, unrelated] as unknown[] })),
    }));
    const out = await findMatches({ multiSearch }, 'listings', demand, 1, 'en', 'organizationId != "org-me"');
    expect(multiSearch).toHaveBeenCalledTimes(1);
    const sent = multiSearch.mock.calls[0][0].queries as { filter: string; indexUid: string }[];
    expect(sent.every((q) => q.indexUid === 'listings' && q.filter.endsWith('AND (organizationId != "org-me")'))).toBe(true);
    expect(out).toHaveLength(1);
    expect(out[0].id).toBe('o-good');
  });
});

describe('concepts and the listing document', () => {
  it('tags a problem and its solution alike, with or without diacritics, in Vietnamese or English', () => {
    const problem = extractConcepts('Giữ thanh long tươi lâu khi xuất khẩu');
    const plain = extractConcepts('giu thanh long tuoi lau khi xuat khau');
    const english = extractConcepts('Keeping dragon fruit fresh for export');
    const solution = extractConcepts('Kho lạnh CA bảo quản sau thu hoạch thanh long');
    for (const tags of [problem, plain, english, solution]) expect(tags).toEqual(expect.arrayContaining(['dragonfruit', 'postharvest']));
    expect(extractConcepts('Xoài, mít sấy bị ám khói vì lò củi')).toEqual(expect.arrayContaining(['heatpump', 'drying']));
    expect(extractConcepts('Our mill must treat its wastewater')).toContain('wastewater');
    expect(extractConcepts('Nhà máy cần xử lý nước thải')).toContain('wastewater');
  });

  it('reads monitoring as sensing, not as waste water, and names plastic alternatives, dyeing and water reuse in English too', () => {
    // "quan trắc" (monitoring) is a word of weather stations, cold stores and ponds as much as of effluent
    expect(extractConcepts('Cold storage monitoring')).not.toContain('wastewater');
    expect(extractConcepts('Trạm quan trắc khí tượng')).not.toContain('wastewater');
    expect(extractConcepts('Quan trắc nước thải tự động')).toContain('wastewater');
    expect(extractConcepts('Plastic straw alternative')).toContain('plasticalt');
    expect(extractConcepts('Ống hút thay thế nhựa')).toContain('plasticalt');
    expect(extractConcepts('Hộp đựng cơm tự phân hủy')).toContain('plasticalt');
    expect(extractConcepts('Reuse dyeing wastewater')).toContain('dyeing');
    expect(extractConcepts('Water reuse for a dye house')).toContain('watersaving');
  });

  it('takes a translation by the accents of an accent-only term ("héo", wilted, is not "heo", pig)', () => {
    expect(extractConcepts('African swine fever test')).not.toContain('postharvest');
    expect(extractConcepts('Rice husk gasifier')).not.toContain('cattle'); // "trấu" is not "trâu", buffalo
    expect(extractConcepts('Rau bị héo sau thu hoạch')).toContain('postharvest');
    expect(extractConcepts('Swine farm')).toContain('pig');
  });

  it('takes a translation by the case of a case-sensitive term ("MAP" packaging is not a map)', () => {
    expect(extractConcepts('Drone bay theo bản đồ')).not.toContain('controlledatm');
    expect(extractConcepts('Bao gói MAP cho thanh long')).toContain('controlledatm');
    expect(extractConcepts('Sơ chế cà phê, nước tuần hoàn')).not.toContain('ras'); // recirculated water, not fish farming
    expect(extractConcepts('Hệ thống RAS nuôi cá')).toContain('ras');
  });

  it('keeps general words out of narrow concepts (machine learning is no machine, a rice mill no CNC shop, a pig farmer no crop grower)', () => {
    expect(extractConcepts('Dự báo bằng học máy')).not.toContain('machinery');
    expect(extractConcepts('Lò hơi cho nhà máy xay xát')).not.toContain('robotics');
    expect(extractConcepts('Trạm cấp nước sạch xử lý nước sông bằng ozone')).not.toContain('pondwater');
    expect(extractConcepts('Kit LAMP phát hiện virus')).not.toContain('lighting');
    expect(extractConcepts('Solar street lamp')).toContain('lighting');
    expect(extractConcepts('Sục khí ozone cho ao tôm')).toContain('pondwater');
    expect(extractConcepts('Hạt nano oxit kẽm ứng dụng trong sơn tường')).not.toContain('software'); // "ứng dụng": applied, not an app
    expect(extractConcepts('Ứng dụng di động quản lý ao nuôi')).toContain('software');
    expect(extractConcepts('Pig farmers need biogas')).not.toContain('crop'); // farming animals is not crop growing
    expect(extractConcepts('Rice farming in the delta')).toContain('crop');
  });

  it('reads both tone placements alike ("thuỷ sản" is "thủy sản", "hoá chất" is "hóa chất")', () => {
    expect(extractConcepts('Nuôi trồng thuỷ sản')).toEqual(extractConcepts('Nuôi trồng thủy sản'));
    expect(extractConcepts('Nuôi trồng thuỷ sản')).toContain('aquaculture');
    expect(extractConcepts('Giảm phân bón hoá học')).toEqual(extractConcepts('Giảm phân bón hóa học'));
  });

  it('reads an English plural as its term ("shrimps" is shrimp), and joins no Vietnamese words', () => {
    expect(extractConcepts('Shrimps dying overnight in our ponds')).toContain('shrimp');
    expect(extractConcepts('Two greenhouses for seedlings')).toContain('greenhouse');
    expect(extractConcepts('Nuôi tôm thẻ chân trắng')).toContain('shrimp');
    expect(extractConcepts('Cảm biến mực nước ruộng')).not.toContain('squid');
  });

  it('does not read accented words as their folded homographs', () => {
    expect(extractConcepts('Giữ trái cây tươi')).not.toContain('irrigation'); // tươi ≠ tưới
    expect(extractConcepts('Hệ thống tưới nhỏ giọt')).toContain('irrigation');
    expect(extractConcepts('Công nghệ sấy mới của nhà máy')).not.toContain('spice'); // công nghệ ≠ củ nghệ
    expect(extractConcepts('Cảm biến mực nước ruộng')).not.toContain('squid'); // mực nước ≠ con mực
    expect(extractConcepts('ai cũng dùng được')).not.toContain('ai'); // the pronoun, not AI
    expect(extractConcepts('Camera AI đếm xe')).toContain('ai');
  });

  it('folds by table exactly as the shared foldDiacritics does, and tells accented text apart', () => {
    const sample = 'Đèn LED thu hút cá, mực; sấy lạnh 18–35°C; ỨNG DỤNG ƯỚT KHÔ XEN KẼ; Phở — x × y ÷ z; 冷库';
    expect(foldText(sample)).toBe(foldDiacritics(sample));
    expect(foldText(sample.toLowerCase())).toBe(foldDiacritics(sample.toLowerCase()));
    expect(isAccentedText('Máy sấy bơm nhiệt cho xoài')).toBe(true);
    expect(isAccentedText('may say bom nhiet cho xoai')).toBe(false);
    expect(isAccentedText('Heat-pump dryer for mango')).toBe(false);
  });

  it('has unique lower-case concept ids', () => {
    const ids = CONCEPTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+$/);
  });

  it('builds the document: ancestors, names, province names, epoch ms, tags and a unit vector', () => {
    const doc = toListingDocument(source({ fieldCodes: ['407'], provinceCode: 'tay-ninh', title: 'Máy sấy bơm nhiệt' }));
    expect(doc.fieldCodes).toEqual(['407', '4']);
    expect(doc.primaryFieldCodes).toEqual(['407']);
    expect(doc.fieldNames).toEqual(expect.arrayContaining(['Cơ giới hóa và sau thu hoạch', 'Khoa học nông nghiệp']));
    expect(doc.provinceNames).toEqual(expect.arrayContaining(['Tây Ninh', 'Long An']));
    expect(doc.publishedAt).toBe(Date.UTC(2025, 0, 1));
    expect(doc.concepts).toEqual(expect.arrayContaining(['drying', 'heatpump']));
    const v = doc._vectors.matching!;
    expect(v).toHaveLength(MATCH_VECTOR_DIMENSIONS);
    expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    expect(matchVector([], [])).toBeNull();
  });

  it('declares the settings the search module and matching rely on', () => {
    const s = LISTING_INDEX_SETTINGS;
    expect(s.searchableAttributes?.slice(0, 2)).toEqual(['title', 'keywords']);
    for (const f of ['kind', 'fieldCodes', 'provinceCode', 'transferModes', 'organizationKind', 'organizationId', 'trl', 'priceMin', 'priceMax', 'organizationVerified', 'publishedAt', 'language'])
      expect(s.filterableAttributes).toContain(f);
    expect(s.sortableAttributes).toEqual(expect.arrayContaining(['publishedAt', 'comparablePrice', 'trl']));
    expect(s.synonyms?.['nước thải']).toContain('wastewater');
    expect(s.synonyms?.['iot']).toContain('internet vạn vật');
    expect(s.embedders?.[MATCH_EMBEDDER]).toEqual({ source: 'userProvided', dimensions: MATCH_VECTOR_DIMENSIONS });
  });
});

describe('feedback from interests and deals (MATCH_FEEDBACK)', () => {
  // Two offers that answer the demand about equally: a cold store and a coating.
  const coldStore = offer('o-cold');
  const coating = offer('o-coat', {
    title: 'Màng phủ chitosan kéo dài thời gian bảo quản thanh long',
    summary: 'Lớp phủ ăn được giữ thanh long tươi 30 ngày khi xuất khẩu.',
    description: 'Chuyển giao công thức màng phủ chitosan và quy trình bảo quản sau thu hoạch.',
    keywords: ['màng phủ', 'bảo quản sau thu hoạch', 'thanh long'],
  });
  // Another buyer's demand, worded differently but about the same thing, that made a deal on the coating.
  const similarDemand = toListingDocument(
    source({ id: 'd-other', kind: 'DEMAND', title: 'Thanh long mau hư khi chở container, cần giữ tươi lâu', keywords: ['thanh long', 'bảo quản'] }),
  );
  const unrelatedDemand = toListingDocument(source({ id: 'd-erp', kind: 'DEMAND', title: 'Cần phần mềm ERP quản lý tồn kho xưởng may' }));
  const now = Date.parse('2026-06-01T00:00:00Z');
  const pairOf = (counterpart: ListingDocument, kind: 'DEAL' | 'INTEREST', daysAgo: number) => ({
    candidateId: 'o-coat',
    counterpart: { id: counterpart.id, concepts: counterpart.concepts },
    kind,
    at: now - daysAgo * 86_400_000,
  });
  const rankOf = (feedback?: Parameters<typeof rankCandidates>[5]) => rankCandidates(demand, hits(coldStore, coating), 'en', names, 10, feedback);
  const scoreOf = (ranked: RankedMatch[], id: string) => ranked.find((m) => m.id === id)?.score ?? 0;

  it('raises the pair for a similar demand, and says why', () => {
    const without = rankOf();
    const withDeal = rankOf({ pairs: [pairOf(similarDemand, 'DEAL', 0)], now });
    expect(scoreOf(withDeal, 'o-coat')).toBeGreaterThan(scoreOf(without, 'o-coat'));
    expect(scoreOf(withDeal, 'o-cold')).toBe(scoreOf(without, 'o-cold'));
    expect(withDeal[0].id).toBe('o-coat');
    expect(withDeal[0].reasons.map((r) => r.code)).toContain('FEEDBACK');
    expect(Math.abs(sumOf(withDeal[0]) - withDeal[0].score)).toBeLessThan(1e-9);
  });

  it('a deal counts more than an interest; a deal for an unrelated demand counts nothing', () => {
    const deal = scoreOf(rankOf({ pairs: [pairOf(similarDemand, 'DEAL', 0)], now }), 'o-coat');
    const interest = scoreOf(rankOf({ pairs: [pairOf(similarDemand, 'INTEREST', 0)], now }), 'o-coat');
    const elsewhere = scoreOf(rankOf({ pairs: [pairOf(unrelatedDemand, 'DEAL', 0)], now }), 'o-coat');
    expect(deal).toBeGreaterThan(interest);
    expect(interest).toBeGreaterThan(scoreOf(rankOf(), 'o-coat'));
    expect(elsewhere).toBe(scoreOf(rankOf(), 'o-coat'));
  });

  it('decays with age: a deal of a year and a half ago lifts less than a fresh one', () => {
    const fresh = scoreOf(rankOf({ pairs: [pairOf(similarDemand, 'DEAL', 0)], now }), 'o-coat');
    const old = scoreOf(rankOf({ pairs: [pairOf(similarDemand, 'DEAL', 540)], now }), 'o-coat');
    const ancient = scoreOf(rankOf({ pairs: [pairOf(similarDemand, 'DEAL', 3650)], now }), 'o-coat');
    expect(old).toBeLessThan(fresh);
    expect(old).toBeGreaterThan(ancient);
    expect(ancient - scoreOf(rankOf(), 'o-coat')).toBeLessThan(0.001);
  });

  it('brings a labelled candidate into the pool that no query returned', () => {
    const onlyCold = rankCandidates(demand, hits(coldStore), 'en', names, 10);
    expect(onlyCold.map((m) => m.id)).not.toContain('o-coat');
    const withFeedback = rankCandidates(demand, hits(coldStore), 'en', names, 10, {
      pairs: [pairOf(similarDemand, 'DEAL', 0)],
      now,
      candidates: [coating as unknown as MatchHit],
    });
    expect(withFeedback.map((m) => m.id)).toContain('o-coat');
  });
});

describe('the shared keywords a match names', () => {
  it('names shared phrases and whole words, not a lone syllable or a unit', () => {
    const demand = toListingDocument(source({ kind: 'DEMAND', title: 'Cần máy sấy bơm nhiệt cho gừng, 200 kg mỗi mẻ', summary: 'Cần hỗ trợ lắp đặt và bảo hành sau bán hàng.' }));
    const offer = toListingDocument(source({ title: 'Máy sấy bơm nhiệt buồng kín cho gừng, 200 kg/mẻ', summary: 'Hỗ trợ kỹ thuật sau bán hàng; lắp đặt tại xưởng.' }));
    const terms = sharedTerms(termVector(demand), offer);
    expect(terms.length).toBeGreaterThan(0);
    // phrases as the offer spells them ("bơm nhiệt", "máy sấy", "lắp đặt"…)
    expect(terms.every((t) => t.includes(' '))).toBe(true);
    expect(terms.some((t) => /máy sấy|bơm nhiệt/i.test(t))).toBe(true);
    for (const lone of ['kg', 'hỗ', 'sau', 'máy', 'mẻ']) expect(terms).not.toContain(lone);
  });

  it('names neither the lone syllables nor the gloss’s alternatives of a match that shares little', () => {
    // before: "máy", "hỗ trợ", "machine machinery" (the gloss writes both English words for "máy");
    // "hỗ trợ" (support) is a general word of any listing: it explains nothing either
    const demand = toListingDocument(source({ kind: 'DEMAND', title: 'Cần máy cắt cỏ cho trang trại', summary: 'Cần hỗ trợ sau khi mua máy.' }));
    const offer = toListingDocument(source({ title: 'Máy xay bột mịn', summary: 'Hỗ trợ kỹ thuật sau bán hàng; máy chạy điện.' }));
    expect(sharedTerms(termVector(demand), offer)).toEqual([]);
  });

  it('names general words ("thử nghiệm", "thời gian") only when the listing gives them as its keywords', () => {
    const demand = toListingDocument(source({ kind: 'DEMAND', title: 'Cần giống lúa chịu mặn', summary: 'Cần thử nghiệm trong thời gian ngắn, có sản phẩm mẫu.' }));
    const offer = toListingDocument(source({ title: 'Giống lúa chịu mặn năng suất cao', summary: 'Đã thử nghiệm, rút ngắn thời gian, sản phẩm ổn định.', keywords: ['giống lúa'] }));
    const terms = sharedTerms(termVector(demand), offer);
    expect(terms).toContain('giống lúa');
    for (const general of ['thử nghiệm', 'thời gian', 'sản phẩm']) expect(terms).not.toContain(general);
    const keyworded = toListingDocument(source({ title: 'Dịch vụ thử nghiệm giống lúa', summary: 'Thử nghiệm giống lúa chịu mặn.', keywords: ['thử nghiệm'] }));
    expect(sharedTerms(termVector(demand), keyworded)).toContain('thử nghiệm');
  });

  it('names no pair of syllables that straddles two words of a keyword ("sấy nông" of "máy sấy nông sản")', () => {
    const demand = toListingDocument(source({ kind: 'DEMAND', title: 'Cần máy sấy nông sản tiết kiệm điện', summary: 'Máy sấy nông sản cho xoài, tiết kiệm điện.' }));
    const offer = toListingDocument(source({ title: 'Máy sấy nông sản tiết kiệm điện cho xoài', summary: 'Máy sấy nông sản, tiết kiệm điện năng.', keywords: ['máy sấy nông sản', 'tiết kiệm điện'] }));
    const terms = sharedTerms(termVector(demand), offer);
    expect(terms.length).toBeGreaterThan(0);
    for (const straddling of ['sấy nông', 'kiệm điện', 'sản tiết']) expect(terms).not.toContain(straddling);
    // the words of the keywords are still named
    expect(terms.some((t) => ['máy sấy', 'nông sản', 'tiết kiệm'].includes(t))).toBe(true);
  });

  it('names what a Vietnamese listing shares with an English one in the Vietnamese listing’s own words', () => {
    const demand = toListingDocument(source({ kind: 'DEMAND', title: 'Tôm sú hay chết ban đêm, cần theo dõi oxy hòa tan trong ao nuôi tôm', summary: 'Ao nuôi tôm sú thâm canh thiếu oxy về đêm.' }));
    const offer = toListingDocument(source({ language: 'en', title: 'Dissolved oxygen monitoring for black tiger shrimp ponds', summary: 'Sensors switch the aerators on when oxygen is low in shrimp ponds.' }));
    const terms = sharedTerms(termVector(demand), offer, true, demand);
    expect(terms.length).toBeGreaterThan(0);
    // in the demand's words (with their marks), none of the offer's English
    for (const t of terms) expect(`${demand.title} ${demand.summary}`.toLowerCase()).toContain(t);
    // without the source, the offer's words as before
    expect(sharedTerms(termVector(demand), offer, true).some((t) => /shrimp|oxygen|pond|tiger/i.test(t))).toBe(true);
  });

  it('names the gloss’s words only when the two listings are in different languages', () => {
    const demand = toListingDocument(source({ kind: 'DEMAND', language: 'en', title: 'Need a heat pump dryer for ginger', summary: 'Ginger slices, dried at low temperature.' }));
    const offer = toListingDocument(source({ title: 'Máy sấy bơm nhiệt cho gừng', summary: 'Sấy gừng lát ở nhiệt độ thấp.' }));
    expect(sharedTerms(termVector(demand), offer, true).some((t) => /heat pump|dryer|ginger/i.test(t))).toBe(true);
    expect(sharedTerms(termVector(demand), offer, false).every((t) => !/heat|pump|dryer|ginger/i.test(t))).toBe(true);
  });

  it('names two syllables only as a word of the vocabularies or of the listing\'s keywords, not the seam between two words', () => {
    // "nước thải chế biến thủy sản": "thải chế" and "biến thủy" are where one word ends and the next begins
    const demand = toListingDocument(source({ kind: 'DEMAND', title: 'Cần xử lý nước thải chế biến thủy sản', summary: 'Nước thải chế biến thủy sản có mùi tanh, vượt chuẩn.' }));
    const offer = toListingDocument(source({ title: 'Hệ thống xử lý nước thải chế biến thủy sản', summary: 'Xử lý nước thải chế biến thủy sản bằng vi sinh, đạt chuẩn xả thải.' }));
    const terms = sharedTerms(termVector(demand), offer);
    expect(terms.length).toBeGreaterThan(0);
    for (const seam of ['thải chế', 'biến thủy', 'lý nước']) expect(terms).not.toContain(seam);
    expect(terms.some((t) => /nước thải|chế biến|thủy sản|xử lý/.test(t))).toBe(true);
  });

  it('names no syllable of Vietnamese typed without marks, alone or beside another, unless it is a known term', () => {
    // before: "cong ti, nang, dinh" (of "cong ti", "nang suat", "on dinh") named as if English words
    const demand = toListingDocument(source({ kind: 'DEMAND', title: 'Cong ti can may say on dinh, nang suat cao', summary: 'Cong ti o Dong Thap can may say trai cay on dinh.' }));
    const offer = toListingDocument(source({ title: 'May say trai cay on dinh, nang suat 500 kg', summary: 'Cong ti chung toi lap dat may say trai cay.' }));
    const terms = sharedTerms(termVector(demand), offer);
    for (const syllable of ['cong ti', 'nang', 'dinh', 'on dinh', 'cong']) expect(terms).not.toContain(syllable);
    // a known term typed without marks is still named
    expect(terms.some((t) => /may say|trai cay/.test(t))).toBe(true);
  });

  it('names a thing once, not again in other words or without its marks ("máy sấy, dryer, drying", "may say")', () => {
    const demand = toListingDocument(source({ kind: 'DEMAND', title: 'Cần máy sấy gừng nhiệt độ thấp', summary: 'Máy sấy (dryer) cho gừng lát, drying ở nhiệt độ thấp.', keywords: ['máy sấy', 'dryer', 'drying', 'may say'] }));
    const offer = toListingDocument(source({ title: 'Máy sấy gừng nhiệt độ thấp', summary: 'Dryer for ginger slices: drying at low temperature; may say gung.', keywords: ['máy sấy', 'dryer', 'drying', 'may say', 'gừng'] }));
    const terms = sharedTerms(termVector(demand), offer);
    expect(terms.filter((t) => /^(máy sấy|may say|dryer|drying)$/i.test(t))).toHaveLength(1);
    expect(terms).not.toContain('may say');
  });

  it('names no pair of words that only fold alike ("đạt yêu" of "đạt yêu cầu" is no "đất yếu"), and a bare spelling as the reader\'s listing writes it', () => {
    const offer = toListingDocument(source({ title: 'Vật liệu gia cố nền đất cho nhà xưởng', summary: 'Vật liệu đạt yêu cầu kỹ thuật, gia cố nền móng nhà xưởng.', description: 'Sản phẩm đạt yêu cầu kiểm định; vật liệu bền.' }));
    const demand = toListingDocument(source({ kind: 'DEMAND', title: 'Xây nhà xưởng trên nền đất yếu bị lún nứt', summary: 'Nền đất yếu, nhà xưởng lún nứt, cần vật liệu gia cố.' }));
    const named = sharedTerms(termVector(offer), demand, false, offer);
    expect(named).not.toContain('đất yếu');
    expect(named.some((t) => /nhà xưởng|gia cố|vật liệu/.test(t))).toBe(true);
    // The demand typed without marks: the offer's owner reads the words as their listing writes them.
    const shrimpOffer = toListingDocument(source({ title: 'Cảm biến giám sát ao nuôi tôm', summary: 'Giám sát oxy hòa tan cho ao nuôi tôm thẻ chân trắng.', keywords: ['nuôi tôm', 'giám sát'] }));
    const bareDemand = toListingDocument(source({ kind: 'DEMAND', title: 'Can thiet bi giam sat ao nuoi tom', summary: 'Ao nuoi tom hay bi thieu oxy ban dem, can giam sat.', keywords: ['nuoi tom'] }));
    const shrimpNames = sharedTerms(termVector(shrimpOffer), bareDemand, false, shrimpOffer);
    expect(shrimpNames.some((t) => t === 'nuôi tôm' || t === 'giám sát')).toBe(true);
    expect(shrimpNames.filter((t) => /nuoi tom|giam sat/.test(t))).toEqual([]);
  });

  it('names a whole English word', () => {
    // before: "kg", "dryer", "batch"
    const demand = toListingDocument(source({ kind: 'DEMAND', language: 'en', title: 'Need a dryer for ginger, 200 kg a batch', summary: 'Drying ginger slices, 200 kg.' }));
    const offer = toListingDocument(source({ language: 'en', title: 'Heat pump dryer, 200 kg per batch', summary: 'Drying herbs and spices, 200 kg.' }));
    const terms = sharedTerms(termVector(demand), offer);
    expect(terms).toContain('dryer');
    expect(terms).not.toContain('kg');
  });
});
