import { Column, Entity, Index } from 'typeorm';
import { BelongsToUserColumns } from '../accounts/user.entity.js';

/**
 * One-time recovery codes for an account with a second factor (10 per set, shown once). Only a
 * SHA-256 of each code is kept: the codes are random (50 bits), so a plain hash cannot be
 * reversed by guessing, and a lookup by hash stays one indexed query.
 */
@Entity('recovery_code')
@Index('IDX_recovery_code_user_hash', ['userId', 'codeHash'], { unique: true })
export class RecoveryCodeEntity extends BelongsToUserColumns {
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
