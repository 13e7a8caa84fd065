import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Role, findProvince } from '@techport/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError, Errors } from '../../common/errors.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { UserEntity } from './user.entity.js';
import { hashPassword, timingSafeDummyHash, verifyPassword } from './password.js';
import { TokenService } from './token.service.js';
import { isUuid } from '../../common/ids.js';
import { RateLimitService, rateLimited } from '../../common/rate-limit.service.js';
import type { RegisterInput } from './dto/accounts.inputs.js';
import { Clock } from '../../common/clock.js';
import { AccountMailService, hashToken } from './account-mail.service.js';
import { AccountTokenEntity, type AccountTokenPurpose } from './account-token.entity.js';
import { randomUUID } from 'node:crypto';

const M = {
  passwordIsEmail: { vi: 'Mật khẩu không được trùng với e-mail.', en: 'The password must not be your e-mail address.' },
  badLogin: { vi: 'E-mail hoặc mật khẩu không đúng.', en: 'Wrong e-mail or password.' },
  unknownProvince: { vi: 'Mã tỉnh/thành không hợp lệ.', en: 'Unknown province code.' },
  userNotFound: { vi: 'người dùng', en: 'User' },
  notActivated: {
    vi: 'Tài khoản chưa được kích hoạt. Chúng tôi đã gửi lại liên kết kích hoạt đến e-mail của bạn: hãy mở liên kết đó.',
    en: 'This account is not activated yet. We have sent the activation link to your e-mail again: please open it.',
  },
  badActivationLink: {
    vi: 'Liên kết kích hoạt không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy đăng nhập: nếu tài khoản chưa kích hoạt, chúng tôi sẽ gửi liên kết mới.',
    en: 'This activation link is invalid, already used or expired. Log in: if the account is not activated yet, we will send a new link.',
  },
  passwordLength: { vi: 'Mật khẩu phải dài từ 10 đến 200 ký tự.', en: 'The password must be 10 to 200 characters long.' },
  badResetLink: {
    vi: 'Liên kết đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy yêu cầu một liên kết mới.',
    en: 'This password-reset link is invalid, already used or expired. Please ask for a new one.',
  },
};

/** The first delay after the free failures; each further failure doubles it, up to MAX_DELAY_SECONDS. */
const FIRST_DELAY_SECONDS = 5;
const MAX_DELAY_SECONDS = 15 * 60;

/** Seconds an account+source pair waits after its n-th failure in the hour (0 while still free). OWASP: growing delays, not lock-out. */
export function loginDelaySeconds(failures: number, freeFailures: number): number {
  const beyond = failures - freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** Math.min(beyond - 1, 20));
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The password policy (register, reset): 10 to 200 characters, and not the e-mail address. */
export function checkPasswordPolicy(path: string, password: string, email: string): void {
  if (typeof password !== 'string' || password.length < 10 || password.length > 200) throw Errors.invalidField(path, M.passwordLength);
  if (normalizeEmail(password) === email || password.toLowerCase().includes(email)) throw Errors.invalidField(path, M.passwordIsEmail);
}

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AccountsService');

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokenService,
    private readonly limits: RateLimitService,
    private readonly clock: Clock,
    private readonly mail: AccountMailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists yet. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.ADMIN_EMAIL || !this.config.ADMIN_PASSWORD) return;
    const email = normalizeEmail(this.config.ADMIN_EMAIL);
    const hash = await hashPassword(this.config.ADMIN_PASSWORD);
    // One statement, so two API processes starting together cannot create two admins.
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO app_user (email, password_hash, display_name, roles, email_verified_at)
       SELECT $1, $2, 'Administrator', '{MEMBER,ADMIN}', now()
       WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE 'ADMIN' = ANY(roles))
       ON CONFLICT (email) DO UPDATE SET roles = array(SELECT DISTINCT unnest(app_user.roles || '{ADMIN}'::text[])),
         email_verified_at = COALESCE(app_user.email_verified_at, now())
       RETURNING id`,
      [email, hash],
    );
    if (rows.length) this.logger.log(`admin account ready: ${email}`);
  }

  /**
   * Registration answers the same whether the address is new or already has an account, so it
   * reveals nothing (#19): no session token (''), and a user id that is the new account's or a
   * random one. The address is confirmed by e-mail: a new (or never activated) account gets an
   * activation link, and cannot sign in until it is opened; an address with an active account
   * gets a note that someone tried to register (once an hour). A second registration of a
   * never-activated address replaces its password and name: whoever opens the link owns it.
   */
  async register(input: RegisterInput): Promise<UserEntity> {
    const email = normalizeEmail(input.email);
    checkPasswordPolicy('input.password', input.password, email);
    const passwordHash = await hashPassword(input.password);
    const displayName = input.displayName.trim();
    const id = await this.ds.transaction(async (em) => {
      const rows: { id: string; inserted: boolean }[] = await em.query(
        `INSERT INTO app_user (email, password_hash, display_name) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, display_name = EXCLUDED.display_name, updated_at = now()
           WHERE app_user.email_verified_at IS NULL AND NOT app_user.disabled
         RETURNING id, (xmax = 0) AS inserted`,
        [email, passwordHash, displayName],
      );
      if (rows.length) {
        await this.sendActivation(em, rows[0].id);
        return rows[0].inserted ? rows[0].id : randomUUID();
      }
      const [existing] = await em.query(`SELECT id FROM app_user WHERE email = $1 AND NOT disabled`, [email]);
      if (existing && (await this.limits.count('registerExistingMail', email)) === 1) {
        await this.mail.publish(em, { kind: 'REGISTER_EXISTING', userId: existing.id });
      }
      return randomUUID();
    });
    const now = this.clock.now();
    return Object.assign(new UserEntity(), {
      id,
      email,
      displayName,
      roles: [Role.MEMBER],
      moderatedProvinceCodes: [],
      disabled: false,
      emailVerifiedAt: null,
      notificationDigest: false,
      passwordHash: '',
      createdAt: now,
      updatedAt: now,
    });
  }

  /** A fresh activation link for the account (earlier unused ones void), e-mailed after commit. */
  private async sendActivation(em: EntityManager, userId: string): Promise<void> {
    const now = this.clock.now();
    await em.query(`UPDATE account_token SET used_at = $2 WHERE user_id = $1 AND purpose = 'ACTIVATION' AND used_at IS NULL`, [userId, now]);
    const token = await em.getRepository(AccountTokenEntity).save({
      userId,
      purpose: 'ACTIVATION' as const,
      tokenHash: null,
      expiresAt: new Date(now.getTime() + this.config.ACTIVATION_TTL_HOURS * 3600_000),
      usedAt: null,
    });
    await this.mail.publish(em, { kind: 'ACTIVATION', tokenId: token.id });
  }

  /**
   * Opens an activation link: the address is confirmed, the account can sign in, and this
   * answers a session for it (the link proved the mailbox; a new account has no second factor).
   */
  async activate(secret: string): Promise<{ token: string; user: UserEntity }> {
    const user = await this.ds.transaction(async (em) => {
      const token = await this.usableToken(em, 'ACTIVATION', secret, true);
      if (!token) throw Errors.invalidField('token', M.badActivationLink);
      const user = await em.getRepository(UserEntity).findOne({ where: { id: token.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.disabled) throw Errors.invalidField('token', M.badActivationLink);
      const now = this.clock.now();
      await em.query(`UPDATE account_token SET used_at = $2 WHERE user_id = $1 AND purpose = 'ACTIVATION' AND used_at IS NULL`, [user.id, now]);
      user.emailVerifiedAt ??= now;
      await em.query(`UPDATE app_user SET email_verified_at = $2 WHERE id = $1`, [user.id, user.emailVerifiedAt]);
      return user;
    });
    return { token: await this.tokens.issue(user.id), user };
  }

  /**
   * Same answer and about the same time whether the e-mail is unknown or the password wrong.
   *
   * Failures are counted per account AND source (the client address): after
   * RATE_LIMIT_LOGIN_FREE_FAILURES of them that pair waits before each next attempt, 5 s doubling
   * up to 15 minutes (OWASP's advice: growing delays, no lock-out). A source that has not been
   * failing is never slowed, so an attacker cannot keep the owner out. Failures for the account
   * from all sources are counted too, only to warn the owner by e-mail, once an hour. (The
   * per-source limit on all sign-ins, `loginPerIp`, is taken by the resolver.)
   */
  async login(emailInput: string, password: string, source: string): Promise<{ token: string; user: UserEntity }> {
    const email = normalizeEmail(emailInput);
    const pair = `${email}|${source}`;
    const wait = await this.limits.isBlocked('loginDelay', pair);
    if (wait > 0) throw rateLimited(wait);
    const user = await this.ds.getRepository(UserEntity).findOneBy({ email });
    const ok = await verifyPassword(user?.passwordHash ?? (await timingSafeDummyHash()), password);
    if (!user || !ok || user.disabled) {
      await this.recordLoginFailure(email, pair, source, user);
      throw new AppError('UNAUTHENTICATED', M.badLogin);
    }
    await this.limits.reset('loginFailuresPerAccountAndIp', pair);
    if (!user.emailVerifiedAt) {
      // Only someone with the password learns this. A fresh link goes out (a few an hour at most).
      if ((await this.limits.count('activationMailPerAccount', email)) <= 3) await this.ds.transaction((em) => this.sendActivation(em, user.id));
      throw new AppError('UNAUTHENTICATED', M.notActivated);
    }
    return { token: await this.tokens.issue(user.id), user };
  }

  private async recordLoginFailure(email: string, pair: string, source: string, user: UserEntity | null): Promise<void> {
    const fromThisSource = await this.limits.count('loginFailuresPerAccountAndIp', pair);
    const delay = loginDelaySeconds(fromThisSource, this.config.RATE_LIMIT_LOGIN_FREE_FAILURES);
    if (delay > 0) await this.limits.delay('loginDelay', pair, delay);
    const forAccount = await this.limits.count('loginFailuresPerAccount', email);
    // Exactly at the threshold: one e-mail per hour-long window, however long the attack goes on.
    if (user && !user.disabled && forAccount === this.config.RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT) {
      await this.ds.transaction((em) => this.mail.publish(em, { kind: 'LOGIN_ATTACK', userId: user.id, failures: forAccount, source }));
    }
  }

  /**
   * "Forgot password": e-mails a single-use link when the address has an (enabled) account, and
   * answers the same whether it has or not. Limited per source and per address (the latter
   * counted for unknown addresses too, so the limit reveals nothing). A new link voids the
   * earlier unused ones.
   */
  async requestPasswordReset(emailInput: string, source: string): Promise<boolean> {
    const email = normalizeEmail(emailInput);
    if (!email.includes('@') || email.length > 254) throw Errors.invalidField('email', { vi: 'E-mail không hợp lệ.', en: 'Invalid e-mail address.' });
    await this.limits.consume('passwordResetPerIp', source);
    await this.limits.consume('passwordResetPerAccount', email);
    await this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOneBy({ email });
      if (!user || user.disabled) return;
      const now = this.clock.now();
      await em.query(`UPDATE account_token SET used_at = $2 WHERE user_id = $1 AND purpose = 'PASSWORD_RESET' AND used_at IS NULL`, [user.id, now]);
      const token = await em.getRepository(AccountTokenEntity).save({
        userId: user.id,
        purpose: 'PASSWORD_RESET' as const,
        tokenHash: null,
        expiresAt: new Date(now.getTime() + this.config.PASSWORD_RESET_TTL_MINUTES * 60_000),
        usedAt: null,
      });
      await this.mail.publish(em, { kind: 'PASSWORD_RESET', tokenId: token.id });
    });
    return true;
  }

  /** Whether a reset link can still be used (the page asks before showing its form). */
  async passwordResetLinkValid(secret: string): Promise<boolean> {
    return !!(await this.usableToken(this.ds.manager, 'PASSWORD_RESET', secret, false));
  }

  private async usableToken(em: EntityManager, purpose: AccountTokenPurpose, secret: string, lock: boolean): Promise<AccountTokenEntity | null> {
    if (typeof secret !== 'string' || secret.length < 20 || secret.length > 200) return null;
    const token = await em.getRepository(AccountTokenEntity).findOne({
      where: { tokenHash: hashToken(secret), purpose },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!token || token.usedAt || token.expiresAt.getTime() <= this.clock.now().getTime()) return null;
    return token;
  }

  /**
   * Sets a new password with a reset link, in one transaction: the link is spent (with every
   * other unused reset link of the account), the password replaced, and the per-account sign-in
   * throttles cleared. Answers true; it does not sign in (a second factor, where enrolled, still
   * applies at the next sign-in).
   */
  async resetPassword(secret: string, password: string): Promise<boolean> {
    const userId = await this.ds.transaction(async (em) => {
      const token = await this.usableToken(em, 'PASSWORD_RESET', secret, true);
      if (!token) throw Errors.invalidField('token', M.badResetLink);
      const user = await em.getRepository(UserEntity).findOne({ where: { id: token.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.disabled) throw Errors.invalidField('token', M.badResetLink);
      checkPasswordPolicy('password', password, user.email);
      const now = this.clock.now();
      await em.query(`UPDATE account_token SET used_at = $2 WHERE user_id = $1 AND purpose = 'PASSWORD_RESET' AND used_at IS NULL`, [user.id, now]);
      // The link proved the mailbox too: an account never activated is activated by it.
      await em.query(`UPDATE app_user SET password_hash = $2, email_verified_at = COALESCE(email_verified_at, $3), updated_at = now() WHERE id = $1`, [
        user.id,
        await hashPassword(password),
        now,
      ]);
      // Sessions: the account's existing sessions are ended here, in this transaction, once the
      // session table lands (`SessionsService.endAll(em, user.id)`): whoever knew the old password
      // must not stay signed in.
      return user.id;
    });
    const user = await this.findById(userId);
    if (user) await this.limits.reset('loginFailuresPerAccount', user.email);
    return true;
  }

  /** The caller behind a bearer token, read fresh from the database (roles, disabled). */
  /**
   * The viewer behind a bearer token: null if the token is invalid, expired or revoked (logout),
   * or the account is disabled. One query: the user row, and whether the token was revoked.
   */
  async viewerFromToken(token: string): Promise<Viewer | null> {
    const verified = await this.tokens.verify(token);
    if (!verified || !isUuid(verified.userId)) return null;
    const query = this.ds.getRepository(UserEntity).createQueryBuilder('u').where('u.id = :id', { id: verified.userId });
    const tokenId = verified.tokenId && isUuid(verified.tokenId) ? verified.tokenId : null;
    if (tokenId) query.addSelect('EXISTS (SELECT 1 FROM revoked_token r WHERE r.jti = :jti)', 'revoked').setParameter('jti', tokenId);
    const { entities, raw } = await query.getRawAndEntities<{ revoked?: boolean }>();
    const user = entities[0];
    if (!user || user.disabled || raw[0]?.revoked) return null;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      moderatedProvinceCodes: user.moderatedProvinceCodes,
      session: tokenId ? { tokenId, expiresAt: verified.expiresAt } : null,
    };
  }

  /**
   * Ends the session of the token behind this request: the token is refused from now on; the
   * account's other sessions stay. False when there is nothing to end (no token, or one without
   * an id). Also forgets revocations of tokens that have expired anyway.
   */
  async logout(viewer: Viewer | null): Promise<boolean> {
    const session = viewer?.session;
    if (!session) return false;
    await this.ds.transaction(async (em) => {
      await em.query(`INSERT INTO revoked_token (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING`, [session.tokenId, session.expiresAt]);
      await em.query(`DELETE FROM revoked_token WHERE expires_at < now()`);
    });
    return true;
  }

  async findById(id: string): Promise<UserEntity | null> {
    return isUuid(id) ? this.ds.getRepository(UserEntity).findOneBy({ id }) : null;
  }

  async findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.ds.getRepository(UserEntity).findBy({ id: In(valid) }) : [];
  }

  async setRoles(userId: string, roles: Role[], moderatedProvinceCodes: string[] | undefined): Promise<UserEntity> {
    const codes = [...new Set(moderatedProvinceCodes ?? [])];
    const unknown = codes.find((c) => !findProvince(c));
    if (unknown) throw Errors.invalidField('moderatedProvinceCodes', M.unknownProvince);
    const user = await this.findById(userId);
    if (!user) throw Errors.notFound(M.userNotFound);
    const nextRoles = [...new Set<Role>([Role.MEMBER, ...roles])];
    user.roles = nextRoles;
    user.moderatedProvinceCodes = nextRoles.includes(Role.MODERATOR) ? codes : [];
    return this.ds.getRepository(UserEntity).save(user);
  }

  async setDisabled(userId: string, disabled: boolean): Promise<UserEntity> {
    const user = await this.findById(userId);
    if (!user) throw Errors.notFound(M.userNotFound);
    user.disabled = disabled;
    return this.ds.getRepository(UserEntity).save(user);
  }
}
