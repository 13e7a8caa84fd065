/**
 * Check-in codes and the time of a meeting: small rules of the Techmart day, without the database.
 */
import { randomInt } from 'node:crypto';
import type { MeetingRequestEntity } from './event.entity.js';
import { dateTimeIn } from '../../common/dates.js';

/** Letters and digits that cannot be mistaken for one another when read off a screen or paper. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CHECK_IN_CODE_LENGTH = 10;

/** A fresh check-in code: 10 characters of a 32-letter alphabet (50 bits), from the system's CSPRNG. */
export function newCheckInCode(): string {
  let code = '';
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What staff typed, as stored: upper case, without spaces or dashes ("k7qx-m2pa 9z" → "K7QXM2PA9Z"). */
export function normalizeCheckInCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

/** "K7QX-M2PA-9Z": the code in groups, easier to read out and type. */
export function displayCheckInCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/**
 * THE time of a meeting, for agendas, reminders, attendance and the report: the slot and table the
 * organiser's scheduler placed it at, else the slot the recipient accepted.
 */
export function meetingTime(m: Pick<MeetingRequestEntity, 'acceptedSlot' | 'scheduledAt'>): Date | null {
  return m.scheduledAt ?? m.acceptedSlot;
}

/** meetingTime in SQL, for a techmart_meeting_request aliased `alias`. */
export const MEETING_TIME_SQL = (alias: string) => `COALESCE(${alias}.scheduled_at, ${alias}.accepted_slot)`;

/**
 * Joins a techmart_meeting_request aliased `alias` to its two sides: the registrations `fr` (from)
 * and `tr` (to), and their organisations `fo` and `tor` (`to` is a reserved word).
 */
export const MEETING_SIDES_SQL = (alias: string) =>
  `JOIN techmart_registration fr ON fr.id = ${alias}.from_registration_id
   JOIN techmart_registration tr ON tr.id = ${alias}.to_registration_id
   JOIN organization fo ON fo.id = fr.organization_id
   JOIN organization tor ON tor.id = tr.organization_id`;

/** The table of a meeting once the scheduler (or the organiser) has placed it. */
export function meetingTable(m: Pick<MeetingRequestEntity, 'tableNumber'>): number | null {
  return m.tableNumber;
}

/**
 * Where two sides meet when no table is assigned: the stand of the organisation that was asked
 * (the asker visits it), else the asker's; the same for both sides and the organiser. Null when
 * neither exhibits at a stand.
 */
export function meetingBooth(asker: { booth: string | null }, asked: { booth: string | null }): string | null {
  return asked.booth ?? asker.booth ?? null;
}

/**
 * A meeting slot as people at the fair read it, in notices and e-mails: its day and time in
 * Vietnam as the pages write them ("09:10 6 thg 1, 2027", "6 Jan 2027, 09:10"; common/dates.ts).
 */
export function slotText(slot: Date, lang: 'vi' | 'en'): string {
  return dateTimeIn(slot, lang);
}
