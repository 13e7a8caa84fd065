// The field taxonomy after Vietnam's classification of S&T fields (OECD Frascati-style).
// Codes are stable identifiers; a parent code covers all its children.

export interface TechFieldRecord {
  code: string;
  nameVi: string;
  nameEn: string;
  parent: string | null;
}

export const TECH_FIELDS: readonly TechFieldRecord[] = [
  {code: "1", nameVi: "Khoa học tự nhiên", nameEn: "Natural sciences", parent: null},
  {code: "101", nameVi: "Toán học", nameEn: "Mathematics", parent: "1"},
  {code: "102", nameVi: "Khoa học máy tính và thông tin", nameEn: "Computer and information sciences", parent: "1"},
  {code: "103", nameVi: "Vật lý", nameEn: "Physics", parent: "1"},
  {code: "104", nameVi: "Hóa học", nameEn: "Chemistry", parent: "1"},
  {code: "105", nameVi: "Khoa học trái đất và môi trường", nameEn: "Earth and environmental sciences", parent: "1"},
  {code: "106", nameVi: "Sinh học", nameEn: "Biology", parent: "1"},
  {code: "2", nameVi: "Khoa học kỹ thuật và công nghệ", nameEn: "Engineering and technology", parent: null},
  {code: "201", nameVi: "Kỹ thuật dân dụng", nameEn: "Civil engineering", parent: "2"},
  {code: "202", nameVi: "Kỹ thuật điện, điện tử, viễn thông", nameEn: "Electrical, electronic and telecommunications engineering", parent: "2"},
  {code: "203", nameVi: "Kỹ thuật cơ khí, chế tạo máy", nameEn: "Mechanical engineering and machinery", parent: "2"},
  {code: "204", nameVi: "Kỹ thuật hóa học", nameEn: "Chemical engineering", parent: "2"},
  {code: "205", nameVi: "Kỹ thuật vật liệu", nameEn: "Materials engineering", parent: "2"},
  {code: "206", nameVi: "Kỹ thuật y học", nameEn: "Medical engineering", parent: "2"},
  {code: "207", nameVi: "Kỹ thuật môi trường", nameEn: "Environmental engineering", parent: "2"},
  {code: "208", nameVi: "Công nghệ sinh học môi trường", nameEn: "Environmental biotechnology", parent: "2"},
  {code: "209", nameVi: "Công nghệ sinh học công nghiệp", nameEn: "Industrial biotechnology", parent: "2"},
  {code: "210", nameVi: "Công nghệ nano", nameEn: "Nanotechnology", parent: "2"},
  {code: "211", nameVi: "Kỹ thuật thực phẩm và đồ uống", nameEn: "Food and beverage engineering", parent: "2"},
  {code: "212", nameVi: "Công nghệ thông tin và tự động hóa", nameEn: "Information technology and automation", parent: "2"},
  {code: "3", nameVi: "Khoa học y, dược", nameEn: "Medical and health sciences", parent: null},
  {code: "301", nameVi: "Y học cơ sở", nameEn: "Basic medicine", parent: "3"},
  {code: "302", nameVi: "Y học lâm sàng", nameEn: "Clinical medicine", parent: "3"},
  {code: "303", nameVi: "Dược học", nameEn: "Pharmacy", parent: "3"},
  {code: "304", nameVi: "Công nghệ sinh học trong y học", nameEn: "Medical biotechnology", parent: "3"},
  {code: "4", nameVi: "Khoa học nông nghiệp", nameEn: "Agricultural sciences", parent: null},
  {code: "401", nameVi: "Trồng trọt", nameEn: "Crop science", parent: "4"},
  {code: "402", nameVi: "Chăn nuôi", nameEn: "Animal husbandry", parent: "4"},
  {code: "403", nameVi: "Thú y", nameEn: "Veterinary science", parent: "4"},
  {code: "404", nameVi: "Lâm nghiệp", nameEn: "Forestry", parent: "4"},
  {code: "405", nameVi: "Thủy sản", nameEn: "Fisheries and aquaculture", parent: "4"},
  {code: "406", nameVi: "Công nghệ sinh học trong nông nghiệp", nameEn: "Agricultural biotechnology", parent: "4"},
  {code: "407", nameVi: "Cơ giới hóa và sau thu hoạch", nameEn: "Mechanisation and post-harvest", parent: "4"},
  {code: "5", nameVi: "Khoa học xã hội", nameEn: "Social sciences", parent: null},
  {code: "501", nameVi: "Kinh tế và kinh doanh", nameEn: "Economics and business", parent: "5"},
  {code: "502", nameVi: "Khoa học giáo dục", nameEn: "Educational sciences", parent: "5"},
];
