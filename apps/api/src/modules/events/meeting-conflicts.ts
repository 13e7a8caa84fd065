/**
 * One participant, one meeting at a time: the check shared by whoever fixes a meeting's time (the
 * recipient accepting a proposed slot, the requester accepting a counter-proposed one, the
 * organiser moving a meeting). Both sides' registrations are locked first, so two acceptances of
 * the same slot at the same moment cannot both pass.
 */
import { In, type EntityManager } from 'typeorm';
import { EventRegistrationEntity, MeetingRequestEntity, MeetingRequestStatus } from './event.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { MEETING_TIME_SQL } from './check-in.js';
import { MeetingAttendance, type MeetingRecordEntity } from './event-day.entity.js';
import { hasEnded } from './event.rules.js';

/** The accepted meetings of `eventId` at `slot` that involve either side, other than `exceptId`. */
export async function meetingsOfSidesAt(em: EntityManager, eventId: string, sides: readonly string[], slot: Date, exceptId: string): Promise<MeetingRequestEntity[]> {
  return em
    .getRepository(MeetingRequestEntity)
    .createQueryBuilder('o')
    .where(`o.event_id = :eventId AND o.status = :status AND ${MEETING_TIME_SQL('o')} = :slot AND o.id <> :exceptId`, {
      eventId,
      status: MeetingRequestStatus.ACCEPTED,
      slot,
      exceptId,
    })
    .andWhere('(o.from_registration_id IN (:...sides) OR o.to_registration_id IN (:...sides))', { sides })
    .getMany();
}

/**
 * The side (registration id) of `m` that already meets someone else at `slot`, or null. Locks both
 * sides' registrations for the rest of the transaction.
 */
export async function sideBusyAt(em: EntityManager, m: Pick<MeetingRequestEntity, 'id' | 'eventId' | 'fromRegistrationId' | 'toRegistrationId'>, slot: Date): Promise<string | null> {
  const sides = [m.fromRegistrationId, m.toRegistrationId];
  // In a fixed order, so two transactions locking the same pair cannot deadlock.
  await em.getRepository(EventRegistrationEntity).find({ where: { id: In([...sides].sort()) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  const others = await meetingsOfSidesAt(em, m.eventId, sides, slot, m.id);
  return sides.find((r) => others.some((o) => o.fromRegistrationId === r || o.toRegistrationId === r)) ?? null;
}

/** The name of the organisation behind an event registration ('' when gone). */
export async function participantName(em: EntityManager, registrationId: string): Promise<string> {
  const row = await em
    .getRepository(OrganizationEntity)
    .createQueryBuilder('o')
    .innerJoin(EventRegistrationEntity, 'r', 'r.organization_id = o.id')
    .where('r.id = :registrationId', { registrationId })
    .select('o.name', 'name')
    .getRawOne<{ name: string }>();
  return row?.name ?? '';
}


/** A meeting that took place (held, or an outcome recorded), or of a fair that is over: no longer called off. */
export function heldOrOver(record: Pick<MeetingRecordEntity, 'attendance' | 'outcome'> | null, event: { endsOn: string }, now: Date): boolean {
  return record?.attendance === MeetingAttendance.HELD || !!record?.outcome || hasEnded(event, now);
}
