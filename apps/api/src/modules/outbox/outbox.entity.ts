import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Side effects (search index updates, alerts, e-mails) recorded in the same transaction as the
 * change that causes them, and carried out after commit by the outbox worker. A crash or an
 * outage of Meilisearch or SMTP loses nothing: the row stays until a handler succeeds.
 */
@Entity('outbox_event')
@Index('IDX_outbox_event_pending', ['availableAt'], { where: 'processed_at IS NULL' })
// Search-index changes pending or recently applied (SearchService.recentIndexChanges): an
// expression index, created by a migration (1795910000000-OutboxIndexChanges).
@Index('IDX_outbox_event_index_changes', { synchronize: false })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  topic: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Not before this time (retries back off by moving it). */
  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
