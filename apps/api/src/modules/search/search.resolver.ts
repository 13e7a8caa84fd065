import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GqlContext } from '../../common/context.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { ReferenceService } from '../reference/reference.service.js';
import { organizationLoader, toOrganizationType } from '../organizations/organizations.resolver.js';
import { toListingType } from '../listings/listings.types.js';
import { SearchInput } from './dto/search.input.js';
import { SearchService, type ResolvedListingHit } from './search.service.js';
import { SearchResultType } from './search.types.js';
import { hitsServableFromIndex } from './indexed-listing.js';

@Resolver(() => SearchResultType)
export class SearchResolver {
  constructor(
    private readonly searchService: SearchService,
    private readonly organizations: OrganizationsService,
    private readonly reference: ReferenceService,
  ) {}

  /**
   * Public: anyone may search; only published, unexpired listings are in the index, and a hit
   * that may be out of step with PostgreSQL is re-read from it, so nothing unpublished a moment
   * ago slips through. Result cards come straight from the index documents when the query asks
   * for nothing more (indexed-listing.ts).
   */
  @Query(() => SearchResultType, { description: 'Published offers and demands: full text (with or without diacritics), filters, facets, sorts.' })
  async search(@Context() ctx: GqlContext, @Args('input') input: SearchInput, @Info() info: GraphQLResolveInfo): Promise<SearchResultType> {
    const result = await this.searchService.searchPage(input, ctx.lang, { fromIndex: hitsServableFromIndex(info) });
    const orgs = organizationLoader(ctx, this.organizations);
    const toHit = (close: boolean) => ({ listing, organization, fromIndex, highlightedTitle, highlightedSummary, foundInDocument }: ResolvedListingHit) => {
      const type = toListingType(listing);
      // An organisation read with its listings is complete: Listing.organization (and anything
      // else in this request) gets it from the loader with no further query. One built from an
      // index document is partial, so it must not enter the loader: it rides on the listing.
      if (fromIndex) type.organizationFromIndex = toOrganizationType(organization);
      else orgs.prime(organization.id, organization);
      return { listing: type, highlightedTitle, highlightedSummary, foundInDocument, close };
    };
    const { place, related, ...page } = result;
    return {
      ...page,
      // One ranked list, as the page shows it: a client that reads only the hits sees the related
      // results after the close matches (marked), not a page that stops at the close ones.
      hits: [...result.hits.map(toHit(true)), ...related.map(toHit(false))],
      place: place ? this.reference.province(place.provinceCode, ctx.lang) : null,
      searchedWords: place?.searchedWords ?? null,
    };
  }
}
