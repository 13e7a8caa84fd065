import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/context.js';
import { requireModerator, requireViewer } from '../../common/auth/viewer.js';
import { DealStatus, ModerationDecision } from '../../common/graphql-enums.js';
import { PageInput } from '../../common/pagination.js';
import { UserType } from '../accounts/accounts.types.js';
import { toUserType } from '../accounts/accounts.resolver.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationType } from '../organizations/organizations.types.js';
import { organizationLoader, toOrganizationType } from '../organizations/organizations.resolver.js';
import { ReferenceService } from '../reference/reference.service.js';
import { ProvinceType } from '../reference/reference.types.js';
import { ListingType, toListingType } from '../listings/listings.types.js';
import { DealsService } from './deals.service.js';
import { InterestsService } from './interests.service.js';
import { DealEventType, DealPage, DealType, InterestType, MessageType } from './deals.types.js';
import { DealInput } from './dto/deal.inputs.js';
import { DealAction, isAutomatic } from './deal.workflow.js';
import type { DealEntity, DealEventEntity } from './deal.entity.js';
import { dealEventsLoader, interestLoader, listingLoader, messagesLoader, viewerOrganizationIds } from './deals.loaders.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { userLoader } from '../accounts/user.loader.js';
import { toInterestType, toMessageType } from './interests.resolver.js';
import { standingOf } from './deals.service.js';

export function toDealType(e: DealEntity): DealType {
  return {
    id: e.id,
    value: e.value,
    currency: e.currency,
    transferMode: e.transferMode,
    terms: e.terms,
    status: e.status,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    reviewNote: e.reviewNote,
    reviewedAt: e.reviewedAt,
    approvedAt: e.approvedAt,
    supplierSignedAt: e.supplierSignedAt,
    buyerSignedAt: e.buyerSignedAt,
    completedAt: e.completedAt,
    interestId: e.interestId,
    listingId: e.listingId,
    supplierOrganizationId: e.supplierOrganizationId,
    buyerOrganizationId: e.buyerOrganizationId,
    proposerOrganizationId: e.proposerOrganizationId,
    proposedBy: e.proposedBy,
    provinceCode: e.provinceCode,
    entity: e,
  };
}

function toDealEventType(e: DealEventEntity): DealEventType {
  return { action: e.action, fromStatus: e.fromStatus, status: e.status, note: e.note, at: e.at, automatic: isAutomatic(e.action), actorId: e.actorId };
}

@Resolver(() => DealType)
export class DealsResolver {
  constructor(
    private readonly dealsService: DealsService,
    private readonly interestsService: InterestsService,
    private readonly organizations: OrganizationsService,
    private readonly reference: ReferenceService,
    private readonly ds: DataSource,
  ) {}

  @Query(() => DealType, { nullable: true, description: 'Null unless the caller is a party or a moderator covering the deal.' })
  async deal(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<DealType | null> {
    const found = await this.dealsService.findVisible(ctx.viewer, id);
    return found ? toDealType(found) : null;
  }

  @Query(() => DealPage, { description: 'The parties see their deals; moderators those in their jurisdiction (admins all). Newest first.' })
  async deals(
    @Context() ctx: GqlContext,
    @Args('status', { type: () => DealStatus, nullable: true }) status: DealStatus | null,
    // Declared as PageInput (not a union) so the validation pipe sees the class and checks the page size.
    @Args('page', { type: () => PageInput, nullable: true }) page: PageInput,
    @Args('awaitingMe', {
      type: () => Boolean,
      nullable: true,
      description: "Only the deals whose next step is the caller's as a member of a party (answer the other side's proposal, sign, mark completed); `status` is then ignored.",
    })
    awaitingMe: boolean | null,
  ): Promise<DealPage> {
    const viewer = requireViewer(ctx);
    const result = awaitingMe ? await this.dealsService.awaitingParty(viewer, page ?? undefined) : await this.dealsService.list(viewer, status ?? null, page ?? undefined);
    return { ...result, items: result.items.map(toDealType) };
  }

  @Mutation(() => DealType)
  async proposeDeal(@Context() ctx: GqlContext, @Args('input') input: DealInput): Promise<DealType> {
    const viewer = requireViewer(ctx);
    return toDealType(await this.dealsService.propose(viewer, input));
  }

  @Mutation(() => DealType, { description: 'The party that did not propose accepts (the deal goes to the department) or declines.' })
  async respondToDeal(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<DealType> {
    const viewer = requireViewer(ctx);
    return toDealType(await this.dealsService.respond(viewer, id, accept, note));
  }

  @Mutation(() => DealType, { description: "Moderators only: the department's review of an accepted deal." })
  async reviewDeal(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision', { type: () => ModerationDecision }) decision: ModerationDecision,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<DealType> {
    const viewer = requireModerator(ctx);
    return toDealType(await this.dealsService.review(viewer, id, decision, note));
  }

  @Mutation(() => DealType, { description: "A party's signature on an approved deal; SIGNED once both parties have signed." })
  async markDealSigned(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<DealType> {
    const viewer = requireViewer(ctx);
    return toDealType(await this.dealsService.sign(viewer, id));
  }

  @Mutation(() => DealType)
  async completeDeal(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<DealType> {
    const viewer = requireViewer(ctx);
    return toDealType(await this.dealsService.complete(viewer, id));
  }

  @Mutation(() => DealType)
  async cancelDeal(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<DealType> {
    const viewer = requireViewer(ctx);
    return toDealType(await this.dealsService.cancel(viewer, id, note));
  }

  @ResolveField(() => InterestType)
  async interest(@Parent() deal: DealType, @Context() ctx: GqlContext): Promise<InterestType> {
    const interest = await interestLoader(ctx, this.interestsService).load(deal.interestId);
    if (!interest) throw new Error(`interest ${deal.interestId} is missing`);
    return toInterestType(interest);
  }

  @ResolveField(() => [MessageType], {
    description:
      'The conversation that led to the deal (the messages of its interest), oldest first: for the parties and for moderators covering the deal, so the department judges the deal with it in front of it.',
  })
  async conversation(@Parent() deal: DealType, @Context() ctx: GqlContext): Promise<MessageType[]> {
    if (!ctx.viewer) return [];
    const orgIds = await viewerOrganizationIds(ctx, this.organizations);
    if (!standingOf(ctx.viewer, deal.entity, orgIds).visible) return [];
    return (await messagesLoader(ctx, this.interestsService).load(deal.interestId)).map(toMessageType);
  }

  @ResolveField(() => ListingType)
  async listing(@Parent() deal: DealType, @Context() ctx: GqlContext): Promise<ListingType> {
    const listing = await listingLoader(ctx, this.ds).load(deal.listingId);
    if (!listing) throw new Error(`listing ${deal.listingId} is missing`);
    return toListingType(listing);
  }

  @ResolveField(() => OrganizationType)
  async supplier(@Parent() deal: DealType, @Context() ctx: GqlContext): Promise<OrganizationType> {
    return this.organization(ctx, deal.supplierOrganizationId);
  }

  @ResolveField(() => OrganizationType)
  async buyer(@Parent() deal: DealType, @Context() ctx: GqlContext): Promise<OrganizationType> {
    return this.organization(ctx, deal.buyerOrganizationId);
  }

  @ResolveField(() => OrganizationType, { description: 'The party that proposed the deal (the other one answers).' })
  async proposer(@Parent() deal: DealType, @Context() ctx: GqlContext): Promise<OrganizationType> {
    return this.organization(ctx, deal.proposerOrganizationId);
  }

  @ResolveField(() => ProvinceType, { description: "The supplier's province: whose department reviews the deal." })
  province(@Parent() deal: DealType, @Context() ctx: GqlContext): ProvinceType {
    return this.reference.province(deal.provinceCode, ctx.lang)!;
  }

  @ResolveField(() => [DealEventType], { description: 'Every step, oldest first.' })
  async history(@Parent() deal: DealType, @Context() ctx: GqlContext): Promise<DealEventType[]> {
    return (await dealEventsLoader(ctx, this.dealsService).load(deal.id)).map(toDealEventType);
  }

  @ResolveField(() => [DealAction], { description: 'The steps the caller may take now (the workflow table decides).' })
  async viewerActions(@Parent() deal: DealType, @Context() ctx: GqlContext): Promise<DealAction[]> {
    return this.dealsService.actionsFor(ctx.viewer, deal.entity, await viewerOrganizationIds(ctx, this.organizations));
  }

  private async organization(ctx: GqlContext, id: string): Promise<OrganizationType> {
    const org = await organizationLoader(ctx, this.organizations).load(id);
    if (!org) throw new Error(`organization ${id} is missing`);
    return toOrganizationType(org);
  }
}

@Resolver(() => DealEventType)
export class DealEventResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => UserType)
  async actor(@Parent() event: DealEventType, @Context() ctx: GqlContext): Promise<UserType> {
    const user = await userLoader(ctx, this.accounts).load(event.actorId);
    if (!user) throw new Error(`user ${event.actorId} is missing`);
    return toUserType(user);
  }
}
