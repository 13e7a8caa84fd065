/**
 * Content words: a text's folded words without Vietnamese and English function words and bare
 * numbers (wordsOf). The tokeniser of matching (its keyword queries and lexical vectors). Pure
 * code.
 */
import { foldText, normalizeText } from './normalize.js';

/** Vietnamese function words, with diacritics (folded they collide with content words:
 * "trong"/"trồng", "được"/"dược", "khi"/"khí", so they are dropped before folding). */
const STOP_VI = new Set(
  (
    'và của cho các có được là để trong với những một này khi từ theo đến không bị đã đang sẽ thì mà nên vì nếu ' +
    'như cũng rất lại ra vào lên hơn chỉ vẫn còn đều hay hoặc tại trên dưới trước về bằng qua do nhưng chúng tôi ' +
    'ta mình họ cần muốn phải cái việc đó kia ở gì nào bao mỗi mọi cả từng khoảng hết luôn đi tới lúc thế vậy ' +
    'nhiều ít rồi chưa đây được nhau bên giúp nhờ hiện nay thể thấy biết làm sao chiếc loại các'
  ).split(/\s+/),
);

/** For text typed without diacritics: folded forms that are function words however they would
 * be accented (not "vi" = vì/vi sinh, "qua" = qua/quả, "ho" = họ/hồ, "day" = đây/dây …). */
const STOP_FOLDED = new Set(
  'va cac khong nay nhu rat hoac neu se van ta minh can muon phai viec kia gi nao tung khoang het nhau giup hien'.split(' '),
);

/** English function words, minus those that are also Vietnamese syllables ("an toàn", "to",
 * "no", "do", "so", "me", "my"), since English stop words apply to every text. */
const STOP_EN = new Set(
  (
    'the a of for and or in on with by from at as is are be been being we our us it its that this these those can ' +
    'could not but into per than then have has had was were will would should must need needs want wants which who what ' +
    'how all any each more most up out over under only also still every such their they them you your does did without ' +
    'about after before while when where there here very much many some other his her get got make made use used using ' +
    'keep keeping way ways since if because one two'
  ).split(/\s+/),
);

const NUMERIC = /^\d+[.,]?\d*$/;

/**
 * Folded content words of a text, in order, with null where a function word or a bare number
 * broke the phrase. `accented` says whether the listing is written with diacritics (decided once
 * per listing): function words are recognised before folding in accented text, so "trồng" is
 * never dropped as "trong". With `surfaces`, the original spelling of each word is kept too.
 */
export function wordsOf(text: string, accented: boolean, surfaces?: (string | null)[]): (string | null)[] {
  const norm = normalizeText(text);
  if (!norm) return [];
  const words = norm.split(' ');
  let folded = foldText(norm).split(' ');
  if (folded.length !== words.length) folded = words.map((w) => foldText(w));
  const out: (string | null)[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const f = folded[i];
    const stop =
      STOP_EN.has(w) || (accented ? STOP_VI.has(w) : STOP_FOLDED.has(f)) || NUMERIC.test(w) || (w.length < 2 && !/\d/.test(w));
    out[i] = stop ? null : f;
    if (surfaces) surfaces.push(stop ? null : w);
  }
  return out;
}
