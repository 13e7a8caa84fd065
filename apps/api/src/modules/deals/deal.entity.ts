import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { DealStatus, TransferMode } from '@techport/shared';
import { bigintAsNumber } from '../listings/listing.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { ProvinceEntity } from '../reference/reference.entity.js';
import { UserEntity } from '../accounts/user.entity.js';
import { InterestAndDealColumns, InterestEntity } from './interest.entity.js';
import type { DealAction } from './deal.workflow.js';

/**
 * A deal proposed on an accepted interest, carried through the department's review to signature
 * and completion (the workflow is deal.workflow.ts). The register of reviewed deals, and the
 * market's deal figures, are made of these rows.
 */
@Entity('deal')
// At most one live deal per interest: a second proposal while one is under way is a CONFLICT.
@Index('UQ_deal_live_per_interest', ['interestId'], { unique: true, where: `status NOT IN ('CANCELLED', 'REJECTED', 'COMPLETED')` })
// A proposal retried with the same key by the same user finds the first one.
@Index('UQ_deal_idempotency', ['proposedBy', 'idempotencyKey'], { unique: true, where: `idempotency_key IS NOT NULL` })
@Index('IDX_deal_supplier', ['supplierOrganizationId', 'createdAt'])
@Index('IDX_deal_buyer', ['buyerOrganizationId', 'createdAt'])
@Index('IDX_deal_province_status', ['provinceCode', 'status'])
@Index('IDX_deal_reviewed', ['reviewedAt'], { where: 'reviewed_at IS NOT NULL' })
@Index('IDX_deal_event', ['eventId'], { where: 'event_id IS NOT NULL' })
export class DealEntity extends InterestAndDealColumns {
  @Column({ name: 'interest_id', type: 'uuid' })
  interestId: string;

  @ManyToOne(() => InterestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'interest_id' })
  interest?: Relation<InterestEntity>;

  /** The OFFER side: the listing's organisation for an offer, the interested one for a demand. */
  @Column({ name: 'supplier_organization_id', type: 'uuid' })
  supplierOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_organization_id' })
  supplier?: Relation<OrganizationEntity>;

  @Column({ name: 'buyer_organization_id', type: 'uuid' })
  buyerOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_organization_id' })
  buyer?: Relation<OrganizationEntity>;

  /** The supplier's province when the deal was proposed: whose department reviews it. */
  @Column({ name: 'province_code', type: 'varchar', length: 40 })
  provinceCode: string;

  @ManyToOne(() => ProvinceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code' })
  province?: Relation<ProvinceEntity>;

  /** Whole VND, exact. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  value: number;

  @Column({ type: 'varchar', length: 3, default: 'VND' })
  currency: string;

  @Column({ name: 'transfer_mode', type: 'varchar', length: 32 })
  transferMode: TransferMode;

  @Column({ type: 'text' })
  terms: string;

  @Column({ type: 'varchar', length: 20 })
  status: DealStatus;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by' })
  proposer?: Relation<UserEntity>;

  /** The party that proposed; the other one accepts or declines. */
  @Column({ name: 'proposer_organization_id', type: 'uuid' })
  proposerOrganizationId: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewed_by' })
  reviewer?: Relation<UserEntity>;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  /** When the department approved it: the month it counts in the market's figures. */
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'supplier_signed_at', type: 'timestamptz', nullable: true })
  supplierSignedAt: Date | null;

  @Column({ name: 'supplier_signed_by', type: 'uuid', nullable: true })
  supplierSignedBy: string | null;

  @Column({ name: 'buyer_signed_at', type: 'timestamptz', nullable: true })
  buyerSignedAt: Date | null;

  @Column({ name: 'buyer_signed_by', type: 'uuid', nullable: true })
  buyerSignedBy: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

/** One step of a deal's history, written in the same transaction as the step itself. */
@Entity('deal_event')
@Index('IDX_deal_event_deal', ['dealId', 'id'])
export class DealEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId: string;

  @ManyToOne(() => DealEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Relation<DealEntity>;

  @Column({ type: 'varchar', length: 16 })
  action: DealAction;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: DealStatus | null;

  /** The deal's status after this step. */
  @Column({ type: 'varchar', length: 20 })
  status: DealStatus;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  /** The party the actor acted for (null for the department). */
  @Column({ name: 'actor_organization_id', type: 'uuid', nullable: true })
  actorOrganizationId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
