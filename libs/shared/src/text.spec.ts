import { canonicalTonePlacement, foldDiacritics } from './text.js';

describe('canonicalTonePlacement', () => {
  it('reads both tone placements of an open "oa", "oe", "uy" syllable as one spelling, tone on the first vowel', () => {
    expect(canonicalTonePlacement('Hoá chất, thuỷ sản, sức khoẻ, tuỳ chọn, hoà bình, HOÁ')).toBe('Hóa chất, thủy sản, sức khỏe, tùy chọn, hòa bình, HÓA');
    expect(canonicalTonePlacement('hóa chất, thủy sản')).toBe('hóa chất, thủy sản');
  });

  it('leaves the tone where both placements agree: before a final consonant, and after "q"', () => {
    expect(canonicalTonePlacement('hoàn thiện, thuyền, toán, khoảng, quý, quà, loại')).toBe('hoàn thiện, thuyền, toán, khoảng, quý, quà, loại');
  });

  it('changes no letter, only where the mark sits', () => {
    const text = 'Nuôi trồng thuỷ sản; hoá học; khoẻ';
    expect(foldDiacritics(canonicalTonePlacement(text))).toBe(foldDiacritics(text));
  });
});
