import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicJob } from '../../common/periodic-job.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MeetingRequestStatus } from './event.entity.js';
import { MeetingReminderKind } from './event-day.entity.js';
import { MEETING_SIDES_SQL, MEETING_TIME_SQL } from './check-in.js';

const HOUR_MS = 3_600_000;
/** How often the worker looks for reminders that are due. */
const INTERVAL_MS = 60_000;
const BATCH = 200;

/**
 * When each reminder is due, before the meeting's time: the day before (24 h) and an hour before.
 * A reminder is sent while it is due and the next one is not (a meeting accepted 3 hours ahead
 * gets the day-before reminder at once, "today at 14:10", then the hour-before one).
 */
export const REMINDERS: { kind: MeetingReminderKind; beforeMs: number; untilMs: number }[] = [
  { kind: MeetingReminderKind.DAY_BEFORE, beforeMs: 24 * HOUR_MS, untilMs: HOUR_MS },
  { kind: MeetingReminderKind.HOUR_BEFORE, beforeMs: HOUR_MS, untilMs: 0 },
];

interface DueRow {
  id: string;
  at: Date;
  slug: string;
  name_vi: string;
  name_en: string;
  venue: string | null;
  from_org: string;
  to_org: string;
  from_name: string;
  to_name: string;
}

const TIME = (lang: 'vi' | 'en') =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', weekday: 'long', day: 'numeric', month: 'long' });

/**
 * Meeting reminders (issue #17): a notification and an e-mail to both organisations' members the
 * day before and an hour before each accepted meeting. The ledger (techmart_meeting_reminder,
 * keyed by meeting, kind and the meeting's time) makes each reminder once: claimed with SKIP
 * LOCKED and written in the same transaction as the notifications. A cancelled meeting is no
 * longer ACCEPTED and gets none; a moved one gets reminders for its new time. Time comes from
 * Clock, so tests move it and call `runOnce()`.
 */
@Injectable()
export class MeetingRemindersJob extends PeriodicJob {
  protected readonly logger = new Logger('MeetingReminders');

  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(INTERVAL_MS, config);
  }

  /** Every reminder due now; returns how many meetings were reminded, per kind. */
  async runOnce(): Promise<Record<MeetingReminderKind, number>> {
    const sent = { DAY_BEFORE: 0, HOUR_BEFORE: 0 } as Record<MeetingReminderKind, number>;
    for (const r of REMINDERS) for (let n = await this.batch(r); n > 0; n = await this.batch(r)) sent[r.kind] += n;
    if (sent.DAY_BEFORE || sent.HOUR_BEFORE) this.logger.log(`meeting reminders: ${sent.DAY_BEFORE} day before, ${sent.HOUR_BEFORE} hour before`);
    return sent;
  }

  private async batch(r: (typeof REMINDERS)[number]): Promise<number> {
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const at = MEETING_TIME_SQL('m');
      const rows: DueRow[] = await em.query(
        `SELECT m.id, ${at} AS at, e.slug, e.name_vi, e.name_en, e.venue, fr.organization_id AS from_org, tr.organization_id AS to_org,
                fo.name AS from_name, tor.name AS to_name
         FROM techmart_meeting_request m
         JOIN techmart_event e ON e.id = m.event_id
         ${MEETING_SIDES_SQL('m')}
         WHERE m.status = $1 AND ${at} IS NOT NULL
           AND ${at} - make_interval(secs => $3::double precision / 1000) <= $2
           AND ${at} - make_interval(secs => $4::double precision / 1000) > $2
           AND NOT EXISTS (SELECT 1 FROM techmart_meeting_reminder x WHERE x.meeting_id = m.id AND x.kind = $5 AND x.meeting_at = ${at})
         ORDER BY ${at}, m.id LIMIT $6 FOR UPDATE OF m SKIP LOCKED`,
        [MeetingRequestStatus.ACCEPTED, now, r.beforeMs, r.untilMs, r.kind, BATCH],
      );
      for (const row of rows) {
        const when = new Date(row.at);
        // The ledger first: a second worker that read the same row before this commit conflicts here and sends nothing.
        const inserted: unknown[] = await em.query(
          `INSERT INTO techmart_meeting_reminder (meeting_id, kind, meeting_at, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING meeting_id`,
          [row.id, r.kind, when, now],
        );
        if (!inserted.length) continue;
        const hour = r.kind === MeetingReminderKind.HOUR_BEFORE;
        for (const [orgId, other] of [[row.from_org, row.to_name], [row.to_org, row.from_name]] as const) {
          await this.notifications.notifyOrganizationMembers(em, orgId, {
            kind: hour ? 'MEETING_REMINDER_HOUR' : 'MEETING_REMINDER_DAY',
            title: hour
              ? { vi: `Sau một giờ nữa: gặp ${other}`, en: `In an hour: meeting ${other}` }
              : { vi: `Nhắc lịch: gặp ${other} lúc ${TIME('vi').format(when)}`, en: `Reminder: meeting ${other} on ${TIME('en').format(when)}` },
            body: {
              vi: `"${row.name_vi}": cuộc gặp với ${other} lúc ${TIME('vi').format(when)} (giờ Việt Nam)${row.venue ? `, tại ${row.venue}` : ''}. Lịch làm việc và mã check-in có trên trang sự kiện.`,
              en: `"${row.name_en}": your meeting with ${other} on ${TIME('en').format(when)} (Vietnam time)${row.venue ? `, at ${row.venue}` : ''}. Your agenda and check-in code are on the event's page.`,
            },
            url: `/events/${row.slug}/agenda`,
            dedupeKey: `meeting-reminder:${row.id}:${r.kind}:${when.toISOString()}`,
          });
        }
      }
      return rows.length;
    });
  }
}
