/**
 * The comparison selection: the listings a visitor picked to compare, kept in a cookie so it
 * survives navigation (and works without JavaScript: form actions on /compare change it).
 * Anonymous visitors have one too; it holds listing ids only, nothing personal.
 */
import type { Cookies } from '@sveltejs/kit';
import { cookieSecure } from './config';
import { MAX_COMPARE } from '$lib/compare';

export { MAX_COMPARE };
export const COMPARE_COOKIE = 'compare';
const MAX_AGE = 60 * 60 * 24 * 30;
const ID = /^[\w-]{1,64}$/;

/** Ids from "a,b" lists or repeated values, cleaned and without duplicates (in order). */
export function parseIds(values: string[]): string[] {
  return [...new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => ID.test(v)))];
}

export function readSelection(cookies: Cookies): string[] {
  return parseIds([cookies.get(COMPARE_COOKIE) ?? '']).slice(0, MAX_COMPARE);
}

export function writeSelection(cookies: Cookies, url: URL, ids: string[]): void {
  const opts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: cookieSecure(url) };
  if (ids.length) cookies.set(COMPARE_COOKIE, ids.slice(0, MAX_COMPARE).join(','), { ...opts, maxAge: MAX_AGE });
  else cookies.delete(COMPARE_COOKIE, opts);
}
