/**
 * Content tables for the demo exchange (see demo-content.ts). All names, organisations, figures
 * and results are invented.
 *
 * Templates use slots: {p} product, {P} product capitalised, {cap} capacity (offers),
 * {vol} volume (demands), {place}/{place2} province names, {n} a count, {k} a small count, {pct} a percentage,
 * {year} a year, {budget} a sum of money.
 */
import type { IpStatus, OrganizationKind, TransferMode } from '@techport/shared';

// ---------------------------------------------------------------------------------------------
// Types

/** The phrases of one domain in one language. */
export interface DomainPack {
  products: string[];
  caps: string[];
  offerTitles: string[];
  offerSummaries: string[];
  process: string[];
  specs: string[];
  results: string[];
  advantages: string[];
  keywords: string[];
  vols: string[];
  demandTitles: string[];
  demandSummaries: string[];
  situations: string[];
  pains: string[];
  wants: string[];
  demandKeywords: string[];
}

export interface Domain {
  id: string;
  /** Leaf field codes, the first is the main one. */
  fields: string[];
  /** Vietnamese noun phrase for an expert's speciality. */
  expertise: string;
  /** Offer asking price range, VND. */
  price: [number, number];
  /** Demand budget range, VND. */
  budget: [number, number];
  /** Usual TRL range of offers. */
  trl: [number, number];
  modes: TransferMode[];
  ip: IpStatus[];
  vi: DomainPack;
  en?: DomainPack;
}

export interface OrgSpec {
  key: string;
  name: string;
  kind: OrganizationKind;
  province: string;
  description: string;
  /** Domains it offers technology in. */
  offers: string[];
  /** Domains it posts needs in. */
  needs: string[];
  website?: boolean;
  unverified?: boolean;
  /** Words its listings' products should contain when a domain offers such products. */
  focus?: string[];
}

export interface ExpertSpec {
  key: string;
  fullName: string;
  /** Academic or professional title shown before the name in the bio. */
  title: string;
  female: boolean;
  orgKey: string | null;
  /** Whether the expert is also a member (user) of the organisation. */
  member: boolean;
  domains: string[];
  province: string;
  years: number;
  pending?: boolean;
}

/** A listing written by hand (showcase matches, English samples, rejected ones). */
export interface HandListing {
  key: string;
  orgKey: string;
  kind: 'OFFER' | 'DEMAND';
  status?: 'PUBLISHED' | 'DRAFT' | 'PENDING_REVIEW' | 'REJECTED' | 'ARCHIVED';
  rejection?: { reason: 'INCOMPLETE' | 'NOT_A_TECHNOLOGY' | 'DUPLICATE' | 'MISLEADING' | 'OTHER'; note: string };
  title: string;
  summary: string;
  description: string;
  specification?: string;
  advantages?: string;
  fieldCodes: string[];
  keywords: string[];
  trl: number | null;
  transferModes: TransferMode[];
  ipStatus: IpStatus | null;
  priceMin: number | null;
  priceMax: number | null;
  language: 'vi' | 'en';
  daysAgo: number;
  /** Typed without diacritics, as many farmers and small firms do. */
  plain?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Generic phrases, shared by all domains

export interface GenericPack {
  originResearch: string[];
  originCompany: string[];
  transfer: string[];
  extraAdvantages: string[];
  offerTails: string[];
  demandTails: string[];
  demandPlaceTails: string[];
  budget: string[];
  noBudget: string[];
  timeline: string[];
  closing: string[];
}

export const GENERIC_VI: GenericPack = {
  originResearch: [
    'Công nghệ là kết quả của đề tài khoa học cấp tỉnh nghiệm thu năm {year}, sau đó được hoàn thiện qua {k} đợt thử nghiệm ở quy mô sản xuất.',
    'Nhóm nghiên cứu phát triển công nghệ này từ năm {year}, phối hợp với doanh nghiệp để thử nghiệm trong điều kiện vận hành thực tế.',
    'Đây là sản phẩm của nhiệm vụ khoa học cấp bộ, đã qua giai đoạn sản xuất thử nghiệm và được hội đồng đánh giá đạt yêu cầu năm {year}.',
    'Kết quả được đúc kết từ {k} năm nghiên cứu của phòng thí nghiệm và các mô hình trình diễn tại địa phương.',
  ],
  originCompany: [
    'Sản phẩm do đội kỹ thuật của công ty tự thiết kế, chế tạo và liên tục cải tiến từ năm {year}.',
    'Công ty phát triển giải pháp từ nhu cầu của chính khách hàng, đến nay đã qua {k} phiên bản cải tiến.',
    'Giải pháp được thương mại hóa từ năm {year} và đang được bảo hành, bảo trì bởi đội kỹ thuật riêng của công ty.',
  ],
  transfer: [
    'Gói chuyển giao gồm hồ sơ thiết kế, quy trình vận hành chuẩn, đào tạo kỹ thuật viên tại chỗ và hỗ trợ từ xa trong 12 tháng.',
    'Cán bộ kỹ thuật của chúng tôi cùng bên nhận lắp đặt, chạy thử cho đến khi đạt các thông số cam kết trong hợp đồng.',
    'Có thể chuyển giao theo hình thức li-xăng không độc quyền theo vùng, hoặc cung cấp trọn gói kèm bảo hành 24 tháng.',
    'Chúng tôi khảo sát miễn phí và đề xuất cấu hình theo mặt bằng, nguồn nguyên liệu và ngân sách của bên nhận.',
    'Giá chuyển giao tùy quy mô và phạm vi độc quyền; chúng tôi hỗ trợ bên nhận lập hồ sơ đề nghị hỗ trợ đổi mới công nghệ của tỉnh.',
    'Hồ sơ kèm theo gồm kết quả thử nghiệm, biên bản nghiệm thu và ý kiến của các cơ sở đã ứng dụng; có thể bố trí tham quan mô hình.',
  ],
  extraAdvantages: [
    'Chi phí đầu tư thấp hơn khoảng {pct}% so với giải pháp nhập khẩu tương đương.',
    'Có cán bộ kỹ thuật hỗ trợ tận nơi trong vòng 48 giờ khi có sự cố.',
    'Vật tư, linh kiện chủ yếu sản xuất trong nước, dễ thay thế.',
    'Đã được kiểm chứng trong điều kiện sản xuất thực tế, không chỉ trong phòng thí nghiệm.',
    'Tài liệu hướng dẫn và phần mềm hoàn toàn bằng tiếng Việt.',
  ],
  offerTails: [
    ' – đã ứng dụng tại {place}',
    ', mô hình trình diễn ở {place}',
    ' (chuyển giao cho đơn vị tại {place})',
    ' – kiểm chứng thực tế ở {place}',
    ', có cơ sở tham quan tại {place}',
  ],
  demandTails: [
    ', cần gấp trước mùa vụ',
    ' – ưu tiên giải pháp trong nước',
    ', sẵn sàng hợp tác lâu dài',
    ' (vốn còn hạn chế)',
    ', cần người hướng dẫn tận nơi',
    ' – mong được tư vấn',
    ', muốn làm thử quy mô nhỏ trước',
    ' – có mặt bằng sẵn',
    ', cần báo giá trong tháng',
    ' (đã thử vài cách chưa hiệu quả)',
    ', tìm đối tác đồng hành',
    ' – có thể chia sẻ chi phí thử nghiệm',
  ],
  demandPlaceTails: [' ở {place}', ' tại {place}', ' – {place}', ' (khu vực {place})'],
  budget: [
    'Ngân sách dự kiến khoảng {budget}, có thể chia làm hai đợt thanh toán.',
    'Khả năng đầu tư tối đa khoảng {budget}; nếu có hỗ trợ từ chương trình khuyến công, khuyến nông thì càng tốt.',
    'Số tiền có thể bỏ ra vào khoảng {budget}.',
    'Dự trù kinh phí không quá {budget}, bao gồm cả lắp đặt và đào tạo.',
  ],
  noBudget: [
    'Chưa chốt được ngân sách, mong được tư vấn vài phương án từ thấp đến cao.',
    'Kinh phí sẽ bàn khi có phương án cụ thể, có thể đề nghị tỉnh hỗ trợ một phần.',
  ],
  timeline: [
    'Mong triển khai được trong quý tới.',
    'Cần có giải pháp chạy được trong vòng 6 tháng.',
    'Không quá gấp, nhưng muốn trao đổi sớm để lên kế hoạch vốn cho năm sau.',
    'Đang bị thiệt hại hằng tháng nên càng sớm càng tốt.',
  ],
  closing: [
    'Ưu tiên đơn vị đã có mô hình chạy thực tế để chúng tôi đến tham quan trước khi quyết định.',
    'Chúng tôi sẵn sàng bố trí mặt bằng và nhân lực để thử nghiệm ở quy mô nhỏ.',
    'Mong nhận được báo giá kèm thời gian thực hiện và chế độ bảo hành.',
    'Đơn vị quan tâm xin liên hệ qua sàn để hẹn ngày khảo sát.',
    'Nếu có phương án thuê thiết bị hoặc trả dần thì chúng tôi rất quan tâm.',
  ],
};

export const GENERIC_EN: GenericPack = {
  originResearch: [
    'The technology comes out of a provincial research project accepted in {year} and has since been refined in {k} production-scale trials.',
    'Our group has developed it since {year} together with industrial partners, testing it under real operating conditions.',
    'It was developed under a ministry-level programme and validated in pilot production in {year}.',
  ],
  originCompany: [
    'The product is designed, built and continuously improved by our own engineering team since {year}.',
    'We developed the solution from our customers\u2019 needs and it has gone through {k} major revisions.',
    'Commercialised since {year}, it is serviced by our own field engineers.',
  ],
  transfer: [
    'The package includes design documents, standard operating procedures, on-site training of operators and twelve months of remote support.',
    'Our engineers install and commission the system with the buyer until the contractual performance figures are met.',
    'Available as a non-exclusive regional licence or as a turnkey supply with a 24-month warranty.',
    'We offer a free site survey and propose a configuration sized to the buyer\u2019s site, raw material and budget.',
    'Test reports and references from existing users are available; visits to reference sites can be arranged.',
  ],
  extraAdvantages: [
    'Capital cost around {pct}% below comparable imported systems.',
    'Field engineers on site within 48 hours.',
    'Parts are mostly made in Vietnam and easy to replace.',
    'Proven in production, not only in the laboratory.',
  ],
  offerTails: [' – deployed in {place}', ', reference site in {place}', ' (licensed to a user in {place})', ' – proven in {place}'],
  demandTails: [
    ', pilot first',
    ' – local suppliers preferred',
    ', long-term partnership welcome',
    ' – quotation needed this month',
    ', on-site support required',
    ' (budget-conscious)',
    ' – open to co-funding a trial',
    ', site available now',
  ],
  demandPlaceTails: [' in {place}', ' near {place}', ' (site in {place})'],
  budget: [
    'Our budget is about {budget}, payable in two instalments.',
    'We can invest up to {budget}, including installation and training.',
    'The indicative budget is {budget}.',
  ],
  noBudget: ['The budget is not fixed yet; we would like options at different price points.'],
  timeline: [
    'We would like the system running within six months.',
    'Ideally before the next season starts.',
    'Not urgent, but we are planning next year\u2019s investment now.',
  ],
  closing: [
    'Suppliers with a running reference site we can visit are preferred.',
    'We can provide space and staff for a small-scale trial.',
    'Please send a quotation with lead time and warranty terms.',
    'Interested providers can contact us through the exchange to arrange a site visit.',
  ],
};

// ---------------------------------------------------------------------------------------------
// Domains: what is offered and what is asked for, in the words of each side

const M = 1_000_000;
const B = 1_000_000_000;

const DOMAINS_FOOD_AGRI: Domain[] = [
  {
    id: 'drying',
    fields: ['407', '211', '203'],
    expertise: 'công nghệ sấy nông sản và dược liệu',
    price: [120 * M, 900 * M],
    budget: [30 * M, 600 * M],
    trl: [6, 9],
    modes: ['EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE', 'LICENSING', 'TURNKEY'],
    ip: ['UTILITY_SOLUTION', 'KNOW_HOW', 'PATENT_PENDING'],
    vi: {
      products: ['xoài', 'mít', 'chuối', 'khoai lang', 'gừng', 'nấm đông cô', 'ớt', 'chanh dây'],
      caps: ['150 kg/mẻ', '300 kg/mẻ', '600 kg/mẻ', '1,2 tấn/mẻ'],
      offerTitles: [
        'Máy sấy bơm nhiệt buồng kín cho {p}, {cap}',
        'Công nghệ sấy lạnh tách ẩm giữ màu và mùi cho {p}',
        'Hệ thống sấy bơm nhiệt kết hợp năng lượng mặt trời cho {p} ({cap})',
        'Quy trình sấy dẻo {p} ở nhiệt độ thấp, quy mô {cap}',
      ],
      offerSummaries: [
        'Thiết bị sấy {p} bằng bơm nhiệt ở nhiệt độ thấp, sản phẩm giữ màu tự nhiên, ít hao hụt; chuyển giao kèm chế độ sấy đã hiệu chỉnh.',
        'Giải pháp sấy {p} khép kín, sạch bụi, không ám khói, điện năng tiêu thụ thấp hơn rõ rệt so với sấy điện trở hoặc đốt củi.',
      ],
      process: [
        'Không khí trong buồng tuần hoàn kín qua dàn bay hơi để ngưng tách nước, rồi được gia nhiệt lại bằng dàn ngưng của chính máy nén nên gần như không thải nhiệt ra ngoài.',
        'Với {p}, chế độ sấy gồm ba pha: làm ráo bề mặt ở 35–40°C, rút ẩm chính ở 45–55°C và ổn định ẩm cuối mẻ; mỗi pha được điều khiển theo độ ẩm đo trong buồng chứ không chỉ theo thời gian.',
        'Khay inox xếp trên xe đẩy, gió thổi ngang qua từng tầng nhờ vách dẫn hướng nên chênh lệch độ ẩm giữa các khay sau sấy dưới 1,5%.',
        'Bộ điều khiển PLC màn hình cảm ứng lưu công thức sấy, ghi nhiệt độ và độ ẩm từng mẻ phục vụ truy xuất và hồ sơ xuất khẩu.',
      ],
      specs: [
        'Năng suất: {cap}; độ ẩm sản phẩm cuối 12–18% (sấy dẻo) hoặc dưới 8% (sấy giòn).',
        'Nhiệt độ sấy điều chỉnh 30–65°C; máy nén 5–15 HP, môi chất R410A hoặc R32.',
        'Điện năng khoảng 0,9–1,3 kWh cho mỗi kg nước bốc hơi; nguồn 3 pha 380 V.',
        'Vỏ buồng panel PU dày 75 mm, khung và khay inox 304 đạt yêu cầu tiếp xúc thực phẩm.',
      ],
      results: [
        'Năm {year}, mô hình sấy {p} tại một hợp tác xã ở {place} nâng tỷ lệ sản phẩm loại 1 từ khoảng 60% lên hơn 85%, chi phí năng lượng mỗi mẻ giảm gần một nửa.',
        'Hiện có {n} hệ thống đang vận hành tại {place}, {place2} và một số tỉnh lân cận, phần lớn do cơ sở tự vận hành sau 3 ngày đào tạo.',
        'Sản phẩm sấy đạt các chỉ tiêu vi sinh và kim loại nặng theo quy chuẩn khi kiểm nghiệm tại phòng thí nghiệm độc lập.',
      ],
      advantages: [
        'Giữ màu, mùi và vitamin tốt hơn sấy nóng truyền thống.',
        'Không dùng củi, than nên không ám khói, đáp ứng yêu cầu của khách hàng khó tính.',
        'Hoàn vốn trong khoảng 2–3 năm nhờ tiết kiệm điện và giảm hàng hỏng.',
        'Linh kiện phổ biến, thợ điện lạnh địa phương có thể bảo trì.',
      ],
      keywords: ['sấy bơm nhiệt', 'sấy lạnh', 'máy sấy nông sản', 'sấy dẻo', 'tiết kiệm điện', 'sấy {p}', 'sau thu hoạch'],
      vols: ['khoảng 300 kg tươi mỗi ngày', '2–3 tấn mỗi tuần vào chính vụ', 'chừng 500 kg mỗi mẻ'],
      demandTitles: [
        '{P} phơi nắng hay bị mốc và sậm màu, cần cách làm khô sạch hơn',
        'Cần thiết bị làm khô {p} thay lò củi, {vol}',
        'Muốn làm {p} sấy dẻo bán siêu thị nhưng màu không đẹp',
      ],
      demandSummaries: [
        'Cơ sở đang phơi và sấy {p} thủ công, hàng không đều màu, hao hụt nhiều; muốn đầu tư thiết bị vừa túi tiền.',
        'Cần cách làm khô {p} ổn định quanh năm, không phụ thuộc trời nắng, đủ sạch để đưa vào siêu thị.',
      ],
      situations: [
        'Cơ sở chúng tôi thu mua và sơ chế {p}, {vol}. Hiện vẫn phơi trên giàn lưới và sấy bằng lò đốt củi tự làm.',
        'Gia đình tôi cùng mấy hộ trong tổ hợp tác làm {p} khô bán cho thương lái, sản lượng {vol}.',
      ],
      pains: [
        'Mùa mưa phơi không được, hàng để lâu bị mốc, có lô phải đổ bỏ.',
        'Sấy lò củi thì chỗ khô quá chỗ còn ướt, sản phẩm sậm màu, có mùi khói nên bị ép giá.',
        'Tiền củi, tiền công trông lò năm nào cũng tăng, lời không còn bao nhiêu.',
      ],
      wants: [
        'Muốn tìm máy làm khô chạy điện hoặc kết hợp nắng, vận hành đơn giản, một người trông được.',
        'Cần đơn vị khảo sát, tư vấn loại máy hợp với mặt bằng khoảng 60 m² và hướng dẫn cách sấy {p}.',
      ],
      demandKeywords: ['máy sấy', 'làm khô {p}', 'phơi bị mốc', 'lò củi', 'sậm màu'],
    },
    en: {
      products: ['mango', 'jackfruit', 'banana', 'ginger', 'shiitake mushroom', 'chili'],
      caps: ['200 kg/batch', '500 kg/batch', '1 t/batch'],
      offerTitles: [
        'Closed-loop heat pump dryer for {p}, {cap}',
        'Low-temperature dehumidifying dryer preserving colour and aroma of {p}',
        'Hybrid solar and heat pump drying system for {p} ({cap})',
      ],
      offerSummaries: [
        'A heat pump dryer for {p} working at 35–60°C: natural colour, little loss and a tuned drying recipe included.',
        'Clean, smoke-free drying of {p} with far lower energy use than resistance heaters or wood-fired kilns.',
      ],
      process: [
        'Air circulates in a closed loop through the evaporator, where moisture condenses, and is reheated by the condenser of the same compressor.',
        'For {p} the recipe has three phases, surface drying, main moisture removal and equalisation, each controlled by measured chamber humidity.',
        'Stainless steel trays on trolleys and guided cross-flow keep the moisture spread between trays below 1.5%.',
      ],
      specs: [
        'Capacity: {cap}; final moisture 12–18% (soft-dried) or below 8% (crispy).',
        'Drying temperature 30–65°C; 5–15 HP compressor, R32 or R410A.',
        'About 0.9–1.3 kWh per kg of water removed; 380 V three-phase supply.',
      ],
      results: [
        'A cooperative in {place} drying {p} raised its grade-1 share from about 60% to over 85% in {year} and halved energy cost per batch.',
        '{n} units are running in {place}, {place2} and nearby provinces, mostly operated by their owners after three days of training.',
      ],
      advantages: [
        'Better colour, aroma and vitamin retention than hot-air drying.',
        'No firewood or coal, so no smoky taint.',
        'Payback in two to three years from energy savings and fewer rejects.',
      ],
      keywords: ['heat pump dryer', 'low-temperature drying', 'dried {p}', 'post-harvest', 'energy saving'],
      vols: ['about 400 kg of fresh fruit a day', '3 t a week in peak season', 'around 1 t per batch'],
      demandTitles: [
        'Replacing our wood-fired kiln for {p}: cleaner drying wanted',
        'Need a dryer that keeps {p} bright and free of smoke, {vol}',
        'Sun-dried {p} keeps going mouldy in the rainy season',
      ],
      demandSummaries: [
        'We dry {p} for export buyers and need even, smoke-free drying that does not depend on the weather.',
        'Looking for an energy-efficient dryer for {p} sized for a small processing unit.',
      ],
      situations: [
        'We are a small processor drying {p}, {vol}, currently with a home-built wood-fired kiln.',
        'Our export company buys dried {p} from farmer groups and wants to bring drying in-house.',
      ],
      pains: [
        'Batches come out uneven and darkened, and buyers have complained about smoky smell.',
        'Firewood is getting expensive and the kiln needs a person watching it all night.',
      ],
      wants: [
        'We want an electric or solar-assisted dryer that one operator can run, with installation and a drying recipe for {p}.',
        'A supplier who can survey our 60 m² workshop and recommend the right size.',
      ],
      demandKeywords: ['dryer', 'drying {p}', 'smoke-free', 'replace wood kiln'],
    },
  },
  {
    id: 'coldchain',
    fields: ['407', '211', '202'],
    expertise: 'bảo quản lạnh và chuỗi cung ứng lạnh nông sản',
    price: [600 * M, 6 * B],
    budget: [300 * M, 5 * B],
    trl: [7, 9],
    modes: ['TURNKEY', 'EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE', 'CONSULTING'],
    ip: ['KNOW_HOW', 'UTILITY_SOLUTION', 'PATENT_GRANTED'],
    vi: {
      products: ['thanh long', 'sầu riêng', 'bơ', 'nhãn', 'vải thiều', 'bưởi da xanh'],
      caps: ['50 tấn', '100 tấn', '200 tấn', '500 tấn'],
      offerTitles: [
        'Kho lạnh khí quyển điều chỉnh (CA) {cap} bảo quản {p} xuất khẩu',
        'Công nghệ bảo quản {p} bằng kiểm soát O₂, CO₂ và ethylene trong kho lạnh',
        'Container lạnh CA di động cho {p}, kéo dài thời gian vận chuyển đường biển',
        'Thiết kế, thi công kho mát có buồng tiền làm lạnh cho {p}, sức chứa {cap}',
      ],
      offerSummaries: [
        'Kho lạnh điều chỉnh thành phần khí giúp {p} chậm chín, giữ độ cứng và màu vỏ lâu hơn 2–3 lần so với kho lạnh thường.',
        'Trọn gói buồng kín khí, máy tạo nitơ, bộ hấp thụ CO₂ và hệ điều khiển, chuyển giao kèm chế độ bảo quản cho {p}.',
      ],
      process: [
        'Sau khi nạp hàng, buồng được đóng kín và máy tạo nitơ màng hạ oxy xuống 2–5%, bộ hấp phụ giữ CO₂ ở ngưỡng phù hợp với {p} để làm chậm hô hấp của quả.',
        'Cảm biến O₂, CO₂, ethylene và nhiệt độ đặt ở nhiều điểm trong kho; phần mềm tự điều chỉnh và cảnh báo qua điện thoại khi thông số lệch ngưỡng.',
        'Trước khi vào kho, {p} được tiền làm lạnh bằng gió cưỡng bức để hạ nhiệt độ lõi quả trong 4–6 giờ, hạn chế đọng nước và nấm bệnh.',
        'Bộ lọc xúc tác phân hủy ethylene chạy liên tục nên có thể giữ chung các lô thu hoạch khác ngày mà không kích chín lẫn nhau.',
      ],
      specs: [
        'Sức chứa: {cap}; nhiệt độ bảo quản 2–13°C tùy loại quả, sai số ±0,5°C.',
        'O₂ điều chỉnh 1,5–21%, CO₂ 0–10%; độ kín buồng đạt thời gian bán giảm áp trên 20 phút.',
        'Panel cách nhiệt PU 100–150 mm, cửa kín khí chuyên dụng, máy nén bán kín chạy biến tần.',
        'Thời gian bảo quản 35–60 ngày tùy giống và độ chín khi thu hái.',
      ],
      results: [
        'Thử nghiệm với {p} thu hái tại {place} năm {year}: sau 40 ngày hao hụt khối lượng dưới 3%, quả giữ màu vỏ và độ ngọt gần như lúc nhập kho.',
        'Hiện có {n} kho đang vận hành cho các doanh nghiệp xuất khẩu tại {place} và {place2}.',
        'Nhờ kéo dài thời gian bảo quản, doanh nghiệp ứng dụng đã chuyển một phần hàng từ đường hàng không sang đường biển, giảm mạnh chi phí vận chuyển.',
      ],
      advantages: [
        'Kéo dài thời gian bán hàng, không phải bán tháo lúc chính vụ.',
        'Không dùng hóa chất bảo quản, hợp với thị trường đòi dư lượng thấp.',
        'Có thể cải tạo từ kho lạnh sẵn có để giảm vốn đầu tư.',
      ],
      keywords: ['kho lạnh CA', 'bảo quản trái cây', 'khí quyển điều chỉnh', 'xuất khẩu đường biển', 'hấp thụ ethylene', 'tiền làm lạnh', 'bảo quản {p}'],
      vols: ['khoảng 20 tấn mỗi ngày vào chính vụ', 'chừng 300 tấn mỗi vụ', 'vài container mỗi tháng'],
      demandTitles: [
        '{P} để được vài ngày là chín nhũn, cần cách giữ tươi lâu hơn',
        'Cần kho giữ {p} tươi 1–2 tháng để bán dần, {vol}',
        'Hàng {p} đi đường biển tới nơi bị hỏng nhiều, tìm cách bảo quản',
      ],
      demandSummaries: [
        'Doanh nghiệp thu mua {p} cần giữ hàng tươi lâu hơn để không phải bán hết trong chính vụ và đi được đường biển.',
        'Tìm cách giữ {p} tươi lâu, ít hao hụt, không dùng hóa chất để đáp ứng khách nhập khẩu.',
      ],
      situations: [
        'Chúng tôi thu mua {p} của nông dân trong vùng, {vol}. Kho mát hiện có chỉ làm lạnh bình thường.',
        'Công ty đang xuất {p} đi một số thị trường châu Á, phần lớn phải gửi máy bay vì đường biển mất gần 3 tuần.',
      ],
      pains: [
        'Để quá 10 ngày là quả bắt đầu chín, mềm, vỏ xuống màu, có lô bị nấm ở cuống.',
        'Chính vụ giá xuống thấp mà không giữ hàng lại được nên đành bán rẻ.',
        'Cước máy bay quá cao, ăn hết lời; khách thì không chấp nhận dư lượng chất bảo quản.',
      ],
      wants: [
        'Cần cách giữ {p} tươi ít nhất 30–45 ngày, có người thiết kế, lắp đặt và hướng dẫn vận hành.',
        'Muốn cải tạo kho đang có nếu được, hoặc làm kho mới khoảng 100 tấn.',
      ],
      demandKeywords: ['giữ {p} tươi', 'kho bảo quản', 'hàng bị hỏng', 'xuất khẩu đường biển', 'chín nhanh'],
    },
    en: {
      products: ['dragon fruit', 'durian', 'avocado', 'longan', 'pomelo'],
      caps: ['60 t', '150 t', '400 t'],
      offerTitles: [
        'Controlled-atmosphere cold room ({cap}) for export {p}',
        'O₂/CO₂ and ethylene control retrofit for {p} cold stores',
        'Mobile CA reefer unit extending sea-freight life of {p}',
      ],
      offerSummaries: [
        'Controlled-atmosphere storage that slows ripening of {p} and keeps firmness and skin colour two to three times longer than plain cold storage.',
        'Gas-tight room, nitrogen generator, CO₂ scrubber and controls, delivered with a storage protocol for {p}.',
      ],
      process: [
        'After loading, the room is sealed and a membrane nitrogen generator lowers oxygen to 2–5% while a scrubber holds CO₂ at the level {p} tolerates.',
        'O₂, CO₂, ethylene and temperature sensors feed a controller that adjusts the atmosphere and sends phone alerts on deviations.',
        'Forced-air precooling brings fruit core temperature down within four to six hours before storage.',
      ],
      specs: [
        'Capacity: {cap}; storage temperature 2–13°C, ±0.5°C.',
        'O₂ 1.5–21%, CO₂ 0–10%; room pressure half-life above 20 minutes.',
        'PU panels 100–150 mm, gas-tight doors, inverter-driven semi-hermetic compressors.',
      ],
      results: [
        'In a {year} trial with {p} from {place}, weight loss after 40 days stayed below 3% with skin colour and sweetness close to intake.',
        '{n} rooms are operating for exporters in {place} and {place2}.',
      ],
      advantages: [
        'Sell over a longer season instead of at harvest-time prices.',
        'No chemical preservatives.',
        'Existing cold rooms can be retrofitted.',
      ],
      keywords: ['controlled atmosphere', 'cold storage', 'fruit export', 'sea freight', 'ethylene scrubber', '{p} storage'],
      vols: ['about 20 t a day at peak', '250 t per season', 'several containers a month'],
      demandTitles: [
        'Keeping {p} fresh for a 4-week sea voyage',
        'Need storage that holds {p} for 6–8 weeks, {vol}',
        'Too much {p} spoils before it reaches overseas buyers',
      ],
      demandSummaries: [
        'An exporter of {p} needs longer fresh storage to ship by sea rather than air.',
        'We want to keep {p} fresh for weeks without chemical treatments.',
      ],
      situations: [
        'We export {p}, {vol}, mostly by air because our fruit does not survive the sea route.',
        'Our packhouse buys {p} from contracted growers and stores it in an ordinary cold room.',
      ],
      pains: [
        'After ten days the fruit softens and stem-end rot appears.',
        'Air freight eats most of our margin and buyers reject chemical residues.',
      ],
      wants: [
        'A storage solution giving 30–45 days of shelf life, designed, installed and commissioned by the supplier.',
        'Retrofitting our existing room would be preferred if feasible.',
      ],
      demandKeywords: ['fresh storage', 'sea freight', 'spoilage', 'shelf life'],
    },
  },
  {
    id: 'postharvest',
    fields: ['407', '204', '211'],
    expertise: 'xử lý và bảo quản sau thu hoạch rau quả',
    price: [60 * M, 1.5 * B],
    budget: [20 * M, 800 * M],
    trl: [5, 8],
    modes: ['LICENSING', 'TECHNICAL_SERVICE', 'EQUIPMENT_SUPPLY'],
    ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'KNOW_HOW'],
    vi: {
      products: ['thanh long', 'xoài', 'chanh leo', 'cam sành', 'cà chua', 'dưa lưới'],
      caps: ['2 tấn/giờ', '5 tấn/giờ', '10 tấn/ngày'],
      offerTitles: [
        'Màng bao ăn được gốc chitosan kéo dài thời gian bảo quản {p}',
        'Dây chuyền rửa ozone và phủ màng cho {p}, năng suất {cap}',
        'Chế phẩm sinh học kiểm soát nấm bệnh sau thu hoạch trên {p}',
        'Quy trình xử lý nhiệt hơi nước và làm ráo {p} trước đóng gói xuất khẩu',
      ],
      offerSummaries: [
        'Xử lý sau thu hoạch cho {p} bằng màng bao sinh học và chế phẩm đối kháng nấm, thay cho thuốc bảo quản hóa học.',
        'Giải pháp sơ chế, xử lý và đóng gói giúp {p} giảm thối hỏng, giữ bề ngoài đẹp suốt chuỗi phân phối.',
      ],
      process: [
        '{P} sau khi rửa được nhúng hoặc phun một lớp màng mỏng từ chitosan và sáp thực vật, tạo hàng rào bán thấm làm chậm mất nước và trao đổi khí.',
        'Chế phẩm chứa chủng nấm men đối kháng phân lập từ vỏ quả nhiệt đới, tranh dinh dưỡng và chỗ bám với nấm gây thối cuống.',
        'Nước rửa được sục ozone 0,3–0,5 ppm, diệt vi sinh vật bề mặt mà không để lại dư lượng.',
        'Sau xử lý, quả qua băng tải làm ráo bằng quạt gió, được phân loại rồi mới vào thùng carton có lỗ thông khí.',
      ],
      specs: [
        'Năng suất dây chuyền: {cap}; rửa bằng bàn chải mềm, bể nhúng inox.',
        'Màng bao dày 5–15 µm sau khô, thành phần đạt tiêu chuẩn phụ gia thực phẩm.',
        'Liều dùng chế phẩm 2–3 lít cho mỗi tấn quả; chế phẩm bảo quản 6 tháng ở nhiệt độ thường.',
        'Kết hợp được với kho mát 8–12°C hoặc container lạnh.',
      ],
      results: [
        'Trên {p} tại {place}, tỷ lệ thối hỏng sau 3 tuần giảm từ khoảng 18% xuống dưới 5% so với lô đối chứng.',
        'Quy trình đã áp dụng ở {n} cơ sở đóng gói; các lô hàng xuất đi đều đạt yêu cầu dư lượng của nước nhập khẩu.',
        'Kết quả được công bố trong báo cáo nghiệm thu năm {year} và đăng trên tạp chí chuyên ngành.',
      ],
      advantages: [
        'Không dùng thuốc bảo quản tổng hợp, an toàn cho người tiêu dùng.',
        'Chi phí xử lý chỉ vài trăm đồng mỗi kg quả.',
        'Dễ lồng ghép vào nhà đóng gói hiện có.',
      ],
      keywords: ['bảo quản sau thu hoạch', 'màng bao chitosan', 'xử lý ozone', 'chống thối cuống', 'nhà đóng gói', 'giảm hao hụt', '{p}'],
      vols: ['khoảng 5 tấn mỗi ngày', 'trên 1.000 tấn mỗi năm', 'vài chục tấn mỗi tuần'],
      demandTitles: [
        '{P} bị thối cuống, đốm vỏ sau khi hái vài ngày',
        'Cần cách xử lý {p} trước khi đóng thùng mà không dùng hóa chất',
        'Nhà đóng gói {p} cần giảm hàng hỏng trên đường ra chợ đầu mối',
      ],
      demandSummaries: [
        'Hàng {p} sau thu hoạch hỏng nhiều trước khi tới tay người mua; muốn cách xử lý an toàn, chi phí thấp.',
        'Tìm quy trình làm sạch và bảo vệ vỏ {p} để bán được xa hơn, lâu hơn.',
      ],
      situations: [
        'Tổ hợp tác chúng tôi có nhà sơ chế nhỏ, đóng gói {p} giao siêu thị và thương lái, {vol}.',
        'Chúng tôi làm đại lý thu mua {p}, hàng chở ra Bắc bằng xe tải mất 2–3 ngày.',
      ],
      pains: [
        'Đến nơi nhiều trái bị thâm, mốc ở cuống, khách trừ tiền hoặc trả lại.',
        'Có người mách nhúng thuốc nhưng khách lớn không cho dùng vì sợ dư lượng.',
        'Rửa bằng nước giếng xong để ráo không kịp, đóng thùng bị đọng nước.',
      ],
      wants: [
        'Cần quy trình xử lý đơn giản, an toàn, có người hướng dẫn làm thử trên vài lô hàng.',
        'Nếu có máy rửa và làm ráo nhỏ gọn thì càng tốt.',
      ],
      demandKeywords: ['thối cuống', 'giữ {p} tươi', 'không dùng hóa chất', 'đóng gói', 'hàng bị hỏng'],
    },
  },
  {
    id: 'farmmech',
    fields: ['407', '203', '401'],
    expertise: 'cơ giới hóa sản xuất nông nghiệp',
    price: [80 * M, 2 * B],
    budget: [50 * M, 1.2 * B],
    trl: [6, 9],
    modes: ['EQUIPMENT_SUPPLY', 'LICENSING', 'TECHNICAL_SERVICE'],
    ip: ['UTILITY_SOLUTION', 'PATENT_GRANTED', 'KNOW_HOW'],
    vi: {
      products: ['lúa', 'ngô', 'lạc', 'đậu xanh', 'đậu tương'],
      caps: ['4 tấn/mẻ', '8 tấn/mẻ', '12 tấn/mẻ', '20 tấn/mẻ'],
      offerTitles: [
        'Máy sấy tĩnh vỉ ngang đảo chiều gió cho {p}, {cap}',
        'Máy gieo hạt khí động chính xác cho {p} trên đất làm tối thiểu',
        'Thiết bị bay không người lái phun thuốc và rải phân cho ruộng {p}',
        'Máy thu hoạch cỡ nhỏ bánh xích cao su cho {p} trên ruộng lầy',
      ],
      offerSummaries: [
        'Thiết bị chế tạo trong nước giúp cơ giới hóa khâu gieo, chăm sóc và làm khô {p}, hợp với ruộng nhỏ và hợp tác xã dịch vụ.',
        'Máy móc giảm công lao động và thất thoát cho {p}, phụ tùng sẵn có, sửa chữa được tại địa phương.',
      ],
      process: [
        'Máy sấy dùng quạt hướng trục và buồng đốt trấu có bộ trao đổi nhiệt; gió nóng sạch được đảo chiều giữa mẻ để lớp hạt trên và dưới khô đều.',
        'Máy gieo dùng đĩa hút chân không định lượng từng hạt; khoảng cách cây và độ sâu gieo chỉnh bằng tay quay.',
        'Thiết bị bay mang bình 20–40 lít, bay theo bản đồ lô ruộng đã quét trước, lưu lượng phun tự điều chỉnh theo tốc độ bay để liều đều trên mọi diện tích.',
        'Bộ phận di chuyển dùng xích cao su bản rộng, áp suất lên nền thấp nên làm việc được trên ruộng {p} còn ẩm sau mưa.',
      ],
      specs: [
        'Năng suất máy sấy: {cap}; nhiệt độ hạt không quá 43°C khi sấy hạt giống.',
        'Nhiên liệu: trấu, vỏ cà phê hoặc mùn cưa; tiêu hao 1,1–1,4 kg trấu cho mỗi kg nước bay hơi.',
        'Máy bay phun: tải 30 lít, vệt phun 6–8 m, năng suất 12–18 ha/ngày.',
        'Độ ẩm hạt sau sấy 13–14%, chênh lệch ẩm giữa các lớp không quá 1%.',
      ],
      results: [
        'Vụ Đông Xuân {year}, các hộ ở {place} dùng máy giảm tỷ lệ hạt nứt gãy khi xay xát và bán được giá cao hơn 150–300 đồng/kg.',
        'Đã có {n} máy được các hợp tác xã dịch vụ ở {place} và {place2} đưa vào phục vụ xã viên.',
        'Công lao động cho mỗi hecta giảm khoảng {pct}% so với làm thủ công.',
      ],
      advantages: [
        'Tận dụng trấu và phụ phẩm làm nhiên liệu, chi phí vận hành thấp.',
        'Chế tạo trong nước, phụ tùng sẵn, sửa chữa tại địa phương.',
        'Giảm phụ thuộc vào lao động thời vụ ngày càng khan hiếm.',
      ],
      keywords: ['cơ giới hóa', 'máy sấy {p}', 'máy gieo hạt', 'drone phun thuốc', 'sau thu hoạch', 'giảm thất thoát'],
      vols: ['khoảng 120 ha', 'chừng 300 ha mỗi vụ', 'gần 50 ha ruộng của xã viên'],
      demandTitles: [
        'Thu hoạch {p} gặp mưa không phơi được, hạt nảy mầm, cần máy làm khô',
        'Hợp tác xã thiếu người làm đồng, cần máy móc cho {vol} {p}',
        'Tìm dịch vụ phun thuốc bằng máy bay cho ruộng {p}',
      ],
      demandSummaries: [
        'Hợp tác xã cần cơ giới hóa khâu gieo, chăm sóc và làm khô {p} vì lao động trẻ đi làm xa hết.',
        'Mùa thu hoạch hay gặp mưa, {p} ướt để đống bị nóng, mốc; cần thiết bị làm khô đủ công suất.',
      ],
      situations: [
        'Hợp tác xã có {vol} trồng {p}, phần lớn xã viên đã lớn tuổi, con cháu đi làm khu công nghiệp.',
        'Mỗi vụ chúng tôi thu mua {p} tươi của bà con rồi phơi sân xi măng trước khi bán cho nhà máy.',
      ],
      pains: [
        'Gặp mấy ngày mưa liền là {p} đổ đống bị hấp hơi, nảy mầm, mất giá một nửa.',
        'Thuê người phun thuốc ngày càng khó, phun tay thì độc hại và không đều.',
        'Sân phơi có hạn, công đảo trộn nhiều, hao hụt do chim chuột.',
      ],
      wants: [
        'Cần máy hợp với ruộng nhỏ, giá vừa phải, có người hướng dẫn và sửa chữa gần.',
        'Muốn làm dịch vụ cho cả các xã lân cận nếu máy chạy tốt.',
      ],
      demandKeywords: ['máy sấy {p}', 'thiếu lao động', 'phun thuốc', 'gặp mưa', 'cơ giới hóa'],
    },
  },
  {
    id: 'aquaiot',
    fields: ['405', '212', '202'],
    expertise: 'tự động hóa và quan trắc môi trường nuôi trồng thủy sản',
    price: [40 * M, 1.2 * B],
    budget: [15 * M, 600 * M],
    trl: [6, 9],
    modes: ['EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE', 'LICENSING'],
    ip: ['COPYRIGHT', 'UTILITY_SOLUTION', 'KNOW_HOW'],
    vi: {
      products: ['tôm thẻ chân trắng', 'tôm sú', 'cá tra', 'cá rô phi', 'cua biển'],
      caps: ['4 ao', '10 ao', '30 ao', '2 ha mặt nước'],
      offerTitles: [
        'Hệ thống quan trắc tự động oxy hòa tan, pH, nhiệt độ ao nuôi {p}',
        'Bộ điều khiển quạt nước theo oxy hòa tan cho {cap} nuôi {p}',
        'Trạm đo chất lượng nước đa chỉ tiêu chạy năng lượng mặt trời cho vùng nuôi {p}',
        'Phần mềm nhật ký ao nuôi và cảnh báo sớm môi trường cho trại {p}',
      ],
      offerSummaries: [
        'Cảm biến đo liên tục các chỉ tiêu nước, gửi dữ liệu về điện thoại và tự bật quạt khi oxy xuống thấp, giảm rủi ro {p} chết hàng loạt.',
        'Giải pháp IoT cho trại nuôi {p}: đo, cảnh báo, điều khiển thiết bị và lưu nhật ký phục vụ truy xuất.',
      ],
      process: [
        'Đầu đo oxy hòa tan kiểu quang học không cần thay màng, kết hợp đầu đo pH, nhiệt độ và độ mặn đặt ở tầng giữa ao, lấy mẫu mỗi 5 phút.',
        'Dữ liệu truyền qua LoRa về bộ trung tâm rồi lên máy chủ qua 4G; khi mất sóng, thiết bị vẫn tự điều khiển quạt theo ngưỡng cài đặt.',
        'Thuật toán dự báo oxy ban đêm dựa trên diễn biến lúc chiều tối, bật quạt sớm trước khi oxy xuống dưới ngưỡng nguy hiểm cho {p}.',
        'Ứng dụng điện thoại hiển thị biểu đồ từng ao và gọi điện tự động lúc nửa đêm để người trực không bỏ sót cảnh báo.',
      ],
      specs: [
        'Quy mô: {cap}; dải đo DO 0–20 mg/L (±0,2), pH 0–14 (±0,1), nhiệt độ 0–50°C, độ mặn 0–40‰.',
        'Bộ điều khiển 4–8 kênh rơ-le 30 A cho quạt nước, máy sục khí; cấp bảo vệ IP66.',
        'Tấm pin mặt trời 100 W và pin lưu trữ cho trạm đo, chạy 3 ngày liền khi không có nắng.',
        'Dữ liệu lưu 5 năm trên máy chủ, xuất báo cáo phục vụ chứng nhận ASC, VietGAP.',
      ],
      results: [
        'Tại một trại nuôi {p} ở {place}, vụ nuôi năm {year} không còn hiện tượng chết ngạt ban đêm, điện chạy quạt giảm khoảng {pct}%.',
        'Đã lắp đặt cho {n} trại nuôi ở {place} và {place2}, nhiều trại mở rộng thêm ao sau vụ đầu.',
        'Tỷ lệ sống cuối vụ của các ao có thiết bị cao hơn rõ rệt so với ao đối chứng cùng trại.',
      ],
      advantages: [
        'Biết ngay sự cố lúc nửa đêm, không phải đo tay nhiều lần.',
        'Tiết kiệm điện nhờ chỉ chạy quạt khi cần.',
        'Đầu đo quang học ít bảo trì, chịu được nước mặn.',
      ],
      keywords: ['quan trắc ao nuôi', 'oxy hòa tan', 'IoT thủy sản', 'cảnh báo sớm', 'quạt nước tự động', 'nuôi {p}'],
      vols: ['8 ao khoảng 3 ha', 'hơn 20 ao', '5 ao lót bạt'],
      demandTitles: [
        '{P} hay chết ban đêm không rõ lý do, cần cách theo dõi nước ao',
        'Cần thiết bị báo động khi ao nuôi {p} thiếu khí, trại có {vol}',
        'Đo nước ao {p} bằng tay mất thời gian, muốn xem trên điện thoại',
      ],
      demandSummaries: [
        'Trại nuôi {p} thường thiệt hại vì nước ao thay đổi bất thường lúc đêm, cần thiết bị theo dõi và báo động.',
        'Muốn biết tình trạng nước ao {p} mọi lúc và tự bật máy khi cần, tránh mất trắng cả vụ.',
      ],
      situations: [
        'Gia đình nuôi {p} với {vol}, thuê hai người trông ao thay ca.',
        'Hợp tác xã có {vol} nuôi {p}, mỗi ngày đo nước bằng bộ test hai lần sáng chiều.',
      ],
      pains: [
        'Có đêm sáng ra thấy {p} nổi đầu, chết cả ao, không biết bị thiếu khí từ lúc nào.',
        'Đo bằng bộ test không chính xác, người trông ao hay quên ghi chép.',
        'Tiền điện chạy quạt cả đêm rất cao.',
      ],
      wants: [
        'Cần thiết bị đo và báo về điện thoại, tự bật quạt khi thiếu oxy, dễ dùng cho người lớn tuổi.',
        'Muốn lắp thử 2–3 ao trước, hiệu quả thì lắp cho cả trại.',
      ],
      demandKeywords: ['{p} chết ban đêm', 'thiếu oxy', 'báo động ao nuôi', 'đo nước ao', 'quạt nước'],
    },
    en: {
      products: ['whiteleg shrimp', 'black tiger shrimp', 'pangasius', 'tilapia'],
      caps: ['4 ponds', '12 ponds', '3 ha of ponds'],
      offerTitles: [
        'IoT water quality monitoring for {p} ponds ({cap})',
        'Dissolved-oxygen controlled aeration for {p} farms',
        'Solar-powered multi-parameter water station for {p} grow-out areas',
      ],
      offerSummaries: [
        'Continuous DO, pH, temperature and salinity monitoring with phone alerts and automatic aerator control for {p} ponds.',
        'An IoT kit that measures pond water around the clock and switches aerators on before oxygen crashes at night.',
      ],
      process: [
        'Optical DO probes need no membrane replacement and are combined with pH, temperature and salinity sensors sampling every five minutes.',
        'Nodes report over LoRa to a gateway with 4G uplink; if the link drops, the controller still runs the aerators on local thresholds.',
        'A night-time oxygen forecast fitted on the evening trend starts aeration early instead of waiting for the alarm level.',
      ],
      specs: [
        'Scale: {cap}; DO 0–20 mg/L (±0.2), pH 0–14 (±0.1), salinity 0–40 ppt.',
        'Controller with 4–8 relay channels of 30 A, IP66 enclosure.',
        '100 W solar panel with battery backup for three cloudy days.',
      ],
      results: [
        'On a {p} farm in {place} the {year} crop had no night-time suffocation events and aerator electricity fell by about {pct}%.',
        'Installed at {n} farms in {place} and {place2}; most extended it to more ponds after the first crop.',
      ],
      advantages: [
        'Night alerts by automatic phone call.',
        'Lower power bills because aerators run only when needed.',
        'Salt-tolerant optical probes with little maintenance.',
      ],
      keywords: ['water quality monitoring', 'dissolved oxygen', 'aquaculture IoT', 'aerator control', 'early warning', '{p} farming'],
      vols: ['10 ponds', '6 ha of ponds', '25 lined ponds'],
      demandTitles: [
        'Looking for pond monitoring with night alarms for our {p} farm',
        'Sensors and aerator automation needed for {vol} of {p}',
        'Sudden overnight losses of {p}: continuous water measurement wanted',
      ],
      demandSummaries: [
        'Our {p} farm loses stock at night when water conditions change; we want continuous measurement and alarms.',
        'We need a reliable, low-maintenance system to track pond water and control aerators for {p}.',
      ],
      situations: [
        'We operate {vol} stocked with {p} and run two shifts of pond keepers.',
        'Our company supplies {p} to a processing plant and manages {vol} under contract farming.',
      ],
      pains: [
        'Several times a season we find stock dead at dawn and cannot tell when oxygen dropped.',
        'Manual test kits are slow and records are incomplete.',
        'Running aerators all night makes electricity our largest cost after feed.',
      ],
      wants: [
        'A system that alerts phones and starts aerators automatically, with local installation and training.',
        'A pilot on three ponds first, then roll-out to the whole farm.',
      ],
      demandKeywords: ['pond monitoring', 'night alarm', 'dissolved oxygen', 'aerator automation'],
    },
  },
  {
    id: 'aquabio',
    fields: ['405', '209', '406'],
    expertise: 'chế phẩm sinh học và quản lý dịch bệnh trong nuôi trồng thủy sản',
    price: [50 * M, 1.5 * B],
    budget: [20 * M, 400 * M],
    trl: [5, 9],
    modes: ['LICENSING', 'ASSIGNMENT', 'TECHNICAL_SERVICE', 'JOINT_VENTURE'],
    ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'KNOW_HOW'],
    vi: {
      products: ['tôm thẻ', 'tôm sú', 'cá tra', 'cá chẽm', 'ốc hương'],
      caps: ['5 tấn/tháng', '20 tấn/tháng', '50 tấn/tháng'],
      offerTitles: [
        'Chế phẩm vi sinh xử lý đáy ao và khí độc cho ao nuôi {p}',
        'Men tiêu hóa đa chủng Bacillus bổ sung thức ăn cho {p}, quy mô sản xuất {cap}',
        'Công nghệ lên men sinh khối vi khuẩn có lợi dạng lỏng cho trại nuôi {p}',
        'Quy trình nuôi {p} ít thay nước dựa trên hệ vi sinh biofloc',
      ],
      offerSummaries: [
        'Các chủng vi sinh bản địa phân giải chất hữu cơ đáy ao, giảm NH₃, H₂S và cạnh tranh với vi khuẩn gây bệnh trên {p}.',
        'Chuyển giao chủng giống, môi trường lên men và quy trình sản xuất chế phẩm vi sinh cho nuôi {p}.',
      ],
      process: [
        'Chế phẩm gồm Bacillus subtilis, B. licheniformis và vi khuẩn nitrat hóa được phân lập từ chính các vùng nuôi ven biển, thích nghi với độ mặn 5–30‰.',
        'Sinh khối được lên men chìm trong nồi lên men 500–2.000 lít, sau đó phối trộn chất mang và sấy phun ở nhiệt độ thấp để giữ mật độ tế bào sống.',
        'Người nuôi có thể nhân sinh khối tại trại bằng thùng ủ có sục khí trong 24 giờ, giảm chi phí so với mua chế phẩm thành phẩm.',
        'Khi bổ sung vào thức ăn, các chủng sinh enzyme tiêu hóa và ổn định hệ vi sinh đường ruột, giúp {p} hấp thu thức ăn tốt hơn.',
      ],
      specs: [
        'Mật độ vi sinh ≥ 10⁹ CFU/g (dạng bột) hoặc ≥ 10⁸ CFU/mL (dạng lỏng).',
        'Công suất dây chuyền chuyển giao: {cap}; hạn dùng 12 tháng.',
        'Liều dùng 1–2 kg/1.000 m³ nước mỗi 7 ngày, hoặc 3–5 g/kg thức ăn.',
        'Không chứa kháng sinh, không chứa chủng biến đổi gen.',
      ],
      results: [
        'Mô hình nuôi {p} tại {place} năm {year} giảm {pct}% lượng nước thay, hệ số thức ăn giảm từ 1,4 xuống khoảng 1,2.',
        'Chế phẩm đã được {n} trại nuôi ở {place} và {place2} sử dụng thường xuyên trong ba vụ liền.',
        'Đã được công nhận lưu hành và có kết quả khảo nghiệm tại trung tâm kiểm định thủy sản.',
      ],
      advantages: [
        'Chủng bản địa nên thích nghi tốt với điều kiện ao nuôi trong nước.',
        'Giảm dùng kháng sinh và hóa chất, đáp ứng yêu cầu xuất khẩu.',
        'Có thể tự nhân sinh khối tại trại để hạ giá thành.',
      ],
      keywords: ['chế phẩm vi sinh', 'probiotic thủy sản', 'xử lý đáy ao', 'khí độc NH3', 'biofloc', 'men tiêu hóa', 'nuôi {p}'],
      vols: ['khoảng 6 ha ao', '12 ao nuôi', '3 trại với 40 ao'],
      demandTitles: [
        'Đáy ao {p} đen, hôi, tôm cá yếu dần giữa vụ',
        'Muốn giảm kháng sinh khi nuôi {p} để bán cho nhà máy xuất khẩu',
        'Cần nguồn men vi sinh ổn định giá hợp lý cho {vol} nuôi {p}',
      ],
      demandSummaries: [
        'Người nuôi {p} gặp tình trạng đáy ao dơ, khí độc và bệnh đường ruột; muốn cách xử lý sinh học.',
        'Cần sản phẩm sinh học thay cho kháng sinh, có hướng dẫn dùng cụ thể cho ao nuôi {p}.',
      ],
      situations: [
        'Chúng tôi nuôi {p} với {vol}, nước lấy từ kênh chung của cả vùng.',
        'Hợp tác xã có {vol}, đang cung cấp {p} cho một nhà máy chế biến theo hợp đồng.',
      ],
      pains: [
        'Giữa vụ đáy ao có bùn đen, mùi trứng thối, {p} bỏ ăn và chết rải rác.',
        'Nhà máy kiểm tra dư lượng kháng sinh rất gắt, có lô bị trả về.',
        'Mua men vi sinh trôi nổi ngoài chợ, mỗi lần dùng một kiểu, không biết loại nào thật.',
      ],
      wants: [
        'Cần chế phẩm có nguồn gốc rõ ràng và cán bộ kỹ thuật hướng dẫn theo từng giai đoạn nuôi.',
        'Muốn học cách tự nhân men tại trại để đỡ chi phí.',
      ],
      demandKeywords: ['đáy ao dơ', 'khí độc', 'giảm kháng sinh', 'men vi sinh', 'nuôi {p}'],
    },
  },
];

const DOMAINS_WATER_FOOD: Domain[] = [
  {
    id: 'aquaseed',
    fields: ['405', '106', '406'],
    expertise: 'sản xuất giống thủy sản',
    price: [100 * M, 2 * B],
    budget: [50 * M, 800 * M],
    trl: [5, 9],
    modes: ['LICENSING', 'TECHNICAL_SERVICE', 'JOINT_VENTURE'],
    ip: ['KNOW_HOW', 'PATENT_PENDING', 'PATENT_GRANTED'],
    vi: {
      products: ['cá chẽm', 'cá bớp', 'hàu Thái Bình Dương', 'nghêu Bến Tre', 'cá lăng chấm', 'tôm càng xanh'],
      caps: ['2 triệu con giống/năm', '10 triệu con giống/năm', '30 triệu ấu trùng/đợt'],
      offerTitles: [
        'Quy trình sản xuất giống {p} nhân tạo, công suất {cap}',
        'Công nghệ chọn lọc đàn bố mẹ {p} tăng trưởng nhanh',
        'Hệ thống ương giống {p} tuần hoàn nước khép kín',
      ],
      offerSummaries: [
        'Quy trình khép kín từ nuôi vỗ bố mẹ, kích thích sinh sản đến ương giống {p}, tỷ lệ sống cao và ổn định.',
        'Chuyển giao con giống bố mẹ đã chọn lọc và quy trình kỹ thuật sản xuất giống {p} cho trại giống địa phương.',
      ],
      process: [
        'Đàn bố mẹ {p} được nuôi vỗ bằng thức ăn tươi bổ sung vitamin và axit béo, kiểm soát nhiệt độ, quang kỳ để thành thục đồng loạt.',
        'Ấu trùng được ương trong bể có hệ lọc sinh học tuần hoàn, cho ăn tảo và luân trùng nuôi sinh khối tại chỗ theo từng giai đoạn.',
        'Chương trình chọn lọc gia đình qua nhiều thế hệ, đánh dấu bằng chip và phân tích chỉ thị phân tử để tránh cận huyết.',
      ],
      specs: [
        'Công suất: {cap}; tỷ lệ sống từ ấu trùng đến con giống 25–40% tùy loài.',
        'Con giống đạt kích cỡ đồng đều, âm tính với các bệnh nguy hiểm theo xét nghiệm PCR.',
        'Hệ thống bể tuần hoàn tiết kiệm trên 80% lượng nước so với ương hở.',
      ],
      results: [
        'Trại giống ở {place} áp dụng quy trình từ năm {year}, mỗi năm cung cấp con giống {p} cho {n} hộ nuôi trong vùng.',
        'Đàn chọn lọc thế hệ thứ ba lớn nhanh hơn đàn đối chứng khoảng {pct}% trong cùng điều kiện nuôi.',
      ],
      advantages: [
        'Chủ động nguồn giống tại chỗ, không phụ thuộc giống trôi nổi.',
        'Con giống sạch bệnh, khỏe, đồng đều.',
        'Có cán bộ kỹ thuật theo trại trong mùa sinh sản đầu tiên.',
      ],
      keywords: ['sản xuất giống', 'giống {p}', 'ương giống', 'chọn lọc bố mẹ', 'thủy sản', 'trại giống'],
      vols: ['mỗi năm thả khoảng 2 triệu con', 'khoảng 15 ha lồng bè', 'gần 40 hộ nuôi'],
      demandTitles: [
        'Con giống {p} mua ngoài chất lượng thất thường, hao hụt nhiều',
        'Muốn tự sản xuất giống {p} cho vùng nuôi của hợp tác xã',
        'Cần nguồn giống {p} sạch bệnh, cung cấp đều quanh năm',
      ],
      demandSummaries: [
        'Vùng nuôi {p} đang phụ thuộc giống trôi nổi, tỷ lệ sống thấp; muốn có nguồn giống ổn định hoặc tự làm giống.',
        'Tìm đối tác chuyển giao kỹ thuật sản xuất giống {p} hoặc cung cấp giống chất lượng dài hạn.',
      ],
      situations: [
        'Hợp tác xã chúng tôi nuôi {p}, {vol}, giống phải mua từ nơi khác chở về.',
        'Chúng tôi có sẵn ao và bể xi măng cũ, muốn đầu tư trại giống {p} nhỏ.',
      ],
      pains: [
        'Giống mua về nhiều đợt không đồng đều, thả xuống hao hụt quá nửa.',
        'Không kiểm soát được bệnh từ con giống, có vụ mất trắng.',
        'Mùa cao điểm thiếu giống, giá đẩy lên gấp đôi.',
      ],
      wants: [
        'Cần đơn vị chuyển giao quy trình và cử người hướng dẫn trong mùa sinh sản đầu.',
        'Hoặc ký hợp đồng cung cấp giống dài hạn có kiểm dịch.',
      ],
      demandKeywords: ['con giống {p}', 'giống sạch bệnh', 'hao hụt', 'trại giống'],
    },
  },
  {
    id: 'foodproc',
    fields: ['211', '209', '204'],
    expertise: 'công nghệ chế biến và bảo quản thực phẩm',
    price: [80 * M, 4 * B],
    budget: [40 * M, 2 * B],
    trl: [5, 9],
    modes: ['LICENSING', 'TECHNICAL_SERVICE', 'TURNKEY', 'EQUIPMENT_SUPPLY'],
    ip: ['KNOW_HOW', 'PATENT_PENDING', 'UTILITY_SOLUTION'],
    vi: {
      products: ['nước ép trái cây', 'nước mắm', 'sữa hạt', 'tương ớt', 'nước cốt dừa', 'giấm trái cây'],
      caps: ['500 lít/giờ', '2.000 lít/ngày', '5 tấn/ngày'],
      offerTitles: [
        'Công nghệ thanh trùng áp suất cao (HPP) cho {p}, giữ vị tươi',
        'Quy trình lên men có kiểm soát rút ngắn thời gian sản xuất {p}',
        'Dây chuyền chiết rót, thanh trùng và đóng chai {p} công suất {cap}',
        'Giải pháp kéo dài hạn dùng {p} không dùng chất bảo quản tổng hợp',
      ],
      offerSummaries: [
        'Quy trình và thiết bị giúp {p} đạt hạn dùng dài, an toàn vi sinh mà vẫn giữ hương vị tự nhiên.',
        'Chuyển giao công thức, thông số công nghệ và thiết bị sản xuất {p} quy mô vừa và nhỏ.',
      ],
      process: [
        'Sản phẩm đóng chai được đưa vào buồng nén nước ở 400–600 MPa trong vài phút, bất hoạt vi sinh vật mà không dùng nhiệt nên không mất mùi vị.',
        'Chủng khởi động được tuyển chọn và bổ sung ngay từ đầu, kiểm soát nhiệt độ và pH để {p} lên men đồng đều, hạn chế vi sinh vật lạ.',
        'Dây chuyền gồm lọc, đồng hóa, thanh trùng bản mỏng, chiết rót nóng và làm nguội nhanh; các điểm kiểm soát tới hạn được ghi tự động.',
        'Bao bì nhiều lớp cản oxy kết hợp bổ sung dịch chiết thực vật có tính kháng khuẩn thay cho chất bảo quản tổng hợp.',
      ],
      specs: [
        'Công suất: {cap}; vật liệu tiếp xúc sản phẩm inox 316.',
        'Hạn dùng đạt 6–12 tháng ở nhiệt độ thường hoặc 45–60 ngày bảo quản lạnh tùy sản phẩm.',
        'Đáp ứng yêu cầu của hệ thống quản lý an toàn thực phẩm HACCP, ISO 22000.',
      ],
      results: [
        'Một cơ sở ở {place} áp dụng từ năm {year}, sản phẩm {p} đã có mặt tại các chuỗi siêu thị và xuất khẩu thử nghiệm.',
        'Thời gian sản xuất rút ngắn khoảng {pct}%, tỷ lệ lô hỏng gần như không còn sau {k} tháng vận hành.',
      ],
      advantages: [
        'Giữ hương vị tự nhiên, không dùng chất bảo quản tổng hợp.',
        'Chất lượng đồng đều giữa các lô, thuận lợi khi bán vào siêu thị.',
        'Hồ sơ công bố sản phẩm được hỗ trợ hoàn thiện.',
      ],
      keywords: ['chế biến thực phẩm', 'thanh trùng', 'kéo dài hạn dùng', 'lên men', 'an toàn thực phẩm', '{p}'],
      vols: ['khoảng 800 lít mỗi ngày', 'vài nghìn chai mỗi tháng', 'chừng 3 tấn nguyên liệu mỗi ngày'],
      demandTitles: [
        '{P} làm ra để được ít ngày là chua, phồng chai',
        'Cơ sở nhỏ muốn nâng cấp sản xuất {p} để vào siêu thị',
        'Cần kéo dài hạn dùng cho {p} nhưng không muốn dùng chất bảo quản',
      ],
      demandSummaries: [
        'Cơ sở sản xuất {p} thủ công gặp khó về hạn dùng và độ đồng đều, muốn đổi mới quy trình.',
        'Tìm công nghệ giúp {p} bảo quản lâu hơn, đủ điều kiện vào siêu thị và xuất khẩu.',
      ],
      situations: [
        'Chúng tôi làm {p} theo công thức gia truyền, {vol}, bán chủ yếu qua mạng và chợ.',
        'Doanh nghiệp nhỏ sản xuất {p}, vừa được một chuỗi siêu thị hỏi hàng.',
      ],
      pains: [
        'Hàng gửi đi xa hay bị hỏng, phồng nắp, khách trả lại.',
        'Mỗi mẻ một vị, không đều, khó làm thương hiệu.',
        'Siêu thị yêu cầu hạn dùng ít nhất 6 tháng và có kiểm nghiệm.',
      ],
      wants: [
        'Cần đơn vị tư vấn quy trình, thiết bị phù hợp quy mô nhỏ và hỗ trợ làm hồ sơ công bố.',
        'Muốn giữ được vị truyền thống, không dùng hóa chất bảo quản.',
      ],
      demandKeywords: ['hạn dùng', 'bị hỏng', 'vào siêu thị', 'không chất bảo quản', '{p}'],
    },
    en: {
      products: ['fruit juice', 'fish sauce', 'plant-based milk', 'chili sauce', 'coconut cream'],
      caps: ['500 L/h', '2,000 L/day', '5 t/day'],
      offerTitles: [
        'High-pressure processing (HPP) for fresh-tasting {p}',
        'Controlled fermentation shortening production time of {p}',
        'Filling, pasteurising and bottling line for {p}, {cap}',
      ],
      offerSummaries: [
        'Process and equipment giving {p} a long shelf life and microbial safety while keeping its natural flavour.',
        'Recipe, process parameters and equipment for small and medium producers of {p}.',
      ],
      process: [
        'Bottled product is held at 400–600 MPa for a few minutes, inactivating microorganisms without heat.',
        'Selected starter cultures and controlled temperature and pH make the fermentation of {p} uniform and fast.',
        'The line covers filtration, homogenisation, plate pasteurisation, hot filling and rapid cooling with logged critical control points.',
      ],
      specs: [
        'Capacity: {cap}; product-contact parts in AISI 316.',
        'Shelf life 6–12 months ambient or 45–60 days chilled depending on product.',
        'Designed for HACCP and ISO 22000 compliance.',
      ],
      results: [
        'A producer in {place} adopted it in {year}; its {p} is now sold in supermarket chains and trial exports.',
        'Production time fell by about {pct}% and spoiled batches practically disappeared after {k} months.',
      ],
      advantages: ['Natural flavour without synthetic preservatives.', 'Consistent batches suitable for retail chains.', 'Help with product registration files.'],
      keywords: ['food processing', 'HPP', 'shelf life', 'fermentation', 'food safety', '{p}'],
      vols: ['about 800 L a day', 'several thousand bottles a month', 'about 3 t of raw material a day'],
      demandTitles: [
        'Our {p} spoils within days after bottling',
        'Small producer of {p} needs longer shelf life for retail',
        'Scaling up {p} production without preservatives',
      ],
      demandSummaries: [
        'A small {p} producer struggles with shelf life and batch consistency and wants to upgrade its process.',
        'We need technology to keep {p} stable for at least six months for supermarkets and export.',
      ],
      situations: [
        'We make {p} from a family recipe, {vol}, selling online and to local shops.',
        'Our company produces {p} and has just been approached by a retail chain.',
      ],
      pains: ['Shipments spoil and bottles swell; customers return them.', 'Flavour varies from batch to batch.'],
      wants: ['A process and right-sized equipment, plus help with the registration dossier.', 'Keep the traditional taste, no chemical preservatives.'],
      demandKeywords: ['shelf life', 'spoilage', 'retail', 'no preservatives'],
    },
  },
  {
    id: 'wastewater',
    fields: ['207', '208', '204'],
    expertise: 'xử lý nước thải công nghiệp và nông nghiệp',
    price: [300 * M, 12 * B],
    budget: [150 * M, 8 * B],
    trl: [6, 9],
    modes: ['TURNKEY', 'TECHNICAL_SERVICE', 'CONSULTING', 'LICENSING'],
    ip: ['PATENT_GRANTED', 'UTILITY_SOLUTION', 'KNOW_HOW'],
    vi: {
      products: ['chế biến thủy sản', 'lò giết mổ', 'chế biến tinh bột sắn', 'dệt nhuộm', 'chăn nuôi heo', 'chế biến mủ cao su'],
      caps: ['50 m³/ngày', '200 m³/ngày', '500 m³/ngày', '1.500 m³/ngày'],
      offerTitles: [
        'Công nghệ MBBR kết hợp lắng lamella xử lý nước thải {p}, {cap}',
        'Hệ thống kỵ khí UASB thu hồi biogas từ nước thải {p}',
        'Module xử lý nước thải {p} dạng container lắp ghép, {cap}',
        'Quy trình keo tụ – oxy hóa nâng cao xử lý màu và COD khó phân hủy trong nước thải {p}',
      ],
      offerSummaries: [
        'Hệ thống xử lý nước thải {p} đạt cột A hoặc B theo quy chuẩn, diện tích xây dựng nhỏ, vận hành tự động.',
        'Giải pháp xử lý sinh học kết hợp hóa lý cho nước thải {p} tải lượng hữu cơ cao, chi phí vận hành thấp.',
      ],
      process: [
        'Nước thải qua song chắn rác, bể điều hòa và tuyển nổi để tách dầu mỡ, sau đó vào bể sinh học có giá thể di động, nơi màng vi sinh bám dày giúp xử lý tải lượng cao trong thể tích nhỏ.',
        'Bể kỵ khí dòng chảy ngược phân hủy phần lớn COD và tạo khí sinh học; khí được làm sạch H₂S và dùng lại cho lò hơi hoặc máy phát.',
        'Giai đoạn hoàn thiện dùng keo tụ tối ưu liều bằng cảm biến độ đục, tiếp đến khử trùng bằng UV hoặc chlorine tùy yêu cầu xả thải.',
        'Tủ điều khiển tự động có kết nối truyền số liệu quan trắc về cơ quan quản lý môi trường theo quy định.',
      ],
      specs: [
        'Công suất: {cap}; COD đầu vào tới 3.000–6.000 mg/L.',
        'Nước sau xử lý đạt QCVN về nước thải công nghiệp (cột A hoặc B).',
        'Diện tích xây dựng giảm 30–50% so với bùn hoạt tính truyền thống.',
        'Điện năng 0,6–1,2 kWh/m³ tùy tải lượng; lượng bùn thải thấp.',
      ],
      results: [
        'Trạm xử lý cho một nhà máy {p} tại {place} vận hành ổn định từ năm {year}, các đợt quan trắc định kỳ đều đạt quy chuẩn.',
        'Đã thiết kế, thi công {n} hệ thống tại {place}, {place2} và các khu công nghiệp lân cận.',
        'Khí sinh học thu hồi thay thế khoảng {pct}% nhiên liệu cho lò hơi của nhà máy.',
      ],
      advantages: [
        'Đạt quy chuẩn xả thải ổn định, giảm rủi ro bị xử phạt.',
        'Tiết kiệm diện tích, có thể nâng cấp từ hệ thống cũ.',
        'Thu hồi năng lượng từ nước thải giàu hữu cơ.',
      ],
      keywords: ['xử lý nước thải', 'MBBR', 'UASB', 'biogas', 'nước thải {p}', 'quy chuẩn xả thải', 'COD'],
      vols: ['khoảng 150 m³ nước thải mỗi ngày', 'gần 400 m³ mỗi ngày', 'lúc cao điểm tới 800 m³ một ngày'],
      demandTitles: [
        'Nước thải {p} bốc mùi, bị dân phản ánh và đoàn kiểm tra nhắc nhở',
        'Hệ thống xử lý nước thải {p} cũ quá tải, {vol}',
        'Cần xử lý nước thải {p} đạt chuẩn mà chi phí vận hành thấp',
      ],
      demandSummaries: [
        'Cơ sở {p} có hệ thống xử lý nước thải cũ không còn đạt chuẩn khi mở rộng sản xuất, cần cải tạo hoặc làm mới.',
        'Tìm giải pháp xử lý nước thải {p} đạt quy chuẩn, ít tốn diện tích và điện năng.',
      ],
      situations: [
        'Nhà máy chúng tôi hoạt động trong lĩnh vực {p}, xả {vol}.',
        'Cơ sở {p} nằm gần khu dân cư, hệ thống xử lý hiện tại là vài bể lắng và hồ sinh học.',
      ],
      pains: [
        'Mùa khô nước thải bốc mùi nặng, người dân xung quanh phản ánh lên xã.',
        'Kết quả quan trắc gần đây COD và amoni vượt chuẩn, có nguy cơ bị phạt.',
        'Tiền hóa chất và điện cho hệ thống cũ mỗi tháng rất cao mà vẫn không đạt.',
      ],
      wants: [
        'Cần đơn vị khảo sát, đề xuất phương án tận dụng bể cũ, thi công trong lúc nhà máy vẫn chạy.',
        'Muốn hệ thống vận hành đơn giản, có bảo hành và hỗ trợ định kỳ.',
      ],
      demandKeywords: ['nước thải {p}', 'bốc mùi', 'vượt chuẩn', 'bị phạt', 'xử lý nước thải'],
    },
    en: {
      products: ['seafood processing', 'slaughterhouse', 'cassava starch', 'textile dyeing', 'pig farm'],
      caps: ['50 m³/day', '300 m³/day', '1,200 m³/day'],
      offerTitles: [
        'Compact MBBR wastewater treatment for {p} effluent, {cap}',
        'UASB anaerobic treatment with biogas recovery for {p} wastewater',
        'Containerised wastewater treatment plant for {p} sites ({cap})',
      ],
      offerSummaries: [
        'A small-footprint, automated plant treating {p} wastewater to national discharge standards.',
        'Combined biological and physico-chemical treatment of high-strength {p} effluent with low running costs.',
      ],
      process: [
        'After screening, equalisation and flotation for fats, water enters a moving-bed reactor whose carriers hold a dense biofilm and treat high loads in a small volume.',
        'An upflow anaerobic reactor removes most COD and produces biogas, which is desulphurised and used in boilers or generators.',
        'Polishing uses turbidity-controlled coagulant dosing and UV or chlorine disinfection.',
      ],
      specs: [
        'Capacity: {cap}; inlet COD up to 3,000–6,000 mg/L.',
        'Effluent meets Vietnamese industrial discharge standards (column A or B).',
        'Footprint 30–50% smaller than conventional activated sludge.',
      ],
      results: [
        'A {p} plant in {place} has run the system since {year}, passing every periodic inspection.',
        '{n} plants designed and built in {place}, {place2} and nearby industrial parks.',
      ],
      advantages: ['Stable compliance, lower risk of fines.', 'Small footprint, existing tanks can be reused.', 'Energy recovered from organic load.'],
      keywords: ['wastewater treatment', 'MBBR', 'UASB', 'biogas', '{p} effluent', 'discharge standards'],
      vols: ['about 150 m³ of wastewater a day', 'nearly 400 m³ a day', 'up to 800 m³ a day at peak'],
      demandTitles: [
        'Odour complaints about our {p} wastewater: upgrade needed',
        'Existing {p} effluent plant overloaded at {vol}',
        'Cost-effective compliant treatment of {p} wastewater wanted',
      ],
      demandSummaries: [
        'Our {p} facility expanded and the old treatment system no longer meets standards.',
        'We are looking for compliant {p} wastewater treatment using little land and power.',
      ],
      situations: [
        'Our factory in the {p} sector discharges {vol}.',
        'The {p} site is near homes and treats water only in settling ponds.',
      ],
      pains: ['Strong odours in the dry season and complaints from neighbours.', 'Recent monitoring showed COD and ammonia above limits.'],
      wants: ['A supplier to survey, reuse existing tanks where possible and build while we keep operating.', 'Simple operation with warranty and periodic support.'],
      demandKeywords: ['wastewater', 'odour', 'compliance', 'effluent treatment'],
    },
  },
  {
    id: 'water',
    fields: ['207', '105', '204'],
    expertise: 'cấp nước sạch và xử lý nước cho vùng nông thôn',
    price: [50 * M, 5 * B],
    budget: [30 * M, 3 * B],
    trl: [6, 9],
    modes: ['TURNKEY', 'EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE', 'CONSULTING'],
    ip: ['UTILITY_SOLUTION', 'KNOW_HOW', 'PATENT_PENDING'],
    vi: {
      products: ['nước giếng khoan nhiễm phèn', 'nước sông nhiễm mặn', 'nước ngầm nhiễm asen', 'nước kênh rạch', 'nước ao hồ'],
      caps: ['2 m³/giờ', '10 m³/giờ', '500 m³/ngày'],
      offerTitles: [
        'Trạm lọc nước sạch từ {p} chạy năng lượng mặt trời, {cap}',
        'Thiết bị lọc thẩm thấu ngược cho cộng đồng đang dùng {p}',
        'Bộ lọc cho hộ gia đình và trường học xử lý {p} thành nước uống',
      ],
      offerSummaries: [
        'Hệ thống xử lý {p} thành nước đạt quy chuẩn sinh hoạt, vận hành đơn giản, phù hợp vùng xa lưới điện.',
        'Giải pháp cấp nước sạch quy mô nhỏ, chi phí mỗi mét khối thấp, bảo trì được tại chỗ.',
      ],
      process: [
        'Nước được làm thoáng, lọc qua vật liệu hấp phụ biến tính từ đá ong và oxit sắt, loại bỏ sắt, mangan và asen trước khi qua màng.',
        'Cụm thẩm thấu ngược áp suất thấp dùng bơm biến tần, thu hồi năng lượng từ dòng nước thải nên tiêu thụ điện chỉ khoảng 2–3 kWh/m³ với nước lợ.',
        'Hệ thống tự súc rửa và gửi trạng thái qua tin nhắn, người vận hành ở xã chỉ cần kiểm tra mỗi tuần.',
      ],
      specs: [
        'Công suất: {cap}; nước đầu ra đạt quy chuẩn nước sinh hoạt.',
        'Độ mặn đầu vào tới 5–10‰; tỷ lệ thu hồi 50–75%.',
        'Tấm pin mặt trời và ắc quy lưu trữ cho phép chạy 8–10 giờ mỗi ngày không cần lưới điện.',
      ],
      results: [
        'Trạm lắp năm {year} tại một xã ở {place} cấp nước uống cho khoảng {n}0 hộ và một trường tiểu học trong mùa hạn mặn.',
        'Đến nay đã có {n} trạm vận hành tại {place}, {place2}.',
      ],
      advantages: ['Chạy được ở nơi điện yếu hoặc không có điện.', 'Chi phí nước thành phẩm thấp.', 'Bảo trì đơn giản, có đào tạo người vận hành tại xã.'],
      keywords: ['nước sạch nông thôn', 'khử mặn', 'lọc nước', 'thẩm thấu ngược', 'xâm nhập mặn', 'xử lý phèn'],
      vols: ['khoảng 300 hộ', 'hơn 1.200 nhân khẩu', 'một trường học gần 600 học sinh'],
      demandTitles: [
        'Mùa khô nước sông bị mặn, dân thiếu nước uống, cần máy lọc cho {vol}',
        'Nước giếng vàng, tanh mùi sắt, cần cách lọc cho {vol}',
        'Tìm giải pháp nước sạch cho xã vùng sâu chưa có lưới cấp nước',
      ],
      demandSummaries: [
        'Địa phương thiếu nước sinh hoạt đạt chuẩn vào mùa khô, cần trạm lọc nhỏ, vận hành đơn giản.',
        'Cần thiết bị xử lý nước tại chỗ cho cộng đồng, chi phí vận hành thấp và dễ bảo trì.',
      ],
      situations: [
        'Xã chúng tôi có {vol}, dùng nước giếng khoan và nước sông là chính.',
        'Ban quản lý đang chuẩn bị dự án cấp nước cho {vol} ở khu vực chưa có đường ống.',
      ],
      pains: [
        'Từ tháng Hai đến tháng Năm nước sông nhiễm mặn, dân phải mua nước bình giá cao.',
        'Nước giếng có mùi tanh, để lâu đóng cặn vàng, nhiều hộ lo ngại sức khỏe.',
        'Điện lưới yếu, các máy lọc gia đình hay hỏng.',
      ],
      wants: ['Cần trạm lọc có thể giao cho tổ tự quản vận hành, có hướng dẫn và bảo trì định kỳ.', 'Ưu tiên thiết bị chạy được bằng năng lượng mặt trời.'],
      demandKeywords: ['nước nhiễm mặn', 'thiếu nước sạch', 'nước giếng nhiễm phèn', 'máy lọc nước'],
    },
  },
  {
    id: 'waste',
    fields: ['207', '208', '209'],
    expertise: 'xử lý chất thải rắn và tái chế phụ phẩm',
    price: [60 * M, 8 * B],
    budget: [30 * M, 4 * B],
    trl: [5, 9],
    modes: ['TURNKEY', 'LICENSING', 'TECHNICAL_SERVICE', 'JOINT_VENTURE'],
    ip: ['PATENT_GRANTED', 'KNOW_HOW', 'UTILITY_SOLUTION'],
    vi: {
      products: ['rác hữu cơ sinh hoạt', 'rơm rạ', 'vỏ cà phê', 'bã mía', 'phân chuồng', 'phụ phẩm chế biến trái cây'],
      caps: ['5 tấn/ngày', '20 tấn/ngày', '100 tấn/ngày'],
      offerTitles: [
        'Công nghệ ủ hiếu khí cưỡng bức chuyển {p} thành phân hữu cơ, {cap}',
        'Chế phẩm vi sinh phân giải nhanh {p} ngay tại ruộng, vườn',
        'Hầm biogas composite và hệ thống phát điện từ {p}',
      ],
      offerSummaries: [
        'Xử lý {p} thành phân bón hữu cơ hoặc năng lượng, giảm đốt bỏ và chôn lấp, tạo thêm thu nhập.',
        'Chuyển giao quy trình, chủng vi sinh và thiết kế nhà ủ để xử lý {p} quy mô thôn, xã hoặc nhà máy.',
      ],
      process: [
        'Nguyên liệu được băng nhỏ, phối trộn đạt tỷ lệ C/N 25–30 và độ ẩm 50–60%, rồi ủ thành luống có ống thổi khí đáy điều khiển theo nhiệt độ.',
        'Tổ hợp vi sinh phân giải cellulose và lignin gồm nấm Trichoderma, xạ khuẩn và Bacillus giúp rút ngắn thời gian ủ từ 3–4 tháng xuống 30–45 ngày.',
        'Hầm biogas bằng vật liệu composite đúc sẵn, kín khí tuyệt đối, khí được lọc H₂S và dùng để đun nấu hoặc phát điện.',
      ],
      specs: [
        'Công suất: {cap}; nhiệt độ đống ủ đạt 55–65°C ít nhất 5 ngày để diệt mầm bệnh và hạt cỏ.',
        'Sản phẩm đạt chỉ tiêu phân bón hữu cơ theo quy chuẩn hiện hành.',
        'Chế phẩm dạng bột, 1 kg xử lý được 1 tấn nguyên liệu.',
      ],
      results: [
        'Mô hình xử lý {p} tại {place} năm {year} giảm khoảng {pct}% khối lượng phải chôn lấp, phân thành phẩm được bà con mua lại dùng cho vườn cây.',
        'Đã chuyển giao cho {n} hợp tác xã và doanh nghiệp ở {place} và {place2}.',
      ],
      advantages: ['Biến chất thải thành sản phẩm bán được.', 'Giảm mùi, ruồi nhặng và khói đốt đồng.', 'Thời gian ủ ngắn, tiết kiệm mặt bằng.'],
      keywords: ['xử lý rác hữu cơ', 'ủ phân compost', 'chế phẩm phân giải', 'biogas', 'kinh tế tuần hoàn', 'xử lý {p}'],
      vols: ['khoảng 8 tấn mỗi ngày', 'gần 2.000 tấn mỗi vụ', 'vài chục khối mỗi tuần'],
      demandTitles: [
        '{P} để đống hôi thối, ruồi nhặng, không biết xử lý thế nào',
        'Cần cách xử lý {p} thay vì đốt bỏ, {vol}',
        'Muốn tận dụng {p} làm phân bón cho vùng trồng',
      ],
      demandSummaries: [
        'Lượng {p} lớn đang đốt bỏ hoặc đổ thải gây ô nhiễm, muốn có cách xử lý có ích.',
        'Tìm công nghệ xử lý {p} tại chỗ, ít tốn mặt bằng và không gây mùi cho khu dân cư.',
      ],
      situations: ['Địa phương chúng tôi phát sinh {p}, {vol}.', 'Nhà máy thải ra {p}, {vol}, hiện thuê xe chở đi đổ.'],
      pains: ['Đốt ngoài đồng gây khói mù, bị nhắc nhở nhiều lần.', 'Bãi tập kết quá tải, mùa mưa nước rỉ chảy ra mương.', 'Chi phí thuê chở đi đổ ngày càng cao.'],
      wants: ['Cần quy trình và thiết bị xử lý tại chỗ, có thể làm ra phân bón hoặc năng lượng để bù chi phí.', 'Muốn tham quan mô hình đã chạy trước khi đầu tư.'],
      demandKeywords: ['xử lý {p}', 'đốt bỏ', 'ô nhiễm', 'làm phân bón', 'rác thải'],
    },
  },
];

const DOMAINS_ENERGY_DIGITAL: Domain[] = [
  {
    id: 'solar',
    fields: ['202', '103', '212'],
    expertise: 'năng lượng mặt trời và lưu trữ điện',
    price: [80 * M, 10 * B],
    budget: [40 * M, 6 * B],
    trl: [7, 9],
    modes: ['TURNKEY', 'EQUIPMENT_SUPPLY', 'CONSULTING', 'JOINT_VENTURE'],
    ip: ['KNOW_HOW', 'UTILITY_SOLUTION', 'NONE'],
    vi: {
      products: ['nhà xưởng', 'trang trại chăn nuôi', 'kho lạnh', 'trạm bơm tưới', 'hợp tác xã', 'trường học'],
      caps: ['50 kWp', '200 kWp', '1 MWp'],
      offerTitles: [
        'Hệ thống điện mặt trời mái nhà kết hợp lưu trữ cho {p}, {cap}',
        'Bơm nước năng lượng mặt trời có biến tần điều khiển thông minh cho {p}',
        'Giải pháp quản lý năng lượng và tự dùng điện mặt trời tối đa cho {p}',
      ],
      offerSummaries: [
        'Thiết kế, lắp đặt và vận hành điện mặt trời tự dùng cho {p}, giảm tiền điện giờ cao điểm, theo dõi sản lượng trên điện thoại.',
        'Giải pháp điện mặt trời có pin lưu trữ, hạn chế phát ngược lưới, phù hợp quy định hiện hành về tự sản tự tiêu.',
      ],
      process: [
        'Tấm pin đơn tinh thể hiệu suất cao lắp trên kết cấu nhôm không xuyên mái, biến tần hòa lưới có chức năng chống phát ngược.',
        'Bộ quản lý năng lượng dự báo phụ tải và bức xạ theo giờ, ưu tiên nạp pin vào trưa và xả vào giờ cao điểm chiều tối.',
        'Với bơm tưới, biến tần MPPT điều chỉnh tốc độ bơm theo cường độ nắng nên bơm chạy được cả lúc trời nhiều mây.',
      ],
      specs: [
        'Công suất lắp đặt: {cap}; sản lượng trung bình 3,8–4,6 kWh/kWp/ngày tùy vùng.',
        'Pin lưu trữ LFP 10–500 kWh, tuổi thọ trên 6.000 chu kỳ.',
        'Giám sát từ xa qua ứng dụng, cảnh báo khi sản lượng giảm bất thường.',
      ],
      results: [
        'Hệ thống cho một {p} ở {place} vận hành từ năm {year}, giảm khoảng {pct}% tiền điện hằng tháng.',
        'Đã lắp đặt {n} hệ thống tại {place}, {place2} và các tỉnh lân cận.',
      ],
      advantages: ['Giảm tiền điện giờ cao điểm.', 'Bảo hành tấm pin 12 năm, hiệu suất 25 năm.', 'Có phương án trả góp hoặc thuê mái.'],
      keywords: ['điện mặt trời mái nhà', 'lưu trữ năng lượng', 'tiết kiệm điện', 'bơm năng lượng mặt trời', 'năng lượng tái tạo'],
      vols: ['tiền điện khoảng 60 triệu mỗi tháng', 'mái tôn rộng chừng 3.000 m²', 'ba trạm bơm mỗi trạm 15 kW'],
      demandTitles: [
        'Tiền điện của {p} quá cao, muốn lắp điện mặt trời tự dùng',
        'Điện lưới chập chờn làm hỏng thiết bị ở {p}, cần nguồn điện dự phòng',
        'Tìm đơn vị tư vấn điện mặt trời cho {p} có {vol}',
      ],
      demandSummaries: [
        'Muốn giảm chi phí điện cho {p} bằng điện mặt trời có lưu trữ, không bán điện lên lưới.',
        'Cần tư vấn phương án điện mặt trời phù hợp quy định mới và khả năng chịu lực của mái.',
      ],
      situations: ['Chúng tôi quản lý một {p}, {vol}.', 'Đơn vị đang vận hành {p}, phần lớn phụ tải chạy ban ngày.'],
      pains: ['Tiền điện chiếm phần lớn chi phí vận hành, giờ cao điểm giá rất đắt.', 'Mất điện vài lần mỗi tháng, máy móc khởi động lại hay hỏng.', 'Không rõ thủ tục và quy định mới về tự sản tự tiêu.'],
      wants: ['Cần khảo sát mái, tính toán hiệu quả và báo giá trọn gói.', 'Ưu tiên có phương án thuê mái hoặc trả dần.'],
      demandKeywords: ['tiền điện cao', 'điện mặt trời', 'mất điện', 'tiết kiệm điện'],
    },
    en: {
      products: ['factory roof', 'livestock farm', 'cold store', 'irrigation station', 'school'],
      caps: ['60 kWp', '250 kWp', '1.2 MWp'],
      offerTitles: [
        'Rooftop solar with battery storage for a {p}, {cap}',
        'Smart solar-powered pumping for {p} sites',
        'Energy management maximising solar self-consumption at a {p}',
      ],
      offerSummaries: [
        'Design, installation and O&M of self-consumption solar for a {p}, cutting peak-hour bills with app-based monitoring.',
        'Solar with batteries and zero-export control, compliant with current self-consumption rules.',
      ],
      process: [
        'High-efficiency mono panels on non-penetrating aluminium rails with grid-tied inverters that block export.',
        'An energy manager forecasts load and irradiance hourly, charging batteries at midday and discharging at evening peak.',
        'For pumps, an MPPT drive varies pump speed with sunlight so water keeps flowing under cloud.',
      ],
      specs: ['Installed power: {cap}; 3.8–4.6 kWh/kWp/day depending on region.', 'LFP storage 10–500 kWh, over 6,000 cycles.', 'Remote monitoring with alerts on abnormal output.'],
      results: ['A {p} in {place} has run the system since {year}, cutting monthly bills by about {pct}%.', '{n} systems installed in {place}, {place2} and neighbouring provinces.'],
      advantages: ['Lower peak-hour electricity costs.', '12-year product and 25-year performance warranty.', 'Leasing and instalment options.'],
      keywords: ['rooftop solar', 'battery storage', 'self-consumption', 'solar pumping', 'renewable energy'],
      vols: ['a power bill of about VND 60 million a month', 'about 3,000 m² of roof', 'three 15 kW pumping stations'],
      demandTitles: [
        'Cutting the electricity bill of our {p} with rooftop solar',
        'Backup power needed for our {p}: frequent grid outages',
        'Seeking a solar consultant for a {p} with {vol}',
      ],
      demandSummaries: ['We want to lower electricity costs at our {p} with solar plus storage and no export to the grid.', 'Advice needed on a compliant solar design and roof load capacity.'],
      situations: ['We run a {p} with {vol}.', 'Most of our load at the {p} runs in daytime.'],
      pains: ['Electricity is our largest operating cost and peak tariffs are high.', 'Several outages a month damage equipment on restart.'],
      wants: ['A roof survey, payback calculation and turnkey quotation.', 'Leasing or instalment options preferred.'],
      demandKeywords: ['electricity cost', 'rooftop solar', 'power outages', 'energy saving'],
    },
  },
  {
    id: 'biomass',
    fields: ['207', '203', '404'],
    expertise: 'năng lượng sinh khối và lò hơi công nghiệp',
    price: [200 * M, 9 * B],
    budget: [100 * M, 5 * B],
    trl: [6, 9],
    modes: ['TURNKEY', 'EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE'],
    ip: ['UTILITY_SOLUTION', 'KNOW_HOW', 'PATENT_GRANTED'],
    vi: {
      products: ['trấu', 'mùn cưa', 'vỏ hạt điều', 'lõi ngô', 'vỏ cà phê'],
      caps: ['2 tấn hơi/giờ', '6 tấn hơi/giờ', '3 tấn viên/giờ'],
      offerTitles: [
        'Lò hơi tầng sôi đốt {p} công suất {cap}',
        'Dây chuyền ép viên nén nhiên liệu từ {p}, năng suất {cap}',
        'Lò khí hóa {p} cấp nhiệt sạch cho lò sấy và nồi nấu',
      ],
      offerSummaries: [
        'Thay dầu FO, than đá bằng {p} sẵn có tại địa phương, giảm chi phí nhiên liệu và khí thải.',
        'Thiết bị chuyển {p} thành nhiệt hoặc nhiên liệu viên có giá trị thương mại, khí thải đạt quy chuẩn.',
      ],
      process: [
        'Buồng đốt tầng sôi giữ nhiệt độ 750–850°C, nhiên liệu cháy kiệt, hạn chế đóng xỉ và phát thải NOx.',
        'Nguyên liệu được sấy sơ bộ bằng khói thải xuống ẩm 10–12%, nghiền và ép qua khuôn vòng tạo viên đường kính 6–8 mm.',
        'Khí tổng hợp từ lò khí hóa được lọc bụi, tách hắc ín rồi đốt trong buồng đốt đặt cạnh thiết bị dùng nhiệt.',
      ],
      specs: ['Công suất: {cap}; hiệu suất nhiệt 80–85%.', 'Khí thải qua cyclon và lọc bụi túi vải, đạt quy chuẩn khí thải công nghiệp.', 'Điều khiển tự động cấp liệu, gió và nước cấp.'],
      results: ['Nhà máy ở {place} dùng lò từ năm {year}, chi phí nhiên liệu giảm khoảng {pct}% so với đốt than.', 'Đã cung cấp {n} lò và dây chuyền tại {place} và {place2}.'],
      advantages: ['Tận dụng phụ phẩm sẵn có, giá nhiên liệu ổn định.', 'Giảm phát thải khí nhà kính.', 'Vận hành tự động, ít nhân công.'],
      keywords: ['lò hơi sinh khối', 'viên nén {p}', 'khí hóa', 'nhiên liệu sinh học', 'thay thế than'],
      vols: ['khoảng 4 tấn hơi mỗi giờ', 'gần 30 tấn {p} mỗi ngày', 'hai ca mỗi ngày'],
      demandTitles: ['Giá than, dầu tăng, muốn đổi lò hơi sang đốt {p}', 'Có sẵn nhiều {p}, muốn làm nhiên liệu bán hoặc tự dùng', 'Lò hơi cũ khói đen, cần cải tạo đạt chuẩn khí thải'],
      demandSummaries: ['Doanh nghiệp cần giảm chi phí nhiệt bằng nhiên liệu sinh khối rẻ, khí thải đạt chuẩn.', 'Tìm giải pháp tận dụng nguồn {p} sẵn có thành nhiệt cho sản xuất hoặc làm viên nén để bán.'],
      situations: ['Nhà máy dùng hơi cho khâu nấu và sấy, {vol}.', 'Chúng tôi có nguồn {p} từ các cơ sở trong vùng, {vol}.'],
      pains: ['Tiền than chiếm phần lớn giá thành, giá lên xuống thất thường.', 'Lò cũ nhả khói đen, bị dân phản ánh.', '{P} để đống chiếm chỗ, dễ cháy.'],
      wants: ['Cần lò đốt được {p}, tự động cấp liệu, có bảo hành.', 'Muốn tham quan nhà máy đã dùng trước khi quyết định.'],
      demandKeywords: ['lò hơi', 'giảm tiền than', 'khói đen', 'đốt {p}'],
    },
  },
  {
    id: 'iiot',
    fields: ['212', '202', '203'],
    expertise: 'tự động hóa và IoT công nghiệp',
    price: [60 * M, 5 * B],
    budget: [30 * M, 3 * B],
    trl: [6, 9],
    modes: ['TURNKEY', 'TECHNICAL_SERVICE', 'LICENSING', 'EQUIPMENT_SUPPLY'],
    ip: ['COPYRIGHT', 'KNOW_HOW', 'UTILITY_SOLUTION'],
    vi: {
      products: ['máy ép nhựa', 'máy nén khí', 'dây chuyền đóng gói', 'lò nung', 'máy dệt', 'băng tải'],
      caps: ['20 thiết bị', '80 thiết bị', '300 điểm đo'],
      offerTitles: [
        'Hệ thống giám sát hiệu suất thiết bị (OEE) theo thời gian thực cho {p}',
        'Cảm biến rung không dây dự báo hỏng hóc cho {p}, quy mô {cap}',
        'Giải pháp đo đếm và tối ưu điện năng cho nhà máy có {p}',
      ],
      offerSummaries: [
        'Thu thập dữ liệu từ {p} không cần thay bộ điều khiển, tính OEE, cảnh báo dừng máy và dự báo hỏng hóc.',
        'Bộ giải pháp IoT công nghiệp giúp doanh nghiệp vừa và nhỏ biết máy nào đang chạy, chạy hiệu quả ra sao, tốn bao nhiêu điện.',
      ],
      process: [
        'Bộ thu thập gắn vào tủ điện đọc tín hiệu dòng, trạng thái và bộ đếm của {p}, gửi về máy chủ tại nhà máy qua mạng công nghiệp.',
        'Cảm biến rung ba trục đo phổ tần số, mô hình học máy học trạng thái bình thường của từng máy và cảnh báo khi bạc đạn, trục bắt đầu mòn.',
        'Bảng điều khiển hiển thị thời gian chạy, dừng, nguyên nhân dừng và điện năng theo ca, xuất báo cáo cho ban giám đốc.',
      ],
      specs: ['Quy mô: {cap}; kết nối Modbus, OPC UA, MQTT.', 'Cảm biến pin dùng 3 năm, truyền không dây 868/915 MHz.', 'Triển khai tại chỗ hoặc trên đám mây, dữ liệu thuộc về doanh nghiệp.'],
      results: ['Nhà máy ở {place} triển khai năm {year}, OEE tăng khoảng {pct}% sau sáu tháng nhờ giảm thời gian dừng máy.', 'Đã triển khai tại {n} nhà máy ở {place}, {place2}.'],
      advantages: ['Lắp đặt không dừng sản xuất.', 'Giao diện tiếng Việt, dễ dùng cho tổ trưởng ca.', 'Hoàn vốn nhanh nhờ giảm dừng máy đột xuất.'],
      keywords: ['IoT công nghiệp', 'OEE', 'bảo trì dự đoán', 'giám sát điện năng', 'nhà máy thông minh', '{p}'],
      vols: ['khoảng 40 máy', 'ba xưởng chạy ba ca', 'gần 100 động cơ lớn'],
      demandTitles: ['{P} hay hỏng đột xuất làm trễ đơn hàng', 'Không biết máy nào trong xưởng đang chạy hiệu quả, {vol}', 'Tiền điện nhà máy cao mà không rõ hao ở đâu'],
      demandSummaries: ['Xưởng cần nắm tình trạng {p} theo thời gian thực và biết trước khi máy sắp hỏng.', 'Tìm giải pháp theo dõi máy móc và điện năng phù hợp doanh nghiệp vừa.'],
      situations: ['Xưởng chúng tôi có {vol}, trong đó nhiều {p} đã dùng trên mười năm.', 'Công ty đang mở rộng sản xuất, {vol}.'],
      pains: ['Máy hỏng giữa ca mới biết, chờ phụ tùng mất cả tuần, trễ giao hàng.', 'Số liệu sản lượng ghi tay cuối ca, sai lệch nhiều.', 'Hóa đơn điện tăng nhưng không biết khu vực nào tiêu tốn.'],
      wants: ['Cần hệ thống lắp được lên máy cũ, xem được trên điện thoại, có người hỗ trợ tại chỗ.', 'Muốn thử ở một xưởng trước.'],
      demandKeywords: ['máy hỏng đột xuất', 'theo dõi máy móc', 'tiền điện nhà máy', 'số hóa nhà xưởng'],
    },
    en: {
      products: ['injection moulding machines', 'air compressors', 'packing lines', 'kilns', 'conveyors'],
      caps: ['20 machines', '80 machines', '300 measuring points'],
      offerTitles: [
        'Real-time OEE monitoring for {p}',
        'Wireless vibration sensors for predictive maintenance of {p} ({cap})',
        'Energy metering and optimisation for plants running {p}',
      ],
      offerSummaries: [
        'Collects data from {p} without replacing controllers, computes OEE, flags stoppages and predicts failures.',
        'Industrial IoT for SMEs: which machine runs, how well, and how much power it uses.',
      ],
      process: [
        'A retrofit collector in the cabinet reads current, status and counters of {p} and sends them to an on-site server.',
        'Tri-axial vibration sensors measure spectra; a model learns each machine\u2019s normal state and warns when bearings start to wear.',
        'Dashboards show run and stop time, stop reasons and energy per shift.',
      ],
      specs: ['Scale: {cap}; Modbus, OPC UA, MQTT.', 'Battery sensors last three years, sub-GHz wireless.', 'On-premise or cloud; the data stays the customer\u2019s.'],
      results: ['A plant in {place} deployed it in {year}; OEE rose about {pct}% within six months.', 'Running in {n} plants in {place} and {place2}.'],
      advantages: ['Installed without stopping production.', 'Vietnamese and English interface.', 'Fast payback from fewer breakdowns.'],
      keywords: ['industrial IoT', 'OEE', 'predictive maintenance', 'energy monitoring', 'smart factory'],
      vols: ['about 40 machines', 'three workshops on three shifts', 'nearly 100 large motors'],
      demandTitles: ['Unplanned breakdowns of {p} delay our orders', 'No visibility on which machines perform, {vol}', 'High plant power bill with unknown losses'],
      demandSummaries: ['We need real-time status of {p} and early warning of failures.', 'Looking for machine and energy monitoring suited to a mid-size plant.'],
      situations: ['Our factory has {vol}, many of the {p} older than ten years.', 'We are expanding production with {vol}.'],
      pains: ['Machines fail mid-shift and spare parts take a week.', 'Output is logged by hand at the end of the shift.'],
      wants: ['A retrofit system with mobile dashboards and local support.', 'A pilot in one workshop first.'],
      demandKeywords: ['breakdowns', 'machine monitoring', 'energy cost', 'digitalisation'],
    },
  },
  {
    id: 'vision',
    fields: ['102', '212'],
    expertise: 'thị giác máy tính và trí tuệ nhân tạo ứng dụng',
    price: [100 * M, 3 * B],
    budget: [50 * M, 2 * B],
    trl: [5, 9],
    modes: ['LICENSING', 'TURNKEY', 'TECHNICAL_SERVICE'],
    ip: ['COPYRIGHT', 'PATENT_PENDING', 'KNOW_HOW'],
    vi: {
      products: ['hạt điều nhân', 'gạch men', 'vải mộc', 'bao bì in', 'linh kiện cơ khí', 'cà phê nhân'],
      caps: ['4 tấn/giờ', '120 sản phẩm/phút', '60 m vải/phút'],
      offerTitles: [
        'Máy phân loại {p} bằng camera và trí tuệ nhân tạo, năng suất {cap}',
        'Hệ thống AI phát hiện lỗi bề mặt {p} trên dây chuyền',
        'Phần mềm kiểm tra chất lượng {p} bằng học sâu, huấn luyện với ít ảnh mẫu',
      ],
      offerSummaries: [
        'Camera tốc độ cao và mô hình học sâu phát hiện, loại bỏ {p} lỗi tự động, thay thế khâu kiểm tra bằng mắt.',
        'Giải pháp kiểm tra chất lượng {p} bằng AI chạy tại chỗ, tích hợp vào dây chuyền sẵn có.',
      ],
      process: [
        'Camera công nghiệp kết hợp đèn chiếu sáng đồng trục chụp từng sản phẩm, máy tính biên có GPU chạy mô hình phân loại trong dưới 20 ms.',
        'Mô hình được huấn luyện trên ảnh lỗi thực tế của chính nhà máy; công cụ gán nhãn cho phép công nhân QC bổ sung mẫu mới hằng tuần.',
        'Van khí nén hoặc tay gạt loại bỏ sản phẩm lỗi; mọi quyết định đều lưu ảnh để truy vết và cải tiến quy trình.',
      ],
      specs: ['Năng suất: {cap}; độ chính xác phân loại trên 97% với các lỗi chính.', 'Phát hiện lỗi kích thước từ 0,3 mm.', 'Chạy độc lập không cần internet; giao diện tiếng Việt.'],
      results: ['Tại một nhà máy ở {place}, từ năm {year} số công nhân kiểm hàng giảm từ 12 xuống 3 người mỗi ca, khiếu nại của khách giảm rõ rệt.', 'Đã triển khai {n} trạm kiểm tra ở {place} và {place2}.'],
      advantages: ['Ổn định suốt ca, không mỏi mắt như kiểm tra thủ công.', 'Cần ít ảnh mẫu để bắt đầu.', 'Dữ liệu lỗi giúp tìm nguyên nhân gốc.'],
      keywords: ['AI phát hiện lỗi', 'thị giác máy tính', 'phân loại bằng camera', 'kiểm tra chất lượng', 'học sâu', '{p}'],
      vols: ['khoảng 30 tấn mỗi ngày', 'hai dây chuyền chạy ba ca', 'hơn 50.000 sản phẩm mỗi ngày'],
      demandTitles: ['Nhặt {p} lỗi bằng tay tốn người mà vẫn sót', 'Khách trả hàng vì {p} lỗi, cần kiểm tra kỹ hơn', 'Thiếu công nhân chọn lựa {p}, {vol}'],
      demandSummaries: ['Nhà máy cần tự động hóa khâu kiểm tra, phân loại {p} vì thiếu người và sai sót nhiều.', 'Muốn dùng máy kiểm tra {p} thay mắt người, đạt độ ổn định cao.'],
      situations: ['Chúng tôi sản xuất {p}, {vol}, khâu kiểm tra hiện dùng khoảng 40 công nhân.', 'Nhà máy có {vol}, khách hàng châu Âu yêu cầu tỷ lệ lỗi rất thấp.'],
      pains: ['Cuối ca công nhân mệt, sót lỗi nhiều, khách phạt hợp đồng.', 'Tuyển người làm khâu lựa chọn ngày càng khó, lương tăng.', 'Không có số liệu lỗi theo ca để cải tiến.'],
      wants: ['Cần máy hoặc phần mềm lắp được vào băng chuyền hiện có, chạy thử trên hàng thật.', 'Muốn có người hỗ trợ cập nhật mô hình khi đổi mã hàng.'],
      demandKeywords: ['phân loại {p}', 'hàng lỗi', 'thiếu công nhân', 'kiểm tra chất lượng'],
    },
    en: {
      products: ['cashew kernels', 'ceramic tiles', 'woven fabric', 'printed packaging', 'machined parts'],
      caps: ['4 t/h', '120 pieces/min', '60 m/min'],
      offerTitles: [
        'AI defect detection for {p} on production lines',
        'Camera-based AI sorter for {p}, {cap}',
        'Deep-learning quality inspection of {p} trained from few samples',
      ],
      offerSummaries: [
        'High-speed cameras and deep learning detect and reject defective {p}, replacing visual inspection.',
        'On-premise AI inspection of {p} that fits into existing lines.',
      ],
      process: [
        'Industrial cameras with coaxial lighting capture every item; an edge computer with GPU classifies each in under 20 ms.',
        'Models are trained on the plant\u2019s own defect images; a labelling tool lets QC staff add new samples every week.',
        'Air valves or flippers reject defects, and every decision is stored with its image for traceability.',
      ],
      specs: ['Throughput: {cap}; above 97% accuracy on main defect classes.', 'Detects defects from 0.3 mm.', 'Runs offline; Vietnamese and English UI.'],
      results: ['At a plant in {place}, inspectors per shift fell from 12 to 3 after {year} and customer claims dropped sharply.', '{n} inspection stations running in {place} and {place2}.'],
      advantages: ['Consistent all shift long.', 'Few samples needed to start.', 'Defect data supports root-cause analysis.'],
      keywords: ['AI defect detection', 'machine vision', 'optical sorting', 'quality inspection', 'deep learning'],
      vols: ['about 30 t a day', 'two lines on three shifts', 'over 50,000 items a day'],
      demandTitles: ['Looking for AI visual inspection of {p}', 'Manual sorting of {p} misses defects, {vol}', 'Customer returns due to defective {p}'],
      demandSummaries: ['We need to automate inspection and sorting of {p} because of labour shortage and missed defects.', 'Replacing human visual checks of {p} with reliable machine inspection.'],
      situations: ['We produce {p}, {vol}, with about 40 workers in inspection.', 'Our plant runs {vol}; European buyers require very low defect rates.'],
      pains: ['Late in the shift tired inspectors miss defects and we pay penalties.', 'Hiring sorters is getting harder and wages keep rising.'],
      wants: ['A retrofit to our conveyors with a trial on real product.', 'Support to retrain models when products change.'],
      demandKeywords: ['visual inspection', 'defects', 'labour shortage', 'sorting'],
    },
  },
  {
    id: 'software',
    fields: ['102', '501', '212'],
    expertise: 'chuyển đổi số và phần mềm quản lý cho doanh nghiệp',
    price: [30 * M, 1.5 * B],
    budget: [15 * M, 900 * M],
    trl: [7, 9],
    modes: ['LICENSING', 'TECHNICAL_SERVICE', 'CONSULTING'],
    ip: ['COPYRIGHT', 'KNOW_HOW'],
    vi: {
      products: ['nông sản', 'thủy sản', 'thực phẩm chế biến', 'dược liệu', 'đồ gỗ', 'hàng may mặc', 'cà phê', 'chè'],
      caps: ['50 người dùng', '500 người dùng', '5.000 nông hộ'],
      offerTitles: [
        'Nền tảng truy xuất nguồn gốc {p} bằng mã QR và nhật ký điện tử',
        'Phần mềm quản lý sản xuất và kho cho doanh nghiệp {p}, quy mô {cap}',
        'Ứng dụng quản lý vùng nguyên liệu {p} và liên kết nông hộ',
      ],
      offerSummaries: [
        'Phần mềm ghi nhận toàn bộ hành trình {p} từ vùng trồng, nuôi đến tay người mua, đáp ứng yêu cầu của thị trường nhập khẩu.',
        'Giải pháp quản lý sản xuất, kho và đơn hàng cho doanh nghiệp {p} vừa và nhỏ, triển khai nhanh, chi phí thuê bao theo tháng.',
      ],
      process: [
        'Nông hộ và công nhân ghi nhật ký bằng ứng dụng điện thoại, có thể dùng khi không có sóng và tự đồng bộ khi có mạng.',
        'Mỗi lô hàng được gắn mã QR liên kết dữ liệu vùng trồng, vật tư đầu vào, chế biến và kiểm nghiệm; người mua quét mã là xem được.',
        'Hệ thống kết nối với phần mềm kế toán và hóa đơn điện tử, báo cáo tồn kho, giá thành theo lô.',
      ],
      specs: ['Quy mô: {cap}; chạy trên web và Android, iOS.', 'Dữ liệu lưu tại Việt Nam, sao lưu hằng ngày.', 'Xuất dữ liệu theo định dạng các chương trình chứng nhận.'],
      results: ['Một doanh nghiệp {p} ở {place} dùng từ năm {year}, thời gian lập hồ sơ lô hàng xuất khẩu giảm từ ba ngày xuống nửa ngày.', 'Hiện có {n} đơn vị đang dùng, tập trung ở {place} và {place2}.'],
      advantages: ['Triển khai trong vài tuần.', 'Chi phí thuê bao phù hợp hợp tác xã.', 'Có đào tạo trực tiếp cho người lớn tuổi.'],
      keywords: ['truy xuất nguồn gốc', 'mã QR', 'nhật ký điện tử', 'chuyển đổi số', 'phần mềm quản lý', '{p}'],
      vols: ['khoảng 300 nhà cung cấp và hộ liên kết', 'ba kho và một xưởng', 'hơn 200 mã sản phẩm'],
      demandTitles: ['Khách nhập khẩu đòi truy xuất nguồn gốc {p}, chưa biết làm sao', 'Quản lý kho {p} bằng sổ tay hay sai lệch, {vol}', 'Cần ghi chép vùng nguyên liệu {p} của nông hộ cho gọn'],
      demandSummaries: ['Doanh nghiệp {p} cần phần mềm để quản lý vùng nguyên liệu, lô hàng và đáp ứng yêu cầu truy xuất.', 'Tìm phần mềm đơn giản quản lý sản xuất, kho và đơn hàng {p}.'],
      situations: ['Chúng tôi kinh doanh {p}, {vol}.', 'Hợp tác xã làm {p} với {vol}, hiện ghi chép bằng giấy và Excel.'],
      pains: ['Khách hàng yêu cầu hồ sơ từng lô, làm tay mất nhiều ngày.', 'Tồn kho trên sổ không khớp thực tế, thất thoát không rõ nguyên nhân.', 'Nông hộ ghi nhật ký không đầy đủ.'],
      wants: ['Cần phần mềm dễ dùng, có người đến hướng dẫn, chi phí vừa phải.', 'Muốn dùng thử một tháng.'],
      demandKeywords: ['truy xuất nguồn gốc', 'quản lý kho', 'phần mềm', 'mã QR'],
    },
    en: {
      products: ['fresh produce', 'seafood', 'processed food', 'furniture', 'garments', 'coffee'],
      caps: ['50 users', '500 users', '5,000 farmers'],
      offerTitles: ['QR-code traceability platform for {p}', 'Production and warehouse management software for {p} companies, {cap}', 'Sourcing-area and farmer management app for {p}'],
      offerSummaries: ['Records the journey of {p} from farm to buyer, meeting importers\u2019 traceability requirements.', 'Production, stock and order management for small {p} businesses, monthly subscription.'],
      process: [
        'Farmers and workers log activities on a mobile app that works offline and syncs later.',
        'Each lot carries a QR code linking farm data, inputs, processing and lab results.',
        'Integrates with accounting and e-invoicing and reports stock and lot costs.',
      ],
      specs: ['Scale: {cap}; web, Android and iOS.', 'Data hosted in Vietnam with daily backup.', 'Exports to certification scheme formats.'],
      results: ['A {p} company in {place} has used it since {year}; export lot files now take half a day instead of three.', 'Used by {n} organisations, mainly in {place} and {place2}.'],
      advantages: ['Live within weeks.', 'Subscription affordable for cooperatives.', 'Hands-on training.'],
      keywords: ['traceability', 'QR code', 'digital farm diary', 'digital transformation', 'ERP'],
      vols: ['about 300 suppliers and contract growers', 'three warehouses and a plant', 'over 200 product codes'],
      demandTitles: ['Importers ask for traceability of our {p}', 'Paper-based stock control of {p} keeps going wrong, {vol}', 'Simple farmer records for our {p} sourcing area'],
      demandSummaries: ['A {p} business needs software for sourcing areas, lots and traceability.', 'Looking for simple production, stock and order software for {p}.'],
      situations: ['We trade {p} with {vol}.', 'Our cooperative handles {p} with {vol}, using paper and spreadsheets.'],
      pains: [
        'Every export lot needs a file of documents that our staff assemble by hand over several days.',
        'Stock records in spreadsheets never match what is actually in the warehouse, and we cannot trace the losses.',
        'Suppliers keep incomplete records, so certification audits are stressful.',
      ],
      wants: [
        'We are looking for easy-to-use software with on-site training for staff and suppliers, at a price a mid-size business can afford.',
        'We would like a one-month trial on one product line before deciding.',
      ],
      demandKeywords: ['traceability', 'inventory', 'software', 'QR code'],
    },
  },
  {
    id: 'optim',
    fields: ['101', '102', '501'],
    expertise: 'mô hình toán, tối ưu hóa và dự báo',
    price: [50 * M, 2 * B],
    budget: [30 * M, 1 * B],
    trl: [4, 8],
    modes: ['LICENSING', 'CONSULTING', 'TECHNICAL_SERVICE'],
    ip: ['COPYRIGHT', 'KNOW_HOW', 'NONE'],
    vi: {
      products: ['lộ trình giao hàng', 'lịch sản xuất', 'tồn kho vật tư', 'nhu cầu điện', 'lịch tưới', 'sản lượng thu mua'],
      caps: ['50 xe', '200 điểm giao', '10.000 mã hàng'],
      offerTitles: ['Thuật toán tối ưu {p} giảm chi phí vận hành', 'Mô hình dự báo {p} bằng thống kê và học máy', 'Công cụ hỗ trợ quyết định về {p} cho doanh nghiệp vừa, quy mô {cap}'],
      offerSummaries: ['Mô hình toán học và phần mềm giúp doanh nghiệp tối ưu {p}, giảm chi phí và ra quyết định dựa trên dữ liệu.', 'Chuyển giao mô hình, mã nguồn và đào tạo đội ngũ phân tích của bên nhận về bài toán {p}.'],
      process: [
        'Bài toán được mô hình hóa dưới dạng quy hoạch nguyên hỗn hợp, giải bằng thuật toán phân rã kết hợp tìm kiếm lân cận cho lời giải tốt trong vài phút.',
        'Mô hình dự báo kết hợp chuỗi thời gian theo mùa vụ với các biến ngoại sinh như thời tiết, giá, lịch lễ tết.',
        'Kết quả được trình bày trên giao diện kéo thả, người lập kế hoạch có thể điều chỉnh và so sánh các phương án.',
      ],
      specs: ['Quy mô: {cap}; thời gian giải dưới 5 phút.', 'Sai số dự báo trung bình dưới 8–12% tùy bài toán.', 'Kết nối dữ liệu từ Excel, phần mềm ERP qua API.'],
      results: ['Thử nghiệm với một doanh nghiệp ở {place} năm {year} giảm khoảng {pct}% chi phí so với kế hoạch lập thủ công.', 'Mô hình đã được công bố trong {k} bài báo quốc tế và áp dụng cho doanh nghiệp tại {place}.'],
      advantages: ['Dựa trên dữ liệu của chính doanh nghiệp.', 'Có thể chuyển giao mã nguồn.', 'Đào tạo nhân sự để tự vận hành.'],
      keywords: ['tối ưu hóa', 'dự báo', 'mô hình toán', 'học máy', 'lập kế hoạch', '{p}'],
      vols: ['khoảng 40 xe tải nhỏ', 'gần 300 khách hàng mỗi ngày', 'hơn 5.000 mã hàng'],
      demandTitles: ['{P} đang tính theo kinh nghiệm, hay thiếu hoặc dư', 'Muốn tính toán {p} cho hợp lý hơn, {vol}', 'Cần dự báo {p} để chủ động vốn và nhân lực'],
      demandSummaries: ['Doanh nghiệp lập kế hoạch {p} thủ công, chi phí cao và hay sai; cần công cụ tính toán tối ưu.', 'Tìm chuyên gia và phần mềm dự báo, tối ưu {p} dựa trên số liệu sẵn có.'],
      situations: ['Công ty chúng tôi có {vol}, việc tính {p} đang do hai nhân viên làm bằng Excel.', 'Chúng tôi có số liệu bán hàng năm năm nhưng chưa khai thác.'],
      pains: ['Kế hoạch hay phải sửa giữa chừng, phát sinh chi phí.', 'Lúc thiếu hàng, lúc tồn nhiều gây đọng vốn.', 'Nhân viên lập kế hoạch nghỉ thì không ai làm thay được.'],
      wants: ['Cần công cụ dễ dùng, dựa trên số liệu của công ty, có người hướng dẫn.', 'Muốn làm thử trong ba tháng để đánh giá.'],
      demandKeywords: ['lập kế hoạch', 'dự báo', 'tối ưu chi phí', '{p}'],
    },
  },
];

const DOMAINS_MATERIALS_HEALTH: Domain[] = [
  {
    id: 'composite',
    fields: ['205', '204'],
    expertise: 'vật liệu polyme, composite và nhựa sinh học',
    price: [100 * M, 5 * B],
    budget: [50 * M, 2 * B],
    trl: [4, 8],
    modes: ['LICENSING', 'JOINT_VENTURE', 'TECHNICAL_SERVICE', 'ASSIGNMENT'],
    ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'KNOW_HOW'],
    vi: {
      products: ['túi đựng hàng', 'khay đựng thực phẩm', 'ống hút', 'màng phủ nông nghiệp', 'hộp đựng cơm', 'bầu ươm cây giống'],
      caps: ['500 tấn/năm', '2.000 tấn/năm', '5 tấn/ngày'],
      offerTitles: [
        'Nhựa sinh học phân hủy từ tinh bột sắn cho sản xuất {p}',
        'Vật liệu composite sợi xơ dừa, bã mía thay nhựa cho {p}',
        'Công thức và quy trình sản xuất {p} tự phân hủy, công suất {cap}',
      ],
      offerSummaries: [
        'Hỗn hợp nhựa sinh học chạy được trên máy thổi, ép phun thông thường để làm {p} phân hủy trong điều kiện ủ.',
        'Vật liệu mới thay thế nhựa gốc dầu hoặc composite sợi thủy tinh cho {p}, nhẹ hơn và thân thiện môi trường hơn.',
      ],
      process: [
        'Tinh bột sắn được dẻo hóa bằng glycerol rồi phối trộn với PBAT, PLA trong máy đùn hai trục vít có chất tương hợp tự tổng hợp.',
        'Sợi xơ dừa, sợi đay được xử lý kiềm và silan để tăng bám dính với nền nhựa trước khi ép nóng hoặc đúc chân không.',
        'Hạt nhựa thành phẩm chạy được trên dây chuyền thổi màng, ép phun hiện có, chỉ cần điều chỉnh nhiệt độ gia công.',
      ],
      specs: ['Công suất dây chuyền: {cap}.', 'Phân hủy trên 90% sau 180 ngày trong điều kiện ủ công nghiệp.', 'Độ bền kéo 18–30 MPa tùy công thức; nhiệt độ gia công 150–180°C.'],
      results: ['Một doanh nghiệp ở {place} sản xuất thử {p} từ năm {year}, sản phẩm đã đạt chứng nhận phân hủy sinh học.', 'Công nghệ được cấp bằng độc quyền và đã thử nghiệm với {k} khách hàng tại {place}, {place2}.'],
      advantages: ['Dùng nguyên liệu nông nghiệp trong nước.', 'Chạy trên máy móc sẵn có.', 'Đáp ứng xu hướng hạn chế nhựa dùng một lần.'],
      keywords: ['nhựa sinh học', 'phân hủy sinh học', 'composite sợi tự nhiên', 'vật liệu mới', '{p}'],
      vols: ['khoảng 40 tấn mỗi tháng', 'ba máy thổi màng', 'hai dây chuyền ép phun'],
      demandTitles: ['Khách nước ngoài đòi {p} không dùng nhựa truyền thống', 'Muốn chuyển sang làm {p} tự hủy nhưng giá thành cao', 'Tìm vật liệu thay thế cho {p} đang nhập khẩu'],
      demandSummaries: ['Nhà sản xuất {p} cần vật liệu thân thiện môi trường, chạy được trên máy hiện có.', 'Tìm công thức hoặc nguồn nguyên liệu thay nhựa gốc dầu cho {p}.'],
      situations: ['Công ty sản xuất {p}, {vol}.', 'Xưởng chúng tôi làm {p} cho một chuỗi bán lẻ, {vol}.'],
      pains: ['Khách hàng lớn đặt mục tiêu bỏ nhựa dùng một lần, có nguy cơ mất đơn.', 'Hạt nhựa sinh học nhập khẩu quá đắt, chạy máy hay bị đứt màng.', 'Thuế môi trường và phí tái chế tăng.'],
      wants: ['Cần đơn vị chuyển giao công thức và hỗ trợ chỉnh máy chạy thử.', 'Muốn hợp tác sản xuất thử một lô nhỏ.'],
      demandKeywords: ['nhựa tự hủy', 'thay thế nhựa', '{p}', 'vật liệu thân thiện'],
    },
  },
  {
    id: 'nano',
    fields: ['210', '204', '205'],
    expertise: 'vật liệu nano và ứng dụng',
    price: [80 * M, 3 * B],
    budget: [30 * M, 1 * B],
    trl: [4, 8],
    modes: ['LICENSING', 'ASSIGNMENT', 'JOINT_VENTURE', 'TECHNICAL_SERVICE'],
    ip: ['PATENT_GRANTED', 'PATENT_PENDING'],
    vi: {
      products: ['sơn tường', 'vải may mặc', 'phân bón lá', 'màng lọc nước', 'bao bì thực phẩm'],
      caps: ['1 tấn/tháng', '10 tấn/tháng', '50.000 lít/năm'],
      offerTitles: ['Dung dịch nano bạc kháng khuẩn bổ sung cho {p}', 'Công nghệ chế tạo hạt nano oxit kẽm ứng dụng trong {p}', 'Phụ gia nano silica tăng độ bền cho {p}, quy mô {cap}'],
      offerSummaries: ['Vật liệu nano tổng hợp bằng phương pháp xanh, phân tán ổn định, dễ phối trộn vào {p} để tăng tính năng.', 'Chuyển giao quy trình tổng hợp và ứng dụng vật liệu nano cho nhà sản xuất {p}.'],
      process: [
        'Hạt nano được tổng hợp bằng phương pháp khử hóa học xanh dùng dịch chiết thực vật, kích thước 10–30 nm, phân bố hẹp.',
        'Chất ổn định polyme giữ hạt không kết tụ trong ít nhất 12 tháng, dễ phân tán vào nền nước hoặc nhựa.',
        'Quy trình phối trộn vào {p} được tối ưu để liều dùng thấp mà vẫn đạt hiệu quả kháng khuẩn, chống tia UV.',
      ],
      specs: ['Quy mô sản xuất: {cap}.', 'Kích thước hạt 10–30 nm (TEM); nồng độ 500–5.000 ppm.', 'Hiệu quả kháng khuẩn trên 99% với E. coli, S. aureus theo phương pháp chuẩn.'],
      results: ['Đã phối hợp với một nhà sản xuất {p} ở {place} đưa sản phẩm ra thị trường năm {year}.', 'Kết quả công bố trong {k} bài báo khoa học, được cấp bằng độc quyền sáng chế.'],
      advantages: ['Liều dùng thấp, chi phí phụ gia hợp lý.', 'Tổng hợp trong nước, chủ động nguồn cung.', 'Có hồ sơ an toàn và kết quả thử nghiệm độc lập.'],
      keywords: ['vật liệu nano', 'nano bạc', 'kháng khuẩn', 'phụ gia nano', '{p}'],
      vols: ['khoảng 200 tấn mỗi năm', 'hơn 1 triệu mét mỗi năm', 'vài chục nghìn lít mỗi tháng'],
      demandTitles: ['Muốn {p} có tính năng kháng khuẩn để cạnh tranh', 'Tìm phụ gia giúp {p} bền hơn, ít bạc màu', 'Cần nguồn vật liệu nano trong nước cho {p}'],
      demandSummaries: ['Doanh nghiệp {p} muốn bổ sung tính năng mới bằng phụ gia nano an toàn, giá hợp lý.', 'Tìm đối tác nghiên cứu cùng phát triển {p} có tính năng kháng khuẩn, chống tia UV.'],
      situations: ['Công ty sản xuất {p}, {vol}.', 'Chúng tôi đang phát triển dòng {p} cao cấp.'],
      pains: ['Phụ gia nhập khẩu giá cao, thời gian đặt hàng lâu.', 'Sản phẩm hiện tại khó cạnh tranh với hàng nhập.', 'Chưa có năng lực thử nghiệm, đánh giá tính năng.'],
      wants: ['Cần đối tác cung cấp vật liệu và hỗ trợ phối trộn, thử nghiệm.', 'Sẵn sàng cùng đầu tư nghiên cứu.'],
      demandKeywords: ['kháng khuẩn', 'phụ gia', '{p}', 'vật liệu nano'],
    },
  },
  {
    id: 'building',
    fields: ['201', '205'],
    expertise: 'vật liệu xây dựng và kỹ thuật công trình',
    price: [150 * M, 8 * B],
    budget: [80 * M, 5 * B],
    trl: [6, 9],
    modes: ['LICENSING', 'TECHNICAL_SERVICE', 'EQUIPMENT_SUPPLY', 'TURNKEY'],
    ip: ['PATENT_GRANTED', 'UTILITY_SOLUTION', 'KNOW_HOW'],
    vi: {
      products: ['xỉ than nhiệt điện', 'tro bay', 'cát biển', 'bùn nạo vét', 'phế thải xây dựng'],
      caps: ['10 triệu viên/năm', '30.000 m³/năm', '200 tấn/ngày'],
      offerTitles: ['Dây chuyền gạch không nung sử dụng {p}, công suất {cap}', 'Bê tông nhẹ cốt liệu từ {p} cho nhà thấp tầng', 'Công nghệ gia cố nền đất yếu tận dụng {p}'],
      offerSummaries: ['Tận dụng {p} làm vật liệu xây dựng đạt tiêu chuẩn, giảm khai thác tài nguyên và chi phí xử lý chất thải.', 'Chuyển giao công thức cấp phối, thiết bị và quy trình kiểm soát chất lượng cho nhà sản xuất vật liệu.'],
      process: [
        'Cấp phối gồm {p} đã xử lý, xi măng và phụ gia hoạt hóa, được ép rung thủy lực và dưỡng hộ hơi nước để đạt cường độ sớm.',
        'Bê tông được tạo rỗng bằng chất tạo bọt sinh học, khối lượng thể tích 800–1.200 kg/m³, cách âm cách nhiệt tốt.',
        'Với nền đất yếu, hỗn hợp xi măng – {p} được trộn sâu tại chỗ bằng thiết bị trộn, tạo cọc đất gia cố chịu tải.',
      ],
      specs: ['Công suất: {cap}.', 'Cường độ nén 7,5–15 MPa; độ hút nước dưới 12%.', 'Đạt tiêu chuẩn quốc gia về gạch bê tông và vật liệu xây không nung.'],
      results: ['Nhà máy ở {place} sản xuất ổn định từ năm {year}, sản phẩm dùng cho nhiều công trình công cộng trong tỉnh.', 'Đã chuyển giao cho {n} cơ sở tại {place}, {place2}; mỗi năm tiêu thụ hàng chục nghìn tấn {p}.'],
      advantages: ['Giá thành thấp hơn gạch nung truyền thống.', 'Giảm chất thải phải chôn lấp.', 'Được tính là vật liệu xây không nung theo quy định.'],
      keywords: ['gạch không nung', 'bê tông nhẹ', 'tái chế {p}', 'vật liệu xây dựng xanh', 'gia cố nền'],
      vols: ['khoảng 150.000 tấn mỗi năm', 'một bãi chứa gần 20 ha', 'hơn 500 m³ mỗi ngày'],
      demandTitles: ['Bãi chứa {p} sắp đầy, cần cách tận dụng làm vật liệu', 'Xây nhà xưởng trên nền đất yếu bị lún nứt', 'Muốn đầu tư dây chuyền gạch không nung từ {p}'],
      demandSummaries: ['Đơn vị đang tồn đọng {p}, muốn chuyển thành vật liệu xây dựng có đầu ra.', 'Cần giải pháp kỹ thuật và vật liệu phù hợp với công trình trên nền đất yếu.'],
      situations: ['Nhà máy chúng tôi thải ra {p}, {vol}.', 'Công ty đang chuẩn bị xây dựng khu nhà xưởng mới ở vùng đất ven sông.'],
      pains: ['Chi phí lưu chứa ngày càng lớn, bị nhắc nhở về môi trường.', 'Công trình cũ bị lún không đều, nứt tường.', 'Giá cát, đá xây dựng tăng mạnh, nguồn cung khan hiếm.'],
      wants: ['Cần đơn vị thử nghiệm mẫu, tư vấn công thức và dây chuyền.', 'Mong được giới thiệu công trình đã áp dụng.'],
      demandKeywords: ['tận dụng {p}', 'gạch không nung', 'nền đất yếu', 'vật liệu xây dựng'],
    },
  },
  {
    id: 'meddev',
    fields: ['206', '202'],
    expertise: 'thiết bị y tế và kỹ thuật y sinh',
    price: [50 * M, 4 * B],
    budget: [30 * M, 3 * B],
    trl: [5, 9],
    modes: ['LICENSING', 'EQUIPMENT_SUPPLY', 'JOINT_VENTURE'],
    ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION'],
    vi: {
      products: ['máy thở không xâm nhập', 'máy theo dõi bệnh nhân', 'bơm tiêm điện', 'máy điện tim', 'lồng ấp trẻ sơ sinh'],
      caps: ['500 máy/năm', '2.000 máy/năm', '50 máy/tháng'],
      offerTitles: ['{P} sản xuất trong nước, đạt tiêu chuẩn an toàn điện y tế', 'Thiết kế và quy trình sản xuất {p}, quy mô {cap}', '{P} kết nối không dây cho bệnh viện tuyến huyện'],
      offerSummaries: ['Thiết bị y tế thiết kế và lắp ráp trong nước, giá bằng khoảng một nửa hàng nhập, phù hợp bệnh viện tuyến huyện.', 'Chuyển giao thiết kế phần cứng, phần mềm nhúng và hồ sơ kỹ thuật {p} cho nhà sản xuất.'],
      process: [
        'Mạch điều khiển dùng vi xử lý công nghiệp, phần mềm nhúng được phát triển theo quy trình vòng đời phần mềm y tế.',
        'Các cảm biến được hiệu chuẩn theo thiết bị chuẩn, mỗi máy đều qua thử nghiệm lão hóa 72 giờ trước khi xuất xưởng.',
        'Dữ liệu từ {p} truyền về trạm trung tâm tại phòng điều dưỡng, cảnh báo bằng âm thanh và trên màn hình.',
      ],
      specs: ['Năng lực sản xuất: {cap}.', 'Đạt tiêu chuẩn an toàn điện y tế và tương thích điện từ.', 'Bảo hành 24 tháng, linh kiện thay thế sẵn có trong nước.'],
      results: ['Thiết bị đã được dùng tại {n} bệnh viện ở {place} và {place2} từ năm {year}.', 'Kết quả đánh giá lâm sàng tại bệnh viện tuyến tỉnh ở {place} cho thấy độ chính xác tương đương thiết bị nhập khẩu.'],
      advantages: ['Giá thấp hơn khoảng một nửa so với thiết bị nhập.', 'Bảo trì nhanh, phụ tùng sẵn.', 'Giao diện tiếng Việt, dễ đào tạo điều dưỡng.'],
      keywords: ['thiết bị y tế', '{p}', 'sản xuất trong nước', 'bệnh viện tuyến huyện'],
      vols: ['khoảng 250 giường bệnh', 'ba khoa hồi sức', 'hơn 80 giường nội trú'],
      demandTitles: ['Bệnh viện thiếu {p}, hàng nhập quá đắt', '{P} hỏng chờ linh kiện nước ngoài mấy tháng', 'Cần {p} phù hợp ngân sách bệnh viện tuyến huyện'],
      demandSummaries: ['Bệnh viện cần bổ sung {p} với giá hợp lý và bảo trì nhanh.', 'Tìm nhà cung cấp {p} sản xuất trong nước có hỗ trợ kỹ thuật tại chỗ.'],
      situations: ['Bệnh viện chúng tôi có {vol}.', 'Trung tâm y tế đang nâng cấp khoa cấp cứu, {vol}.'],
      pains: ['Nhiều máy đã cũ, hỏng phải gửi đi sửa rất lâu.', 'Ngân sách mua sắm hạn chế, hàng nhập vượt khả năng.', 'Nhân viên khó sử dụng máy có giao diện tiếng nước ngoài.'],
      wants: ['Cần thiết bị có giấy phép lưu hành, bảo hành và đào tạo sử dụng.', 'Ưu tiên đơn vị có trạm bảo hành trong khu vực.'],
      demandKeywords: ['{p}', 'thiết bị y tế giá rẻ', 'bảo trì', 'bệnh viện'],
    },
    en: {
      products: ['non-invasive ventilators', 'patient monitors', 'syringe pumps', 'infant incubators'],
      caps: ['500 units/year', '2,000 units/year'],
      offerTitles: ['Locally made {p} meeting medical electrical safety standards', 'Design and manufacturing know-how for {p}, {cap}', 'Wireless {p} for district hospitals'],
      offerSummaries: ['Medical devices designed and assembled in Vietnam at about half the price of imports, suited to district hospitals.', 'Hardware design, embedded software and technical file for {p}, licensed to manufacturers.'],
      process: [
        'Control boards use industrial microcontrollers; embedded software follows a medical software life-cycle process.',
        'Sensors are calibrated against reference equipment and every unit undergoes a 72-hour burn-in.',
        'Data from the {p} reaches a central nursing station with audible and on-screen alarms.',
      ],
      specs: ['Production capacity: {cap}.', 'Compliant with medical electrical safety and EMC standards.', '24-month warranty with locally stocked parts.'],
      results: ['In use at {n} hospitals in {place} and {place2} since {year}.', 'A clinical evaluation at a provincial hospital in {place} showed accuracy on par with imported devices.'],
      advantages: ['About half the price of imports.', 'Fast service and spare parts.', 'Vietnamese interface that is easy to learn.'],
      keywords: ['medical devices', '{p}', 'local manufacturing', 'district hospitals'],
      vols: ['about 250 beds', 'three intensive care units'],
      demandTitles: ['Affordable {p} needed for a district hospital', 'Our {p} wait months for imported spare parts'],
      demandSummaries: ['A hospital needs more {p} at a reasonable price with fast maintenance.', 'Looking for locally made {p} with on-site technical support.'],
      situations: ['Our hospital has {vol}.', 'We are upgrading the emergency department, {vol}.'],
      pains: ['Many units are old and repairs take months.', 'Procurement budgets cannot cover imported prices.'],
      wants: ['Registered devices with warranty and user training.', 'A supplier with a service point in the region.'],
      demandKeywords: ['{p}', 'affordable medical equipment', 'maintenance', 'hospital'],
    },
  },
  {
    id: 'diagnostics',
    fields: ['304', '301', '106'],
    expertise: 'sinh học phân tử và chẩn đoán xét nghiệm',
    price: [100 * M, 5 * B],
    budget: [50 * M, 2 * B],
    trl: [4, 8],
    modes: ['LICENSING', 'ASSIGNMENT', 'JOINT_VENTURE', 'TECHNICAL_SERVICE'],
    ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'KNOW_HOW'],
    vi: {
      products: ['sốt xuất huyết', 'lao phổi', 'viêm gan B', 'liên cầu lợn', 'vi khuẩn kháng thuốc', 'ung thư cổ tử cung'],
      caps: ['10.000 test/tháng', '100.000 test/năm', '500 bộ kit/tháng'],
      offerTitles: ['Bộ kit real-time PCR phát hiện {p}, sản xuất quy mô {cap}', 'Que thử nhanh miễn dịch sắc ký chẩn đoán {p}', 'Kỹ thuật LAMP đẳng nhiệt phát hiện {p} tại tuyến cơ sở'],
      offerSummaries: ['Bộ xét nghiệm {p} do Việt Nam phát triển, độ nhạy và độ đặc hiệu cao, giá thấp hơn kit nhập khẩu.', 'Chuyển giao quy trình sản xuất và kiểm định bộ xét nghiệm {p} cho doanh nghiệp đủ điều kiện.'],
      process: [
        'Cặp mồi và mẫu dò được thiết kế trên vùng gen bảo tồn của các chủng lưu hành trong nước, kèm chứng nội để kiểm soát quá trình tách chiết.',
        'Que thử dùng kháng thể đơn dòng sản xuất từ dòng tế bào lai do nhóm tự tạo, đọc kết quả bằng mắt sau 15 phút.',
        'Phản ứng khuếch đại đẳng nhiệt chạy ở 63°C trong bộ ủ nhiệt nhỏ gọn, đọc kết quả bằng đổi màu, không cần máy PCR.',
      ],
      specs: ['Quy mô sản xuất: {cap}.', 'Độ nhạy trên 95%, độ đặc hiệu trên 98% so với phương pháp chuẩn.', 'Bảo quản 2–8°C, hạn dùng 12 tháng.'],
      results: ['Đánh giá trên {n}00 mẫu lâm sàng tại bệnh viện ở {place} năm {year} cho kết quả tương đồng với kit nhập khẩu.', 'Hồ sơ đăng ký lưu hành đã nộp; đang thử nghiệm tại các phòng xét nghiệm ở {place} và {place2}.'],
      advantages: ['Giá thành thấp hơn 30–50% so với hàng nhập.', 'Thiết kế theo chủng lưu hành trong nước.', 'Chủ động nguồn cung khi có dịch.'],
      keywords: ['chẩn đoán phân tử', 'real-time PCR', 'test nhanh', '{p}', 'bộ kit xét nghiệm'],
      vols: ['khoảng 300 mẫu mỗi ngày', 'vài nghìn xét nghiệm mỗi tháng', 'mười trạm y tế xã'],
      demandTitles: ['Xét nghiệm {p} phải gửi lên tuyến trên, chờ kết quả lâu', 'Cần bộ xét nghiệm {p} giá hợp lý cho phòng xét nghiệm', 'Muốn sản xuất kit chẩn đoán {p} trong nước'],
      demandSummaries: ['Cơ sở y tế cần xét nghiệm {p} nhanh, chính xác, chi phí phù hợp.', 'Doanh nghiệp muốn nhận chuyển giao công nghệ sản xuất kit chẩn đoán {p}.'],
      situations: ['Phòng xét nghiệm chúng tôi tiếp nhận {vol}.', 'Công ty đang phân phối sinh phẩm, muốn chuyển sang tự sản xuất.'],
      pains: ['Mẫu gửi đi xa mất 3–5 ngày mới có kết quả, bệnh nhân chờ lâu.', 'Kit nhập khẩu giá cao, có lúc đứt hàng.', 'Thiết bị PCR đắt, tuyến dưới không có.'],
      wants: ['Cần bộ xét nghiệm đã được cấp phép, có hướng dẫn và hỗ trợ kỹ thuật.', 'Sẵn sàng hợp tác thử nghiệm lâm sàng.'],
      demandKeywords: ['xét nghiệm {p}', 'test nhanh', 'kit chẩn đoán', 'chờ kết quả lâu'],
    },
  },
  {
    id: 'herbal',
    fields: ['303', '104', '401'],
    expertise: 'dược liệu và chiết xuất hoạt chất',
    price: [80 * M, 4 * B],
    budget: [30 * M, 1.5 * B],
    trl: [4, 8],
    modes: ['LICENSING', 'ASSIGNMENT', 'TECHNICAL_SERVICE', 'JOINT_VENTURE'],
    ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'KNOW_HOW'],
    vi: {
      products: ['nghệ vàng', 'đinh lăng', 'gấc', 'trà hoa vàng', 'cà gai leo', 'sâm dây'],
      caps: ['50 kg cao/ngày', '200 kg nguyên liệu/mẻ', '2 tấn/tháng'],
      offerTitles: ['Quy trình chiết xuất và tinh chế hoạt chất từ {p}', 'Công nghệ bào chế viên nang, cốm hòa tan từ cao {p}', 'Quy trình trồng {p} theo hướng dẫn thực hành tốt (GACP), năng suất {cap}'],
      offerSummaries: ['Quy trình chiết tách có kiểm soát hàm lượng hoạt chất từ {p}, sẵn sàng chuyển giao cho nhà máy đạt chuẩn.', 'Chuyển giao công nghệ sản xuất sản phẩm từ {p} có tiêu chuẩn cơ sở và dữ liệu an toàn.'],
      process: [
        'Dược liệu được chiết bằng ethanol hoặc CO₂ siêu tới hạn, cô đặc chân không ở nhiệt độ thấp để bảo toàn hoạt chất nhạy nhiệt.',
        'Cao chiết được tinh chế qua cột nhựa hấp phụ, chuẩn hóa hàm lượng chất đánh dấu bằng sắc ký lỏng hiệu năng cao.',
        'Vùng trồng được chọn giống, xây dựng quy trình bón phân, thu hái và sơ chế để dược liệu đồng đều hàm lượng giữa các lô.',
      ],
      specs: ['Quy mô: {cap}.', 'Hiệu suất thu hồi hoạt chất trên 80%; độ tinh khiết 60–95% tùy sản phẩm.', 'Có tiêu chuẩn cơ sở, kết quả thử độc tính cấp và bán trường diễn.'],
      results: ['Một doanh nghiệp ở {place} đã nhận chuyển giao năm {year} và đưa sản phẩm từ {p} ra thị trường.', 'Vùng trồng mẫu {n} ha tại {place} cho dược liệu đạt hàm lượng hoạt chất ổn định qua ba vụ.'],
      advantages: ['Chủ động nguồn nguyên liệu trong nước.', 'Hàm lượng hoạt chất ổn định giữa các lô.', 'Hồ sơ khoa học đầy đủ phục vụ đăng ký sản phẩm.'],
      keywords: ['dược liệu', 'chiết xuất {p}', 'cao dược liệu', 'hoạt chất', 'GACP'],
      vols: ['khoảng 20 ha', 'gần 50 tấn tươi mỗi năm', 'ba xã vùng núi'],
      demandTitles: ['Trồng {p} được nhưng chỉ bán thô, giá thấp', 'Cần quy trình làm cao {p} đạt chuẩn để bán cho công ty dược', 'Muốn làm sản phẩm từ {p} có thương hiệu'],
      demandSummaries: ['Vùng trồng {p} muốn chế biến sâu để nâng giá trị, thay vì bán nguyên liệu thô.', 'Tìm đơn vị chuyển giao công nghệ chiết xuất, bào chế sản phẩm từ {p}.'],
      situations: ['Hợp tác xã trồng {p} với {vol}.', 'Công ty đang thu mua {p} ở {vol}.'],
      pains: ['Thương lái ép giá, mùa nhiều hàng bán không được.', 'Không có thiết bị và quy trình nên sản phẩm làm thủ công không đạt chuẩn.', 'Hàm lượng hoạt chất không đồng đều, công ty dược không nhận.'],
      wants: ['Cần chuyển giao quy trình và hướng dẫn đầu tư thiết bị phù hợp quy mô.', 'Mong có đối tác bao tiêu đầu ra.'],
      demandKeywords: ['chế biến {p}', 'cao dược liệu', 'nâng giá trị', 'bán thô'],
    },
  },
];

const DOMAINS_LIFE_LAND: Domain[] = [
  {
    id: 'vetvax',
    fields: ['403', '304', '402'],
    expertise: 'thú y và vắc-xin phòng bệnh vật nuôi',
    price: [200 * M, 8 * B],
    budget: [30 * M, 2 * B],
    trl: [5, 9],
    modes: ['LICENSING', 'ASSIGNMENT', 'JOINT_VENTURE'],
    ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'KNOW_HOW'],
    vi: {
      products: ['dịch tả lợn châu Phi', 'cúm gia cầm', 'viêm da nổi cục trâu bò', 'tai xanh ở lợn', 'Newcastle gà', 'xuất huyết thỏ'],
      caps: ['5 triệu liều/năm', '20 triệu liều/năm', '50 triệu liều/năm'],
      offerTitles: ['Vắc-xin nhược độc phòng {p}, quy trình sản xuất {cap}', 'Công nghệ sản xuất vắc-xin {p} trên dòng tế bào liên tục', 'Quy trình kiểm soát và an toàn sinh học phòng {p} cho trang trại'],
      offerSummaries: ['Vắc-xin phòng {p} từ chủng phân lập trong nước, đáp ứng miễn dịch tốt, chuyển giao quy trình sản xuất quy mô công nghiệp.', 'Chuyển giao chủng giống gốc, quy trình nuôi cấy, tinh sạch và kiểm nghiệm vắc-xin phòng {p}.'],
      process: [
        'Chủng virus được phân lập từ ổ dịch trong nước, cấy chuyển nhiều đời trên dòng tế bào để giảm độc lực mà vẫn giữ tính sinh miễn dịch.',
        'Tế bào nuôi trong bình phản ứng sinh học có vi hạt mang, kiểm soát pH, oxy và nhiệt độ tự động, cho hiệu giá virus cao và đồng đều giữa các mẻ.',
        'Vắc-xin được đông khô với chất bảo vệ, kiểm tra vô trùng, an toàn và hiệu lực trên động vật thí nghiệm theo quy định.',
      ],
      specs: ['Quy mô sản xuất: {cap}.', 'Miễn dịch bảo hộ sau 14–21 ngày, kéo dài ít nhất 6 tháng.', 'Bảo quản 2–8°C, hạn dùng 24 tháng.'],
      results: ['Thử nghiệm thực địa tại {n} trang trại ở {place} năm {year} cho tỷ lệ bảo hộ trên 90%.', 'Quy trình đã được nghiệm thu và chuyển giao một phần cho doanh nghiệp thú y tại {place}.'],
      advantages: ['Chủng phù hợp với virus đang lưu hành trong nước.', 'Giá thấp hơn vắc-xin nhập khẩu.', 'Chủ động nguồn cung khi dịch bùng phát.'],
      keywords: ['vắc-xin thú y', '{p}', 'phòng bệnh vật nuôi', 'an toàn sinh học', 'nuôi cấy tế bào'],
      vols: ['khoảng 2.000 lợn nái', 'gần 50.000 gà', 'hơn 300 con bò'],
      demandTitles: ['Trang trại lo {p} tái phát, cần giải pháp phòng bệnh chắc chắn', 'Cần nguồn vắc-xin {p} ổn định cho {vol}', 'Doanh nghiệp thú y muốn nhận chuyển giao sản xuất vắc-xin {p}'],
      demandSummaries: ['Trang trại cần vắc-xin và quy trình phòng {p} hiệu quả, có kỹ thuật viên hướng dẫn.', 'Tìm đối tác chuyển giao công nghệ sản xuất vắc-xin {p}.'],
      situations: ['Chúng tôi chăn nuôi {vol}.', 'Công ty có nhà máy thuốc thú y đạt chuẩn, muốn mở rộng sang vắc-xin.'],
      pains: ['Đợt dịch trước mất gần một nửa đàn, vốn liếng cạn kiệt.', 'Vắc-xin nhập khẩu có lúc khan hàng, giá cao.', 'Không chắc vắc-xin đang dùng có hợp chủng đang lưu hành không.'],
      wants: ['Cần vắc-xin có giấy phép, hướng dẫn lịch tiêm và quy trình an toàn sinh học.', 'Sẵn sàng hợp tác thử nghiệm thực địa.'],
      demandKeywords: ['{p}', 'vắc-xin', 'dịch bệnh', 'phòng bệnh'],
    },
  },
  {
    id: 'livestock',
    fields: ['402', '403', '208'],
    expertise: 'chăn nuôi và xử lý môi trường chăn nuôi',
    price: [40 * M, 3 * B],
    budget: [20 * M, 1.5 * B],
    trl: [5, 9],
    modes: ['TECHNICAL_SERVICE', 'LICENSING', 'TURNKEY', 'CONSULTING'],
    ip: ['KNOW_HOW', 'UTILITY_SOLUTION', 'PATENT_PENDING'],
    vi: {
      products: ['lợn thịt', 'bò sữa', 'gà thả vườn', 'dê', 'vịt đẻ'],
      caps: ['500 con', '2.000 con', '10.000 con'],
      offerTitles: ['Chuồng kín làm mát bằng tấm giấy ướt và điều khiển tự động cho {p}, quy mô {cap}', 'Đệm lót sinh học giảm mùi hôi chuồng nuôi {p}', 'Khẩu phần thức ăn lên men từ phụ phẩm nông nghiệp cho {p}'],
      offerSummaries: ['Giải pháp chuồng trại và dinh dưỡng giúp nuôi {p} ít bệnh, giảm mùi, giảm chi phí thức ăn.', 'Quy trình chăn nuôi {p} an toàn sinh học kèm chuyển giao chế phẩm và hướng dẫn kỹ thuật.'],
      process: [
        'Chuồng được quây kín, quạt hút cuối dãy và giàn làm mát đầu dãy giữ nhiệt độ ổn định; bộ điều khiển tự động theo nhiệt độ, độ ẩm.',
        'Đệm lót gồm trấu, mùn cưa trộn chế phẩm vi sinh phân giải phân và nước tiểu ngay trong chuồng, hạn chế khí amoniac.',
        'Phụ phẩm như bã bia, thân cây ngô, rơm được ủ chua với men vi sinh, phối trộn theo khẩu phần tính theo giai đoạn nuôi {p}.',
      ],
      specs: ['Quy mô: {cap}.', 'Giảm nồng độ NH₃ trong chuồng trên 50%.', 'Giảm 10–20% chi phí thức ăn so với thức ăn công nghiệp hoàn toàn.'],
      results: ['Trang trại nuôi {p} ở {place} áp dụng từ năm {year}, tỷ lệ hao hụt giảm, hàng xóm không còn phàn nàn về mùi.', 'Đã chuyển giao cho {n} trang trại và hộ nuôi tại {place}, {place2}.'],
      advantages: ['Giảm mùi, giảm ruồi muỗi.', 'Vật nuôi khỏe, ít dùng kháng sinh.', 'Tận dụng phụ phẩm sẵn có tại địa phương.'],
      keywords: ['chăn nuôi {p}', 'chuồng kín', 'đệm lót sinh học', 'thức ăn lên men', 'an toàn sinh học'],
      vols: ['khoảng 800 con', 'gần 3.000 con', 'hơn 200 con'],
      demandTitles: ['Chuồng nuôi {p} hôi quá, hàng xóm phản đối', 'Nắng nóng {p} bỏ ăn, chậm lớn, cần cách làm mát chuồng', 'Giá thức ăn tăng, muốn tận dụng phụ phẩm nuôi {p}'],
      demandSummaries: ['Trang trại nuôi {p} gặp vấn đề về mùi, nhiệt độ và chi phí thức ăn; cần giải pháp tổng thể.', 'Tìm cách giảm chi phí thức ăn, mùi hôi và ô nhiễm trong chăn nuôi {p} để trang trại phát triển lâu dài.'],
      situations: ['Gia đình nuôi {p}, {vol}, chuồng gần khu dân cư.', 'Trang trại có {vol} {p}, đang muốn mở rộng.'],
      pains: ['Mùa hè vật nuôi thở dốc, bỏ ăn, có con chết vì nóng.', 'Mùi hôi làm hàng xóm khiếu nại lên xã.', 'Thức ăn chiếm hơn 70% chi phí, lãi rất mỏng.'],
      wants: ['Cần người đến khảo sát, tư vấn cải tạo chuồng với chi phí vừa phải.', 'Muốn học cách tự làm đệm lót và ủ thức ăn.'],
      demandKeywords: ['mùi hôi chuồng', 'nắng nóng', 'chi phí thức ăn', 'nuôi {p}'],
    },
  },
  {
    id: 'biofert',
    fields: ['406', '401', '208'],
    expertise: 'phân bón sinh học và bảo vệ thực vật sinh học',
    price: [50 * M, 2 * B],
    budget: [15 * M, 800 * M],
    trl: [5, 9],
    modes: ['LICENSING', 'ASSIGNMENT', 'TECHNICAL_SERVICE', 'JOINT_VENTURE'],
    ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'KNOW_HOW'],
    vi: {
      products: ['cà phê', 'hồ tiêu', 'sầu riêng', 'lúa', 'rau ăn lá', 'chè'],
      caps: ['500 tấn/năm', '2.000 tấn/năm', '5.000 tấn/năm'],
      offerTitles: ['Phân bón vi sinh cố định đạm, phân giải lân cho {p}', 'Chế phẩm nấm đối kháng Trichoderma phòng thối rễ trên {p}', 'Quy trình sản xuất phân hữu cơ vi sinh từ phụ phẩm cho vùng {p}, {cap}'],
      offerSummaries: ['Chế phẩm vi sinh giúp {p} giảm lượng phân hóa học, cải tạo đất và hạn chế bệnh hại vùng rễ.', 'Chuyển giao chủng vi sinh, quy trình lên men và phối trộn phân bón sinh học cho cây {p}.'],
      process: [
        'Các chủng Azotobacter, Bacillus megaterium và nấm Trichoderma được phân lập từ đất trồng {p}, chọn lọc theo khả năng sống trên đất chua.',
        'Sinh khối được lên men trên môi trường rẻ tiền từ rỉ đường, phối trộn với chất mang hữu cơ đã khử trùng.',
        'Quy trình sử dụng kèm theo hướng dẫn giảm dần 20–30% phân đạm và lân hóa học trong ba vụ liên tiếp.',
      ],
      specs: ['Quy mô sản xuất: {cap}.', 'Mật độ vi sinh hữu ích ≥ 10⁸ CFU/g.', 'Đạt quy chuẩn phân bón; không chứa vi sinh vật gây bệnh.'],
      results: ['Mô hình trên {p} tại {place} năm {year} giảm {pct}% phân hóa học mà năng suất vẫn giữ hoặc tăng nhẹ.', 'Đã chuyển giao cho {n} cơ sở sản xuất phân bón tại {place} và {place2}.'],
      advantages: ['Giảm chi phí phân bón hóa học.', 'Đất tơi xốp hơn, cây ít bệnh vùng rễ.', 'Phù hợp sản xuất hữu cơ, VietGAP.'],
      keywords: ['phân bón vi sinh', 'Trichoderma', 'cải tạo đất', 'thối rễ', 'nông nghiệp hữu cơ', '{p}'],
      vols: ['khoảng 15 ha', 'gần 40 ha của các hộ thành viên', 'chừng 5 ha'],
      demandTitles: ['Vườn {p} vàng lá, thối rễ, bón phân nhiều mà không đỡ', 'Đất trồng {p} bị chai cứng sau nhiều năm bón phân hóa học', 'Muốn chuyển sang trồng {p} theo hướng hữu cơ'],
      demandSummaries: ['Nhà vườn trồng {p} gặp tình trạng đất xấu, bệnh vùng rễ và chi phí phân bón cao.', 'Tìm giải pháp sinh học giúp cây {p} khỏe, giảm phân thuốc hóa học.'],
      situations: ['Gia đình tôi trồng {p} {vol}, đã hơn 15 năm.', 'Hợp tác xã có {vol} trồng {p}, đang hướng tới chứng nhận hữu cơ.'],
      pains: ['Cây vàng lá, rụng trái non, đào gốc lên thấy rễ thối đen.', 'Mỗi năm bón phân tăng mà năng suất vẫn giảm.', 'Khách mua đòi giảm dư lượng thuốc, phân hóa học.'],
      wants: ['Cần sản phẩm sinh học có hướng dẫn dùng cụ thể, giá phải chăng.', 'Muốn có cán bộ kỹ thuật xuống vườn xem tận nơi.'],
      demandKeywords: ['vàng lá thối rễ', 'đất chai cứng', 'phân hữu cơ', 'trồng {p}'],
    },
  },
  {
    id: 'seedlings',
    fields: ['401', '406', '106'],
    expertise: 'giống cây trồng và nhân giống in vitro',
    price: [50 * M, 3 * B],
    budget: [20 * M, 1 * B],
    trl: [5, 9],
    modes: ['LICENSING', 'ASSIGNMENT', 'TECHNICAL_SERVICE'],
    ip: ['PATENT_GRANTED', 'KNOW_HOW', 'PATENT_PENDING'],
    vi: {
      products: ['chuối cấy mô', 'lan hồ điệp', 'khoai tây sạch bệnh', 'dâu tây', 'mắc ca', 'lúa chịu mặn'],
      caps: ['200.000 cây/năm', '1 triệu cây/năm', '50 tấn giống/vụ'],
      offerTitles: ['Quy trình nhân giống {p} bằng nuôi cấy mô, công suất {cap}', 'Giống {p} mới năng suất cao, thích nghi điều kiện bất lợi', 'Hệ thống nhà màng sản xuất cây giống {p} sạch bệnh'],
      offerSummaries: ['Chuyển giao quy trình sản xuất cây giống {p} đồng đều, sạch bệnh với số lượng lớn trong thời gian ngắn.', 'Giống {p} do đơn vị chọn tạo, đã được công nhận, chuyển giao quyền sản xuất và kinh doanh.'],
      process: [
        'Mẫu được khử trùng, tái sinh chồi trên môi trường bổ sung chất điều hòa sinh trưởng, nhân nhanh rồi ra rễ trong phòng nuôi có kiểm soát ánh sáng.',
        'Cây con được huấn luyện trong nhà màng, kiểm tra virus bằng kỹ thuật ELISA hoặc PCR trước khi xuất vườn.',
        'Giống được chọn tạo bằng lai hữu tính kết hợp chỉ thị phân tử, khảo nghiệm ở nhiều vùng sinh thái trước khi công nhận.',
      ],
      specs: ['Công suất: {cap}.', 'Tỷ lệ sống khi ra vườn ươm trên 90%; cây đồng đều về kích thước.', 'Sạch các bệnh virus chính theo kết quả xét nghiệm.'],
      results: ['Vùng trồng {p} tại {place} sử dụng giống từ năm {year}, năng suất tăng khoảng {pct}% so với giống cũ.', 'Đã cung ứng giống và chuyển giao quy trình cho {n} cơ sở ở {place}, {place2}.'],
      advantages: ['Cây giống sạch bệnh, đồng đều.', 'Chủ động số lượng lớn theo đơn hàng.', 'Có hỗ trợ kỹ thuật canh tác sau khi trồng.'],
      keywords: ['nuôi cấy mô', 'giống cây trồng', 'cây giống sạch bệnh', '{p}', 'nhân giống'],
      vols: ['khoảng 30 ha trồng mới', 'hơn 100.000 cây mỗi năm', 'gần 200 hộ'],
      demandTitles: ['Giống {p} mua ngoài bị lẫn, nhiễm bệnh', 'Cần nguồn giống {p} sạch bệnh cho {vol}', 'Muốn tự sản xuất cây giống {p} cho vùng trồng'],
      demandSummaries: ['Vùng trồng {p} cần nguồn giống chất lượng, đồng đều, có nguồn gốc rõ ràng.', 'Tìm đơn vị chuyển giao quy trình sản xuất giống {p} để chủ động nguồn cây giống sạch bệnh cho vùng trồng.'],
      situations: ['Hợp tác xã đang mở rộng diện tích trồng {p}, {vol}.', 'Doanh nghiệp liên kết với nông dân trồng {p}, {vol}.'],
      pains: ['Giống mua trôi nổi, trồng ra không đều, nhiều cây bệnh.', 'Giá giống tốt rất cao, lại phải đặt trước lâu.', 'Năng suất giảm qua từng vụ do thoái hóa giống.'],
      wants: ['Cần nguồn giống đã kiểm định và hướng dẫn kỹ thuật trồng.', 'Hoặc chuyển giao quy trình để hợp tác xã tự làm.'],
      demandKeywords: ['giống {p}', 'cây giống sạch bệnh', 'thoái hóa giống'],
    },
  },
  {
    id: 'forestry',
    fields: ['404', '205', '203'],
    expertise: 'lâm nghiệp và chế biến lâm sản',
    price: [80 * M, 6 * B],
    budget: [40 * M, 3 * B],
    trl: [5, 9],
    modes: ['LICENSING', 'TECHNICAL_SERVICE', 'EQUIPMENT_SUPPLY', 'CONSULTING'],
    ip: ['KNOW_HOW', 'PATENT_GRANTED', 'UTILITY_SOLUTION'],
    vi: {
      products: ['gỗ keo', 'gỗ bạch đàn', 'tre luồng', 'gỗ cao su', 'song mây'],
      caps: ['30 m³/mẻ', '100 m³/mẻ', '10.000 m³/năm'],
      offerTitles: ['Công nghệ biến tính nhiệt tăng độ bền cho {p}', 'Lò sấy {p} tự động điều khiển độ ẩm, {cap}', 'Quy trình trồng rừng {p} gỗ lớn có chứng chỉ quản lý rừng bền vững'],
      offerSummaries: ['Nâng giá trị {p} rừng trồng thành vật liệu bền, ổn định kích thước, thay thế gỗ tự nhiên trong nội thất và ngoại thất.', 'Giải pháp sấy và xử lý {p} giảm cong vênh, nứt, mối mọt cho xưởng chế biến.'],
      process: [
        '{P} được gia nhiệt trong môi trường hơi nước ở 180–220°C, cấu trúc hemicellulose thay đổi giúp gỗ ít hút ẩm, chống nấm mục mà không dùng hóa chất.',
        'Lò sấy có cảm biến độ ẩm gỗ cắm trực tiếp, bộ điều khiển tự điều chỉnh nhiệt, ẩm theo từng giai đoạn để hạn chế nứt đầu.',
        'Mô hình trồng rừng gỗ lớn dùng giống mô, mật độ trồng và lịch tỉa thưa hợp lý, kéo dài chu kỳ lên 10–12 năm.',
      ],
      specs: ['Công suất: {cap}.', 'Độ ẩm gỗ sau sấy 8–12%, chênh lệch ẩm không quá 2%.', 'Gỗ biến tính giảm 40–60% độ trương nở.'],
      results: ['Xưởng chế biến ở {place} áp dụng từ năm {year}, tỷ lệ sản phẩm lỗi do cong vênh giảm còn dưới 3%.', 'Đã chuyển giao cho {n} doanh nghiệp gỗ tại {place}, {place2}.'],
      advantages: ['Tăng giá trị gỗ rừng trồng.', 'Không dùng hóa chất độc hại.', 'Đáp ứng yêu cầu của thị trường xuất khẩu.'],
      keywords: ['chế biến gỗ', 'biến tính nhiệt', 'sấy gỗ', '{p}', 'rừng trồng gỗ lớn'],
      vols: ['khoảng 500 m³ mỗi tháng', 'gần 200 ha rừng trồng', 'hai xưởng với 300 công nhân'],
      demandTitles: ['Sản phẩm từ {p} bị cong vênh, nứt sau khi giao', 'Cần lò sấy {p} thay phơi tự nhiên', 'Muốn dùng {p} làm đồ ngoài trời mà không bị mục'],
      demandSummaries: ['Xưởng gỗ cần xử lý {p} cho ổn định, bền hơn để đáp ứng đơn hàng xuất khẩu.', 'Tìm công nghệ sấy và xử lý {p} phù hợp quy mô xưởng vừa, giảm cong vênh và mối mọt.'],
      situations: ['Xưởng chúng tôi chế biến {p}, {vol}.', 'Công ty có {vol}, đang muốn nâng cấp chế biến sâu.'],
      pains: ['Khách trả hàng vì sản phẩm nứt, cong khi sang nước có khí hậu khô.', 'Phơi tự nhiên mất cả tháng, mùa mưa không phơi được.', 'Mọt, nấm làm hỏng nhiều gỗ trong kho.'],
      wants: ['Cần lò sấy hoặc quy trình xử lý có người hướng dẫn vận hành.', 'Muốn xem xưởng đã áp dụng.'],
      demandKeywords: ['sấy gỗ', 'cong vênh', 'mối mọt', '{p}'],
    },
  },
  {
    id: 'machinery',
    fields: ['203', '212'],
    expertise: 'cơ khí chế tạo máy và dây chuyền sản xuất',
    price: [80 * M, 6 * B],
    budget: [40 * M, 3 * B],
    trl: [6, 9],
    modes: ['EQUIPMENT_SUPPLY', 'TURNKEY', 'LICENSING', 'TECHNICAL_SERVICE'],
    ip: ['UTILITY_SOLUTION', 'PATENT_GRANTED', 'KNOW_HOW'],
    vi: {
      products: ['bánh tráng', 'hạt điều', 'cà phê rang', 'gạo', 'bún khô', 'trà túi lọc'],
      caps: ['500 kg/giờ', '1 tấn/giờ', '2 tấn/giờ'],
      offerTitles: ['Máy định lượng, vào túi và hàn miệng {p} tự động, năng suất {cap}', 'Dây chuyền đóng gói {p} có cân nhiều đầu và in hạn dùng', 'Robot gắp xếp sản phẩm {p} vào thùng carton'],
      offerSummaries: ['Máy chế tạo trong nước cho khâu sơ chế và đóng gói {p}, thay lao động thủ công, vận hành ổn định nhiều ca.', 'Dây chuyền tự động hóa cho cơ sở {p} vừa và nhỏ, thiết kế theo mặt bằng thực tế.'],
      process: [
        'Khung máy bằng inox 304, cơ cấu truyền động dùng động cơ servo và biến tần, điều khiển bằng PLC có màn hình tiếng Việt.',
        'Cân định lượng nhiều đầu cho sai số dưới 1%, kết hợp máy đóng gói đứng tạo túi, in hạn dùng và hàn mép tự động.',
        'Cánh tay robot hai trục dùng camera định vị sản phẩm trên băng tải, xếp vào thùng theo sơ đồ lập trình sẵn.',
      ],
      specs: ['Năng suất: {cap}.', 'Điện 3 pha 380 V, công suất 3–15 kW.', 'Bảo hành 18 tháng, có sẵn phụ tùng thay thế.'],
      results: ['Một cơ sở {p} ở {place} lắp máy năm {year}, giảm {pct}% nhân công ở khâu này.', 'Đã bàn giao {n} máy và dây chuyền tại {place}, {place2}.'],
      advantages: ['Giá bằng khoảng 40–60% máy nhập khẩu cùng tính năng.', 'Sửa chữa, bảo trì nhanh.', 'Thiết kế theo yêu cầu.'],
      keywords: ['chế tạo máy', 'tự động hóa', 'máy đóng gói', '{p}', 'cơ khí chính xác'],
      vols: ['khoảng 3 tấn mỗi ngày', 'hai ca với 40 công nhân', 'chừng 20.000 gói mỗi ngày'],
      demandTitles: ['Đóng gói {p} bằng tay chậm, thiếu người', 'Cần máy cho khâu sơ chế {p}, {vol}', 'Tìm xưởng cơ khí chế tạo máy theo yêu cầu cho {p}'],
      demandSummaries: ['Cơ sở {p} cần cơ giới hóa khâu sơ chế, đóng gói để tăng năng suất, giảm phụ thuộc lao động.', 'Tìm đơn vị thiết kế, chế tạo máy phù hợp quy trình sản xuất {p} hiện có.'],
      situations: ['Cơ sở chúng tôi sản xuất {p}, {vol}.', 'Làng nghề có nhiều hộ làm {p}, đang muốn đầu tư chung máy.'],
      pains: ['Cao điểm cuối năm không đủ người làm, phải từ chối đơn.', 'Đóng gói tay không đều, khách phàn nàn.', 'Máy nhập khẩu quá đắt, hỏng không ai sửa.'],
      wants: ['Cần máy vừa mặt bằng khoảng 100 m², dễ vận hành, có bảo hành.', 'Muốn xem máy chạy thử với nguyên liệu của mình.'],
      demandKeywords: ['máy đóng gói', 'thiếu người', 'cơ giới hóa', '{p}'],
    },
    en: {
      products: ['rice paper', 'cashew nuts', 'roasted coffee', 'rice', 'dried noodles'],
      caps: ['500 kg/h', '1 t/h', '2 t/h'],
      offerTitles: ['Automatic weighing, bagging and sealing of {p}, {cap}', 'Packing line for {p} with multi-head weigher and date printing', 'Pick-and-place robot for boxing {p}'],
      offerSummaries: ['Locally built machinery for pre-processing and packing of {p}, replacing manual work across shifts.', 'Automation lines for small and medium {p} producers, designed to the actual floor plan.'],
      process: [
        'Stainless steel frame, servo drives and inverters, PLC control with a Vietnamese/English HMI.',
        'A multi-head weigher with under 1% error feeds a vertical form-fill-seal machine with date printing.',
        'A two-axis robot locates products on the conveyor by camera and boxes them to a programmed pattern.',
      ],
      specs: ['Throughput: {cap}.', '380 V three-phase, 3–15 kW.', '18-month warranty with spare parts in stock.'],
      results: ['A {p} producer in {place} installed it in {year} and cut labour at this step by {pct}%.', '{n} machines and lines delivered in {place} and {place2}.'],
      advantages: ['40–60% of the price of equivalent imports.', 'Fast service.', 'Built to specification.'],
      keywords: ['machinery', 'automation', 'packing machine', '{p}', 'precision engineering'],
      vols: ['about 3 t a day', 'two shifts with 40 workers', 'around 20,000 packs a day'],
      demandTitles: ['Manual packing of {p} is too slow', 'Machine needed for pre-processing {p}, {vol}', 'Custom-built machinery wanted for {p}'],
      demandSummaries: ['A {p} producer needs to mechanise pre-processing and packing to raise output.', 'Looking for an engineering workshop to design machines for our {p} process.'],
      situations: ['We produce {p}, {vol}.', 'A craft village of {p} makers wants to invest in shared machines.'],
      pains: ['At year-end peak we lack workers and refuse orders.', 'Imported machines are expensive and nobody can repair them.'],
      wants: ['A machine fitting about 100 m², easy to run, with warranty.', 'A test run with our own material.'],
      demandKeywords: ['packing machine', 'labour shortage', 'mechanisation', '{p}'],
    },
  },
];

const DOMAINS_SCIENCE_SERVICES: Domain[] = [
  {
    id: 'textile',
    fields: ['204', '205', '207'],
    expertise: 'công nghệ dệt nhuộm và hoàn tất vải',
    price: [150 * M, 6 * B],
    budget: [80 * M, 3 * B],
    trl: [5, 9],
    modes: ['LICENSING', 'TECHNICAL_SERVICE', 'TURNKEY'],
    ip: ['KNOW_HOW', 'PATENT_PENDING', 'UTILITY_SOLUTION'],
    vi: {
      products: ['vải cotton', 'vải polyester', 'sợi tơ tằm', 'vải thổ cẩm', 'vải denim'],
      caps: ['5 tấn vải/ngày', '20 tấn vải/ngày', '200.000 m/tháng'],
      offerTitles: ['Công nghệ nhuộm {p} tiết kiệm nước, tỷ lệ dung dịch thấp', 'Thuốc nhuộm tự nhiên chiết từ thực vật cho {p}', 'Quy trình tái sử dụng nước nhuộm {p} sau xử lý, quy mô {cap}'],
      offerSummaries: ['Giảm lượng nước, hóa chất và năng lượng khi nhuộm {p}, đáp ứng yêu cầu môi trường của các nhãn hàng quốc tế.', 'Giải pháp nhuộm và hoàn tất {p} thân thiện môi trường, chuyển giao kèm công thức màu.'],
      process: [
        'Máy nhuộm tỷ lệ dung dịch 1:4–1:6, gia nhiệt bằng trao đổi nhiệt hiệu suất cao, công thức màu được máy tính hóa để nhuộm đúng màu ngay lần đầu.',
        'Màu tự nhiên chiết từ lá chàm, vỏ cây, củ nâu được cầm màu bằng muối khoáng an toàn, cho gam màu trầm đặc trưng.',
        'Nước thải nhuộm qua keo tụ, lọc màng và oxy hóa nâng cao, phần lớn được quay lại dùng cho công đoạn giặt.',
      ],
      specs: ['Quy mô: {cap}.', 'Giảm 30–50% nước, 20–30% hơi so với nhuộm thông thường.', 'Độ bền màu giặt đạt cấp 4 trở lên.'],
      results: ['Nhà máy ở {place} áp dụng từ năm {year}, vượt qua đánh giá môi trường của nhãn hàng châu Âu.', 'Đã chuyển giao cho {n} xưởng dệt nhuộm và làng nghề tại {place}, {place2}.'],
      advantages: ['Giảm chi phí nước và hơi.', 'Đáp ứng tiêu chuẩn bền vững của khách hàng.', 'Màu đồng đều giữa các lô.'],
      keywords: ['dệt nhuộm', 'nhuộm tiết kiệm nước', 'màu tự nhiên', '{p}', 'tái sử dụng nước'],
      vols: ['khoảng 8 tấn vải mỗi ngày', 'hơn 300 m³ nước mỗi ngày', 'chừng 50 hộ dệt'],
      demandTitles: ['Nhãn hàng yêu cầu giảm nước và hóa chất khi nhuộm {p}', 'Nhuộm {p} lệch màu giữa các lô, phải nhuộm lại nhiều', 'Làng nghề muốn nhuộm {p} bằng màu tự nhiên'],
      demandSummaries: ['Xưởng nhuộm {p} cần giảm tiêu hao nước, hóa chất để giữ khách hàng quốc tế.', 'Tìm công nghệ nhuộm {p} ổn định màu, thân thiện môi trường.'],
      situations: ['Công ty nhuộm {p}, {vol}.', 'Làng nghề chúng tôi có {vol}, đang làm hàng cho khách du lịch.'],
      pains: ['Tỷ lệ nhuộm lại cao, tốn hơi và hóa chất.', 'Khách hàng đánh giá nhà máy hằng năm về nước thải, sắp không đạt.', 'Thuốc nhuộm hóa học làm khách du lịch ngại mua.'],
      wants: ['Cần đơn vị tư vấn cải tiến quy trình và thiết bị.', 'Muốn đào tạo thợ nhuộm theo công thức mới.'],
      demandKeywords: ['nhuộm {p}', 'lệch màu', 'tiết kiệm nước', 'màu tự nhiên'],
    },
  },
  {
    id: 'photonics',
    fields: ['103', '202', '206'],
    expertise: 'quang học, laser và cảm biến vật lý',
    price: [100 * M, 4 * B],
    budget: [50 * M, 2 * B],
    trl: [4, 8],
    modes: ['LICENSING', 'JOINT_VENTURE', 'TECHNICAL_SERVICE', 'EQUIPMENT_SUPPLY'],
    ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'KNOW_HOW'],
    vi: {
      products: ['độ ngọt trái cây', 'chất lượng gạo', 'nồng độ khí độc', 'độ dày lớp phủ', 'dư lượng thuốc trừ sâu'],
      caps: ['1 mẫu/giây', '3.600 mẫu/giờ', '20 điểm đo'],
      offerTitles: ['Thiết bị quang phổ cận hồng ngoại đo nhanh {p} không phá mẫu', 'Cảm biến quang sợi đo {p} tại hiện trường', 'Hệ thống laser đo {p} trực tuyến trên dây chuyền, tốc độ {cap}'],
      offerSummaries: ['Thiết bị đo dựa trên nguyên lý quang học cho kết quả {p} trong vài giây, thay phương pháp phân tích hóa học mất nhiều giờ.', 'Chuyển giao thiết kế quang cơ, phần mềm xử lý phổ và mô hình hiệu chuẩn đo {p}.'],
      process: [
        'Nguồn sáng halogen hoặc laser bán dẫn chiếu vào mẫu, phổ phản xạ được thu bằng máy quang phổ thu nhỏ và xử lý bằng mô hình hồi quy đa biến.',
        'Cảm biến sợi quang có lớp phủ nhạy chọn lọc, tín hiệu thay đổi theo nồng độ chất cần đo, không bị nhiễu điện từ.',
        'Mô hình hiệu chuẩn được xây dựng trên hàng nghìn mẫu đối chứng, cập nhật được khi đổi giống hoặc nguyên liệu.',
      ],
      specs: ['Tốc độ đo: {cap}.', 'Sai số so với phương pháp chuẩn dưới 3–5%.', 'Thiết bị cầm tay hoặc lắp cố định, pin dùng 8 giờ.'],
      results: ['Thử nghiệm tại một cơ sở ở {place} năm {year} cho kết quả tương quan cao với phòng thí nghiệm.', 'Đã chế tạo {k} thiết bị mẫu, đang dùng thử ở {place} và {place2}.'],
      advantages: ['Đo nhanh, không phá hủy mẫu.', 'Không cần hóa chất.', 'Giá thấp hơn nhiều thiết bị nhập khẩu.'],
      keywords: ['quang phổ cận hồng ngoại', 'cảm biến quang', 'laser', 'đo nhanh {p}', 'kiểm tra không phá hủy'],
      vols: ['vài trăm mẫu mỗi ngày', 'hơn 50 tấn mỗi ngày', 'ba dây chuyền'],
      demandTitles: ['Kiểm tra {p} phải gửi phòng thí nghiệm, chờ lâu', 'Cần đo {p} ngay tại chỗ khi thu mua', 'Muốn kiểm soát {p} liên tục trên dây chuyền'],
      demandSummaries: ['Doanh nghiệp cần thiết bị đo nhanh {p} tại chỗ để ra quyết định thu mua, sản xuất.', 'Tìm thiết bị đo {p} không phá mẫu, dễ dùng cho nhân viên.'],
      situations: ['Chúng tôi kiểm tra {vol}.', 'Nhà máy có {vol}, hiện lấy mẫu thủ công mỗi giờ.'],
      pains: ['Kết quả phòng thí nghiệm có sau một ngày, hàng đã nhập kho.', 'Tranh cãi với người bán về chất lượng vì không có số đo tại chỗ.', 'Lấy mẫu thủ công sót lô không đạt.'],
      wants: ['Cần thiết bị đo nhanh, giá hợp lý, có hiệu chuẩn theo nguyên liệu của mình.', 'Sẵn sàng cùng thử nghiệm.'],
      demandKeywords: ['đo nhanh', '{p}', 'kiểm tra tại chỗ', 'thiết bị đo'],
    },
  },
  {
    id: 'geohazard',
    fields: ['105', '201', '212'],
    expertise: 'địa kỹ thuật, tai biến thiên nhiên và quan trắc môi trường',
    price: [100 * M, 5 * B],
    budget: [50 * M, 3 * B],
    trl: [5, 9],
    modes: ['TURNKEY', 'CONSULTING', 'TECHNICAL_SERVICE', 'LICENSING'],
    ip: ['KNOW_HOW', 'COPYRIGHT', 'PATENT_PENDING'],
    vi: {
      products: ['sạt lở đất', 'lũ quét', 'xâm nhập mặn', 'sụt lún', 'sạt lở bờ sông'],
      caps: ['10 trạm', '50 trạm', '200 km²'],
      offerTitles: ['Hệ thống cảnh báo sớm {p} cho khu dân cư, quy mô {cap}', 'Bản đồ phân vùng nguy cơ {p} bằng ảnh vệ tinh và dữ liệu địa hình', 'Trạm quan trắc tự động {p} truyền dữ liệu thời gian thực'],
      offerSummaries: ['Giải pháp theo dõi và cảnh báo {p} dựa trên cảm biến hiện trường, ảnh vệ tinh và mô hình dự báo.', 'Công cụ hỗ trợ chính quyền địa phương chủ động ứng phó {p}, giảm thiệt hại về người và tài sản.'],
      process: [
        'Trạm đo mưa, độ ẩm đất, chuyển vị và mực nước truyền dữ liệu qua mạng di động hoặc vệ tinh về trung tâm, cập nhật mỗi 10 phút.',
        'Ảnh radar vệ tinh được xử lý giao thoa để phát hiện biến dạng bề mặt cỡ milimét trên diện rộng.',
        'Mô hình ngưỡng mưa – độ ẩm đất tính xác suất {p} theo từng khu vực, gửi tin nhắn cảnh báo tới cán bộ xã và người dân.',
      ],
      specs: ['Quy mô: {cap}.', 'Trạm dùng năng lượng mặt trời, hoạt động liên tục trong mưa bão.', 'Nền tảng web hiển thị bản đồ, biểu đồ và lịch sử cảnh báo.'],
      results: ['Hệ thống tại {place} vận hành từ năm {year}, đã phát cảnh báo kịp thời trong {k} đợt mưa lớn.', 'Bản đồ nguy cơ được địa phương ở {place} và {place2} dùng để quy hoạch tái định cư.'],
      advantages: ['Cảnh báo sớm, giảm thiệt hại.', 'Dữ liệu mở cho các cơ quan chuyên môn.', 'Chi phí vận hành thấp.'],
      keywords: ['cảnh báo sớm', '{p}', 'quan trắc tự động', 'ảnh vệ tinh', 'thiên tai'],
      vols: ['khoảng 15 thôn', 'hơn 40 km bờ sông', 'ba xã vùng núi'],
      demandTitles: ['Mùa mưa dân sống ven đồi lo {p}, cần cảnh báo sớm', 'Cần theo dõi {p} cho {vol}', 'Tìm giải pháp dự báo {p} để chủ động ứng phó'],
      demandSummaries: ['Địa phương thường xuyên chịu {p}, cần hệ thống theo dõi và cảnh báo cho người dân.', 'Tìm đơn vị tư vấn, lắp đặt thiết bị quan trắc và cảnh báo {p}.'],
      situations: ['Huyện có {vol} nằm trong vùng nguy cơ cao.', 'Ban quản lý dự án phụ trách {vol}.'],
      pains: ['Năm ngoái {p} làm sập nhà, may không có thương vong.', 'Không có số liệu để quyết định sơ tán đúng lúc.', 'Bà con lo lắng mỗi khi mưa lớn kéo dài.'],
      wants: ['Cần hệ thống cảnh báo đơn giản, tin nhắn đến được người dân.', 'Mong có đào tạo cán bộ xã vận hành.'],
      demandKeywords: ['{p}', 'cảnh báo sớm', 'thiên tai', 'sơ tán'],
    },
  },
  {
    id: 'chem',
    fields: ['104', '204'],
    expertise: 'hóa học ứng dụng và hóa chất chuyên dụng',
    price: [50 * M, 3 * B],
    budget: [20 * M, 1.5 * B],
    trl: [4, 8],
    modes: ['LICENSING', 'ASSIGNMENT', 'TECHNICAL_SERVICE'],
    ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'KNOW_HOW'],
    vi: {
      products: ['chất tẩy rửa', 'chất kết dính gỗ', 'chất chống ăn mòn', 'phụ gia bê tông', 'dung môi sinh học', 'mực in bao bì'],
      caps: ['500 tấn/năm', '3.000 tấn/năm', '10 tấn/ngày'],
      offerTitles: ['Công thức {p} gốc sinh học thay thế sản phẩm gốc dầu mỏ', 'Quy trình tổng hợp {p} hiệu năng cao, quy mô {cap}', 'Xúc tác rắn thân thiện môi trường cho sản xuất {p}'],
      offerSummaries: ['Sản phẩm {p} từ nguyên liệu tái tạo, ít độc hại, hiệu năng tương đương sản phẩm nhập khẩu.', 'Chuyển giao công thức, quy trình sản xuất và tiêu chuẩn kiểm tra chất lượng {p}.'],
      process: [
        'Nguyên liệu từ dầu thực vật, tinh bột hoặc lignin được biến tính hóa học để tạo các nhóm chức cần thiết.',
        'Phản ứng chạy trong thiết bị khuấy có gia nhiệt, xúc tác rắn dễ tách và tái sử dụng nhiều lần.',
        'Sản phẩm được phối trộn, kiểm tra chỉ tiêu hóa lý và ứng dụng trước khi đóng gói.',
      ],
      specs: ['Công suất: {cap}.', 'Hàm lượng chất hữu cơ dễ bay hơi thấp.', 'Đáp ứng tiêu chuẩn kỹ thuật của sản phẩm tương đương.'],
      results: ['Doanh nghiệp ở {place} sản xuất thử từ năm {year}, khách hàng công nghiệp đã đặt hàng thường xuyên.', 'Công nghệ đã được cấp bằng và chuyển giao cho {k} đơn vị.'],
      advantages: ['Nguyên liệu tái tạo, có nguồn trong nước.', 'Ít độc hại cho người lao động.', 'Giá cạnh tranh.'],
      keywords: ['hóa chất xanh', '{p}', 'xúc tác', 'nguyên liệu tái tạo'],
      vols: ['khoảng 20 tấn mỗi tháng', 'hơn 200 tấn mỗi năm', 'vài bồn chứa 10 m³'],
      demandTitles: ['Giá {p} nhập khẩu tăng, muốn tìm nguồn trong nước', 'Khách hàng yêu cầu {p} ít độc hại hơn', 'Cần công thức {p} phù hợp điều kiện khí hậu nóng ẩm'],
      demandSummaries: ['Doanh nghiệp đang dùng {p} nhập khẩu, muốn thay bằng sản phẩm trong nước an toàn hơn.', 'Tìm công thức và quy trình sản xuất {p} để tự chủ nguồn hàng, không phụ thuộc hàng nhập.'],
      situations: ['Công ty tiêu thụ {p}, {vol}.', 'Chúng tôi có xưởng pha chế, muốn mở rộng dòng {p}.'],
      pains: ['Giá nhập biến động mạnh, thời gian giao hàng dài.', 'Công nhân than phiền về mùi và kích ứng da.', 'Sản phẩm hiện tại kém hiệu quả trong mùa nồm ẩm.'],
      wants: ['Cần đơn vị chuyển giao công thức và hướng dẫn sản xuất thử.', 'Mong có mẫu để thử nghiệm trước.'],
      demandKeywords: ['{p}', 'thay hàng nhập', 'ít độc hại'],
    },
  },
  {
    id: 'techconsult',
    fields: ['501', '502'],
    expertise: 'thương mại hóa kết quả nghiên cứu và định giá công nghệ',
    price: [30 * M, 800 * M],
    budget: [20 * M, 500 * M],
    trl: [7, 9],
    modes: ['CONSULTING', 'TECHNICAL_SERVICE'],
    ip: ['KNOW_HOW', 'COPYRIGHT', 'NONE'],
    vi: {
      products: ['sáng chế', 'giải pháp hữu ích', 'kết quả đề tài', 'bí quyết kỹ thuật', 'phần mềm'],
      caps: ['5 hồ sơ/tháng', '30 hồ sơ/năm', '20 doanh nghiệp/khóa'],
      offerTitles: ['Dịch vụ định giá {p} phục vụ góp vốn và chuyển giao', 'Tư vấn thương mại hóa {p} từ viện, trường đến doanh nghiệp', 'Chương trình hỗ trợ soạn thảo hợp đồng chuyển giao {p}, năng lực {cap}'],
      offerSummaries: ['Đội chuyên gia về sở hữu trí tuệ, tài chính và thị trường giúp xác định giá trị và con đường thương mại hóa {p}.', 'Dịch vụ trọn gói từ đánh giá, định giá, tìm đối tác đến soạn thảo hợp đồng chuyển giao {p}.'],
      process: [
        'Định giá kết hợp phương pháp chi phí, thị trường và thu nhập, có phân tích độ nhạy theo các kịch bản thương mại hóa.',
        'Chuyên gia đánh giá mức sẵn sàng công nghệ, tình trạng bảo hộ và lập bản đồ đối thủ, khách hàng tiềm năng.',
        'Hợp đồng mẫu được điều chỉnh theo hình thức li-xăng, chuyển nhượng hoặc góp vốn, bảo đảm quyền lợi các bên.',
      ],
      specs: ['Năng lực: {cap}.', 'Báo cáo định giá theo chuẩn mực thẩm định giá hiện hành.', 'Thời gian thực hiện 3–8 tuần tùy hồ sơ.'],
      results: ['Năm {year}, đơn vị đã hỗ trợ {n} hồ sơ chuyển giao, trong đó nhiều hợp đồng được ký với doanh nghiệp tại {place}.', 'Hợp tác với các viện, trường tại {place} và {place2}.'],
      advantages: ['Đội ngũ đa lĩnh vực.', 'Kinh nghiệm với cả viện nghiên cứu và doanh nghiệp.', 'Chi phí linh hoạt theo kết quả.'],
      keywords: ['định giá công nghệ', 'thương mại hóa', 'sở hữu trí tuệ', 'hợp đồng chuyển giao', '{p}'],
      vols: ['khoảng 10 kết quả đề tài', 'ba bằng sáng chế', 'một danh mục 20 công nghệ'],
      demandTitles: ['Có {p} nhưng chưa biết bán cho ai, giá bao nhiêu', 'Cần định giá {p} để góp vốn vào công ty mới', 'Tìm đơn vị hỗ trợ thương mại hóa {vol}'],
      demandSummaries: ['Đơn vị cần tư vấn định giá và tìm đối tác thương mại hóa {p}.', 'Tìm chuyên gia hỗ trợ đàm phán và soạn hợp đồng chuyển giao {p}.'],
      situations: ['Đơn vị chúng tôi sở hữu {vol}.', 'Nhóm nghiên cứu vừa được cấp {p}, có doanh nghiệp hỏi mua.'],
      pains: ['Không biết định giá thế nào, sợ bán rẻ hoặc đòi quá cao.', 'Thủ tục nội bộ để chuyển giao phức tạp.', 'Thiếu người hiểu cả kỹ thuật và thị trường.'],
      wants: ['Cần đơn vị tư vấn uy tín, có kinh nghiệm với hồ sơ tương tự.', 'Mong có báo giá dịch vụ rõ ràng.'],
      demandKeywords: ['định giá', 'thương mại hóa', 'chuyển giao', '{p}'],
    },
  },
  {
    id: 'edu',
    fields: ['502', '102'],
    expertise: 'công nghệ giáo dục và đào tạo nghề',
    price: [20 * M, 1.5 * B],
    budget: [15 * M, 800 * M],
    trl: [6, 9],
    modes: ['LICENSING', 'EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE'],
    ip: ['COPYRIGHT', 'UTILITY_SOLUTION', 'KNOW_HOW'],
    vi: {
      products: ['STEM cho học sinh trung học', 'đào tạo thợ hàn', 'vận hành máy CNC', 'kỹ thuật điện lạnh', 'an toàn lao động'],
      caps: ['30 học viên/lớp', '500 học viên/năm', '20 trường'],
      offerTitles: ['Bộ thiết bị thực hành {p} kèm giáo trình điện tử', 'Phòng thí nghiệm ảo mô phỏng 3D cho {p}', 'Nền tảng học trực tuyến và đánh giá kỹ năng {p}, quy mô {cap}'],
      offerSummaries: ['Giải pháp dạy và học {p} kết hợp thực hành trên thiết bị thật và mô phỏng, giúp người học nắm kỹ năng nhanh hơn.', 'Chuyển giao học liệu, phần mềm và thiết bị cho cơ sở giáo dục, đào tạo nghề về {p}.'],
      process: [
        'Học liệu được biên soạn theo chuẩn đầu ra, chia thành bài học ngắn có video, mô phỏng và bài tập thực hành.',
        'Phần mềm mô phỏng 3D cho phép người học thao tác nhiều lần, ghi lại lỗi để giảng viên theo dõi tiến độ.',
        'Bộ thiết bị thực hành dùng linh kiện phổ biến, an toàn điện, dễ lắp ráp và mở rộng.',
      ],
      specs: ['Quy mô: {cap}.', 'Chạy trên máy tính phổ thông, máy tính bảng; hỗ trợ học ngoại tuyến.', 'Có ngân hàng câu hỏi đánh giá theo kỹ năng.'],
      results: ['Thử nghiệm tại {n} trường ở {place} năm {year}, tỷ lệ học viên đạt kỹ năng tăng rõ rệt.', 'Học liệu được sở giáo dục ở {place} giới thiệu cho các trường trong tỉnh.'],
      advantages: ['Giảm tiêu hao vật tư thực hành.', 'Giảng viên dễ theo dõi tiến độ từng học viên.', 'Nội dung tiếng Việt, cập nhật thường xuyên.'],
      keywords: ['giáo dục STEM', 'đào tạo nghề', 'mô phỏng 3D', 'học liệu số', '{p}'],
      vols: ['khoảng 1.200 học sinh', 'ba khoa nghề', 'gần 20 lớp mỗi năm'],
      demandTitles: ['Trường thiếu thiết bị thực hành {p}', 'Muốn đổi mới cách dạy {p} cho sinh động hơn', 'Cần học liệu số {p} cho {vol}'],
      demandSummaries: ['Cơ sở đào tạo cần thiết bị và học liệu {p} phù hợp ngân sách.', 'Tìm giải pháp dạy học {p} kết hợp thực hành và mô phỏng.'],
      situations: ['Trường chúng tôi có {vol}.', 'Trung tâm đào tạo nghề mỗi năm mở {vol}.'],
      pains: ['Thiết bị cũ, hỏng nhiều, học viên ít được thực hành.', 'Vật tư thực hành tốn kém.', 'Giảng viên thiếu tài liệu cập nhật.'],
      wants: ['Cần giải pháp có tập huấn giáo viên và bảo hành.', 'Mong được dùng thử một học kỳ.'],
      demandKeywords: ['thiết bị thực hành', 'học liệu số', '{p}', 'đào tạo'],
    },
  },
  {
    id: 'clinical',
    fields: ['302', '206', '301'],
    expertise: 'y học lâm sàng và phục hồi chức năng',
    price: [50 * M, 3 * B],
    budget: [30 * M, 2 * B],
    trl: [5, 9],
    modes: ['TECHNICAL_SERVICE', 'LICENSING', 'CONSULTING'],
    ip: ['KNOW_HOW', 'PATENT_PENDING', 'COPYRIGHT'],
    vi: {
      products: ['đột quỵ', 'đái tháo đường', 'tăng huyết áp', 'thoái hóa khớp gối', 'bệnh phổi tắc nghẽn mạn tính'],
      caps: ['100 giường', '5.000 bệnh nhân', '20 trạm y tế'],
      offerTitles: ['Quy trình phục hồi chức năng sớm cho bệnh nhân {p}', 'Hệ thống theo dõi từ xa bệnh nhân {p} tại nhà', 'Phần mềm hỗ trợ quyết định lâm sàng quản lý {p} cho tuyến cơ sở, quy mô {cap}'],
      offerSummaries: ['Giải pháp giúp bệnh viện và trạm y tế quản lý người bệnh {p} liên tục, giảm biến chứng và tái nhập viện.', 'Chuyển giao quy trình chuyên môn, phần mềm và đào tạo nhân lực về quản lý {p}.'],
      process: [
        'Quy trình được xây dựng từ hướng dẫn chẩn đoán và điều trị hiện hành, điều chỉnh cho điều kiện nhân lực tuyến huyện.',
        'Người bệnh được phát thiết bị đo kết nối điện thoại, số liệu tự động gửi về bác sĩ phụ trách, cảnh báo khi vượt ngưỡng.',
        'Chương trình tập phục hồi có video hướng dẫn tại nhà, kỹ thuật viên gọi điện theo dõi hằng tuần.',
      ],
      specs: ['Quy mô: {cap}.', 'Kết nối hồ sơ bệnh án điện tử theo chuẩn trao đổi dữ liệu y tế.', 'Bảo mật dữ liệu người bệnh theo quy định.'],
      results: ['Triển khai tại bệnh viện ở {place} từ năm {year}, tỷ lệ tái nhập viện giảm khoảng {pct}%.', 'Đã đào tạo nhân lực cho {n} cơ sở y tế tại {place}, {place2}.'],
      advantages: ['Giảm tải cho tuyến trên.', 'Người bệnh được theo dõi liên tục.', 'Phù hợp nhân lực tuyến cơ sở.'],
      keywords: ['quản lý bệnh mạn tính', '{p}', 'theo dõi từ xa', 'phục hồi chức năng', 'y tế cơ sở'],
      vols: ['khoảng 2.000 người bệnh đang quản lý', '15 trạm y tế xã', 'hơn 300 lượt khám mỗi ngày'],
      demandTitles: ['Bệnh nhân {p} bỏ tái khám, biến chứng nặng mới quay lại', 'Cần cách theo dõi người bệnh {p} tại nhà', 'Trung tâm y tế muốn nâng cao quản lý {p} cho {vol}'],
      demandSummaries: ['Cơ sở y tế cần công cụ và quy trình quản lý người bệnh {p} liên tục.', 'Tìm giải pháp theo dõi từ xa và phục hồi chức năng cho người bệnh {p}.'],
      situations: ['Trung tâm y tế huyện đang quản lý {vol}.', 'Bệnh viện chúng tôi có {vol}.'],
      pains: ['Nhiều người bệnh ở xa, không tái khám đúng hẹn.', 'Thiếu bác sĩ chuyên khoa ở tuyến xã.', 'Hồ sơ giấy khó theo dõi diễn biến.'],
      wants: ['Cần giải pháp có đào tạo nhân viên y tế và hỗ trợ kỹ thuật.', 'Muốn thử ở vài trạm y tế trước.'],
      demandKeywords: ['{p}', 'theo dõi tại nhà', 'bỏ tái khám', 'y tế cơ sở'],
    },
  },
];

export const DOMAINS: Domain[] = [
  ...DOMAINS_FOOD_AGRI,
  ...DOMAINS_WATER_FOOD,
  ...DOMAINS_ENERGY_DIGITAL,
  ...DOMAINS_MATERIALS_HEALTH,
  ...DOMAINS_LIFE_LAND,
  ...DOMAINS_SCIENCE_SERVICES,
];

// ---------------------------------------------------------------------------------------------
// Organisations (all invented)

export const ORGS: OrgSpec[] = [
  // Research institutes
  { key: 'vien-sinh-hoc', name: 'Viện Công nghệ Sinh học Nông nghiệp Miền Tây', kind: 'RESEARCH_INSTITUTE', province: 'can-tho', website: true,
    description: 'Nghiên cứu và chuyển giao chế phẩm vi sinh, giống cây trồng và giải pháp sinh học cho sản xuất nông nghiệp, thủy sản vùng đồng bằng.',
    offers: ['biofert', 'seedlings', 'aquabio', 'postharvest'], needs: [] },
  { key: 'vien-sau-thu-hoach', name: 'Viện Kỹ thuật Sau thu hoạch và Chế biến Nông sản Nam Bộ', kind: 'RESEARCH_INSTITUTE', province: 'ho-chi-minh', website: true,
    description: 'Phát triển công nghệ sấy, bảo quản lạnh, xử lý sau thu hoạch và cơ giới hóa cho rau quả, ngũ cốc xuất khẩu.',
    offers: ['drying', 'coldchain', 'postharvest', 'farmmech'], needs: [] },
  { key: 'vien-thuy-san', name: 'Viện Thủy sản và Nuôi biển Bán đảo Cà Mau', kind: 'RESEARCH_INSTITUTE', province: 'ca-mau', website: true,
    description: 'Nghiên cứu sản xuất giống, quản lý môi trường ao nuôi và phòng bệnh cho tôm, cá, nhuyễn thể vùng ven biển.',
    offers: ['aquaseed', 'aquabio', 'aquaiot'], needs: [] },
  { key: 'vien-nuoc-moi-truong', name: 'Viện Công nghệ Nước và Môi trường Đô thị', kind: 'RESEARCH_INSTITUTE', province: 'ha-noi', website: true,
    description: 'Nghiên cứu, thiết kế công nghệ xử lý nước cấp, nước thải và chất thải rắn cho đô thị, khu công nghiệp và nông thôn.',
    offers: ['wastewater', 'water', 'waste'], needs: [] },
  { key: 'vien-vat-lieu', name: 'Viện Vật liệu Tiên tiến Hòa Lạc', kind: 'RESEARCH_INSTITUTE', province: 'ha-noi', website: true,
    description: 'Phòng thí nghiệm trọng điểm về vật liệu nano, polyme sinh học và hóa chất chuyên dụng, hợp tác nghiên cứu với doanh nghiệp sản xuất.',
    offers: ['nano', 'composite', 'chem'], needs: ['techconsult'] },
  { key: 'vien-duoc-lieu', name: 'Viện Nghiên cứu Dược liệu Tây Nguyên', kind: 'RESEARCH_INSTITUTE', province: 'lam-dong', website: true,
    description: 'Bảo tồn, phát triển nguồn gen cây thuốc và nghiên cứu chiết xuất, bào chế sản phẩm từ dược liệu vùng cao.',
    offers: ['herbal', 'seedlings'], needs: [] },
  { key: 'vien-thu-y', name: 'Viện Vắc-xin Vật nuôi Đồng bằng Sông Hồng', kind: 'RESEARCH_INSTITUTE', province: 'bac-ninh', website: true,
    description: 'Nghiên cứu dịch tễ, chẩn đoán và phát triển vắc-xin phòng bệnh cho gia súc, gia cầm.',
    offers: ['vetvax', 'livestock', 'diagnostics'], needs: [] },
  { key: 'vien-nang-luong', name: 'Viện Năng lượng Tái tạo Duyên hải Nam Trung Bộ', kind: 'RESEARCH_INSTITUTE', province: 'khanh-hoa', website: true,
    description: 'Nghiên cứu ứng dụng điện mặt trời, năng lượng sinh khối và các thiết bị đo quang học cho vùng khô hạn ven biển.',
    offers: ['solar', 'biomass', 'photonics'], needs: [] },
  { key: 'vien-dia-ky-thuat', name: 'Viện Địa kỹ thuật và Tai biến Địa chất Hoàng Liên Sơn', kind: 'RESEARCH_INSTITUTE', province: 'lao-cai',
    description: 'Khảo sát địa chất công trình, đánh giá và cảnh báo sạt lở, lũ quét cho các tỉnh miền núi phía Bắc.',
    offers: ['geohazard', 'building'], needs: [] },
  { key: 'vien-y-sinh', name: 'Viện Y sinh Ứng dụng Phía Nam', kind: 'RESEARCH_INSTITUTE', province: 'ho-chi-minh', website: true,
    description: 'Phát triển sinh phẩm chẩn đoán, thiết bị y tế và các mô hình quản lý bệnh mạn tính dựa vào cộng đồng.',
    offers: ['diagnostics', 'meddev', 'clinical'], needs: [] },
  { key: 'vien-toan-ung-dung', name: 'Viện Toán Ứng dụng và Khoa học Dữ liệu', kind: 'RESEARCH_INSTITUTE', province: 'ha-noi', website: true,
    description: 'Nghiên cứu mô hình toán, tối ưu hóa, học máy và chuyển giao các công cụ phân tích dữ liệu cho doanh nghiệp.',
    offers: ['optim', 'software', 'vision'], needs: [] },

  // Universities and colleges
  { key: 'dh-duyen-hai', name: 'Trường Đại học Kỹ thuật Duyên hải', kind: 'UNIVERSITY', province: 'hai-phong', website: true,
    description: 'Đào tạo kỹ sư cơ khí, tự động hóa, vật liệu; các nhóm nghiên cứu có xưởng chế tạo thử phục vụ doanh nghiệp cảng biển và công nghiệp.',
    offers: ['machinery', 'iiot', 'composite'], needs: [] },
  { key: 'dh-nong-lam-dai-ngan', name: 'Trường Đại học Nông Lâm Đại Ngàn', kind: 'UNIVERSITY', province: 'dak-lak', website: true,
    description: 'Nghiên cứu giống cây công nghiệp, lâm nghiệp và chế biến nông sản vùng Tây Nguyên.',
    offers: ['seedlings', 'biofert', 'forestry', 'drying'], needs: [] },
  { key: 'dh-bach-khoa-song-han', name: 'Trường Đại học Bách khoa Sông Hàn', kind: 'UNIVERSITY', province: 'da-nang', website: true,
    description: 'Các phòng thí nghiệm về trí tuệ nhân tạo, điện tử, năng lượng và quang học phối hợp với doanh nghiệp miền Trung.',
    offers: ['vision', 'iiot', 'solar', 'photonics'], needs: [] },
  { key: 'dh-thuc-pham-gia-dinh', name: 'Trường Đại học Công nghiệp Thực phẩm Gia Định', kind: 'UNIVERSITY', province: 'ho-chi-minh', website: true,
    description: 'Đào tạo và nghiên cứu công nghệ thực phẩm, đồ uống, bảo quản nông sản và hóa thực phẩm.',
    offers: ['foodproc', 'postharvest', 'chem'], needs: [] },
  { key: 'dh-y-duoc-co-do', name: 'Trường Đại học Y Dược Cố đô', kind: 'UNIVERSITY', province: 'hue', website: true,
    description: 'Trường y dược có bệnh viện thực hành, nghiên cứu lâm sàng, dược liệu và y tế cộng đồng.',
    offers: ['clinical', 'diagnostics', 'herbal'], needs: ['techconsult'] },
  { key: 'dh-nghe-ca-khanh-hoa', name: 'Trường Đại học Nghề cá và Công nghệ Biển Khánh Hòa', kind: 'UNIVERSITY', province: 'khanh-hoa', website: true,
    description: 'Nghiên cứu nuôi biển, sản xuất giống và chế biến thủy sản, có trại thực nghiệm ven vịnh.',
    offers: ['aquaseed', 'aquaiot', 'foodproc'], needs: [] },
  { key: 'dh-xay-dung-kinh-bac', name: 'Trường Đại học Xây dựng Kinh Bắc', kind: 'UNIVERSITY', province: 'bac-ninh', website: true,
    description: 'Nghiên cứu vật liệu xây dựng xanh, kết cấu và địa kỹ thuật công trình.',
    offers: ['building', 'geohazard', 'composite'], needs: [] },
  { key: 'dh-nong-nghiep-song-hau', name: 'Trường Đại học Nông nghiệp Tây Sông Hậu', kind: 'UNIVERSITY', province: 'an-giang', website: true,
    description: 'Nghiên cứu canh tác lúa, cơ giới hóa, chăn nuôi và tận dụng phụ phẩm nông nghiệp vùng đồng bằng.',
    offers: ['farmmech', 'biofert', 'livestock', 'waste'], needs: [] },
  { key: 'dh-spkt-bac-trung-bo', name: 'Trường Đại học Sư phạm Kỹ thuật Bắc Trung Bộ', kind: 'UNIVERSITY', province: 'thanh-hoa', website: true,
    description: 'Đào tạo giáo viên kỹ thuật, kỹ sư cơ điện tử và phát triển thiết bị, học liệu cho giáo dục nghề nghiệp.',
    offers: ['edu', 'machinery', 'iiot'], needs: [] },
  { key: 'dh-kinh-te-pho-hien', name: 'Trường Đại học Kinh tế và Quản trị Công nghệ Phố Hiến', kind: 'UNIVERSITY', province: 'hung-yen', website: true,
    description: 'Nghiên cứu quản trị đổi mới sáng tạo, thị trường khoa học công nghệ và phân tích dữ liệu kinh doanh.',
    offers: ['techconsult', 'edu', 'optim'], needs: [] },
  { key: 'dh-det-may-thanh-nam', name: 'Trường Đại học Công nghiệp Dệt may Thành Nam', kind: 'UNIVERSITY', province: 'ninh-binh', website: true,
    description: 'Đào tạo và nghiên cứu công nghệ sợi, dệt, nhuộm, hoàn tất và hóa chất dệt may.',
    offers: ['textile', 'chem'], needs: [] },
  { key: 'cd-nghe-bien-gioi', name: 'Trường Cao đẳng Nghề Kỹ thuật Biên giới', kind: 'UNIVERSITY', province: 'cao-bang',
    description: 'Đào tạo nghề điện, cơ khí, nông nghiệp cho thanh niên các huyện biên giới.',
    focus: ['thợ hàn', 'CNC', 'điện lạnh', 'an toàn lao động'],
    offers: [], needs: ['edu'] },

  // Companies that supply technology
  { key: 'co-khi-binh-minh', name: 'Công ty TNHH Cơ khí Chính xác Bình Minh', kind: 'ENTERPRISE', province: 'dong-nai', website: true,
    description: 'Thiết kế, chế tạo máy chế biến nông sản, máy đóng gói và chi tiết cơ khí chính xác theo đơn đặt hàng.',
    offers: ['machinery', 'farmmech', 'drying'], needs: [] },
  { key: 'say-lanh-vam-co', name: 'Công ty Cổ phần Kỹ thuật Sấy Lạnh Vàm Cỏ', kind: 'ENTERPRISE', province: 'tay-ninh', website: true,
    description: 'Chuyên thiết kế, thi công máy sấy bơm nhiệt, kho lạnh và kho bảo quản nông sản cho khu vực phía Nam.',
    offers: ['drying', 'coldchain'], needs: [] },
  { key: 'mekong-sens', name: 'Công ty TNHH Công nghệ Nông nghiệp Số MekongSens', kind: 'ENTERPRISE', province: 'can-tho', website: true,
    description: 'Phát triển cảm biến, thiết bị IoT và phần mềm quản lý cho nuôi trồng thủy sản, nông nghiệp và nhà xưởng.',
    offers: ['aquaiot', 'iiot', 'software'], needs: [] },
  { key: 'moi-truong-song-xanh', name: 'Công ty Cổ phần Xử lý Nước và Môi trường Sông Xanh', kind: 'ENTERPRISE', province: 'ho-chi-minh', website: true,
    description: 'Tổng thầu thiết kế, thi công và vận hành hệ thống xử lý nước thải, nước cấp và chất thải hữu cơ.',
    offers: ['wastewater', 'waste', 'water'], needs: [] },
  { key: 'tam-nhin-so', name: 'Công ty Cổ phần Phần mềm Tầm Nhìn Số', kind: 'ENTERPRISE', province: 'da-nang', website: true,
    description: 'Phát triển giải pháp thị giác máy tính, trí tuệ nhân tạo và phần mềm quản trị cho nhà máy.',
    offers: ['vision', 'software', 'optim'], needs: [] },
  { key: 'dien-mat-troi-huong-duong', name: 'Công ty TNHH Điện Mặt trời Hướng Dương', kind: 'ENTERPRISE', province: 'khanh-hoa', website: true,
    description: 'Lắp đặt điện mặt trời mái nhà, hệ thống lưu trữ và lò hơi sinh khối cho doanh nghiệp, trang trại.',
    offers: ['solar', 'biomass'], needs: [] },
  { key: 'vat-lieu-hoanh-son', name: 'Công ty Cổ phần Vật liệu Mới Hoành Sơn', kind: 'ENTERPRISE', province: 'ha-tinh', website: true,
    description: 'Sản xuất gạch không nung, bê tông nhẹ và vật liệu composite từ phụ phẩm công nghiệp.',
    offers: ['building', 'composite'], needs: [] },
  { key: 'thiet-bi-y-te-minh-an', name: 'Công ty TNHH Thiết bị Y tế Minh An', kind: 'ENTERPRISE', province: 'ha-noi', website: true,
    description: 'Nghiên cứu, sản xuất thiết bị theo dõi bệnh nhân và phần mềm y tế cho bệnh viện tuyến tỉnh, huyện.',
    offers: ['meddev', 'clinical'], needs: [] },
  { key: 'vi-sinh-dat-lanh', name: 'Công ty Cổ phần Công nghệ Vi sinh Đất Lành', kind: 'ENTERPRISE', province: 'dong-thap', website: true,
    description: 'Sản xuất chế phẩm vi sinh cho trồng trọt, thủy sản, chăn nuôi và xử lý phụ phẩm nông nghiệp.',
    offers: ['biofert', 'aquabio', 'waste', 'livestock'], needs: [] },
  { key: 'tu-dong-hoa-truong-thanh', name: 'Công ty TNHH Tự động hóa Trường Thành', kind: 'ENTERPRISE', province: 'bac-ninh', website: true,
    description: 'Tích hợp hệ thống tự động hóa, robot và giám sát sản xuất cho nhà máy điện tử, cơ khí.',
    offers: ['iiot', 'machinery', 'vision'], needs: [] },
  { key: 'che-bien-an-khang', name: 'Công ty TNHH Công nghệ Chế biến An Khang', kind: 'ENTERPRISE', province: 'ho-chi-minh', website: true,
    description: 'Cung cấp công nghệ và dây chuyền chế biến, thanh trùng, đóng gói thực phẩm cho doanh nghiệp vừa và nhỏ.',
    offers: ['foodproc', 'drying', 'machinery'], needs: [] },
  { key: 'hoa-chat-lac-hong', name: 'Công ty Cổ phần Hóa chất Ứng dụng Lạc Hồng', kind: 'ENTERPRISE', province: 'dong-nai', website: true,
    description: 'Nghiên cứu và sản xuất hóa chất chuyên dụng, phụ gia dệt nhuộm và vật liệu nano ứng dụng.',
    offers: ['chem', 'textile', 'nano'], needs: [] },

  // Companies with needs
  { key: 'nong-san-my-thuan', name: 'Công ty TNHH Nông sản Xuất khẩu Mỹ Thuận', kind: 'ENTERPRISE', province: 'vinh-long', website: true,
    description: 'Thu mua, đóng gói và xuất khẩu trái cây tươi sang thị trường châu Á và châu Âu.',
    focus: ['thanh long', 'sầu riêng', 'bơ', 'xoài', 'bưởi', 'nhãn', 'chanh leo', 'nông sản', 'mango', 'durian', 'avocado', 'pomelo', 'dragon', 'produce'],
    offers: [], needs: ['coldchain', 'postharvest', 'drying', 'software'] },
  { key: 'thuy-san-sao-bien', name: 'Công ty Cổ phần Chế biến Thủy sản Sao Biển', kind: 'ENTERPRISE', province: 'ca-mau', website: true,
    description: 'Chế biến tôm đông lạnh và hàng giá trị gia tăng xuất khẩu, liên kết với các hợp tác xã nuôi tôm.',
    focus: ['thủy sản', 'tôm', 'nước mắm', 'seafood', 'shrimp', 'fish sauce'],
    offers: [], needs: ['wastewater', 'foodproc', 'vision', 'coldchain'] },
  { key: 'hat-dieu-dong-xoai', name: 'Công ty TNHH Chế biến Hạt điều Đồng Xoài', kind: 'ENTERPRISE', province: 'dong-nai', website: true,
    description: 'Chế biến hạt điều nhân xuất khẩu, công suất khoảng 8.000 tấn hạt thô mỗi năm.',
    focus: ['hạt điều', 'cashew', 'nhà xưởng', 'factory'],
    offers: [], needs: ['vision', 'machinery', 'biomass', 'solar'] },
  { key: 'go-tan-phu-gia', name: 'Công ty Cổ phần Gỗ Nội thất Tân Phú Gia', kind: 'ENTERPRISE', province: 'gia-lai', website: true,
    description: 'Sản xuất đồ gỗ nội, ngoại thất từ gỗ rừng trồng cho thị trường xuất khẩu.',
    focus: ['gỗ', 'mùn cưa', 'furniture', 'máy nén khí', 'băng tải', 'conveyor'],
    offers: [], needs: ['forestry', 'biomass', 'iiot'] },
  { key: 'det-nhuom-phu-thinh', name: 'Công ty TNHH Dệt nhuộm Phú Thịnh', kind: 'ENTERPRISE', province: 'tay-ninh',
    description: 'Dệt và nhuộm vải cotton, polyester cho các xưởng may xuất khẩu.',
    focus: ['vải', 'dệt', 'textile', 'woven', 'nhà xưởng', 'factory'],
    offers: [], needs: ['textile', 'wastewater', 'solar'] },
  { key: 'chan-nuoi-doi-xanh', name: 'Công ty Cổ phần Chăn nuôi Đồi Xanh', kind: 'ENTERPRISE', province: 'phu-tho', website: true,
    description: 'Chăn nuôi lợn và gà theo chuỗi khép kín, có trại giống và cơ sở giết mổ.',
    focus: ['lợn', 'gà', 'phân chuồng', 'giết mổ', 'chăn nuôi', 'trang trại', 'slaughter', 'pig', 'livestock'],
    offers: [], needs: ['livestock', 'vetvax', 'waste'] },
  { key: 'banh-keo-hoa-sen', name: 'Công ty Cổ phần Bánh kẹo Hoa Sen Vàng', kind: 'ENTERPRISE', province: 'hai-phong', website: true,
    description: 'Sản xuất bánh kẹo, mứt tết và đồ ăn vặt cho thị trường trong nước.',
    focus: ['nước ép', 'tương ớt', 'nước cốt dừa', 'dây chuyền đóng gói', 'lịch sản xuất', 'tồn kho', 'bánh', 'juice', 'chili sauce', 'coconut', 'packing'],
    offers: [], needs: ['foodproc', 'iiot', 'machinery', 'optim'] },
  { key: 'ca-phe-doi-nang', name: 'Công ty TNHH Cà phê Đồi Nắng', kind: 'ENTERPRISE', province: 'dak-lak',
    description: 'Trồng, sơ chế và rang xay cà phê đặc sản, liên kết với khoảng 300 nông hộ.',
    focus: ['cà phê', 'coffee', 'chất lượng'],
    offers: [], needs: ['biofert', 'software', 'photonics'] },
  { key: 'xay-dung-anh-duong', name: 'Công ty Cổ phần Đầu tư Xây dựng Ánh Dương Miền Trung', kind: 'ENTERPRISE', province: 'quang-ngai', website: true,
    description: 'Thi công hạ tầng giao thông, thủy lợi và nhà xưởng tại các tỉnh miền Trung.',
    focus: ['sạt lở', 'tro bay', 'xỉ', 'cát biển', 'phế thải'],
    offers: [], needs: ['building', 'geohazard'] },
  { key: 'benh-vien-tam-phuc', name: 'Bệnh viện Đa khoa Tâm Phúc', kind: 'ENTERPRISE', province: 'nghe-an', website: true,
    description: 'Bệnh viện tư nhân 250 giường, đang mở rộng khoa hồi sức và trung tâm xét nghiệm.',
    focus: ['bệnh', 'máy', 'bơm', 'đột quỵ', 'đái tháo đường', 'tăng huyết áp'],
    offers: [], needs: ['meddev', 'diagnostics', 'clinical'] },
  { key: 'tra-doi-suong', name: 'Công ty TNHH Trà Đồi Sương', kind: 'ENTERPRISE', province: 'thai-nguyen',
    description: 'Sản xuất và chế biến chè xanh, chè đặc sản; liên kết vùng nguyên liệu với các hộ trồng chè.',
    focus: ['chè', 'trà', 'nông sản', 'produce'],
    offers: [], needs: ['biofert', 'software', 'machinery'] },
  { key: 'nuoc-mam-dong-hai', name: 'Công ty TNHH Nước mắm Đông Hải', kind: 'ENTERPRISE', province: 'quang-tri',
    description: 'Sản xuất nước mắm truyền thống ủ chượp thùng gỗ, đang mở rộng sang kênh siêu thị.',
    focus: ['nước mắm', 'fish sauce', 'thủy sản', 'seafood'],
    offers: [], needs: ['foodproc', 'wastewater'] },
  { key: 'bao-bi-kim-long', name: 'Công ty TNHH Bao bì Xanh Kim Long', kind: 'ENTERPRISE', province: 'hung-yen', website: true,
    description: 'Sản xuất túi, màng và khay nhựa cho ngành thực phẩm và bán lẻ.',
    focus: ['túi', 'khay', 'màng', 'bao bì', 'hộp', 'mực in'],
    offers: [], needs: ['composite', 'nano', 'chem'] },
  { key: 'nong-nghiep-phat-dat-loi', name: 'Công ty TNHH Thương mại Nông nghiệp Phát Đạt Lợi', kind: 'ENTERPRISE', province: 'dong-thap', unverified: true,
    description: 'Kinh doanh vật tư nông nghiệp.',
    offers: [], needs: [] },

  // Intermediaries
  { key: 'ket-noi-song-tien', name: 'Trung tâm Kết nối Cung Cầu Công nghệ Sông Tiền', kind: 'INTERMEDIARY', province: 'dong-thap', website: true,
    description: 'Tổ chức trung gian hỗ trợ doanh nghiệp, hợp tác xã tìm công nghệ, lập hồ sơ và đàm phán chuyển giao.',
    offers: ['techconsult'], needs: [] },
  { key: 'shtt-thien-an', name: 'Công ty Luật TNHH Sở hữu Trí tuệ Thiên Ân', kind: 'INTERMEDIARY', province: 'ha-noi', website: true,
    description: 'Đại diện sở hữu công nghiệp, tư vấn bảo hộ sáng chế, định giá và hợp đồng chuyển giao công nghệ.',
    offers: ['techconsult'], needs: [] },
  { key: 'vuon-uom-dat-to', name: 'Vườn ươm Doanh nghiệp Công nghệ Đất Tổ', kind: 'INTERMEDIARY', province: 'phu-tho', website: true,
    description: 'Ươm tạo doanh nghiệp khởi nghiệp công nghệ, hỗ trợ hoàn thiện sản phẩm và kết nối nhà đầu tư.',
    offers: ['techconsult', 'edu'], needs: [] },
  { key: 'hiep-hoi-cong-nghiep-bien-hoa', name: 'Hiệp hội Doanh nghiệp Công nghiệp Hỗ trợ Biên Hòa', kind: 'INTERMEDIARY', province: 'dong-nai', unverified: true,
    description: 'Đại diện hơn 120 doanh nghiệp cơ khí, nhựa, điện tử; tổng hợp nhu cầu đổi mới công nghệ của hội viên.',
    offers: [], needs: ['iiot', 'wastewater', 'solar'] },

  // Investors
  { key: 'quy-hat-giong-xanh', name: 'Quỹ Đầu tư Đổi mới Sáng tạo Hạt Giống Xanh', kind: 'INVESTOR', province: 'ho-chi-minh', website: true,
    description: 'Quỹ đầu tư giai đoạn đầu vào doanh nghiệp công nghệ nông nghiệp, môi trường và thực phẩm.',
    offers: [], needs: [] },
  { key: 'dau-tu-thien-thanh', name: 'Công ty Cổ phần Đầu tư Thiên Thanh', kind: 'INVESTOR', province: 'ha-noi', website: true,
    description: 'Đầu tư góp vốn vào doanh nghiệp sản xuất thiết bị y tế, vật liệu mới và tự động hóa.',
    offers: [], needs: [] },
  { key: 'quy-khoi-nghiep-mekong', name: 'Quỹ Khởi nghiệp Nông nghiệp Xanh Mekong', kind: 'INVESTOR', province: 'can-tho', unverified: true,
    description: 'Quỹ tác động hỗ trợ vốn và cố vấn cho các dự án nông nghiệp thích ứng biến đổi khí hậu ở đồng bằng.',
    offers: [], needs: [] },

  // Government bodies
  { key: 'so-khcn-tay-ninh', name: 'Sở Khoa học và Công nghệ Tây Ninh', kind: 'GOVERNMENT', province: 'tay-ninh', website: true,
    description: 'Cơ quan quản lý nhà nước về khoa học và công nghệ của tỉnh, kiểm duyệt tin đăng và thẩm định hợp đồng chuyển giao trên sàn.',
    offers: [], needs: [] },
  { key: 'van-phong-san', name: 'Văn phòng Điều phối Sàn Giao dịch Công nghệ Techport', kind: 'GOVERNMENT', province: 'ha-noi', website: true,
    description: 'Đơn vị vận hành sàn, điều phối hoạt động kiểm duyệt giữa các sở và thống kê thị trường công nghệ.',
    offers: [], needs: [] },
  { key: 'bql-nncnc-lang-biang', name: 'Ban Quản lý Khu Nông nghiệp Công nghệ cao Lang Biang', kind: 'GOVERNMENT', province: 'lam-dong', website: true,
    description: 'Quản lý khu nông nghiệp công nghệ cao, thu hút doanh nghiệp và chuyển giao công nghệ cho nông dân vùng lân cận.',
    focus: ['bơ', 'dâu tây', 'khoai tây', 'rau', 'trạm bơm', 'kho lạnh', 'lan'],
    offers: [], needs: ['coldchain', 'seedlings', 'solar', 'biofert'] },
  { key: 'bql-cap-nuoc-cu-lao-minh', name: 'Ban Quản lý Dự án Cấp nước Nông thôn Cù Lao Minh', kind: 'GOVERNMENT', province: 'vinh-long',
    description: 'Chuẩn bị và quản lý các dự án cấp nước sạch cho vùng cù lao chịu ảnh hưởng xâm nhập mặn.',
    focus: ['nhiễm mặn', 'xâm nhập mặn', 'bờ sông', 'kênh rạch', 'phèn'],
    offers: [], needs: ['water', 'geohazard'] },
  { key: 'bql-rung-song-lo', name: 'Ban Quản lý Rừng phòng hộ Đầu nguồn Sông Lô', kind: 'GOVERNMENT', province: 'tuyen-quang',
    description: 'Quản lý, bảo vệ rừng phòng hộ đầu nguồn và hỗ trợ người dân trồng rừng sản xuất.',
    focus: ['sạt lở đất', 'lũ quét', 'keo', 'bạch đàn', 'mắc ca', 'tre'],
    offers: [], needs: ['geohazard', 'forestry', 'seedlings'] },

  // Cooperatives, farms and households
  { key: 'htx-thanh-long-tan-lap', name: 'Hợp tác xã Thanh long Ruột đỏ Tân Lập', kind: 'OTHER', province: 'tay-ninh',
    description: 'Hợp tác xã 86 thành viên, khoảng 140 ha thanh long đạt chứng nhận VietGAP.',
    focus: ['thanh long', 'dragon', 'hợp tác xã', 'trạm bơm'],
    offers: [], needs: ['coldchain', 'postharvest', 'solar'] },
  { key: 'htx-tom-nam-can', name: 'Hợp tác xã Nuôi tôm Công nghệ cao Năm Căn Xanh', kind: 'OTHER', province: 'ca-mau',
    description: 'Các hộ thành viên nuôi tôm thẻ trong ao lót bạt, cung cấp tôm nguyên liệu cho nhà máy chế biến.',
    focus: ['tôm', 'shrimp', 'hợp tác xã', 'trạm bơm'],
    offers: [], needs: ['aquaiot', 'aquabio', 'solar'] },
  { key: 'lo-say-ba-tam', name: 'Hộ kinh doanh Lò sấy Ba Tâm', kind: 'OTHER', province: 'dong-thap', unverified: true,
    description: 'Hộ gia đình sấy chuối, khoai lang bán cho thương lái.',
    focus: ['chuối', 'khoai lang', 'banana'],
    offers: [], needs: ['drying'] },
  { key: 'htx-rau-ben-loi', name: 'Hợp tác xã Rau sạch Bến Lội', kind: 'OTHER', province: 'hung-yen',
    description: 'Sản xuất rau an toàn trong nhà lưới, giao hàng cho bếp ăn trường học và siêu thị.',
    focus: ['rau', 'nông sản', 'hợp tác xã'],
    offers: [], needs: ['biofert', 'coldchain', 'software'] },
  { key: 'trang-trai-bo-sua-cao-nguyen', name: 'Trang trại Bò sữa Cao Nguyên Xanh', kind: 'OTHER', province: 'son-la',
    description: 'Trang trại gia đình nuôi khoảng 300 bò sữa, bán sữa tươi cho nhà máy.',
    focus: ['bò sữa', 'phân chuồng', 'trang trại', 'livestock'],
    offers: [], needs: ['livestock', 'waste', 'solar'] },
  { key: 'htx-duoc-lieu-dinh-may', name: 'Hợp tác xã Dược liệu Đỉnh Mây', kind: 'OTHER', province: 'quang-ngai',
    description: 'Trồng và sơ chế dược liệu dưới tán rừng cùng đồng bào các xã vùng cao.',
    focus: ['sâm', 'đinh lăng', 'gừng', 'nghệ', 'cà gai leo', 'dược liệu', 'trà hoa vàng'],
    offers: [], needs: ['herbal', 'drying', 'seedlings'] },
  { key: 'htx-nuoi-bien-hon-lon', name: 'Hợp tác xã Nuôi biển Hòn Lớn', kind: 'OTHER', province: 'khanh-hoa',
    description: 'Nuôi cá biển và hàu trong lồng bè, đang chuyển sang lồng HDPE chịu sóng.',
    focus: ['cá chẽm', 'cá bớp', 'hàu'],
    offers: [], needs: ['aquaseed', 'aquaiot'] },
  { key: 'htx-lua-binh-thanh', name: 'Hợp tác xã Dịch vụ Nông nghiệp Bình Thạnh', kind: 'OTHER', province: 'an-giang',
    description: 'Làm dịch vụ làm đất, bơm tưới, thu hoạch lúa cho khoảng 600 ha của xã viên.',
    focus: ['lúa', 'rơm rạ', 'trấu'],
    offers: [], needs: ['farmmech', 'waste', 'biofert'] },
];

// ---------------------------------------------------------------------------------------------
// People

export const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Mai', 'Lâm'];
export const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Hoài', 'Bảo'];
export const MIDDLE_M = ['Văn', 'Hữu', 'Minh', 'Đức', 'Quốc', 'Thanh', 'Gia'];
export const GIVEN_F = ['Lan', 'Hương', 'Thảo', 'Mai', 'Nhung', 'Trang', 'Hạnh', 'Vy', 'Yến', 'Ngân', 'Thủy', 'Linh', 'Hà', 'Quyên', 'Oanh', 'Châu'];
export const GIVEN_M = ['Hùng', 'Minh', 'Tuấn', 'Dũng', 'Phúc', 'Khoa', 'Long', 'Sơn', 'Quân', 'Hiếu', 'Đạt', 'Bình', 'Nam', 'Phong', 'Tín', 'Khải'];

export const EXPERTS: ExpertSpec[] = [
  { key: 'exp-nguyen-thi-lan', fullName: 'Nguyễn Thị Lan', title: 'PGS.TS.', female: true, orgKey: 'vien-sinh-hoc', member: true, domains: ['biofert', 'seedlings'], province: 'can-tho', years: 22 },
  { key: 'exp-tran-quoc-dung', fullName: 'Trần Quốc Dũng', title: 'TS.', female: false, orgKey: 'vien-sau-thu-hoach', member: true, domains: ['drying', 'coldchain'], province: 'ho-chi-minh', years: 18 },
  { key: 'exp-le-hoang-phuc', fullName: 'Lê Hoàng Phúc', title: 'ThS.', female: false, orgKey: 'vien-thuy-san', member: true, domains: ['aquaiot', 'aquabio'], province: 'ca-mau', years: 12 },
  { key: 'exp-pham-thu-huong', fullName: 'Phạm Thu Hương', title: 'PGS.TS.', female: true, orgKey: 'vien-nuoc-moi-truong', member: true, domains: ['wastewater', 'water'], province: 'ha-noi', years: 25 },
  { key: 'exp-hoang-minh-tuan', fullName: 'Hoàng Minh Tuấn', title: 'TS.', female: false, orgKey: 'vien-vat-lieu', member: true, domains: ['nano', 'composite'], province: 'ha-noi', years: 15 },
  { key: 'exp-dang-ngoc-mai', fullName: 'Đặng Ngọc Mai', title: 'TS. DS.', female: true, orgKey: 'vien-duoc-lieu', member: true, domains: ['herbal'], province: 'lam-dong', years: 14 },
  { key: 'exp-vu-duc-thang', fullName: 'Vũ Đức Thắng', title: 'PGS.TS.', female: false, orgKey: 'vien-thu-y', member: true, domains: ['vetvax', 'livestock'], province: 'bac-ninh', years: 27 },
  { key: 'exp-bui-thanh-son', fullName: 'Bùi Thanh Sơn', title: 'KS.', female: false, orgKey: 'vien-nang-luong', member: true, domains: ['solar', 'biomass'], province: 'khanh-hoa', years: 16 },
  { key: 'exp-do-van-khoa', fullName: 'Đỗ Văn Khoa', title: 'TS.', female: false, orgKey: 'vien-dia-ky-thuat', member: true, domains: ['geohazard', 'building'], province: 'lao-cai', years: 20 },
  { key: 'exp-ngo-thi-hanh', fullName: 'Ngô Thị Hạnh', title: 'TS. BS.', female: true, orgKey: 'vien-y-sinh', member: true, domains: ['diagnostics', 'clinical'], province: 'ho-chi-minh', years: 17 },
  { key: 'exp-truong-gia-bao', fullName: 'Trương Gia Bảo', title: 'TS.', female: false, orgKey: 'vien-toan-ung-dung', member: true, domains: ['optim', 'vision'], province: 'ha-noi', years: 11 },
  { key: 'exp-lam-quoc-viet', fullName: 'Lâm Quốc Việt', title: 'PGS.TS.', female: false, orgKey: 'dh-duyen-hai', member: true, domains: ['machinery', 'iiot'], province: 'hai-phong', years: 21 },
  { key: 'exp-ho-thu-trang', fullName: 'Hồ Thị Thu Trang', title: 'TS.', female: true, orgKey: 'dh-nong-lam-dai-ngan', member: true, domains: ['seedlings', 'forestry'], province: 'dak-lak', years: 13 },
  { key: 'exp-duong-minh-nhat', fullName: 'Dương Minh Nhật', title: 'TS.', female: false, orgKey: 'dh-bach-khoa-song-han', member: true, domains: ['vision', 'iiot'], province: 'da-nang', years: 10 },
  { key: 'exp-chau-ngoc-yen', fullName: 'Châu Ngọc Yến', title: 'PGS.TS.', female: true, orgKey: 'dh-thuc-pham-gia-dinh', member: true, domains: ['foodproc', 'postharvest'], province: 'ho-chi-minh', years: 19 },
  { key: 'exp-mai-van-loc', fullName: 'Mai Văn Lộc', title: 'KS.', female: false, orgKey: 'co-khi-binh-minh', member: true, domains: ['machinery', 'farmmech'], province: 'dong-nai', years: 24 },
  { key: 'exp-ly-thanh-tam', fullName: 'Lý Thanh Tâm', title: 'ThS.', female: true, orgKey: 'ket-noi-song-tien', member: true, domains: ['techconsult'], province: 'dong-thap', years: 9 },
  { key: 'exp-phan-huu-nghia', fullName: 'Phan Hữu Nghĩa', title: 'LS.', female: false, orgKey: 'shtt-thien-an', member: true, domains: ['techconsult'], province: 'ha-noi', years: 15 },
  { key: 'exp-ta-quang-huy', fullName: 'Tạ Quang Huy', title: 'KS.', female: false, orgKey: null, member: false, domains: ['wastewater', 'waste'], province: 'dong-nai', years: 30 },
  { key: 'exp-vo-thi-kim-ngan', fullName: 'Võ Thị Kim Ngân', title: 'ThS.', female: true, orgKey: null, member: false, domains: ['software', 'edu'], province: 'can-tho', years: 8 },
  { key: 'exp-huynh-tan-phat', fullName: 'Huỳnh Tấn Phát', title: 'TS.', female: false, orgKey: null, member: false, domains: ['coldchain', 'postharvest'], province: 'dong-thap', years: 26 },
  { key: 'exp-dinh-thi-quyen', fullName: 'Đinh Thị Quyên', title: 'TS.', female: true, orgKey: 'dh-det-may-thanh-nam', member: true, domains: ['textile', 'chem'], province: 'ninh-binh', years: 16, pending: true },
  { key: 'exp-kieu-anh-quan', fullName: 'Kiều Anh Quân', title: 'ThS.', female: false, orgKey: null, member: false, domains: ['solar', 'iiot'], province: 'ha-noi', years: 7, pending: true },
  { key: 'exp-trinh-xuan-bach', fullName: 'Trịnh Xuân Bách', title: 'BS.CKII', female: false, orgKey: 'dh-y-duoc-co-do', member: true, domains: ['clinical', 'meddev'], province: 'hue', years: 23, pending: true },
];

export const EXPERT_SERVICES_VI = [
  'Tư vấn lựa chọn công nghệ {x}',
  'Đánh giá mức sẵn sàng công nghệ (TRL) và thẩm định hồ sơ chuyển giao',
  'Khảo sát hiện trạng và đề xuất phương án đổi mới công nghệ',
  'Đào tạo vận hành, chuyển giao quy trình kỹ thuật',
  'Xây dựng đề xuất dự án xin hỗ trợ từ chương trình đổi mới công nghệ',
  'Phản biện thiết kế và giám sát chạy thử',
];

// ---------------------------------------------------------------------------------------------
// Hand-written listings: needs and offers that plainly match across vocabulary, English samples,
// investors' asks, and listings a moderator sent back.

export const HAND_LISTINGS: HandListing[] = [
  // Dragon fruit that must survive a month at sea
  {
    key: 'hand-d-thanh-long-container', orgKey: 'htx-thanh-long-tan-lap', kind: 'DEMAND', language: 'vi', daysAgo: 6,
    title: 'Giữ thanh long ruột đỏ tươi hơn một tháng để đi container sang châu Âu',
    summary: 'Hợp tác xã muốn gửi thanh long bằng tàu biển thay máy bay, nhưng hàng đi gần một tháng tới nơi bị héo tai, thối đầu quả.',
    description:
      'Hợp tác xã có khoảng 140 ha thanh long ruột đỏ, mỗi tuần vào vụ thu chừng 60–80 tấn. Khách ở Hà Lan và Đức muốn lấy hàng đều quanh năm nhưng chỉ chịu giá nếu đi tàu biển; tuyến tàu mất 28–32 ngày. Hai lô thử năm ngoái, chúng tôi chỉ để trong kho mát rồi đóng container lạnh: tới nơi tai quả héo quắt, vàng, nhiều trái thối ở đầu cuống, khách trừ gần 40% giá trị. Đi máy bay thì giữ được nhưng cước quá đắt, lời không còn. ' +
      'Chúng tôi cần ai đó chỉ cách xử lý quả từ lúc hái tới lúc lên container, và nếu cần thì làm thêm kho hoặc thiết bị, để tới nơi quả còn tươi, tai xanh, không dùng hóa chất bị cấm. Mong có người đến tận vườn, làm thử với một container trước. Ngân sách cho cả kho và quy trình khoảng 2,5 tỷ đồng.',
    fieldCodes: ['407', '211'], keywords: ['thanh long xuất khẩu', 'giữ tươi lâu', 'đi tàu biển', 'héo tai', 'thối đầu quả', 'container lạnh'],
    trl: 7, transferModes: ['TURNKEY', 'TECHNICAL_SERVICE'], ipStatus: null, priceMin: null, priceMax: 2_500_000_000,
  },
  {
    key: 'hand-o-thanh-long-quy-trinh', orgKey: 'vien-sau-thu-hoach', kind: 'OFFER', language: 'vi', daysAgo: 41,
    title: 'Quy trình xử lý sau thu hoạch thanh long cho vận chuyển đường biển 35–45 ngày',
    summary: 'Chuỗi xử lý gồm hái đúng độ chín, xử lý nước nóng, phủ màng, tiền làm lạnh và bảo quản khí quyển điều chỉnh giúp thanh long giữ tai xanh, ít thối sau hơn một tháng.',
    description:
      'Quy trình được hoàn thiện qua bốn đợt xuất khẩu thử nghiệm bằng container lạnh. Quả được thu hái ở 28–32 ngày sau nở hoa, vận chuyển về nhà đóng gói trong vòng 6 giờ. Tại nhà đóng gói, quả được nhúng nước nóng 46–48°C trong 20 phút để diệt nấm gây thối cuống và ruồi đục quả, làm ráo, rồi phủ màng chitosan kết hợp sáp thực vật để giảm mất nước qua tai. ' +
      'Sau khi tiền làm lạnh cưỡng bức xuống 6–8°C, quả được đóng thùng có túi điều chỉnh khí và xếp vào container hoặc kho có kiểm soát O₂ 3–5%, CO₂ dưới 5%. Kết quả: sau 40 ngày, hơn 92% quả đạt loại 1, tai còn xanh, tỷ lệ thối dưới 3%. Viện chuyển giao quy trình, hướng dẫn cải tạo nhà đóng gói và đồng hành trong ba lô hàng đầu tiên.',
    specification: 'Nhiệt độ xử lý nước nóng 46–48°C, 20 phút.\nMàng phủ chitosan 1% + sáp carnauba, dày khoảng 10 µm.\nBảo quản 5–7°C, O₂ 3–5%, CO₂ < 5%, độ ẩm 90–95%.\nThời gian giữ chất lượng 35–45 ngày.',
    advantages: 'Không dùng hóa chất bảo quản bị hạn chế ở châu Âu.\nChuyển được hàng từ máy bay sang tàu biển, chi phí vận chuyển giảm nhiều lần.\nÁp dụng được cho các nhà đóng gói sẵn có.',
    fieldCodes: ['407', '211', '204'], keywords: ['bảo quản sau thu hoạch', 'thanh long', 'xử lý nước nóng', 'màng bao chitosan', 'container CA', 'xuất khẩu đường biển'],
    trl: 8, transferModes: ['LICENSING', 'TECHNICAL_SERVICE'], ipStatus: 'KNOW_HOW', priceMin: 350_000_000, priceMax: 600_000_000,
  },
  {
    key: 'hand-o-kho-ca-cai-tao', orgKey: 'say-lanh-vam-co', kind: 'OFFER', language: 'vi', daysAgo: 75,
    title: 'Kho lạnh CA lắp ghép, cải tạo từ kho mát có sẵn cho trái cây xuất khẩu',
    summary: 'Bổ sung bộ kín khí, máy tạo nitơ, bộ hấp thụ CO₂ và tủ điều khiển để biến kho mát thường thành kho khí quyển điều chỉnh, giữ trái cây tươi lâu gấp 2–3 lần.',
    description:
      'Nhiều hợp tác xã đã có kho mát 50–200 tấn nhưng chỉ giữ được trái cây 2–3 tuần. Chúng tôi khảo sát kho hiện có, xử lý lại các mối nối panel, thay cửa kín khí và lắp cụm điều chỉnh khí gồm máy tạo nitơ màng, bộ hấp thụ CO₂ than hoạt tính, bộ lọc xúc tác ethylene và cảm biến khí. ' +
      'Tủ điều khiển giữ O₂, CO₂ và nhiệt độ theo công thức cho từng loại quả (thanh long, sầu riêng, bơ, xoài), gửi cảnh báo qua điện thoại. Đã cải tạo 9 kho tại Tây Ninh, Đồng Tháp và Vĩnh Long từ năm 2022; chi phí chỉ bằng khoảng 45–55% làm kho CA mới cùng sức chứa.',
    specification: 'Sức chứa 50–300 tấn.\nO₂ 1,5–21%, CO₂ 0–10%, nhiệt độ 2–13°C (±0,5°C).\nĐộ kín sau cải tạo: thời gian bán giảm áp ≥ 20 phút.\nThời gian thi công 4–6 tuần.',
    advantages: 'Tận dụng kho cũ, giảm vốn đầu tư.\nBảo hành 24 tháng, kỹ thuật viên có mặt trong 48 giờ.\nCông thức bảo quản cho từng loại quả được cập nhật từ xa.',
    fieldCodes: ['407', '202'], keywords: ['kho lạnh CA', 'cải tạo kho mát', 'khí quyển điều chỉnh', 'bảo quản trái cây', 'xuất khẩu'],
    trl: 9, transferModes: ['TURNKEY', 'EQUIPMENT_SUPPLY'], ipStatus: 'UTILITY_SOLUTION', priceMin: 900_000_000, priceMax: 2_200_000_000,
  },
  {
    key: 'hand-o-coating-en', orgKey: 'vien-sinh-hoc', kind: 'OFFER', language: 'en', daysAgo: 120,
    title: 'Edible chitosan–silica coating extending the shelf life of tropical fruit',
    summary: 'A food-grade coating applied by spraying or dipping that slows water loss and stem-end rot, adding two to three weeks of shelf life to dragon fruit, mango and pomelo.',
    description:
      'The coating combines low-molecular chitosan from shrimp shells with nano-silica and a plant wax emulsion. Applied at the packhouse after washing, it forms a thin semi-permeable film that reduces weight loss and gas exchange, while chitosan suppresses the fungi behind stem-end rot. ' +
      'In trials with dragon fruit from Tay Ninh and mango from Dong Thap, coated fruit stored at 10°C kept marketable quality 18–21 days longer than untreated controls. The institute licenses the formulation and production process and trains packhouse staff; the coating can be produced locally from seafood by-products.',
    specification: 'Film thickness 5–12 µm after drying.\nDose: about 1 L of emulsion per 100 kg of fruit.\nShelf life of the emulsion: 6 months at ambient temperature.',
    advantages: 'Replaces synthetic fungicides after harvest.\nMade from local seafood by-products.\nWorks with existing washing and packing lines.',
    fieldCodes: ['407', '210', '406'], keywords: ['post-harvest', 'edible coating', 'chitosan', 'shelf life', 'dragon fruit', 'mango'],
    trl: 7, transferModes: ['LICENSING', 'TECHNICAL_SERVICE'], ipStatus: 'PATENT_PENDING', priceMin: 250_000_000, priceMax: 500_000_000,
  },

  // Shrimp dying before dawn
  {
    key: 'hand-d-ao-tom-chet-sang', orgKey: 'htx-tom-nam-can', kind: 'DEMAND', language: 'vi', daysAgo: 3, plain: true,
    title: 'Ao tôm hay bị chết lúc gần sáng, cần thiết bị báo động cho các hộ',
    summary: 'Hợp tác xã có 34 ao lót bạt, nhiều lần sáng ra tôm nổi đầu chết cả ao; muốn có máy báo về điện thoại và tự mở quạt.',
    description:
      'Hợp tác xã có 34 ao lót bạt của 11 hộ, mỗi ao chừng 1.500 m², nuôi tôm thẻ mật độ cao. Mấy tháng nay có 5 ao bị tôm nổi đầu rồi chết gần hết vào khoảng 3–5 giờ sáng, nhất là những đêm trời âm u, không có gió. Người trông ao ngủ quên hoặc thấy trễ, lúc chạy ra mở quạt thì đã muộn. Đo nước bằng bộ test thì chỉ đo được sáng chiều. ' +
      'Chúng tôi cần thiết bị gắn ở ao, báo về điện thoại khi nước có vấn đề, và tự bật quạt nước luôn khi có chuyện. Bà con lớn tuổi nên phải dễ dùng. Muốn làm thử 5 ao trước, mỗi ao không quá 15 triệu, nếu tốt thì làm hết các ao.',
    fieldCodes: ['405', '212'], keywords: ['tôm chết gần sáng', 'báo động ao tôm', 'tự bật quạt nước', 'thiếu khí', 'ao lót bạt'],
    trl: 7, transferModes: ['EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE'], ipStatus: null, priceMin: null, priceMax: 75_000_000,
  },
  {
    key: 'hand-o-iot-shrimp-en', orgKey: 'mekong-sens', kind: 'OFFER', language: 'en', daysAgo: 28,
    title: 'IoT water quality monitoring for shrimp ponds with automatic aerator control',
    summary: 'Solar-powered pond stations measure dissolved oxygen, pH, temperature and salinity every five minutes, call the farmer at night and switch aerators on before oxygen crashes.',
    description:
      'Each pond gets a floating station with an optical dissolved-oxygen probe, pH, temperature and salinity sensors, a small solar panel and a LoRa radio. A farm gateway forwards readings over 4G to a dashboard and a mobile app in Vietnamese and English. ' +
      'The controller drives up to eight aerators per pond: it starts them when oxygen falls below a threshold, and earlier on calm, overcast nights, when a short-term forecast predicts a pre-dawn drop. If the internet link fails, control continues locally. Alerts arrive as push messages and as automatic phone calls so that no one sleeps through them. ' +
      'Since 2023 the system has been installed on more than 400 ponds in Ca Mau, Can Tho and Khanh Hoa; farms report no suffocation losses since installation and 20–35% lower aerator electricity use.',
    specification: 'DO 0–20 mg/L (±0.2), pH 0–14 (±0.1), temperature 0–50°C, salinity 0–40 ppt.\nSampling interval 5 minutes; LoRa range up to 2 km.\nRelay outputs 8 × 30 A; IP66 housing; 100 W solar panel with 3-day battery.',
    advantages: 'Night-time alarms by phone call.\nOptical probes need no membrane changes.\nPrice per pond below VND 15 million for the basic kit.',
    fieldCodes: ['405', '212', '202'], keywords: ['water quality monitoring', 'shrimp ponds', 'dissolved oxygen', 'aerator control', 'IoT', 'night alarm'],
    trl: 9, transferModes: ['EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE'], ipStatus: 'COPYRIGHT', priceMin: 12_000_000, priceMax: 14_500_000,
  },
  {
    key: 'hand-o-cam-bien-do-vien', orgKey: 'vien-thuy-san', kind: 'OFFER', language: 'vi', daysAgo: 160,
    title: 'Cảm biến oxy hòa tan giá rẻ và quy trình vận hành quạt nước theo ngưỡng cho ao tôm thâm canh',
    summary: 'Viện chuyển giao thiết kế đầu đo oxy hòa tan điện hóa chế tạo trong nước cùng bộ ngưỡng vận hành quạt theo giai đoạn nuôi, giúp tránh thiếu oxy ban đêm.',
    description:
      'Đầu đo oxy hòa tan kiểu điện cực Clark được thiết kế lại với màng và dung dịch điện ly thay thế dễ dàng, giá thành bằng khoảng một phần năm đầu đo nhập khẩu. Bộ điều khiển đọc đầu đo mỗi phút, so với ngưỡng theo ngày tuổi của tôm và mật độ thả, tự đóng ngắt quạt nước, máy thổi khí. ' +
      'Quy trình kèm theo hướng dẫn bố trí quạt, lịch kiểm tra màng đầu đo và cách đọc xu hướng oxy để điều chỉnh lượng cho ăn. Mô hình 12 ao tại Cà Mau năm 2024 không xảy ra sự cố thiếu oxy, điện năng chạy quạt giảm 28%.',
    specification: 'Dải đo 0–20 mg/L, sai số ±0,3 mg/L.\nThay màng 3 tháng một lần.\nBộ điều khiển 4 kênh, cảnh báo bằng còi và tin nhắn SMS.',
    advantages: 'Giá thấp, phù hợp hộ nuôi nhỏ.\nLinh kiện thay thế có sẵn.\nQuy trình vận hành đã kiểm chứng qua hai vụ nuôi.',
    fieldCodes: ['405', '202'], keywords: ['oxy hòa tan', 'ao tôm', 'quạt nước', 'cảm biến giá rẻ', 'thiếu oxy ban đêm'],
    trl: 7, transferModes: ['LICENSING', 'TECHNICAL_SERVICE'], ipStatus: 'UTILITY_SOLUTION', priceMin: 150_000_000, priceMax: 300_000_000,
  },

  // Cashew kernel grading
  {
    key: 'hand-d-cashew-grading-en', orgKey: 'hat-dieu-dong-xoai', kind: 'DEMAND', language: 'en', daysAgo: 12,
    title: 'Looking for automated visual grading of cashew kernels (scorched, spotted, broken)',
    summary: 'Our plant sorts about 25 t of kernels a day by hand into export grades; we want a camera-based line that rejects scorched, spotted and broken kernels.',
    description:
      'We process around 8,000 t of raw cashew nuts a year. After peeling, about 90 workers sort kernels by hand on tables into white wholes, scorched, spotted and pieces. Sorting is our bottleneck, quality varies between shifts, and last year two containers were downgraded by the buyer after inspection. ' +
      'We are looking for a machine or a retrofit to our conveyors that can recognise colour defects, black spots and broken kernels and separate them into at least four outlets, about 3 t per hour per line. We would like to test with our own kernels before buying. Budget up to VND 3 billion for the first line, including installation and training.',
    fieldCodes: ['102', '212', '407'], keywords: ['cashew grading', 'optical sorting', 'defect detection', 'kernel quality', 'automation'],
    trl: 8, transferModes: ['EQUIPMENT_SUPPLY', 'TURNKEY'], ipStatus: null, priceMin: null, priceMax: 3_000_000_000,
  },
  {
    key: 'hand-o-ai-defect-en', orgKey: 'tam-nhin-so', kind: 'OFFER', language: 'en', daysAgo: 54,
    title: 'AI defect detection for food and agricultural products on conveyor lines',
    summary: 'Deep-learning inspection that sees colour defects, spots, cracks and foreign matter on kernels, beans, tiles or packs, and drives air ejectors on existing conveyors.',
    description:
      'The system pairs line-scan or area cameras with controlled lighting and an edge computer. Models are trained on the customer\u2019s own product: a few hundred labelled images per defect class are enough to start, and QC staff keep adding samples in a simple labelling tool. ' +
      'Typical deployments sort cashew kernels, coffee beans and rice by colour defects and breakage, and check printed packaging for misprints. Decisions take under 15 ms, so the inspection keeps up with 2–4 t/h per lane. Every rejection is stored with its image, giving the plant defect statistics per shift and supplier. ' +
      'We deliver as a retrofit kit or as a complete sorting machine built with a local engineering partner.',
    specification: 'Throughput 2–4 t/h per lane (granular products).\nDetects spots from 0.3 mm; above 97% accuracy on main classes.\nRuns offline; integrates with PLC over Modbus/TCP.',
    advantages: 'Starts with few samples.\nDefect data for root-cause analysis.\nLocal support and model retraining included in the first year.',
    fieldCodes: ['102', '212'], keywords: ['AI defect detection', 'machine vision', 'optical sorting', 'cashew', 'quality inspection'],
    trl: 8, transferModes: ['LICENSING', 'TURNKEY', 'TECHNICAL_SERVICE'], ipStatus: 'COPYRIGHT', priceMin: 900_000_000, priceMax: 2_800_000_000,
  },
  {
    key: 'hand-o-may-phan-loai-dieu', orgKey: 'co-khi-binh-minh', kind: 'OFFER', language: 'vi', daysAgo: 200,
    title: 'Máy phân loại màu hạt điều nhân 6 máng dùng camera và van thổi khí',
    summary: 'Máy tách hạt điều nhân bị sém, đốm, vỡ bằng camera màu tốc độ cao, năng suất 2–3 tấn/giờ, thay khoảng 40 công nhân lựa tay.',
    description:
      'Hạt điều nhân chạy trên 6 máng trượt, được chụp ở hai mặt bằng camera màu tốc độ cao. Phần mềm so màu và hình dạng để nhận ra hạt sém, hạt có đốm đen, hạt vỡ và vỏ lụa còn sót, rồi điều khiển van khí nén thổi hạt lỗi ra ngoài. ' +
      'Máy do công ty chế tạo, phần xử lý ảnh phối hợp với một nhóm nghiên cứu trong nước. Đã lắp cho 6 nhà máy ở Đồng Nai và Gia Lai; một nhà máy giảm từ 52 xuống 12 công nhân lựa hạt mỗi ca, tỷ lệ lô bị khách hạ cấp gần như không còn.',
    specification: 'Năng suất 2–3 tấn/giờ.\nSố máng 6; số van thổi 384.\nĐộ chính xác phân loại ≥ 98% với hạt sém.\nĐiện 220 V, 3,5 kW; khí nén 0,6–0,8 MPa.',
    advantages: 'Giá bằng khoảng một nửa máy nhập khẩu.\nPhụ tùng và kỹ thuật viên tại Đồng Nai.\nThay đổi tiêu chí phân loại trên màn hình tiếng Việt.',
    fieldCodes: ['203', '212', '407'], keywords: ['máy phân loại màu', 'hạt điều nhân', 'camera', 'lựa hạt', 'tự động hóa'],
    trl: 9, transferModes: ['EQUIPMENT_SUPPLY'], ipStatus: 'UTILITY_SOLUTION', priceMin: 1_200_000_000, priceMax: 1_650_000_000,
  },

  // Seafood processing wastewater
  {
    key: 'hand-d-nuoc-thai-tom', orgKey: 'thuy-san-sao-bien', kind: 'DEMAND', language: 'vi', daysAgo: 18,
    title: 'Nước thải xưởng chế biến tôm bốc mùi tanh, kết quả quan trắc vượt chuẩn',
    summary: 'Nhà máy tăng công suất nên hệ thống xử lý cũ quá tải, nước ra có mùi và chỉ tiêu đạm vượt; cần cải tạo trong lúc vẫn sản xuất.',
    description:
      'Nhà máy chế biến tôm đông lạnh của chúng tôi xả khoảng 600 m³ nước thải mỗi ngày, mùa cao điểm lên 900 m³. Hệ thống hiện có là bể lắng, bể sục khí và hồ sinh học làm từ năm 2012. Từ khi tăng công suất, nước ra đục, mùi tanh nồng lan sang khu dân cư, đợt quan trắc gần nhất amoni và tổng nitơ vượt nhiều lần. ' +
      'Chúng tôi cần đơn vị khảo sát, đề xuất cách tận dụng các bể cũ, làm thêm thiết bị để nước ra đạt quy chuẩn và hết mùi, thi công không làm dừng nhà máy. Đất trống còn khoảng 800 m². Dự kiến đầu tư không quá 8 tỷ đồng.',
    fieldCodes: ['207', '208'], keywords: ['nước thải chế biến tôm', 'bốc mùi', 'amoni vượt chuẩn', 'cải tạo hệ thống xử lý', 'quá tải'],
    trl: 8, transferModes: ['TURNKEY', 'CONSULTING'], ipStatus: null, priceMin: null, priceMax: 8_000_000_000,
  },
  {
    key: 'hand-o-seafood-wastewater-en', orgKey: 'moi-truong-song-xanh', kind: 'OFFER', language: 'en', daysAgo: 66,
    title: 'Compact wastewater treatment for seafood processing plants (DAF + MBBR + anoxic)',
    summary: 'Dissolved-air flotation, anoxic denitrification and moving-bed biofilm reactors treat high-protein, high-ammonia seafood effluent to national standards on a small footprint.',
    description:
      'Seafood processing water carries blood, protein, fat and high ammonia. Our train starts with fine screens and dissolved-air flotation to remove fats and suspended protein, continues with an anoxic tank and a two-stage moving-bed biofilm reactor for nitrification and denitrification, and ends with lamella settling and disinfection. ' +
      'Existing tanks are usually reused as equalisation or anoxic volume, and the upgrade is built while the factory keeps running. Odour is controlled by covering the flotation and sludge units. We have upgraded 14 plants in Ca Mau, Can Tho and Khanh Hoa; all pass periodic monitoring for COD, ammonia and total nitrogen.',
    specification: 'Capacity 300–2,000 m³/day.\nInlet COD up to 4,000 mg/L, ammonia up to 150 mg/L.\nFootprint about 0.5–0.8 m² per m³/day.\nPower 0.8–1.1 kWh/m³.',
    advantages: 'Reuses existing tanks.\nConstruction without stopping production.\nOperator training and 24 months of process support.',
    fieldCodes: ['207', '208'], keywords: ['wastewater treatment', 'seafood processing', 'MBBR', 'DAF', 'nitrogen removal', 'odour control'],
    trl: 9, transferModes: ['TURNKEY', 'TECHNICAL_SERVICE'], ipStatus: 'KNOW_HOW', priceMin: 3_500_000_000, priceMax: 9_000_000_000,
  },
  {
    key: 'hand-o-thieu-khi-hieu-khi', orgKey: 'vien-nuoc-moi-truong', kind: 'OFFER', language: 'vi', daysAgo: 230,
    title: 'Công nghệ thiếu khí – hiếu khí màng sinh học khử nitơ cao trong nước thải chế biến thủy sản',
    summary: 'Mô-đun giá thể sinh học cố định kết hợp tuần hoàn nội bộ khử amoni và nitơ tổng, nâng cấp được các bể sục khí cũ mà không phải xây mới.',
    description:
      'Nước thải chế biến thủy sản giàu đạm nên phương pháp bùn hoạt tính thông thường khó đạt chỉ tiêu nitơ. Viện phát triển mô-đun giá thể sợi cố định đặt trong bể hiện có, tạo vùng thiếu khí và hiếu khí xen kẽ; dòng tuần hoàn nội bộ đưa nitrat về vùng thiếu khí để khử thành khí nitơ, tận dụng chất hữu cơ sẵn có trong nước thải. ' +
      'Giải pháp được thử nghiệm ở quy mô 200 m³/ngày tại một nhà máy ở Cần Thơ trong 14 tháng: amoni đầu ra dưới 5 mg/L, tổng nitơ dưới 20 mg/L. Viện chuyển giao thiết kế, hướng dẫn lắp đặt và vận hành.',
    specification: 'Tải lượng nitơ 0,2–0,4 kg/m³/ngày.\nHiệu suất khử amoni > 95%, tổng nitơ > 80%.\nGiá thể sợi polyme tuổi thọ trên 10 năm.',
    advantages: 'Không cần bổ sung nguồn các-bon bên ngoài trong phần lớn trường hợp.\nLắp vào bể cũ.\nLượng bùn dư thấp.',
    fieldCodes: ['207', '208', '105'], keywords: ['khử nitơ', 'nước thải thủy sản', 'giá thể sinh học', 'thiếu khí hiếu khí', 'amoni'],
    trl: 7, transferModes: ['LICENSING', 'TECHNICAL_SERVICE'], ipStatus: 'PATENT_GRANTED', priceMin: 500_000_000, priceMax: 1_200_000_000,
  },

  // Burning straw in the fields
  {
    key: 'hand-d-rom-ra', orgKey: 'htx-lua-binh-thanh', kind: 'DEMAND', language: 'vi', daysAgo: 9, plain: true,
    title: 'Rơm rạ sau gặt đốt ngoài đồng bị nhắc nhở, muốn cách xử lý cho nhanh mà có ích',
    summary: 'Hợp tác xã 600 ha lúa, mỗi vụ rơm nhiều, bà con đốt cho nhanh để xuống giống; xã cấm đốt nên cần cách khác rẻ và nhanh.',
    description:
      'Hợp tác xã làm dịch vụ cho khoảng 600 ha lúa, mỗi năm ba vụ. Gặt xong chỉ có 10–15 ngày là phải xuống giống vụ sau nên bà con đốt rơm ngay tại ruộng cho nhanh. Năm nay xã cấm đốt vì khói bay lên đường và khu dân cư, mà để rơm lại thì cày không xuống, ruộng bị ngộ độc hữu cơ, lúa non vàng. ' +
      'Muốn biết có thuốc hay men gì xịt lên rơm cho mục nhanh trong khoảng hai tuần, hoặc máy gom rơm đem đi làm nấm, làm phân. Chi phí mỗi công ruộng phải thấp, bà con mới chịu làm. Có thể làm thử 20 ha vụ tới.',
    fieldCodes: ['208', '406', '407'], keywords: ['xử lý rơm rạ', 'đốt đồng', 'mục nhanh', 'ngộ độc hữu cơ', 'làm phân'],
    trl: null, transferModes: ['TECHNICAL_SERVICE', 'LICENSING'], ipStatus: null, priceMin: null, priceMax: 120_000_000,
  },
  {
    key: 'hand-o-che-pham-rom', orgKey: 'vi-sinh-dat-lanh', kind: 'OFFER', language: 'vi', daysAgo: 95,
    title: 'Chế phẩm phân giải rơm rạ tại ruộng trong 15–20 ngày, không cần đốt đồng',
    summary: 'Tổ hợp nấm Trichoderma và vi khuẩn phân giải cellulose phun trực tiếp lên rơm sau gặt, rơm mục nhanh, giảm ngộ độc hữu cơ cho lúa vụ sau.',
    description:
      'Sau khi gặt, rơm được rải đều trên mặt ruộng còn ẩm, phun chế phẩm pha nước với liều 1 kg/1.000 m², sau đó cho nước vào láng ruộng. Các chủng Trichoderma, Bacillus và xạ khuẩn phân giải cellulose làm rơm mềm, mục sau 15–20 ngày, dễ trục vùi; đồng thời đối kháng một số nấm bệnh tồn tại trong rơm. ' +
      'Mô hình 350 ha tại An Giang và Đồng Tháp trong ba vụ liên tiếp cho thấy lúa vụ sau ít bị vàng lá do ngộ độc hữu cơ, lượng phân đạm giảm khoảng 10%. Chi phí chế phẩm khoảng 60.000–80.000 đồng cho mỗi công ruộng.',
    specification: 'Mật độ vi sinh ≥ 10⁸ CFU/g.\nLiều dùng 1 kg/1.000 m².\nBảo quản 12 tháng nơi khô mát.',
    advantages: 'Chấm dứt đốt đồng, giảm khói bụi.\nTrả lại chất hữu cơ cho đất.\nChi phí thấp, dễ làm.',
    fieldCodes: ['208', '406', '401'], keywords: ['phân giải rơm rạ', 'chế phẩm vi sinh', 'Trichoderma', 'không đốt đồng', 'cải tạo đất'],
    trl: 9, transferModes: ['LICENSING', 'TECHNICAL_SERVICE'], ipStatus: 'PATENT_GRANTED', priceMin: 80_000_000, priceMax: 150_000_000,
  },
  {
    key: 'hand-o-cuon-rom-nam', orgKey: 'dh-nong-nghiep-song-hau', kind: 'OFFER', language: 'vi', daysAgo: 140,
    title: 'Mô hình cuộn rơm cơ giới để trồng nấm rơm và ủ phân hữu cơ cho hợp tác xã',
    summary: 'Quy trình gom rơm bằng máy cuộn kéo theo máy cày, trồng nấm rơm ngoài trời và ủ bã nấm thành phân hữu cơ, tạo thêm thu nhập từ phụ phẩm lúa.',
    description:
      'Máy cuộn rơm cỡ nhỏ gắn sau máy cày 35–50 mã lực, cuộn rơm thành kiện 15–20 kg ngay sau máy gặt, năng suất 1,5–2 ha/giờ. Rơm kiện được xử lý nước vôi và ủ đống rồi trồng nấm rơm theo luống ngoài trời hoặc trong nhà màng; sau 25–30 ngày thu nấm, bã nấm được phối trộn chế phẩm vi sinh và ủ thành phân hữu cơ bón lại cho ruộng. ' +
      'Nhà trường đã xây dựng mô hình cùng hai hợp tác xã ở An Giang; mỗi ha rơm cho thêm khoảng 8–12 triệu đồng từ nấm và phân. Chuyển giao quy trình, tập huấn và hỗ trợ liên kết đầu ra cho nấm.',
    specification: 'Máy cuộn: kiện 15–20 kg, năng suất 1,5–2 ha/giờ.\nNăng suất nấm rơm 1,2–1,8 kg/100 kg rơm khô.\nPhân hữu cơ sau 45 ngày ủ.',
    advantages: 'Biến rơm thành thu nhập.\nGiảm đốt đồng.\nTạo việc làm cho lao động nữ, lớn tuổi.',
    fieldCodes: ['407', '401', '209'], keywords: ['cuộn rơm', 'nấm rơm', 'phụ phẩm lúa', 'phân hữu cơ', 'hợp tác xã'],
    trl: 8, transferModes: ['TECHNICAL_SERVICE', 'CONSULTING'], ipStatus: 'KNOW_HOW', priceMin: 60_000_000, priceMax: 120_000_000,
  },

  // Banana drying without burnt batches
  {
    key: 'hand-d-lo-say-chuoi', orgKey: 'lo-say-ba-tam', kind: 'DEMAND', language: 'vi', daysAgo: 2, plain: true,
    title: 'Lò sấy chuối bằng củi hay bị khét, muốn đổi sang sấy điện mà sợ tốn điện',
    summary: 'Nhà làm chuối sấy và khoai lang sấy bằng lò củi, mẻ nào cũng có khay bị khét, khay còn ướt; muốn máy sấy điện nhưng lo hóa đơn tiền điện.',
    description:
      'Nhà tôi sấy chuối và khoai lang bán cho thương lái, mỗi mẻ khoảng 400 kg tươi, làm quanh năm. Lò xây gạch đốt củi, khay gần bếp thì khét, khay phía trên còn ướt, phải đảo khay suốt đêm. Chuối ra màu nâu sậm, có mùi khói, thương lái trả giá thấp. Củi mỗi năm một đắt. ' +
      'Nghe nói có máy sấy chạy điện giữ màu vàng đẹp mà tốn ít điện, nhưng không biết loại nào tốt, giá bao nhiêu, tiền điện mỗi mẻ hết bao nhiêu. Muốn có người tới xem chỗ, tư vấn, nếu được thì giữ lại cái vỏ lò cũ. Tiền có thể bỏ ra khoảng 250 triệu.',
    fieldCodes: ['407', '203'], keywords: ['lò sấy củi', 'chuối sấy bị khét', 'máy sấy điện', 'tốn điện', 'khoai lang sấy'],
    trl: 8, transferModes: ['EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE'], ipStatus: null, priceMin: null, priceMax: 250_000_000,
  },

  // Investors' asks
  {
    key: 'hand-d-quy-moi-truong', orgKey: 'quy-hat-giong-xanh', kind: 'DEMAND', language: 'vi', daysAgo: 33,
    title: 'Tìm doanh nghiệp công nghệ xử lý môi trường đã có khách hàng để góp vốn mở rộng',
    summary: 'Quỹ tìm doanh nghiệp có công nghệ xử lý nước thải, chất thải hữu cơ đã vận hành thực tế, doanh thu ổn định, cần vốn để mở rộng thị trường.',
    description:
      'Quỹ đầu tư giai đoạn đầu vào các doanh nghiệp công nghệ phục vụ nông nghiệp và môi trường. Chúng tôi đang tìm doanh nghiệp sở hữu hoặc được chuyển giao công nghệ xử lý nước thải, chất thải hữu cơ, tái chế phụ phẩm đã có ít nhất ba khách hàng trả tiền và hệ thống vận hành ổn định trên một năm. ' +
      'Mức đầu tư dự kiến 5–15 tỷ đồng mỗi thương vụ dưới hình thức góp vốn, kèm hỗ trợ quản trị, tài chính và kết nối khách hàng trong mạng lưới của quỹ. Ưu tiên công nghệ có bảo hộ sở hữu trí tuệ và đội ngũ kỹ thuật ổn định.',
    fieldCodes: ['501', '207'], keywords: ['đầu tư', 'góp vốn', 'công nghệ môi trường', 'xử lý nước thải', 'tái chế phụ phẩm'],
    trl: 8, transferModes: ['JOINT_VENTURE'], ipStatus: 'PATENT_GRANTED', priceMin: null, priceMax: 15_000_000_000,
  },
  {
    key: 'hand-d-thien-thanh-thiet-bi-y-te', orgKey: 'dau-tu-thien-thanh', kind: 'DEMAND', language: 'vi', daysAgo: 47,
    title: 'Tìm công nghệ thiết bị y tế sản xuất trong nước để đầu tư dây chuyền quy mô công nghiệp',
    summary: 'Nhà đầu tư muốn nhận chuyển nhượng hoặc góp vốn vào công nghệ thiết bị y tế đã có mẫu thử đạt chuẩn, để đầu tư nhà máy sản xuất hàng loạt.',
    description:
      'Công ty đang chuẩn bị dự án nhà máy thiết bị y tế tại một khu công nghiệp phía Bắc. Chúng tôi tìm các nhóm nghiên cứu, doanh nghiệp có thiết kế thiết bị (máy theo dõi bệnh nhân, bơm tiêm điện, máy thở, thiết bị chẩn đoán hình ảnh đơn giản) đã có mẫu thử đạt tiêu chuẩn an toàn điện và kết quả đánh giá tại bệnh viện. ' +
      'Hình thức hợp tác linh hoạt: nhận chuyển nhượng quyền sở hữu công nghệ, li-xăng độc quyền hoặc thành lập công ty chung. Ngân sách cho phần công nghệ tối đa 12 tỷ đồng, chưa gồm đầu tư nhà xưởng.',
    fieldCodes: ['206', '501'], keywords: ['đầu tư', 'thiết bị y tế', 'nhận chuyển nhượng', 'sản xuất hàng loạt', 'li-xăng độc quyền'],
    trl: 6, transferModes: ['ASSIGNMENT', 'LICENSING', 'JOINT_VENTURE'], ipStatus: 'PATENT_GRANTED', priceMin: null, priceMax: 12_000_000_000,
  },
  {
    key: 'hand-d-mekong-fund-en', orgKey: 'quy-khoi-nghiep-mekong', kind: 'DEMAND', language: 'en', daysAgo: 88,
    title: 'Seeking climate-adaptation agritech with field results in the Mekong Delta for seed investment',
    summary: 'An impact fund looks for technologies helping delta farmers cope with salinity, drought or floods, with at least one season of field results.',
    description:
      'We provide seed capital and mentoring to teams whose technology helps farmers in the Mekong Delta adapt to climate change: salt-tolerant varieties, brackish-water farming systems, low-cost desalination, water-saving irrigation, or early-warning tools for salinity intrusion. ' +
      'Applicants should have at least one season of field results with farmers or cooperatives and a clear plan to reach more users. Tickets range from VND 2 to 6 billion, as equity or convertible notes, with technical assistance for impact measurement. Teams from universities and institutes that plan a spin-off are welcome.',
    fieldCodes: ['501', '401', '105'], keywords: ['impact investment', 'climate adaptation', 'salinity intrusion', 'agritech', 'Mekong Delta'],
    trl: 6, transferModes: ['JOINT_VENTURE'], ipStatus: null, priceMin: null, priceMax: 6_000_000_000,
  },
  {
    key: 'hand-o-solar-cold-room-en', orgKey: 'dien-mat-troi-huong-duong', kind: 'OFFER', language: 'en', daysAgo: 19,
    title: 'Solar-powered cold room for vegetable and fruit collection points without reliable grid power',
    summary: 'A 10–30 m³ insulated cold room run by solar panels with thermal storage, keeping produce at 4–10°C overnight without diesel.',
    description:
      'Collection points in remote communes lose much of their produce in the hours between harvest and pick-up. Our cold room uses a DC inverter compressor powered directly by solar panels; during the day it freezes a phase-change thermal store that keeps the room cold through the night, so only a small battery is needed for controls. ' +
      'A remote monitoring unit reports temperature and energy over the mobile network. Twelve units have been installed in Lam Dong, Son La and Khanh Hoa since 2023, serving cooperatives that collect leafy vegetables, avocado and mango; losses during holding fell from about 20% to under 5%.',
    specification: 'Room volume 10–30 m³; 4–10°C setpoint.\nPV array 3–8 kWp; thermal store 40–120 kWh.\nRemote monitoring via 4G.',
    advantages: 'No diesel, no grid connection needed.\nModular, can be moved between seasons.\nLow running costs.',
    fieldCodes: ['202', '407'], keywords: ['solar cold room', 'off-grid cooling', 'post-harvest losses', 'thermal storage', 'collection point'],
    trl: 8, transferModes: ['EQUIPMENT_SUPPLY', 'TURNKEY'], ipStatus: 'UTILITY_SOLUTION', priceMin: 380_000_000, priceMax: 950_000_000,
  },

  // Listings a moderator sent back
  {
    key: 'hand-r-ban-phan-bo', orgKey: 'trang-trai-bo-sua-cao-nguyen', kind: 'OFFER', language: 'vi', daysAgo: 21, status: 'REJECTED',
    rejection: { reason: 'NOT_A_TECHNOLOGY', note: 'Tin đăng là chào bán hàng hóa (phân bò khô đóng bao), không mô tả công nghệ, quy trình hay bí quyết có thể chuyển giao. Đề nghị đăng trên kênh mua bán phù hợp, hoặc nếu trang trại có quy trình xử lý phân riêng thì mô tả quy trình đó và gửi lại.' },
    title: 'Bán phân bò khô đóng bao số lượng lớn, giao hàng tận nơi',
    summary: 'Trang trại có sẵn khoảng 200 tấn phân bò khô đóng bao 25 kg, bán sỉ cho nhà vườn và đại lý vật tư.',
    description:
      'Trang trại nuôi khoảng 300 bò sữa, phân được phơi khô và đóng bao 25 kg. Hiện có sẵn khoảng 200 tấn, mỗi tháng bổ sung thêm 30–40 tấn. Phân đã phơi khô, ít mùi, phù hợp bón cho cà phê, sầu riêng, rau màu. Nhận giao hàng bằng xe tải đến tận vườn trong bán kính 200 km, giá sỉ tốt cho đơn hàng trên 10 tấn. Liên hệ qua sàn để nhận báo giá chi tiết theo số lượng.',
    specification: 'Bao 25 kg; độ ẩm khoảng 25%.',
    advantages: 'Giá tốt, giao tận nơi.',
    fieldCodes: ['402'], keywords: ['phân bò', 'phân chuồng', 'bán sỉ'],
    trl: 9, transferModes: ['EQUIPMENT_SUPPLY'], ipStatus: 'NONE', priceMin: null, priceMax: null,
  },
  {
    key: 'hand-r-vat-lieu-cach-nhiet', orgKey: 'dh-xay-dung-kinh-bac', kind: 'OFFER', language: 'vi', daysAgo: 14, status: 'REJECTED',
    rejection: { reason: 'INCOMPLETE', note: 'Tin đăng chưa có thông số kỹ thuật (hệ số dẫn nhiệt, khối lượng thể tích, cường độ, khả năng chống cháy), chưa nêu kết quả thử nghiệm và nơi đã áp dụng. Đề nghị bổ sung các nội dung này và mức giá hoặc hình thức chuyển giao dự kiến, rồi gửi duyệt lại.' },
    title: 'Vật liệu cách nhiệt mới cho mái nhà xưởng',
    summary: 'Nhóm nghiên cứu phát triển một loại vật liệu cách nhiệt mới cho mái tôn nhà xưởng, giúp giảm nóng.',
    description:
      'Nhà xưởng mái tôn vào mùa hè rất nóng, ảnh hưởng tới sức khỏe công nhân và tốn điện làm mát. Nhóm nghiên cứu của khoa đã phát triển một loại vật liệu cách nhiệt mới có thể phủ hoặc lót dưới mái tôn, giúp giảm nhiệt độ trong xưởng. Vật liệu làm từ nguyên liệu trong nước, thi công đơn giản. Nhóm mong muốn tìm doanh nghiệp quan tâm để hợp tác sản xuất và đưa ra thị trường.',
    specification: 'Đang cập nhật.',
    advantages: 'Giảm nóng cho nhà xưởng.',
    fieldCodes: ['201', '205'], keywords: ['cách nhiệt', 'mái tôn', 'nhà xưởng'],
    trl: 4, transferModes: ['JOINT_VENTURE'], ipStatus: 'NONE', priceMin: null, priceMax: null,
  },
  {
    key: 'hand-r-che-pham-than-ky', orgKey: 'nong-nghiep-phat-dat-loi', kind: 'OFFER', language: 'vi', daysAgo: 30, status: 'REJECTED',
    rejection: { reason: 'MISLEADING', note: 'Tin đăng nêu các công bố không có căn cứ (tăng năng suất 300%, trị mọi loại bệnh, thay thế hoàn toàn phân bón) và không kèm kết quả khảo nghiệm hay quyết định công nhận lưu hành. Đề nghị sửa nội dung cho đúng với kết quả đã được kiểm chứng và đính kèm tài liệu chứng minh.' },
    title: 'Chế phẩm sinh học thế hệ mới tăng năng suất lúa 300%, trị dứt điểm mọi bệnh cây trồng',
    summary: 'Chỉ một lần phun, lúa tăng năng suất gấp ba, sạch bệnh hoàn toàn, không cần bón thêm bất kỳ loại phân nào.',
    description:
      'Chế phẩm được sản xuất theo công nghệ độc quyền, chứa hàng trăm chủng vi sinh vật quý và khoáng chất vi lượng. Chỉ cần phun một lần vào đầu vụ, cây lúa phát triển vượt trội, năng suất tăng tới 300%, trị dứt điểm đạo ôn, rầy nâu, vàng lùn và mọi loại bệnh khác. Không cần bón phân hóa học, không cần phun thuốc bảo vệ thực vật trong cả vụ. Phù hợp mọi loại cây trồng, mọi loại đất. Nhận làm đại lý phân phối toàn quốc.',
    specification: 'Chai 1 lít, pha cho 1 ha.',
    advantages: 'Tăng năng suất gấp ba.\nTrị mọi loại bệnh.',
    fieldCodes: ['406', '401'], keywords: ['chế phẩm sinh học', 'tăng năng suất', 'trị bệnh cây trồng'],
    trl: 9, transferModes: ['EQUIPMENT_SUPPLY'], ipStatus: 'NONE', priceMin: 50_000_000, priceMax: 50_000_000,
  },
  {
    key: 'hand-r-trung-tin-nuoc-thai', orgKey: 'moi-truong-song-xanh', kind: 'OFFER', language: 'vi', daysAgo: 25, status: 'REJECTED',
    rejection: { reason: 'DUPLICATE', note: 'Nội dung trùng với tin đã được duyệt "Compact wastewater treatment for seafood processing plants (DAF + MBBR + anoxic)" của cùng đơn vị. Đề nghị bổ sung phần tiếng Việt vào tin đã có thay vì đăng một tin mới.' },
    title: 'Hệ thống xử lý nước thải chế biến thủy sản gọn nhẹ bằng tuyển nổi và giá thể di động',
    summary: 'Tuyển nổi khí hòa tan, bể thiếu khí và bể sinh học giá thể di động xử lý nước thải giàu đạm của nhà máy thủy sản đạt quy chuẩn.',
    description:
      'Nước thải chế biến thủy sản chứa máu, đạm, mỡ và amoni cao. Dây chuyền xử lý gồm lưới lọc tinh, tuyển nổi khí hòa tan để tách mỡ và đạm lơ lửng, bể thiếu khí và bể sinh học giá thể di động hai bậc để nitrat hóa, khử nitrat, cuối cùng là lắng lamella và khử trùng. Các bể cũ thường được tận dụng làm bể điều hòa hoặc bể thiếu khí; thi công trong khi nhà máy vẫn hoạt động.',
    specification: 'Công suất 300–2.000 m³/ngày.',
    advantages: 'Tận dụng bể cũ.',
    fieldCodes: ['207', '208'], keywords: ['xử lý nước thải', 'thủy sản', 'MBBR', 'tuyển nổi'],
    trl: 9, transferModes: ['TURNKEY'], ipStatus: 'KNOW_HOW', priceMin: 3_500_000_000, priceMax: 9_000_000_000,
  },
  {
    key: 'hand-r-co-so-dien-thoai', orgKey: 'htx-duoc-lieu-dinh-may', kind: 'DEMAND', language: 'vi', daysAgo: 11, status: 'REJECTED',
    rejection: { reason: 'OTHER', note: 'Phần mô tả có số điện thoại và địa chỉ thư điện tử cá nhân. Theo quy định của sàn, việc liên hệ được thực hiện qua chức năng "Quan tâm" để bảo vệ các bên. Đề nghị xóa thông tin liên hệ và gửi lại, nội dung nhu cầu đã đạt yêu cầu.' },
    title: 'Cần máy thái lát và sấy sâm dây cho hợp tác xã vùng cao',
    summary: 'Hợp tác xã thu hoạch sâm dây, hiện thái tay và phơi trên giàn, cần máy thái và máy sấy nhỏ.',
    description:
      'Hợp tác xã có khoảng 25 ha sâm dây trồng dưới tán rừng, mỗi vụ thu chừng 30 tấn củ tươi. Hiện nay bà con thái lát bằng tay rồi phơi trên giàn, lát dày mỏng không đều, gặp mưa là mốc. Chúng tôi cần máy thái lát điều chỉnh được độ dày và một máy sấy nhỏ khoảng 300 kg/mẻ, chạy điện một pha. Ai có máy phù hợp gọi trực tiếp cho tôi theo số 09xx xxx xxx hoặc gửi thư vào hộp thư riêng để trao đổi nhanh.',
    fieldCodes: ['407', '303'], keywords: ['máy thái lát', 'sấy dược liệu', 'sâm dây'],
    trl: null, transferModes: ['EQUIPMENT_SUPPLY'], ipStatus: null, priceMin: null, priceMax: 200_000_000,
  },
  {
    key: 'hand-r-nhu-cau-chung-chung', orgKey: 'cd-nghe-bien-gioi', kind: 'DEMAND', language: 'vi', daysAgo: 40, status: 'REJECTED',
    rejection: { reason: 'INCOMPLETE', note: 'Nhu cầu chưa nêu rõ vấn đề cần giải quyết, ngành nghề, quy mô và ngân sách nên chưa thể kết nối. Đề nghị ghi cụ thể nghề đào tạo, thiết bị hoặc học liệu đang thiếu, số học viên và kinh phí dự kiến.' },
    title: 'Nhà trường cần tiếp nhận công nghệ mới phục vụ đào tạo',
    summary: 'Nhà trường mong muốn tiếp nhận các công nghệ mới, hiện đại để nâng cao chất lượng đào tạo.',
    description:
      'Trong giai đoạn tới, nhà trường xác định đổi mới công nghệ là nhiệm vụ trọng tâm nhằm nâng cao chất lượng đào tạo nghề cho thanh niên vùng biên giới. Nhà trường mong muốn được kết nối với các đơn vị có công nghệ mới, hiện đại, phù hợp với điều kiện của nhà trường để tiếp nhận, ứng dụng trong giảng dạy và thực hành. Rất mong nhận được sự quan tâm của các đơn vị.',
    fieldCodes: ['502'], keywords: ['đào tạo nghề', 'công nghệ mới', 'giáo dục'],
    trl: null, transferModes: ['CONSULTING'], ipStatus: null, priceMin: null, priceMax: null,
  },
];
