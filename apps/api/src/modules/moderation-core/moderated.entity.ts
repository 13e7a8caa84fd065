import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, type ObjectType, type Relation } from 'typeorm';
import type { RejectionReason } from '@techport/shared';
import { ProvinceEntity } from '../reference/reference.entity.js';
import { UserEntity } from '../accounts/user.entity.js';
import type { ModerationStatus } from './moderation.workflow.js';

/**
 * The columns the moderated-content core reads and writes, shared by every kind's table (each
 * kind's entity extends this and adds its content; TypeORM copies the columns into each table).
 * `C` is the kind's content: what a pending revision holds.
 */
export abstract class ModeratedColumns<C> {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** From the item's name without diacritics; unique; never changes once published. */
  @Column({ type: 'varchar', length: 120, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 20, default: 'DRAFT' })
  status: ModerationStatus;

  /** Optimistic lock: an owner's edit may pass the value it read. */
  @VersionColumn({ default: 1 })
  version: number;

  /** Jurisdiction follows the province (a pending revision's, while it is reviewed). */
  @Index()
  @Column({ name: 'province_code', type: 'varchar', length: 40 })
  provinceCode: string;

  @ManyToOne(() => ProvinceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code' })
  province?: Relation<ProvinceEntity>;

  /** The moderator's last note, shown to the owner. */
  @Column({ name: 'moderation_note', type: 'text', nullable: true })
  moderationNote: string | null;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 32, nullable: true })
  rejectionReason: RejectionReason | null;

  /**
   * Edits to a PUBLISHED item wait here until a moderator approves them; the published columns
   * stay what the public sees meanwhile.
   */
  @Column({ name: 'pending_revision', type: 'jsonb', nullable: true })
  pendingRevision: C | null;

  /** When the pending revision was submitted for review (null: the owner is still editing it). */
  @Column({ name: 'revision_submitted_at', type: 'timestamptz', nullable: true })
  revisionSubmittedAt: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * The columns of every kind's audit trail (one row per step); each kind adds its item's key with
 * TrailItemKey and its relation with TrailItem.
 */
export abstract class ModerationStepColumns {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** null: the system (expiry). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  /** An AuditAction: CREATE, UPDATE, SUBMIT, APPROVE, REJECT, ARCHIVE, EXPIRE, RENEW, REVISION_… */
  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: ModerationStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: ModerationStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'reason_code', type: 'varchar', length: 32, nullable: true })
  reasonCode: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}

/** Where a kind keeps its audit trail: one row per step, keyed by `itemColumn` (listing_event.listing_id…). */
export interface TrailTable {
  /** The trail's entity: the core's step columns, plus `itemId` over `itemColumn`. */
  entity: ObjectType<ModerationStepColumns & { itemId: string }>;
  table: string;
  itemColumn: string;
}

/**
 * A kind's audit trail: an entity over `table` with the core's step columns and the item's key
 * (indexed: a trail is read by item), whose rows go when their item goes. `name` is the entity's
 * class name (TypeORM tells entities apart by it).
 */
export function moderationTrail<E>(name: string, table: string, itemColumn: string, item: () => ObjectType<E>): TrailTable {
  @Entity(table)
  class Trail extends ModerationStepColumns {
    @Index()
    @Column({ name: itemColumn, type: 'uuid' })
    itemId: string;

    @ManyToOne(item, { onDelete: 'CASCADE' })
    @JoinColumn({ name: itemColumn })
    item?: Relation<E>;
  }
  Object.defineProperty(Trail, 'name', { value: name });
  return { entity: Trail, table, itemColumn };
}

/** The core's columns every kind's GraphQL type shows as they are, with the entity its field resolvers read. */
export function moderatedFields<E extends ModeratedColumns<unknown>>(e: E) {
  return { id: e.id, slug: e.slug, status: e.status, version: e.version, createdAt: e.createdAt, updatedAt: e.updatedAt, publishedAt: e.publishedAt, entity: e };
}
