import { accentToken, accentTokens, hasDiacritics, searchText } from './accent-forms.js';
import { relatedForms, wantsRelated } from './search-query.js';

describe('accent-exact spellings', () => {
  it('keeps apart the words that fold alike', () => {
    const forms = ['lúa', 'lụa', 'lửa', 'lùa', 'lua'].map(accentToken);
    expect(new Set(forms).size).toBe(5);
    expect(accentToken('tấn')).not.toBe(accentToken('tận'));
    expect(accentToken('dụng')).not.toBe(accentToken('dựng'));
    expect(accentToken('Đèn')).toBe(accentToken('đèn'));
    // NFC and NFD input spell the same
    expect(accentToken('máy'.normalize('NFD'))).toBe(accentToken('máy'));
    // both tone placements spell the same: "thuỷ" is "thủy", "hoá" is "hóa" (but "hoàn" keeps its own)
    expect(accentToken('thuỷ')).toBe(accentToken('thủy'));
    expect(accentToken('Hoá')).toBe(accentToken('hóa'));
    expect(accentToken('hoà')).not.toBe(accentToken('hoá'));
    // and the "y" and "i" spellings of one syllable: "lý" is "lí", "quy" is "qui"
    expect(accentToken('lý')).toBe(accentToken('lí'));
    expect(accentToken('Quy')).toBe(accentToken('qui'));
  });

  it('spells every word of a text, in order, in plain letters no text contains', () => {
    const tokens = accentTokens('Máy sấy 500 kg/mẻ, IoT');
    expect(tokens).toHaveLength(6);
    for (const t of tokens) expect(t).toMatch(/^zq[a-z0-9]+$/);
    expect(accentTokens('Оборудование 中文')).toEqual([]);
  });

  it('adds the spellings only to a query typed with diacritics, and ends with a space (the last word is whole, not a prefix)', () => {
    expect(hasDiacritics('may say')).toBe(false);
    expect(searchText(' may say ')).toBe('may say ');
    expect(searchText('máy sấy')).toBe(`máy sấy ${accentToken('máy')} ${accentToken('sấy')} `);
    // a word typed bare beside accented ones may be any of its accented forms: no exact spelling for it
    expect(searchText('máy say')).toBe(`máy say ${accentToken('máy')} `);
    expect(searchText('kho lạnh IoT')).toBe(`kho lạnh IoT ${accentToken('lạnh')} `);
    expect(searchText('')).toBe('');
  });
});

describe('related results', () => {
  it('shortens the query by a syllable, and by a two-syllable word from four syllables on', () => {
    expect(relatedForms('lúa')).toEqual([]);
    expect(relatedForms('heat pump')).toEqual(['pump', 'heat']);
    expect(relatedForms('xe tự lái')).toEqual(['tự lái', 'xe lái', 'xe tự']);
    expect(relatedForms('máy tính lượng tử')).toEqual(expect.arrayContaining(['lượng tử', 'máy tính', 'máy tử', 'tính lượng tử']));
  });

  it('are given on the page where the close matches end, for a search with words', () => {
    const p = { query: 'sấy', page: 1, pageSize: 20 };
    expect(wantsRelated(p, 0)).toBe(true);
    expect(wantsRelated(p, 20)).toBe(true);
    expect(wantsRelated(p, 21)).toBe(false);
    expect(wantsRelated({ ...p, page: 2 }, 21)).toBe(true);
    expect(wantsRelated({ ...p, page: 3 }, 21)).toBe(false);
    expect(wantsRelated({ ...p, query: ' ' }, 0)).toBe(false);
  });
});
