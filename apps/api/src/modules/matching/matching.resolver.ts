import { viewerOrganizationIds as sharedViewerOrganizationIds } from '../organizations/viewer-organizations.js';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { ErrorCode } from '@techport/shared';
import type { GqlContext } from '../../common/context.js';
import { AppError, Errors } from '../../common/errors.js';
import type { ListingEntity } from '../listings/listing.entity.js';
import { canView, moderatorCovers } from '../listings/listings.service.js';
import { ListingType, toListingType } from '../listings/listings.types.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { organizationLoader } from '../organizations/organizations.resolver.js';
import { MatchingService, type MatchResult } from './matching.service.js';
import { MatchType } from './matching.types.js';

/**
 * Listing.matches costs a Meilisearch multi-search and a scoring pass per listing: a page of 100
 * search hits each asking for its matches would be 100 of them in one request. The storefront
 * asks `matches(listingId)` for the one listing it shows; Listing.matches answers for a few
 * listings per request and refuses beyond that (RATE_LIMITED), rather than let one request
 * occupy the search engine.
 */
const MAX_FIELD_SOURCES = 10;
/** The listings whose Listing.matches a request has asked for, per request context. */
const fieldSources = new WeakMap<GqlContext, Set<string>>();

const M = {
  listing: { vi: 'tin', en: 'Listing' },
  tooMany: {
    vi: `Mỗi yêu cầu chỉ tính gợi ý phù hợp cho tối đa ${MAX_FIELD_SOURCES} tin (Listing.matches). Hãy dùng matches(listingId) cho từng tin.`,
    en: `Listing.matches is computed for at most ${MAX_FIELD_SOURCES} listings per request. Ask matches(listingId) for each listing instead.`,
  },
};

/** The caller's organisation ids, once per request. */
function memberOrgIds(ctx: GqlContext, orgs: OrganizationsService): Promise<ReadonlySet<string>> {
  return sharedViewerOrganizationIds(ctx, orgs);
}

/**
 * Whether the caller may see the listing, hence its matches: published (expired too), the
 * caller's organisation's own listing in any status, or in review/rejected/archived for a
 * moderator covering it — the rule of `listing(id)` (listings.service.ts canView).
 */
async function visible(ctx: GqlContext, orgs: OrganizationsService, l: ListingEntity): Promise<boolean> {
  if (l.status === 'PUBLISHED') return true;
  const owner = (await memberOrgIds(ctx, orgs)).has(l.organizationId);
  return canView(l, { owner, moderator: moderatorCovers(ctx.viewer, l) });
}

function toMatchTypes(ctx: GqlContext, orgs: OrganizationsService, results: MatchResult[]): MatchType[] {
  // The organisations came with the listings: Match.listing.organization costs no further query.
  const loader = organizationLoader(ctx, orgs);
  for (const r of results) if (r.listing.organization) loader.prime(r.listing.organization.id, r.listing.organization);
  return results.map((r) => ({ listing: toListingType(r.listing), score: r.score, reasons: r.reasons }));
}

@Resolver(() => MatchType)
export class MatchingResolver {
  constructor(
    private readonly matching: MatchingService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => [MatchType], {
    description:
      "Best counterparts of a listing the caller may see: published offers for a demand, published demands for an offer (never the listing's own organisation's), best first, each with a score in [0, 1] and the reasons that make it up. limit: 1–50.",
  })
  async matches(
    @Context() ctx: GqlContext,
    @Args('listingId', { type: () => ID }) listingId: string,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 10 }) limit: number | null,
  ): Promise<MatchType[]> {
    const n = limit ?? 10;
    this.matching.checkLimit(n);
    const source = await this.matching.loadSource(listingId);
    if (!source || !(await visible(ctx, this.organizations, source))) throw Errors.notFound(M.listing);
    return toMatchTypes(ctx, this.organizations, await this.matching.matches(source, n, ctx.lang));
  }
}

/** Listing.matches lives here, beside the matching it runs. */
@Resolver(() => ListingType)
export class ListingMatchesResolver {
  constructor(
    private readonly matching: MatchingService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => [MatchType], {
    description: 'Best counterparts: offers for a demand, demands for an offer. Empty when the caller may not see the listing. limit: 1–50.',
  })
  async matches(
    @Parent() l: ListingType,
    @Context() ctx: GqlContext,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 10 }) limit: number | null,
  ): Promise<MatchType[]> {
    const n = limit ?? 10;
    this.matching.checkLimit(n);
    let sources = fieldSources.get(ctx);
    if (!sources) fieldSources.set(ctx, (sources = new Set()));
    sources.add(l.id);
    if (sources.size > MAX_FIELD_SOURCES) throw new AppError(ErrorCode.RATE_LIMITED, M.tooMany);
    const entity = l.entity;
    if (!(await visible(ctx, this.organizations, entity))) return [];
    if (!entity.organization) {
      const org = await organizationLoader(ctx, this.organizations).load(entity.organizationId);
      if (!org) return [];
      entity.organization = org;
    }
    try {
      return toMatchTypes(ctx, this.organizations, await this.matching.matches(entity, n, ctx.lang));
    } catch (err) {
      // Meilisearch unavailable (logged by the service): the listing still answers, without
      // matches, rather than the whole listing failing with them (the field is non-null).
      if (err instanceof AppError && err.code === ErrorCode.INTERNAL_SERVER_ERROR) return [];
      throw err;
    }
  }
}
