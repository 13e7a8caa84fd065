import { viewerOrganizationIds as sharedViewerOrganizationIds } from '../organizations/viewer-organizations.js';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/context.js';
import { requireModerator, requireViewer } from '../../common/auth/viewer.js';
import { t } from '../../common/i18n.js';
import { groupByKeys } from '../../common/loaders.js';
import { PageInput, mapPage } from '../../common/pagination.js';
import { RejectionReason } from '../../common/graphql-enums.js';
import { Clock } from '../../common/clock.js';
import { ReferenceService } from '../reference/reference.service.js';
import { ProvinceType, TechFieldType } from '../reference/reference.types.js';
import { EventReportService } from './event-report.service.js';
import { EventResultsType } from './event-day.types.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationType } from '../organizations/organizations.types.js';
import { organizationLoader, toOrganizationType } from '../organizations/organizations.resolver.js';
import { ListingType, toListingType } from '../listings/listings.types.js';
import { REJECTION_REASON_LABELS } from '@techport/shared';
import { moderationEventResolver } from '../moderation-core/moderation-event.resolver.js';
import { moderationStepsResolver } from '../moderation-core/moderation-steps.resolver.js';
import type { ModerationAccess } from '../moderation-core/moderation.rules.js';
import { RegistrationRole, RegistrationStatus, type EventEntity, type EventRegistrationEntity } from './event.entity.js';
import { checkInState, checkInWindow, fullRoles, registrationOpen } from './event.rules.js';
import { meetingBooth } from './check-in.js';
import { EventsService } from './events.service.js';
import { RegistrationsService } from './registrations.service.js';
import { publicListingLoader } from './registration-listings.loader.js';
import { EventInput, EventRegistrationInput, EventSearchInput, MeetingAnswerArgs, MeetingRequestInput, ProgrammeSessionInput } from './dto/event.inputs.js';
import { MeetingsService } from './meetings.service.js';
import { MeetingSchedulerService } from './meeting-scheduler.service.js';
import { AvailabilityService } from './availability.service.js';
import {
  ScheduleRunType,
  UnavailabilityType,
  toScheduleRunType,
  toUnavailabilityType,
  EventPage,
  EventParticipantCountsType,
  EventQuestionType,
  EventRegistrationType,
  EventRevisionType,
  EventStatus,
  EventStepType,
  MeetingRequestType,
  toMeetingType,
  EventType,
  ProgrammeSessionType,
  RegistrationAnswerType,
  toEventType,
  toRegistrationType,
  toRevisionType,
  toSessionType,
} from './events.types.js';
import { IdOrSlugArgs } from '../../common/id-or-slug.args.js';

/** The caller's access to an event, once per request and event. */
function eventAccess(ctx: GqlContext, events: EventsService, e: EventEntity): Promise<ModerationAccess> {
  return ctx.loaders
    .get('event.access', () => new DataLoader(async (items: readonly EventEntity[]) => Promise.all(items.map((i) => events.access(ctx.viewer, i))), { cacheKeyFn: (i) => i.id }))
    .load(e);
}

/** Organiser members and moderators covering the event see its review data. */
async function privileged(ctx: GqlContext, events: EventsService, e: EventEntity): Promise<boolean> {
  const a = await eventAccess(ctx, events, e);
  return a.owner || a.moderator;
}

@Resolver(() => EventType)
export class EventsResolver extends moderationStepsResolver(EventType, EventsService, toEventType, {
  submit: { name: 'submitEvent', description: "Sends a draft or rejected event (or a published event's pending revision) for review." },
  withdraw: { name: 'withdrawEvent', description: "Takes an event in review back to DRAFT (or a published event's submitted revision back to not submitted) so the organiser can edit it; it leaves the review queue." },
  archive: { name: 'archiveEvent', description: 'Takes a published event off the public list (cancelled).' },
  moderate: { name: 'moderateEvent', description: "Moderators covering the event's province: approve or reject an event (or a revision) in review. A rejection needs a note; its reason defaults to OTHER." },
}) {
  constructor(
    private readonly eventsService: EventsService,
    private readonly registrationsService: RegistrationsService,
    private readonly meetingsService: MeetingsService,
    private readonly scheduler: MeetingSchedulerService,
    private readonly availability: AvailabilityService,
    private readonly organizations: OrganizationsService,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
    private readonly reports: EventReportService,
  ) {
    super();
  }

  // ------------------------------------------------------------------------------------------
  // Queries

  @Query(() => EventPage, { description: 'Published events, soonest first (past ones latest first): by words, kind, province, field.' })
  async events(
    @Context() ctx: GqlContext,
    @Args('input', { type: () => EventSearchInput, nullable: true }) input: EventSearchInput | null,
    @Args('page', { type: () => PageInput, nullable: true }) page: PageInput | null,
  ): Promise<EventPage> {
    return mapPage(await this.eventsService.search(input ?? { upcoming: true }, page ?? undefined), (e) => toEventType(e, ctx.lang));
  }

  @Query(() => EventType, {
    nullable: true,
    description: 'By id or slug. Published events are public; drafts only for the organiser’s members; events in review also for moderators covering them (null for anyone else).',
  })
  async event(
    @Context() ctx: GqlContext,
    @Args() by: IdOrSlugArgs,
  ): Promise<EventType | null> {
    const e = await this.eventsService.findOne(by);
    return e && (await this.eventsService.canView(ctx.viewer, e)) ? toEventType(e, ctx.lang) : null;
  }

  @Query(() => [EventType], { description: "Events organised by the caller's organisations, any status, latest first." })
  async organizedEvents(@Context() ctx: GqlContext): Promise<EventType[]> {
    const viewer = requireViewer(ctx);
    const orgs = await this.organizations.memberOrganizationIds(viewer.id);
    return (await this.eventsService.organizedBy(orgs)).map((e) => toEventType(e, ctx.lang));
  }

  @Query(() => [EventRegistrationType], {
    description: "Every registration of the caller's organisations for a published event, any status (their events as participants): events not over yet first, soonest first, then those over, the latest first.",
  })
  async myEventRegistrations(@Context() ctx: GqlContext): Promise<EventRegistrationType[]> {
    const viewer = requireViewer(ctx);
    return (await this.registrationsService.allMine(viewer)).map(toRegistrationType);
  }

  @Query(() => EventPage, { description: 'Moderators: events (and revisions) waiting for review in their provinces, oldest first.' })
  async eventModerationQueue(@Context() ctx: GqlContext, @Args('page', { type: () => PageInput, nullable: true }) page: PageInput | null): Promise<EventPage> {
    return mapPage(await this.eventsService.moderationQueue(requireModerator(ctx), page ?? undefined), (e) => toEventType(e, ctx.lang));
  }

  // ------------------------------------------------------------------------------------------
  // Mutations

  @Mutation(() => EventType, {
    description:
      'A member of the organiser organisation creates a DRAFT (submitEvent sends it for review). A moderator covering the province publishes it at once when creating it for an organiser they do not belong to, or for a government body (the department’s own office) they do.',
  })
  async createEvent(
    @Context() ctx: GqlContext,
    @Args('organizerId', { type: () => ID }) organizerId: string,
    @Args('input') input: EventInput,
  ): Promise<EventType> {
    return toEventType(await this.eventsService.create(requireViewer(ctx), organizerId, input), ctx.lang);
  }

  @Mutation(() => EventType, { description: 'The organiser replaces the content: in place while a draft or rejected; as a pending revision once published.' })
  async updateEvent(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: EventInput,
    @Args('version', { type: () => Int, nullable: true, description: 'The version read; a stale one is refused with CONFLICT.' }) version: number | null,
  ): Promise<EventType> {
    return toEventType(await this.eventsService.update(requireViewer(ctx), id, input, version ?? null), ctx.lang);
  }

  @Mutation(() => ProgrammeSessionType, { description: 'The organiser adds a talk, demonstration… to the programme, within the event’s dates.' })
  async addProgrammeSession(
    @Context() ctx: GqlContext,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: ProgrammeSessionInput,
  ): Promise<ProgrammeSessionType> {
    return toSessionType(await this.eventsService.addSession(requireViewer(ctx), eventId, input), ctx.lang);
  }

  @Mutation(() => ProgrammeSessionType, { description: 'The organiser changes a programme session (its input replaces the session’s content), within the event’s dates.' })
  async updateProgrammeSession(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ProgrammeSessionInput,
  ): Promise<ProgrammeSessionType> {
    return toSessionType(await this.eventsService.updateSession(requireViewer(ctx), id, input), ctx.lang);
  }

  @Mutation(() => EventType, { description: 'The organiser removes a programme session; answers the event.' })
  async removeProgrammeSession(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<EventType> {
    const eventId = await this.eventsService.removeSession(requireViewer(ctx), id);
    return toEventType((await this.eventsService.findOne({ id: eventId }))!, ctx.lang);
  }

  @Mutation(() => EventRegistrationType, {
    description:
      "A member registers their organisation for a published event while registration is open: as EXHIBITOR (with at least one of its published offers) or VISITOR (with its published demands), answering the organiser's questions. Registering again while pending replaces it.",
  })
  async registerForEvent(@Context() ctx: GqlContext, @Args('input') input: EventRegistrationInput): Promise<EventRegistrationType> {
    return toRegistrationType(await this.registrationsService.register(requireViewer(ctx), input));
  }

  @Mutation(() => EventRegistrationType, {
    description: "The organiser approves (within the event's cap for the role; an exhibitor may get its booth at once) or declines (note required) a pending registration.",
  })
  async decideEventRegistration(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('approve') approve: boolean,
    @Args('booth', { type: () => String, nullable: true }) booth: string | null,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<EventRegistrationType> {
    return toRegistrationType(await this.registrationsService.decide(requireViewer(ctx), id, approve, booth, note));
  }

  @Mutation(() => EventRegistrationType, { description: "The organiser assigns, changes or (null) clears an approved exhibitor's booth; one exhibitor per booth." })
  async assignEventBooth(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('booth', { type: () => String, nullable: true }) booth: string | null,
  ): Promise<EventRegistrationType> {
    return toRegistrationType(await this.registrationsService.assignBooth(requireViewer(ctx), id, booth));
  }

  @Mutation(() => EventRegistrationType, {
    description:
      'A member of the registered organisation changes which of its published listings it brings (an exhibitor at least one offer, a visitor its demands), while the registration is pending or approved and until the event has ended (CONFLICT otherwise). The organiser does not decide again: the listings are public already.',
  })
  async setEventRegistrationListings(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('listingIds', { type: () => [ID], description: "The organisation's published offers (exhibitor) or demands (visitor) it brings, replacing the earlier choice." }) listingIds: string[],
  ): Promise<EventRegistrationType> {
    return toRegistrationType(await this.registrationsService.changeListings(requireViewer(ctx), id, listingIds));
  }

  @Mutation(() => EventRegistrationType, {
    description:
      "The registering organisation withdraws a pending or approved registration, until the event has ended (CONFLICT after). In one step its booth is given back, its open and accepted meeting requests are cancelled (with the reason, when given) and the other organisations concerned and the organiser are told.",
  })
  async withdrawEventRegistration(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true, description: 'Why (at most 2,000 characters): kept on the cancelled meetings and told to the others.' }) reason: string | null,
  ): Promise<EventRegistrationType> {
    return toRegistrationType(await this.registrationsService.withdraw(requireViewer(ctx), id, reason));
  }

  @Mutation(() => MeetingRequestType, {
    description: "A member of an approved participant asks another approved participant of the same event for a meeting: a reason and 1–5 proposed slots of the event's meeting grid.",
  })
  async requestMeeting(@Context() ctx: GqlContext, @Args('input') input: MeetingRequestInput): Promise<MeetingRequestType> {
    return toMeetingType(await this.meetingsService.request(requireViewer(ctx), input));
  }

  @Mutation(() => MeetingRequestType, { description: 'The recipient accepts (optionally fixing one of the proposed slots) or declines (note required) a meeting request.' })
  async respondToMeetingRequest(@Context() ctx: GqlContext, @Args() { id, accept, slot, note }: MeetingAnswerArgs): Promise<MeetingRequestType> {
    return toMeetingType(await this.meetingsService.respond(requireViewer(ctx), id, accept, slot ?? null, note));
  }

  @Mutation(() => MeetingRequestType, { description: "The requester cancels a request not yet answered, or accepted; either side calls off an accepted meeting. The other side's members are notified (MEETING_CANCELLED)." })
  async cancelMeetingRequest(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<MeetingRequestType> {
    return toMeetingType(await this.meetingsService.cancel(requireViewer(ctx), id));
  }

  @Mutation(() => MeetingRequestType, { description: 'The recipient proposes 1–5 other slots of the event’s grid instead of accepting or declining; the requester then accepts one or declines.' })
  async counterProposeMeeting(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('slots', { type: () => [String], description: 'ISO 8601 instants, each the start of a meeting slot.' }) slots: string[],
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<MeetingRequestType> {
    return toMeetingType(await this.meetingsService.counterPropose(requireViewer(ctx), id, slots, note));
  }

  @Mutation(() => MeetingRequestType, { description: 'The requester accepts one of the counter-proposed slots, or declines (note required).' })
  async respondToCounterProposal(@Context() ctx: GqlContext, @Args() { id, accept, slot, note }: MeetingAnswerArgs): Promise<MeetingRequestType> {
    return toMeetingType(await this.meetingsService.respondToCounter(requireViewer(ctx), id, accept, slot ?? null, note));
  }

  @Mutation(() => EventRegistrationType, { description: 'A member of the registered organisation marks a time it is not available for meetings (it must overlap a meeting slot); answers the registration.' })
  async blockEventTime(
    @Context() ctx: GqlContext,
    @Args('registrationId', { type: () => ID }) registrationId: string,
    @Args('startsAt', { type: () => Date }) startsAt: Date,
    @Args('endsAt', { type: () => Date }) endsAt: Date,
  ): Promise<EventRegistrationType> {
    return toRegistrationType(await this.availability.block(requireViewer(ctx), registrationId, startsAt, endsAt));
  }

  @Mutation(() => EventRegistrationType, { description: 'Removes a time marked unavailable; answers the registration.' })
  async unblockEventTime(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<EventRegistrationType> {
    return toRegistrationType(await this.availability.unblock(requireViewer(ctx), id));
  }

  @Mutation(() => ScheduleRunType, {
    description:
      "The organiser runs the meeting scheduler: every accepted meeting that is not pinned gets a slot and a table (no participant or table twice in a slot, availability and breaks respected, the matching engine's best-scored pairs first). Runs in the background: answers the QUEUED run (or the one already queued); Event.lastScheduleRun / scheduleRun tell when it is DONE.",
  })
  async scheduleEventMeetings(@Context() ctx: GqlContext, @Args('eventId', { type: () => ID }) eventId: string): Promise<ScheduleRunType> {
    return toScheduleRunType(await this.scheduler.requestRun(requireViewer(ctx), eventId));
  }

  @Query(() => ScheduleRunType, { nullable: true, description: "A scheduler run, for the event's organiser only (null for anyone else)." })
  async scheduleRun(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<ScheduleRunType | null> {
    const run = await this.scheduler.findRun(ctx.viewer, id);
    return run ? toScheduleRunType(run) : null;
  }

  @Mutation(() => MeetingRequestType, { description: 'The organiser pins a placed meeting where it is (re-runs do not move it), or unpins it.' })
  async pinMeeting(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string, @Args('pinned') pinned: boolean): Promise<MeetingRequestType> {
    return toMeetingType(await this.scheduler.pin(requireViewer(ctx), id, pinned));
  }

  @Mutation(() => MeetingRequestType, {
    description: 'The organiser moves an accepted meeting to a slot and table, and pins it there. Refused (BAD_USER_INPUT naming slot or table) when a side already meets then, is not available, or the table is taken.',
  })
  async moveMeeting(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('slot', { type: () => Date, description: 'The start of one of the event’s meeting slots.' }) slot: Date,
    @Args('table', { type: () => Int, description: '1…Event.meetingTables.' }) table: number,
  ): Promise<MeetingRequestType> {
    return toMeetingType(await this.scheduler.move(requireViewer(ctx), id, slot, table));
  }

  @Mutation(() => MeetingRequestType, { description: 'The organiser cancels an accepted meeting; both sides are told.' })
  async cancelMeetingByOrganizer(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<MeetingRequestType> {
    return toMeetingType(await this.scheduler.cancel(requireViewer(ctx), id, note));
  }

  @Query(() => MeetingRequestType, { nullable: true, description: 'A meeting request, for its two sides only (null for anyone else).' })
  async meetingRequest(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<MeetingRequestType | null> {
    const m = await this.meetingsService.findVisible(ctx.viewer, id);
    return m ? toMeetingType(m) : null;
  }

  // ------------------------------------------------------------------------------------------
  // Fields

  @ResolveField(() => [TechFieldType])
  fields(@Parent() e: EventType, @Context() ctx: GqlContext): TechFieldType[] {
    return this.reference.techFieldsOf(e.entity.fieldCodes, ctx.lang);
  }

  @ResolveField(() => ProvinceType)
  province(@Parent() e: EventType, @Context() ctx: GqlContext): ProvinceType {
    return this.reference.province(e.entity.provinceCode, ctx.lang)!;
  }

  @ResolveField(() => OrganizationType, { description: 'The organiser.' })
  async organizer(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<OrganizationType> {
    const org = await organizationLoader(ctx, this.organizations).load(e.entity.organizerId);
    return toOrganizationType(org!);
  }

  @ResolveField(() => [EventQuestionType], { description: "The organiser's extra questions on the registration form." })
  questions(@Parent() e: EventType, @Context() ctx: GqlContext): EventQuestionType[] {
    return e.entity.questions.map((q) => ({ ...q, numeric: q.numeric ?? false, label: ctx.lang === 'en' ? q.labelEn : q.labelVi }));
  }

  /** Approved registrations per role of the event, one query for every event of the answer. */
  private approvedCounts(ctx: GqlContext, e: EventType): Promise<Record<RegistrationRole, number>> {
    return ctx.loaders
      .get('event.approvedCounts', () => new DataLoader(async (ids: readonly string[]) => {
        const byId = await this.registrationsService.approvedCountsOf(ids);
        return ids.map((id) => byId.get(id)!);
      }))
      .load(e.id);
  }

  /** While registration is open (published, in its window): the roles whose cap is reached. */
  private async fullRolesNow(ctx: GqlContext, e: EventType): Promise<RegistrationRole[] | null> {
    if (e.status !== EventStatus.PUBLISHED || !registrationOpen(e.entity, this.clock.now())) return null;
    if (e.entity.maxExhibitors === null && e.entity.maxVisitors === null) return [];
    return fullRoles(e.entity, await this.approvedCounts(ctx, e)) as RegistrationRole[];
  }

  @ResolveField(() => Boolean, {
    description: 'Published, within the registration window now, and with a place left in at least one role (an event whose every role has reached its cap is full, not open: registrationFull).',
  })
  async registrationOpen(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<boolean> {
    const full = await this.fullRolesNow(ctx, e);
    return full !== null && full.length < 2;
  }

  @ResolveField(() => [RegistrationRole], {
    description: 'While registration is in its window: the roles whose cap of approved registrations is reached, in which registerForEvent is refused (both: the event is full and registrationOpen is false). Empty otherwise.',
  })
  async registrationFull(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<RegistrationRole[]> {
    return (await this.fullRolesNow(ctx, e)) ?? [];
  }

  @ResolveField(() => Date, { description: "When staff may start checking participants in: 06:00 Vietnam time on the event's first day (until the end of its last day, checkInClosesAt)." })
  checkInOpensAt(@Parent() e: EventType): Date {
    return checkInWindow(e.entity).opensAt;
  }

  @ResolveField(() => Date, { description: "When check-in closes: the end of the event's last day, Vietnam time." })
  checkInClosesAt(@Parent() e: EventType): Date {
    return checkInWindow(e.entity).closesAt;
  }

  @ResolveField(() => Boolean, { description: 'Whether staff may check participants in now (between checkInOpensAt and checkInClosesAt).' })
  checkInOpen(@Parent() e: EventType): boolean {
    return checkInState(e.entity, this.clock.now()) === 'OPEN';
  }

  @ResolveField(() => Boolean, { description: "Whether the event's last day has passed." })
  ended(@Parent() e: EventType): boolean {
    return this.eventsService.ended(e.entity);
  }

  @ResolveField(() => EventResultsType, { nullable: true, description: 'Once a published event has ended: what it made, for everyone (the full report is eventReport, for the organiser and the department). Null before.' })
  async results(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<EventResultsType | null> {
    if (e.status !== EventStatus.PUBLISHED || !this.eventsService.ended(e.entity)) return null;
    // One batch for every event of the answer (a list of past fairs).
    return ctx.loaders.get('event.results', () => new DataLoader(async (ids: readonly string[]) => {
      const byId = await this.reports.resultsOf(ids);
      return ids.map((id) => byId.get(id)!);
    })).load(e.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller is a member of the organiser (may edit the event and decide registrations).' })
  async viewerIsOrganizer(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<boolean> {
    return (await eventAccess(ctx, this.eventsService, e.entity)).owner;
  }

  @ResolveField(() => Boolean, { description: "Whether the caller's edits of this event, once published, apply at once instead of waiting for review: the department's own office (a verified government organiser the moderator belongs to, in their provinces)." })
  async viewerEditsPublishAtOnce(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<boolean> {
    return this.eventsService.editsPublishAtOnce(ctx.viewer, e.entity);
  }

  @ResolveField(() => [ProgrammeSessionType], { description: 'The programme, in time order.' })
  async sessions(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<ProgrammeSessionType[]> {
    const rows = await ctx.loaders
      .get('event.sessions', () => new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await this.eventsService.sessionsOf(ids), (s) => s.eventId)))
      .load(e.id);
    return rows.map((s) => toSessionType(s, ctx.lang));
  }

  @ResolveField(() => [EventRegistrationType], { description: 'Approved exhibitors (public), by booth.' })
  async exhibitors(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<EventRegistrationType[]> {
    const rows = await ctx.loaders
      .get('event.exhibitors', () => new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await this.registrationsService.exhibitorsOf(ids), (r) => r.eventId)))
      .load(e.id);
    return rows.map(toRegistrationType);
  }

  @ResolveField(() => EventParticipantCountsType, { description: 'Approved registrations per role (public).' })
  async participantCounts(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<EventParticipantCountsType> {
    const c = await this.approvedCounts(ctx, e);
    return { exhibitors: c.EXHIBITOR, visitors: c.VISITOR };
  }

  @ResolveField(() => [EventRegistrationType], { nullable: true, description: 'Every registration, oldest first, optionally of one status. Organiser only (null for others).' })
  async registrations(
    @Parent() e: EventType,
    @Context() ctx: GqlContext,
    @Args('status', { type: () => RegistrationStatus, nullable: true }) status: RegistrationStatus | null,
  ): Promise<EventRegistrationType[] | null> {
    if (!(await eventAccess(ctx, this.eventsService, e.entity)).owner) return null;
    return (await this.registrationsService.ofEvent(e.id, status ?? null)).map(toRegistrationType);
  }

  @ResolveField(() => [EventRegistrationType], { description: "The registrations of the caller's organisations (empty when signed out)." })
  async myRegistrations(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<EventRegistrationType[]> {
    if (!ctx.viewer) return [];
    return (await this.registrationsService.mine(ctx.viewer, e.id)).map(toRegistrationType);
  }

  @ResolveField(() => [EventRegistrationType], {
    nullable: true,
    description: 'Approved participants (exhibitors and visitors), to ask for meetings. For approved participants and the organiser only (null for others).',
  })
  async participants(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<EventRegistrationType[] | null> {
    if (!ctx.viewer) return null;
    const approved = await this.registrationsService.ofEvent(e.id, RegistrationStatus.APPROVED);
    const organiser = (await eventAccess(ctx, this.eventsService, e.entity)).owner;
    const mine = organiser ? [] : await this.registrationsService.mine(ctx.viewer, e.id);
    if (!organiser && !mine.some((r) => r.status === RegistrationStatus.APPROVED)) return null;
    return approved.map(toRegistrationType);
  }

  @ResolveField(() => [MeetingRequestType], { description: "Meeting requests the caller's organisations sent or received for this event, newest first (empty when signed out)." })
  async myMeetingRequests(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<MeetingRequestType[]> {
    if (!ctx.viewer) return [];
    return (await this.meetingsService.mine(ctx.viewer, e.id)).map(toMeetingType);
  }

  @ResolveField(() => [MeetingRequestType], {
    nullable: true,
    description: 'Every accepted meeting, by slot and table (not yet placed last), to schedule them. Organiser only (null for others).',
  })
  async scheduledMeetings(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<MeetingRequestType[] | null> {
    if (!(await eventAccess(ctx, this.eventsService, e.entity)).owner) return null;
    return (await this.scheduler.scheduledMeetings(e.id)).map(toMeetingType);
  }

  @ResolveField(() => ScheduleRunType, { nullable: true, description: 'The latest scheduler run. Organiser only (null for others, or before the first run).' })
  async lastScheduleRun(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<ScheduleRunType | null> {
    if (!(await eventAccess(ctx, this.eventsService, e.entity)).owner) return null;
    const run = await this.scheduler.lastRun(e.id);
    return run ? toScheduleRunType(run) : null;
  }

  @ResolveField(() => String, { nullable: true, description: "The moderator's last note. Organiser and moderators only." })
  async moderationNote(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<string | null> {
    return (await privileged(ctx, this.eventsService, e.entity)) ? e.entity.moderationNote : null;
  }

  @ResolveField(() => RejectionReason, { nullable: true, description: 'Why the last review rejected it. Organiser and moderators only.' })
  async rejectionReason(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<RejectionReason | null> {
    return (await privileged(ctx, this.eventsService, e.entity)) ? e.entity.rejectionReason : null;
  }

  @ResolveField(() => String, { nullable: true, description: "rejectionReason in the request's language." })
  async rejectionReasonLabel(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<string | null> {
    const reason = e.entity.rejectionReason;
    return reason && (await privileged(ctx, this.eventsService, e.entity)) ? t(REJECTION_REASON_LABELS[reason], ctx.lang) : null;
  }

  @ResolveField(() => EventRevisionType, { nullable: true, description: 'Edits to the published event awaiting review. Organiser and moderators only.' })
  async pendingRevision(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<EventRevisionType | null> {
    return (await privileged(ctx, this.eventsService, e.entity)) ? toRevisionType(e.entity, ctx.lang) : null;
  }

  @ResolveField(() => [EventStepType], { nullable: true, description: 'The audit trail, oldest first. Organiser and moderators only (null for others).' })
  async history(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<EventStepType[] | null> {
    if (!(await privileged(ctx, this.eventsService, e.entity))) return null;
    return this.eventsService.history(ctx, e.id);
  }
}

/** EventStep.actor and .reasonLabel: the moderated-content core's, as for every kind. */
export const EventStepResolver = moderationEventResolver(EventStepType, 'Who did it.');

/** Events by id, batched per request. */
function eventById(ctx: GqlContext, events: EventsService, id: string): Promise<EventEntity | null> {
  return ctx.loaders
    .get('event.byId', () => new DataLoader(async (ids: readonly string[]) => { const rows = await events.findByIds(ids); return ids.map((x) => rows.find((e) => e.id === x) ?? null); }))
    .load(id);
}

/** The caller's organisations, once per request. */
function viewerOrganizations(ctx: GqlContext, organizations: OrganizationsService): Promise<ReadonlySet<string>> {
  return sharedViewerOrganizationIds(ctx, organizations);
}

/** Who may read a registration's private fields: its organisation's members and the organiser's. */
async function registrationInsider(ctx: GqlContext, events: EventsService, organizations: OrganizationsService, r: EventRegistrationEntity): Promise<boolean> {
  const mine = await viewerOrganizations(ctx, organizations);
  if (mine.has(r.organizationId)) return true;
  const event = await eventById(ctx, events, r.eventId);
  return !!event && mine.has(event.organizerId);
}

@Resolver(() => EventRegistrationType)
export class EventRegistrationResolver {
  constructor(
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly organizations: OrganizationsService,
    private readonly availability: AvailabilityService,
    private readonly meetings: MeetingsService,
  ) {}

  @ResolveField(() => MeetingRequestType, {
    nullable: true,
    description: "Its next accepted meeting whose time has not passed (null when none). The registering organisation's members only (null for others).",
  })
  async nextMeeting(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<MeetingRequestType | null> {
    if (!(await viewerOrganizations(ctx, this.organizations)).has(r.entity.organizationId)) return null;
    const m = await ctx.loaders.get('event.registration.nextMeeting', () => new DataLoader((ids: readonly string[]) => this.meetings.nextOf(ids))).load(r.id);
    return m ? toMeetingType(m) : null;
  }

  @ResolveField(() => OrganizationType)
  async organization(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<OrganizationType> {
    const org = await organizationLoader(ctx, this.organizations).load(r.entity.organizationId);
    return toOrganizationType(org!);
  }

  @ResolveField(() => EventType)
  async event(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<EventType> {
    return toEventType((await eventById(ctx, this.events, r.entity.eventId))!, ctx.lang);
  }

  @ResolveField(() => [ListingType], { description: 'Exhibitors: the offers shown; visitors: the demands brought. Published ones only.' })
  async listings(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<ListingType[]> {
    // One query for every registration of the page (an event's exhibitors and their offers).
    const found = await publicListingLoader(ctx, this.registrations).loadMany(r.entity.listingIds);
    return found.flatMap((l) => (l && !(l instanceof Error) ? [toListingType(l)] : []));
  }

  @ResolveField(() => [RegistrationAnswerType], { nullable: true, description: "Answers to the organiser's questions. The registering organisation and the organiser only (null for others)." })
  async answers(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<RegistrationAnswerType[] | null> {
    if (!(await registrationInsider(ctx, this.events, this.organizations, r.entity))) return null;
    const event = (await eventById(ctx, this.events, r.entity.eventId))!;
    return r.entity.answers.map((a) => {
      const q = event.questions.find((x) => x.id === a.questionId);
      return { questionId: a.questionId, question: q ? (ctx.lang === 'en' ? q.labelEn : q.labelVi) : a.questionId, answer: a.answer };
    });
  }

  @ResolveField(() => [UnavailabilityType], { nullable: true, description: 'Times it is not available for meetings, in time order. The registering organisation and the organiser only (null for others).' })
  async unavailability(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<UnavailabilityType[] | null> {
    if (!(await registrationInsider(ctx, this.events, this.organizations, r.entity))) return null;
    const rows = await ctx.loaders
      .get('event.registration.unavailability', () => new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await this.availability.ofRegistrations(ids), (u) => u.registrationId)))
      .load(r.id);
    return rows.map(toUnavailabilityType);
  }

  @ResolveField(() => Boolean, { description: "Whether the caller may withdraw it now: a member of its organisation, while it is pending or approved and the event has not ended." })
  async canWithdraw(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<boolean> {
    return this.activeForItsMember(r, ctx);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller may change the listings it brings now (setEventRegistrationListings): as canWithdraw.' })
  async canChangeListings(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<boolean> {
    return this.activeForItsMember(r, ctx);
  }

  /** The caller is a member of the registration's organisation, and it is pending or approved for an event not yet ended. */
  private async activeForItsMember(r: EventRegistrationType, ctx: GqlContext): Promise<boolean> {
    if (r.entity.status !== RegistrationStatus.PENDING && r.entity.status !== RegistrationStatus.APPROVED) return false;
    if (!(await viewerOrganizations(ctx, this.organizations)).has(r.entity.organizationId)) return false;
    const event = await eventById(ctx, this.events, r.entity.eventId);
    return !!event && !this.events.ended(event);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description: "How many meeting requests withdrawing it would cancel (requested, counter-proposed or accepted; sent or received). Its organisation's members only (null for others).",
  })
  async meetingsToCancel(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<number | null> {
    if (!(await viewerOrganizations(ctx, this.organizations)).has(r.entity.organizationId)) return null;
    return ctx.loaders.get('event.registration.meetingsToCancel', () => new DataLoader((ids: readonly string[]) => this.registrations.openMeetingCounts(ids))).load(r.id);
  }

  @ResolveField(() => String, { nullable: true, description: "The organiser's note with its decision. The registering organisation and the organiser only." })
  async decisionNote(@Parent() r: EventRegistrationType, @Context() ctx: GqlContext): Promise<string | null> {
    return (await registrationInsider(ctx, this.events, this.organizations, r.entity)) ? r.entity.decisionNote : null;
  }
}

@Resolver(() => MeetingRequestType)
export class MeetingRequestResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly events: EventsService,
  ) {}

  private async registration(ctx: GqlContext, id: string): Promise<EventRegistrationType> {
    const r = await ctx.loaders
      .get('event.registration.byId', () => new DataLoader(async (ids: readonly string[]) => { const rows = await this.meetings.registrationsByIds(ids); return ids.map((x) => rows.find((r) => r.id === x) ?? null); }))
      .load(id);
    return toRegistrationType(r!);
  }

  @ResolveField(() => EventRegistrationType, { description: 'The requesting participant.' })
  from(@Parent() m: MeetingRequestType, @Context() ctx: GqlContext): Promise<EventRegistrationType> {
    return this.registration(ctx, m.entity.fromRegistrationId);
  }

  @ResolveField(() => EventRegistrationType, { description: 'The participant asked.' })
  to(@Parent() m: MeetingRequestType, @Context() ctx: GqlContext): Promise<EventRegistrationType> {
    return this.registration(ctx, m.entity.toRegistrationId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "Where the two meet while no table is assigned (tableNumber null), the same for both sides and the organiser: the stand of the participant asked, else the asker's; null when neither exhibits at a stand.",
  })
  async booth(@Parent() m: MeetingRequestType, @Context() ctx: GqlContext): Promise<string | null> {
    const [from, to] = await Promise.all([this.registration(ctx, m.entity.fromRegistrationId), this.registration(ctx, m.entity.toRegistrationId)]);
    return meetingBooth(from, to);
  }

  @ResolveField(() => Boolean, { description: "Whether the caller's organisation sent it (else it received it)." })
  async viewerIsRequester(@Parent() m: MeetingRequestType, @Context() ctx: GqlContext): Promise<boolean> {
    return (await this.meetings.sides(ctx.viewer, m.entity)).requester;
  }

  @ResolveField(() => EventType)
  async event(@Parent() m: MeetingRequestType, @Context() ctx: GqlContext): Promise<EventType> {
    return toEventType((await eventById(ctx, this.events, m.entity.eventId))!, ctx.lang);
  }
}

/** Organization.viewerPublishesEventsAtOnce lives here, beside the rule on who publishes without review. */
@Resolver(() => OrganizationType)
export class OrganizationEventsResolver {
  constructor(private readonly events: EventsService) {}

  @ResolveField(() => Boolean, {
    description:
      "Whether an event the viewer creates for this organisation, as a member, in the organisation's own province, is published at once (the department's own office) rather than reviewed. For another province, or a moderator creating for an organisation they are not a member of, createEvent's answer (its status) says.",
  })
  viewerPublishesEventsAtOnce(@Parent() org: OrganizationType, @Context() ctx: GqlContext): Promise<boolean> {
    return this.events.createsPublishedFor(ctx.viewer, org);
  }
}
