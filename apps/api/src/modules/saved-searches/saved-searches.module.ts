import { Module } from '@nestjs/common';
import { SavedSearchesResolver } from './saved-searches.resolver.js';
import { SavedSearchesService } from './saved-searches.service.js';

/**
 * Saved searches (`saveSearch`, `savedSearches`, `deleteSavedSearch`). The alerts they ask for
 * are sent by the matching module's worker when a listing is published.
 */
@Module({
  providers: [SavedSearchesService, SavedSearchesResolver],
  exports: [SavedSearchesService],
})
export class SavedSearchesModule {}
