import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Role, findProvince } from '@techport/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError, Errors } from '../../common/errors.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { UserEntity } from './user.entity.js';
import { hashPassword, timingSafeDummyHash, verifyPassword } from './password.js';
import { TokenService } from './token.service.js';
import { ensureConfiguredAdmin } from './configured-admin.js';
import { SessionsService, type ClientInfo } from './sessions.service.js';
import { UserSessionEntity } from './user-session.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { isUuid } from '../../common/ids.js';
import { RateLimitService, rateLimited } from '../../common/rate-limit.service.js';
import type { ChangePasswordInput, RegisterInput } from './dto/accounts.inputs.js';

const M = {
  emailTaken: { vi: 'E-mail này đã được đăng ký.', en: 'This e-mail address is already registered.' },
  passwordIsEmail: { vi: 'Mật khẩu không được trùng với e-mail.', en: 'The password must not be your e-mail address.' },
  badLogin: { vi: 'E-mail hoặc mật khẩu không đúng.', en: 'Wrong e-mail or password.' },
  unknownProvince: { vi: 'Mã tỉnh/thành không hợp lệ.', en: 'Unknown province code.' },
  userNotFound: { vi: 'người dùng', en: 'User' },
  wrongCurrentPassword: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  samePassword: { vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.', en: 'The new password must differ from the current one.' },
  disableSelf: {
    vi: 'Bạn không thể tự khoá tài khoản của mình. Hãy nhờ một quản trị viên khác.',
    en: 'You cannot disable your own account. Ask another administrator.',
  },
  passwordChangedTitle: { vi: 'Mật khẩu của bạn đã được đổi', en: 'Your password was changed' },
  passwordChangedBody: {
    vi: 'Mật khẩu tài khoản Techport của bạn vừa được đổi và mọi phiên đăng nhập khác đã bị đăng xuất. Nếu không phải bạn đổi, hãy báo ngay cho quản trị viên.',
    en: 'The password of your Techport account was just changed and every other session was logged out. If you did not change it, tell an administrator at once.',
  },
  lastAdmin: {
    vi: 'Đây là quản trị viên cuối cùng: hãy cấp quyền quản trị cho một tài khoản khác trước.',
    en: 'This is the last administrator: make another account an administrator first.',
  },
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AccountsService');

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsService,
    private readonly notifications: NotificationsService,
    private readonly limits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The configured admin (ADMIN_EMAIL / ADMIN_PASSWORD) exists and signs in with that password: see configured-admin.ts. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.ADMIN_EMAIL || !this.config.ADMIN_PASSWORD) return;
    const email = normalizeEmail(this.config.ADMIN_EMAIL);
    const outcome = await ensureConfiguredAdmin(this.ds, email, this.config.ADMIN_PASSWORD);
    if (outcome !== 'unchanged') this.logger.log(`admin account ${outcome}: ${email}`);
  }

  async register(input: RegisterInput, client: ClientInfo): Promise<{ token: string; user: UserEntity }> {
    const email = normalizeEmail(input.email);
    if (normalizeEmail(input.password) === email || input.password.toLowerCase().includes(email)) {
      throw Errors.invalidField('input.password', M.passwordIsEmail);
    }
    const passwordHash = await hashPassword(input.password);
    const rows: { id: string }[] = await this.ds.query(
      `INSERT INTO app_user (email, password_hash, display_name) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, passwordHash, input.displayName.trim()],
    );
    if (!rows.length) throw Errors.invalidField('input.email', M.emailTaken);
    const user = await this.ds.getRepository(UserEntity).findOneByOrFail({ id: rows[0].id });
    const { token } = await this.sessions.open(null, user.id, client);
    return { token, user };
  }

  /** Same answer and about the same time whether the e-mail is unknown or the password wrong. */
  async login(emailInput: string, password: string, client: ClientInfo): Promise<{ token: string; user: UserEntity }> {
    const email = normalizeEmail(emailInput);
    // Failed logins are counted per e-mail (known or not, so the limit reveals nothing) and block for a while.
    const wait = await this.limits.isBlocked('loginFailuresPerAccount', email);
    if (wait > 0) throw rateLimited(wait);
    const user = await this.ds.getRepository(UserEntity).findOneBy({ email });
    const ok = await verifyPassword(user?.passwordHash ?? (await timingSafeDummyHash()), password);
    if (!user || !ok || user.disabled) {
      await this.limits.consume('loginFailuresPerAccount', email).catch(() => undefined);
      throw new AppError('UNAUTHENTICATED', M.badLogin);
    }
    await this.limits.reset('loginFailuresPerAccount', email);
    const { token } = await this.sessions.open(null, user.id, client);
    return { token, user };
  }

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
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      moderatedProvinceCodes: user.moderatedProvinceCodes,
      allProvinces: user.allProvinces,
      session: { tokenId: verified.tokenId, expiresAt: verified.expiresAt },
    };
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
   * lose the role: the exchange would have no one left to appoint staff.
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
      if (admins.includes(user.id) && !nextRoles.includes(Role.ADMIN) && admins.length === 1) {
        throw Errors.invalidField('roles', M.lastAdmin);
      }
      const moderator = nextRoles.includes(Role.MODERATOR);
      const nextAll = moderator && allProvinces;
      // The nationwide grant makes a province list meaningless: keep none, so what is stored is what applies.
      const nextCodes = moderator && !allProvinces ? codes : [];
      const changed =
        !sameSet(user.roles, nextRoles) || !sameSet(user.moderatedProvinceCodes, nextCodes) || Boolean(user.allProvinces) !== nextAll;
      user.roles = nextRoles;
      user.allProvinces = nextAll;
      user.moderatedProvinceCodes = nextCodes;
      const saved = await em.save(user);
      if (changed) await this.sessions.endAllForUser(em, user.id, user.id === actor.id ? actor.session?.tokenId : null);
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
      if (disabled && admins.includes(user.id) && admins.length === 1) throw Errors.invalidField('userId', M.lastAdmin);
      user.disabled = disabled;
      const saved = await em.save(user);
      if (disabled) await this.sessions.endAllForUser(em, user.id);
      return saved;
    });
  }

  /**
   * The ids of the enabled admins, locked until the transaction ends: two admins demoting or
   * disabling each other at the same moment are serialised, so one of them is refused.
   */
  private async lockEnabledAdmins(em: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await em.query(`SELECT id FROM app_user WHERE 'ADMIN' = ANY(roles) AND NOT disabled ORDER BY id FOR UPDATE`);
    return rows.map((r) => r.id);
  }
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}
