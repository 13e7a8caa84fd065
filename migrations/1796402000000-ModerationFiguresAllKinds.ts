import type { MigrationInterface, QueryRunner } from 'typeorm';
import { month, statsMonthlySql } from './1796364335006-StatsMonthlyRollup.js';
import { FACTS_WITH_TECHMARTS } from './1796380000000-TechmartEventDay.js';

/** Days from `from` to `to`, rounded to the 0.1-day bucket (as in StatsMonthlyRollup). */
const bucket = (to: string, from: string) => `round((extract(epoch FROM (${to} - ${from})) / 86400)::numeric, 1)::real`;

/**
 * A moderation decision on an expert profile or an event, as 'decision' is for a listing: by month
 * of the decision, in the item's province, dim = reviewer id, bucket = days from the submission it
 * decided. The department's dashboard counts its reviewers over every moderated kind; the market's
 * "time in moderation" stays the listings' own ('decision').
 */
const decisions = (metric: string, trail: string, itemColumn: string, table: string) => `
UNION ALL
SELECT '${metric}', ${month('e.at')}, it.province_code, coalesce(e.actor_id::text, ''), ${bucket('e.at', 's.at')}, 1, 0
FROM ${trail} e
JOIN ${table} it ON it.id = e.${itemColumn}
JOIN LATERAL (SELECT max(x.at) AS at FROM ${trail} x
              WHERE x.${itemColumn} = e.${itemColumn} AND x.action IN ('SUBMIT', 'REVISION_SUBMIT') AND x.at <= e.at) s ON s.at IS NOT NULL
WHERE e.action IN ('APPROVE', 'REJECT', 'REVISION_APPROVE', 'REVISION_REJECT')
`;

export const FACTS_WITH_ALL_DECISIONS = `${FACTS_WITH_TECHMARTS}${decisions('decision_expert', 'expert_profile_event', 'expert_id', 'expert_profile')}${decisions('decision_event', 'techmart_event_step', 'event_id', 'techmart_event')}`;

export class ModerationFiguresAllKinds1796402000000 implements MigrationInterface {
  name = 'ModerationFiguresAllKinds1796402000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.rebuild(queryRunner, FACTS_WITH_ALL_DECISIONS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.rebuild(queryRunner, FACTS_WITH_TECHMARTS);
  }

  /** The rollup is a materialised view: a new metric means building it again. */
  private async rebuild(queryRunner: QueryRunner, facts: string): Promise<void> {
    await rebuildStatsMonthly(queryRunner, facts);
  }
}

/** Builds the rollup (a materialised view) again over these facts, with its unique index (which REFRESH … CONCURRENTLY needs). */
export async function rebuildStatsMonthly(queryRunner: QueryRunner, facts: string): Promise<void> {
  await queryRunner.query(`DROP MATERIALIZED VIEW "stats_monthly"`);
  await queryRunner.query(`CREATE MATERIALIZED VIEW "stats_monthly" AS ${statsMonthlySql(facts)}`);
  await queryRunner.query(`CREATE UNIQUE INDEX "UQ_stats_monthly" ON "stats_monthly" ("metric", "province_code", "month", "dim", "bucket")`);
}
