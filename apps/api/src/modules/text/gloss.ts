/**
 * The gloss: a text's vocabulary terms in the other language, phrase order kept close
 * (glossText), from the synonym table, the lexicon's concept names and the taxonomy's field
 * names (GLOSS_GROUPS). Carried on documents for search; a lexical field for matching. Pure code.
 */
import { TECH_FIELDS } from '@techport/shared';
import { CONCEPTS } from './lexicon.js';
import { foldText, isAccentedText, normalizeText } from './normalize.js';
import { REGIONAL_VARIANTS, SYNONYM_GROUPS } from './synonyms.js';
import { GENERAL_TERMS, GLOSS_VOCABULARY } from './gloss-vocabulary.js';

// ---------------------------------------------------------------------------------------------
// Gloss (search): the listing's title, keywords and summary in the other language, word order
// kept close, so a query in English finds a Vietnamese listing as a close match (and the other
// way round).
// ---------------------------------------------------------------------------------------------

/**
 * The bilingual vocabulary of the gloss: the synonym table, the lexicon's concept names (vi / en,
 * each a comma-separated list) and the taxonomy's field names (nameVi / nameEn), both ways; and,
 * Vietnamese → English only, the domain's general vocabulary (gloss-vocabulary.ts, in glossIndex).
 * All written for the project (none from queries or demands).
 */
export const GLOSS_GROUPS: readonly string[][] = [
  ...SYNONYM_GROUPS,
  ...CONCEPTS.map((c) => [...c.vi.split(/\s*,\s*/), ...c.en.split(/\s*,\s*/)]),
  ...TECH_FIELDS.map((f) => [f.nameVi, f.nameEn]),
].map((g) => [...new Set(g.map((t) => t.trim()).filter(Boolean))]).filter((g) => g.length > 1);

/**
 * Words that join noun phrases (Vietnamese and English prepositions and conjunctions): the gloss
 * reverses the order of the terms between two of them, not across.
 */
const GLOSS_JOINS = new Set(
  ['cho', 'của', 'và', 'với', 'bằng', 'từ', 'trong', 'tại', 'để', 'theo', 'trên', 'dùng', 'sử', 'hoặc', 'for', 'of', 'and', 'with', 'by', 'from', 'in', 'at', 'to', 'on', 'using', 'or', 'the', 'a', 'an'],
);

/**
 * One-way gloss terms (Vietnamese → English only): Vietnamese names a piece of drying equipment by
 * what it is (tủ cabinet, lò kiln, buồng chamber, nhà house, thiết bị / hệ thống equipment / system)
 * where English says "dryer" for all of them. They are not synonyms of "máy sấy" (a search for
 * "lò sấy" should not rewrite to "máy sấy"), and an English "dryer" glosses to "máy sấy" alone
 * (a name with several Vietnamese readings would split the gloss's phrases), so they live here
 * and not in the synonym table. From the vocabulary of drying equipment, not from queries.
 */
const GLOSS_ONE_WAY: readonly [string, string][] = [
  ['tủ sấy', 'dryer'],
  ['lò sấy', 'dryer'],
  ['buồng sấy', 'dryer'],
  ['nhà sấy', 'dryer'],
  ['thiết bị sấy', 'dryer'],
  ['hệ thống sấy', 'dryer'],
  ['dàn sấy', 'dryer'],
];

interface GlossTerm {
  words: string[];
  others: string[];
}

/** Terms by their first word, longest first; keyed exact (accented text) and folded (text typed without diacritics). */
function glossIndex(folded: boolean): Map<string, GlossTerm[]> {
  const index = new Map<string, GlossTerm[]>();
  for (const group of GLOSS_GROUPS) {
    for (const term of group) {
      const exact = normalizeText(term);
      if (!exact) continue;
      // A short abbreviation ("ai", "his") or, once folded, one accented syllable ("lợn" → "lon")
      // is an everyday word too: only longer terms, and accented syllables in accented text.
      if (exact.length <= 3 && !exact.includes(' ') && foldText(exact) === exact) continue;
      if (folded && !exact.includes(' ') && foldText(exact) !== exact) continue;
      const words = (folded ? foldText(exact) : exact).split(' ');
      const others = group.filter((t) => normalizeText(t) !== exact);
      const list = index.get(words[0]) ?? [];
      // A phrase in several groups ("năng lượng mặt trời": the synonym table and a concept's name) has all their names.
      const same = list.find((t) => t.words.join(' ') === words.join(' '));
      if (same) same.others = [...new Set([...same.others, ...others])];
      else list.push({ words, others });
      index.set(words[0], list);
    }
  }
  // One way, Vietnamese → English: the drying equipment above, and the domain's general vocabulary
  // (gloss-vocabulary.ts), whose English names are not each other's synonyms ("kiln" is not a
  // "dryer") and would only add noise to an English listing's Vietnamese gloss.
  const oneWay: [string, readonly string[]][] = [...GLOSS_ONE_WAY.map(([vi, en]): [string, string[]] => [vi, [en]]), ...GLOSS_VOCABULARY.map(([vi, ...en]): [string, string[]] => [vi, en])];
  for (const [vi, en] of oneWay) {
    const exact = normalizeText(vi);
    if (folded && !exact.includes(' ') && foldText(exact) !== exact) continue; // as above: "cá" is not every "ca"
    const words = (folded ? foldText(exact) : exact).split(' ');
    const list = index.get(words[0]) ?? [];
    const same = list.find((t) => t.words.join(' ') === words.join(' '));
    // A term the groups above already name keeps their names first and gains the missing ones.
    if (same) same.others = [...new Set([...same.others, ...en])];
    else list.push({ words, others: [...en] });
    index.set(words[0], list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const GLOSS_INDEX = { exact: glossIndex(false), folded: glossIndex(true) };

/**
 * Whether a phrase is one of the vocabulary's general words (gloss-vocabulary.ts GENERAL_TERMS), as
 * written or folded, or one of their English names, or a unit of time ("weeks" of "18–21 days
 * longer", "6–8 weeks"): words any listing may use, which say nothing of what two listings share.
 */
export function isGeneralTerm(phrase: string): boolean {
  const exact = normalizeText(phrase);
  if (GENERAL_ENGLISH.has(exact)) return true;
  return foldText(exact) !== exact ? GENERAL_EXACT.has(exact) : GENERAL_FOLDED.has(exact);
}
const GENERAL_EXACT = new Set([...GENERAL_TERMS].map((t) => normalizeText(t)));
const GENERAL_FOLDED = new Set([...GENERAL_EXACT].map((t) => foldText(t)));
const TIME_UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'].flatMap((u) => [u, `${u}s`]);
const GENERAL_ENGLISH = new Set([...TIME_UNITS, ...GLOSS_VOCABULARY.filter(([vi]) => GENERAL_TERMS.has(vi)).flatMap(([, ...en]) => en.map((e) => normalizeText(e)))]);

/**
 * Whether a phrase is a term of the vocabularies (synonyms, concepts, field names, the general
 * vocabulary), as written or, typed without diacritics, folded: "chế biến", "bơm nhiệt" are;
 * "thải chế", the seam of "nước thải | chế biến", is not.
 */
export function isKnownTerm(phrase: string): boolean {
  const exact = normalizeText(phrase);
  const accented = foldText(exact) !== exact;
  const words = exact.split(' ');
  return (GLOSS_INDEX[accented ? 'exact' : 'folded'].get(words[0]) ?? []).some((t) => t.words.join(' ') === exact);
}

/**
 * Phrases in which a vocabulary word means something else: the regional variants' `not` ("Trà
 * Vinh" is a province, not tea) and the compounds below. Not the lexicon's `not` as a whole: some of
 * its phrases only leave a concept ("đèn UV" is a lamp, just not lighting).
 */
const GLOSS_OTHER_MEANINGS = ['mực nước', 'mực in', 'chuẩn mực', 'máy bay', 'máy tính', 'máy chủ', 'máy phát điện', 'kinh tế tuần hoàn'];

/**
 * The phrases above by their first word: left out of the gloss unless a vocabulary term as long or
 * longer starts there ("máy bay không người lái" is a drone).
 */
function glossExceptions(folded: boolean): Map<string, string[][]> {
  const phrases = [...GLOSS_OTHER_MEANINGS, ...REGIONAL_VARIANTS.flatMap((v) => v.not ?? [])];
  const index = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const exact = normalizeText(phrase);
    if (!exact) continue;
    const words = (folded ? foldText(exact) : exact).split(' ');
    index.set(words[0], [...(index.get(words[0]) ?? []), words].sort((a, b) => b.length - a.length));
  }
  return index;
}

const GLOSS_EXCEPTIONS = { exact: glossExceptions(false), folded: glossExceptions(true) };

/** A sentence's vocabulary terms in order (their words as written, their names in the other language), and the joining words between them. */
type GlossStep = { term: string; names: string[] } | 'join';

function glossSteps(sentence: string): GlossStep[] {
  const folded = !isAccentedText(sentence);
  const index = folded ? GLOSS_INDEX.folded : GLOSS_INDEX.exact;
  const exceptions = folded ? GLOSS_EXCEPTIONS.folded : GLOSS_EXCEPTIONS.exact;
  const words = (folded ? foldText(normalizeText(sentence)) : normalizeText(sentence)).split(' ').filter(Boolean);
  const steps: GlossStep[] = [];
  for (let i = 0; i < words.length; ) {
    const term = index.get(words[i])?.find((t) => t.words.every((w, k) => words[i + k] === w));
    const exception = exceptions.get(words[i])?.find((e) => e.every((w, k) => words[i + k] === w));
    if (exception && exception.length > (term?.words.length ?? 0)) {
      i += exception.length;
      continue;
    }
    // A joining word ends a phrase, unless it begins a longer term ("theo dõi", "từ xa", "bằng sáng chế").
    if (GLOSS_JOINS.has(words[i]) && !(term && term.words.length > 1)) {
      steps.push('join');
      i++;
      continue;
    }
    if (term) {
      steps.push({ term: term.words.join(' '), names: term.others });
      i += term.words.length;
    } else i++;
  }
  return steps;
}

const glossSentences = (parts: readonly string[]) => parts.flatMap((part) => part.split(/[.;:!?()\n\[\]]+|,\s/));

/**
 * (search) The document's `gloss`: each sentence of the text (title, each keyword, summary) with
 * every vocabulary term it uses replaced by the term's other names, and the order of the terms
 * reversed within each noun phrase (between joining words): Vietnamese puts the head first and
 * English last ("máy sấy | bơm nhiệt" is "heat pump | dryer"), so an English query's words sit
 * side by side in a Vietnamese listing's gloss, and pass the close-match bar (proximity) as they
 * would in an English title. Words outside the vocabulary are left out.
 */
export function glossText(parts: readonly string[]): string {
  const out: string[] = [];
  for (const sentence of glossSentences(parts)) {
    const phrases: string[] = [];
    let chunk: string[] = [];
    const flush = () => {
      if (chunk.length) phrases.push(chunk.reverse().join(' '));
      chunk = [];
    };
    for (const step of glossSteps(sentence)) {
      if (step === 'join') flush();
      else chunk.push(step.names.join(' '));
    }
    flush();
    if (phrases.length) out.push(phrases.join(' '));
  }
  return out.join(' . ');
}

/**
 * Where a word of a text's gloss comes from: the text's own term whose other-language names
 * include `word` (one or more words, folded, as the gloss's matching words are), e.g. "shrimp" or
 * "black tiger" of a Vietnamese text → "tôm sú" as the text writes it; undefined when no term of the
 * text glosses to it. A match explained to a Vietnamese reader names what both listings share in
 * the reader's words, not in the other listing's English.
 */
export function glossOrigin(parts: readonly string[], word: string): string | undefined {
  const wanted = foldText(normalizeText(word));
  const has = (name: string) => ` ${foldText(normalizeText(name))} `.includes(` ${wanted} `);
  let partial: string | undefined;
  for (const sentence of glossSentences(parts)) {
    for (const step of glossSteps(sentence)) {
      if (step === 'join') continue;
      if (step.names.some((n) => foldText(normalizeText(n)) === wanted)) return step.term;
      if (partial === undefined && step.names.some(has)) partial = step.term;
    }
  }
  return partial;
}

/**
 * (Meilisearch, one way) The English plural of each English word the gloss and the synonym table
 * write, read as the word: "pumps" → "pump", "mangoes" → "mango", "batteries" → "battery". The gloss
 * writes singulars, and Meilisearch matches a query word whole: a plural of five letters or fewer is
 * not even a typo away ("heat pumps for mango" found the Vietnamese heat-pump dryer only among the
 * related results). One way: "pump" is not widened to "pumps". A plural that is a word of its own
 * ("news") is left alone.
 */
/** How the vocabulary's Vietnamese names a machine or a device: "máy sấy", "thiết bị lọc", "lò đốt". */
const MACHINE_HEADS = ['máy ', 'thiết bị ', 'bộ ', 'lò ', 'tủ ', 'buồng ', 'dây chuyền '];

export function englishPluralSynonyms(): Record<string, string[]> {
  const words = new Set<string>();
  const english = [...GLOSS_GROUPS.flat(), ...GLOSS_VOCABULARY.flatMap(([, ...en]) => en), ...GLOSS_ONE_WAY.map(([, en]) => en)];
  for (const term of english) {
    if (isAccentedText(term)) continue;
    for (const w of normalizeText(term).split(' ')) if (/^[a-z]{3,}$/.test(w)) words.add(w);
  }
  const out: Record<string, string[]> = {};
  for (const w of words) {
    const plurals = /[^aeiou]y$/.test(w) ? [w.slice(0, -1) + 'ies'] : /(s|x|z|ch|sh)$/.test(w) ? [w + 'es'] : /[^aeiou]o$/.test(w) ? [w + 'es', w + 's'] : [w + 's'];
    for (const p of plurals) if (!words.has(p)) out[p] = [w];
  }
  // A machine and its process, both words of the vocabulary: "dryer" and "drying", "sorter" and
  // "sorting" (a "solar dryer" is a solar drying system). Both ways; only the English names of
  // machines and devices ("máy sấy" is "dryer"), so that "sewer" is no "sewing", nor "learner" "learning".
  const machines = new Set(
    GLOSS_VOCABULARY.filter(([vi]) => MACHINE_HEADS.some((head) => vi.startsWith(head))).flatMap(([, ...en]) => en.flatMap((e) => normalizeText(e).split(' '))),
  );
  for (const w of machines) {
    const process = w.endsWith('er') ? `${w.slice(0, -2)}ing` : null;
    if (process && words.has(process)) {
      out[w] = [...(out[w] ?? []), process];
      out[process] = [...(out[process] ?? []), w];
    }
  }
  return out;
}
