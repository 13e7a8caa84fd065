import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RejectionReason } from '@techport/shared';
import { sentence, tidyPunctuation } from './i18n.js';
import { rejectionNotice } from '../modules/moderation-core/moderation.labels.js';

/**
 * Words: the glossary (docs/glossary.md) is the one list of terms; the storefront's message
 * catalogues and the API's own texts follow it, and no text has doubled punctuation.
 */
const ROOT = process.cwd();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Term {
  concept: string;
  vi: string[];
  en: string[];
  avoidVi: string[];
  avoidEn: string[];
}

/** The glossary's rows: "term (short form)" gives both forms; avoid columns are comma-separated. */
function glossary(): { terms: Map<string, Term>; keyActions: [string, string][] } {
  const text = read('docs/glossary.md');
  const rows = (header: string) => {
    const start = text.indexOf(header);
    const lines = text.slice(start).split('\n').slice(2);
    const end = lines.findIndex((l) => !l.startsWith('|'));
    return lines.slice(0, end).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
  };
  const forms = (cell: string) => [...cell.matchAll(/([^()]+?)\s*(?:\(([^)]+)\))?$/g)].flatMap((m) => [m[1], m[2]]).filter(Boolean).map((s) => s.trim().toLowerCase());
  const list = (cell: string) => cell.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const terms = new Map<string, Term>();
  for (const [concept, vi, en, avoidVi, avoidEn] of rows('| concept | vi | en |')) {
    const name = concept.replace(/\s*\(.*$/, '');
    terms.set(name, { concept: name, vi: forms(vi), en: forms(en), avoidVi: list(avoidVi ?? ''), avoidEn: list(avoidEn ?? '') });
  }
  const keyActions = rows('| message key | concept |').map(([key, concept]) => [key, concept] as [string, string]);
  return { terms, keyActions };
}

/** A plural message (inlang's variants: `[{ match: { "countPlural=one": …, "countPlural=other": … } }]`). */
type VariantMessage = { match?: Record<string, string> }[];

/** The storefront's messages of `lang`, a plural message as its variants' texts joined (every form is read). */
function catalogue(lang: 'vi' | 'en'): Record<string, string> {
  const { $schema: _schema, ...messages } = JSON.parse(read(`apps/web/messages/${lang}.json`)) as Record<string, string | VariantMessage>;
  return Object.fromEntries(Object.entries(messages).map(([key, m]) => [key, typeof m === 'string' ? m : m.flatMap((v) => Object.values(v.match ?? {})).join(' / ')]));
}

/** A term as a whole word or phrase, or its English plural (Vietnamese letters count as letters). */
const phrase = (term: string) => new RegExp(`(?<![\\p{L}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?(?![\\p{L}])`, 'iu');

/**
 * Doubled punctuation: a full stop, comma, colon or semicolon straight after another mark
 * ("..", "?.", ",.", ". .") — an ellipsis "..." is not doubled.
 */
const DOUBLED = /(?<!\.)[.!?,;:…]\s?[.,;:](?!\.)/u;

/** Literal texts in the API's sources and the shared labels: the `vi:`/`en:` strings of every Localized message. */
function apiTexts(): { file: string; lang: 'vi' | 'en'; text: string }[] {
  const out: { file: string; lang: 'vi' | 'en'; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) {
        for (const m of read(path).matchAll(/\b(vi|en): (['`"])((?:(?!\2)[^\\]|\\.)*)\2/g)) out.push({ file: path, lang: m[1] as 'vi' | 'en', text: m[3] });
      }
    }
  };
  // The demo seed is sample content written as users would, not the exchange's own words.
  walk('apps/api/src/modules');
  walk('apps/api/src/common');
  // The enums' labels, shown by the API and the storefront alike.
  walk('libs/shared/src');
  return out;
}

describe('the glossary', () => {
  const { terms, keyActions } = glossary();

  it('is read from docs/glossary.md', () => {
    expect(terms.size).toBeGreaterThan(15);
    expect(terms.get('submit')).toMatchObject({ vi: ['gửi duyệt'], en: ['submit for review'] });
    expect(terms.get('revision')?.avoidVi).toEqual(['bản chỉnh sửa']);
    expect(keyActions.length).toBeGreaterThan(10);
  });

  it('names the key actions of the storefront with its terms, in both languages', () => {
    const problems: string[] = [];
    for (const lang of ['vi', 'en'] as const) {
      const messages = catalogue(lang);
      for (const [key, concept] of keyActions) {
        const term = terms.get(concept);
        if (!term) problems.push(`${key}: no concept "${concept}" in the glossary`);
        else if (!(key in messages)) problems.push(`${key}: not a message`);
        else if (!term[lang].some((form) => phrase(form).test(messages[key]))) problems.push(`${lang} ${key} "${messages[key]}" does not say ${term[lang].join(' / ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the terms to avoid out of the message catalogues', () => {
    const problems: string[] = [];
    for (const lang of ['vi', 'en'] as const) {
      for (const [key, message] of Object.entries(catalogue(lang))) {
        // {placeholders} are parameter names, not words a reader sees.
        const text = message.replace(/\{[A-Za-z_]+\}/g, '');
        for (const term of terms.values()) {
          for (const avoid of lang === 'vi' ? term.avoidVi : term.avoidEn) {
            if (phrase(avoid).test(text)) problems.push(`${lang} ${key}: "${avoid}" (say ${term[lang][0]}): ${text}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the terms to avoid out of the texts the API writes (notifications, e-mails, errors)', () => {
    const texts = apiTexts();
    expect(texts.length).toBeGreaterThan(200);
    const problems: string[] = [];
    for (const { file, lang, text } of texts) {
      for (const term of terms.values()) {
        for (const avoid of lang === 'vi' ? term.avoidVi : term.avoidEn) {
          if (phrase(avoid).test(text)) problems.push(`${file} (${lang}): "${avoid}" (say ${term[lang][0]}): ${text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('punctuation', () => {
  it('no message in the catalogues has doubled punctuation', () => {
    const problems: string[] = [];
    for (const lang of ['vi', 'en'] as const) {
      for (const [key, text] of Object.entries(catalogue(lang))) if (DOUBLED.test(text)) problems.push(`${lang} ${key}: ${text}`);
    }
    expect(problems).toEqual([]);
  });

  it('no literal text of the API has doubled punctuation', () => {
    const problems = apiTexts().filter(({ text }) => DOUBLED.test(text.replace(/\$\{[^}]*\}/g, 'x')));
    expect(problems).toEqual([]);
  });

  it('sentence() adds a full stop only when the text has no end mark', () => {
    expect(sentence('Thiếu số liệu')).toBe('Thiếu số liệu.');
    expect(sentence('Thiếu số liệu.  ')).toBe('Thiếu số liệu.');
    expect(sentence('Why?')).toBe('Why?');
    expect(sentence('Great!')).toBe('Great!');
    expect(sentence('Wait…')).toBe('Wait…');
    expect(sentence('See “the note.”')).toBe('See “the note.”');
    expect(sentence('(see above.)')).toBe('(see above.)');
  });

  it('tidyPunctuation() drops a full stop after another end mark, and keeps an ellipsis', () => {
    expect(tidyPunctuation('Ghi chú: Thiếu số liệu.. Hãy sửa')).toBe('Ghi chú: Thiếu số liệu. Hãy sửa');
    expect(tidyPunctuation('Note: why?.')).toBe('Note: why?');
    expect(tidyPunctuation('Note: great!.\nNext')).toBe('Note: great!\nNext');
    expect(tidyPunctuation('Wait... and see.')).toBe('Wait... and see.');
    expect(tidyPunctuation('https://techport.vn/listings/a..b')).toBe('https://techport.vn/listings/a..b');
  });

  it.each(['Thiếu số liệu thử nghiệm.', 'Thiếu số liệu thử nghiệm', 'Có số liệu không?', 'Cần bổ sung ngay!', 'Xem lại phần mô tả…'])(
    'a rejection notice ends the note "%s" with one mark',
    (note) => {
      for (const reason of [RejectionReason.INCOMPLETE, RejectionReason.OTHER]) {
        const notice = rejectionNotice(reason, note);
        for (const text of [notice.vi, notice.en]) {
          expect(text).not.toMatch(DOUBLED);
          expect(text).toMatch(/[.!?…]$/);
          expect(text).toContain(note);
        }
      }
      expect(rejectionNotice(RejectionReason.OTHER, note).en).toMatch(/^The department's note: /);
      expect(rejectionNotice(RejectionReason.INCOMPLETE, note).vi).toMatch(/^Lý do: Thông tin chưa đầy đủ\. Ghi chú của Sở KH&CN: /);
    },
  );
});
