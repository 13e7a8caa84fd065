import { viewerOrganizationIds as sharedViewerOrganizationIds } from '../organizations/viewer-organizations.js';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth/viewer.js';
import { byKeys, groupByKeys } from '../../common/loaders.js';
import { RateLimitService } from '../../common/rate-limit.service.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { UserType } from '../accounts/accounts.types.js';
import { toUserType } from '../accounts/accounts.resolver.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationType } from '../organizations/organizations.types.js';
import { organizationLoader, toOrganizationType } from '../organizations/organizations.resolver.js';
import type { ExpertMessageEntity, ExpertProfileEntity } from './expert.entity.js';
import { canViewExpert } from './expert.rules.js';
import { ExpertsService } from './experts.service.js';
import { ExpertContactsService, contactSides } from './expert-contacts.service.js';
import { userLoader } from '../accounts/user.loader.js';
import { ExpertContactType, ExpertMessageType, ExpertProfileType, toContactType, toExpertMessageType, toExpertType } from './experts.types.js';

/** The caller's organisation ids, once per request. */
async function viewerOrgIds(ctx: GqlContext, orgs: OrganizationsService): Promise<string[]> {
  return [...(await sharedViewerOrganizationIds(ctx, orgs))];
}

@Resolver(() => ExpertContactType)
export class ExpertContactsResolver {
  constructor(
    private readonly contacts: ExpertContactsService,
    private readonly experts: ExpertsService,
    private readonly organizations: OrganizationsService,
    private readonly limits: RateLimitService,
  ) {}

  /** Messages are rate-limited per account and per IP (RATE_LIMIT_MESSAGES_PER_*, one minute). */
  private async throttle(ctx: GqlContext, userId: string): Promise<void> {
    await this.limits.consume('messagesPerAccount', userId);
    await this.limits.consume('messagesPerIp', ctx.req.ip ?? 'unknown');
  }

  @Query(() => [ExpertContactType], { description: "Conversations with experts: as the expert, or as a member of the organisation that got in touch. Most recent first." })
  async expertContacts(@Context() ctx: GqlContext): Promise<ExpertContactType[]> {
    const viewer = requireViewer(ctx);
    return (await this.contacts.listForUser(viewer.id)).map(toContactType);
  }

  @Query(() => ExpertContactType, { nullable: true, description: 'Null unless the caller is the expert or a member of the organisation.' })
  async expertContact(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<ExpertContactType | null> {
    const found = await this.contacts.findVisible(ctx.viewer?.id ?? null, id);
    return found ? toContactType(found) : null;
  }

  @Mutation(() => ExpertContactType, {
    description:
      'A member of `organizationId` writes to a published expert. One conversation per organisation and expert: contacting again adds the message to it. The expert is notified.',
  })
  async contactExpert(
    @Context() ctx: GqlContext,
    @Args('expertId', { type: () => ID }) expertId: string,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('message') message: string,
  ): Promise<ExpertContactType> {
    const viewer = requireViewer(ctx);
    await this.throttle(ctx, viewer.id);
    return toContactType(await this.contacts.contact(viewer, expertId, organizationId, message));
  }

  @Mutation(() => ExpertMessageType, { description: 'The expert or a member of the organisation writes in the conversation; the other side is notified.' })
  async sendExpertMessage(
    @Context() ctx: GqlContext,
    @Args('contactId', { type: () => ID }) contactId: string,
    @Args('body') body: string,
  ): Promise<ExpertMessageType> {
    const viewer = requireViewer(ctx);
    await this.throttle(ctx, viewer.id);
    return toExpertMessageType(await this.contacts.sendMessage(viewer, contactId, body));
  }

  @ResolveField(() => ExpertProfileType, { nullable: true, description: 'The expert’s profile; null once the caller may no longer see it (no longer published).' })
  async expert(@Parent() c: ExpertContactType, @Context() ctx: GqlContext): Promise<ExpertProfileType | null> {
    const e = await ctx.loaders
      .get('experts.expertById', () => new DataLoader(async (ids: readonly string[]) => byKeys(ids, await this.experts.findByIds(ids), (x: ExpertProfileEntity) => x.id)))
      .load(c.expertId);
    return e && canViewExpert(ctx.viewer, e) ? toExpertType(e) : null;
  }

  @ResolveField(() => OrganizationType, { description: 'The organisation that got in touch.' })
  async fromOrganization(@Parent() c: ExpertContactType, @Context() ctx: GqlContext): Promise<OrganizationType> {
    const org = await organizationLoader(ctx, this.organizations).load(c.organizationId);
    if (!org) throw new Error(`organization ${c.organizationId} is missing`);
    return toOrganizationType(org);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller is the expert in this conversation.' })
  viewerIsExpert(@Parent() c: ExpertContactType, @Context() ctx: GqlContext): boolean {
    return !!ctx.viewer && ctx.viewer.id === c.expertUserId;
  }

  @ResolveField(() => [ExpertMessageType], { description: 'Oldest first; only for the two sides (empty for anyone else).' })
  async messages(@Parent() c: ExpertContactType, @Context() ctx: GqlContext): Promise<ExpertMessageType[]> {
    const sides = contactSides(c, ctx.viewer?.id ?? null, await viewerOrgIds(ctx, this.organizations));
    if (!sides.expert && !sides.organization) return [];
    const messages = await ctx.loaders
      .get('experts.messagesByContact', () => new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await this.contacts.messagesOf(ids), (m: ExpertMessageEntity) => m.contactId)))
      .load(c.id);
    return messages.map(toExpertMessageType);
  }
}

@Resolver(() => ExpertMessageType)
export class ExpertMessageResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => UserType)
  async author(@Parent() m: ExpertMessageType, @Context() ctx: GqlContext): Promise<UserType> {
    const user = await userLoader(ctx, this.accounts).load(m.authorId);
    if (!user) throw new Error(`user ${m.authorId} is missing`);
    return toUserType(user);
  }
}
