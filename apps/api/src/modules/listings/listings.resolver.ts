import { viewerOrganizationIds as sharedViewerOrganizationIds } from '../organizations/viewer-organizations.js';
import { Args, Context, GraphQLISODateTime, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/context.js';
import { requireModerator, requireViewer } from '../../common/auth/viewer.js';
import { clientOf } from '../accounts/sessions.service.js';
import { ListingStatsService } from './listing-stats.service.js';
import { Clock } from '../../common/clock.js';
import { t } from '../../common/i18n.js';
import { PageInput, mapPage } from '../../common/pagination.js';
import { ListingStatus, RejectionReason } from '../../common/graphql-enums.js';
import { ReferenceService } from '../reference/reference.service.js';
import { ProvinceType, TechFieldType } from '../reference/reference.types.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationType } from '../organizations/organizations.types.js';
import { organizationLoader, toOrganizationType } from '../organizations/organizations.resolver.js';
import type { ListingEntity } from './listing.entity.js';
import { assessQuality, isExpired, qualityHintLabel } from './listing.rules.js';
import { REJECTION_REASON_LABELS } from '@techport/shared';
import { moderationEventResolver } from '../moderation-core/moderation-event.resolver.js';
import { moderationRevisionResolver } from '../moderation-core/moderation-revision.resolver.js';
import { moderationStepsResolver } from '../moderation-core/moderation-steps.resolver.js';
import { queuedForReviewAt } from '../moderation-core/moderation.rules.js';
import { ListingsService, canView, moderatorCovers, type ListingAccess } from './listings.service.js';
import { ListingInput, ListingUpdateInput } from './dto/listing.inputs.js';
import {
  ListingDuplicateHintType,
  ListingEventType,
  ListingPage,
  ListingQualityType,
  ListingRevisionType,
  ListingStatsType,
  ListingType,
  QualityHintType,
  toListingType,
  toRevisionType,
} from './listings.types.js';
import { IdOrSlugArgs } from '../../common/id-or-slug.args.js';

/** The caller's organisation ids, loaded once per request (for "is the caller an owner?" on a page of listings). */
function memberOrgIds(ctx: GqlContext, orgs: OrganizationsService): Promise<ReadonlySet<string>> {
  return sharedViewerOrganizationIds(ctx, orgs);
}

async function accessOf(ctx: GqlContext, orgs: OrganizationsService, l: ListingEntity): Promise<ListingAccess> {
  return { owner: (await memberOrgIds(ctx, orgs)).has(l.organizationId), moderator: moderatorCovers(ctx.viewer, l) };
}

@Resolver(() => ListingType)
export class ListingsResolver extends moderationStepsResolver(ListingType, ListingsService, toListingType, {
  submit: { name: 'submitListing', description: 'Sends a draft or rejected listing (or a published listing\'s pending revision) for review.' },
  withdraw: { name: 'withdrawListing', description: "Takes a listing in review back to DRAFT (or a published listing's submitted revision back to not submitted) so the owner can edit it; it leaves the review queue. Submit it again when ready." },
  archive: { name: 'archiveListing' },
  moderate: { name: 'moderateListing', description: 'Moderators: approve or reject a listing (or a revision) in review. A rejection needs a note (what the owner reads); its reason defaults to OTHER.' },
}) {
  constructor(
    private readonly listings: ListingsService,
    private readonly organizations: OrganizationsService,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
    private readonly listingStats: ListingStatsService,
  ) {
    super();
  }

  // ------------------------------------------------------------------------------------------
  // Queries

  @Query(() => ListingType, { nullable: true, description: 'By id or slug; null when it does not exist or the caller may not see it.' })
  async listing(
    @Context() ctx: GqlContext,
    @Args() by: IdOrSlugArgs,
  ): Promise<ListingType | null> {
    const l = await this.listings.findOne(by);
    if (!l || !canView(l, await accessOf(ctx, this.organizations, l))) return null;
    return toListingType(l);
  }

  @Query(() => ListingPage, { description: "Listings of all the caller's organisations, any status (expired ones included, flagged)." })
  async myListings(
    @Context() ctx: GqlContext,
    @Args('status', { type: () => ListingStatus, nullable: true }) status: ListingStatus | null,
    @Args('page', { type: () => PageInput, nullable: true }) page: PageInput,
    @Args('withDeclinedUpdates', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description: 'With status REJECTED: also the published listings whose update the last review declined (pendingRevision.declined); the owner has to act on both.',
    })
    withDeclinedUpdates: boolean | null,
  ): Promise<ListingPage> {
    const viewer = requireViewer(ctx);
    return mapPage(await this.listings.listMine(viewer, status ?? null, page ?? undefined, withDeclinedUpdates ?? false), toListingType);
  }

  @Query(() => ListingPage, { description: 'Moderators: listings waiting for review in their provinces, oldest first.' })
  async moderationQueue(@Context() ctx: GqlContext, @Args('page', { type: () => PageInput, nullable: true }) page: PageInput): Promise<ListingPage> {
    const viewer = requireModerator(ctx);
    return mapPage(await this.listings.moderationQueue(viewer, page ?? undefined), toListingType);
  }

  // ------------------------------------------------------------------------------------------
  // Mutations

  @Mutation(() => ListingType, { description: 'A new DRAFT for one of the caller\'s organisations.' })
  async createListing(@Context() ctx: GqlContext, @Args('input') input: ListingInput): Promise<ListingType> {
    return toListingType(await this.listings.create(requireViewer(ctx), input));
  }

  @Mutation(() => ListingType, { description: 'Edits a draft or rejected listing; on a published one the edits become a pending revision.' })
  async updateListing(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: ListingUpdateInput): Promise<ListingType> {
    return toListingType(await this.listings.update(requireViewer(ctx), id, input));
  }

  @Mutation(() => Boolean, {
    description: 'Deletes a draft listing that was never sent for review, with its attachments (their files are removed once no other attachment uses the same bytes). Anything sent for review is archived instead.',
  })
  async deleteListing(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.listings.deleteDraft(requireViewer(ctx), id);
  }

  @Mutation(() => ListingType, { description: 'Extends a published listing that is near or past its expiry by another period.' })
  async renewListing(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<ListingType> {
    return toListingType(await this.listings.renew(requireViewer(ctx), id));
  }

  @Mutation(() => Boolean, {
    description:
      "Counts a view of a published listing's public page (the storefront's listing page calls it): once per viewer and day, " +
      "by account when signed in, else by a hash of the address and browser with a salt of the day (no address is stored). " +
      "Not counted, answering false: a repeat the same day, the owning organisation's members, staff, robots, listings not published.",
  })
  async recordListingView(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    const l = await this.listings.findOne({ id });
    if (!l) return false;
    const owner = (await memberOrgIds(ctx, this.organizations)).has(l.organizationId);
    return this.listingStats.recordView(l, ctx.viewer, owner, clientOf(ctx.req));
  }

  // ------------------------------------------------------------------------------------------
  // Fields

  // The card fields (every list and search result asks for them) use graphql-js's plain
  // (parent, args, context) signature with no parameter decorators: @nestjs/graphql then binds
  // the method as the field's resolver instead of running each call through its guard and pipe
  // pipeline (about 14 µs per field per listing in the search benchmark). Only for fields that
  // need no guard, pipe or interceptor.

  @ResolveField(() => OrganizationType)
  organization(l: ListingType, _args: unknown, ctx: GqlContext): OrganizationType | Promise<OrganizationType> {
    if (l.organizationFromIndex) return l.organizationFromIndex;
    return organizationLoader(ctx, this.organizations)
      .load(l.entity.organizationId)
      .then((org) => toOrganizationType(org!));
  }

  @ResolveField(() => [TechFieldType])
  fields(l: ListingType, _args: unknown, ctx: GqlContext): TechFieldType[] {
    return this.reference.techFieldsOf(l.entity.fieldCodes, ctx.lang);
  }

  @ResolveField(() => ProvinceType)
  province(l: ListingType, _args: unknown, ctx: GqlContext): ProvinceType {
    return this.reference.province(l.entity.provinceCode, ctx.lang)!;
  }

  @ResolveField(() => Boolean, { description: 'Published but past its expiry: absent from public lists and search; the page still answers.' })
  expired(l: ListingType): boolean {
    return isExpired(l.entity, this.clock.now());
  }

  @ResolveField(() => String, { nullable: true, description: "The moderator's last note. Owner and moderators only." })
  async moderationNote(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<string | null> {
    return (await this.privileged(ctx, l)) ? l.entity.moderationNote : null;
  }

  @ResolveField(() => RejectionReason, { nullable: true, description: 'Why the last review rejected it. Owner and moderators only.' })
  async rejectionReason(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<RejectionReason | null> {
    return (await this.privileged(ctx, l)) ? l.entity.rejectionReason : null;
  }

  @ResolveField(() => String, { nullable: true, description: "rejectionReason in the request's language." })
  async rejectionReasonLabel(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<string | null> {
    const reason = l.entity.rejectionReason;
    return reason && (await this.privileged(ctx, l)) ? t(REJECTION_REASON_LABELS[reason], ctx.lang) : null;
  }

  @ResolveField(() => GraphQLISODateTime, {
    nullable: true,
    description: "When what waits for review was sent: the listing's submission, or a published listing's pending revision. Null when nothing waits. Owner and moderators only.",
  })
  async queuedForReviewAt(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<Date | null> {
    const at = queuedForReviewAt(l.entity);
    return at && (await this.privileged(ctx, l)) ? at : null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Quality score 0–100 computed at the last submission. Owner and moderators only.' })
  async qualityScore(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<number | null> {
    return (await this.privileged(ctx, l)) ? l.entity.qualityScore : null;
  }

  @ResolveField(() => [QualityHintType], { description: 'What to improve, from the last submission. Owner and moderators only (empty for others).' })
  async qualityHints(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<QualityHintType[]> {
    if (!(await this.privileged(ctx, l))) return [];
    return l.entity.qualityHints.map((h) => ({ code: h.code, penalty: h.penalty, label: t(qualityHintLabel(h.code, l.entity.kind), ctx.lang) }));
  }

  @ResolveField(() => ListingQualityType, {
    nullable: true,
    description:
      'The quality of the text being written, assessed on every read so it follows each save: the listing itself, or a published ' +
      "listing's pending revision (qualityScore is the score recorded at the last submission). Owner and moderators only.",
  })
  async draftQuality(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<ListingQualityType | null> {
    if (!(await this.privileged(ctx, l))) return null;
    const attachments = ctx.loaders.get('listing.attachmentCount', () => new DataLoader((ids: readonly string[]) => this.listings.attachmentCounts(ids)));
    const q = assessQuality(l.entity.kind, this.listings.workingContent(l.entity), await attachments.load(l.entity.id));
    return { score: q.score, hints: q.hints.map((h) => ({ code: h.code, penalty: h.penalty, label: t(qualityHintLabel(h.code, l.entity.kind), ctx.lang) })) };
  }

  @ResolveField(() => [ListingDuplicateHintType], {
    description:
      'Listings of the same kind whose title looks like this one (of the text being written), most alike first, at most 5: published ' +
      "listings of any organisation and the owner's other listings. Owner and moderators only (empty for others).",
  })
  async duplicateHints(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<ListingDuplicateHintType[]> {
    const access = await accessOf(ctx, this.organizations, l.entity);
    if (!access.owner && !access.moderator) return [];
    const found = (await this.listings.possibleDuplicates(l.entity, access.owner))
      // A moderator sees the owner's other unpublished listings only where their jurisdiction does.
      .filter((d) => access.owner || canView(d.listing, { owner: false, moderator: moderatorCovers(ctx.viewer, d.listing) }));
    return found.map((d) => ({ listing: toListingType(d.listing), similarity: Math.round(d.similarity * 100) / 100 }));
  }

  @ResolveField(() => Boolean, {
    description: "Whether renewListing would accept it now: published, and past its expiry or within LISTING_EXPIRY_WARNING_DAYS of it. The owner organisation's members only (false for others).",
  })
  async renewable(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<boolean> {
    if (!this.listings.kind.renewal?.canRenew(l.entity, this.clock.now())) return false;
    return (await memberOrgIds(ctx, this.organizations)).has(l.entity.organizationId);
  }

  @ResolveField(() => Boolean, { description: 'Edits wait for review while the published text stays public. Owner and moderators only (false for others).' })
  async hasPendingRevision(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<boolean> {
    return !!l.entity.pendingRevision && (await this.privileged(ctx, l));
  }

  @ResolveField(() => ListingRevisionType, { nullable: true, description: 'Owner and moderators only.' })
  async pendingRevision(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<ListingRevisionType | null> {
    return (await this.privileged(ctx, l)) ? toRevisionType(l.entity) : null;
  }

  @ResolveField(() => [ListingEventType], { nullable: true, description: 'The audit trail, oldest first. Owner and moderators only (null for others).' })
  async history(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<ListingEventType[] | null> {
    if (!(await this.privileged(ctx, l))) return null;
    return this.listings.history(ctx, l.id);
  }

  @ResolveField(() => ListingStatsType, {
    nullable: true,
    description: 'Views and interests (see ListingStats). Owner and moderators only (null for others); batched for a page of listings.',
  })
  async stats(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<ListingStatsType | null> {
    if (!(await this.privileged(ctx, l))) return null;
    return ctx.loaders.get('listing.stats', () => new DataLoader((ids: readonly string[]) => this.listingStats.statsOf(ids))).load(l.entity.id);
  }

  /** Owner's members and moderators covering the listing see its review data. */
  private async privileged(ctx: GqlContext, l: ListingType): Promise<boolean> {
    const access = await accessOf(ctx, this.organizations, l.entity);
    return access.owner || access.moderator;
  }
}

/** ListingEvent.actor and .reasonLabel: the moderated-content core's, as for every kind. */
export const ListingEventResolver = moderationEventResolver(ListingEventType, 'Who did it; null for the system (expiry).');

/** ListingRevision.fields and .province: the moderated-content core's, as for every kind. */
export const ListingRevisionResolver = moderationRevisionResolver(ListingRevisionType);

/** Organization.listings lives here, beside the rules on who sees which listing. */
@Resolver(() => OrganizationType)
export class OrganizationListingsResolver {
  constructor(private readonly service: ListingsService) {}

  @ResolveField(() => ListingPage, { description: 'Published (unexpired) listings for everyone; every listing for the organisation\'s members.' })
  async listings(@Parent() org: OrganizationType, @Context() ctx: GqlContext, @Args('page', { type: () => PageInput, nullable: true }) page: PageInput): Promise<ListingPage> {
    return mapPage(await this.service.listForOrganization(ctx.viewer, org.id, page ?? undefined), toListingType);
  }
}
