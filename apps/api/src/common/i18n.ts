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

/** Fills {name} placeholders. */
export function format(message: Localized, params: Record<string, string | number>): Localized {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { vi: fill(message.vi), en: fill(message.en) };
}
