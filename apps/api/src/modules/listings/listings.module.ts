import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ModerationCoreModule } from '../moderation-core/moderation-core.module.js';
import { ListingExpiryService } from './listing-expiry.service.js';
import { ListingsService } from './listings.service.js';
import { ListingStatsService } from './listing-stats.service.js';
import { ListingEventResolver, ListingRevisionResolver, ListingsResolver, OrganizationListingsResolver } from './listings.resolver.js';

/**
 * Offers and demands, a kind of moderated content (listing.kind.ts plugs them into the
 * moderated-content core: workflow, the department's review, pending revisions, audit trail,
 * renewal), with their own quality scores, duplicates and expiry job. Public changes
 * are announced on the outbox topic `listing.changed` ({ listingId }) for the search index.
 */
@Module({
  imports: [AccountsModule, OrganizationsModule, ModerationCoreModule],
  providers: [ListingsService, ListingExpiryService, ListingStatsService, ListingsResolver, ListingEventResolver, ListingRevisionResolver, OrganizationListingsResolver],
  exports: [ListingsService, ListingExpiryService],
})
export class ListingsModule {}
