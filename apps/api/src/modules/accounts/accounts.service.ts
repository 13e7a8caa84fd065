import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ROLE_LABELS, Role, findProvince } from '@techport/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError, Errors } from '../../common/errors.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { AlertEmails, UserEntity } from './user.entity.js';
import { hashPassword, timingSafeDummyHash, verifyPassword } from './password.js';
import { TokenService } from './token.service.js';
import { ensureConfiguredAdmin } from './configured-admin.js';
import { SessionsService, type ClientInfo } from './sessions.service.js';
import { UserSessionEntity } from './user-session.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { isUuid } from '../../common/ids.js';
import { bearerToken } from '../../common/rest.js';
import { loginDelaySeconds, RateLimitService, rateLimited } from '../../common/rate-limit.service.js';
import type { ChangePasswordInput, RegisterInput } from './dto/accounts.inputs.js';
import { Clock } from '../../common/clock.js';
import { currentLang, requestedLang } from '../../common/request-context.js';
import { AccountMailService, hashToken } from './account-mail.service.js';
import { AccountTokenEntity, type AccountTokenPurpose } from './account-token.entity.js';
import { randomUUID } from 'node:crypto';
import { SecondFactorService } from '../second-factor/second-factor.service.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import catalogue from './accounts.service.messages.json' with { type: 'json' };

const M = catalogue;

/** The growing delays of failed sign-ins (common/rate-limit.service.ts), as the tests know them. */
export { loginDelaySeconds };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The password policy (register, reset): 10 to 200 characters, and not the e-mail address. */
export function checkPasswordPolicy(path: string, password: string, email: string): void {
  if (typeof password !== 'string' || password.length < 10 || password.length > 200) throw Errors.invalidField(path, M.passwordLength);
  if (normalizeEmail(password) === email || password.toLowerCase().includes(email)) throw Errors.invalidField(path, M.passwordIsEmail);
}

/** Published when an admin disables an account (outbox.topics.ts). */
export const ACCOUNT_DISABLED = 'account.disabled' as const;

/** login's `extensions.reason` for a right password of an account whose activation link was never opened. */
export const ACCOUNT_NOT_ACTIVATED = 'ACCOUNT_NOT_ACTIVATED';

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AccountsService');

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsService,
    private readonly notifications: NotificationsService,
    private readonly limits: RateLimitService,
    private readonly clock: Clock,
    private readonly mail: AccountMailService,
    private readonly secondFactor: SecondFactorService,
    private readonly audit: StaffAuditService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The configured admin (ADMIN_EMAIL / ADMIN_PASSWORD) exists and signs in with that password: see configured-admin.ts. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.ADMIN_EMAIL || !this.config.ADMIN_PASSWORD) return;
    const email = normalizeEmail(this.config.ADMIN_EMAIL);
    const outcome = await ensureConfiguredAdmin(this.ds, email, this.config.ADMIN_PASSWORD);
    if (outcome !== 'unchanged') this.logger.log(`admin account ${outcome}: ${email}`);
    // Demo/test installations enrol the configured admin's authenticator with a known secret.
    if (this.config.ADMIN_TOTP_SECRET) await SecondFactorService.enrolWithKnownSecret(this.ds, email, this.config.ADMIN_TOTP_SECRET);
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
        `INSERT INTO app_user (email, password_hash, display_name, language) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, display_name = EXCLUDED.display_name, language = EXCLUDED.language, updated_at = now()
           WHERE app_user.email_verified_at IS NULL AND NOT app_user.disabled
         RETURNING id, (xmax = 0) AS inserted`,
        [email, passwordHash, displayName, currentLang()],
      );
      if (rows.length) {
        await this.sendActivation(em, rows[0].id);
        return rows[0].inserted ? rows[0].id : randomUUID();
      }
      const [existing] = await em.query(`SELECT id FROM app_user WHERE email = $1 AND NOT disabled`, [email]);
      if (existing && (await this.limits.count('registerExistingMail', email)) === 1) {
        await this.mail.publish(em, { kind: 'REGISTER_EXISTING', userId: existing.id, lang: currentLang() });
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
      alertEmails: AlertEmails.EACH,
      alertsEmailedSince: null,
      language: currentLang(),
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
    await this.mail.publish(em, { kind: 'ACTIVATION', tokenId: token.id, lang: currentLang() });
  }

  /**
   * Opens an activation link: the address is confirmed, the account can sign in, and this
   * answers a session for it (the link proved the mailbox; a new account has no second factor).
   */
  async activate(secret: string, client: ClientInfo): Promise<{ token: string; user: UserEntity }> {
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
    const { token } = await this.sessions.open(null, user.id, client);
    return { token, user };
  }

  /**
   * Same answer and about the same time whether the e-mail is unknown or the password wrong.
   * A right password of an account not yet activated answers UNAUTHENTICATED with
   * `extensions.reason = ACCOUNT_NOT_ACTIVATED` and e-mails a fresh activation link (the
   * storefront's "send the link again" after registering is this sign-in).
   *
   * Failures are counted per account AND source (the client address): after
   * RATE_LIMIT_LOGIN_FREE_FAILURES of them that pair waits before each next attempt, 5 s doubling
   * up to 15 minutes (OWASP's advice: growing delays, no lock-out). A source that has not been
   * failing is never slowed, so an attacker cannot keep the owner out. Failures for the account
   * from all sources are counted too, only to warn the owner by e-mail, once an hour. (The
   * per-source limit on all sign-ins, `loginPerIp`, is taken by the resolver.)
   */
  async login(emailInput: string, password: string, client: ClientInfo): Promise<{ token: string; user: UserEntity }> {
    const source = client.address ?? 'unknown';
    const email = normalizeEmail(emailInput);
    const pair = `${email}|${source}`;
    const wait = await this.limits.isBlocked('loginDelay', pair);
    if (wait > 0) throw rateLimited(wait);
    const user = await this.ds.getRepository(UserEntity).findOneBy({ email });
    const ok = await verifyPassword(user?.passwordHash ?? (await timingSafeDummyHash()), password);
    if (!user || !ok) {
      await this.recordLoginFailure(email, pair, source, user);
      throw new AppError('UNAUTHENTICATED', M.badLogin);
    }
    // Only someone with the password learns that the account is disabled (as with "not activated"):
    // told whom to ask, rather than sent to reset a password that is right.
    if (user.disabled) throw new AppError('UNAUTHENTICATED', M.accountDisabled);
    await this.limits.reset('loginFailuresPerAccountAndIp', pair);
    if (!user.emailVerifiedAt) {
      // Only someone with the password learns this. A fresh link goes out (a few an hour at most).
      if ((await this.limits.count('activationMailPerAccount', email)) <= 3) await this.ds.transaction((em) => this.sendActivation(em, user.id));
      throw new AppError('UNAUTHENTICATED', M.notActivated, undefined, { reason: ACCOUNT_NOT_ACTIVATED });
    }
    // Two-step sign-in: a right password for an enrolled account earns a challenge, not a session.
    if (user.totpSecret) throw await this.secondFactor.challengeError(user);
    const { token } = await this.sessions.open(null, user.id, client);
    return { token, user };
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
      // Whoever knew the old password must not stay signed in: every session of the account ends.
      await this.sessions.endAllForUser(em, user.id);
      return user.id;
    });
    const user = await this.findById(userId);
    if (user) await this.limits.reset('loginFailuresPerAccount', user.email);
    return true;
  }

  /** The caller behind a bearer token, read fresh from the database (roles, disabled). */
  /**
   * The viewer behind a bearer token: null if the token is invalid or expired, its session has
   * ended (logout, "sign out everywhere", password change, an admin's role change or disabling),
   * or the account is disabled. One query: the user row joined to the token's session row. The
   * session's last-seen is written at most once a minute (SessionsService.touch).
   */
  async viewerFromToken(token: string, client: ClientInfo = { userAgent: null, address: null }): Promise<Viewer | null> {
    const verified = await this.tokens.verify(token);
    // Every token issued since sessions exist carries its session's id; one without cannot be ended, so it is refused.
    if (!verified || !isUuid(verified.userId) || !isUuid(verified.tokenId)) return null;
    const { entities, raw } = await this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin(UserSessionEntity, 's', 's.user_id = u.id AND s.id = :sessionId', { sessionId: verified.tokenId })
      .addSelect('s.last_seen_at', 'session_last_seen_at')
      .where('u.id = :id', { id: verified.userId })
      .getRawAndEntities<{ session_last_seen_at: Date }>();
    const user = entities[0];
    if (!user || user.disabled) return null;
    await this.sessions.touch(verified.tokenId, new Date(raw[0].session_last_seen_at), client);
    await this.rememberLanguage(user);
    // Staff roles act only once a second factor is enrolled (modules/second-factor).
    const secondFactor = !!user.totpEnabledAt;
    const isStaffRole = (r: Role) => r === Role.ADMIN || r === Role.MODERATOR;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: secondFactor ? user.roles : user.roles.filter((r) => !isStaffRole(r)),
      rolesAwaitingSecondFactor: secondFactor ? [] : user.roles.filter(isStaffRole),
      secondFactor,
      moderatedProvinceCodes: user.moderatedProvinceCodes,
      allProvinces: user.allProvinces,
      session: { tokenId: verified.tokenId, expiresAt: verified.expiresAt },
    };
  }

  /**
   * The account's e-mails follow the interface it uses: a request that names a language (the
   * storefront always does) different from the one stored switches it. Informative, like last-seen:
   * a failed write does not fail the request.
   */
  private async rememberLanguage(user: UserEntity): Promise<void> {
    const asked = requestedLang();
    if (!asked || asked === user.language) return;
    try {
      await this.ds.query(`UPDATE app_user SET language = $2 WHERE id = $1`, [user.id, asked]);
      user.language = asked;
    } catch (err) {
      this.logger.warn(`could not record the language of an account: ${(err as Error).message}`);
    }
  }

  /** For the plain HTTP endpoints: the viewer behind an `Authorization: Bearer …` header, or UNAUTHENTICATED. */
  async viewerFromBearer(header: string | undefined, client?: ClientInfo): Promise<Viewer> {
    const token = bearerToken(header);
    const viewer = token ? await this.viewerFromToken(token, client) : null;
    if (!viewer) throw Errors.unauthenticated();
    return viewer;
  }

  /**
   * Ends the session of the token behind this request: the token is refused from now on; the
   * account's other sessions stay. False when there is nothing to end (no valid token).
   */
  async logout(viewer: Viewer | null): Promise<boolean> {
    const session = viewer?.session;
    if (!viewer || !session) return false;
    const result = await this.ds.query(`DELETE FROM user_session WHERE id = $1 AND user_id = $2`, [session.tokenId, viewer.id]);
    return (result as [unknown[], number])[1] > 0;
  }

  /**
   * Changes the caller's password after checking the current one; every other session of the
   * account ends (a thief holding one is out), the caller's own stays signed in. Wrong current
   * passwords count as failed log-ins, so a stolen session cannot guess it without limit.
   */
  async changePassword(viewer: Viewer, input: ChangePasswordInput): Promise<number> {
    const wait = await this.limits.isBlocked('loginFailuresPerAccount', viewer.email);
    if (wait > 0) throw rateLimited(wait);
    const user = await this.findById(viewer.id);
    if (!user) throw Errors.unauthenticated();
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      await this.limits.consume('loginFailuresPerAccount', viewer.email).catch(() => undefined);
      throw Errors.invalidField('input.currentPassword', M.wrongCurrentPassword);
    }
    if (input.newPassword === input.currentPassword) throw Errors.invalidField('input.newPassword', M.samePassword);
    if (input.newPassword.toLowerCase().includes(user.email)) throw Errors.invalidField('input.newPassword', M.passwordIsEmail);
    const passwordHash = await hashPassword(input.newPassword);
    return this.ds.transaction(async (em) => {
      await em.update(UserEntity, { id: user.id }, { passwordHash });
      const ended = await this.sessions.endAllForUser(em, user.id, viewer.session?.tokenId);
      // The owner hears of it by e-mail too: if it was not them, they know their account is taken.
      await this.notifications.notifyUsers(em, [user.id], {
        kind: 'PASSWORD_CHANGED',
        title: M.passwordChangedTitle,
        body: M.passwordChangedBody,
        url: '/dashboard/sessions',
      });
      return ended;
    });
  }

  async findById(id: string): Promise<UserEntity | null> {
    return isUuid(id) ? this.ds.getRepository(UserEntity).findOneBy({ id }) : null;
  }

  async findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.ds.getRepository(UserEntity).findBy({ id: In(valid) }) : [];
  }

  /**
   * Admins: an account's roles and, for moderators, the jurisdiction: the provinces listed, or every
   * province with the explicit `allProvinces` grant (a moderator given neither covers nothing: fail
   * closed). A change ends the account's sessions at once (the admin's own current one stays when
   * they edit themselves), so it signs in again under its new role. The last enabled admin cannot
   * lose the role: the exchange would have no one left to appoint staff; nor can an admin while
   * every other one still lacks the second factor their role needs to act.
   */
  async setRoles(
    actor: Viewer,
    userId: string,
    roles: Role[],
    moderatedProvinceCodes: string[] | undefined,
    allProvinces = false,
  ): Promise<UserEntity> {
    const codes = [...new Set(moderatedProvinceCodes ?? [])];
    const unknown = codes.find((c) => !findProvince(c));
    if (unknown) throw Errors.invalidField('moderatedProvinceCodes', M.unknownProvince);
    if (!isUuid(userId)) throw Errors.notFound(M.userNotFound);
    return this.ds.transaction(async (em) => {
      const admins = await this.lockEnabledAdmins(em);
      const user = await em.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw Errors.notFound(M.userNotFound);
      const nextRoles = [...new Set<Role>([Role.MEMBER, ...roles])];
      if (admins.some((a) => a.id === user.id) && !nextRoles.includes(Role.ADMIN)) {
        if (admins.length === 1) throw Errors.invalidField('roles', M.lastAdmin);
        // An admin role acts only with a second factor: the others must be able to act (or the
        // exchange is left with admins in name only, and no one to appoint staff or reset a factor).
        if (!admins.some((a) => a.id !== user.id && a.secondFactor)) throw Errors.invalidField('roles', M.noOtherActingAdmin);
      }
      const moderator = nextRoles.includes(Role.MODERATOR);
      const nextAll = moderator && allProvinces;
      // The nationwide grant makes a province list meaningless: keep none, so what is stored is what applies.
      const nextCodes = moderator && !allProvinces ? codes : [];
      const before = { roles: user.roles, moderatedProvinceCodes: user.moderatedProvinceCodes, allProvinces: Boolean(user.allProvinces) };
      const changed =
        !sameSet(user.roles, nextRoles) || !sameSet(user.moderatedProvinceCodes, nextCodes) || Boolean(user.allProvinces) !== nextAll;
      user.roles = nextRoles;
      user.allProvinces = nextAll;
      user.moderatedProvinceCodes = nextCodes;
      const saved = await em.save(user);
      if (changed) await this.sessions.endAllForUser(em, user.id, user.id === actor.id ? actor.session?.tokenId : null);
      await this.audit.record(em, {
        actor,
        action: StaffAuditAction.USER_ROLES_CHANGED,
        targetKind: StaffAuditTargetKind.USER,
        targetId: user.id,
        // Named as the admin pages name them: role labels and province names, not codes.
        summary: {
          vi: `Vai trò của ${user.email}: ${nextRoles.map((r) => ROLE_LABELS[r].vi).join(', ')}${nextAll ? ' (toàn quốc)' : nextCodes.length ? ` (${nextCodes.map((c) => findProvince(c)?.nameVi ?? c).join(', ')})` : ''}`,
          en: `Roles of ${user.email}: ${nextRoles.map((r) => ROLE_LABELS[r].en).join(', ')}${nextAll ? ' (nationwide)' : nextCodes.length ? ` (${nextCodes.map((c) => findProvince(c)?.nameEn ?? c).join(', ')})` : ''}`,
        },
        details: {
          email: user.email,
          before,
          after: { roles: saved.roles, moderatedProvinceCodes: saved.moderatedProvinceCodes, allProvinces: nextAll },
        },
      });
      return saved;
    });
  }

  /**
   * Admins: disabling an account ends its sessions at once (and log-in is refused). An admin
   * cannot disable their own account, nor the last enabled admin.
   */
  async setDisabled(actor: Viewer, userId: string, disabled: boolean): Promise<UserEntity> {
    if (disabled && userId === actor.id) throw Errors.invalidField('userId', M.disableSelf);
    if (!isUuid(userId)) throw Errors.notFound(M.userNotFound);
    return this.ds.transaction(async (em) => {
      const admins = disabled ? await this.lockEnabledAdmins(em) : [];
      const user = await em.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw Errors.notFound(M.userNotFound);
      if (disabled && admins.some((a) => a.id === user.id) && admins.length === 1) throw Errors.invalidField('userId', M.lastAdmin);
      const was = user.disabled;
      user.disabled = disabled;
      const saved = await em.save(user);
      if (disabled) await this.sessions.endAllForUser(em, user.id);
      // Their public expert profile comes down too (experts.service.ts), after this commits.
      if (disabled && !was) await this.outbox.publish(em, ACCOUNT_DISABLED, { userId: user.id });
      await this.audit.record(em, {
        actor,
        action: disabled ? StaffAuditAction.USER_DISABLED : StaffAuditAction.USER_ENABLED,
        targetKind: StaffAuditTargetKind.USER,
        targetId: user.id,
        summary: { vi: `${disabled ? 'Khóa' : 'Mở khóa'} tài khoản ${user.email}`, en: `${disabled ? 'Disabled' : 'Enabled'} the account ${user.email}` },
        details: { email: user.email, before: { disabled: was }, after: { disabled } },
      });
      return saved;
    });
  }

  /**
   * Admins: signs an account out everywhere at once (a stolen laptop or phone, a colleague who
   * left a session open), without disabling it: every session ends, the person signs in again
   * with their password (and second factor). Audited; answers how many sessions ended. One's own
   * sessions are ended on the Sessions page instead.
   */
  async endSessionsOf(actor: Viewer, userId: string): Promise<number> {
    if (userId === actor.id) throw Errors.invalidField('userId', M.endOwnSessions);
    if (!isUuid(userId)) throw Errors.notFound(M.userNotFound);
    return this.ds.transaction(async (em) => {
      const user = await em.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw Errors.notFound(M.userNotFound);
      const ended = await this.sessions.endAllForUser(em, user.id);
      await this.audit.record(em, {
        actor,
        action: StaffAuditAction.USER_SESSIONS_ENDED,
        targetKind: StaffAuditTargetKind.USER,
        targetId: user.id,
        summary: { vi: `Đăng xuất ${user.email} khỏi mọi thiết bị (${ended} phiên)`, en: `Signed ${user.email} out everywhere (${ended} session${ended === 1 ? '' : 's'})` },
        details: { email: user.email, sessionsEnded: ended },
      });
      return ended;
    });
  }

  /**
   * The enabled admins (and whether each has a second factor, without which the role does not
   * act), locked until the transaction ends: two admins demoting or disabling each other at the
   * same moment are serialised, so one of them is refused.
   */
  private async lockEnabledAdmins(em: EntityManager): Promise<{ id: string; secondFactor: boolean }[]> {
    const rows: { id: string; second_factor: boolean }[] = await em.query(
      `SELECT id, totp_enabled_at IS NOT NULL AS second_factor FROM app_user WHERE 'ADMIN' = ANY(roles) AND NOT disabled ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => ({ id: r.id, secondFactor: r.second_factor }));
  }
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}
