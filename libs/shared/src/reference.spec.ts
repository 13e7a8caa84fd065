import { placeInQuery } from './reference.js';

const read = (q: string) => {
  const p = placeInQuery(q);
  return p && { code: p.province.code, rest: p.rest };
};

describe('placeInQuery (a province named in a search query)', () => {
  it('reads a province at the end or the start of the query, with or without diacritics, in either language', () => {
    expect(read('máy sấy cần thơ')).toEqual({ code: 'can-tho', rest: 'máy sấy' });
    expect(read('may say Can Tho')).toEqual({ code: 'can-tho', rest: 'may say' });
    expect(read('Cần Thơ máy sấy lúa')).toEqual({ code: 'can-tho', rest: 'máy sấy lúa' });
    expect(read('rice dryer Ho Chi Minh City')).toEqual({ code: 'ho-chi-minh', rest: 'rice dryer' });
    expect(read('cold storage Hanoi')).toEqual({ code: 'ha-noi', rest: 'cold storage' });
  });

  it('finds a former province in the province it was merged into, and leaves out the word that joins it', () => {
    expect(read('máy sấy ở Long An')).toEqual({ code: 'tay-ninh', rest: 'máy sấy' });
    expect(read('xử lý nước thải tại Bà Rịa - Vũng Tàu')).toEqual({ code: 'ho-chi-minh', rest: 'xử lý nước thải' });
    expect(read('shrimp farming in Ca Mau')).toEqual({ code: 'ca-mau', rest: 'shrimp farming' });
  });

  it('keeps the query as it is when the place is inside a term, or is all there is', () => {
    // oceanography (hải dương học) and the Pacific (Thái Bình Dương): one word left
    expect(read('hải dương học')).toBeNull();
    expect(read('thái bình dương')).toBeNull();
    expect(read('Cần Thơ')).toBeNull();
    expect(read('ở Cần Thơ')).toBeNull();
    // typed with diacritics, a different word is not the place's name
    expect(read('máy sấy cần thở')).toBeNull();
    // in the middle: a term, not a place
    expect(read('giống lúa cần thơ chịu mặn')).toBeNull();
    // one-syllable names are too often another word ("huệ", the lily)
    expect(read('trồng hoa hue')).toBeNull();
  });
});
