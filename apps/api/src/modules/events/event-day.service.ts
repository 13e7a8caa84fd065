import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ListingKind, ListingStatus, TransferMode } from '@techport/shared';
import { Clock } from '../../common/clock.js';
import { dateTimeIn, dayIn } from '../../common/dates.js';
import { Errors } from '../../common/errors.js';
import { format, type Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import { coversProvince, type Viewer } from '../../common/auth/viewer.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { ListingEntity } from '../listings/listing.entity.js';
import { InterestsService } from '../deals/interests.service.js';
import { DealsService } from '../deals/deals.service.js';
import { EventEntity, EventRegistrationEntity, MeetingRequestEntity, MeetingRequestStatus, ProgrammeSessionEntity, RegistrationRole, RegistrationStatus } from './event.entity.js';
import { MeetingAttendance, MeetingOutcomeKind, MeetingRecordEntity } from './event-day.entity.js';
import { EventsService } from './events.service.js';
import { CHECK_IN_OPENS_AT, checkInState, checkInWindow } from './event.rules.js';
import { meetingBooth, meetingTable, meetingTime, normalizeCheckInCode } from './check-in.js';
import type { MeetingOutcomeInput } from './dto/event-day.inputs.js';
import catalogue from './event-day.service.messages.json' with { type: 'json' };

const M = catalogue.messages satisfies Record<string, Localized>;

const OUTCOME_WORDS: Record<MeetingOutcomeKind, Localized> = catalogue.OUTCOME_WORDS;

/** One meeting of a participant's agenda: the other organisation, why, when and where. */
export interface AgendaMeeting {
  meeting: MeetingRequestEntity;
  startsAt: Date;
  endsAt: Date;
  table: number | null;
  other: OrganizationEntity;
  otherBooth: string | null;
  /**
   * Where the two meet when no table is assigned: the stand of the organisation that was asked
   * (the asker visits it), else the asker's; the same for both sides. Null when neither exhibits.
   */
  booth: string | null;
  requestedByUs: boolean;
}

/** A participant's agenda: the programme they may attend and their accepted meetings, in time order. */
export interface Agenda {
  event: EventEntity;
  registration: EventRegistrationEntity;
  organization: OrganizationEntity;
  sessions: ProgrammeSessionEntity[];
  meetings: AgendaMeeting[];
}

/**
 * The Techmart day itself (issue #17): each participant's agenda, check-in at the venue by the
 * organiser's staff, meetings marked held or no-show after their time, and a held meeting's outcome
 * turned into the exchange's interest (and deal) tagged with the event, through the interests and
 * deals services, in one transaction. Reminders are MeetingRemindersJob; the report EventReportService.
 */
@Injectable()
export class EventDayService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: EventsService,
    private readonly organizations: OrganizationsService,
    private readonly interests: InterestsService,
    private readonly deals: DealsService,
    private readonly clock: Clock,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Agenda

  /** The agenda of an approved registration, for its organisation's members and the organiser's (NOT_FOUND for anyone else). */
  async agenda(viewer: Viewer, registrationId: string): Promise<Agenda> {
    const em = this.ds.manager;
    const registration = isUuid(registrationId) ? await em.getRepository(EventRegistrationEntity).findOneBy({ id: registrationId }) : null;
    if (!registration) throw Errors.notFound(M.registrationNoun);
    const event = await em.getRepository(EventEntity).findOneByOrFail({ id: registration.eventId });
    const member = await this.organizations.isMember(viewer.id, registration.organizationId, em);
    if (!member && !(await this.events.isOrganizer(viewer, event, em))) throw Errors.notFound(M.registrationNoun);
    if (registration.status !== RegistrationStatus.APPROVED) throw Errors.conflict(M.notApproved);
    return this.agendaOf(em, event, registration);
  }

  private async agendaOf(em: EntityManager, event: EventEntity, registration: EventRegistrationEntity): Promise<Agenda> {
    const sessions = await em.getRepository(ProgrammeSessionEntity).find({ where: { eventId: event.id }, order: { startsAt: 'ASC', id: 'ASC' } });
    const requests = await em
      .getRepository(MeetingRequestEntity)
      .createQueryBuilder('m')
      .where('m.event_id = :e AND m.status = :accepted', { e: event.id, accepted: MeetingRequestStatus.ACCEPTED })
      .andWhere('(m.from_registration_id = :r OR m.to_registration_id = :r)', { r: registration.id })
      .getMany();
    const otherIds = requests.map((m) => (m.fromRegistrationId === registration.id ? m.toRegistrationId : m.fromRegistrationId));
    const others = otherIds.length ? await em.getRepository(EventRegistrationEntity).findBy({ id: In(otherIds) }) : [];
    const orgIds = [registration.organizationId, ...others.map((o) => o.organizationId)];
    const orgs = await em.getRepository(OrganizationEntity).findBy({ id: In(orgIds) });
    const orgOf = (id: string) => orgs.find((o) => o.id === id)!;
    const meetings: AgendaMeeting[] = [];
    for (const m of requests) {
      const at = meetingTime(m);
      if (!at) continue; // accepted without a time: the scheduler has not placed it yet
      const otherReg = others.find((o) => o.id === (m.fromRegistrationId === registration.id ? m.toRegistrationId : m.fromRegistrationId))!;
      meetings.push({
        meeting: m,
        startsAt: at,
        endsAt: new Date(at.getTime() + event.slotMinutes * 60_000),
        table: meetingTable(m),
        other: orgOf(otherReg.organizationId),
        otherBooth: otherReg.booth,
        booth: agendaBooth(m, registration, otherReg),
        requestedByUs: m.fromRegistrationId === registration.id,
      });
    }
    meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.meeting.id.localeCompare(b.meeting.id));
    return { event, registration, organization: orgOf(registration.organizationId), sessions, meetings };
  }

  // -------------------------------------------------------------------------------------------
  // Check-in

  /** The organiser's members and the moderators covering the event's province. */
  async isStaff(viewer: Viewer | null, event: EventEntity, em: EntityManager = this.ds.manager): Promise<boolean> {
    if (!viewer) return false;
    return coversProvince(viewer, event.provinceCode) || (await this.events.isOrganizer(viewer, event, em));
  }

  /** Staff: the approved registration of this event with this code (null when none). */
  async byCode(viewer: Viewer, eventId: string, typed: string): Promise<EventRegistrationEntity | null> {
    const event = await this.staffEvent(this.ds.manager, viewer, eventId);
    const code = normalizeCheckInCode(typed);
    if (!/^[A-Z0-9]{4,12}$/.test(code)) throw Errors.invalidField('code', M.codeFormat);
    return this.ds.getRepository(EventRegistrationEntity).findOneBy({ eventId: event.id, checkInCode: code, status: RegistrationStatus.APPROVED });
  }

  /** Staff check a participant in, once: a second time is a CONFLICT saying when and by whom. */
  async checkIn(viewer: Viewer, eventId: string, typed: string): Promise<EventRegistrationEntity> {
    const code = normalizeCheckInCode(typed);
    if (!/^[A-Z0-9]{4,12}$/.test(code)) throw Errors.invalidField('code', M.codeFormat);
    return this.ds.transaction(async (em) => {
      const event = await this.staffEvent(em, viewer, eventId);
      // Only on the event's days (event.rules.ts checkInWindow): a check-in counts as attendance.
      const state = checkInState(event, this.clock.now());
      if (state !== 'OPEN') {
        const { opensAt } = checkInWindow(event);
        const text = (lang: 'vi' | 'en') =>
          state === 'NOT_YET'
            ? format(M.checkInNotYet, { time: CHECK_IN_OPENS_AT, day: dayIn(opensAt, lang) })[lang]
            : format(M.checkInOver, { day: dayIn(new Date(`${event.endsOn}T12:00:00+07:00`), lang) })[lang];
        throw Errors.conflict({ vi: text('vi'), en: text('en') });
      }
      const repo = em.getRepository(EventRegistrationEntity);
      const registration = await repo.findOne({ where: { eventId: event.id, checkInCode: code, status: RegistrationStatus.APPROVED }, lock: { mode: 'pessimistic_write' } });
      if (!registration) throw Errors.invalidField('code', M.unknownCode);
      if (registration.checkedInAt) {
        const by = registration.checkedInBy ? (await em.query(`SELECT display_name FROM app_user WHERE id = $1`, [registration.checkedInBy]))[0]?.display_name : null;
        const at = registration.checkedInAt;
        throw Errors.conflict({ vi: format(M.already, { at: dateTimeIn(at, 'vi'), by: by ?? '—' }).vi, en: format(M.already, { at: dateTimeIn(at, 'en'), by: by ?? '—' }).en });
      }
      await repo.update({ id: registration.id }, { checkedInAt: this.clock.now(), checkedInBy: viewer.id });
      return repo.findOneByOrFail({ id: registration.id });
    });
  }

  /** The event for its staff; NOT_FOUND when it is not visible, FORBIDDEN for others who see it. */
  private async staffEvent(em: EntityManager, viewer: Viewer, eventId: string): Promise<EventEntity> {
    const event = isUuid(eventId) ? await em.getRepository(EventEntity).findOneBy({ id: eventId }) : null;
    if (!event || !(await this.events.canView(viewer, event))) throw Errors.notFound(M.eventNoun);
    if (!(await this.isStaff(viewer, event, em))) throw Errors.forbidden(M.staffOnly);
    return event;
  }

  // -------------------------------------------------------------------------------------------
  // Attendance and outcome

  async meetingById(id: string): Promise<MeetingRequestEntity | null> {
    return isUuid(id) ? this.ds.getRepository(MeetingRequestEntity).findOneBy({ id }) : null;
  }

  async registrationsOf(ids: string[]): Promise<EventRegistrationEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.ds.getRepository(EventRegistrationEntity).findBy({ id: In(valid) }) : [];
  }

  async displayName(userId: string): Promise<string | null> {
    const [row]: { display_name: string }[] = await this.ds.query(`SELECT display_name FROM app_user WHERE id = $1`, [userId]);
    return row?.display_name ?? null;
  }

  /** The day-of records of these meetings (for a DataLoader). */
  async recordsOf(meetingIds: readonly string[]): Promise<MeetingRecordEntity[]> {
    const ids = meetingIds.filter(isUuid);
    return ids.length ? this.ds.getRepository(MeetingRecordEntity).findBy({ meetingId: In(ids) }) : [];
  }

  /** Either side, the organiser's members or the moderators covering the event mark a meeting HELD or NO_SHOW after its time. */
  async markAttendance(viewer: Viewer, meetingId: string, attendance: MeetingAttendance): Promise<MeetingRequestEntity> {
    return this.ds.transaction(async (em) => {
      const { m, event, sides } = await this.lockMeeting(em, viewer, meetingId);
      const staff = await this.isStaff(viewer, event, em);
      // Anyone else (another participant, a stranger) is told nothing about the meeting.
      if (!sides.from && !sides.to && !staff) throw Errors.notFound(M.meetingNoun);
      const at = meetingTime(m);
      if (m.status !== MeetingRequestStatus.ACCEPTED || !at) throw Errors.conflict(M.notAccepted);
      if (at.getTime() > this.clock.now().getTime()) throw Errors.conflict(M.notYet);
      const record = await em.getRepository(MeetingRecordEntity).findOne({ where: { meetingId: m.id }, lock: { mode: 'pessimistic_write' } });
      if (record?.outcome) throw Errors.conflict(M.outcomeFixed);
      await em.getRepository(MeetingRecordEntity).upsert({ meetingId: m.id, attendance, attendanceBy: viewer.id, attendanceAt: this.clock.now() }, ['meetingId']);
      return m;
    });
  }

  /**
   * Either side of a held meeting records its outcome, once: an INTEREST opens the exchange's
   * interest in the chosen listing (accepted: the two met and agreed to follow up); an MOU or a
   * CONTRACT also proposes the deal on it, with its value, for the other side to accept and the
   * department to review. Interest and deal carry the event; everything in one transaction.
   */
  async recordOutcome(viewer: Viewer, meetingId: string, input: MeetingOutcomeInput): Promise<MeetingRecordEntity> {
    const withValue = input.kind !== MeetingOutcomeKind.INTEREST;
    if (withValue && !input.value) throw Errors.invalidField('input.value', M.valueRequired);
    return this.ds.transaction(async (em) => {
      const { m, event, sides, from, to } = await this.lockMeeting(em, viewer, meetingId);
      if (!sides.from && !sides.to) {
        if (await this.isStaff(viewer, event, em)) throw Errors.forbidden(M.outcomeSidesOnly);
        throw Errors.notFound(M.meetingNoun);
      }
      const recordRepo = em.getRepository(MeetingRecordEntity);
      const record = await recordRepo.findOne({ where: { meetingId: m.id }, lock: { mode: 'pessimistic_write' } });
      if (record?.attendance !== MeetingAttendance.HELD) throw Errors.conflict(M.notHeld);
      if (record.outcome) throw Errors.conflict(M.outcomeTwice);

      const mine = sides.from ? from : to;
      const theirs = mine === from ? to : from;
      const listing = await this.outcomeListing(em, input.listingId ?? null, from, to);
      const interestedOrg = listing.organizationId === mine.organizationId ? theirs.organizationId : mine.organizationId;
      const words = OUTCOME_WORDS[input.kind];
      const note = input.note?.trim();
      const message = note || `Kết quả cuộc gặp tại “${event.nameVi}”: ${words.vi}. / Outcome of our meeting at “${event.nameEn}”: ${words.en}.`;
      const interest = await this.interests.openFromMeeting(em, {
        actorId: viewer.id,
        actorOrganizationId: mine.organizationId,
        listing,
        interestedOrganizationId: interestedOrg,
        message,
        eventId: event.id,
      });
      let dealId: string | null = null;
      if (withValue) {
        const terms = `${input.kind === MeetingOutcomeKind.MOU ? 'Biên bản ghi nhớ' : 'Hợp đồng'} ký tại “${event.nameVi}” về “${listing.title}”.${note ? ` ${note}` : ''}`;
        const deal = await this.deals.proposeIn(
          em,
          viewer,
          { interestId: interest.id, value: input.value!, currency: 'VND', transferMode: input.transferMode ?? listing.transferModes[0] ?? TransferMode.LICENSING, terms },
          event.id,
        );
        dealId = deal.id;
      }
      await recordRepo.update(
        { meetingId: m.id },
        { outcome: input.kind, outcomeValue: withValue ? input.value! : null, outcomeListingId: listing.id, interestId: interest.id, dealId, outcomeBy: viewer.id, outcomeAt: this.clock.now() },
      );
      return recordRepo.findOneByOrFail({ meetingId: m.id });
    });
  }

  /** The listing asked for (published, of either side), else the exhibitor's first registered one, else the other side's. */
  private async outcomeListing(em: EntityManager, listingId: string | null, a: EventRegistrationEntity, b: EventRegistrationEntity): Promise<ListingEntity> {
    const orgs = [a.organizationId, b.organizationId];
    const repo = em.getRepository(ListingEntity);
    if (listingId) {
      const l = isUuid(listingId) ? await repo.findOneBy({ id: listingId, status: ListingStatus.PUBLISHED, organizationId: In(orgs) }) : null;
      if (!l) throw Errors.invalidField('input.listingId', M.listingNotTheirs);
      return l;
    }
    const ordered = [a, b].sort((x, y) => Number(y.role === RegistrationRole.EXHIBITOR) - Number(x.role === RegistrationRole.EXHIBITOR));
    for (const r of ordered) {
      for (const id of r.listingIds) {
        const l = await repo.findOneBy({ id, status: ListingStatus.PUBLISHED, organizationId: r.organizationId });
        if (l) return l;
      }
    }
    // Neither registered one: the exchange's published offers of either side, then demands.
    const any = await repo.find({ where: { organizationId: In(orgs), status: ListingStatus.PUBLISHED }, order: { publishedAt: 'DESC', id: 'ASC' }, take: 20 });
    const pick = any.find((l) => l.kind === ListingKind.OFFER) ?? any[0];
    if (!pick) throw Errors.invalidField('input.listingId', M.noListing);
    return pick;
  }

  /** Locks a meeting; says which sides the viewer is on (none: the caller decides NOT_FOUND or FORBIDDEN). */
  private async lockMeeting(em: EntityManager, viewer: Viewer, meetingId: string) {
    const m = isUuid(meetingId) ? await em.getRepository(MeetingRequestEntity).findOne({ where: { id: meetingId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!m) throw Errors.notFound(M.meetingNoun);
    const [event, from, to] = await Promise.all([
      em.getRepository(EventEntity).findOneByOrFail({ id: m.eventId }),
      em.getRepository(EventRegistrationEntity).findOneByOrFail({ id: m.fromRegistrationId }),
      em.getRepository(EventRegistrationEntity).findOneByOrFail({ id: m.toRegistrationId }),
    ]);
    const orgIds = await this.organizations.memberOrganizationIds(viewer.id, em);
    return { m, event, from, to, sides: { from: orgIds.includes(from.organizationId), to: orgIds.includes(to.organizationId) } };
  }
}

/** AgendaMeeting.booth: the asked organisation's stand, else the asker's (check-in.ts meetingBooth). */
function agendaBooth(m: MeetingRequestEntity, a: EventRegistrationEntity, b: EventRegistrationEntity): string | null {
  const asked = m.toRegistrationId === a.id ? a : b;
  return meetingBooth(asked === a ? b : a, asked);
}
