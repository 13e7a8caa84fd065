import { Module } from '@nestjs/common';
import { StatsModule } from '../stats/stats.module.js';
import { OpenDataController } from './open-data.controller.js';

/** The open-data feed: market figures and public listings as CSV/JSON files (no GraphQL). */
@Module({ imports: [StatsModule], controllers: [OpenDataController] })
export class OpenDataModule {}
