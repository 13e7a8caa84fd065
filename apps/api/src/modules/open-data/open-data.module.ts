import { Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller.js';

/** The open-data feed: market figures and public listings as CSV/JSON files (no GraphQL). */
@Module({ controllers: [OpenDataController] })
export class OpenDataModule {}
