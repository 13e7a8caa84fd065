import { Column, Entity, Index } from 'typeorm';
import { BelongsToUserColumns } from './user.entity.js';

export type AccountTokenPurpose = 'PASSWORD_RESET' | 'ACTIVATION';

/**
 * Single-use links sent by e-mail (password reset, account activation). Only the SHA-256 of the secret in the link
 * is stored, so a copy of the database opens no account. The secret is made when the e-mail is
 * sent (account-mail.service.ts), so it never sits in the outbox either: until then
 * `token_hash` is null. A row is spent once `used_at` is set, and dead after `expires_at`.
 */
@Entity('account_token')
@Index('IDX_account_token_user', ['userId'])
export class AccountTokenEntity extends BelongsToUserColumns {
  @Column({ type: 'varchar', length: 20 })
  purpose: AccountTokenPurpose;

  @Index('UQ_account_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64, nullable: true })
  tokenHash: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
