import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { SearchModule } from '../search/search.module.js';
import { SavedSearchesModule } from '../saved-searches/saved-searches.module.js';
import { CompareResolver } from './compare.resolver.js';
import { CompareService } from './compare.service.js';
import { MatchDigestService } from './match-digest.service.js';
import { MatchingAlertsService } from './matching-alerts.service.js';
import { ListingMatchesResolver, MatchingResolver } from './matching.resolver.js';
import { MatchingService } from './matching.service.js';
import { MatchCache } from './match-cache.js';
import { MatchFeedbackService } from './match-feedback.js';
import { NotificationPreferencesResolver } from './notification-preferences.resolver.js';

/**
 * Matching in the product: `matches` and `Listing.matches` (engine: matching.engine.ts, weights:
 * matching.weights.ts), the alerts sent when a listing is published (outbox topic
 * 'listing.published') with the daily digest, and `compareListings`.
 */
@Module({
  imports: [AccountsModule, OrganizationsModule, SearchModule, SavedSearchesModule],
  providers: [
    MatchingService,
    MatchCache,
    MatchFeedbackService,
    MatchingResolver,
    ListingMatchesResolver,
    MatchingAlertsService,
    MatchDigestService,
    NotificationPreferencesResolver,
    CompareService,
    CompareResolver,
  ],
  exports: [MatchingService, MatchingAlertsService, MatchDigestService],
})
export class MatchingModule {}
