import type { Lang } from '@techport/shared';
import { currentLang } from './request-context.js';

/** A message in both of the exchange's languages; rendered in the request's language. */
export interface Localized {
  vi: string;
  en: string;
}

export function t(message: Localized, lang: Lang = currentLang()): string {
  return message[lang];
}

/** A number with its digits grouped the way each language writes them: "20.000", "20,000". */
export function groupedNumber(n: number): Localized {
  return { vi: n.toLocaleString('vi-VN'), en: n.toLocaleString('en-GB') };
}

/** Fills {name} placeholders. */
export function format(message: Localized, params: Record<string, string | number>): Localized {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { vi: fill(message.vi), en: fill(message.en) };
}

/** Ends a sentence: adds a full stop unless the text already ends in one (or in ?, !, …, possibly inside closing quotes or brackets). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]["'”’)\]]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The last guard on generated texts (notifications, e-mails): a full stop straight after another
 * sentence end ("note.." when a template put its own full stop after a note ending in one, "Why?.")
 * is dropped. An ellipsis ("...") is left alone.
 */
export function tidyPunctuation(text: string): string {
  return text.replace(/(?<!\.)([.!?…])\.(?!\.)(?=["'”’)\]]?(\s|$))/g, '$1');
}
