import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
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
import { SecondFactorService } from '../second-factor/second-factor.service.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';

const M = {
  emailTaken: { vi: 'E-mail này đã được đăng ký.', en: 'This e-mail address is already registered.' },
  passwordIsEmail: { vi: 'Mật khẩu không được trùng với e-mail.', en: 'The password must not be your e-mail address.' },
  badLogin: { vi: 'E-mail hoặc mật khẩu không đúng.', en: 'Wrong e-mail or password.' },
  unknownProvince: { vi: 'Mã tỉnh/thành không hợp lệ.', en: 'Unknown province code.' },
  userNotFound: { vi: 'người dùng', en: 'User' },
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
    private readonly limits: RateLimitService,
    private readonly secondFactor: SecondFactorService,
    private readonly audit: StaffAuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists yet. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.ADMIN_EMAIL || !this.config.ADMIN_PASSWORD) return;
    const email = normalizeEmail(this.config.ADMIN_EMAIL);
    const hash = await hashPassword(this.config.ADMIN_PASSWORD);
    // One statement, so two API processes starting together cannot create two admins.
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO app_user (email, password_hash, display_name, roles)
       SELECT $1, $2, 'Administrator', '{MEMBER,ADMIN}'
       WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE 'ADMIN' = ANY(roles))
       ON CONFLICT (email) DO UPDATE SET roles = array(SELECT DISTINCT unnest(app_user.roles || '{ADMIN}'::text[]))
       RETURNING id`,
      [email, hash],
    );
    if (rows.length) this.logger.log(`admin account ready: ${email}`);
    // Demo/test installations enrol the first admin's authenticator with a known secret.
    if (this.config.ADMIN_TOTP_SECRET) await SecondFactorService.enrolWithKnownSecret(this.ds, email, this.config.ADMIN_TOTP_SECRET);
  }

  async register(input: RegisterInput): Promise<{ token: string; user: UserEntity }> {
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
    return { token: await this.tokens.issue(user.id), user };
  }

  /** Same answer and about the same time whether the e-mail is unknown or the password wrong. */
  async login(emailInput: string, password: string): Promise<{ token: string; user: UserEntity }> {
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
    // Two-step sign-in: a right password for an enrolled account earns a challenge, not a session.
    if (user.totpSecret) throw await this.secondFactor.challengeError(user);
    return { token: await this.tokens.issue(user.id), user };
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

  async setRoles(actor: Viewer, userId: string, roles: Role[], moderatedProvinceCodes: string[] | undefined): Promise<UserEntity> {
    const codes = [...new Set(moderatedProvinceCodes ?? [])];
    const unknown = codes.find((c) => !findProvince(c));
    if (unknown) throw Errors.invalidField('moderatedProvinceCodes', M.unknownProvince);
    if (!isUuid(userId)) throw Errors.notFound(M.userNotFound);
    return this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw Errors.notFound(M.userNotFound);
      const before = { roles: user.roles, moderatedProvinceCodes: user.moderatedProvinceCodes };
      const nextRoles = [...new Set<Role>([Role.MEMBER, ...roles])];
      user.roles = nextRoles;
      user.moderatedProvinceCodes = nextRoles.includes(Role.MODERATOR) ? codes : [];
      const saved = await em.getRepository(UserEntity).save(user);
      await this.audit.record(em, {
        actor,
        action: StaffAuditAction.USER_ROLES_CHANGED,
        targetKind: StaffAuditTargetKind.USER,
        targetId: user.id,
        summary: `Vai trò của ${user.email}: ${nextRoles.join(', ')}${user.moderatedProvinceCodes.length ? ` (${user.moderatedProvinceCodes.join(', ')})` : ''}`,
        details: { email: user.email, before, after: { roles: saved.roles, moderatedProvinceCodes: saved.moderatedProvinceCodes } },
      });
      return saved;
    });
  }

  async setDisabled(actor: Viewer, userId: string, disabled: boolean): Promise<UserEntity> {
    if (!isUuid(userId)) throw Errors.notFound(M.userNotFound);
    return this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw Errors.notFound(M.userNotFound);
      const was = user.disabled;
      user.disabled = disabled;
      const saved = await em.getRepository(UserEntity).save(user);
      await this.audit.record(em, {
        actor,
        action: disabled ? StaffAuditAction.USER_DISABLED : StaffAuditAction.USER_ENABLED,
        targetKind: StaffAuditTargetKind.USER,
        targetId: user.id,
        summary: `${disabled ? 'Khoá' : 'Mở khoá'} tài khoản ${user.email}`,
        details: { email: user.email, before: { disabled: was }, after: { disabled } },
      });
      return saved;
    });
  }
}
