import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The market figures' monthly rollup (issue #18): one row per (metric, month in Vietnam time,
 * province, dimension) with a count, a total and, for durations, the samples in hours (so medians
 * over any run of months stay exact). The statistics read only this view; StatsRollupJob refreshes
 * it CONCURRENTLY (hence the unique index) every STATS_REFRESH_SECONDS. See modules/stats/figures.service.ts.
 */
export class StatsMonthlyRollup1796364335006 implements MigrationInterface {
  name = 'StatsMonthlyRollup1796364335006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE MATERIALIZED VIEW "stats_monthly" AS ${STATS_MONTHLY_SQL}`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_stats_monthly" ON "stats_monthly" ("metric", "month", "province_code", "dim")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW "stats_monthly"`);
  }
}

const month = (col: string) => `date_trunc('month', ${col} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const hours = (to: string, from: string) => `(extract(epoch FROM (${to} - ${from})) / 3600)::real`;
const APPROVED = `('APPROVED', 'SIGNED', 'COMPLETED')`;

/**
 * Metrics (dim in brackets): listings [kind] by month of (latest) publication, and the same
 * listings by field [code], organisation kind [kind] and TRL [level or ''];
 * interests [''] by month raised (total: those whose deal was approved);
 * deal_stage [current status] by month proposed (total: value); deal_approved [''] by month of
 * approval (total: value); first_interest [''] by month of publication (samples: hours from
 * publication to the first interest); decision [reviewer id] by month of the decision (samples:
 * hours from the submission it decided).
 */
const STATS_MONTHLY_SQL = `
SELECT 'listings'::text AS metric, ${month('l.published_at')} AS month, l.province_code, l.kind::text AS dim,
       count(*)::int AS n, 0::numeric AS total, NULL::real[] AS samples
FROM listing l WHERE l.published_at IS NOT NULL GROUP BY 2, 3, 4
UNION ALL
SELECT 'field', ${month('l.published_at')}, l.province_code, f.code, count(*)::int, 0, NULL
FROM listing l CROSS JOIN LATERAL unnest(l.field_codes) AS f(code) WHERE l.published_at IS NOT NULL GROUP BY 2, 3, 4
UNION ALL
SELECT 'org_kind', ${month('l.published_at')}, l.province_code, o.kind::text, count(*)::int, 0, NULL
FROM listing l JOIN organization o ON o.id = l.organization_id WHERE l.published_at IS NOT NULL GROUP BY 2, 3, 4
UNION ALL
SELECT 'trl', ${month('l.published_at')}, l.province_code, coalesce(l.trl::text, ''), count(*)::int, 0, NULL
FROM listing l WHERE l.published_at IS NOT NULL GROUP BY 2, 3, 4
UNION ALL
SELECT 'interests', ${month('i.created_at')}, l.province_code, '', count(*)::int,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM deal d WHERE d.interest_id = i.id AND d.status IN ${APPROVED}))::numeric, NULL
FROM interest i JOIN listing l ON l.id = i.listing_id GROUP BY 2, 3, 4
UNION ALL
SELECT 'deal_stage', ${month('d.created_at')}, d.province_code, d.status::text, count(*)::int, sum(d.value)::numeric, NULL
FROM deal d GROUP BY 2, 3, 4
UNION ALL
SELECT 'deal_approved', ${month('d.approved_at')}, d.province_code, '', count(*)::int, sum(d.value)::numeric, NULL
FROM deal d WHERE d.approved_at IS NOT NULL AND d.status IN ${APPROVED} GROUP BY 2, 3, 4
UNION ALL
SELECT 'first_interest', ${month('l.published_at')}, l.province_code, '', count(*)::int, 0,
       array_agg(${hours('fi.at', 'l.published_at')} ORDER BY fi.at)
FROM listing l
JOIN LATERAL (SELECT min(i.created_at) AS at FROM interest i WHERE i.listing_id = l.id) fi ON fi.at IS NOT NULL
WHERE l.published_at IS NOT NULL AND fi.at >= l.published_at GROUP BY 2, 3, 4
UNION ALL
SELECT 'decision', ${month('e.at')}, l.province_code, coalesce(e.actor_id::text, ''), count(*)::int, 0,
       array_agg(${hours('e.at', 's.at')} ORDER BY e.at)
FROM listing_event e
JOIN listing l ON l.id = e.listing_id
JOIN LATERAL (SELECT max(x.at) AS at FROM listing_event x
              WHERE x.listing_id = e.listing_id AND x.action IN ('SUBMIT', 'REVISION_SUBMIT') AND x.at <= e.at) s ON s.at IS NOT NULL
WHERE e.action IN ('APPROVE', 'REJECT', 'REVISION_APPROVE', 'REVISION_REJECT') GROUP BY 2, 3, 4
`;
