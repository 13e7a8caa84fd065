/**
 * Explanations: a ranked match's reasons, the exact decomposition of its score into keywords,
 * concepts, field, feedback and each constraint, labelled in the reader's language. Pure code.
 */
import { canonicalSpelling, foldDiacritics, type Lang } from '@techport/shared';
import { couldBeVietnameseSyllable, extractConcepts, findConcept, glossOrigin, isAccentedText, isGeneralTerm, isKnownTerm } from '../text/index.js';
import { fieldByCode, termSurfaces, termVector } from './listing-features.js';
import type { MatchListing, MatchReason, RankedMatch } from './matching.engine.js';
import { CONSTRAINT_FLOOR, MATCH_FEEDBACK, RELEVANCE_WEIGHTS } from './matching.weights.js';
import type { Scored } from './ranking.js';

function both(lang: Lang, vi: string, en: string): string {
  return lang === 'en' ? en : vi;
}

const UNIT = 10000; // reasons and scores are rounded to 4 decimals

/** How many of the top contributing terms are considered for naming (their spellings are looked up). */
const NAMED_TERMS_CONSIDERED = 15;

/**
 * Whether a shared term says something to a reader on its own: a phrase of two words ("bơm nhiệt",
 * "heat pump"), or one word of four letters or more without Vietnamese marks (an English or
 * technical word: "dryer", "chitosan"). A lone Vietnamese syllable rarely does ("hỗ" of "hỗ trợ",
 * "sau", "máy"), nor does a unit ("kg"). It still counts in the score; it is only not named.
 */
function nameable(surface: string, keywords: readonly string[]): boolean {
  // A general word of any listing ("thử nghiệm", "thời gian", "sản phẩm") explains nothing, unless the listing names it as a keyword.
  if (isGeneralTerm(surface) && !keywords.some((k) => foldDiacritics(k.toLowerCase()) === foldDiacritics(surface.toLowerCase()))) return false;
  const [first, second] = surface.toLowerCase().split(' ');
  const known = () => isKnownTerm(surface) || keywords.some((k) => withinKeyword(foldDiacritics(surface.toLowerCase()), foldDiacritics(k.toLowerCase())));
  if (second !== undefined) {
    // Two spellings of one word side by side are the gloss's alternatives ("machine machinery"), not a phrase.
    if (first.slice(0, 5) === second.slice(0, 5)) return false;
    // Two Vietnamese syllables side by side may straddle two words ("thải chế" of "nước thải chế
    // biến", "biến thủy" of "chế biến thủy sản"), typed with marks or without ("cong ti" of "cong
    // ti … co"): named only as a term the vocabularies or the listing's own keywords hold.
    if (foldDiacritics(surface) === surface && !(couldBeVietnameseSyllable(first) && couldBeVietnameseSyllable(second))) return true;
    return known();
  }
  // One word: an English or technical word of four letters or more ("dryer", "chitosan"), not a
  // Vietnamese syllable typed without marks ("nang", "dinh", "long" of "thanh long").
  const alone = () => isKnownTerm(surface) || keywords.some((k) => foldDiacritics(k.toLowerCase()) === surface.toLowerCase());
  return /^\p{L}{4,}$/u.test(surface) && foldDiacritics(surface) === surface && (!couldBeVietnameseSyllable(surface) || alone());
}

/**
 * Whether a phrase stands in a keyword as a word of it: the whole keyword, or with at least two
 * syllables left on each side it leaves. A lone syllable left over means the phrase straddles two
 * of the keyword's words: "sấy nông" of "máy sấy nông sản", "kiệm điện" of "tiết kiệm điện".
 */
function withinKeyword(phrase: string, keyword: string): boolean {
  const words = keyword.split(/\s+/).filter(Boolean);
  const n = phrase.split(' ').length;
  for (let i = 0; i + n <= words.length; i++) {
    if (words.slice(i, i + n).join(' ') !== phrase) continue;
    const left = i;
    const right = words.length - i - n;
    if ((left === 0 || left >= 2) && (right === 0 || right >= 2)) return true;
  }
  return false;
}

/**
 * The (up to) three terms that contribute most to the lexical similarity and say something alone
 * (nameable), as the candidate spells them: in its own words, or, when the two listings are in
 * different languages (`crossLingual`), in its gloss too (an English demand meets a Vietnamese
 * offer through "heat pump").
 */
export function sharedTerms(srcW: Map<string, number>, cand: MatchListing, crossLingual = false, source?: MatchListing): string[] {
  const contrib: [string, number][] = [];
  for (const [t, v] of termVector(cand)) {
    const sw = srcW.get(t);
    if (sw) contrib.push([t, sw * v]);
  }
  contrib.sort((a, b) => b[1] - a[1]);
  const top = contrib.slice(0, NAMED_TERMS_CONSIDERED).map(([t]) => t);
  const surfaces = termSurfaces(cand, new Set(top), { gloss: crossLingual });
  // How the source listing spells the same folded terms in its own words: two spellings with
  // different marks are two words that fold alike ("đạt yêu" of "đạt yêu cầu" is no "đất yếu"), not
  // a shared keyword; one typed without marks is named as the other writes it ("nuoi tom" → "nuôi tôm").
  const sourceSurfaces = source && !crossLingual ? termSurfaces(source, new Set(top), { gloss: false }) : new Map<string, string>();
  // Listings in two languages share words through the source's gloss: named as the source writes
  // them ("tôm sú", not the English offer's "black tiger"), for the source's reader.
  const inSourceWords = (word: string): string | undefined => {
    if (!crossLingual || !source) return undefined;
    return termSurfaces(source, new Set([foldDiacritics(word.toLowerCase())]), { gloss: false }).get(foldDiacritics(word.toLowerCase())) ?? glossOrigin([source.title, ...source.keywords, source.summary], word);
  };
  const out: string[] = [];
  // One name a thing: a term whose topics (the lexicon's concepts) are all named already says it
  // again in other words ("máy sấy, dryer, drying"; "may say" beside "máy sấy").
  const topicsNamed = new Set<string>();
  for (const t of top) {
    let surface = surfaces.get(t);
    const own = sourceSurfaces.get(t);
    if (surface !== undefined && own !== undefined && isAccentedText(own)) {
      if (!isAccentedText(surface)) surface = own;
      else if (canonicalSpelling(own.toLowerCase()) !== canonicalSpelling(surface.toLowerCase())) continue;
    }
    if (surface === undefined || !nameable(surface, cand.keywords)) continue;
    surface = inSourceWords(surface) ?? surface;
    if (out.some((o) => o.includes(surface!) || surface!.includes(o))) continue;
    const folded = foldDiacritics(surface.toLowerCase());
    const sameWord = out.findIndex((o) => foldDiacritics(o.toLowerCase()) === folded);
    if (sameWord >= 0) {
      // The same word typed with and without marks: keep the one with them.
      if (foldDiacritics(out[sameWord]) === out[sameWord] && surface !== folded) out[sameWord] = surface;
      continue;
    }
    const topics = extractConcepts(surface);
    if (topics.length && topics.every((c) => topicsNamed.has(c))) continue;
    for (const c of topics) topicsNamed.add(c);
    out.push(surface);
    if (out.length >= 3) break;
  }
  return out;
}

function fieldName(code: string, lang: Lang): string {
  const f = fieldByCode.get(code);
  return f ? (lang === 'en' ? f.nameEn : f.nameVi) : code;
}

export function explain(s: Scored, terms: string[], lang: Lang): RankedMatch {
  const floor = CONSTRAINT_FLOOR;
  const parts: { code: string; label: string; value: number; always: boolean }[] = [];
  const sig = s.signals;
  const kw = (RELEVANCE_WEIGHTS.lexical * sig.lexical + RELEVANCE_WEIGHTS.fusion * sig.fusion) * floor;
  parts.push({
    code: 'KEYWORDS',
    label: terms.length
      ? both(lang, `Từ khóa chung: ${terms.join(', ')}`, `Shared keywords: ${terms.join(', ')}`)
      : both(lang, 'Nội dung tương tự', 'Similar wording'),
    value: kw,
    always: false,
  });
  const conceptNames = sig.sharedConcepts.slice(0, 3).map((c) => {
    const d = findConcept(c);
    return d ? (lang === 'en' ? d.en : d.vi) : c;
  });
  parts.push({
    code: 'CONCEPTS',
    label: both(lang, `Cùng chủ đề: ${conceptNames.join('; ')}`, `Related topics: ${conceptNames.join('; ')}`),
    value: RELEVANCE_WEIGHTS.concepts * sig.concepts * floor,
    always: false,
  });
  const fieldLabel = sig.sharedFields.length
    ? both(lang, 'Cùng lĩnh vực: ', 'Same field: ') + sig.sharedFields.map((c) => fieldName(c, lang)).join('; ')
    : both(lang, 'Lĩnh vực gần: ', 'Related field: ') + sig.parentFields.map((c) => fieldName(c, lang)).join('; ');
  parts.push({ code: 'FIELD', label: fieldLabel, value: RELEVANCE_WEIGHTS.field * sig.field * floor, always: false });
  parts.push({
    code: 'FEEDBACK',
    label: both(lang, 'Bên có nhu cầu tương tự đã quan tâm hoặc giao dịch', 'Organisations with similar needs took this up'),
    value: MATCH_FEEDBACK.weight * sig.feedback * floor,
    always: false,
  });
  for (const c of s.cons) {
    parts.push({
      code: c.code,
      label: lang === 'en' ? c.label.en : c.label.vi,
      value: s.R * (1 - floor) * c.weight * c.satisfaction,
      always: c.always,
    });
  }
  // the parts add up to s.raw = R × (floor + (1 − floor) × C); round each to 4 decimals and make
  // the score their exact sum (in units of 1e-4), the residue going to the largest part
  const units = parts.map((p) => Math.round(p.value * UNIT));
  const target = Math.min(UNIT, Math.max(0, Math.round(s.raw * UNIT)));
  const total = units.reduce((a, u) => a + u, 0);
  if (total !== target) {
    const i = units.indexOf(Math.max(...units));
    units[i] += target - total;
  }
  const reasons: MatchReason[] = [];
  parts.forEach((p, i) => {
    if (units[i] > 0 || p.always) reasons.push({ code: p.code, label: p.label, weight: units[i] / UNIT });
  });
  return { id: s.cand.id, score: target / UNIT, reasons };
}
