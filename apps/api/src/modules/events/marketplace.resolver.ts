import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth/viewer.js';
import { Errors } from '../../common/errors.js';
import { groupByKeys } from '../../common/loaders.js';
import { PageInput } from '../../common/pagination.js';
import { RateLimitService } from '../../common/rate-limit.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { ListingType, toListingType } from '../listings/listings.types.js';
import { MessageType } from '../deals/deals.types.js';
import { toMessageType } from '../deals/interests.resolver.js';
import { EventMarketplaceInput } from './dto/event.inputs.js';
import { EventsService } from './events.service.js';
import { RegistrationsService } from './registrations.service.js';
import { publicListingLoader } from './registration-listings.loader.js';
import { MeetingsService } from './meetings.service.js';
import { EventMarketplaceService } from './marketplace.service.js';
import { EventMarketplaceType, EventRegistrationType, MeetingRequestType, MeetingSuggestionType, toMeetingType, toRegistrationType } from './events.types.js';

const MAX_SUGGESTIONS = 50;
const LIMIT = {
  vi: `Số gợi ý phải từ 1 đến ${MAX_SUGGESTIONS}.`,
  en: `The number of suggestions must be between 1 and ${MAX_SUGGESTIONS}.`,
};

/**
 * The event's marketplace and "people here you should meet" (marketplace.service.ts), and the
 * meeting request's conversation (the exchange's messages, meetings.service.ts).
 */
@Resolver(() => EventRegistrationType)
export class EventMarketplaceResolver {
  constructor(
    private readonly marketplace: EventMarketplaceService,
    private readonly events: EventsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => EventMarketplaceType, {
    nullable: true,
    description:
      "An event's marketplace, exhibitors first by booth, then by name: filtered by words (with or without diacritics), role, field and province. Everyone who may see the event sees the exhibitors and their offers (scope EXHIBITORS); approved participants and the organiser see visitors and their demands too (scope PARTICIPANTS). Null when the event cannot be seen.",
  })
  async eventMarketplace(
    @Context() ctx: GqlContext,
    @Args('eventId', { type: () => ID }) eventId: string,
    // Typed without `| null` so the validation pipe sees the class (a union reflects as Object).
    @Args('input', { type: () => EventMarketplaceInput, nullable: true }) input: EventMarketplaceInput,
    @Args('page', { type: () => PageInput, nullable: true }) page: PageInput | null,
  ): Promise<EventMarketplaceType | null> {
    const found = await this.marketplace.search(ctx.viewer, eventId, input ?? {}, page ?? undefined);
    return found && { ...found, items: found.items.map(toRegistrationType) };
  }

  @ResolveField(() => [MeetingSuggestionType], {
    nullable: true,
    description:
      "People at the event this participant should meet: other approved participants whose listings the matching engine pairs with this participant's (an offer for a demand), best first, with the reasons. The participant's organisation and the organiser only (null for others); empty until approved.",
  })
  async suggestions(
    @Parent() r: EventRegistrationType,
    @Context() ctx: GqlContext,
    @Args('limit', { type: () => Int, defaultValue: 10 }) limit: number,
  ): Promise<MeetingSuggestionType[] | null> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS) throw Errors.invalidField('limit', LIMIT);
    if (!ctx.viewer) return null;
    const mine = await this.organizations.memberOrganizationIds(ctx.viewer.id);
    if (!mine.includes(r.entity.organizationId)) {
      const event = await this.events.findOne({ id: r.entity.eventId });
      if (!event || !mine.includes(event.organizerId)) return null;
    }
    return (await this.marketplace.suggestions(r.entity, limit, ctx.lang)).map((s) => ({
      participant: toRegistrationType(s.participant),
      score: s.match.score,
      reasons: s.match.reasons,
      listingId: s.match.bListingId,
      ownListingId: s.match.aListingId,
      openRequest: s.openRequest,
    }));
  }
}

@Resolver(() => MeetingSuggestionType)
export class MeetingSuggestionResolver {
  constructor(private readonly registrations: RegistrationsService) {}

  @ResolveField(() => ListingType, { nullable: true, description: "The participant's listing in the best pair (null if it stopped being public meanwhile)." })
  async listing(@Parent() s: MeetingSuggestionType, @Context() ctx: GqlContext): Promise<ListingType | null> {
    const l = await publicListingLoader(ctx, this.registrations).load(s.listingId);
    return l && toListingType(l);
  }

  @ResolveField(() => ListingType, { nullable: true, description: 'Your listing in the best pair.' })
  async ownListing(@Parent() s: MeetingSuggestionType, @Context() ctx: GqlContext): Promise<ListingType | null> {
    const l = await publicListingLoader(ctx, this.registrations).load(s.ownListingId);
    return l && toListingType(l);
  }

  @ResolveField(() => MeetingRequestType, { nullable: true, description: 'An open request (requested, counter-proposed or accepted) between the two, either way; null: none yet.' })
  openRequest(@Parent() s: MeetingSuggestionType): MeetingRequestType | null {
    return s.openRequest && toMeetingType(s.openRequest);
  }
}

@Resolver(() => MeetingRequestType)
export class MeetingConversationResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly limits: RateLimitService,
  ) {}

  @Mutation(() => MessageType, {
    description: "A member of either side writes in a meeting request's conversation (while requested, counter-proposed or accepted); the other side is notified. Rate-limited like every message.",
  })
  async sendMeetingMessage(
    @Context() ctx: GqlContext,
    @Args('meetingRequestId', { type: () => ID }) meetingRequestId: string,
    @Args('body') body: string,
  ): Promise<MessageType> {
    const viewer = requireViewer(ctx);
    await this.limits.consume('messagesPerAccount', viewer.id);
    await this.limits.consume('messagesPerIp', ctx.req.ip ?? 'unknown');
    return toMessageType(await this.meetings.sendMessage(viewer, meetingRequestId, body));
  }

  @ResolveField(() => [MessageType], { description: 'The conversation between the two organisations, oldest first; for their members only (empty for anyone else, the organiser included).' })
  async messages(@Parent() m: MeetingRequestType, @Context() ctx: GqlContext): Promise<MessageType[]> {
    const sides = await this.meetings.sides(ctx.viewer, m.entity);
    if (!sides.requester && !sides.recipient) return [];
    const rows = await ctx.loaders
      .get('event.meeting.messages', () => new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await this.meetings.messagesOf(ids), (x) => x.meetingRequestId!)))
      .load(m.id);
    return rows.map(toMessageType);
  }
}
