/**
 * The synonym table: translations, abbreviations and spellings of one term (SYNONYM_GROUPS),
 * given to Meilisearch as index synonyms, carried on each document as `aliases`
 * (synonymAliases), and lending the concept lexicon its other-language phrases. Pure code.
 */
import { foldDiacritics } from '@techport/shared';
import { isAccentedText, normalizeText } from './normalize.js';
import { WordStarts, wordKey } from './phrase-lookup.js';

// ---------------------------------------------------------------------------------------------
// Synonyms (Meilisearch): true equivalents only — translations, abbreviations, spellings. The
// problem → solution links live in CONCEPTS (lexicon.ts), not here, so that a search for "ám khói"
// is not silently rewritten to "bơm nhiệt".
// ---------------------------------------------------------------------------------------------

/**
 * (Meilisearch only) The "y" and "i" spellings of a syllable whose only vowel it is ("lý"/"lí",
 * "quy"/"qui", "công ty"/"công ti": libs/shared canonicalYSpelling), as Meilisearch sees them once
 * folded. The text pipeline reads them as one itself; these let the engine's own word matching do so.
 * Not in SYNONYM_GROUPS: a syllable is not a term of the lexicon or the gloss.
 */
export const Y_SPELLING_SYNONYMS: readonly string[][] = ['l', 'k', 'qu', 't', 'm', 's', 'h', 'v', 'n', 'x'].map((onset) => [onset + 'y', onset + 'i']);

/** Meilisearch's `synonyms` setting: every term of a group names the others; `oneWay` adds keys that name only their values. */
export function meiliSynonyms(groups: readonly (readonly string[])[], oneWay: Record<string, string[]> = {}): Record<string, string[]> {
  const out: Record<string, string[]> = { ...oneWay };
  for (const group of groups) {
    for (const term of group) out[term] = [...new Set([...(out[term] ?? []), ...group.filter((t) => t !== term)])];
  }
  return out;
}

export const SYNONYM_GROUPS: readonly string[][] = [
  ['iot', 'internet vạn vật', 'internet of things'],
  ['ai', 'trí tuệ nhân tạo', 'artificial intelligence'],
  ['học máy', 'machine learning'],
  ['xử lý nước thải', 'wastewater treatment'],
  ['nước thải', 'wastewater'],
  ['năng lượng mặt trời', 'solar energy', 'solar'],
  ['điện mặt trời', 'solar power', 'solar pv'],
  ['bơm nhiệt', 'heat pump'],
  ['sấy lạnh', 'cold drying'],
  ['sấy thăng hoa', 'freeze drying'],
  ['máy sấy', 'dryer'],
  ['kho lạnh', 'cold storage', 'cold store'],
  ['chuỗi lạnh', 'cold chain'],
  ['bảo quản', 'preservation'],
  ['sau thu hoạch', 'post-harvest', 'postharvest'],
  ['truy xuất nguồn gốc', 'traceability'],
  ['máy bay không người lái', 'drone', 'uav', 'flycam'],
  ['biogas', 'khí sinh học'],
  ['vắc xin', 'vaccine', 'vacxin'],
  ['dịch tả heo châu phi', 'dịch tả lợn châu phi', 'african swine fever', 'asf'],
  ['thanh long', 'dragon fruit', 'pitaya'],
  ['sầu riêng', 'durian'],
  ['xoài', 'mango'],
  ['chuối', 'banana'],
  ['dừa', 'coconut'],
  ['hạt điều', 'cashew'],
  ['cà phê', 'coffee', 'cafe'],
  ['hồ tiêu', 'black pepper'],
  ['lúa', 'rice', 'paddy'],
  ['rơm rạ', 'rice straw'],
  ['heo', 'lợn', 'pig', 'swine'],
  ['tôm', 'shrimp'],
  ['cá tra', 'pangasius', 'cá basa'],
  ['nấm', 'mushroom'],
  ['đông trùng hạ thảo', 'cordyceps'],
  ['nước mắm', 'fish sauce'],
  ['nuôi cấy mô', 'tissue culture', 'cấy mô'],
  ['nhà kính', 'greenhouse'],
  ['nhà màng', 'greenhouse'],
  ['thủy canh', 'hydroponics'],
  ['tưới nhỏ giọt', 'drip irrigation'],
  ['phân bón vi sinh', 'biofertilizer'],
  ['chế phẩm vi sinh', 'microbial product', 'probiotic'],
  ['thuốc trừ sâu sinh học', 'biopesticide'],
  ['xâm nhập mặn', 'saltwater intrusion', 'salinity intrusion'],
  ['độ mặn', 'salinity'],
  ['sạt lở', 'landslide'],
  ['bệnh án điện tử', 'electronic medical record', 'emr'],
  ['phần mềm quản lý bệnh viện', 'hospital information system', 'his'],
  ['quản trị nguồn lực doanh nghiệp', 'erp'],
  ['dịch vụ công trực tuyến', 'e-government'],
  ['trợ lý ảo', 'chatbot', 'virtual assistant'],
  ['đèn led', 'led lighting'],
  ['lò hơi', 'boiler'],
  ['trấu', 'rice husk'],
  ['gạch không nung', 'unfired brick'],
  ['tro bay', 'fly ash'],
  ['nhựa phân hủy sinh học', 'biodegradable plastic', 'bioplastic'],
  ['tái chế', 'recycling'],
  ['nước sạch', 'clean water', 'drinking water'],
  ['chất thải y tế', 'medical waste'],
  ['kháng khuẩn', 'antibacterial'],
  ['nano bạc', 'silver nanoparticles', 'nanosilver'],
  ['ruồi lính đen', 'black soldier fly', 'bsf'],
  ['thức ăn chăn nuôi', 'animal feed'],
  ['nuôi trồng thủy sản', 'aquaculture'],
  ['tuần hoàn', 'recirculating', 'ras'],
  ['cháy rừng', 'forest fire', 'wildfire'],
  ['thí nghiệm ảo', 'virtual lab'],
  ['que thử nhanh', 'rapid test'],
  ['dệt nhuộm', 'textile dyeing'],
  ['thẩm thấu ngược', 'reverse osmosis'],
  ['tinh dầu', 'essential oil'],
  // Generic technical vocabulary, from the catalogue's frequent terms (titles and keywords of the
  // demo and corpus listings, counted 2026-12-05): processes, equipment, control and measurement.
  // One English name belongs to one group only ("dryer" is "máy sấy"): a name in several groups
  // glosses to all their names, which splits the gloss's phrases ("máy sấy sấy bơm nhiệt").
  ['sấy', 'drying'],
  ['rang', 'roasting', 'roast'],
  ['máy rang', 'roaster'],
  ['điều khiển', 'control'],
  ['bộ điều khiển', 'controller'],
  ['khí hậu', 'climate'],
  ['tự động', 'automatic', 'automated', 'automation'],
  ['giám sát', 'monitoring'],
  ['quan trắc', 'monitoring'],
  ['cảnh báo', 'warning', 'alert'],
  ['cảnh báo sớm', 'early warning'],
  ['phát hiện', 'detection'],
  ['phân loại', 'sorting', 'grading'],
  ['kiểm soát', 'control'],
  ['chế biến', 'processing'],
  ['sản xuất', 'production', 'manufacturing'],
  ['dây chuyền', 'production line'],
  ['quy trình', 'process'],
  ['lọc', 'filter', 'filtration'],
  ['nước ép', 'juice'],
  ['nhà máy', 'factory'],
  ['nhà xưởng', 'workshop'],
  ['nhiệt độ', 'temperature'],
  ['tưới', 'irrigation'],
  ['lập lịch', 'scheduling'],
  ['dự báo', 'forecast', 'forecasting'],
  // … materials, produce, farming and aquaculture terms (same count; one-syllable words that are
  // also part of everyday compounds, such as "nghệ" in "công nghệ", are left out).
  ['tinh bột', 'starch'],
  ['cao su', 'rubber'],
  ['bê tông', 'concrete'],
  ['nhựa', 'plastic', 'plastics'],
  ['bao bì', 'packaging'],
  ['đóng gói', 'packing', 'packaging'],
  ['chất tẩy rửa', 'detergent'],
  ['ép nhựa', 'injection moulding', 'injection molding'],
  ['xay xát', 'milling'],
  ['tiệt trùng', 'sterilisation', 'sterilization'],
  ['thanh trùng', 'pasteurisation', 'pasteurization'],
  ['bánh tráng', 'rice paper'],
  ['nước cốt dừa', 'coconut milk'],
  ['nông sản', 'agricultural produce', 'farm produce'],
  ['hợp tác xã', 'cooperative'],
  ['trang trại', 'farm'],
  ['hộ gia đình', 'household'],
  ['nông thôn', 'rural'],
  ['thức ăn', 'feed'],
  ['tôm thẻ chân trắng', 'whiteleg shrimp', 'white-leg shrimp'],
  ['cá rô phi', 'tilapia'],
  ['cá chẽm', 'barramundi', 'sea bass'],
  ['tôm giống', 'shrimp seed', 'shrimp postlarvae'],
  ['oxy hòa tan', 'dissolved oxygen'],
  ['quạt nước', 'paddlewheel aerator', 'aerator'],
  ['giếng khoan', 'borehole', 'drilled well'],
  ['nấm rơm', 'straw mushroom'],
  ['nấm bào ngư', 'oyster mushroom'],
  ['linh chi', 'reishi', 'lingzhi'],
  ['lan hồ điệp', 'phalaenopsis', 'moth orchid'],
  ['gỗ keo', 'acacia wood'],
  ['bạch đàn', 'eucalyptus'],
  ['cúm gia cầm', 'avian influenza', 'bird flu'],
  ['sốt xuất huyết', 'dengue'],
  ['đột quỵ', 'stroke'],
  ['máy thở', 'ventilator'],
  ['chẩn đoán', 'diagnosis', 'diagnostics'],
  ['vi khuẩn', 'bacteria'],
  ['xúc tác', 'catalyst'],
  ['quang phổ', 'spectroscopy', 'spectral'],
  ['hiếu khí', 'aerobic'],
  ['kỵ khí', 'anaerobic'],
  ['thủy phân', 'hydrolysis'],
  ['khí hóa', 'gasification'],
  ['lò đốt', 'incinerator'],
  ['mái nhà', 'rooftop'],
  ['tiết kiệm nước', 'water saving'],
  ['thời gian thực', 'real-time', 'real time'],
  ['bản đồ', 'map', 'mapping'],
  ['mô phỏng', 'simulation'],
];

const SYNONYM_TERMS = SYNONYM_GROUPS.map((group) =>
  group.map((term) => {
    const exact = normalizeText(term);
    // Two- and three-letter abbreviations ("ai", "his", "ras") are also everyday Vietnamese or
    // English words: they count only when written with a capital past the first letter ("AI",
    // "IoT", "HIS"; not a sentence's "Ai cũng…" or "His").
    const folded = foldDiacritics(exact);
    return { term, exact, folded, exactKey: wordKey(exact), foldedKey: wordKey(folded), abbreviation: exact.length <= 3 && !exact.includes(' ') };
  }),
);

/** (search) The document's `aliases`: other names of the synonym terms the text uses. */
export function synonymAliases(text: string): string[] {
  const cased = normalizeText(text, true);
  const lower = ' ' + cased.toLowerCase() + ' ';
  const accented = isAccentedText(text);
  const starts = new WordStarts(accented ? lower : foldDiacritics(lower));
  const capitalised = new Set(cased.split(' ').filter((w) => w.slice(1) !== w.slice(1).toLowerCase()).map((w) => w.toLowerCase()));
  const out = new Set<string>();
  for (const group of SYNONYM_TERMS) {
    const used = group.filter((t) => (t.abbreviation ? capitalised.has(t.exact) : t.exact && starts.has(accented ? t.exact : t.folded, false, accented ? t.exactKey : t.foldedKey)));
    if (used.length) for (const t of group) if (!used.includes(t)) out.add(t.term);
  }
  return [...out];
}
