import { Injectable, Logger, Inject } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEAL_STATUS_LABELS, DealStatus, ORGANIZATION_KIND_LABELS, OrganizationKind, findProvince, findTechField, localizedName, type Lang } from '@techport/shared';
import { Clock } from '../../common/clock.js';
import { t } from '../../common/i18n.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { PeriodicJob } from '../../common/periodic-job.js';
import { MODERATED_TABLES, REVIEW_TARGET_DAYS, applyModerationQueue } from '../moderation-core/moderation-queue.js';
import type { ModeratedKindCode } from '../moderation-core/moderated-kind.js';
import { publicListingSql } from '../listings/listing.rules.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { jurisdictionOf } from '../../common/auth/viewer.js';
import { monthLabel, monthsOf, previousPeriod, resolvePeriod, type MonthPeriod } from './stats-period.js';
import type { DashboardItemType, DepartmentDashboardType, MarketFiguresType, StatsTotalsType } from './figures.types.js';
import type { CountByKeyType } from './stats.types.js';
import catalogue from './figures.service.messages.json' with { type: 'json' };
import { FIELD_ANCESTRY, fieldLabel, splitFieldCounts } from './field-breakdown.js';

/**
 * Keeps the monthly rollup (materialised view stats_monthly, migration StatsMonthlyRollup) up to
 * date every STATS_REFRESH_SECONDS, and once as the worker starts (a fresh or restored database
 * showed zeros for the first interval): REFRESH … CONCURRENTLY rebuilds it from the raw tables
 * while readers keep the old rows (the figures are at most that stale). Tests call runOnce() after
 * writing; the demo seed calls refreshStatsRollup.
 */
@Injectable()
export class StatsRollupJob extends PeriodicJob {
  protected readonly logger = new Logger('StatsRollup');
  protected override readonly runAtStart = true;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(config.STATS_REFRESH_SECONDS * 1000, config);
  }

  runOnce(): Promise<boolean> {
    return refreshStatsRollup(this.ds);
  }
}

/**
 * One refresh of the rollup; false when another process holds it (an advisory lock keeps two
 * workers from refreshing at once).
 */
export function refreshStatsRollup(ds: DataSource): Promise<boolean> {
  return ds.transaction(async (em) => {
    const [{ locked }]: { locked: boolean }[] = await em.query(`SELECT pg_try_advisory_xact_lock(hashtext('stats_monthly')) AS locked`);
    if (!locked) return false;
    await em.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY stats_monthly`);
    // Fresh statistics for the planner (autovacuum does not analyse materialised views promptly).
    await em.query(`ANALYZE stats_monthly`);
    // The open-data feed's validator (ETag / Last-Modified of the figures read from the view): a
    // checksum of the rows, kept with the time it last changed as the view's comment. A refresh
    // that changed nothing keeps both, so harvesters polling in between still get 304. The time
    // of this refresh follows them: the pages say how current the figures are.
    const [{ sum, comment, now }]: { sum: string; comment: string | null; now: Date }[] = await em.query(
      `SELECT coalesce(sum(hashtextextended(concat_ws('|', metric, province_code, month, dim, bucket, n, total), 0)), 0)::text AS sum,
              obj_description('stats_monthly'::regclass, 'pg_class') AS comment, now() AS now
       FROM stats_monthly`,
    );
    const before = parseRollupVersion(comment);
    const changedAt = before?.checksum === sum ? before.changedAt : now;
    await em.query(`COMMENT ON MATERIALIZED VIEW stats_monthly IS '${sum} ${changedAt.toISOString()} ${now.toISOString()}'`);
    return true;
  });
}

export interface RollupVersion {
  checksum: string;
  /** When the rows last changed (the open-data feed's Last-Modified). */
  changedAt: Date;
  /** When the rollup was last refreshed, changed or not (how current the figures are). */
  refreshedAt: Date;
}

/**
 * The view's comment as refreshStatsRollup writes it: "<checksum> <ISO time it last changed>
 * <ISO time of the last refresh>" (comments written before the third part read it as the second).
 */
export function parseRollupVersion(comment: string | null): RollupVersion | null {
  const m = /^(-?\d+) (\S+)(?: (\S+))?$/.exec(comment ?? '');
  if (!m) return null;
  const [changedAt, refreshedAt] = [new Date(m[2]), new Date(m[3] ?? m[2])];
  return Number.isNaN(changedAt.getTime()) || Number.isNaN(refreshedAt.getTime()) ? null : { checksum: m[1], changedAt, refreshedAt };
}

interface RollupRow {
  metric: string;
  dim: string;
  month: string;
  n: number;
  total: string;
}

/** The moderated kinds' names on the dashboard. */
const KIND_LABELS: Record<ModeratedKindCode, { vi: string; en: string }> = catalogue;

const EMPTY_MONTH = { listingsPublished: 0, offersPublished: 0, demandsPublished: 0, interests: 0, dealsProposed: 0, dealsApproved: 0, dealValueApproved: 0, dealsApprovedAtTechmarts: 0, dealValueApprovedAtTechmarts: 0 };
const STAGES = [DealStatus.PROPOSED, DealStatus.ACCEPTED, DealStatus.UNDER_REVIEW, DealStatus.APPROVED, DealStatus.SIGNED, DealStatus.COMPLETED, DealStatus.REJECTED, DealStatus.CANCELLED];
/**
 * Which rows of the rollup a jurisdiction reads: the whole country's '*' rows (already summed) for
 * null, else those provinces' rows ([] = none). Two SQL shapes rather than one `$n IS NULL OR …`,
 * so that each uses the (metric, province_code, month) index.
 */
const SCOPE = (codes: string[] | null, n: number) => (codes === null ? `province_code = '*' AND $${n}::text[] IS NULL` : `province_code = ANY($${n}::text[])`);
/** `province_code` filter on live tables for a jurisdiction: $n null = every province, [] = none. */
const IN_JURISDICTION = (n: number, col = 'province_code') => `($${n}::text[] IS NULL OR ${col} = ANY($${n}::text[]))`;

interface Bucket {
  bucket: number;
  n: number;
}

/** The median of durations counted in 0.1-day buckets (the mean of the two middle ones for an even count). */
export function medianOf(buckets: Bucket[]): number | null {
  const sorted = [...buckets].sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((s, b) => s + b.n, 0);
  if (!total) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (seen >= k) return b.bucket;
    }
    return sorted[sorted.length - 1].bucket;
  };
  const m = total % 2 ? at((total + 1) / 2) : (at(total / 2) + at(total / 2 + 1)) / 2;
  return Math.round(m * 10) / 10;
}

/**
 * The market figures and the department's dashboard. Market figures come from the monthly rollup
 * only (a few hundred rows for a year), never from the raw tables; the desk's live lists (queue,
 * expiring listings, organisations, deals under review) are indexed lookups of current state.
 */
@Injectable()
export class FiguresService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async market(lang: Lang, from?: string | null, to?: string | null, codes: string[] | null = null): Promise<MarketFiguresType> {
    const period = resolvePeriod(from, to, this.clock.now());
    return this.ds.transaction('REPEATABLE READ', (em) => this.marketIn(em, lang, period, codes));
  }

  /** The market figures of a period already checked (the open-data feed's periods), nationwide. */
  async marketForPeriod(lang: Lang, period: MonthPeriod): Promise<MarketFiguresType> {
    return this.ds.transaction('REPEATABLE READ', (em) => this.marketIn(em, lang, period, null));
  }

  /** What the rollup holds, as its last refresh recorded it (null until a refresh has run). */
  async rollupVersion(em: EntityManager = this.ds.manager): Promise<RollupVersion | null> {
    const [{ comment }]: { comment: string | null }[] = await em.query(`SELECT obj_description('stats_monthly'::regclass, 'pg_class') AS comment`);
    return parseRollupVersion(comment);
  }

  async dashboard(viewer: Viewer, lang: Lang, from?: string | null, to?: string | null): Promise<DepartmentDashboardType> {
    const period = resolvePeriod(from, to, this.clock.now());
    const codes = jurisdictionOf(viewer);
    const now = this.clock.now();
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      const market = await this.marketIn(em, lang, period, codes);
      const { byKind: queueByKind, ...queue } = await this.queue(em, codes, now, lang);
      const { byKind: decisionsByKind, ...reviewers } = await this.reviewers(em, period, codes, lang);
      // One transaction is one connection: its queries run one after the other anyway.
      const expiring = await this.expiring(em, codes, now);
      const orgs = await this.unverified(em, codes);
      const deals = await this.dealsUnderReview(em, codes);
      return {
        provinceCodes: codes,
        reviewTargetDays: REVIEW_TARGET_DAYS,
        ...queue,
        ...reviewers,
        moderationByKind: MODERATED_TABLES.map(({ code }) => ({ kind: code, label: t(KIND_LABELS[code], lang), ...queueByKind.get(code)!, ...decisionsByKind.get(code)! })),
        expiringSoonCount: expiring.count,
        expiringSoon: expiring.items,
        organizationsAwaitingVerificationCount: orgs.count,
        organizationsAwaitingVerification: orgs.items,
        dealsAwaitingReviewCount: deals.count,
        dealsAwaitingReview: deals.items,
        market,
      };
    });
  }

  private async marketIn(em: EntityManager, lang: Lang, period: MonthPeriod, codes: string[] | null): Promise<MarketFiguresType> {
    const previous = previousPeriod(period);
    const rows: RollupRow[] = await em.query(
      `SELECT metric, dim, to_char(month, 'YYYY-MM') AS month, sum(n)::int AS n, sum(total)::text AS total
       FROM stats_monthly
       WHERE month BETWEEN to_date($1, 'YYYY-MM') AND to_date($2, 'YYYY-MM') AND ${SCOPE(codes, 3)}
         AND metric IN ('listings', 'interests', 'deal_stage', 'deal_approved', 'techmart_deal_approved')
       GROUP BY 1, 2, 3`,
      [previous.from, period.to, codes],
    );
    const breakdowns: { metric: string; key: string; n: number }[] = await em.query(
      `SELECT metric, dim AS key, sum(n)::int AS n FROM stats_monthly
       WHERE month BETWEEN to_date($1, 'YYYY-MM') AND to_date($2, 'YYYY-MM') AND ${SCOPE(codes, 3)} AND metric IN ('org_kind', 'trl')
       GROUP BY 1, 2
       UNION ALL
       SELECT 'province', province_code, sum(n)::int FROM stats_monthly
       WHERE month BETWEEN to_date($1, 'YYYY-MM') AND to_date($2, 'YYYY-MM') AND metric = 'listings'
         AND province_code <> '*' AND ${IN_JURISDICTION(3)}
       GROUP BY 1, 2
       ORDER BY 3 DESC, 2`,
      [period.from, period.to, codes],
    );
    // By field: from the listings themselves (the rollup counts a listing once per field code, so a
    // top-level total from it would count a listing in two of its sub-fields twice).
    const fieldCounts: { key: string; count: number }[] = await em.query(
      `SELECT a.ancestor AS key, count(DISTINCT l.id)::int AS count
       FROM listing l CROSS JOIN LATERAL unnest(l.field_codes) AS f(code)
       JOIN unnest($4::text[], $5::text[]) AS a(code, ancestor) ON a.code = f.code
       WHERE l.published_at IS NOT NULL
         AND date_trunc('month', l.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN to_date($1, 'YYYY-MM') AND to_date($2, 'YYYY-MM')
         AND ${IN_JURISDICTION(3, 'l.province_code')}
       GROUP BY a.ancestor`,
      [period.from, period.to, codes, ...FIELD_ANCESTRY],
    );
    const fields = splitFieldCounts(fieldCounts);
    const durations: { metric: string; current: boolean; bucket: number; n: number }[] = await em.query(
      `SELECT metric, month >= to_date($1, 'YYYY-MM') AS current, bucket, sum(n)::int AS n
       FROM stats_monthly
       WHERE month BETWEEN to_date($2, 'YYYY-MM') AND to_date($3, 'YYYY-MM') AND ${SCOPE(codes, 4)}
         AND metric IN ('first_interest', 'decision')
       GROUP BY 1, 2, 3`,
      [period.from, previous.from, period.to, codes],
    );

    const byMonth = new Map(monthsOf(period).concat(monthsOf(previous)).map((m) => [m, { ...EMPTY_MONTH, converted: 0 }]));
    const stages = new Map<string, { count: number; value: number }>();
    for (const r of rows) {
      const m = byMonth.get(r.month);
      if (!m) continue;
      if (r.metric === 'listings') {
        m.listingsPublished += r.n;
        if (r.dim === 'OFFER') m.offersPublished += r.n;
        else m.demandsPublished += r.n;
      } else if (r.metric === 'interests') {
        m.interests += r.n;
        m.converted += Number(r.total);
      } else if (r.metric === 'deal_stage') {
        m.dealsProposed += r.n;
        if (r.month >= period.from) {
          const s = stages.get(r.dim) ?? { count: 0, value: 0 };
          s.count += r.n;
          s.value += Number(r.total);
          stages.set(r.dim, s);
        }
      } else if (r.metric === 'deal_approved') {
        m.dealsApproved += r.n;
        m.dealValueApproved += Number(r.total);
      } else if (r.metric === 'techmart_deal_approved') {
        // Deals that came out of a Techmart's meetings (a part of deal_approved).
        m.dealsApprovedAtTechmarts += r.n;
        m.dealValueApprovedAtTechmarts += Number(r.total);
      }
    }
    const totals = (p: MonthPeriod, current: boolean): StatsTotalsType => {
      const sum = { ...EMPTY_MONTH, converted: 0 };
      for (const month of monthsOf(p)) {
        const m = byMonth.get(month)!;
        for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += m[k];
      }
      const of = (metric: string) => durations.filter((x) => x.metric === metric && x.current === current);
      const count = (metric: string) => of(metric).reduce((n, b) => n + b.n, 0);
      const { converted, ...figures } = sum;
      return {
        ...figures,
        interestsConverted: converted,
        interestToDealRate: sum.interests ? converted / sum.interests : null,
        medianDaysToFirstInterest: medianOf(of('first_interest')),
        listingsWithInterest: count('first_interest'),
        medianDaysInModeration: medianOf(of('decision')),
        moderationDecisions: count('decision'),
      };
    };
    const breakdown = (metric: string, label: (key: string) => string | undefined): CountByKeyType[] =>
      breakdowns.filter((b) => b.metric === metric).map((b) => ({ key: b.key, count: b.n, label: label(b.key) ?? b.key }));
    const trl = breakdown('trl', (k) => (k ? `TRL ${k}` : lang === 'en' ? 'Not stated' : 'Chưa nêu')).sort(
      (a, b) => (a.key === '' ? 99 : Number(a.key)) - (b.key === '' ? 99 : Number(b.key)),
    );

    return {
      from: period.from,
      to: period.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      refreshedAt: (await this.rollupVersion(em))?.refreshedAt ?? null,
      refreshEverySeconds: this.config.STATS_REFRESH_SECONDS,
      months: monthsOf(period).map((month) => {
        const { converted: _converted, ...m } = byMonth.get(month)!;
        return { month, label: monthLabel(month, lang), ...m };
      }),
      totals: totals(period, true),
      previous: totals(previous, false),
      dealsByStage: STAGES.filter((s) => stages.has(s)).map((stage) => ({ stage, label: t(DEAL_STATUS_LABELS[stage], lang), ...stages.get(stage)! })),
      byField: fields.top.map((r) => ({ ...r, label: fieldLabel(r.key, lang) })),
      bySubField: fields.sub.map((r) => ({ ...r, label: fieldLabel(r.key, lang) })),
      byProvince: breakdown('province', (k) => {
        const p = findProvince(k);
        return p && localizedName(p, lang);
      }),
      byOrganizationKind: breakdown('org_kind', (k) => {
        const l = ORGANIZATION_KIND_LABELS[k as OrganizationKind];
        return l && t(l, lang);
      }),
      byTrl: trl,
    };
  }

  /**
   * The review queue now, over every moderated kind (the same rule as the moderators' queue page:
   * submissions and revisions of published items, in the jurisdiction), by age against the target.
   */
  private async queue(em: EntityManager, codes: string[] | null, now: Date, lang: Lang) {
    type Row = { waiting: number; over: number; oldest: number | null; lt1: number; d1to3: number; d3to7: number; gt7: number };
    const rows: { code: ModeratedKindCode; row: Row }[] = [];
    for (const { code, table } of MODERATED_TABLES) {
      const qb = applyModerationQueue(em.createQueryBuilder().select('q.id', 'id').from(table, 'q'), 'q', codes, { pending: 'PENDING_REVIEW', published: 'PUBLISHED' });
      const [sql, params] = qb.getQueryAndParameters();
      const n = params.length;
      const [row]: Row[] = await em.query(
        `WITH q AS (SELECT extract(epoch FROM ($${n + 1}::timestamptz - queued_at)) / 86400 AS age FROM (${sql}) queue)
         SELECT count(*)::int AS waiting, count(*) FILTER (WHERE age > $${n + 2})::int AS over, max(age)::float AS oldest,
                count(*) FILTER (WHERE age < 1)::int AS lt1, count(*) FILTER (WHERE age >= 1 AND age < 3)::int AS d1to3,
                count(*) FILTER (WHERE age >= 3 AND age < 7)::int AS d3to7, count(*) FILTER (WHERE age >= 7)::int AS gt7
         FROM q`,
        [...params, now, REVIEW_TARGET_DAYS],
      );
      rows.push({ code, row });
    }
    const sum = (k: Exclude<keyof Row, 'oldest'>) => rows.reduce((total, r) => total + r.row[k], 0);
    const days = (d: number | null) => (d == null ? null : Math.round(d * 10) / 10);
    const oldest = rows.reduce<number | null>((max, r) => (r.row.oldest != null && (max == null || r.row.oldest > max) ? r.row.oldest : max), null);
    const band = (key: string, vi: string, en: string, count: number) => ({ key, label: lang === 'en' ? en : vi, count });
    return {
      queueWaiting: sum('waiting'),
      queueOverTarget: sum('over'),
      queueOldestDays: days(oldest),
      queueByAge: [
        band('lt1', 'Dưới 1 ngày', 'Under 1 day', sum('lt1')),
        band('1to3', '1–3 ngày', '1–3 days', sum('d1to3')),
        band('3to7', '3–7 ngày', '3–7 days', sum('d3to7')),
        band('gt7', 'Trên 7 ngày', 'Over 7 days', sum('gt7')),
      ],
      byKind: new Map(rows.map(({ code, row }) => [code, { waiting: row.waiting, overTarget: row.over, oldestDays: days(row.oldest) }])),
    };
  }

  /**
   * Decisions in the period by reviewer, over every moderated kind, from the rollup's 0.1-day
   * buckets (days from submission); and the same decisions by kind.
   */
  private async reviewers(em: EntityManager, period: MonthPeriod, codes: string[] | null, lang: Lang) {
    const rows: { metric: string; dim: string; bucket: number; n: number }[] = await em.query(
      `SELECT metric, dim, bucket, sum(n)::int AS n FROM stats_monthly
       WHERE metric = ANY($4::text[]) AND month BETWEEN to_date($1, 'YYYY-MM') AND to_date($2, 'YYYY-MM') AND ${SCOPE(codes, 3)}
       GROUP BY 1, 2, 3`,
      [period.from, period.to, codes, MODERATED_TABLES.map((k) => k.decisionMetric)],
    );
    const ids = [...new Set(rows.map((r) => r.dim).filter(Boolean))];
    const names = new Map<string, string>(
      ids.length
        ? (await em.query(`SELECT id::text AS id, display_name AS name FROM app_user WHERE id = ANY($1::uuid[])`, [ids])).map((u: { id: string; name: string }) => [u.id, u.name])
        : [],
    );
    const within = (buckets: Bucket[]) => buckets.filter((b) => b.bucket <= REVIEW_TARGET_DAYS).reduce((n, b) => n + b.n, 0);
    const total = (buckets: Bucket[]) => buckets.reduce((n, b) => n + b.n, 0);
    const reviewers = [...new Set(rows.map((r) => r.dim))].map((dim) => {
      const mine = rows.filter((r) => r.dim === dim);
      return {
        reviewerId: dim || null,
        name: names.get(dim) ?? (lang === 'en' ? 'Former reviewer' : 'Người duyệt cũ'),
        decisions: total(mine),
        medianDays: medianOf(mine),
        withinTarget: within(mine),
      };
    });
    reviewers.sort((a, b) => b.decisions - a.decisions || a.name.localeCompare(b.name) || (a.reviewerId ?? '').localeCompare(b.reviewerId ?? ''));
    const byKind = new Map(
      MODERATED_TABLES.map(({ code, decisionMetric }) => {
        const mine = rows.filter((r) => r.metric === decisionMetric);
        return [code, { decisions: total(mine), medianDays: medianOf(mine), withinTarget: within(mine) }];
      }),
    );
    return { decisions: total(rows), medianDecisionDays: medianOf(rows), decisionsWithinTarget: within(rows), reviewers, byKind };
  }

  private async expiring(em: EntityManager, codes: string[] | null, now: Date) {
    const where = `${publicListingSql('listing', '$1')} AND expires_at <= $1 + interval '14 days' AND ${IN_JURISDICTION(2)}`;
    const [{ n }]: { n: number }[] = await em.query(`SELECT count(*)::int AS n FROM listing WHERE ${where}`, [now, codes]);
    const items: DashboardItemType[] = await em.query(
      `SELECT id, slug, title, province_code AS "provinceCode", expires_at AS at FROM listing WHERE ${where} ORDER BY expires_at, id LIMIT 10`,
      [now, codes],
    );
    return { count: n, items };
  }

  private async unverified(em: EntityManager, codes: string[] | null) {
    const where = `verified = false AND verification_declined_at IS NULL AND ${IN_JURISDICTION(1)}`;
    const [{ n }]: { n: number }[] = await em.query(`SELECT count(*)::int AS n FROM organization WHERE ${where}`, [codes]);
    const items: DashboardItemType[] = await em.query(
      `SELECT id, slug, name AS title, province_code AS "provinceCode", created_at AS at FROM organization WHERE ${where} ORDER BY created_at, id LIMIT 10`,
      [codes],
    );
    return { count: n, items };
  }

  private async dealsUnderReview(em: EntityManager, codes: string[] | null) {
    const where = `d.status = '${DealStatus.UNDER_REVIEW}' AND ${IN_JURISDICTION(1, 'd.province_code')}`;
    const [{ n }]: { n: number }[] = await em.query(`SELECT count(*)::int AS n FROM deal d WHERE ${where}`, [codes]);
    const items: DashboardItemType[] = await em.query(
      // Since it was sent for review (its last step into UNDER_REVIEW), not its last change: the
      // oldest wait first, as the department works them.
      `SELECT d.id, NULL AS slug, l.title, d.province_code AS "provinceCode", coalesce(s.at, d.updated_at) AS at
       FROM deal d JOIN listing l ON l.id = d.listing_id
       LEFT JOIN LATERAL (SELECT max(e.at) AS at FROM deal_event e WHERE e.deal_id = d.id AND e.status = '${DealStatus.UNDER_REVIEW}') s ON true
       WHERE ${where} ORDER BY 5, d.id LIMIT 10`,
      [codes],
    );
    return { count: n, items };
  }
}
