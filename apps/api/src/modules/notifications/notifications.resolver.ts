import { Args, Context, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth/viewer.js';
import { Errors } from '../../common/errors.js';
import { NotificationsService } from './notifications.service.js';
import type { NotificationEntity } from './notification.entity.js';

@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field({ description: "In the request's language." }) title: string;
  @Field({ description: "In the request's language." }) body: string;
  @Field(() => String, { nullable: true }) url: string | null;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
  @Field(() => Date) createdAt: Date;
}

function toType(n: NotificationEntity, lang: 'vi' | 'en'): NotificationType {
  return {
    id: n.id,
    kind: n.kind,
    title: lang === 'en' ? n.titleEn : n.titleVi,
    body: lang === 'en' ? n.bodyEn : n.bodyVi,
    url: n.url,
    readAt: n.readAt,
    createdAt: n.createdAt,
  };
}

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => [NotificationType], { description: "The caller's notifications, newest first (at most 100)." })
  async notifications(
    @Context() ctx: GqlContext,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean | null,
  ): Promise<NotificationType[]> {
    const viewer = requireViewer(ctx);
    return (await this.service.list(viewer.id, unreadOnly ?? false)).map((n) => toType(n, ctx.lang));
  }

  @Query(() => Int)
  async unreadNotificationCount(@Context() ctx: GqlContext): Promise<number> {
    return this.service.unreadCount(requireViewer(ctx).id);
  }

  @Mutation(() => Int, { description: 'Marks the given notifications of the caller read; returns how many changed.' })
  async markNotificationsRead(@Context() ctx: GqlContext, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<number> {
    return this.service.markRead(requireViewer(ctx).id, ids);
  }

  @Mutation(() => Int, {
    description:
      "Marks the caller's unread notifications that link to this storefront path read (the page was opened); returns how many changed. The query string is ignored.",
  })
  async markNotificationsReadByUrl(@Context() ctx: GqlContext, @Args('url') url: string): Promise<number> {
    const viewer = requireViewer(ctx);
    const path = url.split(/[?#]/)[0].slice(0, 500);
    if (!path.startsWith('/')) throw Errors.invalidField('url', { vi: 'Địa chỉ phải là đường dẫn bắt đầu bằng /.', en: 'The address must be a path starting with /.' });
    return this.service.markReadByUrl(viewer.id, path);
  }

  @Mutation(() => Int)
  async markAllNotificationsRead(@Context() ctx: GqlContext): Promise<number> {
    return this.service.markRead(requireViewer(ctx).id, 'all');
  }
}
