import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job.js';
import { dateEn, dateVi } from '../../common/dates.js';
import { DataSource } from 'typeorm';
import { ListingStatus } from '@techport/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ModeratedContentService } from '../moderation-core/moderated-content.service.js';
import { DAY_MS } from './listing.rules.js';
import { ListingsService } from './listings.service.js';

const BATCH = 200;
/** How often the worker looks for listings to warn about or expire. */
const INTERVAL_MS = 60_000;

interface DueRow {
  id: string;
  organization_id: string;
  slug: string;
  title: string;
  expires_at: Date;
}

/**
 * Listing expiry: warns the owning organisation's members LISTING_EXPIRY_WARNING_DAYS before a
 * published listing expires (once per listing and period), and marks expired listings so they
 * leave the public lists and search (their page still answers, marked expired). Runs in every
 * process with WORKERS_ENABLED; rows are claimed with SKIP LOCKED, so each is handled once.
 * Time comes from Clock, so tests move it and call `runOnce()`.
 */
@Injectable()
export class ListingExpiryService extends PeriodicJob {
  protected readonly logger = new Logger('ListingExpiry');

  constructor(
    private readonly ds: DataSource,
    private readonly listings: ListingsService,
    private readonly notifications: NotificationsService,
    private readonly core: ModeratedContentService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(INTERVAL_MS, config);
  }

  /** One full pass: every warning and every expiry that is due now. */
  async runOnce(): Promise<{ warned: number; expired: number }> {
    let warned = 0;
    let expired = 0;
    for (let n = await this.warnBatch(); n > 0; n = await this.warnBatch()) warned += n;
    for (let n = await this.expireBatch(); n > 0; n = await this.expireBatch()) expired += n;
    if (warned || expired) this.logger.log(`listings: ${warned} expiry warning(s), ${expired} expired`);
    return { warned, expired };
  }

  private async warnBatch(): Promise<number> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + this.config.LISTING_EXPIRY_WARNING_DAYS * DAY_MS);
    return this.ds.transaction(async (em) => {
      const rows: DueRow[] = await em.query(
        `SELECT id, organization_id, slug, title, expires_at FROM listing
         WHERE status = $1 AND expired_at IS NULL AND expiry_warned_at IS NULL AND expires_at > $2 AND expires_at <= $3
         ORDER BY expires_at LIMIT $4 FOR UPDATE SKIP LOCKED`,
        [ListingStatus.PUBLISHED, now, horizon, BATCH],
      );
      if (!rows.length) return 0;
      await em.query(`UPDATE listing SET expiry_warned_at = $2 WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), now]);
      for (const r of rows) {
        const at = new Date(r.expires_at);
        await this.notifications.notifyOrganizationMembers(em, r.organization_id, {
          kind: 'LISTING_EXPIRING',
          title: { vi: `Tin sắp hết hạn: ${r.title}`, en: `Listing expiring soon: ${r.title}` },
          body: {
            vi: `Tin "${r.title}" sẽ hết hạn ngày ${dateVi(at)} và rời khỏi danh sách công khai. Gia hạn chỉ cần một thao tác.`,
            en: `"${r.title}" expires on ${dateEn(at)} and will then leave the public lists. Renewing takes one click.`,
          },
          url: `/listings/${r.slug}`,
          dedupeKey: `listing-expiring:${r.id}:${at.toISOString()}`,
        });
      }
      return rows.length;
    });
  }

  private async expireBatch(): Promise<number> {
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const rows: DueRow[] = await em.query(
        `SELECT id, organization_id, slug, title, expires_at FROM listing
         WHERE status = $1 AND expired_at IS NULL AND expires_at <= $2
         ORDER BY expires_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [ListingStatus.PUBLISHED, now, BATCH],
      );
      if (!rows.length) return 0;
      await em.query(`UPDATE listing SET expired_at = $2 WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), now]);
      for (const r of rows) {
        // The system's EXPIRE step: the audit trail and the publication event (the search index drops it).
        await this.core.recordExpiry(em, this.listings.kind, r.id);
        await this.notifications.notifyOrganizationMembers(em, r.organization_id, {
          kind: 'LISTING_EXPIRED',
          title: { vi: `Tin đã hết hạn: ${r.title}`, en: `Listing expired: ${r.title}` },
          body: {
            vi: `Tin "${r.title}" đã hết hạn và không còn trong danh sách công khai. Gia hạn để đăng lại ngay.`,
            en: `"${r.title}" has expired and left the public lists. Renew it to put it back at once.`,
          },
          url: `/listings/${r.slug}`,
          dedupeKey: `listing-expired:${r.id}:${new Date(r.expires_at).toISOString()}`,
        });
      }
      return rows.length;
    });
  }
}
