import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../accounts/user.entity.js';
import { ModeratedColumns, moderationTrail } from '../moderation-core/moderated.entity.js';

/** Techmart fairs, brokerage days and online sessions (the five kinds). */
export enum EventKind {
  NATIONAL_TECHMART = 'NATIONAL_TECHMART',
  LOCAL_TECHMART = 'LOCAL_TECHMART',
  SPECIALISED_TECHMART = 'SPECIALISED_TECHMART',
  BROKERAGE_DAY = 'BROKERAGE_DAY',
  ONLINE_SESSION = 'ONLINE_SESSION',
}

/** A pause in the meeting day ("12:00"–"13:30", event time zone): no meeting is placed in it. */
export interface EventBreak {
  startsAt: string;
  endsAt: string;
}

/** One of the organiser's extra questions on the registration form. */
export interface EventQuestion {
  /** Stable within the event ("q1", "q2"…): answers refer to it. */
  id: string;
  labelVi: string;
  labelEn: string;
  required: boolean;
  /** Answered with a whole number (EVENT_LIMITS.numericAnswer: the number of attendees…); absent in questions stored before: false. */
  numeric?: boolean;
}

/** The editable content of an event; a published event's pending revision has this shape. */
export interface EventContent {
  nameVi: string;
  nameEn: string;
  kind: EventKind;
  /** First and last day, 'YYYY-MM-DD' in the event's time zone (Asia/Ho_Chi_Minh). */
  startsOn: string;
  endsOn: string;
  /** The department whose jurisdiction the event falls under; for a venue, its province. */
  provinceCode: string;
  online: boolean;
  /** Address of the venue; null for an online event. */
  venue: string | null;
  description: string;
  /** The description in English; null: the English page shows the Vietnamese one (absent in revisions saved before it existed). */
  descriptionEn?: string | null;
  fieldCodes: string[];
  registrationOpensAt: string;
  registrationClosesAt: string;
  /** Days with B2B meetings ('YYYY-MM-DD'), each from dayStartsAt to dayEndsAt ('HH:MM'). */
  meetingDays: string[];
  dayStartsAt: string;
  dayEndsAt: string;
  slotMinutes: number;
  meetingTables: number;
  breaks: EventBreak[];
  /** Caps on approved registrations (null: no cap). */
  maxExhibitors: number | null;
  maxVisitors: number | null;
  questions: EventQuestion[];
}

/**
 * A Techmart event, a kind of moderated content (event.kind.ts): an organisation's draft goes to
 * the department for review; once published it is listed, and organisations register for it.
 * Owned by the organiser organisation (its members edit it and decide registrations).
 */
@Entity('techmart_event')
@Index('IDX_techmart_event_status_starts', ['status', 'startsOn'])
@Index('IDX_techmart_event_revision_queue', ['revisionSubmittedAt'], { where: 'revision_submitted_at IS NOT NULL' })
export class EventEntity extends ModeratedColumns<EventContent> {
  @Index()
  @Column({ name: 'organizer_id', type: 'uuid' })
  organizerId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizer_id' })
  organizer?: Relation<OrganizationEntity>;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @Column({ name: 'name_vi', type: 'varchar', length: 200 })
  nameVi: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn: string;

  @Column({ type: 'varchar', length: 24 })
  kind: EventKind;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ type: 'boolean', default: false })
  online: boolean;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'description_en', type: 'text', nullable: true })
  descriptionEn: string | null;

  @Column({ name: 'field_codes', type: 'text', array: true, default: () => "'{}'" })
  fieldCodes: string[];

  /** ISO instants (kept as text in the content so a revision round-trips through JSON unchanged). */
  @Column({ name: 'registration_opens_at', type: 'timestamptz', transformer: { to: (v: string) => v, from: (v: Date | null) => (v ? v.toISOString() : v) } })
  registrationOpensAt: string;

  @Column({ name: 'registration_closes_at', type: 'timestamptz', transformer: { to: (v: string) => v, from: (v: Date | null) => (v ? v.toISOString() : v) } })
  registrationClosesAt: string;

  @Column({ name: 'meeting_days', type: 'text', array: true, default: () => "'{}'" })
  meetingDays: string[];

  @Column({ name: 'day_starts_at', type: 'varchar', length: 5, default: '08:30' })
  dayStartsAt: string;

  @Column({ name: 'day_ends_at', type: 'varchar', length: 5, default: '17:00' })
  dayEndsAt: string;

  @Column({ name: 'slot_minutes', type: 'smallint', default: 20 })
  slotMinutes: number;

  @Column({ name: 'meeting_tables', type: 'smallint', default: 0 })
  meetingTables: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  breaks: EventBreak[];

  @Column({ name: 'max_exhibitors', type: 'int', nullable: true })
  maxExhibitors: number | null;

  @Column({ name: 'max_visitors', type: 'int', nullable: true })
  maxVisitors: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: EventQuestion[];
}

/** The audit trail: every transition of an event (and of its revisions). */
export const EVENT_TRAIL = moderationTrail('EventStepEntity', 'techmart_event_step', 'event_id', () => EventEntity);

/**
 * The key, event and creation time of a row that belongs to one event and goes with it (a
 * programme session, a registration, a meeting request, a scheduler run): each such entity extends
 * this, and TypeORM copies the columns into its table. Each table indexes event_id with the
 * columns it is read by.
 */
export abstract class BelongsToEventColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export enum ProgrammeSessionKind {
  TALK = 'TALK',
  DEMONSTRATION = 'DEMONSTRATION',
  WORKSHOP = 'WORKSHOP',
  CEREMONY = 'CEREMONY',
}

/** One item of an event's programme: a talk, a demonstration… with its time and room. */
@Entity('techmart_programme_session')
@Index('IDX_techmart_programme_event_time', ['eventId', 'startsAt'])
export class ProgrammeSessionEntity extends BelongsToEventColumns {
  @Column({ type: 'varchar', length: 16 })
  kind: ProgrammeSessionKind;

  /** The title in Vietnamese. */
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The title in English; null: English readers see the Vietnamese one. */
  @Column({ name: 'title_en', type: 'varchar', length: 200, nullable: true })
  titleEn: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  speaker: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  room: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;
}

export enum RegistrationRole {
  EXHIBITOR = 'EXHIBITOR',
  VISITOR = 'VISITOR',
}

export enum RegistrationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

export interface RegistrationAnswer {
  questionId: string;
  answer: string;
}

/**
 * An organisation's registration for an event: as exhibitor (with the published offers it will
 * show) or visitor (with the published demands it brings). One per organisation and event; the
 * organiser approves or declines it and assigns booths.
 */
@Entity('techmart_registration')
@Unique('UQ_techmart_registration_event_org', ['eventId', 'organizationId'])
@Index('IDX_techmart_registration_event_status', ['eventId', 'status'])
export class EventRegistrationEntity extends BelongsToEventColumns {
  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registered_by' })
  registrant?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 16 })
  role: RegistrationRole;

  @Column({ type: 'varchar', length: 16, default: RegistrationStatus.PENDING })
  status: RegistrationStatus;

  /** When it was last sent: registering again after withdrawing (or while pending) renews it; createdAt stays the first time. */
  @Column({ name: 'registered_at', type: 'timestamptz', default: () => 'now()' })
  registeredAt: Date;

  /** Exhibitors: the published offers shown at the booth; visitors: the published demands brought. */
  @Column({ name: 'listing_ids', type: 'uuid', array: true, default: () => "'{}'" })
  listingIds: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  answers: RegistrationAnswer[];

  /** Assigned by the organiser ("A12"). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  booth: string | null;

  /** The organiser's note with a decision (a decline says why). */
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /**
   * Who of the registering organisation withdrew it, and when (the last withdrawal: what cancelled
   * its meetings and gave back its booth).
   */
  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'withdrawn_by' })
  withdrawnByUser?: Relation<UserEntity>;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  /**
   * Given at approval: what the agenda's QR code carries (in the staff check-in address) and what
   * staff type when a phone cannot scan. Unique across events, so a code alone finds its registration.
   */
  @Index('UQ_techmart_registration_check_in_code', { unique: true, where: 'check_in_code IS NOT NULL' })
  @Column({ name: 'check_in_code', type: 'varchar', length: 12, nullable: true })
  checkInCode: string | null;

  /** When the organiser's staff checked the participant in at the venue (once). */
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_in_by', type: 'uuid', nullable: true })
  checkedInBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'checked_in_by' })
  checkedInByUser?: Relation<UserEntity>;
}

export enum MeetingRequestStatus {
  REQUESTED = 'REQUESTED',
  /** The recipient proposed other slots: the requester accepts one (or declines). */
  COUNTER_PROPOSED = 'COUNTER_PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

/** Who placed a meeting on its slot and table. */
export enum MeetingPlacedBy {
  SCHEDULER = 'SCHEDULER',
  ORGANIZER = 'ORGANIZER',
}

/**
 * A B2B meeting request between two approved participants of an event: a reason and proposed
 * slots; the other side accepts (choosing one of the slots, or leaving the time to the
 * scheduler), declines with a reason, or proposes other slots (the requester then accepts one).
 * Seen by the two organisations (and, once accepted, the organiser, who schedules it). One open
 * request (REQUESTED, COUNTER_PROPOSED or ACCEPTED) per ordered pair. An accepted meeting gets a
 * slot and a table from the scheduler (scheduler/) or the organiser; a pinned one never moves.
 */
@Entity('techmart_meeting_request')
@Index('UQ_techmart_meeting_request_open_pair', ['fromRegistrationId', 'toRegistrationId'], { unique: true, where: `status IN ('REQUESTED', 'COUNTER_PROPOSED', 'ACCEPTED')` })
@Index('UQ_techmart_meeting_request_table_slot', ['eventId', 'scheduledAt', 'tableNumber'], { unique: true, where: `status = 'ACCEPTED' AND scheduled_at IS NOT NULL` })
@Index('IDX_techmart_meeting_request_event_status', ['eventId', 'status'])
export class MeetingRequestEntity extends BelongsToEventColumns {
  @Column({ name: 'from_registration_id', type: 'uuid' })
  fromRegistrationId: string;

  @ManyToOne(() => EventRegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_registration_id' })
  fromRegistration?: Relation<EventRegistrationEntity>;

  @Index()
  @Column({ name: 'to_registration_id', type: 'uuid' })
  toRegistrationId: string;

  @ManyToOne(() => EventRegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_registration_id' })
  toRegistration?: Relation<EventRegistrationEntity>;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by' })
  requester?: Relation<UserEntity>;

  @Column({ type: 'text' })
  reason: string;

  /** Proposed slot starts (ISO instants), each a slot of the event. */
  @Column({ name: 'proposed_slots', type: 'timestamptz', array: true, default: () => "'{}'" })
  proposedSlots: Date[];

  @Column({ type: 'varchar', length: 16, default: MeetingRequestStatus.REQUESTED })
  status: MeetingRequestStatus;

  /** The proposed slot the other side accepted (null: left to the scheduler). */
  @Column({ name: 'accepted_slot', type: 'timestamptz', nullable: true })
  acceptedSlot: Date | null;

  /** The other side's note (a decline says why). */
  @Column({ name: 'response_note', type: 'text', nullable: true })
  responseNote: string | null;

  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedBy: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /** The recipient's counter-proposal (slot starts), while COUNTER_PROPOSED (kept after). */
  @Column({ name: 'counter_slots', type: 'timestamptz', array: true, default: () => "'{}'" })
  counterSlots: Date[];

  /** The slot the meeting takes place in (scheduler or organiser); null: not placed yet. */
  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt: Date | null;

  /** Its table, 1…the event's meetingTables. */
  @Column({ name: 'table_number', type: 'smallint', nullable: true })
  tableNumber: number | null;

  /** Placed by the organiser: the scheduler never moves it. */
  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ name: 'scheduled_by', type: 'varchar', length: 16, nullable: true })
  scheduledBy: MeetingPlacedBy | null;

  /** The scheduler run that placed it last. */
  @Index('IDX_techmart_meeting_request_run')
  @Column({ name: 'schedule_run_id', type: 'uuid', nullable: true })
  scheduleRunId: string | null;

  @ManyToOne(() => ScheduleRunEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'schedule_run_id' })
  scheduleRun?: Relation<ScheduleRunEntity>;
}

export enum ScheduleRunStatus {
  QUEUED = 'QUEUED',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/**
 * One run of the meeting scheduler over an event's accepted meetings, asked for by the organiser
 * and carried out by the outbox worker (meeting-scheduler.service.ts); its figures once done.
 */
@Entity('techmart_schedule_run')
@Index('IDX_techmart_schedule_run_event', ['eventId', 'createdAt'])
export class ScheduleRunEntity extends BelongsToEventColumns {
  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by' })
  requester?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 16, default: ScheduleRunStatus.QUEUED })
  status: ScheduleRunStatus;

  /** Accepted meetings considered, placed (pinned ones included), pinned. */
  @Column({ type: 'int', nullable: true })
  meetings: number | null;

  @Column({ type: 'int', nullable: true })
  scheduled: number | null;

  @Column({ type: 'int', nullable: true })
  pinned: number | null;

  /** The upper bound on meetings any schedule could place, and which relaxation gave it (scheduler.ts). */
  @Column({ type: 'int', nullable: true })
  bound: number | null;

  @Column({ name: 'bound_kind', type: 'varchar', length: 16, nullable: true })
  boundKind: string | null;

  @Column({ name: 'back_to_back', type: 'int', nullable: true })
  backToBack: number | null;

  @Column({ name: 'duration_ms', type: 'int', nullable: true })
  durationMs: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** A time a participant is not available for meetings (the scheduler places none in it). */
@Entity('techmart_unavailability')
@Index('IDX_techmart_unavailability_registration', ['registrationId', 'startsAt'])
@Check('CHK_techmart_unavailability_range', 'ends_at > starts_at')
export class UnavailabilityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => EventRegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: Relation<EventRegistrationEntity>;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
