import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { toListingType } from '../listings/listings.types.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { organizationLoader } from '../organizations/organizations.resolver.js';
import { CompareService } from './compare.service.js';
import { ComparedListingType } from './matching.types.js';

@Resolver(() => ComparedListingType)
export class CompareResolver {
  constructor(
    private readonly compareService: CompareService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => [ComparedListingType], {
    description:
      'Public: 2–5 published offers (or 2–5 published demands) side by side, in the order given, with what a buyer compares and where each stands out. Unknown, unpublished or mixed ids: BAD_USER_INPUT on `ids`.',
  })
  async compareListings(@Context() ctx: GqlContext, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<ComparedListingType[]> {
    const rows = await this.compareService.compare(ids, ctx.lang);
    const orgs = organizationLoader(ctx, this.organizations);
    for (const r of rows) if (r.listing.organization) orgs.prime(r.listing.organization.id, r.listing.organization);
    return rows.map((r) => ({ ...r, listing: toListingType(r.listing) }));
  }
}
