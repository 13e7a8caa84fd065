import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job.js';
import { dateEn, dateVi } from '../../common/dates.js';
import { webLink } from '../../common/web-link.js';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { MailerService } from '../notifications/mailer.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { AlertEmails, UserEntity } from '../accounts/user.entity.js';
import { ALERT_KINDS } from './matching-alerts.service.js';
import type { Lang } from '@techport/shared';

/** The notification kinds a digest batches (the alerts; everything else is e-mailed at once). */
export const DIGEST_KINDS: string[] = Object.values(ALERT_KINDS);

/** The digest goes out once a day, at this hour in Vietnam (UTC+7, no daylight saving). */
export const DIGEST_HOUR = 7;
const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** How often the worker checks whether a digest is due. */
const INTERVAL_MS = 10 * 60_000;

/**
 * The latest digest time at or before `now`: today's DIGEST_HOUR in Vietnam if it has passed,
 * otherwise yesterday's. A digest sends the alerts created before it.
 */
export function digestCutoff(now: Date): Date {
  const local = now.getTime() + VN_OFFSET_MS;
  let cutoff = Math.floor(local / DAY_MS) * DAY_MS + DIGEST_HOUR * 3_600_000;
  if (cutoff > local) cutoff -= DAY_MS;
  return new Date(cutoff - VN_OFFSET_MS);
}

interface PendingRow {
  id: string;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  url: string | null;
}

/**
 * The daily digest: users who chose it (`setNotificationPreferences(alertEmails: DAILY)`) still see
 * every match and saved-search alert in the app at once, but get them by e-mail together, in one
 * message a day (after DIGEST_HOUR, Vietnam time), instead of one e-mail each. Runs in every
 * process with WORKERS_ENABLED; each user is claimed with SKIP LOCKED, so one e-mail per user
 * even with several processes. Time comes from Clock: tests move it and call `runOnce()`.
 */
@Injectable()
export class MatchDigestService extends PeriodicJob {
  protected readonly logger = new Logger('MatchDigest');

  constructor(
    private readonly ds: DataSource,
    private readonly mailer: MailerService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(INTERVAL_MS, config);
  }

  /** Sends every digest due now: one e-mail per user with the alerts created before the cutoff. */
  async runOnce(): Promise<{ users: number; notifications: number }> {
    const now = this.clock.now();
    const cutoff = digestCutoff(now);
    let users = 0;
    let notifications = 0;
    for (;;) {
      const sent = await this.ds.transaction(async (em) => {
        const [user]: { id: string; email: string; language: Lang; alerts_emailed_since: Date | null }[] = await em.query(
          `SELECT u.id, u.email, u.language, u.alerts_emailed_since FROM app_user u
           WHERE u.alert_emails = 'DAILY' AND NOT u.disabled
             AND EXISTS (SELECT 1 FROM notification n WHERE n.user_id = u.id AND n.emailed_at IS NULL AND n.kind = ANY($1) AND n.created_at < $2
                         AND n.created_at >= coalesce(u.alerts_emailed_since, '-infinity'))
           ORDER BY u.id LIMIT 1 FOR NO KEY UPDATE OF u SKIP LOCKED`,
          [DIGEST_KINDS, cutoff],
        );
        if (!user) return null;
        const rows: PendingRow[] = await em.query(
          `SELECT id, title_vi, title_en, body_vi, body_en, url FROM notification
           WHERE user_id = $1 AND emailed_at IS NULL AND kind = ANY($2) AND created_at < $3 AND created_at >= coalesce($4, '-infinity'::timestamptz)
           ORDER BY created_at, id`,
          [user.id, DIGEST_KINDS, cutoff, user.alerts_emailed_since],
        );
        await this.mailer.send({ to: user.email, ...this.compose(rows, now, user.language) });
        await em.query(`UPDATE notification SET emailed_at = $2 WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), now]);
        return rows.length;
      });
      if (sent === null) break;
      users++;
      notifications += sent;
    }
    if (users) this.logger.log(`digest: ${users} e-mail(s), ${notifications} alert(s)`);
    return { users, notifications };
  }

  /**
   * Sets how the caller gets alerts by e-mail. Leaving DAILY for EACH sends the alerts still
   * waiting for a digest at once, one e-mail each, as the user now asked; leaving OFF sends none of
   * the alerts created while e-mails were off (alerts_emailed_since), only those that come after.
   */
  async setAlertEmails(viewer: Viewer, mode: AlertEmails): Promise<UserEntity> {
    return this.ds.transaction(async (em) => {
      const users = em.getRepository(UserEntity);
      const before = await users.findOneOrFail({ where: { id: viewer.id }, lock: { mode: 'pessimistic_write' } });
      if (before.alertEmails === mode) return before;
      // The database's now(), not the clock: it is compared with notification.created_at, which the database writes.
      const [{ since }]: { since: Date | null }[] = await em.query(
        `UPDATE app_user SET alert_emails = $2, alerts_emailed_since = CASE WHEN alert_emails = 'OFF' THEN now() ELSE alerts_emailed_since END
         WHERE id = $1 RETURNING alerts_emailed_since AS since`,
        [viewer.id, mode],
      );
      if (before.alertEmails === AlertEmails.DAILY && mode === AlertEmails.EACH) {
        const rows: { id: string }[] = await em.query(
          `SELECT id FROM notification WHERE user_id = $1 AND emailed_at IS NULL AND kind = ANY($2) AND created_at >= coalesce($3, '-infinity'::timestamptz)`,
          [viewer.id, DIGEST_KINDS, since],
        );
        if (rows.length) await this.outbox.publish(em, 'notification.email', { notificationIds: rows.map((r) => r.id) });
      }
      return users.findOneByOrFail({ id: viewer.id });
    });
  }

  /** The day's alerts in one e-mail: the reader's language (app_user.language) for the subject and first, the other below. */
  private compose(rows: PendingRow[], now: Date, language: Lang): { subject: string; text: string } {
    // Each part's links open the storefront in that part's language.
    const link = (url: string | null, lang: Lang) => (url ? `\n   ${webLink(this.config.PUBLIC_WEB_URL, url, lang)}` : '');
    const vi = rows.map((r, i) => `${i + 1}. ${r.title_vi}\n   ${r.body_vi.replace(/\n/g, '\n   ')}${link(r.url, 'vi')}`).join('\n\n');
    const en = rows.map((r, i) => `${i + 1}. ${r.title_en}\n   ${r.body_en.replace(/\n/g, '\n   ')}${link(r.url, 'en')}`).join('\n\n');
    const text = {
      vi:
        `Các gợi ý phù hợp và tin mới cho tìm kiếm đã lưu của bạn trong ngày ${dateVi(now)}:\n\n${vi}\n\n` +
        `Bạn nhận bản tin này vì đã chọn nhận thông báo gộp hằng ngày; có thể đổi hoặc tắt trong trang Thông báo.\n`,
      en:
        `Your matches and new listings for your saved searches, ${dateEn(now)}:\n\n${en}\n\n` +
        `You get this digest because you chose one e-mail a day; you can change or turn it off on your Notifications page.\n`,
    };
    const subject = {
      vi: `Techport: ${rows.length} gợi ý phù hợp mới (${dateVi(now)})`,
      en: `Techport: ${rows.length} new ${rows.length === 1 ? 'match' : 'matches'} (${dateEn(now)})`,
    };
    const [first, second] = language === 'en' ? (['en', 'vi'] as const) : (['vi', 'en'] as const);
    return { subject: subject[first], text: `${text[first]}\n---\n${text[second]}` };
  }

}
