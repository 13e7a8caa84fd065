import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit log of staff actions (role changes, disabling, verification, moderation, deal
 * reviews, exports, second-factor resets). Append-only: the API has no path that changes or
 * deletes a row, and a trigger (migration StaffAudit…) makes PostgreSQL refuse UPDATE, DELETE
 * and TRUNCATE on the table. Actor e-mail and name are copied so the row reads the same later.
 */
@Entity('staff_audit_log')
@Index('IDX_staff_audit_log_at', ['occurredAt'])
@Index('IDX_staff_audit_log_actor', ['actorId', 'occurredAt'])
@Index('IDX_staff_audit_log_target', ['targetKind', 'targetId'])
export class StaffAuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_email', type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  /** StaffAuditAction (audit/staff-audit.actions.ts). */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ name: 'target_kind', type: 'varchar', length: 40 })
  targetKind: string;

  @Column({ name: 'target_id', type: 'varchar', length: 100, nullable: true })
  targetId: string | null;

  /** One line a person reads in the log, in Vietnamese (details carries the facts). */
  @Column({ type: 'text' })
  summary: string;

  /** The same line in English (null in rows written before 2026-12-07). */
  @Column({ name: 'summary_en', type: 'text', nullable: true })
  summaryEn: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 400, nullable: true })
  userAgent: string | null;
}
