/**
 * Locale-aware formatting (Intl) for the page's language: VND amounts ("1.500.000.000 ₫" in
 * Vietnamese), numbers, dates. Runs during server rendering; the language comes from Paraglide.
 */
import { getLocale } from '$lib/paraglide/runtime';

type Lang = 'vi' | 'en';

const INTL_LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

function lang(): Lang {
  return getLocale() === 'en' ? 'en' : 'vi';
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${lang()}|n|${key}`;
  let f = cache.get(k) as Intl.NumberFormat | undefined;
  if (!f) cache.set(k, (f = new Intl.NumberFormat(INTL_LOCALE[lang()], options)));
  return f;
}
function dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${lang()}|d|${key}`;
  let f = cache.get(k) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(k, (f = new Intl.DateTimeFormat(INTL_LOCALE[lang()], { timeZone: 'Asia/Ho_Chi_Minh', ...options })));
  return f;
}

/** 1500000000 → "1.500.000.000 ₫" (vi) or "₫1,500,000,000" (en). */
export function formatMoney(amount: number, currency = 'VND'): string {
  const digits = currency === 'VND' ? 0 : 2;
  return numberFormat(`c:${currency}`, { style: 'currency', currency, maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(amount);
}

/** Short amounts for charts and cards: "1,5 tỷ"-style compact notation. */
export function formatCompact(amount: number): string {
  // Vietnamese spelt out ("21,2 tỷ"): its short forms ("21,2 T") read as either tỷ or triệu.
  return numberFormat('compact', { notation: 'compact', compactDisplay: lang() === 'vi' ? 'long' : 'short', maximumFractionDigits: 1 }).format(amount);
}

/**
 * A large amount of money in a figure card: "10,8 tỷ ₫", "₫10.8B". The exact amount is in the
 * CSV exports; digit for digit, "₫10,759,000,000" is wider than a phone's card and broke in two.
 */
export function formatMoneyCompact(amount: number): string {
  if (lang() === 'vi') return `${formatCompact(amount)} ₫`;
  return numberFormat('money-compact', { style: 'currency', currency: 'VND', notation: 'compact', compactDisplay: 'short', maximumFractionDigits: 1 }).format(amount);
}

/**
 * Names of technology fields in a line: " · " between them, as the names themselves contain commas
 * ("Mechanisation and post-harvest", "Electrical, electronic and telecommunications engineering").
 */
export function joinFieldNames(names: readonly string[]): string {
  return names.join(' · ');
}

export function formatNumber(n: number): string {
  return numberFormat('n', { maximumFractionDigits: 2 }).format(n);
}

/** A file size: "820 kB", "4.2 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes)} B`;
  if (bytes < 1_000_000) return `${formatNumber(Math.round(bytes / 100) / 10)} kB`;
  return `${formatNumber(Math.round(bytes / 100_000) / 10)} MB`;
}

/** An upload limit, in MB as the API counts them (MEDIA_MAX_*_MB: 1 MB = 1024 × 1024 bytes, as its refusals say). */
export function formatUploadLimit(bytes: number): string {
  return `${formatNumber(Math.round((bytes / 1_048_576) * 10) / 10)} MB`;
}

export function formatPercent(ratio: number): string {
  return numberFormat('p', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return dateFormat('date', { dateStyle: 'medium' }).format(new Date(iso));
}

/** Two days as one range, what they share said once: "6–7 Jan 2027", "30 Jan – 2 Feb 2027" (Vietnamese: "6/1/2027 – 7/1/2027"). */
export function formatDateRange(fromIso: string, toIso: string): string {
  return dateFormat('date', { dateStyle: 'medium' }).formatRange(new Date(fromIso), new Date(toIso));
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return dateFormat('datetime', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * The formal date and time of a report: "ngày 07/12/2026, 18:17" / "7 December 2026, 18:17"
 * (Vietnam time), as official documents write it.
 */
export function formatFormalDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = Object.fromEntries(
    dateFormat('formal', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  if (lang() === 'vi') return `ngày ${parts.day}/${parts.month}/${parts.year}, ${parts.hour}:${parts.minute}`;
  const month = dateFormat('formal-month', { month: 'long' }).format(new Date(iso));
  return `${Number(parts.day)} ${month} ${parts.year}, ${parts.hour}:${parts.minute}`;
}

/** A report's period in the formal style: "tháng 10/2026", "Quý III/2026", "năm 2026" / "October 2026", "Q3 2026", "2026". */
export function formatFormalPeriod(kind: 'month' | 'quarter' | 'year', from: string): string {
  const [y, mo] = from.split('-').map(Number);
  const vi = lang() === 'vi';
  if (kind === 'year') return vi ? `năm ${y}` : String(y);
  if (kind === 'quarter') {
    const q = Math.floor((mo - 1) / 3) + 1;
    return vi ? `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${y}` : `Q${q} ${y}`;
  }
  if (vi) return `tháng ${mo}/${y}`;
  return new Date(Date.UTC(y, mo - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Compact amounts with two decimals ("8,75 tỷ", "1,95 tỷ"), so that parts read as adding up to a total given with one. */
export function formatCompactPrecise(amount: number): string {
  return numberFormat('compact2', { notation: 'compact', compactDisplay: lang() === 'vi' ? 'long' : 'short', maximumFractionDigits: 2 }).format(amount);
}

/** "2026-03" → "thg 3 2026" / "Mar 2026". */
export function formatMonth(key: string): string {
  const [y, mo] = key.split('-').map(Number);
  if (!y || !mo) return key;
  return dateFormat('month', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, 1)));
}

/** Machine-readable date for <time datetime>. */
export function isoDate(iso: string | null | undefined): string {
  return iso ? new Date(iso).toISOString() : '';
}

import { m } from '$lib/paraglide/messages';

export interface PriceLike {
  min: number | null;
  max: number | null;
  currency: string;
  negotiable: boolean;
}

/** "1.000.000.000 ₫ – 1.500.000.000 ₫ (thỏa thuận)"; a demand's budget reads "up to …". */
export function formatPrice(price: PriceLike | null | undefined): string {
  if (!price || (price.min === null && price.max === null)) return price?.negotiable ? m.price_negotiable() : m.price_notStated();
  let text: string;
  if (price.min !== null && price.max !== null && price.min !== price.max) text = `${formatMoney(price.min, price.currency)} – ${formatMoney(price.max, price.currency)}`;
  else if (price.max !== null && price.min === null) text = m.price_upTo({ amount: formatMoney(price.max, price.currency) });
  else if (price.min !== null && price.max === null) text = m.price_from({ amount: formatMoney(price.min, price.currency) });
  else text = formatMoney((price.min ?? price.max) as number, price.currency);
  return price.negotiable ? `${text} (${m.price_negotiableShort()})` : text;
}

/**
 * The search API's highlights are escaped except <mark>…</mark>. Belt and braces: any other
 * "<" is escaped again, so only bare <mark> and </mark> tags can ever reach the page.
 */
export function safeHighlight(html: string): string {
  return html.replace(/<(?!\/?mark>)/g, '&lt;');
}

/** Only web addresses and local paths become links (never javascript: or data: URLs). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return /^https?:\/\//i.test(url) ? url : null;
}
