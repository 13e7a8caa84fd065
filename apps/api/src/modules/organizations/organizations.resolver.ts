import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/context.js';
import { coversProvince, jurisdictionOf, requireModerator, requireViewer } from '../../common/auth/viewer.js';
import { byKeys } from '../../common/loaders.js';
import { PageInput } from '../../common/pagination.js';
import { Email, NotBlank, TextLength } from '../../common/validation.js';
import { ReferenceService } from '../reference/reference.service.js';
import { ProvinceType } from '../reference/reference.types.js';
import { UserType } from '../accounts/accounts.types.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { OrganizationsService } from './organizations.service.js';
import { viewerOrganizationIds, viewerRoleIn } from './viewer-organizations.js';
import { OrganizationInvitationType, OrganizationMemberType, OrganizationPage, OrganizationType } from './organizations.types.js';
import type { OrganizationInvitationEntity } from './invitation.entity.js';
import { OrganizationInput, OrganizationUpdateInput } from './dto/organization.inputs.js';
import type { OrganizationEntity } from './organization.entity.js';
import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn } from 'class-validator';
import { Transform } from 'class-transformer';
import { IdOrSlugArgs } from '../../common/id-or-slug.args.js';

export function toOrganizationType(e: OrganizationEntity): OrganizationType {
  return {
    id: e.id,
    slug: e.slug,
    name: e.name,
    kind: e.kind,
    provinceCode: e.provinceCode,
    description: e.description,
    website: e.website,
    contactEmail: e.contactEmail,
    contactPhone: e.contactPhone,
    verified: e.verified,
    verifiedAt: e.verifiedAt,
    verificationNote: e.verificationNote,
    verificationDeclinedAt: e.verificationDeclinedAt,
    createdAt: e.createdAt,
    taxCode: e.taxCode,
  };
}

/** Batch-loads organisations by id for field resolvers elsewhere (Listing.organization, Deal.buyer…). */
export function organizationLoader(ctx: GqlContext, service: OrganizationsService): DataLoader<string, OrganizationEntity | null> {
  return ctx.loaders.get('organizationById', () => new DataLoader(async (ids: readonly string[]) => byKeys(ids, await service.findByIds(ids), (o) => o.id)));
}

@ArgsType()
class AddMemberArgs {
  @Field(() => ID)
  organizationId: string;

  @Field()
  @Email()
  email: string;

  @Field({ defaultValue: 'MEMBER', description: 'OWNER or MEMBER' })
  @IsIn(['OWNER', 'MEMBER'], { message: () => JSON.stringify({ vi: 'Vai trò phải là OWNER hoặc MEMBER.', en: 'Role must be OWNER or MEMBER.' }) })
  role: 'OWNER' | 'MEMBER';
}

@ArgsType()
class DeclineVerificationArgs {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The reason, shown to the organisation’s members.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @NotBlank()
  @TextLength(10, 1000)
  note: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the organisation was verified when the moderator decided (false: declining, true: withdrawing); CONFLICT when another moderator changed it since.',
  })
  verified?: boolean | null;
}

@Resolver(() => OrganizationType)
export class OrganizationsResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly reference: ReferenceService,
    private readonly accounts: AccountsService,
  ) {}

  @Query(() => OrganizationType, { nullable: true })
  async organization(
    @Args() by: IdOrSlugArgs,
  ): Promise<OrganizationType | null> {
    const org = await this.organizations.findOne(by);
    return org ? toOrganizationType(org) : null;
  }

  @Query(() => OrganizationPage, { description: 'Moderators: organisations in their jurisdiction, unverified first.' })
  async organizationsForReview(
    @Context() ctx: GqlContext,
    @Args('verified', { type: () => Boolean, nullable: true }) verified: boolean | null,
    @Args('page', { type: () => PageInput, nullable: true }) page: PageInput,
    @Args('declined', { type: () => Boolean, nullable: true, description: 'false: leave out the organisations whose verification was declined (they wait for their members to edit the profile); true: only those.' })
    declined: boolean | null,
  ): Promise<OrganizationPage> {
    const viewer = requireModerator(ctx);
    const result = await this.organizations.listForModeration(jurisdictionOf(viewer), verified ?? null, page, declined ?? null);
    return { ...result, items: result.items.map(toOrganizationType) };
  }

  @Mutation(() => OrganizationType)
  async createOrganization(@Context() ctx: GqlContext, @Args('input') input: OrganizationInput): Promise<OrganizationType> {
    const viewer = requireViewer(ctx);
    return toOrganizationType(await this.organizations.create(viewer, input));
  }

  @Mutation(() => OrganizationType, {
    description:
      "Members edit the organisation's profile (name, description, website, province, contact). Renaming a verified organisation sends it back to verification.",
  })
  async updateOrganization(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: OrganizationUpdateInput,
  ): Promise<OrganizationType> {
    const viewer = requireViewer(ctx);
    return toOrganizationType(await this.organizations.update(viewer, id, input));
  }

  @Mutation(() => OrganizationType, { description: 'Moderators only.' })
  async verifyOrganization(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<OrganizationType> {
    const viewer = requireModerator(ctx);
    return toOrganizationType(await this.organizations.verify(viewer, id));
  }

  @Mutation(() => OrganizationType, {
    description:
      "Moderators: decline to verify an organisation in their jurisdiction, or withdraw its verification, with the reason its members are told (BAD_USER_INPUT on `note`: 10–1000 characters). It leaves the verification queue until a member edits the profile.",
  })
  async declineOrganizationVerification(@Context() ctx: GqlContext, @Args() args: DeclineVerificationArgs): Promise<OrganizationType> {
    const viewer = requireModerator(ctx);
    return toOrganizationType(await this.organizations.declineVerification(viewer, args.id, args.note, args.verified ?? null));
  }

  @Mutation(() => OrganizationInvitationType, {
    description:
      "The organisation's owner invites an e-mail address to join: the address gets a link to accept (acceptOrganizationInvitation) whether or not it has an account yet, and the answer is the same either way.",
  })
  async addOrganizationMember(@Context() ctx: GqlContext, @Args() args: AddMemberArgs): Promise<OrganizationInvitationType> {
    const viewer = requireViewer(ctx);
    return toInvitationType(await this.organizations.invite(viewer, args.organizationId, args.email, args.role));
  }

  @Query(() => OrganizationInvitationType, {
    nullable: true,
    description: 'The invitation behind a link (its secret), or null when it is unknown, spent or expired.',
  })
  async organizationInvitation(@Args('token') token: string): Promise<OrganizationInvitationType | null> {
    const invitation = await this.organizations.usableInvitation(token);
    return invitation ? toInvitationType(invitation) : null;
  }

  @Mutation(() => OrganizationMemberType, {
    description:
      'The signed-in account with the invited address accepts an invitation (the secret of its link) and becomes a member. BAD_USER_INPUT on `token` for a spent, expired or unknown link; FORBIDDEN for another account.',
  })
  async acceptOrganizationInvitation(@Context() ctx: GqlContext, @Args('token') token: string): Promise<OrganizationMemberType> {
    const viewer = requireViewer(ctx);
    const m = await this.organizations.acceptInvitation(viewer, token);
    return { userId: m.userId, role: m.role, joinedAt: m.createdAt };
  }

  @Mutation(() => OrganizationInvitationType, {
    description:
      "The organisation's owner cancels an invitation not yet accepted: its link stops working. NOT_FOUND for an unknown or accepted invitation, or one of an organisation the caller is not in; FORBIDDEN for a member who is not an owner. Answers the cancelled invitation.",
  })
  async cancelOrganizationInvitation(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<OrganizationInvitationType> {
    const viewer = requireViewer(ctx);
    return toInvitationType(await this.organizations.cancelInvitation(viewer, id));
  }

  @ResolveField(() => [OrganizationInvitationType], { description: 'Members only: invitations not yet accepted nor expired.' })
  async pendingInvitations(@Parent() org: OrganizationType, @Context() ctx: GqlContext): Promise<OrganizationInvitationType[]> {
    if (!(await this.isMember(org, ctx))) return [];
    return (await this.organizations.pendingInvitations(org.id)).map(toInvitationType);
  }

  @ResolveField(() => ProvinceType)
  province(@Parent() org: OrganizationType, @Context() ctx: GqlContext): ProvinceType {
    return this.reference.province(org.provinceCode, ctx.lang)!;
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for members of the organisation and moderators covering it.' })
  async taxCode(@Parent() org: OrganizationType, @Context() ctx: GqlContext): Promise<string | null> {
    return (await this.seesPrivateFields(org, ctx)) ? org.taxCode : null;
  }

  @ResolveField(() => String, { name: 'verificationNote', nullable: true, description: "Why a moderator declined or withdrew the verification. Only for members of the organisation and moderators covering it." })
  async verificationNoteField(@Parent() org: OrganizationType, @Context() ctx: GqlContext): Promise<string | null> {
    return (await this.seesPrivateFields(org, ctx)) ? org.verificationNote : null;
  }

  @ResolveField(() => Date, { name: 'verificationDeclinedAt', nullable: true, description: 'Set while a declined verification waits for the members to edit the profile. Members and moderators covering it only.' })
  async verificationDeclinedAtField(@Parent() org: OrganizationType, @Context() ctx: GqlContext): Promise<Date | null> {
    return (await this.seesPrivateFields(org, ctx)) ? org.verificationDeclinedAt : null;
  }

  /** Whether the caller belongs to the organisation (their organisations read once per request, for a page of them). */
  private async isMember(org: OrganizationType, ctx: GqlContext): Promise<boolean> {
    return (await viewerOrganizationIds(ctx, this.organizations)).has(org.id);
  }

  /** Members of the organisation and moderators covering its province. */
  private async seesPrivateFields(org: OrganizationType, ctx: GqlContext): Promise<boolean> {
    if (!ctx.viewer) return false;
    return coversProvince(ctx.viewer, org.provinceCode) || (await this.isMember(org, ctx));
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller belongs to this organisation.' })
  async viewerIsMember(@Parent() org: OrganizationType, @Context() ctx: GqlContext): Promise<boolean> {
    return this.isMember(org, ctx);
  }

  @ResolveField(() => String, { nullable: true, description: "The caller's role in this organisation: OWNER or MEMBER; null when not a member." })
  viewerRole(@Parent() org: OrganizationType, @Context() ctx: GqlContext): Promise<string | null> {
    return viewerRoleIn(ctx, this.organizations, org.id);
  }

  @ResolveField(() => [OrganizationMemberType], { description: 'Members only.' })
  async members(@Parent() org: OrganizationType, @Context() ctx: GqlContext): Promise<OrganizationMemberType[]> {
    if (!(await this.isMember(org, ctx))) return [];
    const rows = await this.organizations.members(org.id);
    return rows.map((m) => ({ userId: m.userId, role: m.role, joinedAt: m.createdAt, account: m.user }));
  }
}

function toInvitationType(i: OrganizationInvitationEntity): OrganizationInvitationType {
  return { id: i.id, email: i.email, role: i.role, createdAt: i.createdAt, expiresAt: i.expiresAt, organizationId: i.organizationId };
}

@Resolver(() => OrganizationInvitationType)
export class OrganizationInvitationResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => OrganizationType)
  async organization(@Parent() i: OrganizationInvitationType): Promise<OrganizationType> {
    return toOrganizationType((await this.organizations.findOne({ id: i.organizationId }))!);
  }
}

@Resolver(() => OrganizationMemberType)
export class OrganizationMemberResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => UserType)
  async user(@Parent() m: OrganizationMemberType): Promise<UserType> {
    return m.account ?? (await this.accounts.findById(m.userId))!;
  }

  @ResolveField(() => String, {
    description: "The member's e-mail address. Memberships are read only by the organisation's own members (Organization.members) and by the person who joins, so they see one another's addresses; User.email stays private elsewhere.",
  })
  async email(@Parent() m: OrganizationMemberType): Promise<string> {
    return (await this.user(m)).email;
  }
}

/** User.organizations lives here, beside the membership data it reads. */
@Resolver(() => UserType)
export class UserOrganizationsResolver {
  constructor(private readonly orgs: OrganizationsService) {}

  @ResolveField(() => [OrganizationType])
  async organizations(@Parent() user: UserType, @Context() ctx: GqlContext): Promise<OrganizationType[]> {
    const memberships = await ctx.loaders
      .get('membershipsByUser', () => new DataLoader(async (ids: readonly string[]) => {
        const rows = await this.orgs.membershipsOfUsers(ids);
        return ids.map((id) => rows.filter((r) => r.userId === id));
      }))
      .load(user.id);
    const orgs = await organizationLoader(ctx, this.orgs).loadMany(memberships.map((m) => m.organizationId));
    return orgs.filter((o): o is OrganizationEntity => !!o && !(o instanceof Error)).map(toOrganizationType);
  }
}
