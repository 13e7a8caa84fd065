import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode } from '@techport/shared';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError } from './errors.js';

type Limit = 'loginPerIp' | 'loginFailuresPerAccount' | 'secondFactorFailuresPerAccount' | 'registerPerIp' | 'messagesPerAccount' | 'messagesPerIp';

/**
 * Rate limits kept in PostgreSQL (rate-limiter-flexible), so they hold across API replicas and
 * restarts. Windows: login 15 min, failed logins per account 15 min (then blocked 15 min),
 * registration 1 hour, messages 1 minute. Limits come from the configuration.
 */
@Injectable()
export class RateLimitService implements OnModuleInit {
  private limiters = new Map<Limit, RateLimiterPostgres>();

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const pool = (this.ds.driver as unknown as { master: unknown }).master;
    const make = (keyPrefix: string, points: number, duration: number, blockDuration = 0) =>
      new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: 'rate_limit', tableCreated: true, keyPrefix, points, duration, blockDuration, clearExpiredByTimeout: false });
    const c = this.config;
    this.limiters.set('loginPerIp', make('login_ip', c.RATE_LIMIT_LOGIN_PER_IP, 15 * 60));
    this.limiters.set('loginFailuresPerAccount', make('login_fail', c.RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT, 15 * 60, 15 * 60));
    this.limiters.set('secondFactorFailuresPerAccount', make('2fa_fail', c.RATE_LIMIT_SECOND_FACTOR_FAILURES, 15 * 60, 15 * 60));
    this.limiters.set('registerPerIp', make('register_ip', c.RATE_LIMIT_REGISTER_PER_IP, 60 * 60));
    this.limiters.set('messagesPerAccount', make('msg_user', c.RATE_LIMIT_MESSAGES_PER_ACCOUNT, 60));
    this.limiters.set('messagesPerIp', make('msg_ip', c.RATE_LIMIT_MESSAGES_PER_IP, 60));
  }

  /** Takes one point; throws RATE_LIMITED (with the seconds to wait) when none is left. */
  async consume(limit: Limit, key: string): Promise<void> {
    try {
      await this.limiters.get(limit)!.consume(key);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw rateLimited(Math.ceil(res.msBeforeNext / 1000));
      throw res;
    }
  }

  /** Whether the key is currently out of points (without taking one). */
  async isBlocked(limit: Limit, key: string): Promise<number> {
    const res = await this.limiters.get(limit)!.get(key);
    const max = this.limiters.get(limit)!.points;
    return res && res.consumedPoints >= max ? Math.ceil(res.msBeforeNext / 1000) : 0;
  }

  async reset(limit: Limit, key: string): Promise<void> {
    await this.limiters.get(limit)!.delete(key);
  }
}

export function rateLimited(retryAfterSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(ErrorCode.RATE_LIMITED, {
    vi: `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${minutes} phút.`,
    en: `Too many attempts. Please try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
  });
}
