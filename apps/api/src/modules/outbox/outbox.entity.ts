import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Side effects (search index updates, alerts, e-mails) recorded in the same transaction as the
 * change that causes them, and carried out after commit by the outbox worker. A crash or an
 * outage of Meilisearch or SMTP loses nothing: the row stays until a handler succeeds.
 */
@Entity('outbox_event')
@Index('IDX_outbox_event_pending', ['availableAt'], { where: 'processed_at IS NULL' })
@Index('IDX_outbox_event_undispatched', ['availableAt'], { where: 'dispatched_at IS NULL' })
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

  /** Every subscriber's delivery done (outbox_delivery). */
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  /** Fanned out: one outbox_delivery row per subscriber of its topic. */
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}

/**
 * One subscriber's job for one event: claimed with a lease (lease_token, leased_until) and run
 * outside any transaction; retried alone with backoff when its handler throws; taken over by
 * another worker when its lease runs out (the worker died).
 */
@Entity('outbox_delivery')
@Index('IDX_outbox_delivery_due', ['availableAt'], { where: 'done_at IS NULL' })
export class OutboxDeliveryEntity {
  @PrimaryColumn({ name: 'event_id', type: 'bigint' })
  eventId: string;

  @ManyToOne(() => OutboxEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_outbox_delivery_event' })
  event?: OutboxEventEntity;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  subscriber: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ name: 'lease_token', type: 'uuid', nullable: true })
  leaseToken: string | null;

  @Column({ name: 'leased_until', type: 'timestamptz', nullable: true })
  leasedUntil: Date | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
