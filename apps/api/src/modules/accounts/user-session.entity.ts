import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from './user.entity.js';

/**
 * One signed-in session: a row per bearer token, keyed by the token's id (jti). A token is
 * accepted only while its row exists, so ending a session (logout, "sign out everywhere", a
 * password change, an admin's role change or disabling) deletes the row and the token is refused
 * from the next request on. Rows of tokens past their expiry are deleted at the next sign-in.
 */
@Entity('user_session')
export class UserSessionEntity {
  /** The token's jti. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('IDX_user_session_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  /** The browser's User-Agent as last seen (the storefront passes its visitor's on). */
  @Column({ name: 'user_agent', type: 'varchar', length: 500, nullable: true })
  userAgent: string | null;

  /** The client's address as last seen (the visitor's, when the API trusts the storefront's X-Forwarded-For). */
  @Column({ name: 'ip_address', type: 'varchar', length: 64, nullable: true })
  ipAddress: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Updated at most once a minute per session (see SessionsService.touch), not on every request. */
  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  /** The token's own expiry; the row is useless after it. */
  @Index('IDX_user_session_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
