import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dealFigures } from '../deals/deal-stats.js';

export interface DealFigures {
  /** Deals that reached APPROVED (including those now SIGNED or COMPLETED). */
  dealsApproved: number;
  /** Sum of their values (whole VND). */
  dealValueApproved: number;
  /** Approved deals per month, oldest first; month as YYYY-MM. */
  dealsByMonth: { month: string; count: number }[];
}

/**
 * The deal figures of MarketStats: SQL aggregates over the deal register (deals/deal-stats.ts),
 * run through `em`, which is the statistics' REPEATABLE READ transaction, so every figure comes
 * from one snapshot.
 */
@Injectable()
export class DealStatsProvider {
  async figures(em: EntityManager): Promise<DealFigures> {
    return dealFigures(em);
  }
}
