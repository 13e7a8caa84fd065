import { jest } from '@jest/globals';
import { createOrganization, registerUser, type Client } from './support/graphql.js';
import { createSearchDb, moderatorFor, privateMeili, publish, searchPrefix, startSearchApp, type SearchApp, type SearchDb } from './support/search.js';

// What the search calls an answer (search.weights.ts, accent-forms.ts), pinned by behaviour, not by
// scores: the exact accented word before a word that only folds alike, a two-syllable word before its
// syllables found apart, and an honest "no close match" with related results apart. Real
// Meilisearch, on a database and index of this spec's own.

jest.setTimeout(60_000);

let db: SearchDb;
let s: SearchApp;
let meili: Awaited<ReturnType<typeof privateMeili>>;
const L: Record<string, string> = {};

const RANKED = `query($input: SearchInput!) {
  search(input: $input) {
    totalHits page
    hits { close highlightedTitle listing { id } }
  }
}`;

interface Ranked {
  totalHits: number;
  page: number;
  hits: { close: boolean; highlightedTitle: string; listing: { id: string } }[];
}

/** The page's close matches and related results, as the one ranked list of hits marks them. */
function split(hits: { close: boolean; listing: { id: string } }[]): { close: string[]; related: string[] } {
  // the close matches come first: no close match after a related result
  const firstRelated = hits.findIndex((h) => !h.close);
  if (firstRelated >= 0) expect(hits.slice(firstRelated).every((h) => !h.close)).toBe(true);
  return { close: hits.filter((h) => h.close).map((h) => h.listing.id), related: hits.filter((h) => !h.close).map((h) => h.listing.id) };
}

async function ranked(client: Client, input: Record<string, unknown>): Promise<{ close: string[]; related: string[]; totalHits: number }> {
  const r = (await client.ok<{ search: Ranked }>(RANKED, { input })).search;
  return { ...split(r.hits), totalHits: r.totalHits };
}

beforeAll(async () => {
  meili = await privateMeili();
  db = await createSearchDb();
  s = await startSearchApp(db, searchPrefix(), { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
  const owner = (await registerUser(s.base, 'Chủ tin đăng')).client;
  const org = await createOrganization(owner, { name: 'Viện Ứng dụng Công nghệ Miền Nam', kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
  const m = await moderatorFor(s.base)();
  const add = async (key: string, title: string, summary: string, description?: string) => {
    L[key] = await publish(owner, m, { organizationId: org.id, title, summary, description, fieldCodes: ['2'] });
  };
  // lúa (rice) / lụa (silk) / lửa (fire): one word once the diacritics are folded
  await add('rice', 'Lò sấy lúa tầng sôi 10 tấn mỗi mẻ', 'Sấy lúa sau thu hoạch đều hạt, giảm gãy vỡ khi xay xát.');
  await add('silk', 'Khung dệt lụa tơ tằm điều khiển số', 'Dệt lụa tơ tằm hoa văn phức tạp, thay khung dệt thủ công của làng nghề.');
  await add('fire', 'Bình chữa cháy tự động cho kho nông sản', 'Phát hiện khói và ngọn lửa sớm, tự phun khí trơ dập lửa trong kho.');
  // "máy sấy" as one word, and "máy" … "sấy" apart
  await add('dryerWord', 'Máy sấy nông sản năng lượng mặt trời', 'Máy sấy dùng nắng và quạt hút ẩm cho chuối, xoài, cá khô của nông hộ.');
  await add(
    'apart',
    'Dây chuyền đóng gói chân không cho nông sản',
    'Đóng gói túi chân không và hút khí cho hạt điều, cà phê, trái cây.',
    'Máy đóng gói tự động, khay nạp liệu bằng thép không gỉ. Khách hàng có nhu cầu có thể đặt thêm buồng sấy sơ bộ trước khi đóng gói.',
  );
  // every syllable of "máy tính lượng tử siêu dẫn" somewhere, none of it about quantum computing
  await add(
    'scattered',
    'Máy siêu âm kiểm tra chất lượng mối hàn',
    'Thiết bị điện tử cầm tay phát hiện rỗ khí, nứt trong mối hàn ống thép.',
    'Máy kiểm tra không phá hủy, tự tính toán chiều sâu khuyết tật. Có tài liệu hướng dẫn vận hành và đào tạo kỹ thuật viên.',
  );
  // "máy tính" (computer) is everyday vocabulary on an exchange, "lượng tử" (quantum) is not
  await add('tablet', 'Phần mềm quản lý kho trên máy tính bảng', 'Kiểm kê, nhập xuất kho bằng máy tính bảng và mã vạch cho hợp tác xã.');
  await add('ipc', 'Máy tính công nghiệp chống bụi cho dây chuyền chế biến', 'Máy tính công nghiệp điều khiển dây chuyền, chịu ẩm và bụi, màn hình cảm ứng.');
  // about the query's distinctive words, but not a quantum computer
  await add('nearby', 'Phần mềm mô phỏng lượng tử cho vật liệu siêu dẫn', 'Mô phỏng cấu trúc điện tử của vật liệu siêu dẫn nhiệt độ cao trên cụm server.', 'Bộ phần mềm mô phỏng lượng tử dùng cho nghiên cứu vật liệu siêu dẫn, có đào tạo sử dụng.');
  // English titles with the query's words a few words apart (search.weights.ts closePairDistance)
  const en = async (key: string, title: string, summary: string, description?: string) => {
    L[key] = await publish(owner, m, { organizationId: org.id, title, summary, description, fieldCodes: ['2'] });
  };
  await en(
    'desal',
    'Looking for a small desalination unit for brackish well water',
    'Our aquaculture farm needs drinking water for 60 workers from a brackish well; solar power preferred.',
    'We run a shrimp farm in a coastal commune where the well water turned brackish after the drought, ideally running on solar power.',
  );
  await en('conveyor', 'Conveyor with optical sorter for cashew kernels', 'Sorts cashew kernels by colour and size at 2 tonnes an hour.');
  // a machine's process in its title ("drying system"), asked for by the machine ("dryer")
  await en('solarDrying', 'Hybrid solar and heat pump drying system for ginger', 'Dries sliced ginger with solar heat by day and a heat pump at night.');
  await en('hives', 'Remote sensors that weigh the beehives and track their temperature in the field', 'Hive scales report weight and temperature to the keeper every hour.');
  // "greenhouse" and "irrigation" only far apart, in different attributes: not a close match
  await en('farApart', 'Greenhouse film with an ultraviolet filter', 'Film for plastic houses.', 'The supplier also installs pumps. Drip irrigation is sold by a partner.');
  // Vietnamese only, no English word in it: found by English queries through its gloss
  await add('heatPump', 'Hệ thống sấy bơm nhiệt cho xoài', 'Sấy xoài ở nhiệt độ thấp, giữ màu và hương.');
  await add('garmentMes', 'Hệ thống theo dõi sản xuất cho nhà máy may', 'Máy tính bảng tại từng chuyền cho biết năng suất từng giờ.');
  // a buyer's need, in the words of the problem, and the offer that answers it in other words
  L.ironDemand = await publish(owner, m, { kind: 'DEMAND', organizationId: org.id, title: 'Nước giếng nhiễm phèn sắt, cần hệ thống lọc cho trường học', summary: 'Nước giếng nhiễm phèn làm ố vàng bồn chứa, cần lọc cho 600 học sinh.', fieldCodes: ['2'] });
  L.ironFilter = await publish(owner, m, { organizationId: org.id, title: 'Bộ lọc khử sắt và phèn cho nước giếng khoan', summary: 'Lọc nước giếng nhiễm phèn, sắt cho hộ gia đình và trường học, 1 m³/giờ.', fieldCodes: ['2'] });
  // the North's word for tea ("chè"), and a province whose name starts with the South's ("Trà Vinh")
  await add('teaRoaster', 'Máy sao chè, máy vò chè cỡ nhỏ cho hộ gia đình', 'Giúp hộ làm chè thủ công cho sản phẩm đều màu, không ám khói.');
  await add('coconutJelly', 'Dây chuyền thạch dừa cho hợp tác xã', 'Thạch dừa đóng ly cho hợp tác xã ở Trà Vinh.');
  // one series of near-identical titles (crop and capacity differ), and another listing on the same words
  for (const [key, crop] of [['pellet1', 'mùn cưa'], ['pellet2', 'vỏ trấu'], ['pellet3', 'bã mía']] as const) {
    await add(key, `Máy ép viên nén ${crop} công suất 2 tấn/giờ`, `Ép viên nén ${crop} làm chất đốt cho lò hơi.`);
  }
  // the two tone placements of one word: "thủy"/"thuỷ", "hóa"/"hoá" (libs/shared canonicalTonePlacement)
  await add('aquaPond', 'Chế phẩm vi sinh làm sạch nước ao nuôi thủy sản', 'Giảm khí độc đáy ao tôm, cá; dùng định kỳ mỗi tuần.');
  await add('chemRecovery', 'Thu hồi hoá chất từ nước thải mạ điện', 'Tách và thu hồi kim loại, hoá chất tái sử dụng cho dây chuyền mạ.');
  // and the "y" and "i" spellings of one syllable: "lý"/"lí", "quy"/"qui" (canonicalYSpelling)
  await add('manureWater', 'Quy trình xử lý nước thải chăn nuôi heo bằng biogas và ao sinh học', 'Nước sau xử lý đạt cột B, dùng tưới cây trong trại.');
  // a narrow query's one answer, and a listing on the same thing that shares none of its words
  await add('spawn', 'Meo giống nấm bào ngư dạng hạt', 'Meo thuần chủng, tỷ lệ nhiễm thấp, giao tận trại.');
  await add('reishiHouse', 'Nhà trồng nấm linh chi điều khiển độ ẩm tự động', 'Phun sương và quạt theo cảm biến, cho trại nấm của hợp tác xã.');
  await add('pelletOther', 'Dây chuyền chất đốt sinh khối trọn gói', 'Băm, sấy và ép viên nén phụ phẩm thành chất đốt, lắp đặt tại xưởng.');
  // a place named in the query: a dryer and a drone in Cần Thơ (the others are in Hà Nội)
  L.dryerCanTho = await publish(owner, m, { organizationId: org.id, title: 'Máy sấy lúa bơm nhiệt cho hợp tác xã', summary: 'Sấy lúa ở nhiệt độ thấp, hạt không rạn.', fieldCodes: ['2'], provinceCode: 'can-tho' });
  L.uavSprayer = await publish(owner, m, { organizationId: org.id, title: 'Thiết bị bay không người lái phun thuốc cho vườn cây ăn trái', summary: 'Phun thuốc bảo vệ thực vật cho vườn sầu riêng, bay theo bản đồ.', fieldCodes: ['2'], provinceCode: 'dong-nai' });
  L.droneCanTho = await publish(owner, m, { organizationId: org.id, title: 'Thiết bị bay phun thuốc cho ruộng lúa', summary: 'Phun thuốc bảo vệ thực vật cho cánh đồng lớn.', fieldCodes: ['2'], provinceCode: 'can-tho' });
  // a farmer's need typed on a phone without diacritics
  // written entirely without marks, description too (it was taken for English, and so not read with its marks)
  L.bareStraw = await publish(owner, m, {
    organizationId: org.id,
    title: 'Che pham vi sinh xu ly rom ra tai ruong',
    summary: 'Phan huy rom ra sau thu hoach trong 15 ngay, khong can dot dong.',
    description: 'Che pham gom nam va vi khuan phan giai cellulose, phun len rom ra sau khi gat. Da dung tren 300 ha lua o Dong Thap.',
    fieldCodes: ['4'],
  });
  L.bareShrimp = await publish(owner, m, { kind: 'DEMAND', organizationId: org.id, title: 'Ao nuoi tom hay bi chet luc gan sang, can thiet bi bao dong', summary: 'Trai co 5 ao tom the chan trang, can canh bao khi thieu khi ban dem.', fieldCodes: ['2'] });
  // cold drying, and a reefer container listed by a company whose name says "Sấy Lạnh"
  await add('coldDry', 'Công nghệ sấy lạnh tách ẩm giữ màu cho gừng', 'Sấy lạnh gừng lát ở 35 °C, giữ màu và tinh dầu.');
  const coldCompany = await createOrganization(owner, { name: 'Công ty Kỹ thuật Sấy Lạnh Vàm Cỏ', kind: 'ENTERPRISE', provinceCode: 'can-tho' });
  L.reefer = await publish(owner, m, { organizationId: coldCompany.id, title: 'Container lạnh di động cho bưởi xuất khẩu', summary: 'Giữ lạnh suốt hành trình đường biển, kéo dài thời gian bảo quản.', fieldCodes: ['2'] });
  // shrimp ("tôm") and tomatoes: "tom", the query's last word, is not the start of "tomato"
  await add('shrimpIce', 'Bảo quản tôm sau thu hoạch bằng nước đá sệt', 'Giữ tôm tươi lâu hơn trên đường từ ao đến nhà máy.');
  // "báo", "quan" and "tôm" a word or two apart, without "bảo quản": a bare query's three syllables all in it
  await add('pondAlarm', 'Hệ thống cảnh báo, quan trắc tôm nuôi trong ao', 'Báo động qua điện thoại khi ao thiếu oxy ban đêm.');
  await en('tomatoLine', 'Tomato washing and grading line for processors', 'Washes, sorts and packs tomatoes for storage and export.');
  await s.t.settle();
}, 120_000);

afterAll(async () => {
  await s?.close();
  await meili?.dispose();
  await db?.drop();
});

describe('search relevance: accents', () => {
  it('ranks the exact accented word first, and does not give a folded look-alike as a close match', async () => {
    const rice = await ranked(s.base, { query: 'lúa' });
    expect(rice.close[0]).toBe(L.rice);
    expect(rice.close).not.toContain(L.silk);
    expect(rice.close).not.toContain(L.fire);
    const silk = await ranked(s.base, { query: 'lụa' });
    expect(silk.close[0]).toBe(L.silk);
    expect(silk.close).not.toContain(L.rice);
    const fire = await ranked(s.base, { query: 'dập lửa' });
    expect(fire.close).toEqual([L.fire]);
  });

  it('takes the last word typed as a whole word: "bao quan tom" is about shrimp, not the start of "tomato"', async () => {
    for (const query of ['bao quan tom', 'bảo quản tôm', 'tom']) {
      const r = await ranked(s.base, { query });
      expect(r.close).toContain(L.shrimpIce);
      expect([...r.close, ...r.related]).not.toContain(L.tomatoLine);
    }
  });

  it('reads the two syllables of a bare query that make a word together: "bao quan tom" is "bảo quản", not "báo … quan … tôm" scattered', async () => {
    const r = await ranked(s.base, { query: 'bao quan tom' });
    expect(r.close).toContain(L.shrimpIce);
    expect(r.close).not.toContain(L.pondAlarm);
  });

  it('matches every way of writing the word when the query is typed without diacritics', async () => {
    const folded = await ranked(s.base, { query: 'lua' });
    expect(folded.close).toEqual(expect.arrayContaining([L.rice, L.silk, L.fire]));
    expect(folded.totalHits).toBe(folded.close.length);
  });

  it('reads a query typed without marks with them when every word is beyond doubt: "say lanh" answers as "sấy lạnh"', async () => {
    const marked = await ranked(s.base, { query: 'sấy lạnh' });
    const bare = await ranked(s.base, { query: 'say lanh' });
    expect(marked.close).toContain(L.coldDry);
    expect(marked.close).not.toContain(L.reefer);
    expect(bare.close).toEqual(marked.close);
    expect(bare.totalHits).toBe(marked.totalHits);
  });

  it('finds a listing typed without diacritics for a query typed with them, read with the marks its words usually have', async () => {
    expect((await ranked(s.base, { query: 'nuôi tôm' })).close).toContain(L.bareShrimp);
    expect((await ranked(s.base, { query: 'tôm thẻ chân trắng', kind: 'DEMAND' })).close).toEqual([L.bareShrimp]);
    // and not for another word its bare letters could spell: "tòm" is not "tôm"
    expect((await ranked(s.base, { query: 'nuôi tòm' })).close).not.toContain(L.bareShrimp);
  });

  it('finds a listing written wholly without marks, title, summary and description, for the query with marks and without', async () => {
    for (const query of ['chế phẩm vi sinh xử lý rơm rạ', 'che pham xu ly rom ra']) {
      expect({ query, close: (await ranked(s.base, { query })).close }).toEqual({ query, close: [L.bareStraw] });
    }
  });

  it('reads the two tone placements of a word as one: "thuỷ sản" finds "thủy sản", "hóa chất" finds "hoá chất"', async () => {
    expect((await ranked(s.base, { query: 'thuỷ sản' })).close).toContain(L.aquaPond);
    expect((await ranked(s.base, { query: 'thủy sản' })).close).toContain(L.aquaPond);
    expect((await ranked(s.base, { query: 'hóa chất mạ điện' })).close).toEqual([L.chemRecovery]);
  });

  it('reads the "y" and "i" spellings of a syllable as one: "xử lí" finds "xử lý", with or without diacritics', async () => {
    for (const query of ['qui trình xử lí nước thải', 'quy trình xử lý nước thải', 'xu li nuoc thai chan nuoi']) {
      expect({ query, close: (await ranked(s.base, { query })).close }).toEqual({ query, close: [L.manureWater] });
    }
  });
});

describe('search relevance: Vietnamese words of several syllables', () => {
  it('ranks "máy sấy" written together above "máy" and "sấy" found apart', async () => {
    const r = await ranked(s.base, { query: 'máy sấy' });
    const order = [...r.close, ...r.related];
    expect(order[0]).toBe(L.dryerWord);
    const apart = order.indexOf(L.apart);
    if (apart >= 0) expect(apart).toBeGreaterThan(order.indexOf(L.dryerWord));
    // and the same without diacritics
    const folded = await ranked(s.base, { query: 'may say' });
    expect(folded.close[0]).toBe(L.dryerWord);
  });
});

describe('search relevance: an absent technology', () => {
  it('answers "no close match", with related results apart and not counted', async () => {
    const r = await ranked(s.base, { query: 'máy tính lượng tử siêu dẫn' });
    // the listing that has every syllable, scattered, is not an answer
    expect(r.totalHits).toBe(0);
    expect(r.close).toEqual([]);
    // it may be offered as related, apart, with whatever shares the query's rarer words
    expect(r.related.length).toBeGreaterThan(0);
    expect(r.related).not.toContain(L.tablet);
    expect(r.related).not.toContain(L.ipc);
    // the same listings asked for by what they are about are close matches
    const nearby = await ranked(s.base, { query: 'mô phỏng lượng tử' });
    expect(nearby.close).toEqual([L.nearby]);
    expect(nearby.totalHits).toBe(1);
  });

  it('finds a machine by its process and the process by its machine: "dryer" finds a drying system, "optical sorting" an optical sorter', async () => {
    expect((await ranked(s.base, { query: 'dryer' })).close).toContain(L.solarDrying);
    expect((await ranked(s.base, { query: 'optical sorting' })).close).toContain(L.conveyor);
    // the words apart and one of them by its other form: related, not lost
    expect((await ranked(s.base, { query: 'solar dryer' })).related).toContain(L.solarDrying);
  });

  it('typed without marks, an absent technology brings no listing that only shares its stray syllables', async () => {
    // "luong tu" side by side is rarer than "luong" (chất lượng) and "tu" (điện tử, tự) apart: a word
    // of its own, which a shorter form without either syllable has lost
    const r = await ranked(s.base, { query: 'may tinh luong tu' });
    expect(r.totalHits).toBe(0);
    expect(r.related).not.toContain(L.scattered);
    // "lượng tử" is a word of the vocabulary, so the query is read with its marks: the same answer
    expect(r).toEqual(await ranked(s.base, { query: 'máy tính lượng tử' }));
  });

  it('puts related results after the close matches only on the page where those end, never repeating one', async () => {
    const r = await ranked(s.base, { query: 'sấy nông sản' });
    expect(r.close).toContain(L.dryerWord);
    expect(r.totalHits).toBe(r.close.length);
    for (const id of r.related) expect(r.close).not.toContain(id);
    // a page before the last close match shows no related results
    const first = await ranked(s.base, { query: 'nông sản', pageSize: 1 });
    expect(first.totalHits).toBeGreaterThan(1);
    expect(first.related).toEqual([]);
    // browsing (no words) has nothing "related"
    expect((await ranked(s.base, {})).related).toEqual([]);
  });

  it('lists the related results in the hits after the close matches, marked, so one page reads in order', async () => {
    const r = (await s.base.ok<{ search: Ranked }>(RANKED, { input: { query: 'sấy nông sản' } })).search;
    const { close, related } = split(r.hits);
    expect(related.length).toBeGreaterThan(0);
    // the close matches, counted, then the related results, not counted
    expect(r.hits.map((h) => h.listing.id)).toEqual([...close, ...related]);
    expect(r.totalHits).toBe(close.length);
    // nothing close: the first page is the related results alone, and still says 0 found
    const none = (await s.base.ok<{ search: Ranked }>(RANKED, { input: { query: 'máy tính lượng tử siêu dẫn' } })).search;
    expect(none.totalHits).toBe(0);
    expect(none.hits.length).toBeGreaterThan(0);
    expect(none.hits.every((h) => !h.close)).toBe(true);
  });
});

describe('search relevance: English words a few words apart in the title', () => {
  it('finds a demand whose title has every query word within a phrase (the words 2 to 3 words apart)', async () => {
    // "desalination unit for brackish": 3 apart; the words of a title in the order typed
    for (const query of ['desalination brackish', 'small desalination brackish', 'desalination brackish water']) {
      const r = await ranked(s.base, { query });
      expect({ query, close: r.close }).toEqual({ query, close: [L.desal] });
      expect(r.totalHits).toBe(1);
    }
    // 2 apart, two and three words, in either order
    expect((await ranked(s.base, { query: 'conveyor optical' })).close).toEqual([L.conveyor]);
    expect((await ranked(s.base, { query: 'optical conveyor' })).close).toEqual([L.conveyor]);
    expect((await ranked(s.base, { query: 'conveyor optical cashew' })).close).toEqual([L.conveyor]);
  });

  it('keeps a title with every word farther apart (4 to 5 words) as the first related result, never nothing', async () => {
    // "sensors … beehives": 4 apart; "remote … beehives … temperature": 5 and 4; "sensors … temperature": 8
    for (const query of ['sensors beehives', 'remote beehives temperature', 'sensors temperature']) {
      const r = await ranked(s.base, { query });
      expect({ query, first: [...r.close, ...r.related][0] }).toEqual({ query, first: L.hives });
    }
    // words in different attributes, far apart: not a close match, yet not hidden either
    const far = await ranked(s.base, { query: 'greenhouse irrigation' });
    expect(far.close).toEqual([]);
    expect(far.totalHits).toBe(0);
    expect(far.related).toContain(L.farApart);
    // every syllable of "đóng sấy" is in one listing, only far apart (and no lone syllable is
    // offered as related): it is still shown, as related
    const scattered = await ranked(s.base, { query: 'đóng sấy' });
    expect(scattered.close).toEqual([]);
    expect(scattered.related).toContain(L.apart);
  });
});

describe('search relevance: how the words were typed', () => {
  it('finds the same for a query sent decomposed (NFD), and for one with only some of its marks', async () => {
    const typed = await ranked(s.base, { query: 'máy sấy' });
    expect(typed.close).toContain(L.dryerWord);
    expect(await ranked(s.base, { query: 'máy sấy'.normalize('NFD') })).toEqual(typed);
    // A syllable typed without its marks may be any of its accented forms; one typed with them is that one.
    // (a bare syllable also reads as its other forms, so there may be more, after)
    for (const query of ['máy say', 'may sấy']) {
      const partly = (await ranked(s.base, { query })).close;
      expect({ query, first: partly.slice(0, typed.close.length) }).toEqual({ query, first: typed.close });
    }
    // "lúa" typed exactly is still rice, not silk (lụa) or fire (lửa), beside a syllable typed bare.
    const rice = (await ranked(s.base, { query: 'say lúa' })).close;
    expect(rice[0]).toBe(L.rice);
    expect(rice).not.toContain(L.silk);
    expect(rice).not.toContain(L.fire);
  });
});

describe('search relevance: the counts beside the filters', () => {
  it('counts only close matches, also for the facet a filter constrains (counted without that filter)', async () => {
    const FACETS = `query($input: SearchInput!) { search(input: $input) { totalHits facets { name values { value count } } } }`;
    const counts = async (input: Record<string, unknown>) => {
      const r = (await s.base.ok<{ search: { totalHits: number; facets: { name: string; values: { value: string; count: number }[] }[] } }>(FACETS, { input })).search;
      const facet = (name: string) => Object.fromEntries(r.facets.find((f) => f.name === name)?.values.map((v) => [v.value, v.count]) ?? []);
      return { totalHits: r.totalHits, kind: facet('kind'), province: facet('provinceCode') };
    };
    // Scattered words, no close match: no filter may offer listings that are not there.
    for (const query of ['greenhouse irrigation', 'đóng sấy']) {
      const open = await counts({ query });
      expect({ query, ...open }).toEqual({ query, totalHits: 0, kind: {}, province: {} });
      const filtered = await counts({ query, kind: 'OFFER', provinceCodes: ['ha-noi'] });
      // (a value the filters chose stays listed, ticked, with what it finds: nothing)
      expect({ query, ...filtered }).toEqual({ query, totalHits: 0, kind: { OFFER: 0 }, province: { 'ha-noi': 0 } });
    }
    // With close matches, a filtered facet's count is what choosing that value finds.
    const chosen = await counts({ query: 'máy sấy', kind: 'OFFER', provinceCodes: ['ha-noi'] });
    expect(chosen.kind.OFFER).toBe(chosen.totalHits);
    expect(chosen.province['ha-noi']).toBe(chosen.totalHits);
    expect(chosen.totalHits).toBeGreaterThan(0);
  });
});

describe('search relevance: English queries and Vietnamese listings', () => {
  it('finds a listing written only in Vietnamese as a close match for the English words of its title', async () => {
    const r = await ranked(s.base, { query: 'heat pump drying' });
    expect(r.close).toContain(L.heatPump);
    expect((await ranked(s.base, { query: 'mango heat pump' })).close).toContain(L.heatPump);
    // in the plural (the gloss writes "pump", "mango": englishPluralSynonyms), and with the English
    // joining words the gloss leaves out (searchQueryText)
    for (const query of ['mangoes heat pump', 'heat pump for mango', 'heat pumps for mangoes']) {
      expect({ query, close: (await ranked(s.base, { query })).close }).toEqual({ query, close: [L.heatPump] });
    }
  });

  it('finds a Vietnamese listing as a close match for English words its title says in other words: "drone spraying"', async () => {
    for (const query of ['drone spraying', 'spraying drone', 'uav spraying']) {
      expect({ query, close: (await ranked(s.base, { query })).close.includes(L.uavSprayer) }).toEqual({ query, close: true });
    }
  });

  it('reads a Vietnamese term that begins with a joining word ("theo dõi") and the general words of a title', async () => {
    // "theo" joins phrases, but "theo dõi" is tracking; "nhà máy may" is a garment factory
    expect((await ranked(s.base, { query: 'garment factory production tracking' })).close).toEqual([L.garmentMes]);
  });
});

describe('search relevance: the North and the South name one thing differently', () => {
  it('finds a listing that says "chè" for a query that says "trà", words side by side, and not a place named Trà…', async () => {
    expect((await ranked(s.base, { query: 'làm trà thủ công' })).close).toEqual([L.teaRoaster]);
    expect((await ranked(s.base, { query: 'máy sao trà' })).close).toEqual([L.teaRoaster]);
    const tea = await ranked(s.base, { query: 'chè' });
    expect(tea.close).toContain(L.teaRoaster);
    expect([...tea.close, ...tea.related]).not.toContain(L.coconutJelly);
  });
});

describe('search relevance: answers first', () => {
  it('shows the offers among the close matches before the demands when no kind is chosen, and the demands alone when asked', async () => {
    const all = await ranked(s.base, { query: 'nước giếng nhiễm phèn' });
    expect(all.close).toEqual([L.ironFilter, L.ironDemand]);
    expect((await ranked(s.base, { query: 'nước giếng nhiễm phèn', kind: 'DEMAND' })).close).toEqual([L.ironDemand]);
  });
});

describe('search relevance: listings like the answer', () => {
  it('brings, after a narrow query’s few close matches, the listings about the same thing in other words, and not the rest', async () => {
    // words the lexicon does not take for a topic ("meo giống" it would: mushroom growing)
    const r = await ranked(s.base, { query: 'meo thuần chủng' });
    expect(r.close).toEqual([L.spawn]);
    // "nhà trồng nấm linh chi" has none of the words: found because it is about what the answer is about
    expect(r.related[0]).toBe(L.reishiHouse);
    for (const other of [L.silk, L.rice, L.tablet, L.desal]) expect(r.related).not.toContain(other);
    // without a close match there is no answer to go by: an absent technology brings nothing like it
    expect((await ranked(s.base, { query: 'meo giống nấm truffle' })).related).not.toContain(L.reishiHouse);
  });
});

describe('search relevance: a series of near-identical listings', () => {
  it('shows a series’ first listing in its place and the rest of the series after the other answers', async () => {
    const r = await ranked(s.base, { query: 'ép viên nén' });
    const series = [L.pellet1, L.pellet2, L.pellet3];
    expect(r.close).toEqual(expect.arrayContaining([...series, L.pelletOther]));
    // the series' titles hold the words, the other listing only its summary: without the
    // spreading, the whole series came first
    expect(series).toContain(r.close[0]);
    expect(r.close[1]).toBe(L.pelletOther);
    // nothing hidden, nothing repeated, the count unchanged
    expect(new Set(r.close).size).toBe(r.close.length);
    expect(r.totalHits).toBe(r.close.length);
  });
});

describe('search relevance: a place named in the query', () => {
  const PLACED = `query($input: SearchInput!) {
    search(input: $input) { totalHits place { code name } searchedWords hits { close listing { id } } }
  }`;
  type Placed = { totalHits: number; place: { code: string; name: string } | null; searchedWords: string | null; hits: { close: boolean; listing: { id: string } }[] };
  const placed = async (input: Record<string, unknown>) => {
    const r = (await s.base.ok<{ search: Placed }>(PLACED, { input })).search;
    return { ...r, ...split(r.hits) };
  };

  it('reads "máy sấy cần thơ" as dryers in Cần Thơ, the dryers elsewhere first among the related results', async () => {
    const r = await placed({ query: 'máy sấy cần thơ' });
    expect(r.place).toEqual({ code: 'can-tho', name: 'Cần Thơ' });
    expect(r.searchedWords).toBe('máy sấy');
    expect(r.close).toEqual([L.dryerCanTho]);
    expect(r.totalHits).toBe(1);
    // not Cần Thơ's drone, which has only the place in common
    expect(r.related[0]).toBe(L.dryerWord);
    expect(r.related).not.toContain(L.droneCanTho);
    // without diacritics after "ở", and by a former province’s name (Hậu Giang is now Cần Thơ)
    for (const query of ['may say o can tho', 'may say Hau Giang']) {
      const again = await placed({ query });
      expect({ query, code: again.place?.code, close: again.close }).toEqual({ query, code: 'can-tho', close: [L.dryerCanTho] });
    }
  });

  it('keeps the words as typed when the filters chose other provinces, or when the place is all the query says', async () => {
    const chosen = await placed({ query: 'máy sấy cần thơ', provinceCodes: ['ha-noi'] });
    expect(chosen.place).toBeNull();
    expect(chosen.close).not.toContain(L.dryerCanTho);
    // the same province chosen as the filter: the words without it, and nothing from elsewhere
    const same = await placed({ query: 'máy sấy cần thơ', provinceCodes: ['can-tho'] });
    expect(same.close).toEqual([L.dryerCanTho]);
    expect(same.related).not.toContain(L.dryerWord);
    expect((await placed({ query: 'Cần Thơ' })).place).toBeNull();
  });
});
