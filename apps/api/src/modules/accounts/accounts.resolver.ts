import { Args, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { isAdmin, requireAdmin, requireViewer } from '../../common/auth/viewer.js';
import { foldDiacritics } from '@techport/shared';
import { Role } from '../../common/graphql-enums.js';
import { PageInput, pageWindow, Paginated } from '../../common/pagination.js';
import { ReferenceService } from '../reference/reference.service.js';
import { ProvinceType } from '../reference/reference.types.js';
import { ACCOUNT_NOT_ACTIVATED, AccountsService } from './accounts.service.js';
import { AuthPayload, UserType } from './accounts.types.js';
import { ChangePasswordInput, RegisterInput } from './dto/accounts.inputs.js';
import { clientOf } from './sessions.service.js';
import { UserEntity } from './user.entity.js';
import { DataSource } from 'typeorm';
import { RateLimitService } from '../../common/rate-limit.service.js';
import { AppError } from '../../common/errors.js';
import { SECOND_FACTOR_CODE_REQUIRED } from '../second-factor/second-factor.service.js';

/** The password was right (the account asks for its second step, or has not been activated yet): not a failed sign-in. */
const rightPassword = (err: unknown) => err instanceof AppError && (err.extra?.reason === SECOND_FACTOR_CODE_REQUIRED || err.extra?.reason === ACCOUNT_NOT_ACTIVATED);

/** Whether the caller may read an account's private fields: it is their own, or they are an admin. */
export const selfOrAdmin = (user: UserType, ctx: GqlContext) => !!(user.isSelf || (ctx.viewer && (ctx.viewer.id === user.id || isAdmin(ctx.viewer))));

export function toUserType(u: UserEntity): UserType {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles,
    moderatedProvinceCodes: u.moderatedProvinceCodes,
    allProvinces: u.allProvinces,
    disabled: u.disabled,
    secondFactorEnabledAt: u.totpEnabledAt,
    language: u.language,
    registeredAt: u.createdAt,
    activatedAt: u.emailVerifiedAt,
    lastActiveAt: u.lastActiveAt,
  };
}

@ObjectType('UserPage')
class UserPage extends Paginated(UserType) {}

@Resolver(() => UserType)
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly reference: ReferenceService,
    private readonly ds: DataSource,
    private readonly limits: RateLimitService,
  ) {}

  @Query(() => UserType, { nullable: true })
  async me(@Context() ctx: GqlContext): Promise<UserType | null> {
    if (!ctx.viewer) return null;
    const user = await this.accounts.findById(ctx.viewer.id);
    return user ? toUserType(user) : null;
  }

  @Query(() => UserPage, {
    description:
      'Admins only: find accounts by e-mail or name (every word of the query, in any order, as a part of either; letter case and Vietnamese diacritics are ignored: "nguyen" finds "Nguyễn"). `role`: only accounts holding it (MEMBER: members without a staff role); `disabled`: only disabled (true) or active (false) accounts; `secondFactor`: only accounts with (true) or without (false) two-step verification; `staff`: only accounts holding a staff role (MODERATOR or ADMIN; false: members without one).',
  })
  async users(
    @Context() ctx: GqlContext,
    @Args('query', { type: () => String, nullable: true }) query: string | null,
    @Args('page', { type: () => PageInput, nullable: true }) page: PageInput,
    @Args('role', { type: () => Role, nullable: true }) role?: Role | null,
    @Args('disabled', { type: () => Boolean, nullable: true }) disabled?: boolean | null,
    @Args('secondFactor', { type: () => Boolean, nullable: true }) secondFactor?: boolean | null,
    @Args('staff', { type: () => Boolean, nullable: true }) staff?: boolean | null,
  ): Promise<UserPage> {
    requireAdmin(ctx);
    const { offset, pageSize, page: p } = pageWindow(page);
    const qb = this.ds.getRepository(UserEntity).createQueryBuilder('u');
    if (role === Role.MEMBER) qb.andWhere(`u.roles <@ ARRAY['MEMBER']::text[]`);
    else if (role) qb.andWhere(`:role = ANY(u.roles)`, { role });
    if (disabled != null) qb.andWhere('u.disabled = :disabled', { disabled });
    if (secondFactor != null) qb.andWhere(secondFactor ? 'u.totp_enabled_at IS NOT NULL' : 'u.totp_enabled_at IS NULL');
    if (staff != null) qb.andWhere(staff ? `u.roles && ARRAY['MODERATOR','ADMIN']::text[]` : `u.roles <@ ARRAY['MEMBER']::text[]`);
    const words = foldDiacritics(query ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
    // Every word, in any order ("dao nguyen" finds "Nguyễn Thị Đào"), as a part of the e-mail or
    // the name. fold_search (migration UserSessions) folds like foldDiacritics + lower case; a
    // trigram index (IDX_app_user_search) on exactly this expression serves each substring match.
    words.forEach((word, i) => {
      qb.andWhere(`fold_search(u.email || ' ' || u.display_name) LIKE :q${i}`, { [`q${i}`]: `%${word.replace(/[\\%_]/g, (c) => '\\' + c)}%` });
    });
    const [rows, totalItems] = await qb.orderBy('u.created_at', 'DESC').skip(offset).take(pageSize).getManyAndCount();
    return { items: rows.map(toUserType), totalItems, page: p, pageSize };
  }

  @Mutation(() => AuthPayload, {
    description:
      'Creates an account and e-mails a link to activate it (activateAccount); until then it cannot log in. Answers the same whether or not the address already has an account (its owner is told by e-mail): `token` is empty, as there is no session before activation.',
  })
  async register(@Context() ctx: GqlContext, @Args('input') input: RegisterInput): Promise<AuthPayload> {
    await this.limits.consume('registerPerIp', ctx.req.ip ?? 'unknown');
    const user = await this.accounts.register(input);
    return { token: '', user: { ...toUserType(user), isSelf: true } };
  }

  @Mutation(() => AuthPayload, {
    description: 'Opens the activation link e-mailed by register (its secret): the account is activated and this answers a session. BAD_USER_INPUT on `token` for a spent, expired or unknown link.',
  })
  async activateAccount(@Args('token') token: string, @Context() ctx: GqlContext): Promise<AuthPayload> {
    const session = await this.accounts.activate(token, clientOf(ctx.req));
    return { token: session.token, user: { ...toUserType(session.user), isSelf: true } };
  }

  @Mutation(() => AuthPayload)
  async login(@Context() ctx: GqlContext, @Args('email') email: string, @Args('password') password: string): Promise<AuthPayload> {
    // Failed sign-ins count against the address; a right password (also one that asks for the second step) does not.
    const { token, user } = await this.limits.chargeFailures('loginPerIp', ctx.req.ip ?? 'unknown', () => this.accounts.login(email, password, clientOf(ctx.req)), rightPassword);
    return { token, user: { ...toUserType(user), isSelf: true } };
  }

  @Mutation(() => Boolean, {
    description:
      '"Forgot password": e-mails a single-use link that expires (PASSWORD_RESET_TTL_MINUTES) when the address has an account. Answers true whether it has or not; RATE_LIMITED per client and per address.',
  })
  requestPasswordReset(@Context() ctx: GqlContext, @Args('email') email: string): Promise<boolean> {
    return this.accounts.requestPasswordReset(email, ctx.req.ip ?? 'unknown');
  }

  @Query(() => Boolean, { description: 'Whether a password-reset link (its secret) can still be used: not spent, not expired.' })
  passwordResetLinkValid(@Args('token') token: string): Promise<boolean> {
    return this.accounts.passwordResetLinkValid(token);
  }

  @Mutation(() => Boolean, {
    description:
      'Sets a new password with the secret of a reset link; the link then stops working. BAD_USER_INPUT on `token` for a spent, expired or unknown link, on `password` for a password against the policy. Does not sign in.',
  })
  resetPassword(@Args('token') token: string, @Args('password') password: string): Promise<boolean> {
    return this.accounts.resetPassword(token, password);
  }

  @Mutation(() => Boolean, {
    description:
      'Ends the session of the token that sends it: that token is refused from now on (the account\'s other sessions stay). False when the request carried no valid token.',
  })
  logout(@Context() ctx: GqlContext): Promise<boolean> {
    return this.accounts.logout(ctx.viewer);
  }

  @Mutation(() => Boolean, {
    description:
      'Changes the caller’s password; needs the current one. Every other session of the account ends (the one that sends this stays signed in).',
  })
  async changePassword(@Context() ctx: GqlContext, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    await this.accounts.changePassword(requireViewer(ctx), input);
    return true;
  }

  @Mutation(() => UserType, {
    description: 'Admins only. A change signs the account out everywhere (its sessions end). The last enabled admin cannot lose the ADMIN role.',
  })
  async setUserRoles(
    @Context() ctx: GqlContext,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('roles', { type: () => [Role] }) roles: Role[],
    @Args('moderatedProvinceCodes', { type: () => [String], nullable: true }) moderatedProvinceCodes: string[] | null,
    @Args('allProvinces', {
      type: () => Boolean,
      nullable: true,
      description:
        'Moderators: true covers every province (the province list is then ignored); false covers only moderatedProvinceCodes, and none when that is empty. Left out, as the public contract has it: an empty or missing moderatedProvinceCodes means all provinces.',
    })
    allProvinces: boolean | null,
  ): Promise<UserType> {
    const actor = requireAdmin(ctx);
    // The contract's reading ("empty means all") unless the caller says which it means.
    const nationwide = allProvinces ?? !moderatedProvinceCodes?.length;
    return toUserType(await this.accounts.setRoles(actor, userId, roles, moderatedProvinceCodes ?? undefined, nationwide));
  }

  @Mutation(() => UserType, {
    description: 'Admins only: a disabled account is refused from its next request on (its sessions end). Admins cannot disable themselves or the last enabled admin.',
  })
  async setUserDisabled(
    @Context() ctx: GqlContext,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('disabled') disabled: boolean,
  ): Promise<UserType> {
    const actor = requireAdmin(ctx);
    return toUserType(await this.accounts.setDisabled(actor, userId, disabled));
  }

  @Mutation(() => Int, {
    description:
      'Admins only: signs another account out everywhere (every session ends; the account stays enabled and signs in again with its password and second factor). Audited; returns how many sessions ended. An admin\'s own sessions: endAllSessions.',
  })
  async endUserSessions(@Context() ctx: GqlContext, @Args('userId', { type: () => ID }) userId: string): Promise<number> {
    const actor = requireAdmin(ctx);
    return this.accounts.endSessionsOf(actor, userId);
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for the user themself and for admins; null for everyone else.' })
  email(@Parent() user: UserType, @Context() ctx: GqlContext): string | null {
    return selfOrAdmin(user, ctx) ? user.email : null;
  }

  @ResolveField(() => Date, { nullable: true, description: 'When the account was registered. Only for the user themself and for admins; null for everyone else.' })
  registeredAt(@Parent() user: UserType, @Context() ctx: GqlContext): Date | null {
    return selfOrAdmin(user, ctx) ? (user.registeredAt ?? null) : null;
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'Whether the account was activated from the e-mailed link (until then it cannot sign in). Only for the user themself and for admins; null for everyone else.',
  })
  activated(@Parent() user: UserType, @Context() ctx: GqlContext): boolean | null {
    return selfOrAdmin(user, ctx) ? !!user.activatedAt : null;
  }

  @ResolveField(() => Date, {
    nullable: true,
    description: 'Admins only: when the account last signed in or made a request (recorded at most once a minute per session); null when it never signed in, and for everyone else.',
  })
  lastActiveAt(@Parent() user: UserType, @Context() ctx: GqlContext): Date | null {
    return ctx.viewer && isAdmin(ctx.viewer) ? (user.lastActiveAt ?? null) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The interface language the account last used, "vi" or "en" (its e-mails come in it first): a storefront signing the user in without a language asked for adopts it. Only for the user themself; null for everyone else.',
  })
  language(@Parent() user: UserType, @Context() ctx: GqlContext): string | null {
    return user.isSelf || ctx.viewer?.id === user.id ? (user.language ?? null) : null;
  }

  @ResolveField(() => [ProvinceType], {
    description: 'Provinces a moderator may moderate; empty means all (allProvinces true), except for a moderator explicitly given none (allProvinces false).',
  })
  moderatedProvinces(@Parent() user: UserType, @Context() ctx: GqlContext): ProvinceType[] {
    return user.moderatedProvinceCodes.map((c) => this.reference.province(c, ctx.lang)).filter((p): p is ProvinceType => !!p);
  }
}
