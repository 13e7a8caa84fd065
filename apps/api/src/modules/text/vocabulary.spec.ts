import { describe, expect, it } from '@jest/globals';
import { extractConcepts, isGeneralTerm } from './index.js';

// What a match explanation names: topics the words really are about, and shared words that say something.
describe('the vocabularies a match explanation names from', () => {
  it('reads STEM (the acronym) as school education, not the stem of a fruit', () => {
    expect(extractConcepts('Bộ thiết bị thực hành STEM cho học sinh trung học')).toContain('education');
    expect(extractConcepts('Chitosan suppresses the fungi behind stem-end rot of dragon fruit')).not.toContain('education');
    expect(extractConcepts('Longan stem end browning during 6–8 weeks of storage')).not.toContain('education');
  });

  it('counts units of time and the English names of general words as general', () => {
    for (const word of ['weeks', 'days', 'month', 'years']) expect(isGeneralTerm(word)).toBe(true);
    expect(isGeneralTerm('equipment')).toBe(true); // "thiết bị"
    expect(isGeneralTerm('thiết bị')).toBe(true);
    expect(isGeneralTerm('heat pump')).toBe(false);
    expect(isGeneralTerm('dragon fruit')).toBe(false);
  });
});
