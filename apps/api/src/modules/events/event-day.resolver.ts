import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth/viewer.js';
import { t } from '../../common/i18n.js';
import { Clock } from '../../common/clock.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { toOrganizationType } from '../organizations/organizations.resolver.js';
import { DealType, InterestType } from '../deals/deals.types.js';
import { EventsService } from './events.service.js';
import { EventDayService } from './event-day.service.js';
import { EventReportService, OUTCOME_LABELS } from './event-report.service.js';
import { MeetingAttendance, type MeetingRecordEntity } from './event-day.entity.js';
import { MeetingRequestStatus, type EventEntity } from './event.entity.js';
import { MeetingOutcomeInput } from './dto/event-day.inputs.js';
import { meetingTime } from './check-in.js';
import { heldOrOver } from './meeting-conflicts.js';
import { EventAgendaType, EventReportType, MeetingOutcomeType, toOutcomeType } from './event-day.types.js';
import { EventRegistrationType, EventType, MeetingRequestType, toEventType, toMeetingType, toRegistrationType, toSessionType } from './events.types.js';

/** The day-of records of meetings, batched per request. */
function recordOf(ctx: GqlContext, day: EventDayService, meetingId: string): Promise<MeetingRecordEntity | null> {
  return ctx.loaders
    .get('event.meetingRecord', () => new DataLoader(async (ids: readonly string[]) => { const rows = await day.recordsOf(ids); return ids.map((id) => rows.find((r) => r.meetingId === id) ?? null); }))
    .load(meetingId);
}

/** Events by id, batched per request. */
function eventOf(ctx: GqlContext, events: EventsService, id: string): Promise<EventEntity | null> {
  return ctx.loaders
    .get('eventDay.eventById', () => new DataLoader(async (ids: readonly string[]) => { const rows = await events.findByIds(ids); return ids.map((x) => rows.find((e) => e.id === x) ?? null); }))
    .load(id);
}

/** Agendas, check-in, attendance, outcomes and the event report (issue #17, the day itself). */
@Resolver()
export class EventDayResolver {
  constructor(
    private readonly day: EventDayService,
    private readonly reports: EventReportService,
  ) {}

  @Query(() => EventAgendaType, { description: "An approved registration's agenda: for its organisation's members and the organiser's (NOT_FOUND for anyone else)." })
  async eventAgenda(@Context() ctx: GqlContext, @Args('registrationId', { type: () => ID }) registrationId: string): Promise<EventAgendaType> {
    const a = await this.day.agenda(requireViewer(ctx), registrationId);
    return {
      event: toEventType(a.event, ctx.lang),
      registration: toRegistrationType(a.registration),
      organization: toOrganizationType(a.organization),
      checkInCode: a.registration.checkInCode,
      checkedInAt: a.registration.checkedInAt,
      sessions: a.sessions.map((s) => toSessionType(s, ctx.lang)),
      meetings: a.meetings.map((m) => ({
        meeting: toMeetingType(m.meeting),
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        table: m.table,
        otherOrganization: toOrganizationType(m.other),
        otherBooth: m.otherBooth,
        booth: m.booth,
        reason: m.meeting.reason,
        requestedByUs: m.requestedByUs,
      })),
    };
  }

  @Query(() => EventRegistrationType, {
    nullable: true,
    description: "Staff at the venue (the organiser's members, moderators covering the event): the approved participant with this check-in code, or null.",
  })
  async eventCheckIn(@Context() ctx: GqlContext, @Args('eventId', { type: () => ID }) eventId: string, @Args('code') code: string): Promise<EventRegistrationType | null> {
    const r = await this.day.byCode(requireViewer(ctx), eventId, code);
    return r ? toRegistrationType(r) : null;
  }

  @Mutation(() => EventRegistrationType, { description: 'Staff check a participant in by its code, once (again: CONFLICT saying when and by whom).' })
  async checkInParticipant(@Context() ctx: GqlContext, @Args('eventId', { type: () => ID }) eventId: string, @Args('code') code: string): Promise<EventRegistrationType> {
    return toRegistrationType(await this.day.checkIn(requireViewer(ctx), eventId, code));
  }

  @Mutation(() => MeetingRequestType, { description: "After its time, either side, the organiser's members or the moderators covering the event mark an accepted meeting HELD or NO_SHOW (until an outcome is recorded)." })
  async markMeetingAttendance(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('attendance', { type: () => MeetingAttendance }) attendance: MeetingAttendance,
  ): Promise<MeetingRequestType> {
    return toMeetingType(await this.day.markAttendance(requireViewer(ctx), id, attendance));
  }

  @Mutation(() => MeetingRequestType, {
    description: "Either side records a held meeting's outcome, once: it becomes the exchange's interest (and, for an MOU or a contract, a proposed deal with its value), tagged with the event.",
  })
  async recordMeetingOutcome(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: MeetingOutcomeInput): Promise<MeetingRequestType> {
    const record = await this.day.recordOutcome(requireViewer(ctx), id, input);
    return toMeetingType((await this.day.meetingById(record.meetingId))!);
  }

  @Query(() => EventReportType, { description: "The event's report: for the organiser's members and the moderators covering the event (FORBIDDEN for others who see the event)." })
  async eventReport(@Context() ctx: GqlContext, @Args('eventId', { type: () => ID }) eventId: string): Promise<EventReportType> {
    const event = await this.reports.forViewer(requireViewer(ctx), eventId);
    const r = await this.reports.report(event, ctx.lang);
    return {
      ...r,
      event: toEventType(event, ctx.lang),
      outcomes: r.outcomes.map((o) => ({ ...o, kindLabel: t(OUTCOME_LABELS[o.kind], ctx.lang) })),
      unrecordedMeetings: r.unrecorded,
    };
  }
}

/** The day-of fields of a meeting request. */
@Resolver(() => MeetingRequestType)
export class MeetingDayFieldsResolver {
  constructor(
    private readonly day: EventDayService,
    private readonly events: EventsService,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => Date, { nullable: true, description: "The meeting's time (the accepted slot; the scheduler's time once it has placed the meeting)." })
  startsAt(@Parent() m: MeetingRequestType): Date | null {
    return meetingTime(m.entity);
  }

  @ResolveField(() => MeetingAttendance, { nullable: true, description: 'HELD or NO_SHOW once marked.' })
  async attendance(@Parent() m: MeetingRequestType, @Context() ctx: GqlContext): Promise<MeetingAttendance | null> {
    return (await recordOf(ctx, this.day, m.id))?.attendance ?? null;
  }

  @ResolveField(() => MeetingOutcomeType, { nullable: true })
  async outcome(@Parent() m: MeetingRequestType, @Context() ctx: GqlContext): Promise<MeetingOutcomeType | null> {
    const r = await recordOf(ctx, this.day, m.id);
    return r ? toOutcomeType(r) : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller may mark it HELD or NO_SHOW now (accepted, its time passed, no outcome yet).' })
  async canMarkAttendance(@Parent() m: MeetingRequestType, @Context() ctx: GqlContext): Promise<boolean> {
    const at = meetingTime(m.entity);
    if (!ctx.viewer || m.status !== MeetingRequestStatus.ACCEPTED || !at || at.getTime() > this.clock.now().getTime()) return false;
    if ((await recordOf(ctx, this.day, m.id))?.outcome) return false;
    // The meeting is only ever shown to its sides and the event's staff.
    return true;
  }

  @ResolveField(() => Boolean, { description: 'Whether the meeting took place (held, or an outcome recorded) or its fair is over: the organiser no longer moves, pins or cancels it (the API refuses).' })
  async settled(@Parent() m: MeetingRequestType, @Context() ctx: GqlContext): Promise<boolean> {
    const event = await eventOf(ctx, this.events, m.entity.eventId);
    return !!event && heldOrOver(await recordOf(ctx, this.day, m.id), event, this.clock.now());
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller may record its outcome now (held, none yet; the two sides only).' })
  async canRecordOutcome(@Parent() m: MeetingRequestType, @Context() ctx: GqlContext): Promise<boolean> {
    if (!ctx.viewer) return false;
    const r = await recordOf(ctx, this.day, m.id);
    if (r?.attendance !== MeetingAttendance.HELD || r.outcome) return false;
    const orgs = new Set(await this.organizations.memberOrganizationIds(ctx.viewer.id));
    const regs = await this.day.registrationsOf([m.entity.fromRegistrationId, m.entity.toRegistrationId]);
    return regs.some((x) => orgs.has(x.organizationId));
  }
}

/** Check-in on a registration: its code for the two insiders (its organisation, the organiser) and when it came. */
@Resolver(() => EventRegistrationType)
export class RegistrationCheckInResolver {
  constructor(
    private readonly day: EventDayService,
    private readonly events: EventsService,
    private readonly organizations: OrganizationsService,
  ) {}

  private async insider(ctx: GqlContext, r: EventRegistrationType): Promise<boolean> {
    if (!ctx.viewer) return false;
    if (await this.organizations.isMember(ctx.viewer.id, r.entity.organizationId)) return true;
    const event = await eventOf(ctx, this.events, r.entity.eventId);
    return !!event && (await this.day.isStaff(ctx.viewer, event));
  }

  @ResolveField(() => String, { nullable: true, description: "The check-in code (approved registrations). Its organisation and the event's staff only." })
  async checkInCode(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<string | null> {
    return r.entity.checkInCode && (await this.insider(ctx, r)) ? r.entity.checkInCode : null;
  }

  @ResolveField(() => Date, { nullable: true, description: "When staff checked it in. Its organisation and the event's staff only." })
  async checkedInAt(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<Date | null> {
    return r.entity.checkedInAt && (await this.insider(ctx, r)) ? r.entity.checkedInAt : null;
  }

  @ResolveField(() => String, { nullable: true, description: "Who checked it in (display name). The event's staff and the organisation only." })
  async checkedInBy(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<string | null> {
    if (!r.entity.checkedInBy || !(await this.insider(ctx, r))) return null;
    return this.day.displayName(r.entity.checkedInBy);
  }
}

/** The event a deal or an interest came out of: events live here, deals in their own module. */
@Resolver(() => DealType)
export class DealEventFieldResolver {
  constructor(private readonly events: EventsService) {}

  @ResolveField(() => EventType, { nullable: true, description: 'The Techmart whose meeting this deal came out of (null: made on the exchange alone).' })
  async event(@Parent() d: DealType, @Context() ctx: GqlContext): Promise<EventType | null> {
    const e = d.entity.eventId ? await eventOf(ctx, this.events, d.entity.eventId) : null;
    return e ? toEventType(e, ctx.lang) : null;
  }
}

@Resolver(() => InterestType)
export class InterestEventFieldResolver {
  constructor(private readonly events: EventsService) {}

  @ResolveField(() => EventType, { nullable: true, description: 'The Techmart whose meeting this interest came out of.' })
  async event(@Parent() i: InterestType, @Context() ctx: GqlContext): Promise<EventType | null> {
    const e = i.eventId ? await eventOf(ctx, this.events, i.eventId) : null;
    return e ? toEventType(e, ctx.lang) : null;
  }
}

/** Whether the caller is the event's staff (check-in, report). */
@Resolver(() => EventType)
export class EventStaffFieldResolver {
  constructor(private readonly day: EventDayService) {}

  @ResolveField(() => Boolean, { description: "Whether the caller is the event's staff: a member of the organiser or a moderator covering the event (check-in, report)." })
  async viewerIsStaff(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<boolean> {
    return this.day.isStaff(ctx.viewer, e.entity);
  }
}
