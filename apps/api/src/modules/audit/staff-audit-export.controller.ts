import { Controller, Get, Headers, Logger, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, Errors } from '../../common/errors.js';
import type { Localized } from '../../common/i18n.js';
import { currentLang } from '../../common/request-context.js';
import { assertAdmin, type Viewer } from '../../common/auth/viewer.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { csvLine } from '../../common/csv.js';
import { abortDownload, sendAppError, startCsvDownload, vietnamDayStamp } from '../../common/rest.js';
import { REGISTER_TIME_ZONE } from '../deals/deals.labels.js';
import { StaffAuditService } from './staff-audit.service.js';
import { STAFF_AUDIT_ACTION_LABELS, StaffAuditAction, StaffAuditTargetKind } from './staff-audit.actions.js';
import { checkAuditFilter } from './staff-audit.resolver.js';
import type { StaffAuditFilterInput } from './staff-audit.types.js';
import catalogue from './staff-audit-export.controller.messages.json' with { type: 'json' };

/** The log's columns, in the reader's language. */
export const AUDIT_COLUMNS: readonly Localized[] = [
  { vi: 'Thời điểm (giờ Việt Nam)', en: 'Time (Vietnam time)' },
  { vi: 'Người thực hiện', en: 'Staff member' },
  { vi: 'E-mail', en: 'E-mail' },
  { vi: 'Thao tác', en: 'Action' },
  { vi: 'Mã thao tác', en: 'Action code' },
  { vi: 'Loại đối tượng', en: 'Target kind' },
  { vi: 'Mã đối tượng', en: 'Target ID' },
  { vi: 'Tóm tắt', en: 'Summary' },
  { vi: 'Chi tiết (JSON)', en: 'Details (JSON)' },
  { vi: 'Địa chỉ IP', en: 'IP address' },
  { vi: 'Thiết bị (User-Agent)', en: 'Device (User-Agent)' },
];

const M = catalogue satisfies Record<string, Localized>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight of a Vietnam calendar day (UTC+7 all year), as an instant; null if not a real date. */
function vietnamMidnight(day: string, plusDays = 0): Date | null {
  if (!DATE.test(day)) return null;
  const d = new Date(`${day}T00:00:00+07:00`);
  if (Number.isNaN(d.getTime()) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) return null;
  return new Date(d.getTime() + plusDays * 86_400_000);
}

/**
 * GET /exports/staff-audit.csv?actorId=&actorEmail=&action=&targetKind=&targetId=&from=&to= — the audit log
 * (newest first) for admins, with the filters of the `staffAuditLog` query; `from`/`to` are
 * calendar days in Vietnam time, inclusive. Bearer token as for the GraphQL API. CSV as the deal
 * register: UTF-8 with BOM, RFC 4180, formula-like cells neutralised; headers, action names,
 * summaries and the file's name in the request's language (Accept-Language, Vietnamese by
 * default; a row recorded before there were English summaries keeps its Vietnamese one).
 * The export is itself audited.
 */
@Controller('exports')
export class StaffAuditExportController {
  private readonly logger = new Logger('StaffAuditExport');
  private readonly pageSize = 1000;

  constructor(
    private readonly accounts: AccountsService,
    private readonly audit: StaffAuditService,
  ) {}

  @Get('staff-audit.csv')
  async auditCsv(@Headers('authorization') authorization: string | undefined, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    let viewer: Viewer;
    let filter: StaffAuditFilterInput;
    try {
      viewer = await this.authorize(authorization);
      filter = this.validate(query);
      await this.audit.recordExport({
        actor: viewer,
        action: StaffAuditAction.AUDIT_LOG_EXPORTED,
        file: 'staff-audit.csv',
        summary: { vi: 'Xuất nhật ký kiểm toán (CSV)', en: 'Exported the audit log (CSV)' },
        details: { filter: Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string' && v !== '')) },
      });
    } catch (err) {
      if (err instanceof AppError) return sendAppError(res, err);
      throw err;
    }
    const lang = currentLang();
    const name = lang === 'en' ? 'audit-log' : 'nhat-ky-kiem-toan';
    startCsvDownload(res, `${name}-${vietnamDayStamp()}.csv`, AUDIT_COLUMNS.map((c) => c[lang]));
    const time = new Intl.DateTimeFormat('sv-SE', { timeZone: REGISTER_TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' });
    try {
      for (let offset = 0; ; offset += this.pageSize) {
        const rows = await this.audit.query(filter).skip(offset).take(this.pageSize).getMany();
        for (const r of rows) {
          const label = STAFF_AUDIT_ACTION_LABELS[r.action as StaffAuditAction]?.[lang] ?? r.action;
          const summary = lang === 'en' ? (r.summaryEn ?? r.summary) : r.summary;
          res.write(csvLine([time.format(r.occurredAt), r.actorName, r.actorEmail, label, r.action, r.targetKind, r.targetId, summary, JSON.stringify(r.details ?? {}), r.ip, r.userAgent]));
        }
        if (rows.length < this.pageSize) break;
      }
      res.end();
    } catch (err) {
      abortDownload(res, this.logger, 'audit export', err);
    }
  }

  private async authorize(header: string | undefined): Promise<Viewer> {
    const viewer = await this.accounts.viewerFromBearer(header);
    assertAdmin(viewer);
    return viewer;
  }

  private validate(q: Record<string, unknown>): StaffAuditFilterInput {
    const fields: Record<string, Localized> = {};
    const str = (key: string) => {
      const v = q[key];
      if (v === undefined || v === '') return undefined;
      if (typeof v !== 'string' || v.length > 100) {
        fields[key] = M.text;
        return undefined;
      }
      return v;
    };
    const action = str('action');
    const targetKind = str('targetKind');
    const from = str('from');
    const to = str('to');
    const filter: StaffAuditFilterInput = { actorId: str('actorId'), actorEmail: str('actorEmail'), targetId: str('targetId') };
    if (action && !(Object.values(StaffAuditAction) as string[]).includes(action)) fields.action = M.action;
    else filter.action = action as StaffAuditAction | undefined;
    if (targetKind && !(Object.values(StaffAuditTargetKind) as string[]).includes(targetKind)) fields.targetKind = M.targetKind;
    else filter.targetKind = targetKind as StaffAuditTargetKind | undefined;
    if (from) {
      filter.from = vietnamMidnight(from);
      if (!filter.from) fields.from = M.date;
    }
    if (to) {
      filter.to = vietnamMidnight(to, 1);
      if (!filter.to) fields.to = M.date;
    }
    if (Object.keys(fields).length) throw Errors.badInput(fields);
    return checkAuditFilter(filter, '');
  }

}
