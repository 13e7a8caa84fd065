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
import { MEETING_TIME_SQL, meetingBooth, meetingTime, slotText } from './check-in.js';
import { heldOrOver, participantName, sideBusyAt } from './meeting-conflicts.js';
import { MeetingRecordEntity } from './event-day.entity.js';
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
 * writes every placement and the run's figures in ONE transaction). Pinned meetings never move,
 * nor does a time both sides agreed (see run()); the meetings accepted without a time are
 * re-planned by each run. The organiser pins, moves (to a slot and
 * table, refused when it clashes; a moved meeting is pinned) or cancels a meeting by hand, until
 * it took place or the fair is over (heldOrOver: the record then stays as it was). Runs and
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

  /**
   * An event's accepted meetings, by time (the scheduler's or organiser's, else the one the two
   * sides agreed: check-in.ts meetingTime) and table; those without a time last.
   */
  scheduledMeetings(eventId: string): Promise<MeetingRequestEntity[]> {
    return this.ds
      .getRepository(MeetingRequestEntity)
      .createQueryBuilder('m')
      .where('m.event_id = :eventId AND m.status = :status', { eventId, status: MeetingRequestStatus.ACCEPTED })
      .orderBy(MEETING_TIME_SQL('m'), 'ASC', 'NULLS LAST')
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
      const { m, event } = await this.lockMeetingForOrganizer(em, viewer, id);
      if (m.status !== MeetingRequestStatus.ACCEPTED) throw Errors.conflict(M.notAccepted);
      await this.refuseWhenHeld(em, m, event);
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
      // What took place stays on the record as it was: no move, and no "moved" notices to both sides.
      await this.refuseWhenHeld(em, m, event);
      const problem = Number.isNaN(slot.getTime()) ? 'NOT_ALIGNED' : slotProblem(event, slot);
      if (problem) throw Errors.invalidField('slot', SLOT[problem]);
      if (!Number.isInteger(table) || table < 1 || table > event.meetingTables) throw Errors.invalidField('table', format(M.table, { max: event.meetingTables }));
      const sides = [m.fromRegistrationId, m.toRegistrationId];
      // Both sides locked and checked as an acceptance is (meeting-conflicts.ts): one meeting a slot.
      const busy = await sideBusyAt(em, m, slot);
      if (busy) throw Errors.invalidField('slot', format(M.participantBusy, { name: await participantName(em, busy) }));
      const others = await em
        .getRepository(MeetingRequestEntity)
        .createQueryBuilder('o')
        .where(`o.event_id = :eventId AND o.status = :status AND ${MEETING_TIME_SQL('o')} = :slot AND o.id <> :id`, { eventId: event.id, status: MeetingRequestStatus.ACCEPTED, slot, id: m.id })
        .getMany();
      if (others.some((o) => o.tableNumber === table)) throw Errors.invalidField('table', format(M.tableTaken, { table }));
      const end = new Date(slot.getTime() + event.slotMinutes * 60_000);
      const away = await em
        .getRepository(UnavailabilityEntity)
        .createQueryBuilder('u')
        .where('u.registration_id IN (:...sides) AND u.starts_at < :end AND u.ends_at > :slot', { sides, end, slot })
        .getOne();
      if (away) throw Errors.invalidField('slot', format(M.participantAway, { name: await participantName(em, away.registrationId) }));
      await em.update(MeetingRequestEntity, { id: m.id }, { scheduledAt: slot, tableNumber: table, pinned: true, scheduledBy: MeetingPlacedBy.ORGANIZER });
      await this.notifySides(em, event, m, {
        title: { vi: 'Cuộc gặp được đổi giờ', en: 'A meeting was moved' },
        body: {
          vi: `"${event.nameVi}": ban tổ chức đã chuyển một cuộc gặp của bạn sang ${slotText(slot, 'vi')}, bàn ${table}.`,
          en: `"${event.nameEn}": the organiser moved one of your meetings to ${slotText(slot, 'en')}, table ${table}.`,
        },
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
      if (heldOrOver(await em.getRepository(MeetingRecordEntity).findOneBy({ meetingId: m.id }), event, this.clock.now())) throw Errors.conflict(M.alreadyHeld);
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
        // The participants too (in id order, as an acceptance locks its two): an acceptance waits
        // for the run, then checks its time against what the run placed (meeting-conflicts.ts).
        await em.query(`SELECT id FROM techmart_registration WHERE event_id = $1 ORDER BY id FOR UPDATE`, [event.id]);
        const grid = meetingGrid(event);
        const meetings = await em.getRepository(MeetingRequestEntity).findBy({ eventId: event.id, status: MeetingRequestStatus.ACCEPTED });
        const registrationIds = [...new Set(meetings.flatMap((m) => [m.fromRegistrationId, m.toRegistrationId]))];
        const regs = registrationIds.length ? await em.getRepository(EventRegistrationEntity).findBy({ id: In(registrationIds) }) : [];
        const regOf = (id: string) => regs.find((r) => r.id === id)!;
        const unavailable = new Map<string, number[]>();
        const away = (registrationId: string, slots: number[]) => unavailable.set(registrationId, [...(unavailable.get(registrationId) ?? []), ...slots]);
        if (registrationIds.length) {
          for (const u of await em.getRepository(UnavailabilityEntity).findBy({ registrationId: In(registrationIds) })) away(u.registrationId, slotsOverlapping(grid, u.startsAt, u.endsAt));
        }

        // What a fair organiser expects: a time the two sides agreed (the recipient accepted one of
        // the proposed slots, or the requester one of the counter-proposed) is in both calendars,
        // so a run never moves it. Such a meeting keeps its time and its place, the stand of the
        // organisation asked (else the asker's), as both agendas and .ics files say; when neither
        // side has a stand it is given a free table in that same slot (the time stays, the sides
        // are told the table). The scheduler plans only the meetings accepted without a time (and
        // re-plans those on later runs, around what is fixed); whoever's meeting gets a new or
        // different time or place is told what it is. Pinned meetings (the organiser's own hand)
        // stay as they are; the organiser may still move any meeting by hand, and both sides are
        // told (move()).
        const pinnedAt = (m: MeetingRequestEntity) => (m.pinned && m.scheduledAt && m.tableNumber ? { slot: slotIndex(grid, m.scheduledAt), table: m.tableNumber } : null);
        const tablesTaken = new Map<number, Set<number>>();
        const takeTable = (slot: number, table: number) => tablesTaken.set(slot, new Set([...(tablesTaken.get(slot) ?? []), table]));
        // Who meets when, among what is already fixed: one participant, one meeting a slot.
        const busy = new Map<string, Set<number>>();
        const isBusy = (registrationId: string, slot: number) => busy.get(registrationId)?.has(slot) ?? false;
        const occupy = (m: MeetingRequestEntity, slots: number[]) => {
          for (const r of [m.fromRegistrationId, m.toRegistrationId]) busy.set(r, new Set([...(busy.get(r) ?? []), ...slots]));
        };
        // Pinned at a time off today's grid (the grid changed since, a break moved): it still holds
        // its two sides and its table over the slots it overlaps, as stand-ins the scheduler keeps.
        const offGrid: ScheduleMeeting[] = [];
        for (const m of meetings) {
          const p = pinnedAt(m);
          if (p && p.slot >= 0) {
            takeTable(p.slot, p.table);
            occupy(m, [p.slot]);
          } else if (p && m.scheduledAt) {
            const over = slotsOverlapping(grid, m.scheduledAt, new Date(m.scheduledAt.getTime() + event.slotMinutes * 60_000));
            for (const slot of over) {
              takeTable(slot, p.table);
              offGrid.push({ id: `${m.id}@${slot}`, a: m.fromRegistrationId, b: m.toRegistrationId, priority: 0, preferredSlot: slot, pinned: { slot, table: p.table } });
            }
            occupy(m, over);
          }
        }
        const fixed = new Map<string, { slot: number; table: number }>();
        const atStand = new Set<string>();
        const noPlace = new Set<string>();
        // Agreed times in the order they were agreed: of two that clash (both accepted before this
        // check existed, or one against a pinned meeting), the first keeps its time, the other is planned.
        const byAgreement = [...meetings].sort((a, b) => (a.respondedAt?.getTime() ?? 0) - (b.respondedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
        for (const m of byAgreement) {
          const agreed = slotIndex(grid, m.acceptedSlot);
          if (pinnedAt(m) || agreed < 0) continue;
          if (isBusy(m.fromRegistrationId, agreed) || isBusy(m.toRegistrationId, agreed)) continue;
          occupy(m, [agreed]);
          if (meetingBooth(regOf(m.fromRegistrationId), regOf(m.toRegistrationId))) {
            atStand.add(m.id);
          } else {
            // Its table of an earlier run when still free, else the lowest free one.
            const taken = tablesTaken.get(agreed) ?? new Set<number>();
            const before = m.scheduledAt && slotIndex(grid, m.scheduledAt) === agreed && m.tableNumber && !taken.has(m.tableNumber) ? m.tableNumber : null;
            let table = before ?? 1;
            while (!before && taken.has(table)) table++;
            if (table > event.meetingTables) {
              // No table left in its slot: it keeps its time, without a place (not counted as placed).
              atStand.add(m.id);
              noPlace.add(m.id);
              continue;
            }
            takeTable(agreed, table);
            fixed.set(m.id, { slot: agreed, table });
          }
        }
        // Meetings kept outside the run still occupy their two sides at their time.
        for (const m of meetings) {
          if (!atStand.has(m.id)) continue;
          const agreed = slotIndex(grid, m.acceptedSlot);
          away(m.fromRegistrationId, [agreed]);
          away(m.toRegistrationId, [agreed]);
        }
        const planned = meetings.filter((m) => !atStand.has(m.id) && !(pinnedAt(m) && pinnedAt(m)!.slot < 0));
        const priorities = meetingPriorities(planned, await this.documents(em, registrationIds));
        const input: ScheduleMeeting[] = planned.map((m) => ({
          id: m.id,
          a: m.fromRegistrationId,
          b: m.toRegistrationId,
          priority: priorities.get(m.id)!,
          preferredSlot: slotIndex(grid, m.acceptedSlot),
          pinned: pinnedAt(m) ?? fixed.get(m.id) ?? null,
        }));
        const result = schedule({ slots: grid, tables: event.meetingTables, meetings: [...input, ...offGrid], unavailable });
        const pinned = new Set(meetings.filter((m) => pinnedAt(m)).map((m) => m.id));
        const real = new Set(meetings.map((m) => m.id));
        const offGridMeetings = new Set(offGrid.map((o) => o.id.split('@')[0])).size;
        const placed = result.placements.filter((p) => real.has(p.id) && !pinned.has(p.id));

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
          // Placed: by the scheduler or pinned (each meeting pinned off the grid once, not its stand-ins), or kept at its agreed time with a place.
          scheduled: result.placements.filter((p) => real.has(p.id)).length + offGridMeetings + atStand.size - noPlace.size,
          pinned: pinned.size,
          bound: result.bound.value - offGrid.length + offGridMeetings + atStand.size - noPlace.size,
          boundKind: result.bound.kind,
          backToBack: result.backToBack,
          durationMs: Date.now() - started,
          finishedAt: this.clock.now(),
        });

        // Whose meeting got a new or different time or place is told, once per organisation and
        // run, with each changed meeting's time and table (unchanged meetings are not announced).
        const placement = new Map(placed.map((p) => [p.id, p]));
        const changes = new Map<string, { vi: string[]; en: string[]; moved: boolean }>();
        const orgName = new Map((regs.length ? await em.getRepository(OrganizationEntity).findBy({ id: In([...new Set(regs.map((r) => r.organizationId))]) }) : []).map((o) => [o.id, o.name]));
        for (const m of meetings) {
          if (pinned.has(m.id)) continue;
          const p = placement.get(m.id);
          const now = p ? { at: grid[p.slot].startsAt, table: p.table } : null;
          const was = m.scheduledAt ? { at: m.scheduledAt, table: m.tableNumber } : null;
          if (now?.at.getTime() === was?.at.getTime() && now?.table === was?.table) continue;
          for (const [self, other] of [[m.fromRegistrationId, m.toRegistrationId], [m.toRegistrationId, m.fromRegistrationId]]) {
            const org = regOf(self).organizationId;
            const name = orgName.get(regOf(other).organizationId) ?? '';
            const c = changes.get(org) ?? { vi: [], en: [], moved: false };
            // a time its agendas showed changed, not only a first time or a table given
            const shown = meetingTime(m);
            c.moved ||= !!shown && !!now && now.at.getTime() !== shown.getTime();
            const booth = meetingBooth(regOf(m.fromRegistrationId), regOf(m.toRegistrationId));
            const at = now?.at ?? m.acceptedSlot;
            c.vi.push(at ? `${name}: ${slotText(at, 'vi')}, ${now ? `bàn ${now.table}` : booth ? `gian hàng ${booth}` : 'chưa có bàn'}` : `${name}: chưa xếp được giờ`);
            c.en.push(at ? `${name}: ${slotText(at, 'en')}, ${now ? `table ${now.table}` : booth ? `booth ${booth}` : 'no table yet'}` : `${name}: no time could be found yet`);
            changes.set(org, c);
          }
        }
        for (const [organizationId, c] of changes) {
          const list = (lines: string[]) => (lines.length > 5 ? [...lines.slice(0, 5), '…'] : lines).join('; ');
          await this.notifications.notifyOrganizationMembers(em, organizationId, {
            kind: 'MEETINGS_SCHEDULED',
            title: c.moved ? { vi: 'Lịch gặp đã thay đổi', en: 'Your meeting times have changed' } : { vi: 'Lịch gặp đã được xếp', en: 'Your meetings are scheduled' },
            body: { vi: `"${event.nameVi}": giờ và chỗ gặp mới: ${list(c.vi)}.`, en: `"${event.nameEn}": new time and place: ${list(c.en)}.` },
            url: `/events/${event.slug}/meetings`,
            dedupeKey: `meetings-scheduled:${run.id}:${organizationId}`,
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

  /** CONFLICT when the meeting took place (held, an outcome recorded) or its fair is over (meeting-conflicts.ts heldOrOver): it is no longer moved or pinned. */
  private async refuseWhenHeld(em: EntityManager, m: MeetingRequestEntity, event: EventEntity): Promise<void> {
    if (heldOrOver(await em.getRepository(MeetingRecordEntity).findOneBy({ meetingId: m.id }), event, this.clock.now())) throw Errors.conflict(M.heldNotMoved);
  }

  private async notifySides(em: EntityManager, event: EventEntity, m: MeetingRequestEntity, n: { title: Localized; body: Localized }): Promise<void> {
    const regs = await em.getRepository(EventRegistrationEntity).findBy({ id: In([m.fromRegistrationId, m.toRegistrationId]) });
    for (const r of regs) await this.notifications.notifyOrganizationMembers(em, r.organizationId, { kind: 'MEETING_SCHEDULE_CHANGED', ...n, url: `/events/${event.slug}/meetings` });
  }
}
