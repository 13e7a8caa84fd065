import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@techport/shared';
import { AppError, Errors } from '../../common/errors.js';
import { t } from '../../common/i18n.js';
import { langFromHeader } from '../../common/request-context.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import { csvLine, UTF8_BOM } from '../deals/csv.js';
import { EventDayService } from './event-day.service.js';
import { EVENT_REPORT_COLUMNS, EventReportService } from './event-report.service.js';
import { agendaCalendar } from './agenda-calendar.js';

/**
 * The Techmart's files, authenticated by the same bearer token as the GraphQL API (the storefront
 * fetches them with the session's token and passes them through):
 *   GET /exports/events/registrations/:id/agenda.ics — a participant's agenda as a calendar file,
 *       in the Accept-Language's language, for the registration's members and the organiser's;
 *   GET /exports/events/:id/report.csv — the event's outcomes for the organiser and the department
 *       (UTF-8 with a BOM, Vietnamese headers, cells that a spreadsheet would run as formulas quoted);
 *       a download by the department (not by the organiser's members) is recorded in the staff audit log.
 */
@Controller('exports/events')
export class EventFilesController {
  constructor(
    private readonly ds: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: StaffAuditService,
    private readonly day: EventDayService,
    private readonly reports: EventReportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('registrations/:id/agenda.ics')
  async agenda(@Headers('authorization') authorization: string | undefined, @Headers('accept-language') acceptLanguage: string | undefined, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const lang = langFromHeader(acceptLanguage);
    try {
      const viewer = await this.authorize(authorization);
      const agenda = await this.day.agenda(viewer, id);
      const body = agendaCalendar(agenda, lang, this.config.PUBLIC_WEB_URL);
      res.status(200);
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="agenda-${agenda.event.slug}.ics"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(body);
    } catch (err) {
      if (err instanceof AppError) return this.fail(res, err, lang);
      throw err;
    }
  }

  @Get(':id/report.csv')
  async reportCsv(@Headers('authorization') authorization: string | undefined, @Headers('accept-language') acceptLanguage: string | undefined, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const lang = langFromHeader(acceptLanguage);
    try {
      const viewer = await this.authorize(authorization);
      const event = await this.reports.forViewer(viewer, id);
      const report = await this.reports.report(event, 'vi');
      if (await this.reports.readsAsDepartment(viewer, event)) {
        await this.ds.transaction((em) =>
          this.audit.record(em, {
            actor: viewer,
            action: StaffAuditAction.EVENT_REPORT_EXPORTED,
            targetKind: StaffAuditTargetKind.EVENT,
            targetId: event.id,
            summary: `Xuất báo cáo sự kiện «${event.nameVi}» (CSV)`,
            details: { file: 'report.csv', provinceCode: event.provinceCode, outcomes: report.outcomes.length },
          }),
        );
      }
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="bao-cao-${event.slug}.csv"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(UTF8_BOM + csvLine(EVENT_REPORT_COLUMNS) + report.outcomes.map((o) => csvLine(EventReportService.csvRow(o))).join(''));
    } catch (err) {
      if (err instanceof AppError) return this.fail(res, err, lang);
      throw err;
    }
  }

  private async authorize(header: string | undefined): Promise<Viewer> {
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const viewer = token ? await this.accounts.viewerFromToken(token) : null;
    if (!viewer) throw Errors.unauthenticated();
    return viewer;
  }

  /** The same codes and bilingual messages as the GraphQL API, as JSON. */
  private fail(res: Response, err: AppError, lang: 'vi' | 'en'): void {
    const http: Record<string, number> = { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403, [ErrorCode.NOT_FOUND]: 404, [ErrorCode.BAD_USER_INPUT]: 400, [ErrorCode.CONFLICT]: 409 };
    const body: Record<string, unknown> = { ...err.extra, code: err.code, message: t(err.localized, lang) };
    if (err.code === ErrorCode.UNAUTHENTICATED) res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(http[err.code] ?? 500).json(body);
  }
}
