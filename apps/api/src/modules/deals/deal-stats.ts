import type { EntityManager } from 'typeorm';
import { APPROVED_DEAL_STATUSES } from './deal.workflow.js';
import { REGISTER_TIME_ZONE } from './deals.labels.js';

export interface DealFigureRows {
  /** Deals the department approved that nobody undid since: now APPROVED, SIGNED or COMPLETED. */
  dealsApproved: number;
  /** Their total value, whole VND (exact while below 2^53 dong, 9 million billion). */
  dealValueApproved: number;
  /** The same deals by month of approval in Vietnam time (YYYY-MM), oldest first. */
  dealsByMonth: { month: string; count: number }[];
}

/**
 * The market's deal figures, as SQL aggregates over the register. Runs through the caller's `em`
 * (the statistics' snapshot transaction), so they agree with the other figures.
 */
export async function dealFigures(em: EntityManager): Promise<DealFigureRows> {
  const statuses = [...APPROVED_DEAL_STATUSES];
  const [totals]: { n: number; total: string }[] = await em.query(
    `SELECT count(*)::int AS n, coalesce(sum(value), 0)::text AS total
     FROM deal WHERE status = ANY($1) AND approved_at IS NOT NULL`,
    [statuses],
  );
  const months: { month: string; count: number }[] = await em.query(
    `SELECT to_char(approved_at AT TIME ZONE $2, 'YYYY-MM') AS month, count(*)::int AS count
     FROM deal WHERE status = ANY($1) AND approved_at IS NOT NULL
     GROUP BY 1 ORDER BY 1`,
    [statuses, REGISTER_TIME_ZONE],
  );
  return { dealsApproved: totals.n, dealValueApproved: Number(totals.total), dealsByMonth: months };
}
