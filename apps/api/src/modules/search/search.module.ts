import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { SearchIndexService } from './search-index.service.js';
import { SearchSyncService } from './search-sync.service.js';
import { SearchService } from './search.service.js';
import { SearchFacetCache } from './facet-cache.js';
import { SearchResolver } from './search.resolver.js';

/**
 * Search over Meilisearch: the public `search` query, the index settings applied at start-up,
 * the outbox handlers that keep the index in step with PostgreSQL, rebuilds and drift reports
 * (also `npm run search:reindex` / `search:drift`, see search.cli.ts).
 */
@Module({
  imports: [OrganizationsModule],
  providers: [SearchIndexService, SearchSyncService, SearchService, SearchResolver, SearchFacetCache],
  exports: [SearchIndexService, SearchService, SearchFacetCache],
})
export class SearchModule {}
