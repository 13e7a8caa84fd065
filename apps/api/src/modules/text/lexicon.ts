/**
 * The domain lexicon: concepts named in Vietnamese and English, as a supplier names the solution
 * and a business the problem (CONCEPTS), and the concept tags of a text (extractConcepts), with
 * or without diacritics. Tags are stored on listing documents and drive matching, the concept
 * vector and search's related topics. Pure code.
 */
import { foldDiacritics } from '@techport/shared';
import { foldText, isAccentedText, normalizeText } from './normalize.js';
import { WordStarts, blankPhrase, containsTerm, wordKey } from './phrase-lookup.js';
import { SYNONYM_GROUPS } from './synonyms.js';

export interface ConceptDef {
  /** Tag stored in documents: lower-case letters only, and no tag is a prefix of another. */
  id: string;
  vi: string;
  en: string;
  /**
   * Phrases that signal the concept, '|'-separated, matched on word boundaries. Written with
   * diacritics; texts typed without diacritics are matched on the folded form. A leading '='
   * marks a phrase too ambiguous once folded ("bò" → "bo"), so it is only matched in text that
   * has diacritics. A leading '^' marks an acronym matched case-sensitively ("^AI" is not the
   * Vietnamese "ai", "^PET" is not "pet"). A trailing '*' lets the last word be a prefix
   * (English stems: "dehydrat*").
   */
  terms: string;
  /** Broader concepts this one implies. */
  also?: string;
  /** Phrases that contain a term but mean something else ("nhà máy" is a factory, not a
   * machine; "mực nước" is a water level, not squid); removed before this concept's terms are
   * matched. */
  not?: string;
}

/**
 * A general Vietnamese/English vocabulary of agricultural, food, environmental, energy, health
 * and digital technology, written from domain knowledge (extension-service and technology-
 * transfer vocabulary), each concept named the way a supplier names the solution and the way a
 * business names the problem it has. It must not be derived from the labelled matching corpus's
 * demands (the set matching is measured on): `npm run eval:matching -- --audit-lexicon` lists any
 * phrase that occurs in those demands but in no offer, and fails if there is one (105 such
 * phrases were removed on 2026-12-04). English and other spellings come from SYNONYM_GROUPS too
 * (conceptTerms, below).
 */
export const CONCEPTS: readonly ConceptDef[] = [
  // ---- crops and commodities ----------------------------------------------------------------
  { id: 'fruit', vi: 'trái cây', en: 'fruit', terms: 'trái cây|hoa quả|quả tươi|trái tươi|nhà vườn|vườn cây ăn trái|vườn cây ăn quả|cây ăn trái|cây ăn quả|fruit|fruits|orchard|orchards' },
  { id: 'mango', vi: 'xoài', en: 'mango', terms: 'xoài|mango|mangoes|mangos', also: 'fruit' },
  { id: 'jackfruit', vi: 'mít', en: 'jackfruit', terms: '=mít|trái mít|jackfruit', also: 'fruit' },
  { id: 'banana', vi: 'chuối', en: 'banana', terms: 'chuối|banana|bananas', also: 'fruit' },
  { id: 'durian', vi: 'sầu riêng', en: 'durian', terms: 'sầu riêng|durian|durians', also: 'fruit' },
  { id: 'dragonfruit', vi: 'thanh long', en: 'dragon fruit', terms: 'thanh long|dragon fruit|dragonfruit|pitaya|pitahaya', also: 'fruit' },
  { id: 'avocado', vi: 'bơ', en: 'avocado', terms: '=bơ|trái bơ|quả bơ|avocado|avocados', also: 'fruit' },
  { id: 'citrus', vi: 'cây có múi', en: 'citrus', terms: 'bưởi|trái cam|quả cam|=cam sành|quýt|chanh dây|có múi|pomelo|grapefruit|citrus|orange|oranges', also: 'fruit' },
  { id: 'longan', vi: 'nhãn, vải, chôm chôm', en: 'longan, lychee, rambutan', terms: 'trái nhãn|nhãn lồng|long nhãn|vải thiều|chôm chôm|măng cụt|longan|lychee|litchi|rambutan|mangosteen', also: 'fruit' },
  { id: 'coconut', vi: 'dừa', en: 'coconut', terms: '=dừa|trái dừa|xơ dừa|mụn dừa|cơm dừa|cùi dừa|coconut|coconuts|coir|coco peat|cocopeat|copra|rửa chát|xả chát|xử lý chát|tannin|thạch dừa|nước cốt dừa' },
  { id: 'cashew', vi: 'hạt điều', en: 'cashew', terms: 'hạt điều|nhân điều|điều thô|vỏ lụa|cashew|cashews|vỡ nhân|nhân vỡ|tỉ lệ vỡ|bể nhân|nhân bị vỡ' },
  { id: 'coffee', vi: 'cà phê', en: 'coffee', terms: 'cà phê|cafe|coffee|arabica|robusta|nhân xanh|rang xay|rang cà phê|roast*|cupping|cà phê đặc sản|specialty coffee' },
  { id: 'tea', vi: 'chè, trà', en: 'tea', terms: 'chè xanh|chè búp|búp chè|búp tươi|=chè|trà xanh|=trà|ô long|oolong|matcha|tea|green tea', not: 'trà vinh|trà cú|trà ôn|trà my|trà bồng' },
  { id: 'cocoa', vi: 'ca cao', en: 'cocoa', terms: 'ca cao|cacao|cocoa' },
  { id: 'pepper', vi: 'hồ tiêu', en: 'black pepper', terms: 'hồ tiêu|hạt tiêu|vườn tiêu|black pepper|peppercorn*' },
  { id: 'spice', vi: 'gia vị', en: 'spices', terms: 'gia vị|ớt|gừng|củ nghệ|bột nghệ|nghệ vàng|=sả|=quế|rau gia vị|rau thơm|spice|spices|chili|chilli|chillies|ginger|turmeric|lemongrass|cinnamon|herb|herbs' },
  { id: 'herbal', vi: 'dược liệu', en: 'medicinal herbs', terms: 'dược liệu|thảo dược|cây thuốc|đinh lăng|cà gai leo|=sâm|tía tô|medicinal plant*|medicinal herb*|herbal|herbal medicine' },
  { id: 'rice', vi: 'lúa gạo', en: 'rice', terms: '=lúa|gạo|lúa gạo|ruộng lúa|cánh đồng|đồng ruộng|xay xát|lúa gạo|rice|paddy|paddies|rice field*', also: 'crop' },
  { id: 'straw', vi: 'rơm rạ', en: 'rice straw', terms: '=rơm|=rạ|rơm rạ|gốc rạ|đốt đồng|rice straw|stubble|straw burning|crop residue*|ngộ độc hữu cơ|ngộ độc rơm|xử lý gốc rạ|vùi rơm' },
  { id: 'vegetable', vi: 'rau, dưa, dâu', en: 'vegetables', terms: 'rau|rau màu|rau ăn lá|rau sạch|cà chua|dưa lưới|dưa leo|dưa chuột|dâu tây|xà lách|vegetable*|tomato*|strawberr*|melon*|lettuce|cucumber*|leafy green*', also: 'crop' },
  { id: 'mushroom', vi: 'nấm ăn, nấm dược liệu', en: 'mushrooms', terms: 'trồng nấm|nấm rơm|nấm bào ngư|nấm sò|mộc nhĩ|nấm mèo|linh chi|nấm linh chi|meo giống|phôi nấm|mushroom*|oyster mushroom*|reishi|ganoderma' },
  { id: 'cordyceps', vi: 'đông trùng hạ thảo', en: 'cordyceps', terms: 'đông trùng hạ thảo|đông trùng|cordyceps' },
  { id: 'orchid', vi: 'hoa, lan', en: 'flowers, orchids', terms: 'hoa lan|lan hồ điệp|phong lan|hoa cảnh|cây cảnh|hoa cắt cành|orchid*|phalaenopsis|ornamental*|cut flower*' },
  { id: 'forestry', vi: 'lâm nghiệp, gỗ', en: 'forestry, timber', terms: 'trồng rừng|rừng trồng|=rừng|=gỗ|keo lai|bạch đàn|cao su|lâm nghiệp|kiểm lâm|forest*|timber|wood|wooden|acacia|eucalyptus|plantation forest*|cong vênh|nứt nẻ|độ ẩm gỗ|đồ gỗ|nội thất|furniture|warp*' },
  { id: 'cassava', vi: 'sắn, khoai mì', en: 'cassava', terms: '=sắn|củ sắn|khoai mì|tinh bột sắn|bã sắn|mì lát|cassava|tapioca' },
  { id: 'sugarcane', vi: 'mía', en: 'sugarcane', terms: '=mía|bùn mía|bã mía|mía đường|sugarcane|sugar cane|bagasse|filter cake' },
  { id: 'crop', vi: 'trồng trọt', en: 'crop growing', terms: 'trồng trọt|canh tác|vụ mùa|năng suất cây trồng|crop|crops|farming|growers|cultivation', not: 'fish farming|fish farmers|fish farmer|shrimp farming|shrimp farmers|shrimp farmer|prawn farming|prawn farmers|prawn farmer|pig farming|pig farmers|pig farmer|poultry farming|poultry farmers|poultry farmer|chicken farming|chicken farmers|chicken farmer|livestock farming|livestock farmers|livestock farmer|cattle farming|cattle farmers|cattle farmer|dairy farming|dairy farmers|dairy farmer|insect farming|insect farmers|insect farmer' },

  // ---- livestock, aquaculture and fisheries --------------------------------------------------
  { id: 'pig', vi: 'heo, lợn', en: 'pigs', terms: 'heo|=lợn|nuôi lợn|heo nái|trại heo|trang trại heo|chuồng heo|pig|pigs|swine|hog|hogs|piglet*|sow|sows|piggery', also: 'livestock' },
  { id: 'poultry', vi: 'gia cầm', en: 'poultry', terms: '=gà|gà thịt|gà đẻ|=vịt|gia cầm|trại gà|poultry|chicken*|broiler*|layer hens|duck*', also: 'livestock' },
  { id: 'cattle', vi: 'bò, trâu', en: 'cattle', terms: '=bò|bò sữa|bò thịt|nuôi bò|=trâu|cattle|cow|cows|dairy|buffalo*', also: 'livestock' },
  { id: 'livestock', vi: 'chăn nuôi', en: 'livestock', terms: 'chăn nuôi|vật nuôi|gia súc|trang trại chăn nuôi|chuồng trại|chuồng nuôi|livestock|animal husbandry|farm animal*|barn*' },
  { id: 'shrimp', vi: 'tôm', en: 'shrimp', terms: '=tôm|tôm thẻ|tôm sú|tôm giống|ao tôm|nuôi tôm|shrimp|prawn*|whiteleg|tôm chậm lớn|tôm giống kém', also: 'aquaculture' },
  { id: 'fish', vi: 'cá', en: 'fish', terms: '=cá|cá tra|cá basa|cá rô phi|cá mú|cá chình|cá tầm|cá hồi|cá trắm|cá giống|nuôi cá|fish|fishes|catfish|pangasius|tilapia|grouper|eel|eels|sturgeon|salmon|trout', also: 'aquaculture' },
  { id: 'aquaculture', vi: 'nuôi trồng thủy sản', en: 'aquaculture', terms: 'thủy sản|nuôi trồng thủy sản|ao nuôi|bè nuôi|aquaculture|fish farm*|shrimp farm*|hatcher*|trại giống|trại sản xuất giống' },
  { id: 'squid', vi: 'mực', en: 'squid', terms: '=mực|mực một nắng|câu mực|chụp mực|khô mực|squid|cuttlefish', not: 'mực nước|chuẩn mực|mực in' },
  { id: 'fishsauce', vi: 'nước mắm', en: 'fish sauce', terms: 'nước mắm|chượp|ủ chượp|cá cơm|=mắm|fish sauce|anchov*|histamine|độ đạm|mùi tanh' },
  { id: 'seafood', vi: 'hải sản', en: 'seafood', terms: 'hải sản|thủy hải sản|chế biến thủy sản|phi lê|cá khô|seafood|fish processing' },
  { id: 'fishing', vi: 'khai thác hải sản', en: 'fishing fleet', terms: 'tàu cá|tàu câu|tàu đánh cá|đánh bắt|khai thác hải sản|ngư dân|ngư trường|xa bờ|lưới vây|lưới kéo|chuyến biển|fishing vessel*|fishing boat*|fishermen|fishing fleet*|offshore fishing' },

  // ---- post-harvest and processing -----------------------------------------------------------
  { id: 'drying', vi: 'sấy, làm khô', en: 'drying', terms: 'sấy|máy sấy|lò sấy|buồng sấy|nhà sấy|tủ sấy|làm khô|=phơi|phơi khô|phơi nắng|sấy khô|sấy dẻo|độ ẩm sau sấy|dryer*|drier*|drying|dried|dehydrat*|sun-dried|sun drying' },
  { id: 'heatpump', vi: 'sấy bơm nhiệt, sấy sạch', en: 'heat-pump drying', terms: 'bơm nhiệt|heat pump*|heat-pump*|ám khói|bám khói|đốt củi|=củi|sấy sạch|sấy đều|smoke taint*|smoky|firewood|wood-fired', also: 'drying' },
  { id: 'solardry', vi: 'sấy năng lượng mặt trời', en: 'solar drying', terms: 'sấy năng lượng mặt trời|nhà sấy năng lượng mặt trời|tủ sấy năng lượng mặt trời|máy sấy năng lượng mặt trời|sấy bằng nắng|phơi nia|phơi sân|phơi ngoài trời|phơi nắng|phụ thuộc thời tiết|trời mưa|bị mưa|nấm mốc|bị mốc|solar dryer*|solar drying|solar-dried|open-air drying|sun drying|phơi trên bạt|bụi bặm|không có điện|vùng không có điện', also: 'drying' },
  { id: 'lowtempdry', vi: 'sấy lạnh, sấy thăng hoa', en: 'low-temperature and freeze drying', terms: 'sấy lạnh|sấy nhiệt độ thấp|sấy thăng hoa|thăng hoa|giữ tinh dầu|giữ hoạt chất|freeze dry*|freeze-dr*|lyophili*|cold drying|low-temperature drying|low temperature drying|mất tinh dầu|mất màu xanh|giữ màu xanh|bị thâm|thâm đen|sậm màu|giòn xốp|trái cây sấy giòn|crispy|colour loss|color loss|sấy giòn|giòn tan', also: 'drying' },
  { id: 'postharvest', vi: 'bảo quản sau thu hoạch', en: 'post-harvest preservation', terms: 'bảo quản|sau thu hoạch|tươi lâu|giữ tươi|giữ được tươi|còn tươi|độ tươi|kéo dài thời gian bảo quản|thời gian bảo quản|thời gian tồn trữ|tồn trữ|trữ hàng|giữ lâu|nhanh hư|mau hư|bị hư|hư hỏng|hao hụt|thối hỏng|dập úng|chín nẫu|=héo|bán trái vụ|trái vụ|post-harvest|postharvest|shelf life|shelf-life|keep fresh|keeping fresh|stay fresh|fresh|freshness|preservation|preserve*|spoilage|spoil*|storage life|rớt giá|được mùa mất giá|để được lâu|thối cuống|mất nước|hàng bị hư|post harvest loss*' },
  { id: 'coldstore', vi: 'kho lạnh', en: 'cold storage', terms: 'kho lạnh|kho mát|kho trữ lạnh|bảo quản lạnh|trữ lạnh|phòng lạnh|làm lạnh|kho cấp đông|cold storage|cold store*|cold room*|refrigerat*' },
  { id: 'controlledatm', vi: 'khí quyển điều chỉnh (CA/MAP)', en: 'controlled / modified atmosphere', terms: 'khí quyển điều chỉnh|khí quyển biến đổi|kiểm soát khí quyển|bao gói khí quyển|1-mcp|1 mcp|ethylene|etylen|controlled atmosphere|controlled-atmosphere|modified atmosphere|ca storage|^CA|^MAP|ripening control', also: 'postharvest' },
  { id: 'seafreight', vi: 'vận chuyển container đường biển', en: 'sea freight in reefer containers', terms: 'container|công-te-nơ|đường biển|tàu biển|vận chuyển xa|reefer*|by sea|sea freight|shipping container*|ocean freight|long transit' },
  { id: 'export', vi: 'xuất khẩu', en: 'export', terms: 'xuất khẩu|thị trường nước ngoài|thị trường khó tính|châu âu|hàn quốc|nhật bản|trung quốc|hoa kỳ|export*|overseas market*|european|eu market|korea|japan' },
  { id: 'coating', vi: 'màng phủ, sáp phủ trái cây', en: 'edible coatings', terms: 'màng phủ|sáp phủ|phủ sáp|lớp phủ|màng bao|chitosan|edible coating*|fruit coating*|wax coating|fruit wax' },
  { id: 'quarantine', vi: 'kiểm dịch, xử lý kiểm dịch', en: 'phytosanitary treatment', terms: 'kiểm dịch|kiểm dịch thực vật|xử lý hơi nước nóng|hơi nước nóng|chiếu xạ|vht|phytosanitary|quarantine|vapor heat|vapour heat|irradiation' },
  { id: 'fruitfly', vi: 'ruồi đục quả', en: 'fruit flies', terms: 'ruồi đục quả|ruồi vàng|ruồi chích|đục trái|đục quả|trái bị chích|dòi trong trái|fruit fl*|bactrocera|oriental fruit fly' },
  { id: 'maturity', vi: 'độ chín, chất lượng trái', en: 'ripeness and internal quality', terms: 'độ chín|chín tới|cắt non|bổ trái|không cần bổ|không phá hủy|chất khô|nir|cận hồng ngoại|ripeness|fruit maturity|harvest maturity|maturity index|dry matter|nondestructive|near-infrared|unripe|gõ trái|thợ gõ|chọn trái chín|xác định độ chín|sầu riêng non|trái bị non' },
  { id: 'foodtest', vi: 'kiểm nghiệm an toàn thực phẩm', en: 'food safety testing', terms: 'kiểm nghiệm|phân tích mẫu|dư lượng|tồn dư|kim loại nặng|cadimi|cadmium|vàng o|chất cấm|an toàn thực phẩm|phòng kiểm nghiệm|lô hàng bị trả|bị trả về|food safety|residue*|heavy metal*|testing laborator*|lab testing|contaminant*|rejected shipment*|rejection' },
  { id: 'rapidtest', vi: 'xét nghiệm nhanh tại chỗ', en: 'rapid on-site testing', terms: 'que thử|test nhanh|xét nghiệm nhanh|kiểm tra nhanh|bộ kit|kit xét nghiệm|kit pcr|kit lamp|pcr|^LAMP|realtime pcr|tại trại|tại ao|chờ kết quả|gửi mẫu|rapid test*|test strip*|test kit*|point-of-care|diagnostic kit*|diagnostic test*|assay*|xét nghiệm tôm giống|kiểm tra tôm giống|xét nghiệm tại chỗ' },
  { id: 'peeling', vi: 'máy sơ chế, bóc tách', en: 'peeling and shelling machines', terms: 'lột vỏ|bóc vỏ|tách vỏ|gọt vỏ|gọt|tách cơm|tách nhân|tách hạt|sơ chế|máy phân loại|lựa nhân|=nhặt|peel*|shelling|sheller*|shelled|dehull*|husking|sorting|grading machine*|sorter*', also: 'machinery' },
  { id: 'machinery', vi: 'máy móc, cơ giới hóa', en: 'machinery and mechanisation', terms: '=máy|thiết bị|cơ giới hóa|tự động hóa|dây chuyền|thủ công|làm tay|thiếu lao động|thiếu nhân công|tiền công|nhân công|machine*|machinery|mechani*|automat*|labour shortage|labor shortage|manual labo*', not: 'nhà máy|máy bay|máy tính|máy chủ|máy phát điện|học máy|thị giác máy' },
  { id: 'ricemech', vi: 'cơ giới hóa trồng lúa', en: 'rice mechanisation', terms: 'máy cấy|cấy lúa|mạ khay|máy sạ|sạ lúa|sạ cụm|gieo sạ|lượng giống|máy gặt|gặt đập|thu hoạch lúa|ruộng bậc thang|transplanter*|seeder*|direct seeding|combine harvester*|rice harvester*', also: 'rice' },
  { id: 'foodline', vi: 'dây chuyền chế biến thực phẩm', en: 'food processing lines', terms: 'chế biến|dây chuyền chế biến|đóng gói|đóng chai|chiết rót|đóng lon|tiệt trùng|thanh trùng|uht|food processing|processing line*|packaging line*|bottling|canning|sterili*|pasteuri*|hạn sử dụng|bảo quản lâu|không cần tủ lạnh|không cần bảo quản lạnh|shelf-stable|shelf stable|long shelf life' },
  { id: 'fermentation', vi: 'lên men', en: 'fermentation', terms: 'lên men|ủ men|chượp|men vi sinh|enzyme|enzim|ủ chín|rút ngắn thời gian ủ|ferment*|enzym*|starter culture*' },
  { id: 'freezing', vi: 'cấp đông', en: 'freezing', terms: 'cấp đông|đông lạnh|đông nhanh|iqf|^CAS|frozen|freez*|blast freez*|quick freez*|rã đông|thawing|drip loss|chảy nước khi rã đông' },
  { id: 'byproduct', vi: 'tận dụng phụ phẩm', en: 'by-product valorisation', terms: 'phụ phẩm|phế phẩm|phế liệu|tận dụng|da cá|vảy cá|đầu tôm|vỏ tôm|xương cá|đổ bỏ|collagen|gelatin|bột cá|dầu cá|by-product*|byproduct*|side stream*|valori*|waste-to-value|upcycl*' },
  { id: 'extraction', vi: 'chiết xuất, chưng cất', en: 'extraction and distillation', terms: 'chiết xuất|chiết tách|chưng cất|tinh dầu|cao khô|cao dược liệu|nhựa dầu|siêu tới hạn|hoạt chất|extract*|distill*|essential oil*|supercritical|oleoresin|active ingredient*' },
  { id: 'supplement', vi: 'thực phẩm chức năng, GMP', en: 'nutraceuticals', terms: 'thực phẩm chức năng|thực phẩm bảo vệ sức khỏe|tiêu chuẩn hóa|nutraceutical*|dietary supplement*|food supplement*' },

  // ---- crop protection, soil, inputs ---------------------------------------------------------
  { id: 'microbial', vi: 'chế phẩm vi sinh', en: 'microbial products', terms: 'vi sinh|chế phẩm vi sinh|chế phẩm sinh học|men vi sinh|vi khuẩn có lợi|nấm đối kháng|trichoderma|bacillus|metarhizium|nấm xanh|chủng vi sinh|microb*|probiotic*|inoculant*|beneficial bacteria|biological product*' },
  { id: 'compost', vi: 'ủ phân hữu cơ', en: 'composting', terms: 'ủ phân|phân hữu cơ|phân ủ|ủ hoai|phân chuồng|phân hủy nhanh|hữu cơ vi sinh|compost*|organic fertili*|manure|decompos*' },
  { id: 'biofert', vi: 'phân bón sinh học, giảm phân hóa học', en: 'biofertilisers', terms: 'phân bón vi sinh|phân vi sinh|cố định đạm|phân giải lân|giảm phân đạm|bớt phân|phân hóa học|phân bón hóa học|tiết kiệm phân|biofertili*|bio-fertili*|nitrogen-fixing|nitrogen fixing|phosphate-solubili*|chemical fertili*|reduce urea|urea', also: 'fertilizer' },
  { id: 'fertilizer', vi: 'phân bón, dinh dưỡng cây', en: 'fertilisers and plant nutrition', terms: 'phân bón|bón phân|phân đạm|dinh dưỡng cây|thiếu dinh dưỡng|bón lá|phân bón lá|fertili*|plant nutrition|nutrient deficienc*|foliar' },
  { id: 'soil', vi: 'cải tạo đất', en: 'soil health', terms: 'cải tạo đất|đất bạc màu|đất thoái hóa|đất chai|đất chua|độ phì|sức khỏe đất|nấm rễ|soil health|degraded soil*|soil fertility|soil improvement|mycorrhiza*|soil' },
  { id: 'pest', vi: 'phòng trừ sâu hại', en: 'pest control', terms: 'sâu hại|sâu bệnh|trừ sâu|thuốc trừ sâu|rầy nâu|bọ hung|côn trùng gây hại|bẫy pheromone|bẫy dính|bẫy ruồi|bẫy côn trùng|đặt bẫy|bả protein|bả độc|pheromone|dẫn dụ|phòng trừ|thảo mộc|neem|giảm thuốc|thuốc bảo vệ thực vật|thuốc bvtv|pest*|insecticid*|biopesticid*|trap*|lure*|ipm|integrated pest|botanical insecticid*|sâu đục thân|sâu cuốn lá|bọ trĩ|rệp sáp|rệp|nhện đỏ|sâu xanh|sâu ăn lá|mọt|côn trùng|aphid*|thrips|mealybug*|mites' },
  { id: 'plantdisease', vi: 'bệnh cây trồng', en: 'plant diseases', terms: 'bệnh cây|thối rễ|xì mủ|héo xanh|thán thư|nấm bệnh|phytophthora|fusarium|chết cây|thối trái|root rot|plant disease*|fungal disease*|blight|héo rũ|thối gốc|chết nhanh|chết chậm|tuyến trùng|cây bị bệnh|nematode*' },
  { id: 'tissueculture', vi: 'nhân giống, cây giống sạch bệnh', en: 'tissue culture and clean planting material', terms: 'nuôi cấy mô|cấy mô|cây giống|giống sạch bệnh|sạch bệnh|nhân giống|vi nhân giống|cây con|phòng cấy mô|giống cây|tissue culture|micropropagat*|seedling*|plantlet*|planting material|disease-free|clean plant*|nurser*' },
  { id: 'greenhouse', vi: 'nhà kính, nhà màng', en: 'greenhouses', terms: 'nhà kính|nhà màng|nhà lưới|vi khí hậu|khí hậu tự động|mùa đông|vùng cao|vùng lạnh|sưởi|chống bão|greenhouse*|polyhouse*|net house*|nethouse*|climate control*|heating cost*|frost|cold climate|highland*|=bão|gió bão|storm*|typhoon*|mưa đá|nắng nóng' },
  { id: 'hydroponics', vi: 'thủy canh, giá thể', en: 'hydroponics and substrates', terms: 'thủy canh|^NFT|dung dịch dinh dưỡng|giá thể|ec ph|hydroponic*|substrate*|growing media|growing medium|soilless|không cần đất|không dùng đất|trồng rau sạch|rau thủy canh' },
  { id: 'irrigation', vi: 'tưới tiêu', en: 'irrigation', terms: '=tưới|tưới nhỏ giọt|tưới phun|phun mưa|tưới tự động|béc tưới|độ ẩm đất|khô hạn|hạn hán|thiếu nước tưới|ướt khô xen kẽ|awd|lịch tưới|irrigat*|drip|sprinkler*|fertigation|soil moisture|drought|water scheduling|evapotranspiration|tưới tay|tốn công tưới|tốn nước tưới|thiếu nước mùa khô|bơm tưới' },
  { id: 'salinity', vi: 'xâm nhập mặn', en: 'salinity intrusion', terms: 'xâm nhập mặn|nhiễm mặn|độ mặn|=mặn|hạn mặn|vận hành cống|cống ngăn mặn|salinity|saline|salt intrusion|saltwater intrusion|salt water|brackish' },
  { id: 'drone', vi: 'máy bay không người lái', en: 'drones', terms: 'drone|drones|máy bay không người lái|thiết bị bay|flycam|uav|uavs|unmanned aerial' },
  { id: 'spraying', vi: 'phun thuốc, phun bón', en: 'spraying', terms: 'phun thuốc|phun bón|phun xịt|máy phun|bình phun|spraying|sprayer*|crop spray*|dịch vụ phun|thuê phun' },
  { id: 'remotesensing', vi: 'ảnh vệ tinh, viễn thám', en: 'satellite remote sensing', terms: 'ảnh vệ tinh|vệ tinh|viễn thám|đa phổ|bản đồ|satellite*|remote sensing|multispectral|mapping', not: 'bản đồ đối thủ|bản đồ sáng chế|bản đồ công nghệ|bản đồ tư duy|bản đồ hành trình|bản đồ chuỗi giá trị|competitor mapping|patent mapping|technology mapping|process mapping|value stream mapping|journey mapping|mind mapping' },

  // ---- digital ------------------------------------------------------------------------------
  { id: 'traceability', vi: 'truy xuất nguồn gốc', en: 'traceability', terms: 'truy xuất|truy xuất nguồn gốc|nguồn gốc|tem qr|mã qr|qr code|nhật ký canh tác|nhật ký sản xuất|nhật ký điện tử|mã số vùng trồng|vùng trồng|blockchain|minh bạch|xác minh|traceab*|trace|provenance|origin|verif*|audit trail|record keeping|records|ocop|tem truy xuất|mã vạch|barcode*' },
  { id: 'anticounterfeit', vi: 'chống hàng giả', en: 'anti-counterfeiting', terms: 'chống giả|hàng giả|hàng nhái|thuốc giả|tem chống giả|nfc|định danh|counterfeit*|fake*|anti-counterfeit*|authenticat*|serialization|serialisation' },
  { id: 'iot', vi: 'IoT, cảm biến, giám sát từ xa', en: 'IoT sensing and remote monitoring', terms: 'iot|internet vạn vật|cảm biến|giám sát|theo dõi|từ xa|qua điện thoại|điện thoại|cảnh báo qua|lora|logger|tự động bật|sensor*|monitor*|remote*|smartphone|mobile app|alert*|alarm*|data logger*|telemetry|wireless' },
  { id: 'coldchain', vi: 'chuỗi lạnh', en: 'cold chain', terms: 'chuỗi lạnh|nhiệt độ vận chuyển|xe lạnh|giữ lạnh|cold chain|cold-chain|temperature log*|temperature excursion*' },
  { id: 'ai', vi: 'trí tuệ nhân tạo, thị giác máy', en: 'AI and computer vision', terms: '^AI|trí tuệ nhân tạo|học máy|học sâu|camera|nhận dạng|nhận diện|xử lý ảnh|thị giác máy|mô hình ngôn ngữ|artificial intelligence|machine learning|deep learning|computer vision|image recognition|cctv|video analytic*|language model*|đếm tôm giống|đếm cá giống|đếm con giống|automatic count*' },
  { id: 'software', vi: 'phần mềm, nền tảng số', en: 'software platforms', terms: 'phần mềm|nền tảng|ứng dụng di động|ứng dụng điện thoại|ứng dụng trên điện thoại|ứng dụng quản lý|ứng dụng web|app|web|đám mây|chuyển đổi số|số hóa|cơ sở dữ liệu|software|platform*|cloud|digital*|digitis*|digitiz*|database*|saas' },
  { id: 'erp', vi: 'quản trị doanh nghiệp (ERP/MES)', en: 'ERP and production management', terms: 'erp|^MES|quản trị doanh nghiệp|quản lý doanh nghiệp|quản lý sản xuất|kho hàng|nhập xuất tồn|kế toán|sổ sách|công nợ|inventory|accounting|sales orders|order management|spreadsheet*|production tracking|manufacturing execution|bookkeeping|profit', also: 'software' },
  { id: 'ehealth', vi: 'y tế số (HIS, bệnh án điện tử)', en: 'hospital information systems', terms: 'bệnh án điện tử|hồ sơ bệnh án|bệnh án|^HIS|emr|phần mềm bệnh viện|phần mềm quản lý bệnh viện|giám định bảo hiểm|bảo hiểm y tế|icd|ký số|chữ ký số|giấy tờ|không giấy|lưu trữ hồ sơ|health record*|hospital information|e-signature|paper-based|xuất toán|thanh toán bảo hiểm|insurance claim*', also: 'healthcare' },
  { id: 'egov', vi: 'dịch vụ công trực tuyến', en: 'e-government services', terms: 'thủ tục hành chính|dịch vụ công|cổng dịch vụ công|hồ sơ hành chính|nộp hồ sơ|một cửa|bộ phận một cửa|ubnd|cấp xã|người dân|công dân|người cao tuổi|e-government|egovernment|public service*|administrative procedure*|citizen*|one-stop|elderly|hồ sơ bị trả|hồ sơ thiếu|hồ sơ không hợp lệ|nộp trực tuyến|nộp qua mạng' },
  { id: 'chatbot', vi: 'trợ lý ảo, chatbot', en: 'chatbots and voice assistants', terms: 'chatbot|trợ lý ảo|hỏi đáp|giọng nói|tổng đài|trả lời tự động|kiosk|chăm sóc khách hàng|virtual assistant*|voice|speech|conversational|customer service|customer support|faq|trả lời tin nhắn|nhắn tin|inbox|tin nhắn khách hàng|không kịp trả lời' },
  { id: 'onlinesales', vi: 'bán hàng trực tuyến', en: 'online sales', terms: 'bán hàng online|bán hàng trực tuyến|bán online|cửa hàng online|facebook|fanpage|sàn thương mại điện tử|livestream|tin nhắn khách|e-commerce|ecommerce|online shop*|online store*|social commerce' },
  { id: 'traffic', vi: 'giao thông đô thị', en: 'urban traffic', terms: 'giao thông|nút giao|ngã tư|ngã ba|đèn tín hiệu|đèn giao thông|đèn đỏ|vượt đèn|kẹt xe|ùn tắc|lưu lượng xe|xe máy|ô tô|traffic|intersection*|junction*|vehicle*|congestion|signal timing|red light|phạt nguội|camera giao thông|vi phạm giao thông' },
  { id: 'education', vi: 'giáo dục phổ thông', en: 'school education', terms: 'trường học|giáo dục|học sinh|giáo viên|phổ thông|thcs|thpt|bài giảng|học trực tuyến|dạy học|thí nghiệm ảo|^STEM|ngân hàng đề|chấm bài|school*|education*|student*|teacher*|pupil*|e-learning|elearning|classroom*|curriculum|virtual lab*|thiết bị thí nghiệm|thực hành thí nghiệm|đồ dùng dạy học' },
  { id: 'robotics', vi: 'gia công cơ khí, CNC, robot', en: 'machining, CNC and robotics', terms: 'cnc|máy phay|máy tiện|gia công|xưởng cơ khí|cơ khí chính xác|độ chính xác|robot|cánh tay robot|cấp phôi|cắt plasma|máy khắc|machining|lathe*|milling machine*|cnc milling|machine tool*|precision machining|robot*|plasma cutt*', also: 'machinery' },

  // ---- energy ------------------------------------------------------------------------------
  { id: 'solar', vi: 'năng lượng mặt trời', en: 'solar energy', terms: 'năng lượng mặt trời|điện mặt trời|pin mặt trời|tấm pin|tấm quang điện|quang điện|mái nhà|mái xưởng|áp mái|solar|photovoltaic*|^PV|rooftop*|solar panel*|solar-powered' },
  { id: 'energycost', vi: 'tiết kiệm năng lượng, tiền điện', en: 'energy cost', terms: 'tiền điện|hóa đơn điện|tiêu thụ điện|tiết kiệm điện|tiết kiệm năng lượng|điện năng|giờ cao điểm|cao điểm|điện lưới|mất điện|không dùng điện|electricity bill*|power bill*|energy cost*|energy saving*|energy-saving|energy efficien*|peak shaving|peak demand|grid power|power cut*|outage*|off-grid|off grid' },
  { id: 'battery', vi: 'lưu trữ điện', en: 'battery storage', terms: 'pin lưu trữ|lưu trữ điện|ắc quy|pin lithium|bess|battery|batteries|energy storage' },
  { id: 'fuel', vi: 'nhiên liệu, dầu', en: 'fuel', terms: 'nhiên liệu|dầu fo|dầu diesel|dầu do|xăng dầu|đốt dầu|than đá|chất đốt|fuel*|diesel|fuel oil|heavy oil|coal|gasoline|petrol' },
  { id: 'biomass', vi: 'sinh khối, trấu', en: 'biomass fuel', terms: '=trấu|vỏ trấu|đốt trấu|sinh khối|viên nén|vỏ cà phê|khí hóa|rice husk*|husk*|biomass|gasifi*', also: 'fuel' },
  { id: 'boiler', vi: 'lò hơi, nhiệt công nghiệp', en: 'boilers and process heat', terms: 'lò hơi|nồi hơi|tấn hơi|cấp hơi|lò đốt|khí nóng|nhiệt công nghiệp|boiler*|steam|process heat|furnace*|burner*|hot air' },
  { id: 'biogas', vi: 'biogas, khí sinh học', en: 'biogas', terms: 'biogas|khí sinh học|hầm biogas|hầm ủ|túi ủ|kỵ khí|uasb|metan|khí metan|phát điện từ biogas|anaerobic|digester*|methane|biomethane|bếp biogas|khí gas|ga nấu|hầm bị nứt|hầm rò' },
  { id: 'power', vi: 'phát điện, máy phát', en: 'power generation', terms: 'máy phát điện|phát điện|tự phát điện|điện từ|generator*|power generation|electricity generation|chp|cogeneration' },
  { id: 'lighting', vi: 'chiếu sáng, đèn LED', en: 'LED lighting', terms: 'đèn led|^LED|=đèn|chiếu sáng|đèn cao áp|metal halide|đèn đường|đèn năng lượng mặt trời|lighting|^lamp|^lamps|^Lamp|^Lamps|light|lights|luminaire*|street light*|streetlight*|đường tối|chiếu sáng đường|đường nông thôn|street lighting|tối om|tối tăm|thiếu ánh sáng|không có đèn', not: 'đèn uv|đèn tín hiệu|đèn đỏ|đèn giao thông|vượt đèn' },
  { id: 'building', vi: 'quản lý tòa nhà', en: 'building management', terms: 'tòa nhà|tòa văn phòng|quản lý tòa nhà|điều hòa không khí|hvac|bms|building management|office building*|hotels|air condition*' },
  { id: 'grid', vi: 'lưới điện', en: 'power grid', terms: 'đường dây|đường dây điện|cao thế|trung thế|trạm biến áp|điện lực|cột điện|truyền tải điện|lưới điện|transmission line*|power line*|high-voltage|high voltage|substation*|pylon*|tower*' },

  // ---- environment -------------------------------------------------------------------------
  { id: 'wastewater', vi: 'xử lý nước thải', en: 'wastewater treatment', terms: 'nước thải|xử lý nước thải|trạm xử lý|xả thải|xả ra|nước xả|đạt chuẩn xả thải|qcvn|cột a|cột b|mẫu nước|ô nhiễm nguồn nước|kỵ khí|hiếu khí|aao|mbr|mbbr|keo tụ|fenton|waste water|sewage|water pollution|polluted|cod|bod|amoni|ammonium|tss|độ màu', also: 'environment' },
  { id: 'watersaving', vi: 'tiết kiệm, tái sử dụng nước', en: 'water saving and reuse', terms: 'tiết kiệm nước|tái sử dụng nước|tuần hoàn nước|tái tuần hoàn|nước ngầm|hạn chế khai thác|tái sử dụng|tái chế nước|màng lọc|siêu lọc|thẩm thấu ngược|^RO|water saving|water-saving|water recycling|water reuse|wastewater reuse|reuse of water|reuse of wastewater|reusing water|reuse water|reuse wastewater|water shortage|water scarcity|reverse osmosis|ultrafiltration|recirculat*' },
  { id: 'cleanwater', vi: 'nước sạch, nước sinh hoạt', en: 'drinking water', terms: 'nước sạch|nước sinh hoạt|nước uống|nước ăn uống|lọc nước|máy lọc nước|cấp nước|trạm cấp nước|nhà máy nước|asen|thạch tín|nhiễm phèn|nước phèn|nhiễm sắt|mangan|nước nhiễm|drinking water|potable|clean water|water supply|water filter*|arsenic|manganese|iron removal|household water|nước giếng|nước đục|nước vàng|nước có mùi|cặn vôi' },
  { id: 'dyeing', vi: 'dệt nhuộm', en: 'textile dyeing', terms: 'dệt nhuộm|nhuộm|xưởng nhuộm|thuốc nhuộm|màu nhuộm|khử màu|dệt may|vải sợi|textile*|dyeing|dyehouse*|dye house*|dye works|dyestuff*|colour removal|color removal|decolori*' },
  { id: 'airodor', vi: 'khử mùi, khí thải', en: 'odour and air emissions', terms: 'mùi hôi|hôi thối|khử mùi|giảm mùi|=mùi|khí thải|odour*|odor*|smell*|stench|air emission*|exhaust|scrubber*|biofilter*|=hôi|hàng xóm|phàn nàn' },
  { id: 'manure', vi: 'chất thải chăn nuôi', en: 'livestock waste', terms: 'chất thải chăn nuôi|phân bò|phân gà|nước rửa chuồng|đệm lót sinh học|không xả thải|chất thải chuồng trại|livestock waste|animal waste|manure|slurry|deep litter|bedding', also: 'livestock' },
  { id: 'organicwaste', vi: 'rác hữu cơ', en: 'organic waste', terms: 'rác hữu cơ|rác thải hữu cơ|chất thải hữu cơ|rác nhà bếp|thức ăn thừa|phụ phẩm nông nghiệp|organic waste|food waste|kitchen waste|agricultural residue*|biowaste' },
  { id: 'medwaste', vi: 'chất thải y tế', en: 'medical waste', terms: 'chất thải y tế|rác thải y tế|chất thải lây nhiễm|lò đốt rác y tế|vật sắc nhọn|medical waste|clinical waste|infectious waste|healthcare waste|sharps', also: 'healthcare' },
  { id: 'plasticalt', vi: 'thay thế nhựa dùng một lần', en: 'alternatives to single-use plastic', terms: 'thay thế nhựa|nhựa dùng một lần|dùng một lần|hộp xốp|ly nhựa|ống hút|khay đựng thực phẩm|khay xốp|bao bì sinh học|túi nilon|túi ni lông|nhựa tự hủy|tự phân hủy|phân hủy sinh học|nhựa sinh học|single-use|disposable*|drinking straw*|straws|plastic straw*|plastic alternative*|alternative* to plastic|plastic substitute*|plastic-free|replace* plastic|foam box*|styrofoam|biodegradable|compostable|bioplastic*|plastic bag*|pbat|^PLA', also: 'environment' },
  { id: 'recycling', vi: 'tái chế nhựa, phế liệu', en: 'recycling', terms: 'tái chế|chai nhựa|rác nhựa|phế liệu nhựa|^PET|rpet|hạt nhựa|recycl*|plastic waste|plastic bottle*|resin*' },
  { id: 'buildmat', vi: 'vật liệu xây dựng', en: 'building materials', terms: 'vật liệu xây dựng|gạch|gạch không nung|bê tông|xi măng|tro bay|tro xỉ|=xỉ|xỉ lò cao|geopolymer|cấu kiện|ván ép|ván sợi|brick*|concrete|cement|fly ash|slag|clinker|building material*|construction material*|fibreboard*|fiberboard*|particleboard*|lò gạch|gạch nung|gạch đất nung|bãi thải tro xỉ' },
  { id: 'landslide', vi: 'sạt lở, thiên tai', en: 'landslides and natural hazards', terms: 'sạt lở|lở đất|trượt lở|sạt trượt|lũ quét|lũ ống|taluy|mái dốc|sườn dốc|sụt lún|thiên tai|mudslide*|debris flow*|flash flood*|natural hazard*|disaster*' },
  { id: 'forestfire', vi: 'cháy rừng', en: 'forest fires', terms: 'cháy rừng|phòng cháy|chữa cháy|khói cháy|điểm cháy|wildfire*|forest fire*|fire detection|đám cháy|vụ cháy|phát hiện cháy|báo cháy|cháy lan', also: 'forestry' },
  { id: 'environment', vi: 'môi trường', en: 'environment', terms: 'môi trường|ô nhiễm|xử lý chất thải|chất thải|rác thải|bảo vệ môi trường|environment*|pollution|waste|emission*' },

  // ---- health, veterinary, materials ------------------------------------------------------
  { id: 'healthcare', vi: 'bệnh viện, y tế', en: 'healthcare facilities', terms: 'bệnh viện|trung tâm y tế|trạm y tế|phòng khám|y tế|bác sĩ|bệnh nhân|điều dưỡng|hospital*|clinic*|health centre*|health center*|healthcare|patient*|nurse|nursing' },
  { id: 'vaccine', vi: 'vắc xin', en: 'vaccines', terms: 'vắc xin|vaccine|vacxin|văcxin|tiêm phòng|miễn dịch|chủng ngừa|vaccin*|immuni*|inoculation' },
  { id: 'vaccinecold', vi: 'bảo quản vắc xin', en: 'vaccine cold chain', terms: 'tủ bảo quản vắc xin|tủ lạnh vắc xin|bảo quản vắc xin|vaccine fridge*|vaccine refrigerator*|vaccine storage|tủ lạnh vắc xin|dây chuyền lạnh vắc xin', also: 'vaccine' },
  { id: 'asf', vi: 'dịch tả heo châu Phi', en: 'African swine fever', terms: 'dịch tả heo châu phi|dịch tả lợn châu phi|tả heo|tả lợn|^ASF|african swine fever', also: 'animaldisease' },
  { id: 'animaldisease', vi: 'dịch bệnh vật nuôi', en: 'animal diseases', terms: 'dịch bệnh|thú y|trạm thú y|heo bệnh|sốt cao|bỏ ăn|chết hàng loạt|bệnh tai xanh|heo tai xanh|lợn tai xanh|prrs|lở mồm long móng|fmd|cúm gia cầm|h5n1|dịch tiêu chảy|^PED|bệnh trên cá|xuất huyết|gan thận mủ|veterinar*|animal disease*|outbreak*|epidemic*|infected|swine disease*|avian influenza|bird flu|mass mortality|die-off*' },
  { id: 'shrimpdisease', vi: 'bệnh tôm', en: 'shrimp diseases', terms: 'bệnh tôm|tôm bệnh|tôm chết|đốm trắng|wssv|ehp|hoại tử gan tụy|ahpnd|vi bào tử trùng|shrimp disease*|white spot|early mortality|shrimp mortality|dead shrimp|shrimp dying|shrimps dying|dying shrimp*|shrimp die-off*', also: 'shrimp' },
  { id: 'pondwater', vi: 'chất lượng nước ao nuôi', en: 'pond water quality', terms: 'nước ao|chất lượng nước|nước cấp|xử lý nước cấp|lắng lọc|ao lắng|đáy ao|khí độc|nh3|no2|oxy hòa tan|thiếu oxy|quạt nước|sục khí|nano bubble|water quality|dissolved oxygen|aerat*|pond water|intake water|nanobubble*|tôm nổi đầu|tảo tàn|đáy ao dơ|bùn đáy|nước ao dơ|nước ao bẩn', also: 'aquaculture' },
  { id: 'ras', vi: 'nuôi tuần hoàn (RAS)', en: 'recirculating aquaculture', terms: 'nuôi tuần hoàn|ao tuần hoàn|bể tuần hoàn|hệ thống tuần hoàn|^RAS|nuôi trong nhà|nuôi trên bờ|bể nuôi|bể lót bạt|không xả nước|không thay nước|recirculating aquaculture|recirculating system*|indoor farm*|land-based|tank culture|zero discharge|zero-discharge', also: 'aquaculture', not: 'kinh tế tuần hoàn' },
  { id: 'feed', vi: 'thức ăn chăn nuôi, thủy sản', en: 'animal and fish feed', terms: 'thức ăn|thức ăn chăn nuôi|thức ăn cá|thức ăn tôm|thức ăn viên|=cám|bột cá|=đạm|protein|cho ăn|máy cho ăn|giá thức ăn|feed|feeds|fishmeal|fish meal|feeding|feeder*|pellet feed|protein meal|thay bột cá|thay thế bột cá|máy ép viên|cám viên|thức ăn tự chế|tự phối trộn|tự làm thức ăn' },
  { id: 'bsf', vi: 'ruồi lính đen', en: 'black soldier fly', terms: 'ruồi lính đen|ấu trùng ruồi lính|nhộng ruồi lính|côn trùng làm thức ăn|black soldier fl*|^BSF|insect protein|insect meal', also: 'feed' },
  { id: 'antibiotic', vi: 'kháng sinh, tồn dư', en: 'antibiotics', terms: 'kháng sinh|thay thế kháng sinh|tồn dư kháng sinh|không kháng sinh|kháng kháng sinh|antibiotic*|antimicrobial resistance|drug residue*' },
  { id: 'antibacterial', vi: 'kháng khuẩn, sát khuẩn', en: 'antibacterial materials', terms: 'kháng khuẩn|diệt khuẩn|sát khuẩn|khử khuẩn|khử trùng|nano bạc|bạc nano|ion bạc|vô trùng|antibacterial|antimicrobial|disinfect*|sanitiz*|sanitis*|silver nanoparticle*|nanosilver|nano silver|sterile' },
  { id: 'textile', vi: 'vải, may mặc', en: 'textiles and garments', terms: '=vải|=áo|đồng phục|khẩu trang|quần áo|may mặc|giặt|uniform*|garment*|textile*|laundr*|washing|gown*|mask*' },
  { id: 'pharma', vi: 'dược phẩm', en: 'pharmaceuticals', terms: 'dược phẩm|thuốc tây|nhà thuốc|hiệu thuốc|phân phối thuốc|hộp thuốc|pharmac*|drug*|medication*' },
  { id: 'pet', vi: 'thú cưng', en: 'pets', terms: 'thú cưng|chó mèo|phòng khám thú y|cửa hàng thú cưng|pets|pet shop*|veterinary clinic*|vet clinic*|dogs|cats' },
  { id: 'color', vi: 'đo màu, phối màu', en: 'colour measurement and matching', terms: 'đo màu|phối màu|pha màu|sai màu|lệch màu|khác màu|màu không đều|máy đo màu|colour matching|color matching|colour measurement|color measurement|spectrophotometer*' },
  { id: 'lowsalt', vi: 'giảm muối, giảm mặn', en: 'salt reduction', terms: 'giảm muối|ít muối|giảm mặn|giảm natri|natri|low sodium|low-sodium|low salt|low-salt|reduced salt|reduced-salt|salt reduction|sodium' },
  { id: 'salt', vi: 'sản xuất muối', en: 'salt making', terms: 'làm muối|ruộng muối|diêm dân|đồng muối|muối sạch|muối hạt|muối biển|sản xuất muối|nghề muối|sea salt|salt pan*|salt farm*|salt production' },
];

const conceptById = new Map(CONCEPTS.map((c) => [c.id, c]));

export function findConcept(id: string): ConceptDef | undefined {
  return conceptById.get(id);
}

interface CompiledTerm {
  exact: string; // lower-case NFC, separators collapsed to spaces (original case when caseSensitive)
  folded: string;
  prefix: boolean; // last word may be a prefix
  diacriticsOnly: boolean;
  caseSensitive: boolean;
  /** wordKey of `exact` and of `folded`. */
  exactKey: string;
  foldedKey: string;
}

function compileTerm(raw: string): CompiledTerm {
  let t = raw.trim();
  const diacriticsOnly = t.startsWith('=');
  if (diacriticsOnly) t = t.slice(1);
  const caseSensitive = t.startsWith('^');
  if (caseSensitive) t = t.slice(1);
  const prefix = t.endsWith('*');
  if (prefix) t = t.slice(0, -1);
  const exact = normalizeText(t, caseSensitive);
  const folded = foldText(exact);
  return { exact, folded, prefix, diacriticsOnly, caseSensitive, exactKey: wordKey(exact), foldedKey: wordKey(folded) };
}

/** How a concept's own term is compared with the translation table's spellings (conceptTerms). */
function joinKey(term: string): string {
  const bare = term.replace(/^[=^]+/, '');
  if (/^=?\^/.test(term)) return `case:${normalizeText(bare, true)}`;
  if (term.startsWith('=')) return `exact:${normalizeText(bare)}`;
  return `fold:${foldDiacritics(normalizeText(bare))}`;
}

/**
 * A concept's phrases, plus the translations and spellings that SYNONYM_GROUPS gives for any of
 * them (the concept "wastewater" lists "nước thải"; its synonym group adds "wastewater"): the
 * cross-lingual half of the lexicon comes from one translation table instead of being repeated
 * per concept. Abbreviations of three letters or fewer are not carried over ("ai", "his" are
 * everyday words; a concept that wants one lists it itself, case-sensitive).
 */
function conceptTerms(c: ConceptDef): string[] {
  const own = c.terms.split('|');
  const keys = new Set(own.map((t) => foldDiacritics(normalizeText(t.replace(/^[=^]+/, '')))));
  // A group joins a concept by one of its spellings: folded for the concept's ordinary terms, but
  // with its diacritics for a term marked accent-only ("=héo", wilted, is not "heo", pig, and
  // "=trâu", buffalo, is not "trấu", rice husk) and with its case for a case-sensitive one ("^MAP",
  // modified-atmosphere packaging, is not "map", bản đồ).
  const joins = new Set(own.map(joinKey));
  const extra = SYNONYM_GROUPS.filter((g) => g.some((t) => joins.has(`fold:${foldDiacritics(normalizeText(t))}`) || joins.has(`exact:${normalizeText(t)}`) || joins.has(`case:${normalizeText(t, true)}`)))
    .flat()
    .filter((t) => normalizeText(t).length > 3 && !keys.has(foldDiacritics(normalizeText(t))))
    // a single accented syllable ("lợn", "nấm") is ambiguous once folded: only in accented text
    .map((t) => (!t.includes(' ') && foldDiacritics(t) !== t ? '=' + t : t));
  return [...own, ...new Set(extra)];
}

const COMPILED: { id: string; also: string[]; terms: CompiledTerm[]; not: CompiledTerm[] }[] = CONCEPTS.map((c) => ({
  id: c.id,
  also: c.also ? c.also.split('|') : [],
  terms: conceptTerms(c).map(compileTerm).filter((t) => t.exact.length > 0),
  not: c.not ? c.not.split('|').map(compileTerm).filter((t) => t.exact.length > 0) : [],
}));

/**
 * Concept tags of a text. Accented text is matched on its exact (NFC, lower-case) form, so
 * "trồng" is never read as "trong"; text typed without diacritics is matched on folded forms,
 * skipping the phrases marked ambiguous.
 */
export function extractConcepts(text: string): string[] {
  const accented = isAccentedText(text);
  const cased = ' ' + normalizeText(text, true) + ' ';
  const lower = cased.toLowerCase();
  const hay = accented ? lower : foldText(lower);
  const hayCased = accented ? cased : foldText(cased);
  const found = new Set<string>();
  const hayStarts = new WordStarts(hay);
  const hayCasedStarts = new WordStarts(hayCased);
  for (const c of COMPILED) {
    let h = hay;
    let hc = hayCased;
    for (const n of c.not) {
      h = blankPhrase(h, accented ? n.exact : n.folded);
      hc = blankPhrase(hc, accented ? n.exact : n.folded);
    }
    // Unless an exclusion occurred, the haystacks are the shared ones, already indexed.
    const shared = h === hay && hc === hayCased;
    for (const t of c.terms) {
      if (!accented && t.diacriticsOnly) continue;
      const hit = shared
        ? (t.caseSensitive ? hayCasedStarts : hayStarts).has(accented ? t.exact : t.folded, t.prefix, accented ? t.exactKey : t.foldedKey)
        : containsTerm(t.caseSensitive ? hc : h, accented ? t.exact : t.folded, t.prefix);
      if (hit) {
        found.add(c.id);
        break;
      }
    }
  }
  // implied broader concepts, transitively
  const queue = [...found];
  while (queue.length) {
    const id = queue.pop()!;
    for (const parent of COMPILED.find((c) => c.id === id)?.also ?? []) {
      if (!found.has(parent) && conceptById.has(parent)) {
        found.add(parent);
        queue.push(parent);
      }
    }
  }
  return CONCEPTS.map((c) => c.id).filter((id) => found.has(id));
}

/** The text a listing's concept tags are extracted from: title, summary, keywords, description. */
export function conceptText(src: { title: string; summary: string; description: string; keywords: string[] }): string {
  return [src.title, src.summary, src.keywords.join(' ; '), src.description].join(' . ');
}
