import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListingStatus } from '@techport/shared';
import { Clock } from '../../common/clock.js';
import { RateLimitService } from '../../common/rate-limit.service.js';
import { vietnamDay } from '../../common/dates.js';
import { isModerator, type Viewer } from '../../common/auth/viewer.js';
import type { ClientInfo } from '../accounts/sessions.service.js';
import { isRobot } from '../accounts/user-agent.js';
import { DAY_MS } from './listing.rules.js';
import type { ListingEntity } from './listing.entity.js';

/** What the owner reads of one listing. */
export interface ListingStats {
  viewsLast30Days: number;
  viewsTotal: number;
  interestsTotal: number;
  /** Interests still waiting for the owner's answer (OPEN). */
  interestsAwaitingReply: number;
}

/** Days counted by viewsLast30Days: today and the 29 before it. */
export const RECENT_VIEW_DAYS = 30;

/** Staff, including those whose staff role waits for a second factor: their views are work, not interest. */
function isStaff(viewer: Viewer): boolean {
  return isModerator(viewer) || (viewer.rolesAwaitingSecondFactor ?? []).length > 0;
}

/**
 * How a listing is doing for its owner: daily unique views of its public page (listing_view) and
 * the interests organisations opened on it. A view counts once per viewer, listing and day (in
 * Vietnam), and never the owning organisation's own members, staff or robots.
 */
@Injectable()
export class ListingStatsService {
  /** The day's salt, read once per day and process. */
  private salt: { day: string; value: Buffer } | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly limits: RateLimitService,
  ) {}

  /**
   * Counts a view of a published listing's page; whether it counted (false for a repeat the same day
   * and for views that do not count). `owner`: the viewer belongs to the listing's organisation.
   * One INSERT … ON CONFLICT DO NOTHING (plus, once a day, the day's salt).
   */
  async recordView(listing: Pick<ListingEntity, 'id' | 'status'>, viewer: Viewer | null, owner: boolean, client: ClientInfo): Promise<boolean> {
    if (listing.status !== ListingStatus.PUBLISHED || owner || isRobot(client.userAgent)) return false;
    if (viewer && isStaff(viewer)) return false;
    const day = vietnamDay(this.clock.now());
    let who: string;
    if (viewer) who = `u:${viewer.id}`;
    else if (client.address) {
      // A source that has opened many listings today stops counting (RATE_LIMIT_ANONYMOUS_VIEWS_PER_IP).
      if (!(await this.limits.tryTake('anonymousViewsPerIp', client.address))) return false;
      who = `a:${createHmac('sha256', await this.saltOf(day)).update(`${client.address}\n${client.userAgent}`).digest('base64url')}`;
    } else return false;
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO listing_view (listing_id, day, viewer) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [listing.id, day, who],
    );
    return rows.length > 0;
  }

  /** The stats of several listings, in their order: one statement for a page of them. */
  async statsOf(listingIds: readonly string[]): Promise<ListingStats[]> {
    const since = vietnamDay(new Date(this.clock.now().getTime() - (RECENT_VIEW_DAYS - 1) * DAY_MS));
    const rows: Array<{ id: string; views_total: number; views_recent: number; interests: number; awaiting: number }> = await this.ds.query(
      `SELECT k.id,
              (SELECT count(*) FROM listing_view v WHERE v.listing_id = k.id)::int AS views_total,
              (SELECT count(*) FROM listing_view v WHERE v.listing_id = k.id AND v.day >= $2)::int AS views_recent,
              i.interests, i.awaiting
         FROM unnest($1::uuid[]) AS k(id)
         CROSS JOIN LATERAL (SELECT count(*)::int AS interests, (count(*) FILTER (WHERE status = 'OPEN'))::int AS awaiting
                               FROM interest WHERE listing_id = k.id) i`,
      [listingIds, since],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return listingIds.map((id) => {
      const r = byId.get(id);
      return { viewsLast30Days: r?.views_recent ?? 0, viewsTotal: r?.views_total ?? 0, interestsTotal: r?.interests ?? 0, interestsAwaitingReply: r?.awaiting ?? 0 };
    });
  }

  /**
   * Today's salt: made by the first view of the day (by any replica), and earlier days' deleted, so
   * an anonymous viewer's hash cannot be recomputed from an address after the day.
   */
  private async saltOf(day: string): Promise<Buffer> {
    if (this.salt?.day === day) return this.salt.value;
    await this.ds.query(`DELETE FROM listing_view_salt WHERE day < $1`, [day]);
    await this.ds.query(`INSERT INTO listing_view_salt (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING`, [day, randomBytes(32)]);
    const [row]: Array<{ salt: Buffer }> = await this.ds.query(`SELECT salt FROM listing_view_salt WHERE day = $1`, [day]);
    this.salt = { day, value: row.salt };
    return row.salt;
  }
}
