import { Context, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { StatsService } from './stats.service.js';
import { MarketStatsType } from './stats.types.js';

@Resolver(() => MarketStatsType)
export class StatsResolver {
  constructor(private readonly service: StatsService) {}

  @Query(() => MarketStatsType, { description: "The market's figures (public)." })
  stats(@Context() ctx: GqlContext): Promise<MarketStatsType> {
    return this.service.market(ctx.lang);
  }
}
