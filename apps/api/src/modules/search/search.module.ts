import { Module, type DynamicModule } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { SearchIndexService } from './search-index.service.js';
import { SearchSyncService } from './search-sync.service.js';
import { SearchService } from './search.service.js';
import { SearchFacetCache } from './facet-cache.js';
import { SearchResolver } from './search.resolver.js';
import { SearchIndexRegistry, searchIndexProvider } from './search-index.registry.js';
import { LISTING_INDEX } from './listing-index.js';
import type { IndexDefinition } from './search-index.js';

/**
 * Search over Meilisearch: the public `search` query, the index settings applied at start-up,
 * the outbox handlers that keep the indexes in step with PostgreSQL, rebuilds and drift reports
 * (also `npm run search:reindex` / `search:drift`, see search.cli.ts). It owns the listings
 * index; another module adds its own index with `imports: [SearchModule.forFeature(ITS_INDEX)]`
 * (search-index.registry.ts).
 */
@Module({
  imports: [OrganizationsModule],
  providers: [SearchIndexRegistry, searchIndexProvider(LISTING_INDEX), SearchIndexService, SearchSyncService, SearchService, SearchResolver, SearchFacetCache],
  exports: [SearchIndexRegistry, SearchIndexService, SearchService, SearchFacetCache],
})
export class SearchModule {
  /** Registers `definition` (an index the importing module owns): its settings, outbox topics, rebuilds and drift. */
  static forFeature(definition: IndexDefinition<any, any>): DynamicModule {
    return { module: SearchIndexFeatureModule, imports: [SearchModule], providers: [searchIndexProvider(definition)] };
  }
}

/** One index registration (SearchModule.forFeature). */
@Module({})
class SearchIndexFeatureModule {}
