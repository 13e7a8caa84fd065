import { Args, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { isAdmin, requireAdmin } from '../../common/auth/viewer.js';
import { Role } from '../../common/graphql-enums.js';
import { PageInput, pageWindow, Paginated } from '../../common/pagination.js';
import { ReferenceService } from '../reference/reference.service.js';
import { ProvinceType } from '../reference/reference.types.js';
import { AccountsService } from './accounts.service.js';
import { AuthPayload, UserType } from './accounts.types.js';
import { RegisterInput } from './dto/accounts.inputs.js';
import { UserEntity } from './user.entity.js';
import { DataSource } from 'typeorm';
import { RateLimitService } from '../../common/rate-limit.service.js';

export function toUserType(u: UserEntity): UserType {
  return { id: u.id, email: u.email, displayName: u.displayName, roles: u.roles, moderatedProvinceCodes: u.moderatedProvinceCodes, disabled: u.disabled, secondFactorEnabledAt: u.totpEnabledAt };
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

  @Query(() => UserPage, { description: 'Admins only: find accounts by e-mail or name.' })
  async users(
    @Context() ctx: GqlContext,
    @Args('query', { type: () => String, nullable: true }) query: string | null,
    @Args('page', { type: () => PageInput, nullable: true }) page: PageInput,
  ): Promise<UserPage> {
    requireAdmin(ctx);
    const { offset, pageSize, page: p } = pageWindow(page);
    const qb = this.ds.getRepository(UserEntity).createQueryBuilder('u');
    if (query?.trim()) qb.where('(u.email ILIKE :q OR u.display_name ILIKE :q)', { q: `%${query.trim().replace(/[\\%_]/g, (c) => '\\' + c)}%` });
    const [rows, totalItems] = await qb.orderBy('u.created_at', 'DESC').skip(offset).take(pageSize).getManyAndCount();
    return { items: rows.map(toUserType), totalItems, page: p, pageSize };
  }

  @Mutation(() => AuthPayload)
  async register(@Context() ctx: GqlContext, @Args('input') input: RegisterInput): Promise<AuthPayload> {
    await this.limits.consume('registerPerIp', ctx.req.ip ?? 'unknown');
    const { token, user } = await this.accounts.register(input);
    return { token, user: { ...toUserType(user), isSelf: true } };
  }

  @Mutation(() => AuthPayload)
  async login(@Context() ctx: GqlContext, @Args('email') email: string, @Args('password') password: string): Promise<AuthPayload> {
    await this.limits.consume('loginPerIp', ctx.req.ip ?? 'unknown');
    const { token, user } = await this.accounts.login(email, password);
    return { token, user: { ...toUserType(user), isSelf: true } };
  }

  @Mutation(() => Boolean, {
    description:
      'Ends the session of the token that sends it: that token is refused from now on (the account\'s other sessions stay). False when the request carried no valid token.',
  })
  logout(@Context() ctx: GqlContext): Promise<boolean> {
    return this.accounts.logout(ctx.viewer);
  }

  @Mutation(() => UserType, { description: 'Admins only.' })
  async setUserRoles(
    @Context() ctx: GqlContext,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('roles', { type: () => [Role] }) roles: Role[],
    @Args('moderatedProvinceCodes', { type: () => [String], nullable: true }) moderatedProvinceCodes: string[] | null,
  ): Promise<UserType> {
    const admin = requireAdmin(ctx);
    return toUserType(await this.accounts.setRoles(admin, userId, roles, moderatedProvinceCodes ?? undefined));
  }

  @Mutation(() => UserType, { description: 'Admins only: a disabled account is refused from its next request on.' })
  async setUserDisabled(
    @Context() ctx: GqlContext,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('disabled') disabled: boolean,
  ): Promise<UserType> {
    const admin = requireAdmin(ctx);
    return toUserType(await this.accounts.setDisabled(admin, userId, disabled));
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for the user themself and for admins; null for everyone else.' })
  email(@Parent() user: UserType, @Context() ctx: GqlContext): string | null {
    return user.isSelf || (ctx.viewer && (ctx.viewer.id === user.id || isAdmin(ctx.viewer))) ? user.email : null;
  }

  @ResolveField(() => [ProvinceType], { description: 'Provinces a moderator may moderate; empty means all.' })
  moderatedProvinces(@Parent() user: UserType, @Context() ctx: GqlContext): ProvinceType[] {
    return user.moderatedProvinceCodes.map((c) => this.reference.province(c, ctx.lang)).filter((p): p is ProvinceType => !!p);
  }
}
