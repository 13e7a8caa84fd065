import { Module } from '@nestjs/common';
import { DealStatsProvider } from './deal-stats.provider.js';
import { StatsResolver } from './stats.resolver.js';
import { StatsService } from './stats.service.js';

@Module({
  providers: [DealStatsProvider, StatsService, StatsResolver],
  exports: [StatsService],
})
export class StatsModule {}
