import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { ModeratedKindCode } from './moderated-kind.js';

/**
 * The department's review queue, shared by every moderated kind (listings, expert profiles; figures.service.ts counts it too):
 * items waiting for review, and published items whose pending revision waits for review, in the
 * moderator's provinces (a revision counts where it would move the item; `codes` null = all, [] = none),
 * oldest first. The table needs status, province_code, submitted_at, pending_revision and
 * revision_submitted_at columns.
 */
export function applyModerationQueue<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  codes: string[] | null,
  statuses: { pending: string; published: string },
): SelectQueryBuilder<T> {
  const inJurisdiction = codes ? ` AND ${alias}.province_code = ANY(:codes)` : '';
  const revisionInJurisdiction = codes ? ` AND (${alias}.pending_revision->>'provinceCode') = ANY(:codes)` : '';
  return qb
    .where(
      `((${alias}.status = :pending${inJurisdiction})
        OR (${alias}.status = :published AND ${alias}.revision_submitted_at IS NOT NULL${revisionInJurisdiction}))`,
      { pending: statuses.pending, published: statuses.published, codes: codes ?? [] },
    )
    .addSelect(`CASE WHEN ${alias}.status = '${statuses.pending}' THEN ${alias}.submitted_at ELSE ${alias}.revision_submitted_at END`, 'queued_at')
    .orderBy('queued_at', 'ASC')
    .addOrderBy(`${alias}.id`);
}

/** The review-time target (libs/shared: the storefront tells submitters the same number). */
export { REVIEW_TARGET_DAYS } from '@techport/shared';

/**
 * Every moderated kind's table and the rollup metric of its decisions (stats_monthly, migration
 * ModerationFiguresAllKinds): the department's dashboard counts the queue and the reviewers over
 * all of them. ModeratedContentService.register refuses a kind missing here, so a new kind cannot
 * plug in without the dashboard counting it.
 */
export const MODERATED_TABLES: readonly { code: ModeratedKindCode; table: string; decisionMetric: string }[] = [
  { code: 'LISTING', table: 'listing', decisionMetric: 'decision' },
  { code: 'EXPERT', table: 'expert_profile', decisionMetric: 'decision_expert' },
  { code: 'EVENT', table: 'techmart_event', decisionMetric: 'decision_event' },
];
