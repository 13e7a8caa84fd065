import { Args, Context, Field, ID, Int, ObjectType, Query, registerEnumType, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { requireModerator } from '../../common/auth/viewer.js';
import type { GqlContext } from '../../common/context.js';
import { PageInput, Paginated } from '../../common/pagination.js';
import { ProvinceType } from '../reference/reference.types.js';
import { ReferenceService } from '../reference/reference.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationType } from '../organizations/organizations.types.js';
import { organizationLoader, toOrganizationType } from '../organizations/organizations.resolver.js';
import { ModeratedContentService, type ReviewQueueEntry } from './moderated-content.service.js';
import type { ModeratedKindCode } from './moderated-kind.js';
import { REVIEW_TARGET_DAYS } from './moderation-queue.js';

export enum ModeratedKind {
  LISTING = 'LISTING',
  EXPERT = 'EXPERT',
  EVENT = 'EVENT',
}
registerEnumType(ModeratedKind, {
  name: 'ModeratedKind',
  description: 'A kind of content the department reviews before it is public.',
  valuesMap: { LISTING: { description: 'An offer or a demand.' }, EXPERT: { description: 'An expert profile.' }, EVENT: { description: 'A Techmart or another event.' } },
});

@ObjectType('ReviewQueueItem', { description: 'Something waiting for the department’s review: a submission, or a revision of published content.' })
export class ReviewQueueItemType {
  @Field(() => ModeratedKind)
  kind: ModeratedKindCode;

  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field({ description: "Its title (a listing's title, an expert's name, an event's name in the request's language)." })
  title: string;

  @Field({ description: 'When it was sent for review (a revision: when the revision was).' })
  queuedAt: Date;

  @Field({ description: 'A revision of published content, not a first publication.' })
  revision: boolean;

  @Field(() => Int, { description: 'Whole days it has waited.' })
  daysWaiting: number;

  @Field({ description: 'Waiting longer than the review-time target (reviewTargetDays).' })
  overdue: boolean;

  @Field({ description: 'The storefront page where a moderator reviews it.' })
  reviewPath: string;

  @Field(() => String, { nullable: true, description: "What it is within its kind, in the request's language (a listing: offer or demand); null when the kind says nothing more." })
  detail: string | null;

  provinceCode: string;
  organizationId: string | null;
}

@ObjectType('ReviewQueuePage')
export class ReviewQueuePageType extends Paginated(ReviewQueueItemType) {
  @Field(() => Int, { description: 'How many (on all pages) wait longer than the target.' })
  overdueItems: number;

  @Field(() => Int, { description: 'The review-time target: the department decides a submission within this many days.' })
  reviewTargetDays: number;

  @Field(() => Int, { description: "Items in the jurisdiction from the moderator's own organisation (or their own profile): not listed, another moderator reviews them. The department's figures count them." })
  ownItemsWaiting: number;
}

const DAY_MS = 86_400_000;

/** The department's one review queue across kinds (the core reads every registered kind). */
@Resolver(() => ReviewQueueItemType)
export class ReviewQueueResolver {
  constructor(
    private readonly core: ModeratedContentService,
    private readonly reference: ReferenceService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => ReviewQueuePageType, {
    description: 'Moderators: listings, expert profiles and events (or one kind) waiting for review in their provinces, oldest first; what they own is left out.',
  })
  async reviewQueue(
    @Context() ctx: GqlContext,
    @Args('kind', { type: () => ModeratedKind, nullable: true }) kind: ModeratedKind | null,
    @Args('page', { type: () => PageInput, nullable: true }) page: PageInput | null,
  ): Promise<ReviewQueuePageType> {
    const viewer = requireModerator(ctx);
    const result = await this.core.reviewQueue(viewer, kind ?? null, page ?? undefined, ctx.lang);
    const now = this.core.now().getTime();
    return {
      items: result.items.map((e: ReviewQueueEntry) => {
        const daysWaiting = Math.floor((now - e.queuedAt.getTime()) / DAY_MS);
        return { ...e, daysWaiting, overdue: now - e.queuedAt.getTime() > REVIEW_TARGET_DAYS * DAY_MS };
      }),
      totalItems: result.totalItems,
      page: result.page,
      pageSize: result.pageSize,
      overdueItems: result.overdue,
      reviewTargetDays: REVIEW_TARGET_DAYS,
      ownItemsWaiting: result.ownWaiting,
    };
  }

  @ResolveField(() => OrganizationType, { nullable: true, description: "The organisation it comes from (a listing's, an event's organiser, an expert's employer); null when none." })
  async organization(@Parent() item: ReviewQueueItemType, @Context() ctx: GqlContext): Promise<OrganizationType | null> {
    if (!item.organizationId) return null;
    const org = await organizationLoader(ctx, this.organizations).load(item.organizationId);
    return org ? toOrganizationType(org) : null;
  }

  @ResolveField(() => ProvinceType, { description: 'Where it is (a revision: where it would be): whose jurisdiction reviews it.' })
  province(@Parent() item: ReviewQueueItemType, @Context() ctx: GqlContext): ProvinceType {
    return this.reference.province(item.provinceCode, ctx.lang)!;
  }
}
