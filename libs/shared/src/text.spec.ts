import { canonicalSpelling, canonicalTonePlacement, canonicalYSpelling, foldDiacritics } from './text.js';

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

describe('canonicalYSpelling', () => {
  it('reads a syllable whose only vowel is "y" in its "i" spelling', () => {
    expect(canonicalYSpelling('Xử lý, kỹ thuật, quy trình, công ty, tỷ lệ, Mỹ, bác sỹ, hy vọng, LÝ')).toBe('Xử lí, kĩ thuật, qui trình, công ti, tỉ lệ, Mĩ, bác sĩ, hi vọng, LÍ');
  });

  it('leaves "uy", "ay", "ây", a syllable of "y" alone and words of other languages with no such syllable', () => {
    expect(canonicalYSpelling('tuy nhiên, thủy sản, máy, cây, y tế, ý tưởng, yêu cầu, dry, fly')).toBe('tuy nhiên, thủy sản, máy, cây, y tế, ý tưởng, yêu cầu, dry, fly');
  });

  it('is applied after the tone placement by canonicalSpelling', () => {
    expect(canonicalSpelling('Xử lý hoá chất, quản lý thuỷ lợi')).toBe('Xử lí hóa chất, quản lí thủy lợi');
  });
});
