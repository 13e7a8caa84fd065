import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, Role } from '@techport/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError, Errors } from '../../common/errors.js';
import { Clock } from '../../common/clock.js';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { loginDelaySeconds, RateLimitService, rateLimited } from '../../common/rate-limit.service.js';
import { AccountMailService } from '../accounts/account-mail.service.js';
import { SessionsService } from '../accounts/sessions.service.js';
import { currentRequestSource } from '../../common/request-context.js';
import { UserEntity } from '../accounts/user.entity.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import { RecoveryCodeEntity } from './recovery-code.entity.js';
import {
  RECOVERY_CODE_COUNT,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCode,
  newTotpSecret,
  normalizeCode,
  otpauthUri,
  qrCodeSvg,
  verifyTotp,
} from './totp.js';
import catalogue from './second-factor.service.messages.json' with { type: 'json' };

/** `extensions.reason` of `login`'s answer when the password was right and a code is needed. */
export const SECOND_FACTOR_CODE_REQUIRED = 'SECOND_FACTOR_CODE_REQUIRED';
/** How long the challenge from the password step may be used for the code step. */
const CHALLENGE_TTL_SECONDS = 5 * 60;
const CHALLENGE_ISSUER = 'techport-second-factor';

const M = catalogue;

interface ChallengeClaims {
  userId: string;
}

/**
 * Second factor: TOTP authenticators (RFC 6238) and one-time recovery codes.
 *  - Enrolment: `startEnrolment` keeps a pending secret and gives the QR code; `confirmEnrolment`
 *    with a code from the app turns it on and hands out 10 recovery codes, once.
 *  - Sign-in of an enrolled account: `login` answers a short-lived signed challenge instead of a
 *    session token (`challengeError`); `completeLogin` takes it with a code and issues the session.
 *  - Codes are replay-protected (a time step is accepted once) and wrong ones are counted per
 *    account AND source (the client address) like wrong passwords: after
 *    RATE_LIMIT_SECOND_FACTOR_FAILURES of them in an hour that pair waits before each next code,
 *    5 s doubling up to 15 minutes. A source that has not been failing is never slowed, so
 *    someone who has the password cannot keep the owner out of their own code step.
 * Moderators and admins need one for their roles to act (AccountsService.viewerFromToken).
 */
@Injectable()
export class SecondFactorService {
  private readonly key: Uint8Array;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly limits: RateLimitService,
    private readonly audit: StaffAuditService,
    private readonly mail: AccountMailService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Its own issuer, so a challenge is never accepted as a session token (TokenService checks 'techport').
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  /** The answer to a right password for an enrolled account: UNAUTHENTICATED with a challenge. */
  async challengeError(user: UserEntity): Promise<AppError> {
    // Codes and challenges follow the real time, as the authenticator app does (not the Clock
    // that tests move: a listing may expire a year ahead while the phone's code stays current).
    const expiresAt = new Date(Date.now() + CHALLENGE_TTL_SECONDS * 1000);
    const challenge = await new SignJWT({ purpose: 'second-factor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setJti(randomUUID())
      .setIssuedAt()
      .setIssuer(CHALLENGE_ISSUER)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return new AppError(ErrorCode.UNAUTHENTICATED, M.codeRequired, undefined, {
      reason: SECOND_FACTOR_CODE_REQUIRED,
      challenge,
      challengeExpiresAt: expiresAt.toISOString(),
    });
  }

  private async readChallenge(challenge: string): Promise<ChallengeClaims> {
    try {
      const { payload } = await jwtVerify(challenge, this.key, {
        issuer: CHALLENGE_ISSUER,
        algorithms: ['HS256'],
      });
      if (payload.purpose !== 'second-factor' || typeof payload.sub !== 'string' || !isUuid(payload.sub)) throw new Error('not a challenge');
      return { userId: payload.sub };
    } catch {
      throw new AppError(ErrorCode.UNAUTHENTICATED, M.badChallenge, { challenge: M.badChallenge });
    }
  }

  /**
   * The code step of sign-in: the user behind a valid challenge whose code (TOTP or recovery)
   * is right. Wrong codes count against the account and source; the caller issues the session token.
   */
  async completeLogin(challenge: string, code: string): Promise<UserEntity> {
    const { userId } = await this.readChallenge(challenge);
    return this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.disabled || !user.totpSecret) throw new AppError(ErrorCode.UNAUTHENTICATED, M.badChallenge, { challenge: M.badChallenge });
      await this.checkCode(em, user, code, 'code');
      return user;
    });
  }

  /**
   * Accepts a TOTP code (marking its time step used) or an unused recovery code (marking it
   * used); otherwise counts a failure and throws. `em` must hold the user's row lock.
   */
  private async checkCode(em: EntityManager, user: UserEntity, rawCode: string, field: string): Promise<'totp' | 'recovery'> {
    const pair = await this.throttle(user);
    const code = normalizeCode(rawCode ?? '');
    if (user.totpSecret) {
      const afterStep = user.totpLastStep === null ? null : Number(user.totpLastStep);
      const step = await verifyTotp(user.totpSecret, code, Date.now(), afterStep);
      if (step !== null) {
        await em.update(UserEntity, { id: user.id }, { totpLastStep: String(step) });
        user.totpLastStep = String(step);
        await this.limits.reset('secondFactorFailuresPerAccountAndIp', pair);
        return 'totp';
      }
      if (looksLikeRecoveryCode(code)) {
        const used = await em.query(
          `UPDATE recovery_code SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
          [user.id, hashRecoveryCode(code), this.clock.now()],
        );
        if (used[0]?.length ?? used.length) {
          await this.limits.reset('secondFactorFailuresPerAccountAndIp', pair);
          return 'recovery';
        }
      }
    }
    await this.recordFailure(user, pair);
    throw Errors.invalidField(field, M.badCode);
  }

  /** The account+source pair of this request, refused (RATE_LIMITED) while it must wait. */
  private async throttle(user: UserEntity): Promise<string> {
    const pair = `${user.id}|${currentRequestSource().ip ?? 'unknown'}`;
    const wait = await this.limits.isBlocked('secondFactorDelay', pair);
    if (wait > 0) throw rateLimited(wait);
    return pair;
  }

  /**
   * Counts a wrong code for the pair and sets its wait once the free ones are spent. Wrong codes
   * come after a right password: when the account has had RATE_LIMIT_SECOND_FACTOR_FAILURES of
   * them in the hour (from any source), its owner is told once that the password is known.
   */
  private async recordFailure(user: UserEntity, pair: string): Promise<void> {
    // Counted outside the transaction's fate: the failure must stay counted when the caller rolls back.
    const failures = await this.limits.count('secondFactorFailuresPerAccountAndIp', pair);
    const delay = loginDelaySeconds(failures, this.config.RATE_LIMIT_SECOND_FACTOR_FAILURES);
    if (delay > 0) await this.limits.delay('secondFactorDelay', pair, delay);
    const forAccount = await this.limits.count('secondFactorFailuresPerAccount', user.id);
    if (forAccount === this.config.RATE_LIMIT_SECOND_FACTOR_FAILURES) {
      const source = currentRequestSource().ip ?? 'unknown';
      await this.ds.transaction((em) => this.mail.publish(em, { kind: 'SECOND_FACTOR_ATTACK', userId: user.id, failures: forAccount, source }));
    }
  }

  /**
   * Step 1 of enrolment: a fresh secret (kept pending), its otpauth:// address and QR code. An
   * account that has one already moves it to another app or phone this way (staff cannot turn it
   * off and on again): `currentCode`, a code of the current app or a recovery code, is required
   * then, and the current app keeps working until `confirmEnrolment` proves the new one.
   */
  async startEnrolment(viewer: Viewer, currentCode?: string | null): Promise<{ secret: string; otpauthUri: string; qrCodeSvg: string }> {
    const secret = newTotpSecret();
    const email = await this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOne({ where: { id: viewer.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw Errors.unauthenticated();
      if (user.totpSecret) {
        // Without a code, the account is simply enrolled already (CONFLICT, as before moves existed),
        // the message saying how to move; a wrong code is named beside its field.
        if (!currentCode) throw Errors.conflict(M.currentCodeRequired);
        await this.checkCode(em, user, currentCode, 'currentCode');
      }
      await em.update(UserEntity, { id: user.id }, { totpPendingSecret: secret });
      return user.email;
    });
    const uri = otpauthUri(secret, email);
    return { secret, otpauthUri: uri, qrCodeSvg: await qrCodeSvg(uri) };
  }

  /**
   * Step 2: a code from the app proves it holds the secret; returns the recovery codes (shown
   * once). For an account moving to a new app (started with a current code), the new secret
   * replaces the old one, whose codes and recovery codes stop working.
   */
  async confirmEnrolment(viewer: Viewer, rawCode: string): Promise<string[]> {
    return this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOne({ where: { id: viewer.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw Errors.unauthenticated();
      // Enabled with nothing pending: no move was started (with a current code).
      if (user.totpSecret && !user.totpPendingSecret) throw Errors.conflict(M.alreadyEnabled);
      if (!user.totpPendingSecret) throw Errors.conflict(M.noPending);
      const pair = await this.throttle(user);
      const step = await verifyTotp(user.totpPendingSecret, normalizeCode(rawCode ?? ''), Date.now(), null);
      if (step === null) {
        await this.recordFailure(user, pair);
        throw Errors.invalidField('code', M.badCode);
      }
      await this.limits.reset('secondFactorFailuresPerAccountAndIp', pair);
      await em.update(UserEntity, { id: user.id }, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: this.clock.now(), totpLastStep: String(step) });
      return this.replaceRecoveryCodes(em, user.id);
    });
  }

  /** A new set of 10 recovery codes (the old set stops working), after a current code. */
  async regenerateRecoveryCodes(viewer: Viewer, rawCode: string): Promise<string[]> {
    return this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOne({ where: { id: viewer.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw Errors.unauthenticated();
      if (!user.totpSecret) throw Errors.conflict(M.notEnabled);
      await this.checkCode(em, user, rawCode, 'code');
      return this.replaceRecoveryCodes(em, user.id);
    });
  }

  /** Members may turn the second factor off (with a current code); staff may not. */
  async disable(viewer: Viewer, rawCode: string): Promise<UserEntity> {
    return this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOne({ where: { id: viewer.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw Errors.unauthenticated();
      if (!user.totpSecret) throw Errors.conflict(M.notEnabled);
      if (user.roles.includes(Role.ADMIN) || user.roles.includes(Role.MODERATOR)) throw Errors.forbidden(M.staffMustKeep);
      await this.checkCode(em, user, rawCode, 'code');
      await this.clear(em, user.id);
      return em.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    });
  }

  /**
   * Admins: removes a staff member's (or member's) second factor, e.g. a lost phone. Their staff
   * roles stop acting until they enrol again, and every session of theirs ends (a lost phone may
   * still be signed in). Audited.
   */
  async resetFor(admin: Viewer, userId: string): Promise<UserEntity> {
    if (!isUuid(userId)) throw Errors.notFound(M.user);
    if (userId === admin.id) throw Errors.conflict(M.resetSelf);
    return this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw Errors.notFound(M.user);
      if (!user.totpSecret) throw Errors.conflict(M.notEnabled);
      await this.clear(em, user.id);
      const ended = await this.sessions.endAllForUser(em, user.id);
      await this.audit.record(em, {
        actor: admin,
        action: StaffAuditAction.SECOND_FACTOR_RESET,
        targetKind: StaffAuditTargetKind.USER,
        targetId: user.id,
        summary: { vi: `Đặt lại xác thực hai bước của ${user.email}`, en: `Reset the two-step verification of ${user.email}` },
        details: { email: user.email, roles: user.roles, enabledAt: user.totpEnabledAt?.toISOString() ?? null, sessionsEnded: ended },
      });
      // The person is told, so that a reset they did not ask for does not pass unseen.
      await this.mail.publish(em, { kind: 'SECOND_FACTOR_RESET', userId: user.id });
      return em.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    });
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM recovery_code WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    return row.n;
  }

  /**
   * Demo and test installations: enrols an account with a known secret (ADMIN_TOTP_SECRET, the
   * demo seed) when it has no second factor yet.
   */
  static async enrolWithKnownSecret(em: Pick<EntityManager, 'query'>, email: string, secret: string): Promise<void> {
    await em.query(`UPDATE app_user SET totp_secret = $2, totp_pending_secret = NULL, totp_enabled_at = now() WHERE email = $1 AND totp_secret IS NULL`, [email, secret]);
  }

  private async clear(em: EntityManager, userId: string): Promise<void> {
    await em.update(UserEntity, { id: userId }, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null });
    await em.delete(RecoveryCodeEntity, { userId });
  }

  private async replaceRecoveryCodes(em: EntityManager, userId: string): Promise<string[]> {
    await em.delete(RecoveryCodeEntity, { userId });
    const codes = new Set<string>();
    while (codes.size < RECOVERY_CODE_COUNT) codes.add(newRecoveryCode());
    await em.insert(
      RecoveryCodeEntity,
      [...codes].map((c) => ({ userId, codeHash: hashRecoveryCode(c) })),
    );
    return [...codes];
  }
}
