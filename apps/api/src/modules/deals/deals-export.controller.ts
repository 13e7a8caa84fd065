import { Controller, Get, Headers, Logger, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DEAL_STATUS_LABELS, DealStatus, TRANSFER_MODE_LABELS, findProvince, findTechField, localizedName, slugify, type Lang } from '@techport/shared';
import { AppError, Errors } from '../../common/errors.js';
import type { Localized } from '../../common/i18n.js';
import { currentLang } from '../../common/request-context.js';
import { assertModerator, jurisdictionOf, type Viewer } from '../../common/auth/viewer.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { csvLine, type CsvCell } from '../../common/csv.js';
import { abortDownload, sendAppError, startCsvDownload, vietnamDayStamp } from '../../common/rest.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { StaffAuditAction } from '../audit/staff-audit.actions.js';
import { REGISTER_TIME_ZONE } from './deals.labels.js';
import catalogue from './deals-export.controller.messages.json' with { type: 'json' };

/**
 * The register's columns, as the department's spreadsheets name them, in the reader's language.
 * The order is stable (spreadsheets refer to columns by position): new columns are added at the
 * end. Documented in README.md ("The deal register CSV").
 */
export const REGISTER_COLUMNS: readonly Localized[] = [
  { vi: 'Mã giao dịch', en: 'Deal ID' },
  { vi: 'Công nghệ', en: 'Technology' },
  { vi: 'Bên chuyển giao', en: 'Supplier' },
  { vi: 'Bên nhận', en: 'Buyer' },
  // deal.province_code: the supplier's province when the deal was proposed (whose department reviews it).
  { vi: 'Tỉnh/thành của bên chuyển giao', en: "Supplier's province" },
  { vi: 'Giá trị (VND)', en: 'Value (VND)' },
  { vi: 'Phương thức', en: 'Transfer mode' },
  { vi: 'Trạng thái', en: 'Status' },
  { vi: 'Ngày duyệt', en: 'Review date' },
  { vi: 'Người duyệt', en: 'Reviewed by' },
  { vi: 'Ý kiến thẩm định', en: 'Review note' },
  { vi: 'Ngày ký', en: 'Signing date' },
  { vi: 'Ngày hoàn thành', en: 'Completion date' },
  { vi: 'Ngày đề xuất', en: 'Proposal date' },
  { vi: 'Lĩnh vực công nghệ', en: 'Technology fields' },
  { vi: 'Từ sự kiện (Techmart)', en: 'From event (Techmart)' },
];

const M = catalogue satisfies Record<string, Localized>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

interface RegisterRow {
  id: string;
  title: string;
  supplier: string;
  buyer: string;
  province_code: string;
  value: string;
  transfer_mode: keyof typeof TRANSFER_MODE_LABELS;
  status: DealStatus;
  reviewed_on: string;
  reviewer: string | null;
  review_note: string | null;
  signed_on: string | null;
  completed_on: string | null;
  proposed_on: string;
  field_codes: string[];
  event_name_vi: string | null;
  event_name_en: string | null;
  cursor_at: string;
}

/**
 * The download's name says what it holds: the review period (from_to, an open end as
 * "tu-dau"/"start" or today) and the status, e.g. so-dang-ky-giao-dich-2026-07-01_2026-09-30-da-duyet.csv;
 * without a period, the day it was made (so-dang-ky-giao-dich-20261207.csv).
 */
export function registerFileName(lang: Lang, filter: { status?: string; from?: string; to?: string }): string {
  const parts = [lang === 'en' ? 'deal-register' : 'so-dang-ky-giao-dich'];
  if (filter.from || filter.to) {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: REGISTER_TIME_ZONE }).format(new Date());
    parts.push(`${filter.from ?? (lang === 'en' ? 'start' : 'tu-dau')}_${filter.to ?? today}`);
  } else parts.push(vietnamDayStamp());
  const label = filter.status ? DEAL_STATUS_LABELS[filter.status as DealStatus]?.[lang] : undefined;
  if (label) parts.push(slugify(label));
  return `${parts.join('-')}.csv`;
}

/**
 * GET /exports/deals.csv?status=&from=&to= — the register of deals the department has reviewed
 * (approved or rejected, whatever became of them since), for moderators, limited to their
 * jurisdiction. Authenticated by the same bearer token as the GraphQL API. `from`/`to` are
 * review dates (YYYY-MM-DD, Vietnam time, inclusive). UTF-8 with a BOM so Excel shows the
 * diacritics; RFC 4180 quoting; amounts written digit for digit from the bigint column. Headers,
 * labels (province, transfer mode, status) and the file's name are in the request's language
 * (Accept-Language, as the storefront sends the interface's), Vietnamese by default.
 */
@Controller('exports')
export class DealsExportController {
  private readonly logger = new Logger('DealsExport');
  /** Rows per query (the end-to-end test lowers it to exercise the paging). */
  pageSize = 500;

  constructor(
    private readonly ds: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: StaffAuditService,
  ) {}

  @Get('deals.csv')
  async dealsCsv(
    @Headers('authorization') authorization: string | undefined,
    @Query('status') rawStatus: unknown,
    @Query('from') rawFrom: unknown,
    @Query('to') rawTo: unknown,
    @Res() res: Response,
  ): Promise<void> {
    let viewer: Viewer;
    let status: string | undefined, from: string | undefined, to: string | undefined;
    try {
      viewer = await this.authorize(authorization);
      ({ status, from, to } = this.validate(rawStatus, rawFrom, rawTo));
      const filter = { status: status ?? null, from: from ?? null, to: to ?? null };
      await this.audit.recordExport({
        actor: viewer,
        action: StaffAuditAction.DEALS_EXPORTED,
        file: 'deals.csv',
        summary: { vi: 'Xuất sổ đăng ký giao dịch (CSV)', en: 'Exported the register of deals (CSV)' },
        details: { filter, jurisdiction: jurisdictionOf(viewer) },
      });
    } catch (err) {
      if (err instanceof AppError) return sendAppError(res, err);
      throw err;
    }

    const where: string[] = ['d.reviewed_at IS NOT NULL'];
    const params: unknown[] = [REGISTER_TIME_ZONE];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const codes = jurisdictionOf(viewer);
    if (codes) where.push(`d.province_code = ANY(${param(codes)})`);
    if (status) where.push(`d.status = ${param(status)}`);
    if (from) where.push(`d.reviewed_at >= (${param(from)}::date)::timestamp AT TIME ZONE $1`);
    if (to) where.push(`d.reviewed_at < (${param(to)}::date + 1)::timestamp AT TIME ZONE $1`);

    const lang = currentLang();
    startCsvDownload(res, registerFileName(lang, { status, from, to }), REGISTER_COLUMNS.map((c) => c[lang]));
    try {
      await this.stream(res, where, params, lang);
    } catch (err) {
      abortDownload(res, this.logger, 'deal register export', err);
    }
  }

  /** Keyset pages, so a register of any size is streamed without holding it in memory. */
  private async stream(res: Response, where: string[], params: unknown[], lang: Lang): Promise<void> {
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    let cursor: { at: string; id: string } | null = null;
    for (;;) {
      const keyset: string = cursor ? ` AND (d.reviewed_at, d.id) > (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)` : '';
      const rows: RegisterRow[] = await this.ds.query(
        `SELECT d.id, l.title, s.name AS supplier, b.name AS buyer, d.province_code, d.value::text AS value,
                d.transfer_mode, d.status,
                to_char(d.reviewed_at AT TIME ZONE $1, 'YYYY-MM-DD') AS reviewed_on,
                r.display_name AS reviewer, d.review_note,
                CASE WHEN d.supplier_signed_at IS NOT NULL AND d.buyer_signed_at IS NOT NULL
                     THEN to_char(greatest(d.supplier_signed_at, d.buyer_signed_at) AT TIME ZONE $1, 'YYYY-MM-DD') END AS signed_on,
                to_char(d.completed_at AT TIME ZONE $1, 'YYYY-MM-DD') AS completed_on,
                to_char(d.created_at AT TIME ZONE $1, 'YYYY-MM-DD') AS proposed_on,
                l.field_codes, e.name_vi AS event_name_vi, e.name_en AS event_name_en,
                d.reviewed_at::text AS cursor_at
         FROM deal d
         JOIN listing l ON l.id = d.listing_id
         JOIN organization s ON s.id = d.supplier_organization_id
         JOIN organization b ON b.id = d.buyer_organization_id
         LEFT JOIN app_user r ON r.id = d.reviewed_by
         LEFT JOIN techmart_event e ON e.id = d.event_id
         WHERE ${where.join(' AND ')}${keyset}
         ORDER BY d.reviewed_at, d.id
         LIMIT ${this.pageSize}`,
        params,
      );
      if (cursor) params.splice(params.length - 2, 2);
      for (const r of rows) res.write(csvLine(this.cells(r, lang)));
      if (rows.length < this.pageSize) break;
      const last = rows[rows.length - 1];
      cursor = { at: last.cursor_at, id: last.id };
    }
    res.end();
  }

  private cells(r: RegisterRow, lang: Lang): CsvCell[] {
    const province = findProvince(r.province_code);
    return [
      r.id,
      r.title,
      r.supplier,
      r.buyer,
      province ? (lang === 'en' ? province.nameEn : province.nameVi) : r.province_code,
      r.value,
      TRANSFER_MODE_LABELS[r.transfer_mode]?.[lang] ?? r.transfer_mode,
      DEAL_STATUS_LABELS[r.status]?.[lang] ?? r.status,
      r.reviewed_on,
      r.reviewer,
      r.review_note,
      r.signed_on,
      r.completed_on,
      r.proposed_on,
      (r.field_codes ?? []).map((c) => { const f = findTechField(c); return f ? localizedName(f, lang) : c; }).join('; '),
      lang === 'en' ? r.event_name_en || r.event_name_vi : r.event_name_vi,
    ];
  }

  private async authorize(header: string | undefined): Promise<Viewer> {
    const viewer = await this.accounts.viewerFromBearer(header);
    assertModerator(viewer);
    return viewer;
  }

  /** Query parameters: empty means absent; a repeated one (an array) is invalid. */
  private validate(status: unknown, from: unknown, to: unknown): { status?: string; from?: string; to?: string } {
    const fields: Record<string, Localized> = {};
    const str = (v: unknown) => (v === undefined || v === '' ? undefined : typeof v === 'string' ? v : null);
    const [s, f, t2] = [str(status), str(from), str(to)];
    if (s === null || (s && !Object.values(DealStatus).includes(s as DealStatus))) fields.status = M.status;
    if (f === null || (f && !validDate(f))) fields.from = M.date;
    if (t2 === null || (t2 && !validDate(t2))) fields.to = M.date;
    if (f && t2 && !fields.from && !fields.to && f > t2) fields.to = M.range;
    if (Object.keys(fields).length) throw Errors.badInput(fields);
    return { status: s ?? undefined, from: f ?? undefined, to: t2 ?? undefined };
  }

}
