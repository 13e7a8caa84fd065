import { wordDiff } from 'diff';

/**
 * What a pending revision changes, field by field, for the moderator who decides on it: only the
 * fields that differ from what is published, texts as a word diff (jsdiff, which counts
 * Vietnamese letters as word characters) with long unchanged stretches shortened around the
 * edits, lists as items removed and added. A figure is one word: an amount of money, any number
 * with its unit, a date or a time is struck and written anew whole ("225.000.000 ₫ –
 * ~~525.000.000 ₫~~ 480.000.000 ₫", not "~~525~~ 480.000.000 ₫").
 */

/** One field as published (`before`) and as the revision has it (`after`). */
export interface FieldBeside {
  label: string;
  before: string | readonly string[] | null | undefined;
  after: string | readonly string[] | null | undefined;
}

export type TextPiece = { kind: 'same' | 'removed' | 'added'; text: string } | { kind: 'gap' };
export type ListItem = { kind: 'same' | 'removed' | 'added'; text: string };

export type ChangedField = { label: string; text: TextPiece[] } | { label: string; items: ListItem[] };

/** Unchanged words kept on each side of an edit; a longer unchanged stretch is cut to a gap. */
export const CONTEXT_WORDS = 12;

export function changedFields(fields: readonly FieldBeside[]): ChangedField[] {
  const changed: ChangedField[] = [];
  for (const { label, before, after } of fields) {
    if (Array.isArray(before) || Array.isArray(after)) {
      const items = listChanges(asList(before), asList(after));
      if (items.some((i) => i.kind !== 'same')) changed.push({ label, items });
    } else {
      const [was, now] = [asText(before as string | null | undefined), asText(after as string | null | undefined)];
      if (was !== now) changed.push({ label, text: textChanges(was, now) });
    }
  }
  return changed;
}

/** Text as compared: NFC, one kind of line break (a form's "\r\n" and the published "\n" are the same text), trimmed. */
function asText(value: string | null | undefined): string {
  return (value ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

function asList(value: string | readonly string[] | null | undefined): string[] {
  if (value == null) return [];
  return [...new Set((typeof value === 'string' ? [value] : [...value]).map((v) => asText(v)).filter(Boolean))];
}

/** The items of both lists in the revision's order, those gone appended where they stood. */
function listChanges(before: string[], after: string[]): ListItem[] {
  const kept = new Set(before);
  const now = new Set(after);
  const items: ListItem[] = after.map((text) => ({ kind: kept.has(text) ? 'same' : 'added', text }));
  for (const text of before) if (!now.has(text)) items.push({ kind: 'removed', text });
  return items;
}

// The letters jsdiff's word diff counts as word characters (diff/word.js): Latin with its diacritics.
const WORD_CHARS = 'a-zA-Z0-9_\\u{AD}\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2C6}\\u{2C8}-\\u{2D7}\\u{2DE}-\\u{2FF}\\u{1E00}-\\u{1EFF}';
/** Not followed by a letter or digit: the end of a word (JavaScript's \\b knows ASCII letters only). */
const END = '(?![\\p{L}\\p{N}])';
const SP = '[ \\u{A0}\\u{202F}]'; // one space, as Intl writes it too (no-break, narrow no-break)
/** A number as the pages write them: "225.000.000", "1,5", "2,250.00", "80". */
const NUMBER = '\\d+(?:[.,]\\d+)*';
const MONTHS_EN = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** Dates and times, in the forms formatDate and its kin write (lib/format.ts) and people type. */
const DATE = [
  '\\d{4}-\\d{2}-\\d{2}', // 2026-03-12
  '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}', // 12/03/2026, 12.3.26
  `\\d{1,2}${SP}(?:thg|tháng)${SP}\\d{1,2}(?:,?${SP}(?:năm${SP})?\\d{4})?`, // 12 thg 3, 2026; 12 tháng 3 năm 2026
  `(?:thg|tháng)${SP}\\d{1,2}(?:/|${SP}(?:năm${SP})?)\\d{4}`, // tháng 3/2026, thg 3 2026
  `\\d{1,2}${SP}${MONTHS_EN}\\.?,?${SP}\\d{4}`, // 12 Mar 2026
  `${MONTHS_EN}\\.?${SP}\\d{1,2},${SP}\\d{4}`, // March 12, 2026
  `${MONTHS_EN}\\.?${SP}\\d{4}`, // Mar 2026
  '\\d{1,2}/\\d{4}', // 3/2026
  '\\d{1,2}:\\d{2}(?::\\d{2})?', // 18:17
].map((d) => `${d}${END}`);
/** Units a number carries: money, scales, measures, durations, counts (Vietnamese and English). */
const UNIT_WORDS = [
  'đồng', 'đ', 'VND', 'VNĐ', 'USD', 'EUR', 'tỷ', 'tỉ', 'triệu', 'nghìn', 'ngàn', 'trăm', 'million', 'millions', 'billion', 'billions', 'thousand', 'bn', 'm', 'k',
  'tấn', 'tạ', 'yến', 'kg', 'g', 'mg', 'µg', 'lít', 'l', 'ml', 'mét', 'km', 'cm', 'mm', 'µm', 'nm', 'ha', 'hécta', 'mẫu', 'sào', 'm2', 'm3', 'm²', 'm³', 'cm²', 'cm³',
  'W', 'kW', 'MW', 'Wh', 'kWh', 'MWh', 'kWp', 'V', 'kV', 'mV', 'A', 'mA', 'Ah', 'mAh', 'Hz', 'kHz', 'MHz', 'GHz', 'Pa', 'kPa', 'MPa', 'bar', 'atm', 'ppm', 'lux', 'dB', 'vòng/phút', 'rpm',
  'kB', 'MB', 'GB', 'TB', 'B', 'px',
  'giờ', 'phút', 'giây', 'ngày', 'tuần', 'tháng', 'năm', 'quý', 'h', 'min', 's', 'hours', 'hour', 'minutes', 'minute', 'seconds', 'days', 'day', 'weeks', 'week', 'months', 'month', 'years', 'year',
  'tonnes', 'tonne', 'tons', 'ton', 'litres', 'litre', 'liters', 'liter', 'metres', 'metre', 'meters', 'meter', 'hectares', 'hectare', 'percent',
  'lần', 'trang', 'pages', 'page', 'times', 'người', 'con', 'cây', 'bản', 'mẻ', 'độ',
].sort((a, b) => b.length - a.length);
const ESCAPE = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A unit: a sign ("%", "°C", "₫", "$") or a word of the list, then maybe per another ("tấn/mẻ", "kg/ha"). */
const UNIT = `(?:%|‰|°${SP}?[CFK]?|₫|\\$|€|£|¥|(?:${UNIT_WORDS.map(ESCAPE).join('|')})${END})(?:/[\\p{L}\\p{N}²³]+)?`;
/** A number with what goes with it: a currency sign before ("₫225,000,000", "$2,250"), a range ("40–55"), its units after ("1,5 tỷ đồng", "2 tấn/mẻ", "80%"). */
const QUANTITY = `(?:US\\$|[$€£¥₫])?${NUMBER}(?:${SP}?[–-]${SP}?${NUMBER})?(?:${SP}?${UNIT}){0,2}${END}`;
/**
 * The tokens of jsdiff's word diff (diff/word.js: a word or a punctuation mark, with the spaces
 * around it), except that a date, a time or a quantity with its units is one token, spaces and
 * all: it is replaced whole or kept whole.
 */
const TOKEN = new RegExp(`${DATE.join('|')}|${QUANTITY}|[${WORD_CHARS}]+|\\s+|[^${WORD_CHARS}]`, 'gu');
const SPACES = /^\s+$/;

function tokenize(value: string): string[] {
  const tokens: string[] = [];
  let previous: string | null = null;
  // As jsdiff's own: the spaces go with the token before them, and the token after them starts with them too.
  for (const part of value.match(TOKEN) ?? []) {
    if (SPACES.test(part)) {
      if (previous == null) tokens.push(part);
      else tokens.push(tokens.pop() + part);
    } else if (previous != null && SPACES.test(previous)) {
      if (tokens[tokens.length - 1] === previous) tokens.push(tokens.pop() + part);
      else tokens.push(previous + part);
    } else {
      tokens.push(part);
    }
    previous = part;
  }
  return tokens;
}

/** jsdiff's word diff (its comparison, joining and tidying of spaces) with the tokens above. */
const figureWordDiff: typeof wordDiff = Object.assign(Object.create(wordDiff) as typeof wordDiff, { tokenize });

/** A word diff, each unchanged stretch cut to CONTEXT_WORDS words beside the edits it touches. */
export function textChanges(before: string, after: string): TextPiece[] {
  const parts = figureWordDiff.diff(before, after);
  const pieces: TextPiece[] = [];
  parts.forEach((part, index) => {
    if (part.added || part.removed) {
      pieces.push({ kind: part.added ? 'added' : 'removed', text: part.value });
      return;
    }
    pieces.push(...shorten(part.value, index > 0, index < parts.length - 1));
  });
  return pieces;
}

/** Keeps the words of an unchanged stretch next to an edit before it (`head`) and after it (`tail`). */
function shorten(text: string, afterAnEdit: boolean, beforeAnEdit: boolean): TextPiece[] {
  const tokens = text.split(/(\s+)/); // words at even indexes, the spaces between them at odd ones
  const words = Math.ceil(tokens.length / 2);
  const keep = (afterAnEdit ? CONTEXT_WORDS : 0) + (beforeAnEdit ? CONTEXT_WORDS : 0);
  if (words <= keep + 2) return [{ kind: 'same', text }];
  const head = afterAnEdit ? tokens.slice(0, CONTEXT_WORDS * 2).join('') : '';
  const tail = beforeAnEdit ? tokens.slice(tokens.length - CONTEXT_WORDS * 2).join('') : '';
  return [...(head ? [{ kind: 'same' as const, text: head }] : []), { kind: 'gap' }, ...(tail ? [{ kind: 'same' as const, text: tail }] : [])];
}
