import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { bigintAsNumber, ListingEntity } from '../listings/listing.entity.js';
import { UserEntity } from '../accounts/user.entity.js';
import { InterestEntity } from '../deals/interest.entity.js';
import { DealEntity } from '../deals/deal.entity.js';
import { MeetingRequestEntity } from './event.entity.js';

/** Whether an accepted meeting took place (marked after its time). */
export enum MeetingAttendance {
  HELD = 'HELD',
  NO_SHOW = 'NO_SHOW',
}

/** What came of a held meeting: an interest to follow up, a memorandum of understanding, a contract. */
export enum MeetingOutcomeKind {
  INTEREST = 'INTEREST',
  MOU = 'MOU',
  CONTRACT = 'CONTRACT',
}

/**
 * The day-of facts of one accepted meeting (issue #17, "agendas and the day itself"): whether it
 * was held, and its outcome, which became the exchange's interest (and, for an MOU or a contract,
 * its deal), tagged with the event. Kept beside the meeting request rather than on it, so the
 * request stays the matchmaking's and the scheduler's row.
 */
@Entity('techmart_meeting_record')
export class MeetingRecordEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @OneToOne(() => MeetingRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<MeetingRequestEntity>;

  @Column({ type: 'varchar', length: 8, nullable: true })
  attendance: MeetingAttendance | null;

  @Column({ name: 'attendance_by', type: 'uuid', nullable: true })
  attendanceBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'attendance_by' })
  attendanceByUser?: Relation<UserEntity>;

  @Column({ name: 'attendance_at', type: 'timestamptz', nullable: true })
  attendanceAt: Date | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  outcome: MeetingOutcomeKind | null;

  /** Whole VND (MOU and contract); null for an interest. */
  @Column({ name: 'outcome_value', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  outcomeValue: number | null;

  @Column({ name: 'outcome_listing_id', type: 'uuid', nullable: true })
  outcomeListingId: string | null;

  @ManyToOne(() => ListingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outcome_listing_id' })
  outcomeListing?: Relation<ListingEntity>;

  @Index()
  @Column({ name: 'interest_id', type: 'uuid', nullable: true })
  interestId: string | null;

  @ManyToOne(() => InterestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'interest_id' })
  interest?: Relation<InterestEntity>;

  @Index()
  @Column({ name: 'deal_id', type: 'uuid', nullable: true })
  dealId: string | null;

  @ManyToOne(() => DealEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deal_id' })
  deal?: Relation<DealEntity>;

  @Column({ name: 'outcome_by', type: 'uuid', nullable: true })
  outcomeBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'outcome_by' })
  outcomeByUser?: Relation<UserEntity>;

  @Column({ name: 'outcome_at', type: 'timestamptz', nullable: true })
  outcomeAt: Date | null;
}

export enum MeetingReminderKind {
  DAY_BEFORE = 'DAY_BEFORE',
  HOUR_BEFORE = 'HOUR_BEFORE',
}

/**
 * The ledger of meeting reminders sent: one row per meeting, kind and meeting time. A reminder is
 * sent once per (meeting, kind, time); a meeting moved to another time gets its own reminders for
 * the new time, and a cancelled one gets none (the job only looks at accepted meetings).
 */
@Entity('techmart_meeting_reminder')
export class MeetingReminderEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<MeetingRequestEntity>;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  kind: MeetingReminderKind;

  /** The meeting's time the reminder was for. */
  @PrimaryColumn({ name: 'meeting_at', type: 'timestamptz' })
  meetingAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}
