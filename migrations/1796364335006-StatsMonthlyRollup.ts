import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The market figures' monthly rollup (issue #18): one row per (metric, month in Vietnam time,
 * province, dimension, bucket) with a count and a total; province '*' rows hold the whole country,
 * so nationwide figures read a few hundred rows. Durations are counted in buckets of 0.1 day, so
 * medians over any run of months and provinces are exact to the 0.1 day the pages show. The
 * statistics read only this view; StatsRollupJob refreshes it CONCURRENTLY (hence the unique
 * index) every STATS_REFRESH_SECONDS. See modules/stats/figures.service.ts.
 */
export class StatsMonthlyRollup1796364335006 implements MigrationInterface {
  name = 'StatsMonthlyRollup1796364335006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE MATERIALIZED VIEW "stats_monthly" AS ${STATS_MONTHLY_SQL}`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_stats_monthly" ON "stats_monthly" ("metric", "province_code", "month", "dim", "bucket")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW "stats_monthly"`);
  }
}

export const month = (col: string) => `date_trunc('month', ${col} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
/** Days from `from` to `to`, rounded to the 0.1-day bucket. */
const bucket = (to: string, from: string) => `round((extract(epoch FROM (${to} - ${from})) / 86400)::numeric, 1)::real`;
export const APPROVED = `('APPROVED', 'SIGNED', 'COMPLETED')`;

/**
 * Metrics (dim in brackets; bucket -1 unless a duration):
 * listings [kind] by month of (latest) publication, and the same listings by field [code],
 * organisation kind [kind] and TRL [level or '']; interests [''] by month raised (total: those
 * whose deal was approved); deal_stage [current status] by month proposed (total: value);
 * deal_approved [''] by month of approval (total: value); first_interest [''] by month of
 * publication, bucket = days from publication to the first interest; decision [reviewer id] by
 * month of the decision, bucket = days from the submission it decided.
 */
export const FACTS = `
SELECT 'listings'::text AS metric, ${month('l.published_at')} AS month, l.province_code, l.kind::text AS dim, -1::real AS bucket, 1 AS n, 0::numeric AS total
FROM listing l WHERE l.published_at IS NOT NULL
UNION ALL
SELECT 'field', ${month('l.published_at')}, l.province_code, f.code, -1, 1, 0
FROM listing l CROSS JOIN LATERAL unnest(l.field_codes) AS f(code) WHERE l.published_at IS NOT NULL
UNION ALL
SELECT 'org_kind', ${month('l.published_at')}, l.province_code, o.kind::text, -1, 1, 0
FROM listing l JOIN organization o ON o.id = l.organization_id WHERE l.published_at IS NOT NULL
UNION ALL
SELECT 'trl', ${month('l.published_at')}, l.province_code, coalesce(l.trl::text, ''), -1, 1, 0
FROM listing l WHERE l.published_at IS NOT NULL
UNION ALL
SELECT 'interests', ${month('i.created_at')}, l.province_code, '', -1, 1,
       (EXISTS (SELECT 1 FROM deal d WHERE d.interest_id = i.id AND d.status IN ${APPROVED}))::int
FROM interest i JOIN listing l ON l.id = i.listing_id
UNION ALL
SELECT 'deal_stage', ${month('d.created_at')}, d.province_code, d.status::text, -1, 1, d.value
FROM deal d
UNION ALL
SELECT 'deal_approved', ${month('d.approved_at')}, d.province_code, '', -1, 1, d.value
FROM deal d WHERE d.approved_at IS NOT NULL AND d.status IN ${APPROVED}
UNION ALL
SELECT 'first_interest', ${month('l.published_at')}, l.province_code, '', ${bucket('fi.at', 'l.published_at')}, 1, 0
FROM listing l
JOIN LATERAL (SELECT min(i.created_at) AS at FROM interest i WHERE i.listing_id = l.id) fi ON fi.at IS NOT NULL
WHERE l.published_at IS NOT NULL AND fi.at >= l.published_at
UNION ALL
SELECT 'decision', ${month('e.at')}, l.province_code, coalesce(e.actor_id::text, ''), ${bucket('e.at', 's.at')}, 1, 0
FROM listing_event e
JOIN listing l ON l.id = e.listing_id
JOIN LATERAL (SELECT max(x.at) AS at FROM listing_event x
              WHERE x.listing_id = e.listing_id AND x.action IN ('SUBMIT', 'REVISION_SUBMIT') AND x.at <= e.at) s ON s.at IS NOT NULL
WHERE e.action IN ('APPROVE', 'REJECT', 'REVISION_APPROVE', 'REVISION_REJECT')
`;

/** The view over some facts (later migrations add metrics to FACTS and rebuild the view with this). */
export const statsMonthlySql = (facts: string) => `
SELECT metric, month, coalesce(province_code, '*') AS province_code, dim, bucket, sum(n)::int AS n, sum(total)::numeric AS total
FROM (${facts}) f
GROUP BY GROUPING SETS ((metric, month, province_code, dim, bucket), (metric, month, dim, bucket))
`;

const STATS_MONTHLY_SQL = statsMonthlySql(FACTS);
