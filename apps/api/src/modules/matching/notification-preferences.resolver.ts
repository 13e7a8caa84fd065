import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth/viewer.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { UserType } from '../accounts/accounts.types.js';
import { toUserType } from '../accounts/accounts.resolver.js';
import { MatchDigestService } from './match-digest.service.js';

/** User.notificationDigest and setNotificationPreferences: how the caller gets their alerts by e-mail. */
@Resolver(() => UserType)
export class NotificationPreferencesResolver {
  constructor(
    private readonly digest: MatchDigestService,
    private readonly accounts: AccountsService,
  ) {}

  @Mutation(() => UserType, {
    description:
      'digest: true = match and saved-search alerts are e-mailed together once a day (they still appear in the app at once); false = one e-mail each (alerts waiting for a digest are sent now).',
  })
  async setNotificationPreferences(@Context() ctx: GqlContext, @Args('digest', { type: () => Boolean }) digest: boolean): Promise<UserType> {
    const viewer = requireViewer(ctx);
    return { ...toUserType(await this.digest.setDigest(viewer, digest)), isSelf: true };
  }

  @ResolveField(() => Boolean, { nullable: true, description: 'Whether alerts come as a daily digest e-mail. The user themself only; null for everyone else.' })
  async notificationDigest(@Parent() user: UserType, @Context() ctx: GqlContext): Promise<boolean | null> {
    if (!(user.isSelf || ctx.viewer?.id === user.id)) return null;
    const row = await this.accounts.findById(user.id);
    return row?.notificationDigest ?? false;
  }
}
