import { isBareVietnamese } from './diacritics.js';

/** Letters that only Vietnamese uses among the exchange's two languages. */
const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu;

/**
 * 'vi' when the text carries Vietnamese letters (even a few per hundred), or is Vietnamese typed
 * without marks (its words Vietnamese syllables: "May say lanh nong san", diacritics.ts
 * isBareVietnamese), else 'en'. A bare Vietnamese listing taken for English was searched as English:
 * no accent-exact forms read from its words, so "sấy lạnh" never found it as a close match.
 */
export function detectLanguage(text: string): 'vi' | 'en' {
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters === 0) return 'vi';
  const vietnamese = text.match(VIETNAMESE_LETTERS)?.length ?? 0;
  return vietnamese / letters >= 0.02 || isBareVietnamese(text) ? 'vi' : 'en';
}
