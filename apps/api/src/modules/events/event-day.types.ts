import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MeetingAttendance, MeetingOutcomeKind, type MeetingRecordEntity } from './event-day.entity.js';
import { EventRegistrationType, EventType, MeetingRequestType, ProgrammeSessionType } from './events.types.js';
import { OrganizationType } from '../organizations/organizations.types.js';
import { CountByKeyType } from '../stats/stats.types.js';

registerEnumType(MeetingAttendance, { name: 'MeetingAttendance', description: 'Marked after the meeting’s time: HELD, or NO_SHOW (one side did not come).' });
registerEnumType(MeetingOutcomeKind, {
  name: 'MeetingOutcomeKind',
  description: 'INTEREST (opens an accepted interest), MOU or CONTRACT (also propose a deal with its value on it).',
});

@ObjectType('MeetingOutcome', { description: "A held meeting's outcome, as the exchange's interest and (MOU, contract) deal it became." })
export class MeetingOutcomeType {
  @Field(() => MeetingOutcomeKind)
  kind: MeetingOutcomeKind;

  @Field(() => Float, { nullable: true, description: 'Whole VND (MOU, contract).' })
  value: number | null;

  @Field(() => ID, { description: 'The interest it opened (tagged with the event).' })
  interestId: string;

  @Field(() => ID, { nullable: true, description: 'The deal it proposed (MOU, contract), tagged with the event.' })
  dealId: string | null;

  @Field(() => Date)
  recordedAt: Date;
}

export function toOutcomeType(r: MeetingRecordEntity): MeetingOutcomeType | null {
  if (!r.outcome || !r.interestId || !r.outcomeAt) return null;
  return { kind: r.outcome, value: r.outcomeValue, interestId: r.interestId, dealId: r.dealId, recordedAt: r.outcomeAt };
}

@ObjectType('AgendaMeeting', { description: 'One accepted meeting on a participant’s agenda.' })
export class AgendaMeetingType {
  @Field(() => MeetingRequestType)
  meeting: MeetingRequestType;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => Int, { nullable: true, description: 'The meeting table, once the scheduler has placed it.' })
  table: number | null;

  @Field(() => OrganizationType, { description: 'The organisation met.' })
  otherOrganization: OrganizationType;

  @Field(() => String, { nullable: true, description: 'Its booth, when it exhibits.' })
  otherBooth: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the two meet when no table is assigned, the same for both: the stand of the organisation asked, else the asker\'s; null when neither exhibits.',
  })
  booth: string | null;

  @Field({ description: 'Why the meeting was asked for.' })
  reason: string;

  @Field({ description: "Whether the participant's organisation asked for it." })
  requestedByUs: boolean;
}

@ObjectType('EventAgenda', { description: "A participant's agenda for an event: the programme and its accepted meetings, in time order (Asia/Ho_Chi_Minh)." })
export class EventAgendaType {
  @Field(() => EventType)
  event: EventType;

  @Field(() => EventRegistrationType)
  registration: EventRegistrationType;

  @Field(() => OrganizationType)
  organization: OrganizationType;

  @Field(() => String, { nullable: true, description: 'What the staff scan (in the check-in address) or type at the venue.' })
  checkInCode: string | null;

  @Field(() => Date, { nullable: true })
  checkedInAt: Date | null;

  @Field(() => [ProgrammeSessionType])
  sessions: ProgrammeSessionType[];

  @Field(() => [AgendaMeetingType])
  meetings: AgendaMeetingType[];
}

@ObjectType('EventReportFigure', { description: 'Count and value (whole VND) of MOUs and contracts for one key.' })
export class EventReportFigureType extends CountByKeyType {
  @Field(() => Float)
  value: number;
}

@ObjectType('EventReportSubFigure', { description: 'Count and value (whole VND) of MOUs and contracts for one sub-field, under its top-level field.' })
export class EventReportSubFigureType extends EventReportFigureType {
  @Field({ description: 'Its top-level field (a key of byField).' })
  topKey: string;
}

@ObjectType('EventReportOutcome', { description: 'One recorded outcome of a held meeting.' })
export class EventReportOutcomeType {
  @Field(() => ID)
  meetingId: string;

  @Field(() => Date, { nullable: true })
  meetingAt: Date | null;

  @Field(() => MeetingOutcomeKind)
  kind: MeetingOutcomeKind;

  @Field({ description: 'kind in the request’s language.' })
  kindLabel: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => ID)
  listingId: string;

  @Field()
  listingTitle: string;

  @Field()
  supplier: string;

  @Field()
  buyer: string;

  @Field()
  provinceCode: string;

  @Field(() => ID, { nullable: true })
  dealId: string | null;

  @Field(() => String, { nullable: true, description: 'The deal’s status now (DealStatus).' })
  dealStatus: string | null;
}

@ObjectType('EventReportMeeting', { description: 'A meeting held whose outcome nobody has recorded.' })
export class EventReportMeetingType {
  @Field(() => ID)
  meetingId: string;

  @Field(() => Date, { nullable: true })
  meetingAt: Date | null;

  @Field(() => [String], { description: "The two organisations that met: the exhibitor's, then the visitor's, whoever asked (between two of the same role, the requester's first)." })
  parties: string[];
}

@ObjectType('EventResults', { description: "A finished fair's results, public: what it made, in aggregate (no organisation named)." })
export class EventResultsType {
  @Field(() => Int, { description: 'Approved exhibitors.' }) exhibitors: number;
  @Field(() => Int, { description: 'Approved visitors.' }) visitors: number;
  @Field(() => Int, { description: 'B2B meetings held.' }) meetingsHeld: number;
  @Field(() => Int, { description: 'MOUs signed (their deal not cancelled or rejected).' }) mous: number;
  @Field(() => Int, { description: 'Contracts signed (their deal not cancelled or rejected).' }) contracts: number;
  @Field(() => Float, { description: 'Value of those MOUs and contracts, dong.' }) value: number;
}

@ObjectType('EventReport', { description: "An event's figures for the organiser and the department covering it." })
export class EventReportType {
  @Field(() => EventType) event: EventType;
  @Field(() => Int, { description: 'Approved exhibitors.' }) exhibitors: number;
  @Field(() => Int, { description: 'Approved visitors.' }) visitors: number;
  @Field(() => Int) exhibitorsCheckedIn: number;
  @Field(() => Int) visitorsCheckedIn: number;
  @Field(() => Int) registrationsPending: number;
  @Field(() => Int, { description: 'Every meeting request, whatever became of it.' }) meetingsRequested: number;
  @Field(() => Int) meetingsAccepted: number;
  @Field(() => Int) meetingsDeclined: number;
  @Field(() => Int, { description: 'Accepted meetings with a time.' }) meetingsScheduled: number;
  @Field(() => Int) meetingsHeld: number;
  @Field(() => Int) meetingsNoShow: number;
  @Field(() => Int, { description: 'Outcomes recorded as interests.' }) interests: number;
  @Field(() => Int, { description: 'MOUs as recorded by the participants (their deal not cancelled or rejected); not necessarily signed: see mousSigned.' }) mous: number;
  @Field(() => Float) mouValue: number;
  @Field(() => Int, { description: 'Contracts as recorded by the participants (their deal not cancelled or rejected); not necessarily signed: see contractsSigned.' }) contracts: number;
  @Field(() => Float) contractValue: number;
  @Field(() => Int, { description: 'Deals tagged with the event that the department approved (approved, signed or completed).' }) dealsApproved: number;
  @Field(() => Float) dealValueApproved: number;
  @Field(() => Int, { description: 'Of the MOUs recorded by participants (mous), those whose deal the register shows signed or completed.' }) mousSigned: number;
  @Field(() => Float, { description: 'The value in the register of the deals counted in mousSigned, whole VND.' }) mouSignedValue: number;
  @Field(() => Int, { description: 'Of the contracts recorded by participants (contracts), those whose deal the register shows signed or completed.' }) contractsSigned: number;
  @Field(() => Float, { description: 'The value in the register of the deals counted in contractsSigned, whole VND.' }) contractSignedValue: number;
  @Field(() => [EventReportMeetingType], { description: 'Meetings held without a recorded outcome, in meeting time order.' }) unrecordedMeetings: EventReportMeetingType[];
  @Field(() => [EventReportFigureType], { description: 'MOUs and contracts by top-level field of technology, highest value first (each agreement once per top-level field).' }) byField: EventReportFigureType[];
  @Field(() => [EventReportSubFigureType], { description: 'The same by sub-field, grouped by top-level field in the order of byField, highest value first within it.' }) bySubField: EventReportSubFigureType[];
  @Field(() => [EventReportFigureType], { description: "MOUs and contracts by the supplier's province, highest value first." }) byProvince: EventReportFigureType[];
  @Field(() => [EventReportOutcomeType], { description: 'Every recorded outcome, in meeting time order.' }) outcomes: EventReportOutcomeType[];
}
