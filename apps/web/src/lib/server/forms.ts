/**
 * Form actions: reading submitted values, and turning API errors into `fail(…)` answers that the
 * page shows beside each field (forms work without JavaScript: a plain POST and a re-rendered page).
 */
import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { ApiError } from './api';
import { parseAmountText } from '@techport/shared';

export type FormValues = Record<string, string | string[]>;

export interface FormState {
  values: FormValues;
  /** Form field name → message, shown beside that field. */
  fields: Record<string, string>;
  /** A message about the form as a whole (conflict, permission, or a field the form does not show). */
  error?: string;
  /** Which form on the page failed, when a page has several. */
  form?: string;
}

/** A typed reader over the submitted FormData. */
export class FormReader {
  constructor(readonly data: FormData) {}

  str(name: string): string {
    const v = this.data.get(name);
    return typeof v === 'string' ? v.trim() : '';
  }

  /** null for an empty field. */
  optional(name: string): string | null {
    return this.str(name) || null;
  }

  all(name: string): string[] {
    return this.data
      .getAll(name)
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .filter(Boolean);
  }

  bool(name: string): boolean {
    const v = this.str(name);
    return v === 'on' || v === 'true' || v === '1';
  }

  /** What to send back to the form so the visitor does not retype it (never passwords). */
  values(...omit: string[]): FormValues {
    const out: FormValues = {};
    for (const key of new Set(this.data.keys())) {
      if (omit.includes(key) || key.startsWith('password')) continue;
      const all = this.all(key);
      out[key] = all.length > 1 ? all : (all[0] ?? '');
    }
    return out;
  }
}

export async function readForm(request: Request): Promise<FormReader> {
  return new FormReader(await request.formData());
}

/**
 * An amount of money as people type it, read like the listing price fields and the search page's
 * price filter (libs/shared parseAmountText): "1.500.000.000", "1 500 000 000", "1,500,000,000 ₫",
 * "120m", "120 triệu", "1,5 tỷ", "1.5bn". Returns null for an empty field and NaN when it is no amount.
 */
export function parseAmount(text: string): number | null {
  if (text.length > 60) return NaN;
  const v = parseAmountText(text);
  return v !== null && !Number.isFinite(v) ? NaN : v;
}

/** An integer field (TRL, page): null when empty, NaN when not a whole number. */
export function parseInteger(text: string): number | null {
  if (!text) return null;
  return /^-?\d+$/.test(text) ? Number(text) : NaN;
}

/** "input.fieldCodes.2" / "input.fieldCodes[2]" → "fieldCodes" (the form's field name). */
export function formFieldOf(path: string, prefixes: readonly string[]): string {
  let p = path;
  for (const prefix of prefixes) if (p.startsWith(prefix)) p = p.slice(prefix.length);
  return p.replace(/\[\d+\]/g, '').split('.').filter((s) => !/^\d+$/.test(s))[0] ?? p;
}

const STATUS: Record<string, 400 | 401 | 403 | 404 | 409 | 429 | 500 | 503> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  UNREACHABLE: 503,
};

export interface FailOptions {
  /** The form's field names: API errors on these are shown beside them, the rest above the form. */
  fields: readonly string[];
  /** Input path prefixes to strip ("input."); default ["input."]. */
  prefixes?: readonly string[];
  /** API field name (or whole path without the prefix, e.g. "breaks.0.endsAt") → form field name, when they differ. */
  rename?: Record<string, string>;
  /** Which form failed, when a page has several. */
  form?: string;
  /** Where to send an anonymous visitor (UNAUTHENTICATED); default the login page. */
  loginNext?: string;
  /** The log-in form itself: UNAUTHENTICATED (wrong password) is shown, not redirected. */
  isLogin?: boolean;
  /**
   * Problems the storefront found itself in the same submission (form field → message): shown
   * together with the API's, and preferred to the API's message for the same field.
   */
  local?: Record<string, string>;
  /** Fields whose API errors are artefacts (the form sent a stand-in value there on purpose). */
  ignore?: readonly string[];
}

/** The `fail(…)` answer for an error thrown by an API call in a form action. */
export function failFromError(err: unknown, values: FormValues, options: FailOptions): ActionFailure<FormState> {
  if (!(err instanceof ApiError)) throw err;
  if (err.code === 'UNAUTHENTICATED' && !options.isLogin) {
    redirect(303, `/login${options.loginNext ? `?next=${encodeURIComponent(options.loginNext)}` : ''}`);
  }
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [path, message] of Object.entries(err.fields)) {
    const prefixes = options.prefixes ?? ['input.'];
    const bare = prefixes.reduce((p, prefix) => (p.startsWith(prefix) ? p.slice(prefix.length) : p), path);
    let name = formFieldOf(path, prefixes);
    name = options.rename?.[bare] ?? options.rename?.[name] ?? name;
    if (options.local?.[name] || options.ignore?.includes(name)) continue;
    if (options.fields.includes(name)) fields[name] ??= message;
    else elsewhere.push(message);
  }
  Object.assign(fields, options.local ?? {});
  let error: string | undefined;
  if (err.code === 'UNREACHABLE') error = m.error_apiDown();
  else if (err.code === 'INTERNAL_SERVER_ERROR') error = m.error_generic();
  // (An error about one field the form does not show has that field's message as its own: said once.)
  else if (Object.keys(fields).length === 0 || elsewhere.length) error = [...new Set([Object.keys(fields).length ? '' : err.message, ...elsewhere])].filter(Boolean).join(' ');
  if (Object.keys(fields).length && !error) error = m.error_checkFields();
  return fail(STATUS[err.code] ?? 500, { values, fields, error, form: options.form });
}

/** A failure found by the storefront itself (e.g. an amount that is not a number). */
export function failFields(values: FormValues, fields: Record<string, string>, form?: string): ActionFailure<FormState> {
  return fail(400, { values, fields, error: m.error_checkFields(), form });
}

/**
 * Enum fields are checked here: GraphQL rejects an unknown enum value before the API's own
 * validation runs, with a technical English message and without checking the other fields.
 */
export function enumField<T extends string>(value: string, allowed: readonly T[], errors: Record<string, string>, name: string, required = true): T | null {
  if (!value) {
    if (required) errors[name] = m.error_choose();
    return null;
  }
  if (!allowed.includes(value as T)) {
    errors[name] = m.error_choose();
    return null;
  }
  return value as T;
}

export function enumList<T extends string>(values: string[], allowed: readonly T[], errors: Record<string, string>, name: string): T[] {
  const bad = values.filter((v) => !allowed.includes(v as T));
  if (bad.length) errors[name] = m.error_choose();
  return values.filter((v): v is T => allowed.includes(v as T));
}

/** The page's address without the form action's "?/name" (where to send the visitor back). */
export function pageAddress(url: URL): string {
  const params = new URLSearchParams([...url.searchParams].filter(([k]) => !k.startsWith('/')));
  const qs = params.toString();
  return `${url.pathname}${qs ? `?${qs}` : ''}`;
}
