import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth/viewer.js';
import { UserType } from '../accounts/accounts.types.js';
import { toUserType } from '../accounts/accounts.resolver.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationType } from '../organizations/organizations.types.js';
import { organizationLoader, toOrganizationType } from '../organizations/organizations.resolver.js';
import { ListingType, toListingType } from '../listings/listings.types.js';
import { InterestsService, sidesOf } from './interests.service.js';
import { InterestType, MessageType } from './deals.types.js';
import type { InterestEntity, MessageEntity } from './interest.entity.js';
import { listingLoader, messagesLoader, viewerOrganizationIds } from './deals.loaders.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { userLoader } from '../accounts/user.loader.js';
import { RateLimitService } from '../../common/rate-limit.service.js';

export function toInterestType(e: InterestEntity): InterestType {
  return {
    id: e.id,
    status: e.status,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    lastMessageAt: e.lastMessageAt,
    listingId: e.listingId,
    organizationId: e.organizationId,
    listingOrganizationId: e.listingOrganizationId,
    eventId: e.eventId,
  };
}

export function toMessageType(e: MessageEntity): MessageType {
  return { id: e.id, body: e.body, createdAt: e.createdAt, authorId: e.authorId, authorOrganizationId: e.authorOrganizationId, interestId: e.interestId, meetingRequestId: e.meetingRequestId };
}

async function organization(ctx: GqlContext, orgs: OrganizationsService, id: string): Promise<OrganizationType> {
  const org = await organizationLoader(ctx, orgs).load(id);
  if (!org) throw new Error(`organization ${id} is missing`);
  return toOrganizationType(org);
}

@Resolver(() => InterestType)
export class InterestsResolver {
  constructor(
    private readonly interestsService: InterestsService,
    private readonly organizations: OrganizationsService,
    private readonly ds: DataSource,
    private readonly limits: RateLimitService,
  ) {}

  @Query(() => [InterestType], { description: "Interests the caller's organisations expressed or received." })
  async interests(
    @Context() ctx: GqlContext,
    @Args('listingId', { type: () => ID, nullable: true }) listingId: string | null,
  ): Promise<InterestType[]> {
    const viewer = requireViewer(ctx);
    return (await this.interestsService.listForUser(viewer.id, listingId ?? null)).map(toInterestType);
  }

  @Query(() => InterestType, { nullable: true, description: 'Null unless the caller belongs to one of the two organisations.' })
  async interest(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<InterestType | null> {
    const found = await this.interestsService.findVisible(ctx.viewer?.id ?? null, id);
    return found ? toInterestType(found) : null;
  }

  @Mutation(() => InterestType)
  async expressInterest(
    @Context() ctx: GqlContext,
    @Args('listingId', { type: () => ID }) listingId: string,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('message') message: string,
  ): Promise<InterestType> {
    const viewer = requireViewer(ctx);
    return toInterestType(await this.interestsService.express(viewer, listingId, organizationId, message));
  }

  @Mutation(() => InterestType)
  async respondToInterest(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<InterestType> {
    const viewer = requireViewer(ctx);
    return toInterestType(await this.interestsService.respond(viewer, id, accept, message));
  }

  @Mutation(() => InterestType, { description: 'The interested organisation withdraws its interest (OPEN or ACCEPTED, no deal under way).' })
  async withdrawInterest(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<InterestType> {
    const viewer = requireViewer(ctx);
    return toInterestType(await this.interestsService.withdraw(viewer, id));
  }

  @Mutation(() => MessageType)
  async sendMessage(
    @Context() ctx: GqlContext,
    @Args('interestId', { type: () => ID }) interestId: string,
    @Args('body') body: string,
  ): Promise<MessageType> {
    const viewer = requireViewer(ctx);
    // Per account and per address, so neither a script on one account nor many accounts from one place can flood a thread.
    await this.limits.consume('messagesPerAccount', viewer.id);
    await this.limits.consume('messagesPerIp', ctx.req.ip ?? 'unknown');
    return toMessageType(await this.interestsService.sendMessage(viewer, interestId, body));
  }

  @ResolveField(() => ListingType)
  async listing(@Parent() interest: InterestType, @Context() ctx: GqlContext): Promise<ListingType> {
    const listing = await listingLoader(ctx, this.ds).load(interest.listingId);
    if (!listing) throw new Error(`listing ${interest.listingId} is missing`);
    return toListingType(listing);
  }

  @ResolveField(() => OrganizationType, { description: 'The organisation that expressed interest.' })
  organization(@Parent() interest: InterestType, @Context() ctx: GqlContext): Promise<OrganizationType> {
    return organization(ctx, this.organizations, interest.organizationId);
  }

  @ResolveField(() => OrganizationType, { description: "The listing's organisation (the side that received the interest)." })
  listingOrganization(@Parent() interest: InterestType, @Context() ctx: GqlContext): Promise<OrganizationType> {
    return organization(ctx, this.organizations, interest.listingOrganizationId);
  }

  @ResolveField(() => [MessageType], { description: 'Oldest first; only for members of the two organisations (empty for anyone else).' })
  async messages(@Parent() interest: InterestType, @Context() ctx: GqlContext): Promise<MessageType[]> {
    const sides = sidesOf(interest, await viewerOrganizationIds(ctx, this.organizations));
    if (!sides.interested && !sides.owner) return [];
    return (await messagesLoader(ctx, this.interestsService).load(interest.id)).map(toMessageType);
  }
}

@Resolver(() => MessageType)
export class MessageResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly accounts: AccountsService,
  ) {}

  @ResolveField(() => UserType)
  async author(@Parent() message: MessageType, @Context() ctx: GqlContext): Promise<UserType> {
    const user = await userLoader(ctx, this.accounts).load(message.authorId);
    if (!user) throw new Error(`user ${message.authorId} is missing`);
    return toUserType(user);
  }

  @ResolveField(() => OrganizationType, { description: 'The side the author wrote for.' })
  organization(@Parent() message: MessageType, @Context() ctx: GqlContext): Promise<OrganizationType> {
    return organization(ctx, this.organizations, message.authorOrganizationId);
  }
}
