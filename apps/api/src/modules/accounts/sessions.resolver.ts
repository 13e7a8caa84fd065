import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth/viewer.js';
import { SessionsService } from './sessions.service.js';
import { UserSessionType } from './sessions.types.js';
import { describeUserAgent } from './user-agent.js';

@Resolver(() => UserSessionType)
export class SessionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly ds: DataSource,
  ) {}

  @Query(() => [UserSessionType], { description: 'The caller’s active sessions: the current one first (marked), then the most recently used.' })
  async mySessions(@Context() ctx: GqlContext): Promise<UserSessionType[]> {
    const viewer = requireViewer(ctx);
    const rows = await this.sessions.list(viewer.id);
    const current = viewer.session?.tokenId;
    rows.sort((a, b) => Number(b.id === current) - Number(a.id === current));
    return rows.map((s) => ({
      id: s.id,
      current: s.id === viewer.session?.tokenId,
      ...describeUserAgent(s.userAgent),
      userAgent: s.userAgent,
      ipAddress: s.ipAddress,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
    }));
  }

  @Mutation(() => Boolean, { description: 'Signs one of the caller’s sessions out (its token is refused from now on); it may be the current one.' })
  async endSession(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.sessions.end(requireViewer(ctx).id, id);
    return true;
  }

  @Mutation(() => Int, { description: 'Signs the caller out everywhere (with keepCurrent, everywhere but here); returns how many sessions ended.' })
  endAllSessions(
    @Context() ctx: GqlContext,
    @Args('keepCurrent', { type: () => Boolean, defaultValue: false }) keepCurrent: boolean,
  ): Promise<number> {
    const viewer = requireViewer(ctx);
    return this.ds.transaction((em) => this.sessions.endAllForUser(em, viewer.id, keepCurrent ? viewer.session?.tokenId : null));
  }
}
