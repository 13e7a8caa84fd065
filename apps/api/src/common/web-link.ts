import type { Lang } from '@techport/shared';

/**
 * An absolute storefront link for an e-mail, in the language of the part of the e-mail it is in.
 * The storefront opens in Vietnamese unless asked (`?lang=en` > its `lang` cookie > Vietnamese),
 * and an e-mail is often opened in a browser, or on a phone, that never chose English: the link of
 * an English part carries `?lang=en` so that its reader lands on English pages (the activation
 * page, the password form, the listing a notification names). A Vietnamese part's link is left as
 * it is: Vietnamese is what the storefront shows by default. A fragment ("#meeting-…") is kept.
 */
export function webLink(base: string, path: string, lang: Lang): string {
  const url = new URL(path, base);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  return url.toString();
}
