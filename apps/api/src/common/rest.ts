/**
 * The API's plain HTTP endpoints beside GraphQL (CSV exports, calendar files, open data, media):
 * one way to read the bearer token, to answer an AppError with the GraphQL API's codes and
 * bilingual messages, and to start and cut short a CSV download.
 */
import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode, type Lang } from '@techport/shared';
import type { AppError } from './errors.js';
import { t } from './i18n.js';
import { csvLine, UTF8_BOM } from './csv.js';
import { vietnamDay } from './dates.js';

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
};

/** An AppError as JSON, with the GraphQL API's code, message and field messages (in `lang`, else the request's language). */
export function sendAppError(res: Response, err: AppError, lang?: Lang): void {
  const body: Record<string, unknown> = { ...err.extra, code: err.code, message: t(err.localized, lang) };
  if (err.fields) body.fields = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, t(v, lang)]));
  if (err.code === ErrorCode.UNAUTHENTICATED) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(HTTP_STATUS[err.code] ?? 500).json(body);
}

/** Today's date in Vietnam (UTC+7) as YYYYMMDD, for the names of downloaded files. */
export function vietnamDayStamp(at: Date = new Date()): string {
  return vietnamDay(at).replace(/-/g, '');
}

/**
 * Starts a private CSV download: status 200, attachment headers, the byte-order mark that makes
 * Excel read UTF-8 (Vietnamese diacritics) and the header line. Rows follow with csvLine.
 */
export function startCsvDownload(res: Response, fileName: string, columns: readonly string[]): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.write(UTF8_BOM + csvLine(columns));
}

/** Once the status line is out, a failure can only cut the download short, never end it as if complete. */
export function abortDownload(res: Response, logger: Logger, what: string, err: unknown): void {
  logger.error(`${what} failed: ${err instanceof Error ? err.message : err}`);
  res.destroy(err instanceof Error ? err : new Error(String(err)));
}
