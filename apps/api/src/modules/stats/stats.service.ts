import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { DataSource } from 'typeorm';
import { ListingKind, TECH_FIELDS, findProvince, findTechField, localizedName, techFieldAncestry, type Lang } from '@techport/shared';
import { Clock } from '../../common/clock.js';
import { publicListingSql } from '../listings/listing.rules.js';
import { DealStatsProvider } from './deal-stats.provider.js';
import type { CountByKeyType, MarketStatsType } from './stats.types.js';

interface KeyCount {
  key: string;
  count: number;
}

function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return lang === 'en'
    ? new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    : `Tháng ${m}/${y}`;
}

/**
 * The market's figures, computed by PostgreSQL (counts and GROUP BYs, never rows loaded into
 * memory), all from one snapshot. "Published" means what the public sees: published and not expired.
 */

/** Every field code beside each of its ancestors and itself, as two parallel arrays for SQL. */
const FIELD_ANCESTRY: [string[], string[]] = (() => {
  const pairs = TECH_FIELDS.flatMap((f) => techFieldAncestry(f.code).map((ancestor) => [f.code, ancestor]));
  return [pairs.map(([code]) => code), pairs.map(([, ancestor]) => ancestor)];
})();

@Injectable()
export class StatsService {
  /**
   * The figures for each language, for STATS_CACHE_SECONDS: they are on the home page of every
   * visitor, cost ~40 ms of aggregates over the whole catalogue, and need not be to-the-second.
   */
  private readonly cache = new Map<Lang, { at: number; value: Promise<MarketStatsType> }>();

  constructor(
    private readonly ds: DataSource,
    private readonly deals: DealStatsProvider,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  market(lang: Lang): Promise<MarketStatsType> {
    const ttlMs = this.config.STATS_CACHE_SECONDS * 1000;
    if (ttlMs <= 0) return this.compute(lang);
    const hit = this.cache.get(lang);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = this.compute(lang);
    this.cache.set(lang, { at: Date.now(), value });
    value.catch(() => this.cache.delete(lang));
    return value;
  }

  private async compute(lang: Lang): Promise<MarketStatsType> {
    const now = this.clock.now();
    const listed = publicListingSql('l', '$1');
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      const [listings]: { offers: number; demands: number }[] = await em.query(
        `SELECT count(*) FILTER (WHERE l.kind = '${ListingKind.OFFER}')::int AS offers,
                count(*) FILTER (WHERE l.kind = '${ListingKind.DEMAND}')::int AS demands
         FROM listing l WHERE ${listed}`,
        [now],
      );
      const [orgs]: { n: number }[] = await em.query(`SELECT count(*)::int AS n FROM organization`);
      // A field counts its children's listings too (each listing once), as the search's field facet does.
      const byField: KeyCount[] = await em.query(
        `SELECT a.ancestor AS key, count(DISTINCT l.id)::int AS count
         FROM listing l CROSS JOIN LATERAL unnest(l.field_codes) AS f(code)
         JOIN unnest($2::text[], $3::text[]) AS a(code, ancestor) ON a.code = f.code
         WHERE ${listed} GROUP BY a.ancestor ORDER BY count DESC, a.ancestor`,
        [now, ...FIELD_ANCESTRY],
      );
      const byProvince: KeyCount[] = await em.query(
        `SELECT l.province_code AS key, count(*)::int AS count FROM listing l
         WHERE ${listed} GROUP BY l.province_code ORDER BY count DESC, l.province_code`,
        [now],
      );
      const deals = await this.deals.figures(em);
      const label = (rows: KeyCount[], name: (key: string) => string | undefined): CountByKeyType[] =>
        rows.map((r) => ({ key: r.key, count: r.count, label: name(r.key) ?? r.key }));
      return {
        publishedOffers: listings.offers,
        publishedDemands: listings.demands,
        organizations: orgs.n,
        dealsApproved: deals.dealsApproved,
        dealValueApproved: deals.dealValueApproved,
        listingsByField: label(byField, (k) => {
          const f = findTechField(k);
          return f && localizedName(f, lang);
        }),
        listingsByProvince: label(byProvince, (k) => {
          const p = findProvince(k);
          return p && localizedName(p, lang);
        }),
        dealsByMonth: deals.dealsByMonth.map((d) => ({ key: d.month, count: d.count, label: monthLabel(d.month, lang) })),
      };
    });
  }
}
