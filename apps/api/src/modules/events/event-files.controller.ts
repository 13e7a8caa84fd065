import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors.js';
import { langFromHeader } from '../../common/request-context.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import { csvLine } from '../../common/csv.js';
import { sendAppError, startCsvDownload } from '../../common/rest.js';
import { EventDayService } from './event-day.service.js';
import { EVENT_REPORT_COLUMNS, EventReportService } from './event-report.service.js';
import { agendaCalendar } from './agenda-calendar.js';

/**
 * The Techmart's files, authenticated by the same bearer token as the GraphQL API (the storefront
 * fetches them with the session's token and passes them through):
 *   GET /exports/events/registrations/:id/agenda.ics — a participant's agenda as a calendar file,
 *       in the Accept-Language's language, for the registration's members and the organiser's;
 *   GET /exports/events/:id/report.csv — the event's outcomes for the organiser and the department
 *       (UTF-8 with a BOM, headers and labels in the Accept-Language's language, cells that a spreadsheet
 *       would run as formulas quoted);
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
      if (err instanceof AppError) return sendAppError(res, err, lang);
      throw err;
    }
  }

  @Get(':id/report.csv')
  async reportCsv(@Headers('authorization') authorization: string | undefined, @Headers('accept-language') acceptLanguage: string | undefined, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const lang = langFromHeader(acceptLanguage);
    try {
      const viewer = await this.authorize(authorization);
      const event = await this.reports.forViewer(viewer, id);
      const report = await this.reports.report(event, lang);
      if (await this.reports.readsAsDepartment(viewer, event)) {
        await this.ds.transaction((em) =>
          this.audit.record(em, {
            actor: viewer,
            action: StaffAuditAction.EVENT_REPORT_EXPORTED,
            targetKind: StaffAuditTargetKind.EVENT,
            targetId: event.id,
            summary: { vi: `Xuất báo cáo sự kiện «${event.nameVi}» (CSV)`, en: `Exported the report of the event «${event.nameEn || event.nameVi}» (CSV)` },
            details: { file: 'report.csv', provinceCode: event.provinceCode, outcomes: report.outcomes.length },
          }),
        );
      }
      startCsvDownload(res, `${lang === 'en' ? 'report' : 'bao-cao'}-${event.slug}.csv`, EVENT_REPORT_COLUMNS.map((c) => c[lang]));
      res.end(EventReportService.csvLines(report, lang).map((cells) => csvLine(cells)).join(''));
    } catch (err) {
      if (err instanceof AppError) return sendAppError(res, err, lang);
      throw err;
    }
  }

  private authorize(header: string | undefined): Promise<Viewer> {
    return this.accounts.viewerFromBearer(header);
  }

}
