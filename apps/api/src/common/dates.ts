/** Dates as people in Vietnam read them, for notification and e-mail texts. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function dateVi(d: Date): string {
  return d.toLocaleDateString('vi-VN', { timeZone: TIME_ZONE });
}

export function dateEn(d: Date): string {
  return d.toLocaleDateString('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
}

const DAY = {
  vi: new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, dateStyle: 'medium' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'medium' }),
};
const DATE_TIME = {
  vi: new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }),
};

/**
 * A date and time in Vietnam as the storefront's pages write them (apps/web format.ts
 * formatDateTime): "09:00 4 thg 2, 2027" in Vietnamese, "4 Feb 2027, 09:00" in English — never
 * "04/02/2027", which an English reader may take for 2 April.
 */
export function dateTimeIn(d: Date, lang: 'vi' | 'en'): string {
  return DATE_TIME[lang].format(d);
}

/** A day in Vietnam as the pages write it (format.ts formatDate): "4 thg 2, 2027", "4 Feb 2027". */
export function dayIn(d: Date, lang: 'vi' | 'en'): string {
  return DAY[lang].format(d);
}

const ISO_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE });

/** The calendar day in Vietnam as YYYY-MM-DD (a `date` column's value). */
export function vietnamDay(at: Date): string {
  return ISO_DAY.format(at);
}
