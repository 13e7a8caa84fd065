import DataLoader from 'dataloader';
import { Args, Context, GraphQLISODateTime, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { queuedForReviewAt } from '../moderation-core/moderation.rules.js';
import type { GqlContext } from '../../common/context.js';
import { requireModerator, requireViewer } from '../../common/auth/viewer.js';
import { t } from '../../common/i18n.js';
import { PageInput, mapPage } from '../../common/pagination.js';
import { RejectionReason } from '../../common/graphql-enums.js';
import { ReferenceService } from '../reference/reference.service.js';
import { ProvinceType, TechFieldType } from '../reference/reference.types.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { UserType } from '../accounts/accounts.types.js';
import { toUserType } from '../accounts/accounts.resolver.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationType } from '../organizations/organizations.types.js';
import { organizationLoader, toOrganizationType } from '../organizations/organizations.resolver.js';
import { REJECTION_REASON_LABELS } from '@techport/shared';
import { moderationEventResolver } from '../moderation-core/moderation-event.resolver.js';
import { moderationRevisionResolver } from '../moderation-core/moderation-revision.resolver.js';
import { moderationStepsResolver } from '../moderation-core/moderation-steps.resolver.js';
import { userLoader } from '../accounts/user.loader.js';
import type { ExpertProfileEntity } from './expert.entity.js';
import { canViewExpert, isPrivileged } from './expert.rules.js';
import { ExpertsService } from './experts.service.js';
import { ExpertSearchService } from './expert-search.service.js';
import { ExpertProfileInput, ExpertSearchInput } from './dto/expert.inputs.js';
import {
  ExpertProfileEventType,
  ExpertProfilePage,
  ExpertProfileRevisionType,
  ExpertProfileType,
  ExpertSearchResultType,
  toExpertType,
  toRevisionType,
} from './experts.types.js';
import { IdOrSlugArgs } from '../../common/id-or-slug.args.js';

async function organizationOrNull(ctx: GqlContext, orgs: OrganizationsService, id: string | null): Promise<OrganizationType | null> {
  if (!id) return null;
  const org = await organizationLoader(ctx, orgs).load(id);
  return org ? toOrganizationType(org) : null;
}

@Resolver(() => ExpertProfileType)
export class ExpertsResolver extends moderationStepsResolver(ExpertProfileType, ExpertsService, toExpertType, {
  submit: { name: 'submitExpertProfile', description: "Sends a draft, rejected or archived profile (or a published profile's pending revision) for review." },
  withdraw: { name: 'withdrawExpertProfile', description: "Takes a profile in review back to DRAFT (or a published profile's submitted revision back to not submitted) so its owner can edit it; it leaves the review queue." },
  archive: { name: 'archiveExpertProfile', description: 'Takes a published profile off the public list and search.' },
  moderate: { name: 'moderateExpertProfile', description: 'Moderators covering the profile’s province: approve or reject a profile (or a revision) in review. A rejection needs a note (what the owner reads); its reason defaults to OTHER.' },
}) {
  constructor(
    private readonly expertsService: ExpertsService,
    private readonly expertSearch: ExpertSearchService,
    private readonly organizations: OrganizationsService,
    private readonly accounts: AccountsService,
    private readonly reference: ReferenceService,
  ) {
    super();
  }

  // ------------------------------------------------------------------------------------------
  // Queries

  @Query(() => ExpertProfileType, {
    nullable: true,
    description: 'By id or slug. Published profiles are public; others only for their expert and the moderators covering them (null for anyone else).',
  })
  async expert(
    @Context() ctx: GqlContext,
    @Args() by: IdOrSlugArgs,
  ): Promise<ExpertProfileType | null> {
    const e = await this.expertsService.findOne(by);
    return e && canViewExpert(ctx.viewer, e) ? toExpertType(e) : null;
  }

  @Query(() => ExpertProfileType, { nullable: true, description: "The caller's own expert profile, any status; null if they have none." })
  async myExpertProfile(@Context() ctx: GqlContext): Promise<ExpertProfileType | null> {
    const viewer = requireViewer(ctx);
    const e = await this.expertsService.findMine(viewer.id);
    return e ? toExpertType(e) : null;
  }

  @Query(() => ExpertSearchResultType, {
    description: 'Published expert profiles: full text (with or without diacritics), by field (a parent covers its children) and province, with facets.',
  })
  async experts(@Context() ctx: GqlContext, @Args('input', { type: () => ExpertSearchInput }) input: ExpertSearchInput): Promise<ExpertSearchResultType> {
    const result = await this.expertSearch.search(input, ctx.lang);
    // Re-read from PostgreSQL: a profile archived a moment ago never shows, even before the index catches up.
    const found = await this.expertsService.publicByIds([...result.hits, ...result.related].map((h) => h.id));
    const visible = (list: typeof result.hits, close: boolean) =>
      list.flatMap((h) => {
        const e = found.get(h.id);
        return e ? [{ expert: toExpertType(e), highlightedName: h.highlightedName, highlightedHeadline: h.highlightedHeadline, close }] : [];
      });
    // One ranked list, as the listings' search gives it: the close answers, then the related ones, marked.
    const { related, ...page } = result;
    return { ...page, hits: [...visible(result.hits, true), ...visible(related, false)] };
  }

  @Query(() => ExpertProfilePage, { description: 'Moderators: expert profiles (and revisions) waiting for review in their provinces, oldest first.' })
  async expertModerationQueue(@Context() ctx: GqlContext, @Args('page', { type: () => PageInput, nullable: true }) page: PageInput): Promise<ExpertProfilePage> {
    const viewer = requireModerator(ctx);
    return mapPage(await this.expertsService.moderationQueue(viewer, page ?? undefined), toExpertType);
  }

  // ------------------------------------------------------------------------------------------
  // Mutations

  @Mutation(() => ExpertProfileType, {
    description:
      "Creates the caller's expert profile (DRAFT) or replaces its content. On a published profile the content becomes a pending revision: the published text stays public until a moderator approves it.",
  })
  async upsertMyExpertProfile(@Context() ctx: GqlContext, @Args('input') input: ExpertProfileInput): Promise<ExpertProfileType> {
    return toExpertType(await this.expertsService.upsertMine(requireViewer(ctx), input));
  }

  // ------------------------------------------------------------------------------------------
  // Fields

  @ResolveField(() => [TechFieldType], { description: 'Fields of expertise.' })
  fields(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): TechFieldType[] {
    return this.reference.techFieldsOf(e.entity.fieldCodes, ctx.lang);
  }

  @ResolveField(() => ProvinceType)
  province(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): ProvinceType {
    return this.reference.province(e.entity.provinceCode, ctx.lang)!;
  }

  @ResolveField(() => OrganizationType, { nullable: true, description: 'The organisation the expert is affiliated with; null for an independent expert.' })
  organization(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): Promise<OrganizationType | null> {
    return organizationOrNull(ctx, this.organizations, e.entity.organizationId);
  }

  @ResolveField(() => UserType, { description: 'The expert’s account (its e-mail only for the expert themself and admins).' })
  async user(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): Promise<UserType> {
    const user = await userLoader(ctx, this.accounts).load(e.entity.userId);
    if (!user) throw new Error(`user ${e.entity.userId} is missing`);
    return toUserType(user);
  }

  @ResolveField(() => String, { nullable: true, description: "The moderator's last note. Expert and moderators only." })
  moderationNote(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): string | null {
    return isPrivileged(ctx.viewer, e.entity) ? e.entity.moderationNote : null;
  }

  @ResolveField(() => RejectionReason, { nullable: true, description: 'Why the last review rejected it. Expert and moderators only.' })
  rejectionReason(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): RejectionReason | null {
    return isPrivileged(ctx.viewer, e.entity) ? e.entity.rejectionReason : null;
  }

  @ResolveField(() => String, { nullable: true, description: "rejectionReason in the request's language." })
  rejectionReasonLabel(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): string | null {
    const reason = e.entity.rejectionReason;
    return reason && isPrivileged(ctx.viewer, e.entity) ? t(REJECTION_REASON_LABELS[reason], ctx.lang) : null;
  }

  @ResolveField(() => GraphQLISODateTime, {
    nullable: true,
    description: "When what waits for review was sent: the profile's submission, or a published profile's pending revision. Null when nothing waits. Expert and moderators only.",
  })
  queuedForReviewAt(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): Date | null {
    return isPrivileged(ctx.viewer, e.entity) ? queuedForReviewAt(e.entity) : null;
  }

  @ResolveField(() => Boolean, { description: 'Edits wait for review while the published text stays public. Expert and moderators only (false for others).' })
  hasPendingRevision(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): boolean {
    return !!e.entity.pendingRevision && isPrivileged(ctx.viewer, e.entity);
  }

  @ResolveField(() => ExpertProfileRevisionType, { nullable: true, description: 'Expert and moderators only.' })
  pendingRevision(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): ExpertProfileRevisionType | null {
    return isPrivileged(ctx.viewer, e.entity) ? toRevisionType(e.entity) : null;
  }

  @ResolveField(() => [ExpertProfileEventType], { nullable: true, description: 'The audit trail, oldest first. Expert and moderators only (null for others).' })
  async history(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): Promise<ExpertProfileEventType[] | null> {
    if (!isPrivileged(ctx.viewer, e.entity)) return null;
    return this.expertsService.history(ctx, e.id);
  }
}

/** ExpertProfileEvent.actor and .reasonLabel: the moderated-content core's, as for every kind. */
export const ExpertProfileEventResolver = moderationEventResolver(ExpertProfileEventType, 'Who did it.');

/** ExpertProfileRevision.fields and .province are the moderated-content core's; the affiliation is the expert's own. */
@Resolver(() => ExpertProfileRevisionType)
export class ExpertProfileRevisionResolver extends moderationRevisionResolver(ExpertProfileRevisionType) {
  constructor(
    reference: ReferenceService,
    private readonly organizations: OrganizationsService,
  ) {
    super(reference);
  }

  @ResolveField(() => OrganizationType, { nullable: true })
  organization(@Parent() r: ExpertProfileRevisionType, @Context() ctx: GqlContext): Promise<OrganizationType | null> {
    return organizationOrNull(ctx, this.organizations, r.organizationId);
  }
}

/** Organization.experts lives here, beside the rule of which profiles are public. */
@Resolver(() => OrganizationType)
export class OrganizationExpertsResolver {
  constructor(private readonly service: ExpertsService) {}

  @ResolveField(() => [ExpertProfileType], { description: 'Published expert profiles affiliated with the organisation, by name (at most 100).' })
  async experts(@Parent() org: OrganizationType, @Context() ctx: GqlContext): Promise<ExpertProfileType[]> {
    const loader = ctx.loaders.get('organization.experts', () => new DataLoader((ids: readonly string[]) => this.service.publishedOfOrganizations(ids)));
    return (await loader.load(org.id)).map(toExpertType);
  }
}
