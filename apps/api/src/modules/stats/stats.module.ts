import { Module } from '@nestjs/common';
import { DealStatsProvider } from './deal-stats.provider.js';
import { FiguresService, StatsRollupJob } from './figures.service.js';
import { StatsResolver } from './stats.resolver.js';
import { StatsService } from './stats.service.js';

@Module({
  providers: [DealStatsProvider, StatsService, FiguresService, StatsRollupJob, StatsResolver],
  exports: [StatsService, FiguresService, StatsRollupJob],
})
export class StatsModule {}
