import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ListingsModule } from '../listings/listings.module.js';
import { MediaController } from './media.controller.js';
import { MediaService } from './media.service.js';
import { EventMediaResolver, ExpertMediaResolver, ListingMediaResolver, MediaResolver, OrganizationMediaResolver } from './media.resolver.js';
import { MEDIA_STORE } from './media.tokens.js';
import { createMediaStore } from './storage/create-media-store.js';
import { MediaWorker } from './media.worker.js';
import { MediaSweepJob } from './media-sweep.job.js';

/**
 * Pictures, documents and videos of listings, expert profiles and organisations: the storage port
 * (storage/), uploads (upload-pipeline.ts, media.controller.ts), GraphQL (media.resolver.ts) and
 * the worker that makes derivatives, extracts PDF text and deletes released files (media.worker.ts).
 */
@Module({
  imports: [AccountsModule, OrganizationsModule, ListingsModule],
  controllers: [MediaController],
  providers: [
    { provide: MEDIA_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createMediaStore(config) },
    MediaService,
    MediaWorker,
    MediaSweepJob,
    MediaResolver,
    ListingMediaResolver,
    OrganizationMediaResolver,
    ExpertMediaResolver,
    EventMediaResolver,
  ],
  exports: [MediaService],
})
export class MediaModule {}
