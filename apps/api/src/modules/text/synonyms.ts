/**
 * The synonym table: translations, abbreviations and spellings of one term (SYNONYM_GROUPS),
 * given to Meilisearch as index synonyms, carried on each document as `aliases`
 * (synonymAliases), and lending the concept lexicon its other-language phrases. Pure code.
 */
import { foldDiacritics } from '@techport/shared';
import { isAccentedText, normalizeText } from './normalize.js';
import { WordStarts, blankPhrase, containsTerm, wordKey } from './phrase-lookup.js';

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
  // English first: the gloss writes a group's other names in this order, so a Vietnamese title's
  // "thiết bị bay không người lái phun thuốc" glosses to "… spraying drone …", the two English words side by side.
  ['drone', 'uav', 'flycam', 'máy bay không người lái', 'thiết bị bay không người lái'],
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
  ['chượp', 'fish sauce fermentation'],
  ['nuôi cấy mô', 'tissue culture', 'cấy mô'],
  ['nhà kính', 'greenhouse'],
  ['nhà màng', 'greenhouse'],
  ['thủy canh', 'hydroponics', 'hydroponic'],
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
  ['nước cốt dừa', 'coconut milk', 'sữa dừa'],
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

/**
 * Regional names of one thing: the North's and the South's words ("chè"/"trà" tea, "ngô"/"bắp"
 * maize, "lạc"/"đậu phộng" peanut). A listing says one, a buyer from the other region types the
 * other. Unlike SYNONYM_GROUPS these are read from the listing only, into its `aliases`, never
 * given to Meilisearch as synonyms: Meilisearch folds a synonym before using it, and folded these
 * syllables are other words ("trà" → "tra" of "kiểm tra" and "cá tra"; "lạc" → "lac"). A
 * one-syllable name counts only in text written with diacritics, and `not` lists the phrases in
 * which a name means something else (places, surnames, "lạc hậu" outdated, "bắp cải" cabbage),
 * removed before looking. Not concept terms: the lexicon names both regions' words itself.
 */
interface RegionalVariant {
  /** The Vietnamese names: one syllable counts only in text written with diacritics. */
  vi: readonly string[];
  /** English names, added as aliases like the others. */
  en: readonly string[];
  not?: readonly string[];
}

/**
 * Words that end in "quả" (result, effect): "hiệu quả vải lọc", "kết quả nhãn hiệu" name no fruit;
 * the "quả …" fruit variants below leave them out.
 */
const QUA_COMPOUNDS = ['kết quả', 'hiệu quả', 'hậu quả', 'thành quả'];

export const REGIONAL_VARIANTS: readonly RegionalVariant[] = [
  { vi: ['chè', 'trà'], en: ['tea'], not: ['trà vinh', 'trà cú', 'trà ôn', 'trà my', 'trà bồng', 'trà lĩnh', 'trà khúc', 'trà cổ'] },
  { vi: ['ngô', 'bắp'], en: ['maize'], not: ['bắp cải', 'bắp chuối', 'bắp tay', 'bắp chân', 'bắp thịt', 'bắp bò', 'cơ bắp', 'ngô quyền', 'ngô gia tự', 'ngô thì', 'ngô thời', 'ngô đình', 'ngô mây', 'ngô tất tố', 'ngô sĩ liên', 'ngô văn', 'ngô đức kế', 'ngô đồng', 'bí ngô'] },
  {
    vi: ['lạc', 'đậu phộng'], en: ['peanut'],
    not: ['lạc hậu', 'lạc quan', 'liên lạc', 'thất lạc', 'mạch lạc', 'câu lạc bộ', 'bộ lạc', 'lạc đề', 'lạc lõng', 'lạc đường', 'lạc việt', 'lạc hồng', 'an lạc', 'lạc dương', 'lạc thủy', 'lạc sơn', 'yên lạc', 'lạc long quân', 'lạc tiên', 'khoái lạc', 'cực lạc'],
  },
  { vi: ['vừng', 'mè'], en: ['sesame'], not: ['cá mè', 'vừng đông'] },
  { vi: ['dứa', 'khóm', 'trái thơm'], en: ['pineapple'], not: ['khóm tre', 'khóm cây', 'khóm hoa', 'khóm lúa', 'khóm trúc', 'lá dứa'] },
  { vi: ['sắn', 'khoai mì'], en: [], not: ['sắn dây'] },
  { vi: ['đậu nành', 'đậu tương', 'đỗ tương'], en: ['soybean', 'soya'] },
  { vi: ['trái cây', 'hoa quả'], en: ['fruit'] },
  { vi: ['cá lóc', 'cá quả'], en: ['snakehead'] },
  { vi: ['ngan', 'vịt xiêm'], en: ['muscovy duck'], not: ['ngan ngát'] },
  { vi: ['dưa leo', 'dưa chuột'], en: ['cucumber'] },
  { vi: ['bí đỏ', 'bí ngô'], en: ['pumpkin'] },
  // (not broccoli: "lơ xanh" and "bông cải xanh" are blanked, leaving the gloss's "súp lơ" whole)
  { vi: ['súp lơ', 'bông cải'], en: ['cauliflower'], not: ['lơ xanh', 'bông cải xanh'] },
  { vi: ['bột ngọt', 'mì chính'], en: ['monosodium glutamate'] },
  { vi: ['hột vịt', 'trứng vịt'], en: ['duck egg'] },
  { vi: ['ô tô', 'xe hơi'], en: ['car'] },
  { vi: ['hạt điều', 'đào lộn hột'], en: [] },
  // (not soursop, "mãng cầu xiêm" / "mãng cầu gai": blanked from its second word, leaving the gloss's "mãng cầu" whole)
  { vi: ['mãng cầu', 'quả na', 'trái na'], en: ['custard apple'], not: ['cầu xiêm', 'cầu gai'] },
  // Everyday, Northern and Southern names of one thing, as a buyer types them: produce …
  { vi: ['đậu xanh', 'đỗ xanh'], en: ['mung bean'] },
  { vi: ['khổ qua', 'mướp đắng'], en: ['bitter melon', 'bitter gourd'] },
  { vi: ['bí đao', 'bí xanh'], en: ['wax gourd', 'winter melon'] },
  { vi: ['chanh dây', 'chanh leo'], en: ['passion fruit'] },
  { vi: ['nấm mèo', 'mộc nhĩ'], en: ['wood ear mushroom'] },
  { vi: ['nấm sò', 'nấm bào ngư'], en: ['oyster mushroom'] },
  { vi: ['bắp cải', 'cải bắp'], en: ['cabbage'] },
  { vi: ['bông cải xanh', 'súp lơ xanh'], en: ['broccoli'] },
  { vi: ['ớt chuông', 'ớt ngọt'], en: ['bell pepper', 'sweet pepper', 'capsicum'] },
  { vi: ['mãng cầu xiêm', 'mãng cầu gai'], en: ['soursop'] },
  // … "trái" (South) and "quả" (North) before a fruit whose name alone is another word (butter, fabric, label)
  { vi: ['trái bơ', 'quả bơ'], en: ['avocado'], not: QUA_COMPOUNDS },
  { vi: ['trái vải', 'quả vải', 'vải thiều'], en: ['lychee', 'litchi'], not: QUA_COMPOUNDS },
  { vi: ['trái nhãn', 'quả nhãn'], en: ['longan'], not: QUA_COMPOUNDS },
  // … livestock and aquaculture ("nghêu ngao" is to hum, "ngao du" to roam, "ngao ngán" weary)
  { vi: ['hột gà', 'trứng gà'], en: ['chicken egg'] },
  { vi: ['lò mổ', 'lò giết mổ', 'cơ sở giết mổ'], en: ['slaughterhouse', 'abattoir'] },
  { vi: ['máy ấp trứng', 'lò ấp trứng'], en: ['egg incubator'] },
  { vi: ['nghêu', 'ngao'], en: ['clam'], not: ['nghêu ngao', 'ngao du', 'ngao ngán'] },
  { vi: ['cá điêu hồng', 'cá rô phi đỏ'], en: ['red tilapia'] },
  // … food ("nước tương đương" is water of equal quality, "đậu phụ gia" a bean additive)
  {
    vi: ['nước tương', 'xì dầu'], en: ['soy sauce'],
    not: ['tương tự', 'tương đương', 'tương đối', 'tương ứng', 'tương thích', 'tương lai', 'tương tác', 'tương phản', 'tương quan'],
  },
  { vi: ['đậu hũ', 'đậu phụ'], en: ['tofu'], not: ['phụ gia', 'phụ phẩm'] },
  { vi: ['sữa chua', 'ya ua', 'da ua'], en: ['yoghurt', 'yogurt'] },
  { vi: ['chả lụa', 'giò lụa'], en: ['pork roll'] },
  { vi: ['bánh tráng', 'bánh đa nem'], en: ['rice paper'] },
  // … water, waste and construction
  { vi: ['hầm cầu', 'bể phốt', 'bể tự hoại', 'hầm tự hoại'], en: ['septic tank'], not: ['đường hầm'] },
  { vi: ['bồn nước', 'bồn chứa nước', 'téc nước'], en: ['water tank'] },
  { vi: ['đồng hồ nước', 'công tơ nước'], en: ['water meter'] },
  { vi: ['ve chai', 'đồng nát'], en: ['scrap collection'] },
  { vi: ['bãi rác', 'bãi chôn lấp'], en: ['landfill'] },
  { vi: ['xà bần', 'phế thải xây dựng', 'chất thải xây dựng'], en: ['construction waste', 'demolition waste', 'rubble'] },
  { vi: ['cốp pha', 'coffa', 'ván khuôn'], en: ['formwork'] },
  // … energy ("máy nước nóng lạnh" is a water dispenser, "đồng hồ điện tử" a digital clock)
  { vi: ['máy nước nóng', 'bình nóng lạnh', 'bình nước nóng'], en: ['water heater'], not: ['nước nóng lạnh'] },
  { vi: ['cúp điện', 'mất điện'], en: ['power outage', 'power cut'], not: ['điện áp', 'điện năng'] },
  { vi: ['đồng hồ điện', 'công tơ điện'], en: ['electricity meter'], not: ['điện tử'] },
  { vi: ['cây xăng', 'trạm xăng', 'cửa hàng xăng dầu'], en: ['petrol station', 'gas station', 'filling station'] },
  // … transport. "tắc đường" is also a blocked pipe, airway or duct, the plumber's "thông tắc" and the end
  // of "quy tắc đường bộ" (not "đường nước", "đường thoát": as gloss exceptions they would hide "nước
  // thải", "thoát nước"). "ùn tắc giao thông" comes before "ùn tắc": a clause is rewritten from the first
  // name that fits it.
  {
    vi: ['kẹt xe', 'tắc đường', 'ùn tắc giao thông', 'tắc nghẽn giao thông', 'ùn tắc'], en: ['traffic jam', 'traffic congestion'],
    not: ['đường ống', 'đường thở', 'đường hô hấp', 'đường mật', 'đường tiết niệu', 'đường tiêu hóa', 'đường ruột', 'thông tắc', 'quy tắc', 'nguyên tắc', 'phép tắc', 'bế tắc'],
  },
  { vi: ['xe ben', 'xe tự đổ', 'xe tải tự đổ'], en: ['dump truck', 'tipper truck'] },
  { vi: ['vỏ xe', 'lốp xe'], en: ['tyre', 'tire'] },
  // … health (a pharmacy is not a tobacco or pesticide shop; "bơm tiêm điện" is a syringe pump; "stroke"
  // alone is also an engine's)
  { vi: ['tiểu đường', 'đái tháo đường'], en: ['diabetes'] },
  { vi: ['cao huyết áp', 'tăng huyết áp'], en: ['hypertension', 'high blood pressure'] },
  { vi: ['đột quỵ', 'tai biến mạch máu não'], en: ['cerebral stroke'] },
  { vi: ['nhà thuốc', 'hiệu thuốc', 'tiệm thuốc'], en: ['pharmacy', 'drugstore'], not: ['thuốc lá', 'thuốc bảo vệ thực vật', 'thuốc bvtv', 'thuốc trừ sâu'] },
  { vi: ['chích ngừa', 'tiêm chủng', 'tiêm phòng'], en: ['vaccination', 'immunisation', 'immunization'] },
  { vi: ['ống chích', 'ống tiêm', 'bơm tiêm'], en: ['syringe'], not: ['bơm tiêm điện', 'syringe pump', 'syringe pumps'] },
  { vi: ['bình chữa cháy', 'bình cứu hỏa'], en: ['fire extinguisher'] },
  // … manufacturing and packaging
  { vi: ['inox', 'thép không gỉ', 'thép không rỉ'], en: ['stainless steel'] },
  { vi: ['dầu nhớt', 'dầu bôi trơn'], en: ['lubricating oil', 'lubricant'] },
  { vi: ['túi nilon', 'túi ni lông', 'bao nilon', 'túi nhựa'], en: ['plastic bag'] },
  { vi: ['ly giấy', 'cốc giấy'], en: ['paper cup'] },
  { vi: ['thuốc diệt cỏ', 'thuốc trừ cỏ'], en: ['herbicide', 'weedkiller'] },
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
  for (const name of regionalAliases(text, accented, starts)) out.add(name);
  return [...out];
}

const REGIONAL_TERMS = REGIONAL_VARIANTS.map((v) => ({
  names: [
    ...v.vi.map((term) => ({ term, vi: true, exact: normalizeText(term), oneSyllable: !term.includes(' ') })),
    ...v.en.map((term) => ({ term, vi: false, exact: normalizeText(term), oneSyllable: false })),
  ].map((t) => ({ ...t, folded: foldDiacritics(t.exact), exactKey: wordKey(t.exact), foldedKey: wordKey(foldDiacritics(t.exact)) })),
  // Phrases where a name means something else, and the other variants' names that contain one
  // of this variant's ("bí ngô" is a pumpkin, not maize).
  not: [
    ...(v.not ?? []),
    ...REGIONAL_VARIANTS.filter((o) => o !== v)
      .flatMap((o) => o.vi)
      .filter((name) => name.includes(' ') && v.vi.some((own) => !own.includes(' ') && name.split(' ').includes(own))),
  ].map((phrase) => normalizeText(phrase)),
  /** How many Vietnamese names: each clause is rewritten into all but the one it uses. */
  viNames: v.vi.length,
}));

/** At most this many clauses of one listing are rewritten per variant and name (a bound on the document's size). */
const REGIONAL_CLAUSES_MAX = 6;

/**
 * The regional variants' other names (REGIONAL_VARIANTS), and each clause that uses one rewritten
 * in the other region's words ("hộ làm chè thủ công" → "hộ làm trà thủ công"): a buyer's "làm trà
 * thủ công" then finds the words side by side, as a close match must (search-query.ts
 * closeMatchThreshold), not "trà" alone in another attribute.
 */
function regionalAliases(text: string, accented: boolean, starts: WordStarts): string[] {
  let clauses: string[] | undefined;
  const out: string[] = [];
  for (const variant of REGIONAL_TERMS) {
    const usable = variant.names.filter((t) => accented || !t.oneSyllable);
    // Most listings name none: one lookup per name in the text's word index before reading clauses.
    if (!usable.some((t) => starts.has(accented ? t.exact : t.folded, false, accented ? t.exactKey : t.foldedKey))) continue;
    clauses ??= text
      .split(/[.,;:!?()\[\]\n]+/)
      .map((c) => normalizeText(c))
      .filter(Boolean);
    const used = new Set<(typeof usable)[number]>();
    const rewritten: string[] = [];
    for (const clause of clauses) {
      let hay = ' ' + (accented ? clause : foldDiacritics(clause)) + ' ';
      for (const phrase of variant.not) hay = blankPhrase(hay, accented ? phrase : foldDiacritics(phrase));
      const inClause = usable.filter((t) => containsTerm(hay, accented ? t.exact : t.folded, false));
      if (!inClause.length) continue;
      for (const t of inClause) used.add(t);
      if (rewritten.length >= REGIONAL_CLAUSES_MAX * (variant.viNames - 1)) continue;
      // Word positions line up: the exclusions were blanked word for word.
      const words = clause.split(' ');
      const hayWords = hay.trim().split(' ');
      for (const other of variant.names) {
        if (!other.vi || inClause.includes(other)) continue;
        const spoken: string[] = [];
        for (let i = 0; i < words.length; ) {
          const name = inClause.find((t) => {
            const nameWords = (accented ? t.exact : t.folded).split(' ');
            return nameWords.every((w, j) => hayWords[i + j] === w);
          });
          if (name) {
            spoken.push(other.exact);
            i += name.exact.split(' ').length;
          } else spoken.push(words[i++]);
        }
        rewritten.push(spoken.join(' '));
      }
    }
    if (used.size) for (const t of variant.names) if (!used.has(t)) out.push(t.term);
    out.push(...rewritten);
  }
  return out;
}
