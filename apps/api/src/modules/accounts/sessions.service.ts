import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { Errors } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import { TokenService } from './token.service.js';
import { UserSessionEntity } from './user-session.entity.js';
import catalogue from './sessions.service.messages.json' with { type: 'json' };

/** Where a request comes from, as recorded on its session. */
export interface ClientInfo {
  userAgent: string | null;
  address: string | null;
}

/**
 * The client of a request. The storefront calls the API from its server and passes its visitor's
 * User-Agent and address (X-Forwarded-For) on; `req.ip` is the visitor's address only when the
 * API trusts that hop (TRUST_PROXY), otherwise it is the caller's own address.
 */
export function clientOf(req: Request | undefined): ClientInfo {
  const ua = req?.headers['user-agent'];
  return {
    userAgent: typeof ua === 'string' && ua.trim() ? ua.trim().slice(0, 500) : null,
    address: req?.ip ? req.ip.replace(/^::ffff:/, '').slice(0, 64) : null,
  };
}

/** last_seen_at is written at most this often per session, not on every request. */
export const LAST_SEEN_GRANULARITY_MS = 60_000;

const M = catalogue;

/**
 * Signed-in sessions (user_session): one row per bearer token, keyed by the token's id. A token
 * is accepted only while its row exists (AccountsService.viewerFromToken joins it), so ending a
 * session is deleting its row.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('SessionsService');

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
  ) {}

  /** Signs a user in: a new token and its session row (inside the caller's transaction when given). */
  async open(em: EntityManager | null, userId: string, client: ClientInfo): Promise<{ token: string; sessionId: string }> {
    const manager = em ?? this.ds.manager;
    const { token, tokenId, expiresAt } = await this.tokens.issue(userId);
    const now = this.clock.now();
    await manager.insert(UserSessionEntity, {
      id: tokenId,
      userId,
      userAgent: client.userAgent,
      ipAddress: client.address,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    });
    await manager.query(`UPDATE app_user SET last_active_at = $2 WHERE id = $1`, [userId, now]);
    // Sessions whose tokens have expired are refused anyway; forget them (by index, a few rows at a time).
    await manager.query(`DELETE FROM user_session WHERE id IN (SELECT id FROM user_session WHERE expires_at < now() LIMIT 100)`);
    return { token, sessionId: tokenId };
  }

  /**
   * Records that a session was used: at most one write a minute per session (the viewer lookup
   * passes the last_seen_at it read, so most requests write nothing). The condition in SQL keeps
   * concurrent requests from writing twice.
   */
  async touch(sessionId: string, lastSeenAt: Date, client: ClientInfo): Promise<void> {
    const now = this.clock.now();
    if (now.getTime() - lastSeenAt.getTime() < LAST_SEEN_GRANULARITY_MS) return;
    try {
      // The account's last_active_at with it, in the same statement (only when the session's row was written).
      await this.ds.query(
        `WITH touched AS (
           UPDATE user_session SET last_seen_at = $2, ip_address = COALESCE($3, ip_address), user_agent = COALESCE($4, user_agent)
           WHERE id = $1 AND last_seen_at <= $5 RETURNING user_id
         )
         UPDATE app_user SET last_active_at = $2 FROM touched WHERE app_user.id = touched.user_id AND (app_user.last_active_at IS NULL OR app_user.last_active_at < $2)`,
        [sessionId, now, client.address, client.userAgent, new Date(now.getTime() - LAST_SEEN_GRANULARITY_MS)],
      );
    } catch (err) {
      // Last-seen is informative: a failed write must not fail the request.
      this.logger.warn(`could not record last-seen of a session: ${(err as Error).message}`);
    }
  }

  /** The account's sessions whose tokens have not expired, most recently used first. */
  list(userId: string): Promise<UserSessionEntity[]> {
    return this.ds
      .getRepository(UserSessionEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.expires_at > now()', { userId })
      .orderBy('s.last_seen_at', 'DESC')
      .addOrderBy('s.created_at', 'DESC')
      .getMany();
  }

  /** Ends one of the user's own sessions; NOT_FOUND for anyone else's (or an ended one). */
  async end(userId: string, sessionId: string): Promise<void> {
    if (!isUuid(sessionId)) throw Errors.invalidField('id', M.badId);
    const result = await this.ds.query(`DELETE FROM user_session WHERE id = $1 AND user_id = $2`, [sessionId, userId]);
    // pg's DELETE result through TypeORM's query(): [rows, affectedCount].
    if (!(result as [unknown[], number])[1]) throw Errors.notFound(M.session);
  }

  /**
   * Ends every session of a user, except `exceptSessionId` (the caller's own, e.g. after a password
   * change), in the caller's transaction: their tokens are refused from the next request on.
   * Returns how many ended. For password changes and resets, role changes, disabling.
   */
  async endAllForUser(em: EntityManager, userId: string, exceptSessionId?: string | null): Promise<number> {
    const result = exceptSessionId
      ? await em.query(`DELETE FROM user_session WHERE user_id = $1 AND id <> $2`, [userId, exceptSessionId])
      : await em.query(`DELETE FROM user_session WHERE user_id = $1`, [userId]);
    return (result as [unknown[], number])[1];
  }
}
