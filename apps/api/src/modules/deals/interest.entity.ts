import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { InterestStatus } from '@techport/shared';
import { ListingEntity } from '../listings/listing.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../accounts/user.entity.js';
import { EventEntity, MeetingRequestEntity } from '../events/event.entity.js';

/**
 * What an interest and a deal proposed on it both record: the listing they are about, and the
 * Techmart whose meeting they came out of (null: raised on the exchange alone; a deal takes its
 * interest's). Each entity extends this, and TypeORM copies the columns into its table; each
 * indexes event_id at the class, under its own name.
 */
export abstract class InterestAndDealColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'listing_id', type: 'uuid' })
  listingId: string;

  @ManyToOne(() => ListingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'listing_id' })
  listing?: Relation<ListingEntity>;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @ManyToOne(() => EventEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * An organisation's interest in another organisation's published listing: the conversation
 * between the two, from which deals are proposed. At most one OPEN or ACCEPTED interest per
 * organisation and listing (a partial unique index; a second one is a CONFLICT).
 */
@Entity('interest')
@Index('UQ_interest_live_per_org', ['listingId', 'organizationId'], { unique: true, where: `status IN ('OPEN', 'ACCEPTED')` })
@Index('IDX_interest_organization', ['organizationId', 'lastMessageAt'])
@Index('IDX_interest_listing_organization', ['listingOrganizationId', 'lastMessageAt'])
@Index('IDX_interest_event', ['eventId'], { where: 'event_id IS NOT NULL' })
export class InterestEntity extends InterestAndDealColumns {
  /** The organisation that expressed interest. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  /** The listing's organisation (a listing never changes hands), kept here so access checks and lists need no join. */
  @Column({ name: 'listing_organization_id', type: 'uuid' })
  listingOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'listing_organization_id' })
  listingOrganization?: Relation<OrganizationEntity>;

  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  status: InterestStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  /** Who accepted, declined or withdrew it, and when. */
  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'responded_by' })
  responder?: Relation<UserEntity>;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /** Orders the caller's conversations by activity. */
  @Column({ name: 'last_message_at', type: 'timestamptz', default: () => 'now()' })
  lastMessageAt: Date;
}

/**
 * One message of a conversation between two organisations, written by a member of either: the
 * thread is an interest's, or a Techmart meeting request's (exactly one of the two is set).
 */
@Entity('interest_message')
@Index('IDX_interest_message_thread', ['interestId', 'createdAt'])
@Index('IDX_interest_message_meeting_thread', ['meetingRequestId', 'createdAt'], { where: 'meeting_request_id IS NOT NULL' })
@Check('CHK_interest_message_one_thread', 'num_nonnulls("interest_id", "meeting_request_id") = 1')
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'interest_id', type: 'uuid', nullable: true })
  interestId: string | null;

  @ManyToOne(() => InterestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interest_id' })
  interest?: Relation<InterestEntity>;

  @Column({ name: 'meeting_request_id', type: 'uuid', nullable: true })
  meetingRequestId: string | null;

  @ManyToOne(() => MeetingRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_request_id', foreignKeyConstraintName: 'FK_interest_message_meeting_request' })
  meetingRequest?: Relation<MeetingRequestEntity>;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<UserEntity>;

  /** The side the author wrote for (the interested organisation or the listing's). */
  @Column({ name: 'author_organization_id', type: 'uuid' })
  authorOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_organization_id' })
  authorOrganization?: Relation<OrganizationEntity>;

  @Column({ type: 'text' })
  body: string;

  /** The database's clock (microseconds), so a quick exchange keeps its order. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
