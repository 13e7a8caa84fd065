import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode } from '@techport/shared';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError } from './errors.js';

type Limit =
  | 'loginPerIp'
  | 'loginFailuresPerAccountAndIp'
  | 'loginDelay'
  | 'loginFailuresPerAccount'
  | 'secondFactorFailuresPerAccountAndIp'
  | 'secondFactorFailuresPerAccount'
  | 'secondFactorDelay'
  | 'registerPerIp'
  | 'registerExistingMail'
  | 'activationMailPerAccount'
  | 'passwordResetPerIp'
  | 'passwordResetPerAccount'
  | 'messagesPerAccount'
  | 'messagesPerIp'
  | 'invitationsPerAccount'
  | 'invitationsPerAddress'
  | 'anonymousViewsPerIp';

/** The first delay after the free failures; each further failure doubles it, up to MAX_DELAY_SECONDS. */
const FIRST_DELAY_SECONDS = 5;
const MAX_DELAY_SECONDS = 15 * 60;

/**
 * Seconds an account+source pair waits after its n-th failure in the hour (0 while still free):
 * wrong passwords (AccountsService.login) and wrong second-factor codes (SecondFactorService).
 * OWASP: growing delays, not lock-out.
 */
export function loginDelaySeconds(failures: number, freeFailures: number): number {
  const beyond = failures - freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** Math.min(beyond - 1, 20));
}

/**
 * Rate limits kept in PostgreSQL (rate-limiter-flexible), so they hold across API replicas and
 * restarts. Windows: login 15 min per source; failed sign-ins counted per account AND source
 * for an hour (they set growing delays, see AccountsService.login) and per account for an hour
 * (to warn the owner, never to refuse); wrong second-factor codes per account AND source for an
 * hour, with the same growing delays (SecondFactorService); registration 1 hour; password-reset requests 1 hour;
 * messages 1 minute; invitations to join an organisation 1 hour per inviting account and a day
 * per invited address; anonymous listing views counted a day per source. Limits come from the configuration.
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
    // Counters only (points never run out): the login rules read how many failures there were.
    this.limiters.set('loginFailuresPerAccountAndIp', make('login_fail_src', 1_000_000, 60 * 60));
    this.limiters.set('loginFailuresPerAccount', make('login_fail_acct', 1_000_000, 60 * 60));
    // Set with `delay`: the account+source pair must wait this long before its next attempt.
    this.limiters.set('loginDelay', make('login_delay', 1, 1));
    this.limiters.set('registerExistingMail', make('reg_existing', 1_000_000, 60 * 60));
    this.limiters.set('activationMailPerAccount', make('activation_mail', 1_000_000, 60 * 60));
    this.limiters.set('passwordResetPerIp', make('reset_ip', c.RATE_LIMIT_PASSWORD_RESET_PER_IP, 60 * 60));
    this.limiters.set('passwordResetPerAccount', make('reset_acct', c.RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT, 60 * 60));
    // Wrong second-factor codes per account AND source (a counter), and the wait they set: like
    // passwords, so someone holding the password cannot keep the owner's code step shut.
    this.limiters.set('secondFactorFailuresPerAccountAndIp', make('2fa_fail_src', 1_000_000, 60 * 60));
    // Counted only: wrong codes after a right password, from anywhere (the owner is warned once per window).
    this.limiters.set('secondFactorFailuresPerAccount', make('2fa_fail_acct', 1_000_000, 60 * 60));
    this.limiters.set('secondFactorDelay', make('2fa_delay', 1, 1));
    this.limiters.set('registerPerIp', make('register_ip', c.RATE_LIMIT_REGISTER_PER_IP, 60 * 60));
    this.limiters.set('messagesPerAccount', make('msg_user', c.RATE_LIMIT_MESSAGES_PER_ACCOUNT, 60));
    this.limiters.set('messagesPerIp', make('msg_ip', c.RATE_LIMIT_MESSAGES_PER_IP, 60));
    // Invitations send an e-mail to any address the owner types: bounded per owner and per mailbox.
    this.limiters.set('invitationsPerAccount', make('invite_acct', c.RATE_LIMIT_INVITATIONS_PER_ACCOUNT, 60 * 60));
    this.limiters.set('invitationsPerAddress', make('invite_addr', c.RATE_LIMIT_INVITATIONS_PER_ADDRESS, 24 * 60 * 60));
    this.limiters.set('anonymousViewsPerIp', make('view_ip', c.RATE_LIMIT_ANONYMOUS_VIEWS_PER_IP, 24 * 60 * 60));
  }

  /** Takes one point; throws RATE_LIMITED (with the seconds to wait) when none is left. */
  async consume(limit: Limit, key: string): Promise<void> {
    try {
      await this.limiters.get(limit)!.consume(storedKey(key));
    } catch (res) {
      if (res instanceof RateLimiterRes) throw rateLimited(Math.ceil(res.msBeforeNext / 1000));
      throw res;
    }
  }

  /** Takes one point if one is left: whether it was (for limits that quietly stop counting instead of refusing). */
  async tryTake(limit: Limit, key: string): Promise<boolean> {
    try {
      await this.limiters.get(limit)!.consume(storedKey(key));
      return true;
    } catch (res) {
      if (res instanceof RateLimiterRes) return false;
      throw res;
    }
  }

  /** Counts one event for a counter-only limit and answers how many there are in its window. */
  async count(limit: Limit, key: string): Promise<number> {
    const res = await this.limiters.get(limit)!.consume(storedKey(key));
    return res.consumedPoints;
  }

  /** Makes the key wait `seconds` before its next attempt (checked with `isBlocked`). */
  async delay(limit: Limit, key: string, seconds: number): Promise<void> {
    await this.limiters.get(limit)!.block(storedKey(key), seconds);
  }

  /** Whether the key is currently out of points (without taking one). */
  async isBlocked(limit: Limit, key: string): Promise<number> {
    const res = await this.limiters.get(limit)!.get(storedKey(key));
    const max = this.limiters.get(limit)!.points;
    return res && res.consumedPoints >= max ? Math.ceil(res.msBeforeNext / 1000) : 0;
  }

  /** Gives back a point taken by `consume` (an attempt that turned out not to count). */
  async refund(limit: Limit, key: string): Promise<void> {
    await this.limiters.get(limit)!.reward(storedKey(key), 1);
  }

  /**
   * Runs an attempt that costs a point of `limit` only if it fails: the point is taken first (so
   * RATE_LIMITED comes before any work once the key is out of points) and given back when
   * `succeeded` says so (a sign-in with the right password).
   */
  async chargeFailures<T>(limit: Limit, key: string, attempt: () => Promise<T>, succeeded: (err: unknown) => boolean = () => false): Promise<T> {
    await this.consume(limit, key);
    try {
      const result = await attempt();
      await this.refund(limit, key);
      return result;
    } catch (err) {
      if (succeeded(err)) await this.refund(limit, key);
      throw err;
    }
  }

  async reset(limit: Limit, key: string): Promise<void> {
    await this.limiters.get(limit)!.delete(storedKey(key));
  }
}

/**
 * The key as stored: the table's key column holds 255 characters (with the limit's prefix), and
 * keys carry what clients send (an e-mail address, "address|client"): long ones are hashed.
 */
function storedKey(key: string): string {
  return key.length <= 200 ? key : `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

export function rateLimited(retryAfterSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(ErrorCode.RATE_LIMITED, {
    vi: `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${minutes} phút.`,
    en: `Too many attempts. Please try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
  });
}
