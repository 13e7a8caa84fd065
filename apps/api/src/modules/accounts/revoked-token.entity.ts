import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Tokens ended by `logout` before their expiry. A bearer token is otherwise valid until JWT_TTL
 * runs out; each carries an id (jti) and is refused once its id is here. Rows are only needed
 * until the token would have expired anyway, and are deleted after that.
 */
@Entity('revoked_token')
export class RevokedTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  jti: string;

  @Index('IDX_revoked_token_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
