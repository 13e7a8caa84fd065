import type { Lang } from '@techport/shared';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { DataSource, type EntityManager } from 'typeorm';
import { tidyPunctuation, type Localized } from '../../common/i18n.js';
import { webLink } from '../../common/web-link.js';
import { OutboxService, type OutboxEvent } from '../outbox/outbox.service.js';
import { MailerService } from './mailer.service.js';
import { NotificationEntity } from './notification.entity.js';

export interface NotificationDraft {
  kind: string;
  title: Localized;
  body: Localized;
  /** Storefront path, e.g. /listings/<slug>. */
  url?: string;
  /** Same key for the same user → notified once. */
  dedupeKey?: string;
  /** Also send an e-mail (default true). */
  email?: boolean;
  /** An alert: e-mailed at once only to users who get alerts one by one (app_user.alert_emails EACH); DAILY ones get it in the digest (modules/matching/match-digest.service.ts), OFF ones in the app only. */
  digest?: boolean;
}

/**
 * In-app notifications, with an e-mail for each sent after commit through the outbox.
 * Call these inside the caller's transaction so nothing is notified for a change that rolled back.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.register('notification.email', 'email', (events) => this.sendEmails(events));
  }

  async notifyUsers(em: EntityManager, userIds: string[], n: NotificationDraft): Promise<number> {
    const unique = [...new Set(userIds)];
    if (!unique.length) return 0;
    // Texts are put together from templates and what people typed (a note ending in a full stop):
    // no ".." where the two meet.
    const title = { vi: tidyPunctuation(n.title.vi), en: tidyPunctuation(n.title.en) };
    const body = { vi: tidyPunctuation(n.body.vi), en: tidyPunctuation(n.body.en) };
    const rows: { id: string }[] = await em.query(
      `INSERT INTO notification (user_id, kind, title_vi, title_en, body_vi, body_en, url, dedupe_key)
       SELECT u, $2, $3, $4, $5, $6, $7, $8 FROM unnest($1::uuid[]) AS u
       ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [unique, n.kind, title.vi.slice(0, 300), title.en.slice(0, 300), body.vi, body.en, n.url ?? null, n.dedupeKey ?? null],
    );
    if (n.email !== false && rows.length) {
      let ids = rows.map((r) => r.id);
      if (n.digest) ids = (await em.query(`SELECT n.id FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.id = ANY($1::uuid[]) AND u.alert_emails = 'EACH'`, [ids])).map((r: { id: string }) => r.id);
      if (ids.length) await this.outbox.publish(em, 'notification.email', { notificationIds: ids });
    }
    return rows.length;
  }

  /** Every member of the organisation (optionally but one: the actor). */
  async notifyOrganizationMembers(em: EntityManager, organizationId: string, n: NotificationDraft, exceptUserId?: string): Promise<number> {
    const members: { user_id: string }[] = await em.query(`SELECT user_id FROM organization_member WHERE organization_id = $1`, [organizationId]);
    return this.notifyUsers(
      em,
      members.map((m) => m.user_id).filter((id) => id !== exceptUserId),
      n,
    );
  }

  async list(userId: string, unreadOnly: boolean, limit = 100): Promise<NotificationEntity[]> {
    const qb = this.ds.getRepository(NotificationEntity).createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb.orderBy('n.created_at', 'DESC').limit(limit).getMany();
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return row.n;
  }

  /** Marks the caller's own notifications read; ids of others' are ignored. Returns how many changed. */
  async markRead(userId: string, ids: string[] | 'all'): Promise<number> {
    const result: [unknown[], number] =
      ids === 'all'
        ? await this.ds.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId])
        : await this.ds.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND id::text = ANY($2)`, [userId, ids]);
    return result[1];
  }

  /**
   * Opening a page marks the caller's unread notifications that link to it read, whichever way the
   * page was reached (the notifications list, an e-mail, a bookmark). `path` is the storefront path
   * (query and fragment ignored).
   */
  async markReadByUrl(userId: string, path: string): Promise<number> {
    const result: [unknown[], number] = await this.ds.query(
      // A stored link may carry a fragment (…/meetings#meeting-<id>), which browsers never send.
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND split_part(split_part(url, '#', 1), '?', 1) = ANY($2::text[])`,
      [userId, notificationPathsOf(path)],
    );
    return result[1];
  }

  /**
   * Outbox handler: one e-mail per notification with an absolute link, in the reader's language
   * (app_user.language: its subject, and its part first) and the other language below; each part
   * the same: the headline, the message, the link.
   */
  private async sendEmails(events: OutboxEvent[]): Promise<void> {
    const ids = events.flatMap((e) => (e.payload.notificationIds as string[]) ?? []);
    if (!ids.length) return;
    const rows: { id: string; email: string; language: Lang; title_vi: string; title_en: string; body_vi: string; body_en: string; url: string | null }[] = await this.ds.query(
      `SELECT n.id, u.email, u.language, n.title_vi, n.title_en, n.body_vi, n.body_en, n.url
       FROM notification n JOIN app_user u ON u.id = n.user_id
       WHERE n.id = ANY($1::uuid[]) AND n.emailed_at IS NULL AND NOT u.disabled`,
      [ids],
    );
    for (const r of rows) {
      // Each part's link opens the storefront in that part's language.
      const link = (lang: Lang) => (r.url ? `\n\n${webLink(this.config.PUBLIC_WEB_URL, r.url, lang)}` : '');
      const [first, second] = r.language === 'en' ? (['en', 'vi'] as const) : (['vi', 'en'] as const);
      // Each language's part alike: its headline, the message, the link.
      const part = (lang: Lang) => `${r[`title_${lang}`]}\n\n${r[`body_${lang}`]}${link(lang)}`;
      await this.mailer.send({
        to: r.email,
        subject: r[`title_${first}`],
        text: `${part(first)}\n\n---\n${part(second)}\n`,
      });
      await this.ds.query(`UPDATE notification SET emailed_at = now() WHERE id = $1`, [r.id]);
    }
  }
}

/**
 * Notifications store short storefront links (/interests/<id>, /deals/<id>, /experts/contacts/<id>)
 * that the storefront redirects to the page itself (/dashboard/interests/<id>, /dashboard/deals/<id>
 * or /moderation/deals/<id>, /dashboard/expert-contacts/<id>). Opening either address is opening
 * that page: these are the links a notification may hold for a page's path.
 */
export function notificationPathsOf(path: string): string[] {
  const aliases: [RegExp, string][] = [
    [/^\/dashboard\/interests\/([^/]+)$/, '/interests/$1'],
    [/^\/(?:dashboard|moderation)\/deals\/([^/]+)$/, '/deals/$1'],
    [/^\/dashboard\/expert-contacts\/([^/]+)$/, '/experts/contacts/$1'],
  ];
  const paths = [path];
  for (const [pattern, alias] of aliases) if (pattern.test(path)) paths.push(path.replace(pattern, alias));
  return paths;
}
