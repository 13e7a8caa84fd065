import type { Type } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { REJECTION_REASON_LABELS, type RejectionReason } from '@techport/shared';
import type { GqlContext } from '../../common/context.js';
import { t } from '../../common/i18n.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { UserType } from '../accounts/accounts.types.js';
import { toUserType } from '../accounts/accounts.resolver.js';
import { userLoader } from '../accounts/user.loader.js';

/** What every kind's audit-trail GraphQL type carries for these field resolvers. */
export interface ModerationEventFields {
  actorId: string | null;
  reason: RejectionReason | null;
}

/**
 * The field resolvers of a kind's audit-trail type (ListingEvent, ExpertProfileEvent…): who did
 * it, and the reason in the request's language. `actorDescription` is the kind's schema text.
 */
export function moderationEventResolver<T extends ModerationEventFields>(eventType: Type<T>, actorDescription: string) {
  @Resolver(() => eventType)
  class ModerationEventResolver {
    constructor(readonly accounts: AccountsService) {}

    @ResolveField(() => UserType, { nullable: true, description: actorDescription })
    async actor(@Parent() e: T, @Context() ctx: GqlContext): Promise<UserType | null> {
      if (!e.actorId) return null;
      const user = await userLoader(ctx, this.accounts).load(e.actorId);
      return user ? toUserType(user) : null;
    }

    @ResolveField(() => String, { nullable: true, description: "The reason in the request's language." })
    reasonLabel(@Parent() e: T, @Context() ctx: GqlContext): string | null {
      return e.reason ? t(REJECTION_REASON_LABELS[e.reason], ctx.lang) : null;
    }
  }
  return ModerationEventResolver;
}
