// Vietnam's 34 provincial-level units in force from 2025-07-01, with the former provinces merged
// into each (so that an old address still finds its province). Source: the exchange's reference data.

export interface ProvinceRecord {
  code: string;
  nameVi: string;
  nameEn: string;
  type: "city" | "province";
  formerProvinces: string[];
}

export const PROVINCES: readonly ProvinceRecord[] = [
  {code: "ha-noi", nameVi: "Hà Nội", nameEn: "Hanoi", type: "city", formerProvinces: []},
  {code: "ho-chi-minh", nameVi: "TP. Hồ Chí Minh", nameEn: "Ho Chi Minh City", type: "city", formerProvinces: ["Bình Dương","Bà Rịa - Vũng Tàu"]},
  {code: "hai-phong", nameVi: "Hải Phòng", nameEn: "Hai Phong", type: "city", formerProvinces: ["Hải Dương"]},
  {code: "da-nang", nameVi: "Đà Nẵng", nameEn: "Da Nang", type: "city", formerProvinces: ["Quảng Nam"]},
  {code: "can-tho", nameVi: "Cần Thơ", nameEn: "Can Tho", type: "city", formerProvinces: ["Sóc Trăng","Hậu Giang"]},
  {code: "hue", nameVi: "Huế", nameEn: "Hue", type: "city", formerProvinces: ["Thừa Thiên Huế"]},
  {code: "tuyen-quang", nameVi: "Tuyên Quang", nameEn: "Tuyen Quang", type: "province", formerProvinces: ["Hà Giang"]},
  {code: "cao-bang", nameVi: "Cao Bằng", nameEn: "Cao Bang", type: "province", formerProvinces: []},
  {code: "lai-chau", nameVi: "Lai Châu", nameEn: "Lai Chau", type: "province", formerProvinces: []},
  {code: "lao-cai", nameVi: "Lào Cai", nameEn: "Lao Cai", type: "province", formerProvinces: ["Yên Bái"]},
  {code: "thai-nguyen", nameVi: "Thái Nguyên", nameEn: "Thai Nguyen", type: "province", formerProvinces: ["Bắc Kạn"]},
  {code: "dien-bien", nameVi: "Điện Biên", nameEn: "Dien Bien", type: "province", formerProvinces: []},
  {code: "lang-son", nameVi: "Lạng Sơn", nameEn: "Lang Son", type: "province", formerProvinces: []},
  {code: "son-la", nameVi: "Sơn La", nameEn: "Son La", type: "province", formerProvinces: []},
  {code: "phu-tho", nameVi: "Phú Thọ", nameEn: "Phu Tho", type: "province", formerProvinces: ["Vĩnh Phúc","Hòa Bình"]},
  {code: "bac-ninh", nameVi: "Bắc Ninh", nameEn: "Bac Ninh", type: "province", formerProvinces: ["Bắc Giang"]},
  {code: "quang-ninh", nameVi: "Quảng Ninh", nameEn: "Quang Ninh", type: "province", formerProvinces: []},
  {code: "hung-yen", nameVi: "Hưng Yên", nameEn: "Hung Yen", type: "province", formerProvinces: ["Thái Bình"]},
  {code: "ninh-binh", nameVi: "Ninh Bình", nameEn: "Ninh Binh", type: "province", formerProvinces: ["Hà Nam","Nam Định"]},
  {code: "thanh-hoa", nameVi: "Thanh Hóa", nameEn: "Thanh Hoa", type: "province", formerProvinces: []},
  {code: "nghe-an", nameVi: "Nghệ An", nameEn: "Nghe An", type: "province", formerProvinces: []},
  {code: "ha-tinh", nameVi: "Hà Tĩnh", nameEn: "Ha Tinh", type: "province", formerProvinces: []},
  {code: "quang-tri", nameVi: "Quảng Trị", nameEn: "Quang Tri", type: "province", formerProvinces: ["Quảng Bình"]},
  {code: "quang-ngai", nameVi: "Quảng Ngãi", nameEn: "Quang Ngai", type: "province", formerProvinces: ["Kon Tum"]},
  {code: "gia-lai", nameVi: "Gia Lai", nameEn: "Gia Lai", type: "province", formerProvinces: ["Bình Định"]},
  {code: "khanh-hoa", nameVi: "Khánh Hòa", nameEn: "Khanh Hoa", type: "province", formerProvinces: ["Ninh Thuận"]},
  {code: "lam-dong", nameVi: "Lâm Đồng", nameEn: "Lam Dong", type: "province", formerProvinces: ["Đắk Nông","Bình Thuận"]},
  {code: "dak-lak", nameVi: "Đắk Lắk", nameEn: "Dak Lak", type: "province", formerProvinces: ["Phú Yên"]},
  {code: "dong-nai", nameVi: "Đồng Nai", nameEn: "Dong Nai", type: "province", formerProvinces: ["Bình Phước"]},
  {code: "tay-ninh", nameVi: "Tây Ninh", nameEn: "Tay Ninh", type: "province", formerProvinces: ["Long An"]},
  {code: "vinh-long", nameVi: "Vĩnh Long", nameEn: "Vinh Long", type: "province", formerProvinces: ["Bến Tre","Trà Vinh"]},
  {code: "dong-thap", nameVi: "Đồng Tháp", nameEn: "Dong Thap", type: "province", formerProvinces: ["Tiền Giang"]},
  {code: "ca-mau", nameVi: "Cà Mau", nameEn: "Ca Mau", type: "province", formerProvinces: ["Bạc Liêu"]},
  {code: "an-giang", nameVi: "An Giang", nameEn: "An Giang", type: "province", formerProvinces: ["Kiên Giang"]},
];
