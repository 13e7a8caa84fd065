import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { organizationLoader } from '../organizations/organizations.resolver.js';
import { toListingType } from '../listings/listings.types.js';
import { SearchInput } from './dto/search.input.js';
import { SearchService } from './search.service.js';
import { SearchResultType } from './search.types.js';

@Resolver(() => SearchResultType)
export class SearchResolver {
  constructor(
    private readonly searchService: SearchService,
    private readonly organizations: OrganizationsService,
  ) {}

  /**
   * Public: anyone may search; only published, unexpired listings are in the index, and the
   * page's listings are re-read from PostgreSQL (one query, organisations joined) so nothing
   * unpublished a moment ago can slip through.
   */
  @Query(() => SearchResultType, { description: 'Published offers and demands: full text (with or without diacritics), filters, facets, sorts.' })
  async search(@Context() ctx: GqlContext, @Args('input') input: SearchInput): Promise<SearchResultType> {
    const result = await this.searchService.searchListings(input, ctx.lang);
    const listings = await this.searchService.publicListings(result.hits.map((h) => h.id));
    // The organisations came with the listings: Listing.organization costs no further query.
    const orgs = organizationLoader(ctx, this.organizations);
    for (const { organization } of listings.values()) orgs.prime(organization.id, organization);
    const hits = result.hits.flatMap((h) => {
      const found = listings.get(h.id);
      return found ? [{ listing: toListingType(found.listing), highlightedTitle: h.highlightedTitle, highlightedSummary: h.highlightedSummary }] : [];
    });
    return { ...result, hits };
  }
}
