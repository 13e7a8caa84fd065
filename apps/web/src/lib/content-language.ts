/** The language a piece of content is written in, when it is not the page's: for its lang attribute and a tag. */
import { getLocale } from '$lib/paraglide/runtime';

export type ContentLanguage = 'vi' | 'en';

/** `language` ("vi" or "en", as the API says) when it differs from the page's language; undefined otherwise. */
export function foreignLanguage(language: string | null | undefined): ContentLanguage | undefined {
  if (language !== 'vi' && language !== 'en') return undefined;
  return language !== (getLocale() === 'en' ? 'en' : 'vi') ? language : undefined;
}
