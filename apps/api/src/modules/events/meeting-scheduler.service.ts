import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { Errors } from '../../common/errors.js';
import { format, type Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { OutboxService, type OutboxEvent } from '../outbox/outbox.service.js';
import type { ListingDocument } from '../search/listing-document.js';
import {
  EventEntity,
  EventRegistrationEntity,
  MeetingPlacedBy,
  MeetingRequestEntity,
  MeetingRequestStatus,
  ScheduleRunEntity,
  ScheduleRunStatus,
  UnavailabilityEntity,
} from './event.entity.js';
import { hasEnded, slotProblem } from './event.rules.js';
import { EventsService } from './events.service.js';
import { registrationDocuments } from './event-matching.js';
import { SLOT } from './meetings.service.js';
import { meetingGrid, slotIndex, slotsOverlapping } from './scheduler/grid.js';
import { meetingPriorities } from './scheduler/meeting-priority.js';
import { schedule, type ScheduleMeeting } from './scheduler/scheduler.js';
import catalogue from './meeting-scheduler.service.messages.json' with { type: 'json' };

/** Outbox topic: run the scheduler for a run the organiser asked for. */
export const EVENT_SCHEDULE = 'event.schedule' as const;

const M = catalogue satisfies Record<string, Localized>;

/**
 * The meeting scheduler as the organiser uses it (issue #17): a run is asked for
 * (`requestRun`: a QUEUED run and an outbox event, in one transaction) and carried out by the
 * outbox worker (`run`: reads the event's accepted meetings, participants' unavailability and the
 * matching scores of the two sides' listings, runs the pure scheduler (scheduler/scheduler.ts) and
 * writes every placement and the run's figures in ONE transaction). Pinned meetings never move;
 * every other accepted meeting is re-planned by each run. The organiser pins, moves (to a slot and
 * table, refused when it clashes; a moved meeting is pinned) or cancels a meeting by hand. Runs and
 * hand edits lock the event row, so they happen one after another.
 */
@Injectable()
export class MeetingSchedulerService implements OnModuleInit {
  private readonly logger = new Logger('MeetingScheduler');

  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.outbox.register(EVENT_SCHEDULE, 'scheduler', (events) => this.handle(events));
  }

  // -------------------------------------------------------------------------------------------
  // Reads

  /** An event's accepted meetings, by slot and table (those not placed last). */
  scheduledMeetings(eventId: string): Promise<MeetingRequestEntity[]> {
    return this.ds
      .getRepository(MeetingRequestEntity)
      .createQueryBuilder('m')
      .where('m.event_id = :eventId AND m.status = :status', { eventId, status: MeetingRequestStatus.ACCEPTED })
      .orderBy('m.scheduled_at', 'ASC', 'NULLS LAST')
      .addOrderBy('m.table_number', 'ASC')
      .addOrderBy('m.created_at', 'ASC')
      .getMany();
  }

  lastRun(eventId: string): Promise<ScheduleRunEntity | null> {
    return this.ds.getRepository(ScheduleRunEntity).findOne({ where: { eventId }, order: { createdAt: 'DESC' } });
  }

  /** A run, for the event's organiser only. */
  async findRun(viewer: Viewer | null, id: string): Promise<ScheduleRunEntity | null> {
    const run = isUuid(id) ? await this.ds.getRepository(ScheduleRunEntity).findOneBy({ id }) : null;
    if (!run || !viewer) return null;
    const event = await this.ds.getRepository(EventEntity).findOneByOrFail({ id: run.eventId });
    return (await this.events.isOrganizer(viewer, event)) ? run : null;
  }

  // -------------------------------------------------------------------------------------------
  // The organiser's steps

  /** Queues a run (or answers the one already queued). */
  async requestRun(viewer: Viewer, eventId: string): Promise<ScheduleRunEntity> {
    return this.ds.transaction(async (em) => {
      const event = await this.lockEventForOrganizer(em, viewer, eventId);
      // After the fair its meetings happened where they were: a run would rewrite the record.
      if (hasEnded(event, this.clock.now())) throw Errors.conflict(M.ended);
      if (!event.meetingDays.length || event.meetingTables < 1) throw Errors.conflict(M.noGrid);
      const queued = await em.getRepository(ScheduleRunEntity).findOneBy({ eventId: event.id, status: ScheduleRunStatus.QUEUED });
      if (queued) return queued;
      const { identifiers } = await em.getRepository(ScheduleRunEntity).insert({ eventId: event.id, requestedBy: viewer.id });
      const id = identifiers[0].id as string;
      await this.outbox.publish(em, EVENT_SCHEDULE, { runId: id });
      return em.getRepository(ScheduleRunEntity).findOneByOrFail({ id });
    });
  }

  /** Pins a placed meeting where it is (the scheduler will not move it), or unpins it. */
  async pin(viewer: Viewer, id: string, pinned: boolean): Promise<MeetingRequestEntity> {
    return this.ds.transaction(async (em) => {
      const { m } = await this.lockMeetingForOrganizer(em, viewer, id);
      if (m.status !== MeetingRequestStatus.ACCEPTED) throw Errors.conflict(M.notAccepted);
      if (pinned && (!m.scheduledAt || !m.tableNumber)) throw Errors.conflict(M.notPlaced);
      await em.update(MeetingRequestEntity, { id: m.id }, { pinned });
      return em.getRepository(MeetingRequestEntity).findOneByOrFail({ id: m.id });
    });
  }

  /**
   * Moves a meeting to a slot and table of the event and pins it there. BAD_USER_INPUT naming
   * `slot` (not a slot of the grid; a side already meets then or is not available) or `table`
   * (out of range, or another meeting's).
   */
  async move(viewer: Viewer, id: string, slot: Date, table: number): Promise<MeetingRequestEntity> {
    return this.ds.transaction(async (em) => {
      const { m, event } = await this.lockMeetingForOrganizer(em, viewer, id);
      if (m.status !== MeetingRequestStatus.ACCEPTED) throw Errors.conflict(M.notAccepted);
      const problem = Number.isNaN(slot.getTime()) ? 'NOT_ALIGNED' : slotProblem(event, slot);
      if (problem) throw Errors.invalidField('slot', SLOT[problem]);
      if (!Number.isInteger(table) || table < 1 || table > event.meetingTables) throw Errors.invalidField('table', format(M.table, { max: event.meetingTables }));
      const sides = [m.fromRegistrationId, m.toRegistrationId];
      const others = await em
        .getRepository(MeetingRequestEntity)
        .createQueryBuilder('o')
        .where('o.event_id = :eventId AND o.status = :status AND o.scheduled_at = :slot AND o.id <> :id', { eventId: event.id, status: MeetingRequestStatus.ACCEPTED, slot, id: m.id })
        .getMany();
      const busy = sides.find((r) => others.some((o) => o.fromRegistrationId === r || o.toRegistrationId === r));
      if (busy) throw Errors.invalidField('slot', format(M.participantBusy, { name: await this.nameOf(em, busy) }));
      if (others.some((o) => o.tableNumber === table)) throw Errors.invalidField('table', format(M.tableTaken, { table }));
      const end = new Date(slot.getTime() + event.slotMinutes * 60_000);
      const away = await em
        .getRepository(UnavailabilityEntity)
        .createQueryBuilder('u')
        .where('u.registration_id IN (:...sides) AND u.starts_at < :end AND u.ends_at > :slot', { sides, end, slot })
        .getOne();
      if (away) throw Errors.invalidField('slot', format(M.participantAway, { name: await this.nameOf(em, away.registrationId) }));
      await em.update(MeetingRequestEntity, { id: m.id }, { scheduledAt: slot, tableNumber: table, pinned: true, scheduledBy: MeetingPlacedBy.ORGANIZER });
      await this.notifySides(em, event, m, {
        title: { vi: 'Cuộc gặp được đổi giờ', en: 'A meeting was moved' },
        body: { vi: `"${event.nameVi}": ban tổ chức đã đổi khung giờ hoặc bàn của một cuộc gặp.`, en: `"${event.nameEn}": the organiser moved one of your meetings.` },
      });
      return em.getRepository(MeetingRequestEntity).findOneByOrFail({ id: m.id });
    });
  }

  /** The organiser cancels an accepted meeting (its slot and table are freed); both sides are told. */
  async cancel(viewer: Viewer, id: string, noteInput: string | null | undefined): Promise<MeetingRequestEntity> {
    const note = noteInput?.trim() || null;
    if (note && note.length > 2000) throw Errors.invalidField('note', M.noteTooLong);
    return this.ds.transaction(async (em) => {
      const { m, event } = await this.lockMeetingForOrganizer(em, viewer, id);
      if (m.status !== MeetingRequestStatus.ACCEPTED) throw Errors.conflict(M.notAccepted);
      await em.update(MeetingRequestEntity, { id: m.id }, { status: MeetingRequestStatus.CANCELLED, scheduledAt: null, tableNumber: null, pinned: false, scheduledBy: null, responseNote: note ?? m.responseNote });
      await this.notifySides(em, event, m, {
        title: { vi: 'Cuộc gặp bị huỷ', en: 'A meeting was cancelled' },
        body: { vi: `"${event.nameVi}": ban tổ chức đã huỷ một cuộc gặp.${note ? ` ${note}` : ''}`, en: `"${event.nameEn}": the organiser cancelled one of your meetings.${note ? ` ${note}` : ''}` },
      });
      return em.getRepository(MeetingRequestEntity).findOneByOrFail({ id: m.id });
    });
  }

  // -------------------------------------------------------------------------------------------
  // The run (outbox worker)

  private async handle(events: OutboxEvent<{ runId: string }>[]): Promise<void> {
    for (const e of events) await this.run(String(e.payload.runId));
  }

  /**
   * Carries out a queued run: everything written in ONE transaction, under the event's lock. A
   * run that fails is marked FAILED with the error (not retried: the organiser runs it again).
   */
  async run(runId: string): Promise<void> {
    const started = Date.now();
    try {
      await this.ds.transaction(async (em) => {
        const run = await em.getRepository(ScheduleRunEntity).findOne({ where: { id: runId }, lock: { mode: 'pessimistic_write' } });
        if (!run || run.status !== ScheduleRunStatus.QUEUED) return; // done already (a redelivered event)
        const event = await em.getRepository(EventEntity).findOneOrFail({ where: { id: run.eventId }, lock: { mode: 'pessimistic_write' } });
        const grid = meetingGrid(event);
        const meetings = await em.getRepository(MeetingRequestEntity).findBy({ eventId: event.id, status: MeetingRequestStatus.ACCEPTED });
        const registrationIds = [...new Set(meetings.flatMap((m) => [m.fromRegistrationId, m.toRegistrationId]))];
        const unavailable = new Map<string, number[]>();
        if (registrationIds.length) {
          for (const u of await em.getRepository(UnavailabilityEntity).findBy({ registrationId: In(registrationIds) })) {
            unavailable.set(u.registrationId, [...(unavailable.get(u.registrationId) ?? []), ...slotsOverlapping(grid, u.startsAt, u.endsAt)]);
          }
        }
        const priorities = meetingPriorities(meetings, await this.documents(em, registrationIds));
        const input: ScheduleMeeting[] = meetings.map((m) => ({
          id: m.id,
          a: m.fromRegistrationId,
          b: m.toRegistrationId,
          priority: priorities.get(m.id)!,
          preferredSlot: slotIndex(grid, m.acceptedSlot),
          pinned: m.pinned && m.scheduledAt && m.tableNumber ? { slot: slotIndex(grid, m.scheduledAt), table: m.tableNumber } : null,
        }));
        const result = schedule({ slots: grid, tables: event.meetingTables, meetings: input, unavailable });
        const pinned = new Set(input.filter((m) => m.pinned).map((m) => m.id));
        const placed = result.placements.filter((p) => !pinned.has(p.id));

        // Everything not pinned is re-planned: cleared, then written where the scheduler put it.
        await em.query(
          `UPDATE techmart_meeting_request SET scheduled_at = NULL, table_number = NULL, scheduled_by = NULL, schedule_run_id = NULL
           WHERE event_id = $1 AND status = $2 AND NOT pinned`,
          [event.id, MeetingRequestStatus.ACCEPTED],
        );
        if (placed.length) {
          await em.query(
            `UPDATE techmart_meeting_request m SET scheduled_at = v.at, table_number = v.t, scheduled_by = $4, schedule_run_id = $5
             FROM unnest($1::uuid[], $2::timestamptz[], $3::smallint[]) AS v(id, at, t) WHERE m.id = v.id AND NOT m.pinned`,
            [placed.map((p) => p.id), placed.map((p) => grid[p.slot].startsAt.toISOString()), placed.map((p) => p.table), MeetingPlacedBy.SCHEDULER, run.id],
          );
        }
        await em.update(ScheduleRunEntity, { id: run.id }, {
          status: ScheduleRunStatus.DONE,
          meetings: meetings.length,
          scheduled: result.placements.length,
          pinned: pinned.size,
          bound: result.bound.value,
          boundKind: result.bound.kind,
          backToBack: result.backToBack,
          durationMs: Date.now() - started,
          finishedAt: this.clock.now(),
        });
        // Each participant with a meeting placed is told once.
        const withMeetings = new Set(placed.flatMap((p) => { const m = meetings.find((x) => x.id === p.id)!; return [m.fromRegistrationId, m.toRegistrationId]; }));
        const regs = withMeetings.size ? await em.getRepository(EventRegistrationEntity).findBy({ id: In([...withMeetings]) }) : [];
        for (const organizationId of new Set(regs.map((r) => r.organizationId))) {
          await this.notifications.notifyOrganizationMembers(em, organizationId, {
            kind: 'MEETINGS_SCHEDULED',
            title: { vi: 'Lịch gặp đã được xếp', en: 'Your meetings are scheduled' },
            body: { vi: `"${event.nameVi}": xem giờ và bàn của các cuộc gặp.`, en: `"${event.nameEn}": see the time and table of your meetings.` },
            url: `/events/${event.slug}/meetings`,
          });
        }
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`schedule run ${runId} failed: ${message}`);
      await this.ds.getRepository(ScheduleRunEntity).update({ id: runId, status: ScheduleRunStatus.QUEUED }, { status: ScheduleRunStatus.FAILED, error: message.slice(0, 2000), finishedAt: this.clock.now() });
    }
  }

  /** The public listings each registration brings, as matching documents (one query). */
  private async documents(em: EntityManager, registrationIds: string[]): Promise<Map<string, ListingDocument[]>> {
    if (!registrationIds.length) return new Map();
    const regs = await em.getRepository(EventRegistrationEntity).findBy({ id: In(registrationIds) });
    return registrationDocuments(em, regs, this.clock.now());
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  /** The event, locked, for its organiser; FORBIDDEN for others who can see it, NOT_FOUND otherwise. */
  private async lockEventForOrganizer(em: EntityManager, viewer: Viewer, eventId: string): Promise<EventEntity> {
    const event = isUuid(eventId) ? await em.getRepository(EventEntity).findOne({ where: { id: eventId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!event) throw Errors.notFound(M.eventNoun);
    if (await this.events.isOrganizer(viewer, event, em)) return event;
    if (await this.events.canView(viewer, event)) throw Errors.forbidden(M.onlyOrganizer);
    throw Errors.notFound(M.eventNoun);
  }

  /** The meeting and its event, locked, for the organiser; FORBIDDEN for its two sides, NOT_FOUND for anyone else. */
  private async lockMeetingForOrganizer(em: EntityManager, viewer: Viewer, id: string): Promise<{ m: MeetingRequestEntity; event: EventEntity }> {
    const found = isUuid(id) ? await em.getRepository(MeetingRequestEntity).findOneBy({ id }) : null;
    if (!found) throw Errors.notFound(M.meetingNoun);
    const event = await em.getRepository(EventEntity).findOneOrFail({ where: { id: found.eventId }, lock: { mode: 'pessimistic_write' } });
    const m = await em.getRepository(MeetingRequestEntity).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (await this.events.isOrganizer(viewer, event, em)) return { m, event };
    const regs = await em.getRepository(EventRegistrationEntity).findBy({ id: In([m.fromRegistrationId, m.toRegistrationId]) });
    for (const r of regs) if (await this.organizations.isMember(viewer.id, r.organizationId, em)) throw Errors.forbidden(M.onlyOrganizer);
    throw Errors.notFound(M.meetingNoun);
  }

  private async nameOf(em: EntityManager, registrationId: string): Promise<string> {
    const row = await em
      .getRepository(OrganizationEntity)
      .createQueryBuilder('o')
      .innerJoin(EventRegistrationEntity, 'r', 'r.organization_id = o.id')
      .where('r.id = :registrationId', { registrationId })
      .select('o.name', 'name')
      .getRawOne<{ name: string }>();
    return row?.name ?? '';
  }

  private async notifySides(em: EntityManager, event: EventEntity, m: MeetingRequestEntity, n: { title: Localized; body: Localized }): Promise<void> {
    const regs = await em.getRepository(EventRegistrationEntity).findBy({ id: In([m.fromRegistrationId, m.toRegistrationId]) });
    for (const r of regs) await this.notifications.notifyOrganizationMembers(em, r.organizationId, { kind: 'MEETING_SCHEDULE_CHANGED', ...n, url: `/events/${event.slug}/meetings` });
  }
}

