import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation, type ValueTransformer } from 'typeorm';
import type { IpStatus, ListingKind, TransferMode } from '@techport/shared';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { ModeratedColumns, moderationTrail } from '../moderation-core/moderated.entity.js';
import { UserEntity } from '../accounts/user.entity.js';

/** Whole VND amounts are stored as bigint (exact) and exposed as JS numbers (exact below 2^53 ≈ 9 × 10^15). */
export const bigintAsNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** The editable content of a listing; a published listing's pending revision has this shape. */
export interface ListingContent {
  title: string;
  summary: string;
  description: string;
  specification: string | null;
  advantages: string | null;
  mediaUrls: string[];
  fieldCodes: string[];
  keywords: string[];
  trl: number | null;
  transferModes: TransferMode[];
  ipStatus: IpStatus | null;
  priceMin: number | null;
  priceMax: number | null;
  currency: string;
  negotiable: boolean;
  provinceCode: string;
  language: string;
}

export interface QualityHint {
  code: string;
  /** Points lost for it (the score is 100 minus the sum). */
  penalty: number;
}

@Entity('listing')
@Index('IDX_listing_status_kind_published', ['status', 'kind', 'publishedAt'])
@Index('IDX_listing_org_status', ['organizationId', 'status'])
@Index('IDX_listing_revision_queue', ['revisionSubmittedAt'], { where: 'revision_submitted_at IS NOT NULL' })
export class ListingEntity extends ModeratedColumns<ListingContent> {
  @Column({ type: 'varchar', length: 16 })
  kind: ListingKind;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Column({ type: 'text' })
  description: string;

  /** Offers: technical specification. */
  @Column({ type: 'text', nullable: true })
  specification: string | null;

  /** Offers: advantages over alternatives. */
  @Column({ type: 'text', nullable: true })
  advantages: string | null;

  /** Links to images, video and documents. */
  @Column({ name: 'media_urls', type: 'text', array: true, default: () => "'{}'" })
  mediaUrls: string[];

  /** Taxonomy codes as the owner chose them (a parent stands for all its children in search). */
  @Index('IDX_listing_field_codes', { synchronize: false })
  @Column({ name: 'field_codes', type: 'text', array: true, default: () => "'{}'" })
  fieldCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];

  /** OFFER: readiness reached (1–9). DEMAND: minimum accepted. */
  @Column({ type: 'smallint', nullable: true })
  trl: number | null;

  @Column({ name: 'transfer_modes', type: 'text', array: true, default: () => "'{}'" })
  transferModes: TransferMode[];

  @Column({ name: 'ip_status', type: 'varchar', length: 32, nullable: true })
  ipStatus: IpStatus | null;

  /** OFFER: asking price range. DEMAND: budget (priceMax). Whole VND. */
  @Column({ name: 'price_min', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  priceMin: number | null;

  @Column({ name: 'price_max', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  priceMax: number | null;

  @Column({ type: 'varchar', length: 3, default: 'VND' })
  currency: string;

  @Column({ type: 'boolean', default: true })
  negotiable: boolean;

  /** Language the listing is written in ('vi' or 'en'), detected or chosen. */
  @Column({ type: 'varchar', length: 2, default: 'vi' })
  language: string;

  /** 0–100, computed at submission; hints say what to improve. */
  @Column({ name: 'quality_score', type: 'smallint', nullable: true })
  qualityScore: number | null;

  @Column({ name: 'quality_hints', type: 'jsonb', default: () => "'[]'" })
  qualityHints: QualityHint[];

  /** Published listings expire (LISTING_TTL_DAYS); expired ones leave search but keep their page. */
  @Index()
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'expiry_warned_at', type: 'timestamptz', nullable: true })
  expiryWarnedAt: Date | null;

  /**
   * Set by the expiry job when `expiresAt` has passed: the listing leaves public lists and search
   * but its page still answers (marked expired). Cleared by a renewal.
   */
  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt: Date | null;
}

/** The audit trail: every transition of a listing (and of its revisions). */
export const LISTING_TRAIL = moderationTrail('ListingEventEntity', 'listing_event', 'listing_id', () => ListingEntity);
