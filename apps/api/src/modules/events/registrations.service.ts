import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { EVENT_LIMITS, ListingKind, ListingStatus } from '@techport/shared';
import { Clock } from '../../common/clock.js';
import { Errors } from '../../common/errors.js';
import { format, sentence, t, type Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ListingEntity } from '../listings/listing.entity.js';
import { isListedPublicly } from '../listings/listing.rules.js';
import { ModerationStatus } from '../moderation-core/moderation.workflow.js';
import { newCheckInCode } from './check-in.js';
import { EventEntity, EventRegistrationEntity, MeetingRequestEntity, MeetingRequestStatus, RegistrationRole, RegistrationStatus, type RegistrationAnswer } from './event.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { EventsService } from './events.service.js';
import { fullRoles, hasEnded, registrationOpen, vietnamDay } from './event.rules.js';
import type { EventRegistrationInput } from './dto/event.inputs.js';
import catalogue from './registrations.service.messages.json' with { type: 'json' };

const M = catalogue.messages satisfies Record<string, Localized>;

const ROLE_WORDS: Record<RegistrationRole, Localized> = catalogue.ROLE_WORDS;

/** The notices the organiser and other participants get ({org}: the registering organisation's name). */
const N = catalogue.notices satisfies Record<string, Localized>;

/** What a withdrawal cancels: the requests still open, and the accepted meetings. */
const OPEN_MEETING_STATUSES = [MeetingRequestStatus.REQUESTED, MeetingRequestStatus.COUNTER_PROPOSED, MeetingRequestStatus.ACCEPTED];

/** A notice naming the event: {event} is its name in each language. */
function eventFormat(message: Localized, event: EventEntity, params: Record<string, string | number>): Localized {
  return { vi: format(message, { ...params, event: event.nameVi }).vi, en: format(message, { ...params, event: event.nameEn }).en };
}

const join = (a: Localized, b: Localized): Localized => ({ vi: `${a.vi} ${b.vi}`, en: `${a.en} ${b.en}` });

/** A message naming a role's cap: {max} and {role} filled in each language. */
function capMessage(message: Localized, role: RegistrationRole, max: number): Localized {
  const words = ROLE_WORDS[role];
  return {
    vi: message.vi.replace('{role}', words.vi).replace('{max}', String(max)),
    en: message.en.replace('{role}', words.en).replace('{max}', String(max)),
  };
}

/**
 * Registrations of organisations for published events: as exhibitor (showing published offers)
 * or visitor (bringing published demands), with answers to the organiser's questions. The
 * organiser's members approve (within the caps) or decline, and assign booths. A registration is
 * seen by the registering organisation's members and the organiser's; approved exhibitors are
 * public on the event's page.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: EventsService,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Reads

  async findOne(id: string): Promise<EventRegistrationEntity | null> {
    return isUuid(id) ? this.ds.getRepository(EventRegistrationEntity).findOneBy({ id }) : null;
  }

  /** An event's registrations, oldest first (the organiser's list), optionally of one status. */
  async ofEvent(eventId: string, status: RegistrationStatus | null): Promise<EventRegistrationEntity[]> {
    return this.ds.getRepository(EventRegistrationEntity).find({
      where: { eventId, ...(status ? { status } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The approved exhibitors of these events (the public list), by booth then registration. */
  async exhibitorsOf(eventIds: readonly string[]): Promise<EventRegistrationEntity[]> {
    return this.ds.getRepository(EventRegistrationEntity).find({
      where: { eventId: In([...eventIds]), role: RegistrationRole.EXHIBITOR, status: RegistrationStatus.APPROVED },
      order: { booth: 'ASC', createdAt: 'ASC' },
    });
  }

  /** The viewer's organisations' registrations for this event. */
  async mine(viewer: Viewer, eventId: string): Promise<EventRegistrationEntity[]> {
    const orgs = await this.organizations.memberOrganizationIds(viewer.id);
    if (!orgs.length) return [];
    return this.ds.getRepository(EventRegistrationEntity).find({ where: { eventId, organizationId: In(orgs) }, order: { createdAt: 'ASC' } });
  }

  /**
   * Every registration of the viewer's organisations for a published event (their "my events"):
   * events not over yet first, soonest first, then those over, the latest first.
   */
  async allMine(viewer: Viewer): Promise<EventRegistrationEntity[]> {
    const orgs = await this.organizations.memberOrganizationIds(viewer.id);
    if (!orgs.length) return [];
    const rows = await this.ds
      .getRepository(EventRegistrationEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.event', 'e')
      .where('r.organization_id IN (:...orgs)', { orgs })
      .andWhere('e.status = :published', { published: ModerationStatus.PUBLISHED })
      .getMany();
    const today = vietnamDay(this.clock.now());
    const over = (r: EventRegistrationEntity) => r.event!.endsOn < today;
    return rows.sort((a, b) => {
      if (over(a) !== over(b)) return over(a) ? 1 : -1;
      const byStart = over(a) ? b.event!.endsOn.localeCompare(a.event!.endsOn) : a.event!.startsOn.localeCompare(b.event!.startsOn);
      return byStart || a.createdAt.getTime() - b.createdAt.getTime();
    });
  }

  /** Approved registrations per role (the caps count these). */
  async approvedCounts(eventId: string, em: EntityManager = this.ds.manager): Promise<Record<RegistrationRole, number>> {
    const rows: { role: RegistrationRole; n: number }[] = await em.query(
      `SELECT role, count(*)::int AS n FROM techmart_registration WHERE event_id = $1 AND status = 'APPROVED' GROUP BY role`,
      [eventId],
    );
    const counts = { EXHIBITOR: 0, VISITOR: 0 };
    for (const r of rows) counts[r.role] = r.n;
    return counts;
  }

  /** Approved registrations per role of each of these events (a list of events: one query). */
  async approvedCountsOf(eventIds: readonly string[]): Promise<Map<string, Record<RegistrationRole, number>>> {
    const byEvent = new Map<string, Record<RegistrationRole, number>>(eventIds.map((id) => [id, { EXHIBITOR: 0, VISITOR: 0 }]));
    const valid = eventIds.filter(isUuid);
    if (!valid.length) return byEvent;
    const rows: { event_id: string; role: RegistrationRole; n: number }[] = await this.ds.query(
      `SELECT event_id, role, count(*)::int AS n FROM techmart_registration WHERE event_id = ANY($1::uuid[]) AND status = 'APPROVED' GROUP BY event_id, role`,
      [valid],
    );
    for (const r of rows) byEvent.get(r.event_id)![r.role] = r.n;
    return byEvent;
  }

  /** The published listings among these ids (what a registration shows to the public). */
  async publicListings(ids: readonly string[]): Promise<ListingEntity[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const now = this.clock.now();
    const rows = await this.ds.getRepository(ListingEntity).findBy({ id: In(valid), status: ListingStatus.PUBLISHED });
    const byId = new Map(rows.filter((l) => isListedPublicly(l, now)).map((l) => [l.id, l]));
    return valid.flatMap((id) => byId.get(id) ?? []);
  }

  // -------------------------------------------------------------------------------------------
  // Writes

  /**
   * A member registers their organisation for a published event while registration is open.
   * Registering again while pending (or after withdrawing) replaces the registration; once the
   * organiser has approved or declined it, it stands.
   */
  async register(viewer: Viewer, input: EventRegistrationInput): Promise<EventRegistrationEntity> {
    return this.ds.transaction(async (em) => {
      const event = isUuid(input.eventId) ? await em.getRepository(EventEntity).findOneBy({ id: input.eventId }) : null;
      if (!event || event.status !== ModerationStatus.PUBLISHED) throw Errors.notFound(M.eventNoun);
      if (!isUuid(input.organizationId) || !(await this.organizations.isMember(viewer.id, input.organizationId, em))) {
        throw Errors.invalidField('input.organizationId', M.notMember);
      }
      if (input.organizationId === event.organizerId) throw Errors.invalidField('input.organizationId', M.organizerItself);
      if (!registrationOpen(event, this.clock.now())) throw Errors.conflict(M.closed);
      // The caps count approved registrations: a role whose places are all taken takes no more
      // registrations (they could never be approved), and an event full in every role is closed.
      const full = fullRoles(event, await this.approvedCounts(event.id, em));
      if (full.length === 2) throw Errors.conflict(M.full);

      // Every problem of the form at once (role, listings, answers), not the first one per try.
      const problems: Record<string, Localized> = {};
      const role = input.role ?? null;
      if (!role) problems['input.role'] = M.roleRequired;
      else if (full.includes(role)) problems['input.role'] = format(role === RegistrationRole.EXHIBITOR ? M.roleFull_EXHIBITOR : M.roleFull_VISITOR, { max: (role === RegistrationRole.EXHIBITOR ? event.maxExhibitors : event.maxVisitors) ?? 0 });
      const listingIds = [...new Set(input.listingIds)];
      if (role && !(await this.listingsFit(em, input.organizationId, role, listingIds))) problems['input.listingIds'] = M.wrongListings;
      // Without a role yet, no listing chosen is named too: an exhibitor needs an offer.
      else if (role !== RegistrationRole.VISITOR && listingIds.length === 0) problems['input.listingIds'] = M.offersRequired;
      const answers = this.checkAnswers(event, input.answers, problems);
      if (!role || Object.keys(problems).length) throw Errors.badInput(problems);

      const repo = em.getRepository(EventRegistrationEntity);
      // Two members registering one organisation at once: one after the other, ending in one registration.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`techmart_registration:${event.id}:${input.organizationId}`]);
      const existing = await repo.findOne({ where: { eventId: event.id, organizationId: input.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (existing && (existing.status === RegistrationStatus.APPROVED || existing.status === RegistrationStatus.DECLINED)) throw Errors.conflict(M.alreadyDecided);
      const values = {
        role,
        status: RegistrationStatus.PENDING,
        listingIds,
        answers,
        registeredBy: viewer.id,
        booth: null,
        decisionNote: null,
        decidedBy: null,
        decidedAt: null,
        // The organiser reads when it was sent this time, not when the organisation first registered.
        registeredAt: this.clock.now(),
      };
      let id: string;
      if (existing) {
        await repo.update({ id: existing.id }, values);
        id = existing.id;
      } else {
        const { identifiers } = await repo.insert({ ...values, eventId: event.id, organizationId: input.organizationId });
        id = identifiers[0].id as string;
      }
      const org = await em.getRepository(OrganizationEntity).findOneByOrFail({ id: input.organizationId });
      await this.notifications.notifyOrganizationMembers(em, event.organizerId, {
        kind: 'EVENT_REGISTRATION_RECEIVED',
        title: format(N.registeredTitle, { org: org.name }),
        body: eventFormat(N.registeredBody, event, { org: org.name }),
        url: `/events/${event.slug}/registrations`,
      });
      return repo.findOneByOrFail({ id });
    });
  }

  /**
   * The organiser approves (within the event's cap for the role; an exhibitor may get its booth
   * at once) or declines (with a note) a pending registration. The registering organisation is
   * notified.
   */
  async decide(viewer: Viewer, id: string, approve: boolean, booth: string | null | undefined, noteInput: string | null | undefined): Promise<EventRegistrationEntity> {
    const note = noteInput?.trim() || null;
    if (note && note.length > 2000) throw Errors.invalidField('note', M.noteTooLong);
    if (!approve && !note) throw Errors.invalidField('note', M.noteRequired);
    return this.ds.transaction(async (em) => {
      const { registration, event } = await this.lockForOrganizer(em, viewer, id);
      if (registration.status !== RegistrationStatus.PENDING) throw Errors.conflict(M.notPending);
      let boothValue: string | null = null;
      if (approve) {
        const cap = registration.role === RegistrationRole.EXHIBITOR ? event.maxExhibitors : event.maxVisitors;
        const counts = await this.approvedCounts(event.id, em);
        if (cap !== null && counts[registration.role] >= cap) throw Errors.conflict(capMessage(M.capReached, registration.role, cap));
        if (booth != null && booth.trim()) boothValue = await this.checkBooth(em, { ...registration, status: RegistrationStatus.APPROVED }, booth);
      }
      const now = this.clock.now();
      await em.update(EventRegistrationEntity, { id: registration.id }, {
        status: approve ? RegistrationStatus.APPROVED : RegistrationStatus.DECLINED,
        booth: boothValue,
        decisionNote: note,
        decidedBy: viewer.id,
        decidedAt: now,
        // The check-in code for the agenda's QR code (kept if a registration is ever decided again).
        ...(approve && !registration.checkInCode ? { checkInCode: newCheckInCode() } : {}),
      });
      await this.notifications.notifyOrganizationMembers(em, registration.organizationId, {
        kind: approve ? 'EVENT_REGISTRATION_APPROVED' : 'EVENT_REGISTRATION_DECLINED',
        title: approve
          ? { vi: 'Đăng ký tham gia sự kiện đã được chấp nhận', en: 'Your event registration was approved' }
          : { vi: 'Đăng ký tham gia sự kiện bị từ chối', en: 'Your event registration was declined' },
        body: approve
          ? { vi: `Tổ chức của bạn sẽ tham gia "${event.nameVi}".${boothValue ? ` Gian hàng: ${boothValue}.` : ''}`, en: `Your organisation takes part in "${event.nameEn}".${boothValue ? ` Booth: ${boothValue}.` : ''}` }
          : { vi: `"${event.nameVi}": ${note}`, en: `"${event.nameEn}": ${note}` },
        url: `/events/${event.slug}`,
      });
      return em.getRepository(EventRegistrationEntity).findOneByOrFail({ id: registration.id });
    });
  }

  /** The organiser assigns (or changes, or clears with null) an approved exhibitor's booth; one exhibitor per booth. */
  async assignBooth(viewer: Viewer, id: string, booth: string | null): Promise<EventRegistrationEntity> {
    return this.ds.transaction(async (em) => {
      const { registration } = await this.lockForOrganizer(em, viewer, id);
      if (registration.role !== RegistrationRole.EXHIBITOR || registration.status !== RegistrationStatus.APPROVED) throw Errors.conflict(M.boothExhibitorsOnly);
      const value = booth === null || !booth.trim() ? null : await this.checkBooth(em, registration, booth);
      await em.update(EventRegistrationEntity, { id: registration.id }, { booth: value });
      return em.getRepository(EventRegistrationEntity).findOneByOrFail({ id: registration.id });
    });
  }

  /**
   * A member of the registering organisation withdraws a pending or approved registration, until
   * the event has ended (then it stands as it was: CONFLICT). In the same transaction its booth is
   * given back, every meeting request of its still open or accepted (requested, counter-proposed,
   * accepted, either direction) is cancelled with the reason (or, without one, a note saying it
   * withdrew) and freed of its slot and table, each other organisation concerned is told once, and
   * the organiser's members are told. Who withdrew and when stay on the registration. A later
   * registration starts afresh: the cancelled requests do not come back.
   */
  /**
   * A member of the registered organisation changes which of its published listings it brings
   * (an exhibitor at least one offer, a visitor its demands: a demand posted after the
   * registration can still come), while the registration is pending or approved and until the
   * event has ended. The listings are public already, so the organiser does not decide again.
   */
  async changeListings(viewer: Viewer, id: string, listingIdsInput: string[]): Promise<EventRegistrationEntity> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(EventRegistrationEntity);
      const registration = isUuid(id) ? await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!registration || !(await this.organizations.isMember(viewer.id, registration.organizationId, em))) throw Errors.notFound(M.noun);
      if (registration.status !== RegistrationStatus.PENDING && registration.status !== RegistrationStatus.APPROVED) throw Errors.conflict(M.listingsNotChangeable);
      const event = await em.getRepository(EventEntity).findOneByOrFail({ id: registration.eventId });
      if (hasEnded(event, this.clock.now())) throw Errors.conflict(M.endedListingsNotChangeable);
      const listingIds = [...new Set(listingIdsInput)];
      if (!(await this.listingsFit(em, registration.organizationId, registration.role, listingIds))) throw Errors.invalidField('listingIds', M.wrongListings);
      if (registration.role === RegistrationRole.EXHIBITOR && listingIds.length === 0) throw Errors.invalidField('listingIds', M.offersRequired);
      await repo.update({ id: registration.id }, { listingIds });
      return repo.findOneByOrFail({ id: registration.id });
    });
  }

  async withdraw(viewer: Viewer, id: string, reasonInput?: string | null): Promise<EventRegistrationEntity> {
    const reason = reasonInput?.trim() || null;
    if (reason && reason.length > 2000) throw Errors.invalidField('reason', M.reasonTooLong);
    return this.ds.transaction(async (em) => {
      const registration = isUuid(id) ? await em.getRepository(EventRegistrationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!registration || !(await this.organizations.isMember(viewer.id, registration.organizationId, em))) throw Errors.notFound(M.noun);
      if (registration.status !== RegistrationStatus.PENDING && registration.status !== RegistrationStatus.APPROVED) throw Errors.conflict(M.notWithdrawable);
      const event = await em.getRepository(EventEntity).findOneByOrFail({ id: registration.eventId });
      const now = this.clock.now();
      if (hasEnded(event, now)) throw Errors.conflict(M.endedNotWithdrawable);
      await em.update(EventRegistrationEntity, { id: registration.id }, { status: RegistrationStatus.WITHDRAWN, booth: null, withdrawnBy: viewer.id, withdrawnAt: now });

      const org = await em.getRepository(OrganizationEntity).findOneByOrFail({ id: registration.organizationId });
      const open = await this.openMeetings(em, [registration.id], true);
      // The note the meetings keep: the reason given, else that the organisation withdrew, in the withdrawing member's language.
      const note = reason ?? t(format(N.cancelNote, { org: org.name }));
      if (open.length) {
        await em.update(
          MeetingRequestEntity,
          { id: In(open.map((m) => m.id)) },
          { status: MeetingRequestStatus.CANCELLED, scheduledAt: null, tableNumber: null, pinned: false, scheduledBy: null, responseNote: note },
        );
      }
      const reasonText = reason ? format(N.reason, { reason: sentence(reason) }) : null;
      const withReason = (body: Localized): Localized => (reasonText ? { vi: `${body.vi} ${reasonText.vi}`, en: `${body.en} ${reasonText.en}` } : body);

      // Each other organisation concerned, once (however many requests it had with this one).
      const others = new Map<string, number>();
      if (open.length) {
        const otherIds = open.map((m) => (m.fromRegistrationId === registration.id ? m.toRegistrationId : m.fromRegistrationId));
        const regs = await em.getRepository(EventRegistrationEntity).findBy({ id: In([...new Set(otherIds)]) });
        for (const rid of otherIds) {
          const orgId = regs.find((r) => r.id === rid)!.organizationId;
          others.set(orgId, (others.get(orgId) ?? 0) + 1);
        }
      }
      for (const [orgId, count] of others) {
        if (orgId === registration.organizationId) continue;
        await this.notifications.notifyOrganizationMembers(
          em,
          orgId,
          {
            kind: 'MEETING_CANCELLED',
            title: format(N.counterpartTitle, { org: org.name }),
            body: withReason(eventFormat(N.counterpartBody, event, { org: org.name, count })),
            url: `/events/${event.slug}/meetings`,
          },
          viewer.id,
        );
      }
      let organiserBody = eventFormat(N.withdrawnBody, event, { org: org.name });
      if (registration.booth) organiserBody = join(organiserBody, format(N.withdrawnBooth, { booth: registration.booth }));
      if (open.length) organiserBody = join(organiserBody, format(N.withdrawnMeetings, { count: open.length }));
      await this.notifications.notifyOrganizationMembers(
        em,
        event.organizerId,
        {
          kind: 'EVENT_REGISTRATION_WITHDRAWN',
          title: format(N.withdrawnTitle, { org: org.name }),
          body: withReason(organiserBody),
          url: `/events/${event.slug}/registrations`,
        },
        viewer.id,
      );
      return em.getRepository(EventRegistrationEntity).findOneByOrFail({ id: registration.id });
    });
  }

  /**
   * The meeting requests of these registrations that a withdrawal cancels: requested,
   * counter-proposed or accepted, sent or received (locked when `lock`).
   */
  async openMeetings(em: EntityManager, registrationIds: readonly string[], lock = false): Promise<MeetingRequestEntity[]> {
    if (!registrationIds.length) return [];
    const qb = em
      .getRepository(MeetingRequestEntity)
      .createQueryBuilder('m')
      .where('m.status IN (:...open)', { open: OPEN_MEETING_STATUSES })
      .andWhere('(m.from_registration_id IN (:...ids) OR m.to_registration_id IN (:...ids))', { ids: registrationIds })
      .orderBy('m.id', 'ASC');
    if (lock) qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  /** How many meeting requests withdrawing each of these registrations would cancel (a DataLoader's batch). */
  async openMeetingCounts(registrationIds: readonly string[]): Promise<number[]> {
    const valid = registrationIds.filter(isUuid);
    const open = await this.openMeetings(this.ds.manager, valid);
    return registrationIds.map((id) => open.filter((m) => m.fromRegistrationId === id || m.toRegistrationId === id).length);
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  /**
   * Locks a registration and its event (so approvals against a cap run one after another) for the
   * organiser. Someone who cannot see it gets NOT_FOUND; the registering organisation FORBIDDEN.
   */
  private async lockForOrganizer(em: EntityManager, viewer: Viewer, id: string): Promise<{ registration: EventRegistrationEntity; event: EventEntity }> {
    const found = isUuid(id) ? await em.getRepository(EventRegistrationEntity).findOneBy({ id }) : null;
    if (!found) throw Errors.notFound(M.noun);
    const event = await em.getRepository(EventEntity).findOneOrFail({ where: { id: found.eventId }, lock: { mode: 'pessimistic_write' } });
    const registration = await em.getRepository(EventRegistrationEntity).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (await this.events.isOrganizer(viewer, event, em)) return { registration, event };
    if (await this.organizations.isMember(viewer.id, registration.organizationId, em)) throw Errors.forbidden(M.notOrganizer);
    throw Errors.notFound(M.noun);
  }

  private async checkBooth(em: EntityManager, registration: EventRegistrationEntity, boothInput: string): Promise<string> {
    const booth = boothInput.trim();
    if (booth.length > 40 || /[\u0000-\u001f\u007f]/.test(booth)) throw Errors.invalidField('booth', M.boothFormat);
    if (registration.role !== RegistrationRole.EXHIBITOR || registration.status !== RegistrationStatus.APPROVED) throw Errors.conflict(M.boothExhibitorsOnly);
    const taken = await em.getRepository(EventRegistrationEntity).existsBy({ eventId: registration.eventId, booth, status: RegistrationStatus.APPROVED });
    const own = registration.booth === booth;
    if (taken && !own) throw Errors.invalidField('booth', M.boothTaken);
    return booth;
  }

  /** Every listing is the organisation's, published and listed, of the kind the role brings. */
  private async listingsFit(em: EntityManager, organizationId: string, role: RegistrationRole, ids: string[]): Promise<boolean> {
    if (!ids.length) return true;
    if (!ids.every(isUuid)) return false;
    const kind = role === RegistrationRole.EXHIBITOR ? ListingKind.OFFER : ListingKind.DEMAND;
    const now = this.clock.now();
    const rows = await em.getRepository(ListingEntity).findBy({ id: In(ids), organizationId, kind, status: ListingStatus.PUBLISHED });
    return rows.filter((l) => isListedPublicly(l, now)).length === ids.length;
  }

  /**
   * Answers keyed by the event's questions; required ones must be answered, a numeric one with a
   * whole number in EVENT_LIMITS.numericAnswer (stored as written plainly: "03" is "3").
   */
  private checkAnswers(event: EventEntity, answers: { questionId: string; answer: string }[], problems: Record<string, Localized>): RegistrationAnswer[] {
    const byId = new Map<string, string>();
    const [min, max] = EVENT_LIMITS.numericAnswer;
    answers.forEach((a, i) => {
      const q = event.questions.find((x) => x.id === a.questionId);
      const answer = a.answer.trim();
      if (!q) problems[`input.answers.${i}.questionId`] = M.unknownQuestion;
      else if (!answer) return;
      else if (q.numeric) {
        const n = /^\d{1,6}$/.test(answer) ? Number(answer) : NaN;
        if (Number.isInteger(n) && n >= min && n <= max) byId.set(q.id, String(n));
        else problems[`input.answers.${q.id}`] = format(M.answerNumber, { min, max });
      } else byId.set(q.id, answer);
    });
    for (const q of event.questions) {
      if (q.required && !byId.has(q.id)) problems[`input.answers.${q.id}`] ??= M.answerRequired;
    }
    return event.questions.filter((q) => byId.has(q.id)).map((q) => ({ questionId: q.id, answer: byId.get(q.id)! }));
  }
}
