import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { Errors } from '../../common/errors.js';
import { format, type Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { isUniqueViolation } from '../../common/slug.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { EventEntity, EventRegistrationEntity, MeetingRequestEntity, MeetingRequestStatus, RegistrationStatus } from './event.entity.js';
import { slotProblem, type SlotProblem } from './event.rules.js';
import { MeetingRecordEntity } from './event-day.entity.js';
import { MEETING_TIME_SQL, meetingTime, slotText } from './check-in.js';
import { heldOrOver, participantName, sideBusyAt } from './meeting-conflicts.js';
import type { MeetingRequestInput } from './dto/event.inputs.js';
import { MessageEntity } from '../deals/interest.entity.js';
import { messageText } from '../deals/interests.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import catalogue from './meetings.service.messages.json' with { type: 'json' };

const M = catalogue.messages satisfies Record<string, Localized>;

export const SLOT: Record<SlotProblem, Localized> = catalogue.SLOT;

/** How an answer reads to the side that asked; `{other}` is the answering side, `{time}` the agreed slot. */
interface AnswerWording {
  acceptedTitle: Localized;
  declinedTitle: Localized;
  acceptedAt: Localized;
  /** Accepted without a slot: the organiser sets the time. */
  acceptedUntimed: Localized;
}

/** REQUEST: the recipient answers a request; COUNTER: the requester answers a counter-proposal. */
const ANSWER: Record<'REQUEST' | 'COUNTER', AnswerWording> = catalogue.ANSWER;

/** A response's note, trimmed (null when blank): at most 2,000 characters, and a decline needs one. */
function responseNote(input: string | null | undefined, declining: boolean, required: Localized = M.reasonRequired): string | null {
  const note = input?.trim() || null;
  if (note && note.length > 2000) throw Errors.invalidField('note', M.noteTooLong);
  if (declining && !note) throw Errors.invalidField('note', required);
  return note;
}

/**
 * B2B meeting requests between approved participants of an event (issue #17: request with a
 * reason and proposed slots; accept, decline, or propose other slots). Only the two organisations
 * see a request (the organiser sees accepted ones, to schedule them: meeting-scheduler.service.ts).
 *
 *   REQUESTED ──accept──▶ ACCEPTED        REQUESTED ──decline──▶ DECLINED
 *   REQUESTED ──counter (recipient proposes slots)──▶ COUNTER_PROPOSED
 *   COUNTER_PROPOSED ──requester accepts one──▶ ACCEPTED  /  ──requester declines──▶ DECLINED
 *   REQUESTED | COUNTER_PROPOSED | ACCEPTED ──requester cancels──▶ CANCELLED
 *   ACCEPTED ──recipient cancels──▶ CANCELLED          (either way the other side is told)
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The requests the viewer's organisations sent or received for this event, newest first. */
  async mine(viewer: Viewer, eventId: string): Promise<MeetingRequestEntity[]> {
    const orgs = await this.organizations.memberOrganizationIds(viewer.id);
    if (!orgs.length || !isUuid(eventId)) return [];
    return this.ds
      .getRepository(MeetingRequestEntity)
      .createQueryBuilder('m')
      .innerJoin(EventRegistrationEntity, 'f', 'f.id = m.from_registration_id')
      .innerJoin(EventRegistrationEntity, 't', 't.id = m.to_registration_id')
      .where('m.event_id = :eventId', { eventId })
      .andWhere(new Brackets((w) => w.where('f.organization_id IN (:...orgs)', { orgs }).orWhere('t.organization_id IN (:...orgs)', { orgs })))
      .orderBy('m.created_at', 'DESC')
      .getMany();
  }

  /** Which sides of a request the viewer belongs to (none: the request answers as if it did not exist). */
  async sides(viewer: Viewer | null, m: MeetingRequestEntity, em: EntityManager = this.ds.manager): Promise<{ requester: boolean; recipient: boolean }> {
    if (!viewer) return { requester: false, recipient: false };
    const regs = await em.getRepository(EventRegistrationEntity).findBy({ id: In([m.fromRegistrationId, m.toRegistrationId]) });
    const orgOf = (id: string) => regs.find((r) => r.id === id)?.organizationId;
    const [from, to] = [orgOf(m.fromRegistrationId), orgOf(m.toRegistrationId)];
    return {
      requester: !!from && (await this.organizations.isMember(viewer.id, from, em)),
      recipient: !!to && (await this.organizations.isMember(viewer.id, to, em)),
    };
  }

  /** Each registration's next accepted meeting with a time not yet passed (null when none), for a DataLoader. */
  async nextOf(registrationIds: readonly string[]): Promise<(MeetingRequestEntity | null)[]> {
    const valid = registrationIds.filter(isUuid);
    if (!valid.length) return registrationIds.map(() => null);
    const rows = await this.ds
      .getRepository(MeetingRequestEntity)
      .createQueryBuilder('m')
      .where('m.status = :accepted', { accepted: MeetingRequestStatus.ACCEPTED })
      .andWhere('(m.from_registration_id IN (:...ids) OR m.to_registration_id IN (:...ids))', { ids: valid })
      .andWhere(`${MEETING_TIME_SQL('m')} >= :now`, { now: this.clock.now() })
      .orderBy(MEETING_TIME_SQL('m'), 'ASC')
      .getMany();
    return registrationIds.map((id) => rows.find((m) => m.fromRegistrationId === id || m.toRegistrationId === id) ?? null);
  }

  /**
   * The requester's own accepted meetings at these slots (times its organisation is already
   * meeting someone): a request proposing only such times could never be accepted.
   */
  private async ownBusySlots(em: EntityManager, registrationId: string, slots: Date[]): Promise<Set<number>> {
    if (!slots.length) return new Set();
    const rows: { at: Date }[] = await em
      .getRepository(MeetingRequestEntity)
      .createQueryBuilder('o')
      .select(MEETING_TIME_SQL('o'), 'at')
      .where('o.status = :accepted', { accepted: MeetingRequestStatus.ACCEPTED })
      .andWhere('(o.from_registration_id = :r OR o.to_registration_id = :r)', { r: registrationId })
      .andWhere(`${MEETING_TIME_SQL('o')} IN (:...slots)`, { slots })
      .getRawMany();
    return new Set(rows.map((x) => new Date(x.at).getTime()));
  }

  async registrationsByIds(ids: readonly string[]): Promise<EventRegistrationEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.ds.getRepository(EventRegistrationEntity).findBy({ id: In(valid) }) : [];
  }

  /**
   * A member of an approved participant asks another approved participant of the same event for
   * a meeting: a reason and 1–5 proposed slots of the event's meeting grid.
   */
  async request(viewer: Viewer, input: MeetingRequestInput): Promise<MeetingRequestEntity> {
    const opening = messageText('input.message', input.message, false);
    try {
      return await this.ds.transaction(async (em) => {
        const from = isUuid(input.fromRegistrationId) ? await em.getRepository(EventRegistrationEntity).findOneBy({ id: input.fromRegistrationId }) : null;
        if (!from || from.status !== RegistrationStatus.APPROVED || !(await this.organizations.isMember(viewer.id, from.organizationId, em))) {
          throw Errors.invalidField('input.fromRegistrationId', M.notYours);
        }
        const to = isUuid(input.toRegistrationId) ? await em.getRepository(EventRegistrationEntity).findOneBy({ id: input.toRegistrationId }) : null;
        // Another event's participant, or one not approved: as if it did not exist.
        if (!to || to.eventId !== from.eventId || to.status !== RegistrationStatus.APPROVED) throw Errors.notFound(M.participantNoun);
        if (to.organizationId === from.organizationId) throw Errors.invalidField('input.toRegistrationId', M.self);
        const event = await em.getRepository(EventEntity).findOneByOrFail({ id: from.eventId });
        const slots = this.checkSlots(event, input.proposedSlots, 'input.proposedSlots');
        // Every time proposed is one at which the requester already meets someone: the other side could accept none.
        const busy = await this.ownBusySlots(em, from.id, slots);
        if (slots.length && slots.every((s) => busy.has(s.getTime()))) throw Errors.invalidField('input.proposedSlots', M.slotsAllTaken);
        const repo = em.getRepository(MeetingRequestEntity);
        const { identifiers } = await repo.insert({
          eventId: event.id,
          fromRegistrationId: from.id,
          toRegistrationId: to.id,
          requestedBy: viewer.id,
          reason: input.reason.trim(),
          proposedSlots: slots,
        });
        if (opening) await this.addMessage(em, identifiers[0].id as string, viewer.id, from.organizationId, opening);
        const fromOrg = await em.getRepository(OrganizationEntity).findOneByOrFail({ id: from.organizationId });
        await this.notifications.notifyOrganizationMembers(em, to.organizationId, {
          kind: 'MEETING_REQUESTED',
          title: { vi: `Yêu cầu gặp gỡ mới từ ${fromOrg.name}`, en: `New meeting request from ${fromOrg.name}` },
          body: { vi: `${fromOrg.name}, đơn vị tham gia "${event.nameVi}", muốn gặp bạn.`, en: `${fromOrg.name}, a participant of "${event.nameEn}", would like to meet you.` },
          url: `/events/${event.slug}/meetings`,
        });
        return repo.findOneByOrFail({ id: identifiers[0].id as string });
      });
    } catch (err) {
      // The partial unique index: one open request per ordered pair.
      if (isUniqueViolation(err)) throw Errors.conflict(M.openAlready);
      throw err;
    }
  }

  /** The recipient accepts (optionally fixing one of the proposed slots) or declines with a reason. */
  async respond(viewer: Viewer, id: string, accept: boolean, slot: Date | null, noteInput: string | null | undefined): Promise<MeetingRequestEntity> {
    const note = responseNote(noteInput, !accept);
    return this.ds.transaction(async (em) => {
      const { m, recipient } = await this.lockVisible(em, viewer, id);
      if (!recipient) throw Errors.forbidden(M.onlyRecipient);
      if (m.status !== MeetingRequestStatus.REQUESTED) throw Errors.conflict(M.notOpen);
      if (accept && slot && !m.proposedSlots.some((s) => s.getTime() === slot.getTime())) throw Errors.invalidField('slot', M.notProposed);
      if (accept && slot) await this.assertSidesFree(em, m, slot);
      await em.update(MeetingRequestEntity, { id: m.id }, {
        status: accept ? MeetingRequestStatus.ACCEPTED : MeetingRequestStatus.DECLINED,
        acceptedSlot: accept ? slot : null,
        responseNote: note,
        respondedBy: viewer.id,
        respondedAt: this.clock.now(),
      });
      await this.notifyAnswer(em, m, { tell: m.fromRegistrationId, answering: m.toRegistrationId }, accept, slot, note, ANSWER.REQUEST);
      return em.getRepository(MeetingRequestEntity).findOneByOrFail({ id: m.id });
    });
  }

  /**
   * The recipient proposes other slots (1–5 of the event's grid) instead of accepting or
   * declining; the requester then accepts one of them or declines (respondToCounter).
   */
  async counterPropose(viewer: Viewer, id: string, slotsInput: string[], noteInput: string | null | undefined): Promise<MeetingRequestEntity> {
    const note = responseNote(noteInput, false);
    if (!slotsInput.length || slotsInput.length > 5) throw Errors.invalidField('slots', M.counterSlotsRequired);
    return this.ds.transaction(async (em) => {
      const { m, recipient } = await this.lockVisible(em, viewer, id);
      if (!recipient) throw Errors.forbidden(M.onlyRecipient);
      if (m.status !== MeetingRequestStatus.REQUESTED) throw Errors.conflict(M.notOpen);
      const event = await em.getRepository(EventEntity).findOneByOrFail({ id: m.eventId });
      const slots = this.checkSlots(event, slotsInput, 'slots');
      await em.update(MeetingRequestEntity, { id: m.id }, {
        status: MeetingRequestStatus.COUNTER_PROPOSED,
        counterSlots: slots,
        responseNote: note,
        respondedBy: viewer.id,
        respondedAt: this.clock.now(),
      });
      const from = await em.getRepository(EventRegistrationEntity).findOneByOrFail({ id: m.fromRegistrationId });
      const other = await participantName(em, m.toRegistrationId);
      await this.notifications.notifyOrganizationMembers(em, from.organizationId, {
        kind: 'MEETING_COUNTER_PROPOSED',
        title: { vi: `${other} đề xuất khung giờ khác`, en: `${other} proposed other slots for your meeting` },
        body: { vi: `"${event.nameVi}": hãy chọn một khung giờ ${other} đề xuất.`, en: `"${event.nameEn}": choose one of the slots ${other} proposed.` },
        url: `/events/${event.slug}/meetings`,
      });
      return em.getRepository(MeetingRequestEntity).findOneByOrFail({ id: m.id });
    });
  }

  /** The requester answers a counter-proposal: accepts one of its slots, or declines (note required). */
  async respondToCounter(viewer: Viewer, id: string, accept: boolean, slot: Date | null, noteInput: string | null | undefined): Promise<MeetingRequestEntity> {
    const note = responseNote(noteInput, !accept, M.counterReasonRequired);
    return this.ds.transaction(async (em) => {
      const { m, requester } = await this.lockVisible(em, viewer, id);
      if (!requester) throw Errors.forbidden(M.onlyRequester);
      if (m.status !== MeetingRequestStatus.COUNTER_PROPOSED) throw Errors.conflict(M.notCountered);
      if (accept && (!slot || !m.counterSlots.some((s) => s.getTime() === slot.getTime()))) throw Errors.invalidField('slot', M.notCounterSlot);
      if (accept && slot) await this.assertSidesFree(em, m, slot);
      await em.update(MeetingRequestEntity, { id: m.id }, {
        status: accept ? MeetingRequestStatus.ACCEPTED : MeetingRequestStatus.DECLINED,
        acceptedSlot: accept ? slot : null,
        responseNote: accept ? m.responseNote : note,
        // when the two sides agreed (a run keeps the first agreed of two clashing times)
        respondedAt: this.clock.now(),
      });
      await this.notifyAnswer(em, m, { tell: m.toRegistrationId, answering: m.fromRegistrationId }, accept, slot, note, ANSWER.COUNTER);
      return em.getRepository(MeetingRequestEntity).findOneByOrFail({ id: m.id });
    });
  }

  /**
   * The requester withdraws a request not yet answered, counter-proposed, or accepted; either side
   * calls off an accepted meeting (the recipient declines one not yet accepted). Its slot and table
   * are freed, and the other side's members are told, in the same transaction: an accepted meeting
   * leaves their agenda, so it must not vanish unannounced.
   */
  async cancel(viewer: Viewer, id: string): Promise<MeetingRequestEntity> {
    return this.ds.transaction(async (em) => {
      const { m, requester, recipient } = await this.lockVisible(em, viewer, id);
      const wasAccepted = m.status === MeetingRequestStatus.ACCEPTED;
      if (![MeetingRequestStatus.REQUESTED, MeetingRequestStatus.COUNTER_PROPOSED, MeetingRequestStatus.ACCEPTED].includes(m.status)) throw Errors.conflict(M.notCancellable);
      if (!requester && !(recipient && wasAccepted)) throw Errors.forbidden(M.onlyRequesterCancels);
      if (wasAccepted) {
        // A meeting that took place (attendance or an outcome recorded), or of a fair that is over, stays as it was.
        const record = await em.getRepository(MeetingRecordEntity).findOneBy({ meetingId: m.id });
        const event = await em.getRepository(EventEntity).findOneByOrFail({ id: m.eventId });
        if (heldOrOver(record, event, this.clock.now())) throw Errors.conflict(M.alreadyHeld);
      }
      await em.update(MeetingRequestEntity, { id: m.id }, { status: MeetingRequestStatus.CANCELLED, scheduledAt: null, tableNumber: null, pinned: false, scheduledBy: null });
      // A member of both organisations cancels as the requester.
      const [event, regs] = await Promise.all([
        em.getRepository(EventEntity).findOneByOrFail({ id: m.eventId }),
        em.getRepository(EventRegistrationEntity).findBy({ id: In([m.fromRegistrationId, m.toRegistrationId]) }),
      ]);
      const orgOf = (regId: string) => regs.find((r) => r.id === regId)!.organizationId;
      const [side, other] = requester ? [orgOf(m.fromRegistrationId), orgOf(m.toRegistrationId)] : [orgOf(m.toRegistrationId), orgOf(m.fromRegistrationId)];
      const org = await em.getRepository(OrganizationEntity).findOneByOrFail({ id: side });
      const at = wasAccepted ? meetingTime(m) : null;
      await this.notifications.notifyOrganizationMembers(
        em,
        other,
        {
          kind: 'MEETING_CANCELLED',
          title: wasAccepted ? { vi: 'Cuộc gặp đã bị huỷ', en: 'A meeting was cancelled' } : { vi: 'Yêu cầu gặp gỡ đã được rút lại', en: 'A meeting request was withdrawn' },
          body: wasAccepted
            ? at
              ? { vi: `"${event.nameVi}": ${org.name} đã huỷ cuộc gặp lúc ${slotText(at, 'vi')}.`, en: `"${event.nameEn}": ${org.name} cancelled the meeting at ${slotText(at, 'en')}.` }
              : { vi: `"${event.nameVi}": ${org.name} đã huỷ cuộc gặp đã hẹn.`, en: `"${event.nameEn}": ${org.name} cancelled the meeting you had agreed.` }
            : { vi: `"${event.nameVi}": ${org.name} đã rút lại yêu cầu gặp gỡ.`, en: `"${event.nameEn}": ${org.name} withdrew its meeting request.` },
          url: `/events/${event.slug}/meetings`,
          // Once per request: a cancelled request is never reopened.
          dedupeKey: `meeting-cancelled:${m.id}`,
        },
        viewer.id,
      );
      return em.getRepository(MeetingRequestEntity).findOneByOrFail({ id: m.id });
    });
  }

  // -------------------------------------------------------------------------------------------
  // The conversation: the exchange's messages, in a thread of the meeting request

  /**
   * A member of either side writes in the request's conversation while it is open (requested,
   * counter-proposed or accepted); the other side's members are notified. Anyone else: NOT_FOUND.
   */
  async sendMessage(viewer: Viewer, id: string, body: string): Promise<MessageEntity> {
    const text = messageText('body', body, true)!;
    return this.ds.transaction(async (em) => {
      const { m, requester } = await this.lockVisible(em, viewer, id);
      if (![MeetingRequestStatus.REQUESTED, MeetingRequestStatus.COUNTER_PROPOSED, MeetingRequestStatus.ACCEPTED].includes(m.status)) throw Errors.conflict(M.conversationClosed);
      const regs = await em.getRepository(EventRegistrationEntity).findBy({ id: In([m.fromRegistrationId, m.toRegistrationId]) });
      const orgOf = (regId: string) => regs.find((r) => r.id === regId)!.organizationId;
      // A member of both organisations writes as the requester.
      const [side, other] = requester ? [orgOf(m.fromRegistrationId), orgOf(m.toRegistrationId)] : [orgOf(m.toRegistrationId), orgOf(m.fromRegistrationId)];
      const message = await this.addMessage(em, m.id, viewer.id, side, text);
      const [event, org] = await Promise.all([
        em.getRepository(EventEntity).findOneByOrFail({ id: m.eventId }),
        em.getRepository(OrganizationEntity).findOneByOrFail({ id: side }),
      ]);
      const excerpt = text.length > 200 ? `${text.slice(0, 199)}…` : text;
      await this.notifications.notifyOrganizationMembers(
        em,
        other,
        {
          kind: 'MEETING_MESSAGE',
          title: { vi: `Tin nhắn mới từ ${org.name} ("${event.nameVi}")`, en: `New message from ${org.name} ("${event.nameEn}")` },
          body: { vi: excerpt, en: excerpt },
          url: `/events/${event.slug}/meetings#meeting-${m.id}`,
        },
        viewer.id,
      );
      return message;
    });
  }

  /** Messages of several requests at once, oldest first (for a DataLoader). */
  async messagesOf(ids: readonly string[]): Promise<MessageEntity[]> {
    if (!ids.length) return [];
    return this.ds.getRepository(MessageEntity).find({ where: { meetingRequestId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private async addMessage(em: EntityManager, meetingRequestId: string, authorId: string, authorOrganizationId: string, body: string): Promise<MessageEntity> {
    return em.getRepository(MessageEntity).save({ meetingRequestId, interestId: null, authorId, authorOrganizationId, body });
  }

  /** Distinct slot starts in time order, each a future slot of the event's grid; BAD_USER_INPUT naming `${path}.i` otherwise. */
  private checkSlots(event: EventEntity, input: string[], path: string): Date[] {
    const now = this.clock.now();
    const slots = [...new Set(input.map((s) => new Date(s).getTime()))].sort((a, b) => a - b).map((t) => new Date(t));
    const problems: Record<string, Localized> = {};
    slots.forEach((s, i) => {
      const problem = Number.isNaN(s.getTime()) ? 'NOT_ALIGNED' : slotProblem(event, s);
      if (problem) problems[`${path}.${i}`] = SLOT[problem];
      else if (s.getTime() <= now.getTime()) problems[`${path}.${i}`] = M.past;
    });
    if (Object.keys(problems).length) throw Errors.badInput(problems);
    return slots;
  }

  /** The request, for one of its two sides; NOT_FOUND for anyone else. */
  async findVisible(viewer: Viewer | null, id: string): Promise<MeetingRequestEntity | null> {
    const m = isUuid(id) ? await this.ds.getRepository(MeetingRequestEntity).findOneBy({ id }) : null;
    if (!m) return null;
    const s = await this.sides(viewer, m);
    return s.requester || s.recipient ? m : null;
  }

  /** Locks the request for one of its two sides' step; NOT_FOUND for anyone else. */
  /** BAD_USER_INPUT naming `slot` when either side already meets someone else then (meeting-conflicts.ts). */
  /**
   * Tells the members of the side that asked (`tell`) how the other side (`answering`) answered:
   * accepted at a slot, accepted with the time left to the organiser, or declined with its note.
   */
  private async notifyAnswer(
    em: EntityManager,
    m: MeetingRequestEntity,
    sides: { tell: string; answering: string },
    accept: boolean,
    slot: Date | null,
    note: string | null,
    wording: AnswerWording,
  ): Promise<void> {
    const [told, event, other] = await Promise.all([
      em.getRepository(EventRegistrationEntity).findOneByOrFail({ id: sides.tell }),
      em.getRepository(EventEntity).findOneByOrFail({ id: m.eventId }),
      participantName(em, sides.answering),
    ]);
    const say = (text: Localized): Localized => ({
      vi: format(text, { other, time: slot ? slotText(slot, 'vi') : '' }).vi,
      en: format(text, { other, time: slot ? slotText(slot, 'en') : '' }).en,
    });
    const body = !accept ? { vi: `${note}`, en: `${note}` } : say(slot ? wording.acceptedAt : wording.acceptedUntimed);
    await this.notifications.notifyOrganizationMembers(em, told.organizationId, {
      kind: accept ? 'MEETING_ACCEPTED' : 'MEETING_DECLINED',
      title: say(accept ? wording.acceptedTitle : wording.declinedTitle),
      body: { vi: `"${event.nameVi}": ${body.vi}`, en: `"${event.nameEn}": ${body.en}` },
      url: `/events/${event.slug}/meetings`,
    });
  }

  private async assertSidesFree(em: EntityManager, m: MeetingRequestEntity, slot: Date): Promise<void> {
    const busy = await sideBusyAt(em, m, slot);
    if (busy) throw Errors.invalidField('slot', format(M.slotTaken, { name: await participantName(em, busy) }));
  }

  private async lockVisible(em: EntityManager, viewer: Viewer, id: string): Promise<{ m: MeetingRequestEntity; requester: boolean; recipient: boolean }> {
    const m = isUuid(id) ? await em.getRepository(MeetingRequestEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    const sides = m ? await this.sides(viewer, m, em) : { requester: false, recipient: false };
    if (!m || (!sides.requester && !sides.recipient)) throw Errors.notFound(M.noun);
    return { m, ...sides };
  }
}
