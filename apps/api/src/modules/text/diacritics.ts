/**
 * Diacritics put back on Vietnamese typed without them. Many people type on a phone without
 * marks ("ao tom hay bi chet luc gan sang"); a reader knows it means "ao tôm hay bị chết lúc gần
 * sáng", and a visitor who searches "nuôi tôm" with its marks means that listing too. Search's
 * accent-exact forms (search/accent-forms.ts) read such text through restoreDiacritics.
 *
 * Each bare word takes the spelling the exchange's own vocabulary uses for it most: the concept
 * lexicon, the synonym table, the regional names, the gloss vocabulary and the taxonomy's field
 * names (all written for the project, none from queries), preferring a spelling that forms a
 * two-word term of that vocabulary with a neighbour ("nuoi tom" → "nuôi tôm", "giong lua" →
 * "giống lúa"). A word the vocabulary never writes is left bare: a wrong guess would claim a word
 * the writer did not mean, where a bare one only stays out of accent-exact matches. Pure code.
 */
import { TECH_FIELDS, foldDiacritics } from '@techport/shared';
import { CONCEPTS } from './lexicon.js';
import { GLOSS_VOCABULARY } from './gloss-vocabulary.js';
import { REGIONAL_VARIANTS, SYNONYM_GROUPS } from './synonyms.js';
import { couldBeVietnameseSyllable } from './normalize.js';

const WORD = /[\p{L}\p{N}]+/gu;

type Counts = Map<string, Map<string, number>>;

interface Vocabulary {
  /** Folded word → its spellings in the vocabulary, with how often. */
  words: Counts;
  /** "folded folded-next" → spellings of the first word before that next word. */
  before: Counts;
  /** "folded-previous folded" → spellings of the second word after that previous word. */
  after: Counts;
}

const add = (counts: Counts, key: string, spelling: string) => {
  let m = counts.get(key);
  if (!m) counts.set(key, (m = new Map()));
  m.set(spelling, (m.get(spelling) ?? 0) + 1);
};

/**
 * Everyday words, as they are mostly meant: the function words and common words of any Vietnamese
 * text, which the domain vocabularies spell only inside their terms (general Vietnamese, written
 * for this module). They count as many times as EVERYDAY_WEIGHT says, so that "co" is "có" and
 * "khong" "không" unless a two-word term says otherwise ("cơ khí").
 */
const EVERYDAY_WORDS =
  'có không là ở các những được để và với của một hai ba nhiều bị mà cần muốn tìm đã đang sẽ rất cũng nên khi nào gì sao làm thế này đó ' +
  'người năm tháng ngày giờ lúc gần sáng tối đêm trưa chiều mỗi trên dưới trong ngoài sau trước vì nếu thì như hơn quá lắm rõ lý do đến từ ' +
  'cùng chưa hết còn vẫn đều chỉ luôn hay bà con nhà mình chúng tôi bạn anh chị em hỏi giúp cách nhanh chậm tốt xấu mới cũ lớn nhỏ ít ' +
  'đủ thiếu thêm bớt mua bán giá tiền rẻ đắt hư hỏng chết sống khỏe yếu mạnh sạch bẩn hôi thối mùi nóng lạnh khô ướt mẻ tấn cân lít';
const EVERYDAY_WEIGHT = 20;
/** Everyday two-word terms a domain term would otherwise spell another way ("co the": "có thể", not "cơ thể"). */
const EVERYDAY_PHRASES = ['có thể', 'cung cấp', 'ban đêm', 'ban ngày', 'lý do', 'không rõ', 'ngoài đồng', 'nhắc nhở', 'hộ dân', 'bà con', 'cho biết', 'tư vấn'];

/** Vietnamese phrases of the project's vocabularies (wildcard and exact-match markers of the lexicon dropped). */
function vocabularyPhrases(): string[] {
  const lexicon = CONCEPTS.flatMap((c) => [c.vi, ...c.terms.split('|')]).filter((t) => !t.includes('*'));
  return [
    ...lexicon.map((t) => t.replace(/^=/, '')),
    ...SYNONYM_GROUPS.flat(),
    ...REGIONAL_VARIANTS.flatMap((v) => v.vi),
    ...GLOSS_VOCABULARY.map(([vi]) => vi),
    ...TECH_FIELDS.map((f) => f.nameVi),
    ...EVERYDAY_PHRASES,
  ].filter((p) => foldDiacritics(p) !== p);
}

/** What restoration knows beyond the shared vocabularies (part of textVocabularyFingerprint). */
export const EVERYDAY_VOCABULARY = { words: EVERYDAY_WORDS, weight: EVERYDAY_WEIGHT, phrases: EVERYDAY_PHRASES };

let memo: Vocabulary | undefined;
function vocabulary(): Vocabulary {
  if (memo) return memo;
  const v: Vocabulary = { words: new Map(), before: new Map(), after: new Map() };
  for (const w of EVERYDAY_WORDS.split(' ')) for (let i = 0; i < EVERYDAY_WEIGHT; i++) add(v.words, foldDiacritics(w), w);
  for (const phrase of vocabularyPhrases()) {
    const words = [...phrase.toLowerCase().normalize('NFC').matchAll(WORD)].map((m) => m[0]);
    words.forEach((w, i) => {
      const folded = foldDiacritics(w);
      add(v.words, folded, w);
      if (i > 0) add(v.after, `${foldDiacritics(words[i - 1])} ${folded}`, w);
      if (i + 1 < words.length) add(v.before, `${folded} ${foldDiacritics(words[i + 1])}`, w);
    });
  }
  return (memo = v);
}

/** The spelling of a bare word given its bare neighbours: a two-word term first, then the commonest. */
function spellingOf(v: Vocabulary, word: string, previous: string | undefined, next: string | undefined): string {
  const folded = word.toLowerCase();
  const known = v.words.get(folded);
  if (!known) return word;
  const score = new Map<string, number>();
  for (const [spelling, n] of known) score.set(spelling, n);
  // A two-word term outweighs any count of single words.
  const pair = (counts: Counts, key: string) => {
    for (const [spelling, n] of counts.get(key) ?? []) score.set(spelling, (score.get(spelling) ?? 0) + 10_000 * n);
  };
  if (previous) pair(v.after, `${previous.toLowerCase()} ${folded}`);
  if (next) pair(v.before, `${folded} ${next.toLowerCase()}`);
  let best = word;
  let top = 0;
  for (const [spelling, s] of score) {
    if (s > top || (s === top && spelling < best)) [best, top] = [spelling, s];
  }
  return best;
}

/**
 * Whether a text reads as Vietnamese typed without marks: no diacritics at all, and (nearly) every
 * word a possible Vietnamese syllable. English has many words no syllable spells ("drying",
 * "factory"); a few English or brand names among bare Vietnamese pass.
 */
export function isBareVietnamese(text: string): boolean {
  if (foldDiacritics(text) !== text) return false;
  const words = [...text.matchAll(WORD)].map((m) => m[0]).filter((w) => !/\d/.test(w));
  if (words.length < 2) return false;
  return words.filter(couldBeVietnameseSyllable).length >= 0.85 * words.length;
}

/**
 * The text with each bare word the vocabulary knows spelt with its marks; other words, and words
 * already written with diacritics, as they are. Meant for text that isBareVietnamese.
 */
export function restoreDiacritics(text: string): string {
  const v = vocabulary();
  const matches = [...text.matchAll(WORD)];
  let out = '';
  let at = 0;
  matches.forEach((m, i) => {
    const word = m[0];
    const bare = foldDiacritics(word) === word;
    const spelt = bare ? spellingOf(v, word, matches[i - 1]?.[0], matches[i + 1]?.[0]) : word;
    out += text.slice(at, m.index) + spelt;
    at = m.index! + word.length;
  });
  return out + text.slice(at);
}

/**
 * A query typed without marks, read with them where the reading is beyond doubt: a word that forms
 * a two-word term of the vocabulary with a neighbour ("say lanh" → "sấy lạnh", "may say nong san" →
 * "máy sấy nông sản", "nuoi tom" → "nuôi tôm"). A word the vocabulary does not pair stays as typed
 * ("bao quan tom" → "bảo quản tom": "tom" may be tôm, tôm's English or tomato), as does the whole
 * query when it is English or already marked: a bare word finds every spelling, and a wrong guess
 * would narrow it to a word the visitor did not mean. Reading the pair is what keeps a scattered
 * "cảnh báo … quan trắc … tôm" from passing as a close match for "bao quan tom".
 */
export function readBareQuery(text: string): string {
  if (!isBareVietnamese(text)) return text;
  const v = vocabulary();
  const matches = [...text.matchAll(WORD)];
  const words = matches.map((m) => m[0].toLowerCase());
  const paired = (i: number) =>
    (i > 0 && v.after.has(`${words[i - 1]} ${words[i]}`)) || (i + 1 < words.length && v.before.has(`${words[i]} ${words[i + 1]}`));
  if (words.every((w, i) => /\d/.test(w) || paired(i))) return restoreDiacritics(text);
  let out = '';
  let at = 0;
  matches.forEach((m, i) => {
    // A paired word's spelling is read from the neighbours it pairs with only: an unpaired one says nothing.
    const previous = i > 0 && v.after.has(`${words[i - 1]} ${words[i]}`) ? words[i - 1] : undefined;
    const next = i + 1 < words.length && v.before.has(`${words[i]} ${words[i + 1]}`) ? words[i + 1] : undefined;
    out += text.slice(at, m.index) + (paired(i) ? spellingOf(v, m[0], previous, next) : m[0]);
    at = m.index! + m[0].length;
  });
  return out + text.slice(at);
}
