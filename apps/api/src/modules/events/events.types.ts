import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MatchReasonType } from '../matching/matching.types.js';
import { MarketplaceScope } from './marketplace.service.js';
import { Paginated } from '../../common/pagination.js';
import { pick } from '../../common/pick.js';
import { moderationEventType } from '../moderation-core/moderation-event.type.js';
import { ModerationStatus } from '../moderation-core/moderation.workflow.js';
import { revisionDeclined } from '../moderation-core/moderation.rules.js';
import {
  EventKind,
  MeetingPlacedBy,
  MeetingRequestStatus,
  ScheduleRunStatus,
  type ScheduleRunEntity,
  type UnavailabilityEntity,
  type MeetingRequestEntity,
  ProgrammeSessionKind,
  RegistrationRole,
  RegistrationStatus,
  type EventEntity,
  type EventRegistrationEntity,
  type ProgrammeSessionEntity,
} from './event.entity.js';

export const EventStatus = { ...ModerationStatus } as const;
export type EventStatus = (typeof EventStatus)[keyof typeof EventStatus];

registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'NATIONAL_TECHMART, LOCAL_TECHMART (a province’s), SPECIALISED_TECHMART (one sector), BROKERAGE_DAY (B2B meetings), ONLINE_SESSION.',
});
registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'The same workflow as a listing: DRAFT → PENDING_REVIEW → PUBLISHED → ARCHIVED, or REJECTED after review.',
});
registerEnumType(ProgrammeSessionKind, { name: 'ProgrammeSessionKind', description: 'A talk, a technology demonstration, a workshop, a ceremony.' });
registerEnumType(RegistrationRole, { name: 'RegistrationRole', description: 'EXHIBITOR shows published offers at a booth; VISITOR brings published demands.' });
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'PENDING until the organiser decides: APPROVED or DECLINED; WITHDRAWN by the registering organisation.',
});

registerEnumType(MeetingRequestStatus, {
  name: 'MeetingRequestStatus',
  description:
    'REQUESTED until the recipient answers: ACCEPTED, DECLINED, or COUNTER_PROPOSED (other slots proposed: the requester accepts one, or declines); CANCELLED by the requester (or, once accepted, the organiser).',
});
registerEnumType(MeetingPlacedBy, { name: 'MeetingPlacedBy', description: "Who placed a meeting on its slot and table: the SCHEDULER's run or the ORGANIZER by hand." });
registerEnumType(ScheduleRunStatus, { name: 'ScheduleRunStatus', description: 'QUEUED until the worker runs it: DONE (figures set) or FAILED (error set).' });

export const EventStepType = moderationEventType('EventStep', { statusEnum: EventStatus, expires: false, description: "One step of an event's audit trail." });
export type EventStepType = InstanceType<typeof EventStepType>;

@ObjectType('EventBreak', { description: 'A pause in each meeting day (event time zone).' })
export class EventBreakType {
  @Field({ description: "'HH:MM'" })
  startsAt: string;

  @Field({ description: "'HH:MM'" })
  endsAt: string;
}

@ObjectType('EventQuestion', { description: "One of the organiser's extra questions on the registration form." })
export class EventQuestionType {
  @Field({ description: 'Answers refer to it (q1, q2…).' })
  id: string;

  @Field()
  labelVi: string;

  @Field()
  labelEn: string;

  @Field({ description: "The question in the request's language." })
  label: string;

  @Field()
  required: boolean;

  @Field({ description: 'Answered with a whole number from 1 to 100 (the number of attendees, say).' })
  numeric: boolean;
}

/** What an event and a pending revision of it both show: its text, days, meeting hours and caps. */
@ObjectType({ isAbstract: true })
export abstract class EventDetailsFields {
  @Field()
  nameVi: string;

  @Field()
  nameEn: string;

  @Field(() => EventKind)
  kind: EventKind;

  @Field({ description: "First day, 'YYYY-MM-DD', Asia/Ho_Chi_Minh." })
  startsOn: string;

  @Field({ description: "Last day, 'YYYY-MM-DD'." })
  endsOn: string;

  @Field()
  online: boolean;

  @Field(() => String, { nullable: true, description: 'The venue’s address; null when online.' })
  venue: string | null;

  @Field()
  description: string;

  @Field(() => String, { nullable: true, description: 'The description in English, when the organiser gave one.' })
  descriptionEn: string | null;

  @Field(() => Date)
  registrationOpensAt: Date;

  @Field(() => Date)
  registrationClosesAt: Date;

  @Field(() => [String], { description: "Days with B2B meetings ('YYYY-MM-DD')." })
  meetingDays: string[];

  @Field({ description: "Meetings start at ('HH:MM')." })
  dayStartsAt: string;

  @Field({ description: "Meetings end at ('HH:MM')." })
  dayEndsAt: string;

  @Field(() => Int)
  slotMinutes: number;

  @Field(() => Int)
  meetingTables: number;

  @Field(() => [EventBreakType])
  breaks: EventBreakType[];

  @Field(() => Int, { nullable: true, description: 'Cap on approved exhibitors; null: none.' })
  maxExhibitors: number | null;

  @Field(() => Int, { nullable: true, description: 'Cap on approved visitors; null: none.' })
  maxVisitors: number | null;
}

@ObjectType('EventRevision', { description: 'Edits to a published event awaiting review; the published text stays public meanwhile.' })
export class EventRevisionType extends EventDetailsFields {
  @Field()
  provinceCode: string;

  @Field(() => [String])
  fieldCodes: string[];

  @Field(() => [EventQuestionType], { description: 'The registration questions as revised (label in the request’s language).' })
  questions: EventQuestionType[];

  @Field(() => Date, { nullable: true, description: 'When it was submitted for review; null while the organiser is still editing it.' })
  submittedAt: Date | null;

  @Field({
    description: 'The last review declined this revision and it has not been sent again since: ' +
      "for the organiser to fix and send again (the event's rejectionReason and moderationNote say why).",
  })
  declined: boolean;
}

@ObjectType('Event', { description: 'A Techmart fair, brokerage day or online session, moderated like a listing.' })
export class EventType extends EventDetailsFields {
  @Field(() => ID)
  id: string;

  @Field({ description: 'From the Vietnamese name without diacritics; stays once published.' })
  slug: string;

  @Field({ description: "The name in the request's language." })
  name: string;

  @Field({ description: "The description in the request's language: the English one in English when given, else the Vietnamese." })
  localizedDescription: string;

  @Field({ description: 'Always Asia/Ho_Chi_Minh: every day and time of the event is read in it.' })
  timeZone: string;

  @Field(() => EventStatus)
  status: EventStatus;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to updateEvent.' })
  version: number;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  /** The entity behind it: field resolvers read the rest from it. */
  entity: EventEntity;
}

@ObjectType('EventPage')
export class EventPage extends Paginated(EventType) {}

@ObjectType('ProgrammeSession', { description: 'One item of an event’s programme.' })
export class ProgrammeSessionType {
  @Field(() => ID)
  id: string;

  @Field(() => ProgrammeSessionKind)
  kind: ProgrammeSessionKind;

  @Field({ description: "The title in the request's language: the English one in English when given, else the Vietnamese." })
  title: string;

  @Field({ description: 'The title in Vietnamese (for the organiser’s form).' })
  titleVi: string;

  @Field(() => String, { nullable: true, description: 'The title in English, when the organiser gave one.' })
  titleEn: string | null;

  @Field(() => String, { nullable: true })
  speaker: string | null;

  @Field(() => String, { nullable: true })
  room: string | null;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;
}

@ObjectType('RegistrationAnswer')
export class RegistrationAnswerType {
  @Field()
  questionId: string;

  @Field({ description: "The question in the request's language." })
  question: string;

  @Field()
  answer: string;
}

@ObjectType('EventRegistration', {
  description: "An organisation's registration for an event. Public for approved exhibitors (organisation, booth, offers); the rest only for the registering organisation and the organiser.",
})
export class EventRegistrationType {
  @Field(() => ID)
  id: string;

  @Field(() => RegistrationRole)
  role: RegistrationRole;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field(() => String, { nullable: true })
  booth: string | null;

  @Field(() => Date, { description: 'When the organisation first registered for the event.' })
  createdAt: Date;

  @Field(() => Date, { description: 'When the registration was last sent: registering again after withdrawing renews it (createdAt stays the first time).' })
  registeredAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  entity: EventRegistrationEntity;
}

@ObjectType('EventParticipantCounts', { description: 'Approved registrations per role.' })
export class EventParticipantCountsType {
  @Field(() => Int)
  exhibitors: number;

  @Field(() => Int)
  visitors: number;
}

/**
 * The event's content that an event and its pending revision show as it is (the registration
 * window becomes Dates, and the localised name, description and questions are added beside it).
 */
const EVENT_SHOWN_AS_IS = ['nameVi', 'nameEn', 'kind', 'startsOn', 'endsOn', 'online', 'venue', 'description', 'meetingDays', 'dayStartsAt', 'dayEndsAt', 'slotMinutes', 'meetingTables', 'breaks', 'maxExhibitors', 'maxVisitors'] as const;

export function toEventType(e: EventEntity, lang: 'vi' | 'en'): EventType {
  return {
    id: e.id,
    slug: e.slug,
    ...pick(e, [...EVENT_SHOWN_AS_IS, 'descriptionEn']),
    name: lang === 'en' ? e.nameEn : e.nameVi,
    timeZone: 'Asia/Ho_Chi_Minh',
    localizedDescription: lang === 'en' && e.descriptionEn ? e.descriptionEn : e.description,
    registrationOpensAt: new Date(e.registrationOpensAt),
    registrationClosesAt: new Date(e.registrationClosesAt),
    status: e.status,
    version: e.version,
    publishedAt: e.publishedAt,
    createdAt: e.createdAt,
    entity: e,
  };
}

export function toRevisionType(e: EventEntity, lang: 'vi' | 'en' = 'vi'): EventRevisionType | null {
  const r = e.pendingRevision;
  if (!r) return null;
  return {
    ...pick(r, [...EVENT_SHOWN_AS_IS, 'provinceCode', 'fieldCodes']),
    // Revisions saved before the English description existed have none.
    descriptionEn: r.descriptionEn ?? null,
    registrationOpensAt: new Date(r.registrationOpensAt),
    registrationClosesAt: new Date(r.registrationClosesAt),
    questions: r.questions.map((q) => ({ ...q, numeric: q.numeric ?? false, label: lang === 'en' ? q.labelEn : q.labelVi })),
    submittedAt: e.revisionSubmittedAt,
    declined: revisionDeclined(e),
  };
}

/** A session's title in `lang`: the English one in English when given, else the Vietnamese. */
export function sessionTitle(s: Pick<ProgrammeSessionEntity, 'title' | 'titleEn'>, lang: 'vi' | 'en'): string {
  return lang === 'en' && s.titleEn ? s.titleEn : s.title;
}

export function toSessionType(s: ProgrammeSessionEntity, lang: 'vi' | 'en'): ProgrammeSessionType {
  return { id: s.id, kind: s.kind, title: sessionTitle(s, lang), titleVi: s.title, titleEn: s.titleEn, speaker: s.speaker, room: s.room, startsAt: s.startsAt, endsAt: s.endsAt };
}

export function toRegistrationType(r: EventRegistrationEntity): EventRegistrationType {
  return { id: r.id, role: r.role, status: r.status, booth: r.booth, createdAt: r.createdAt, registeredAt: r.registeredAt, decidedAt: r.decidedAt, entity: r };
}

@ObjectType('MeetingRequest', { description: 'A B2B meeting request between two approved participants of an event. Only the two organisations see it.' })
export class MeetingRequestType {
  @Field(() => ID)
  id: string;

  @Field(() => MeetingRequestStatus)
  status: MeetingRequestStatus;

  @Field()
  reason: string;

  @Field(() => [Date], { description: 'Proposed slot starts, in time order.' })
  proposedSlots: Date[];

  @Field(() => Date, { nullable: true, description: 'The proposed slot the recipient accepted; null: left to the scheduler.' })
  acceptedSlot: Date | null;

  @Field(() => String, { nullable: true, description: "The recipient's note (a decline says why)." })
  responseNote: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;

  @Field(() => [Date], { description: "The recipient's counter-proposal (slot starts, in time order); empty when none." })
  counterSlots: Date[];

  @Field(() => Date, { nullable: true, description: 'When the meeting takes place (a slot start), once the scheduler or the organiser placed it; null before. Agendas read scheduledAt ?? acceptedSlot.' })
  scheduledAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Its meeting table (1…Event.meetingTables), with scheduledAt.' })
  tableNumber: number | null;

  @Field({ description: 'Placed by the organiser: the scheduler never moves it.' })
  pinned: boolean;

  @Field(() => MeetingPlacedBy, { nullable: true })
  scheduledBy: MeetingPlacedBy | null;

  entity: MeetingRequestEntity;
}

export function toMeetingType(m: MeetingRequestEntity): MeetingRequestType {
  return {
    id: m.id,
    status: m.status,
    reason: m.reason,
    proposedSlots: m.proposedSlots,
    acceptedSlot: m.acceptedSlot,
    responseNote: m.responseNote,
    createdAt: m.createdAt,
    respondedAt: m.respondedAt,
    counterSlots: m.counterSlots,
    scheduledAt: m.scheduledAt,
    tableNumber: m.tableNumber,
    pinned: m.pinned,
    scheduledBy: m.scheduledBy,
    entity: m,
  };
}

@ObjectType('ScheduleRun', { description: "One run of the meeting scheduler over an event's accepted meetings. The organiser only." })
export class ScheduleRunType {
  @Field(() => ID)
  id: string;

  @Field(() => ScheduleRunStatus)
  status: ScheduleRunStatus;

  @Field(() => Int, { nullable: true, description: 'Accepted meetings considered.' })
  meetings: number | null;

  @Field(() => Int, { nullable: true, description: 'Meetings with a slot and table after the run (pinned ones included).' })
  scheduled: number | null;

  @Field(() => Int, { nullable: true, description: 'Pinned meetings (kept where they were).' })
  pinned: number | null;

  @Field(() => Int, { nullable: true, description: 'An upper bound on the meetings any schedule could place.' })
  bound: number | null;

  @Field(() => String, { nullable: true, description: 'Which relaxation gave the bound: REQUESTS (meetings whose sides share an available slot), SLOTS (tables and available participants per slot), PARTICIPANTS (available slots per participant).' })
  boundKind: string | null;

  @Field(() => Int, { nullable: true, description: "Pairs of a participant's meetings in consecutive slots." })
  backToBack: number | null;

  @Field(() => Int, { nullable: true })
  durationMs: number | null;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}

export function toScheduleRunType(r: ScheduleRunEntity): ScheduleRunType {
  return {
    id: r.id,
    status: r.status,
    meetings: r.meetings,
    scheduled: r.scheduled,
    pinned: r.pinned,
    bound: r.bound,
    boundKind: r.boundKind,
    backToBack: r.backToBack,
    durationMs: r.durationMs,
    error: r.error,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  };
}

@ObjectType('Unavailability', { description: 'A time a participant is not available for meetings: the scheduler places none in it.' })
export class UnavailabilityType {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;
}

export function toUnavailabilityType(u: UnavailabilityEntity): UnavailabilityType {
  return { id: u.id, startsAt: u.startsAt, endsAt: u.endsAt };
}

registerEnumType(MarketplaceScope, {
  name: 'MarketplaceScope',
  description: 'How much of the marketplace the caller sees: EXHIBITORS (the public: exhibitors and their offers) or PARTICIPANTS (approved participants and the organiser: visitors and their demands too).',
});

@ObjectType('EventMarketplace', { description: "A page of an event's marketplace: approved participants with their organisation, role, booth and listings." })
export class EventMarketplaceType extends Paginated(EventRegistrationType) {
  @Field(() => MarketplaceScope)
  scope: MarketplaceScope;
}

@ObjectType('MeetingSuggestion', { description: "Another approved participant of the event the matching engine pairs with the participant's listings: someone to meet." })
export class MeetingSuggestionType {
  @Field(() => EventRegistrationType)
  participant: EventRegistrationType;

  @Field(() => Float, { description: "The engine's score of the best pair (an offer of one side for a demand of the other), in [0, 1]." })
  score: number;

  @Field(() => [MatchReasonType], { description: "Why, in the request's language (the weights add up to the score)." })
  reasons: MatchReasonType[];

  /** Resolved into listing and ownListing. */
  listingId: string;
  ownListingId: string;
  openRequest: MeetingRequestEntity | null;
}
