import { Args, Context, Mutation, Parent, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth/viewer.js';
import { Errors } from '../../common/errors.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { UserType } from '../accounts/accounts.types.js';
import { toUserType } from '../accounts/accounts.resolver.js';
import { AlertEmails } from '../accounts/user.entity.js';
import { MatchDigestService } from './match-digest.service.js';

registerEnumType(AlertEmails, {
  name: 'AlertEmails',
  description: 'How match and saved-search alerts come by e-mail (they always appear in the app at once).',
  valuesMap: {
    EACH: { description: 'One e-mail per alert, as it comes.' },
    DAILY: { description: 'One e-mail a day with the day’s alerts (the daily digest).' },
    OFF: { description: 'No alert e-mails; account, deal and security e-mails still come.' },
  },
});

/** User.alertEmails (and the older notificationDigest) and setNotificationPreferences: how the caller gets their alerts by e-mail. */
@Resolver(() => UserType)
export class NotificationPreferencesResolver {
  constructor(
    private readonly digest: MatchDigestService,
    private readonly accounts: AccountsService,
  ) {}

  @Mutation(() => UserType, {
    description:
      'How match and saved-search alerts come by e-mail. alertEmails: EACH, DAILY or OFF (alerts created while OFF are never e-mailed later). digest (older form): true = DAILY, false = EACH. Leaving DAILY for EACH sends the alerts waiting for a digest at once. Exactly one of the two.',
  })
  async setNotificationPreferences(
    @Context() ctx: GqlContext,
    @Args('digest', { type: () => Boolean, nullable: true }) digest?: boolean | null,
    @Args('alertEmails', { type: () => AlertEmails, nullable: true }) alertEmails?: AlertEmails | null,
  ): Promise<UserType> {
    const viewer = requireViewer(ctx);
    if ((digest == null) === (alertEmails == null)) {
      throw Errors.badInput({
        alertEmails: { vi: 'Hãy chọn một cách nhận e-mail thông báo: alertEmails (hoặc digest), chỉ một trong hai', en: 'Choose how alerts come by e-mail: alertEmails (or digest), one of the two' },
      });
    }
    const mode = alertEmails ?? (digest ? AlertEmails.DAILY : AlertEmails.EACH);
    return { ...toUserType(await this.digest.setAlertEmails(viewer, mode)), isSelf: true };
  }

  @ResolveField(() => AlertEmails, { nullable: true, description: 'How alerts come by e-mail. The user themself only; null for everyone else.' })
  async alertEmails(@Parent() user: UserType, @Context() ctx: GqlContext): Promise<AlertEmails | null> {
    if (!(user.isSelf || ctx.viewer?.id === user.id)) return null;
    const row = await this.accounts.findById(user.id);
    return row?.alertEmails ?? AlertEmails.EACH;
  }

  @ResolveField(() => Boolean, { nullable: true, description: 'Whether alerts come as a daily digest e-mail (alertEmails is DAILY). The user themself only; null for everyone else.' })
  async notificationDigest(@Parent() user: UserType, @Context() ctx: GqlContext): Promise<boolean | null> {
    const mode = await this.alertEmails(user, ctx);
    return mode === null ? null : mode === AlertEmails.DAILY;
  }
}
