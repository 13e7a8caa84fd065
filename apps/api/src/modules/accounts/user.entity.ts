import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { Lang, Role } from '@techport/shared';

/** How an account gets its match and saved-search alerts by e-mail (they always appear in the app at once). */
export enum AlertEmails {
  /** One e-mail per alert, as it comes. */
  EACH = 'EACH',
  /** One e-mail a day with the day's alerts (the daily digest). */
  DAILY = 'DAILY',
  /** No alert e-mails: the alerts are in the app only. Account, deal and security e-mails still come. */
  OFF = 'OFF',
}

@Entity('app_user')
@Check('CHK_app_user_language', `"language" IN ('vi', 'en')`)
@Check('CHK_app_user_alert_emails', `"alert_emails" IN ('EACH', 'DAILY', 'OFF')`)
/**
 * Admin user search: a trigram index on fold_search(email || ' ' || display_name), the SQL twin of
 * foldDiacritics + lower case (created in migration UserSessions; TypeORM cannot describe it).
 */
@Index('IDX_app_user_search', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored trimmed and lower-cased, so uniqueness is case-insensitive. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'text', array: true, default: () => "'{MEMBER}'" })
  roles: Role[];

  /** For moderators: the provinces they may moderate (besides a nationwide grant, see allProvinces). */
  @Column({ name: 'moderated_province_codes', type: 'text', array: true, default: () => "'{}'" })
  moderatedProvinceCodes: string[];

  /** For moderators: the explicit nationwide grant. A moderator with neither this nor provinces covers nothing (fail closed). */
  @Column({ name: 'all_provinces', type: 'boolean', default: false })
  allProvinces: boolean;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /**
   * When the owner proved the address is theirs (the activation link, or a password reset).
   * Null: registered but not activated yet, and such an account cannot sign in.
   */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /** Match and saved-search alerts by e-mail: one each, once a day (modules/matching/match-digest.service.ts) or none. */
  @Column({ name: 'alert_emails', type: 'text', default: AlertEmails.EACH })
  alertEmails: AlertEmails;

  /** The interface language the account last used (its requests' Accept-Language): its e-mails come in it first. */
  @Column({ name: 'language', type: 'text', default: 'vi' })
  language: Lang;

  /** Set when alert e-mails are turned on again after OFF: alerts created before it are never e-mailed. */
  @Column({ name: 'alerts_emailed_since', type: 'timestamptz', nullable: true })
  alertsEmailedSince: Date | null;

  /**
   * Second factor (TOTP, RFC 6238; modules/second-factor). The Base32 secret of the confirmed
   * authenticator, null when the account has none. Staff roles act only with one enrolled.
   */
  @Column({ name: 'totp_secret', type: 'varchar', length: 64, nullable: true })
  totpSecret: string | null;

  /** A secret shown for enrolment but not yet confirmed with a code (replaced by each new start). */
  @Column({ name: 'totp_pending_secret', type: 'varchar', length: 64, nullable: true })
  totpPendingSecret: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  /** The last time step whose code was accepted: a code is never accepted twice (replay). */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep: string | null;

  /** The latest sign-in or request of any of its sessions (written with the session's last_seen_at). */
  @Column({ name: 'last_active_at', type: 'timestamptz', nullable: true })
  lastActiveAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * The key, owner and creation time of a row that belongs to one account and goes with it (a
 * notification, a saved search, a recovery code, an e-mailed link's token): each such entity
 * extends this, and TypeORM copies the columns into its table. Each table indexes user_id its own
 * way, at the class.
 */
export abstract class BelongsToUserColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
