import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ListingExpiryService } from './listing-expiry.service.js';
import { ListingsService } from './listings.service.js';
import { ListingEventResolver, ListingRevisionResolver, ListingsResolver, OrganizationListingsResolver } from './listings.resolver.js';

/**
 * Offers and demands: their workflow (draft → review → published → archived), the department's
 * moderation, pending revisions of published listings, quality scores and expiry. Public changes
 * are announced on the outbox topic `listing.changed` ({ listingId }) for the search index.
 */
@Module({
  imports: [AccountsModule, OrganizationsModule],
  providers: [ListingsService, ListingExpiryService, ListingsResolver, ListingEventResolver, ListingRevisionResolver, OrganizationListingsResolver],
  exports: [ListingsService, ListingExpiryService],
})
export class ListingsModule {}
