import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { ModeratedColumns, moderationTrail } from '../moderation-core/moderated.entity.js';
import { UserEntity } from '../accounts/user.entity.js';

/** The editable content of a profile; a published profile's pending revision has this shape. */
export interface ExpertContent {
  fullName: string;
  headline: string;
  bio: string;
  fieldCodes: string[];
  services: string[];
  pastTransfers: string[];
  provinceCode: string;
  organizationId: string | null;
}

/**
 * An expert or consultant: a person (one profile per account), optionally affiliated with an
 * organisation they belong to, moderated like a listing (draft → review → published → archived)
 * and listed publicly once published.
 */
@Entity('expert_profile')
@Index('IDX_expert_profile_status_published', ['status', 'publishedAt'])
@Index('IDX_expert_profile_revision_queue', ['revisionSubmittedAt'], { where: 'revision_submitted_at IS NOT NULL' })
export class ExpertProfileEntity extends ModeratedColumns<ExpertContent> {
  /** The account the profile belongs to: one profile per account. */
  @Column({ name: 'user_id', type: 'uuid', unique: true })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ name: 'full_name', type: 'varchar', length: 120 })
  fullName: string;

  @Column({ type: 'varchar', length: 200 })
  headline: string;

  @Column({ type: 'text' })
  bio: string;

  /** Fields of expertise, as the expert chose them (a parent stands for all its children in search). */
  @Column({ name: 'field_codes', type: 'text', array: true, default: () => "'{}'" })
  fieldCodes: string[];

  /** S&T services offered ("Tư vấn chuyển giao công nghệ", "Thẩm định công nghệ"…). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  services: string[];

  /** Technology transfers the expert took part in, one line each. */
  @Column({ name: 'past_transfers', type: 'text', array: true, default: () => "'{}'" })
  pastTransfers: string[];

  /** Affiliation: an organisation the expert is a member of (checked when set). */
  @Index()
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;
}

/** The audit trail: every transition of a profile (and of its revisions). */
export const EXPERT_TRAIL = moderationTrail('ExpertProfileEventEntity', 'expert_profile_event', 'expert_id', () => ExpertProfileEntity);

/**
 * A conversation between an organisation (a prospective client) and an expert. One per
 * organisation and expert: contacting the expert again continues it. Only the expert and the
 * organisation's members ever see it.
 */
@Entity('expert_contact')
@Index('UQ_expert_contact_expert_org', ['expertId', 'organizationId'], { unique: true })
@Index('IDX_expert_contact_organization', ['organizationId', 'lastMessageAt'])
export class ExpertContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'expert_id', type: 'uuid' })
  expertId: string;

  @ManyToOne(() => ExpertProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'expert_id' })
  expert?: Relation<ExpertProfileEntity>;

  /** The expert's account (a profile never changes hands), so access checks need no join. */
  @Index()
  @Column({ name: 'expert_user_id', type: 'uuid' })
  expertUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'expert_user_id' })
  expertUser?: Relation<UserEntity>;

  /** The organisation that got in touch. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  /** The expert's name when first contacted (the thread keeps it if the profile leaves the public list). */
  @Column({ name: 'expert_name', type: 'varchar', length: 120 })
  expertName: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @Column({ name: 'last_message_at', type: 'timestamptz', default: () => 'now()' })
  lastMessageAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One message of an expert conversation, by the expert or by a member of the organisation. */
@Entity('expert_message')
@Index('IDX_expert_message_thread', ['contactId', 'createdAt'])
export class ExpertMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @ManyToOne(() => ExpertContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<ExpertContactEntity>;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<UserEntity>;

  /** Written by the expert (true) or for the organisation (false). */
  @Column({ name: 'from_expert', type: 'boolean' })
  fromExpert: boolean;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
