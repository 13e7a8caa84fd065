import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { requireAdmin, requireViewer } from '../../common/auth/viewer.js';
import { RateLimitService } from '../../common/rate-limit.service.js';
import { SessionsService, clientOf } from '../accounts/sessions.service.js';
import { AuthPayload, UserType } from '../accounts/accounts.types.js';
import { selfOrAdmin, toUserType } from '../accounts/accounts.resolver.js';
import { UserEntity } from '../accounts/user.entity.js';
import { SecondFactorService } from './second-factor.service.js';
import { RecoveryCodesType, SecondFactorSetupType } from './second-factor.types.js';

@Resolver(() => UserType)
export class SecondFactorResolver {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly sessions: SessionsService,
    private readonly limits: RateLimitService,
  ) {}

  @Mutation(() => AuthPayload, {
    description:
      'Second step of signing in to an account with two-step verification: the `challenge` from `login`\'s error (extensions.challenge, reason SECOND_FACTOR_CODE_REQUIRED) and a 6-digit code from the authenticator or an unused recovery code.',
  })
  async completeLogin(@Context() ctx: GqlContext, @Args('challenge') challenge: string, @Args('code') code: string): Promise<AuthPayload> {
    const user = await this.limits.chargeFailures('loginPerIp', ctx.req.ip ?? 'unknown', () => this.secondFactor.completeLogin(challenge, code));
    // Like every sign-in, the second step opens a session (a user_session row: listed, endable).
    const { token } = await this.sessions.open(null, user.id, clientOf(ctx.req));
    return { token, user: { ...toUserType(user), isSelf: true } };
  }

  @Mutation(() => SecondFactorSetupType, {
    description:
      'Starts enrolling an authenticator app for the signed-in account (a new secret each time). An account that has one already moves to a new app this way: `currentCode` (a code of the current app, or a recovery code) is then required (without it: CONFLICT, as enrolled already; a wrong one: BAD_USER_INPUT on currentCode), and confirmSecondFactorEnrolment replaces the old app (and its recovery codes) with the new one.',
  })
  startSecondFactorEnrolment(
    @Context() ctx: GqlContext,
    @Args('currentCode', { type: () => String, nullable: true }) currentCode?: string | null,
  ): Promise<SecondFactorSetupType> {
    return this.secondFactor.startEnrolment(requireViewer(ctx), currentCode);
  }

  @Mutation(() => RecoveryCodesType, { description: 'Confirms the enrolment with a code from the app; answers the 10 recovery codes, shown only this once.' })
  async confirmSecondFactorEnrolment(@Context() ctx: GqlContext, @Args('code') code: string): Promise<RecoveryCodesType> {
    return { codes: await this.secondFactor.confirmEnrolment(requireViewer(ctx), code) };
  }

  @Mutation(() => RecoveryCodesType, { description: 'A new set of recovery codes (the previous set stops working), after a current code.' })
  async regenerateRecoveryCodes(@Context() ctx: GqlContext, @Args('code') code: string): Promise<RecoveryCodesType> {
    return { codes: await this.secondFactor.regenerateRecoveryCodes(requireViewer(ctx), code) };
  }

  @Mutation(() => UserType, { description: 'Turns two-step verification off, after a current code. Members only: staff must keep it.' })
  async disableSecondFactor(@Context() ctx: GqlContext, @Args('code') code: string): Promise<UserType> {
    return { ...toUserType(await this.secondFactor.disable(requireViewer(ctx), code)), isSelf: true };
  }

  @Mutation(() => UserType, { description: 'Admins only: removes an account\'s second factor (lost phone); staff roles wait until it enrols again. Audited.' })
  async resetUserSecondFactor(@Context() ctx: GqlContext, @Args('userId', { type: () => ID }) userId: string): Promise<UserType> {
    const admin = requireAdmin(ctx);
    return toUserType(await this.secondFactor.resetFor(admin, userId));
  }

  @ResolveField(() => Boolean, { nullable: true, description: 'Whether two-step verification is on. Only for the user themself and for admins.' })
  secondFactorEnabled(@Parent() user: UserType, @Context() ctx: GqlContext): boolean | null {
    return selfOrAdmin(user, ctx) ? !!user.secondFactorEnabledAt : null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Unused recovery codes left. Only for the user themself.' })
  recoveryCodesLeft(@Parent() user: UserType, @Context() ctx: GqlContext): Promise<number> | null {
    const self = user.isSelf || ctx.viewer?.id === user.id;
    return self && user.secondFactorEnabledAt ? this.secondFactor.recoveryCodesLeft(user.id) : self ? Promise.resolve(0) : null;
  }
}

export type { UserEntity };
