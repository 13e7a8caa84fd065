import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { requireModerator } from '../../common/auth/viewer.js';
import { StatsService } from './stats.service.js';
import { FiguresService } from './figures.service.js';
import { MarketStatsType } from './stats.types.js';
import { DepartmentDashboardType, MarketFiguresType } from './figures.types.js';

@Resolver(() => MarketStatsType)
export class StatsResolver {
  constructor(
    private readonly service: StatsService,
    private readonly figures: FiguresService,
  ) {}

  @Query(() => MarketStatsType, { description: "The market's figures (public), each answer kept for STATS_CACHE_SECONDS (30 s by default), so a change can take that long to show." })
  stats(@Context() ctx: GqlContext): Promise<MarketStatsType> {
    return this.service.market(ctx.lang);
  }

  @Query(() => MarketFiguresType, {
    description:
      "The market's figures per month over a period (public): `from`/`to` as YYYY-MM, inclusive, at most 120 months; by default the 12 months up to this one. Compared with the period of the same length before it.",
  })
  marketFigures(
    @Context() ctx: GqlContext,
    @Args('from', { type: () => String, nullable: true }) from?: string | null,
    @Args('to', { type: () => String, nullable: true }) to?: string | null,
  ): Promise<MarketFiguresType> {
    return this.figures.market(ctx.lang, from, to);
  }

  @Query(() => DepartmentDashboardType, {
    description: "Moderators: the department's dashboard for their jurisdiction over a period (as marketFigures).",
  })
  departmentDashboard(
    @Context() ctx: GqlContext,
    @Args('from', { type: () => String, nullable: true }) from?: string | null,
    @Args('to', { type: () => String, nullable: true }) to?: string | null,
  ): Promise<DepartmentDashboardType> {
    const viewer = requireModerator(ctx);
    return this.figures.dashboard(viewer, ctx.lang, from, to);
  }
}
