import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FACTS_WITH_ALL_DECISIONS, rebuildStatsMonthly } from './1796402000000-ModerationFiguresAllKinds.js';

/** The rollup's duration bucket until now: days rounded to the nearest 0.1. */
const ROUNDED_BUCKET = /round\(\(extract\(epoch FROM \(([^()]*) - ([^()]*)\)\) \/ 86400\)::numeric, 1\)::real/g;

/**
 * Days from `from` to `to`, rounded UP to the 0.1-day bucket: a decision 3 days and an hour after
 * its submission is in bucket 3.1, over a 3-day target, as the review queue flags it (before, it
 * was rounded to 3.0 and counted "within target" on the dashboard while the queue said overdue).
 */
export const durationBucketSql = (to: string, from: string) => `(ceil(extract(epoch FROM (${to} - ${from})) / 8640) / 10)::real`;

function roundedUp(facts: string): string {
  const out = facts.replace(ROUNDED_BUCKET, (_, to: string, from: string) => durationBucketSql(to, from));
  if (out === facts || out.includes('::numeric, 1)::real')) throw new Error('ReviewTimeRoundedUp: the rollup no longer reads as expected');
  return out;
}

export const FACTS_ROUNDED_UP = roundedUp(FACTS_WITH_ALL_DECISIONS);

/** stats_monthly's durations (time to a decision, to the first interest) rounded up to 0.1 day, not to the nearest. */
export class ReviewTimeRoundedUp1796420000000 implements MigrationInterface {
  name = 'ReviewTimeRoundedUp1796420000000';

  // The rollup is a materialised view: another bucket means building it again.
  async up(queryRunner: QueryRunner): Promise<void> {
    await rebuildStatsMonthly(queryRunner, FACTS_ROUNDED_UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rebuildStatsMonthly(queryRunner, FACTS_WITH_ALL_DECISIONS);
  }
}
