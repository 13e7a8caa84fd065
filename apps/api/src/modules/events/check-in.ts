/**
 * Check-in codes and the time of a meeting: small rules of the Techmart day, without the database.
 */
import { randomInt } from 'node:crypto';
import type { MeetingRequestEntity } from './event.entity.js';

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
 * THE time of a meeting, for agendas, reminders, attendance and the report: the slot the recipient
 * accepted. When the scheduler lands, its `scheduledAt` takes precedence
 * (`m.scheduledAt ?? m.acceptedSlot`, and MEETING_TIME_SQL likewise): change it here only.
 */
export function meetingTime(m: Pick<MeetingRequestEntity, 'acceptedSlot'>): Date | null {
  return m.acceptedSlot;
}

/** meetingTime in SQL, for a techmart_meeting_request aliased `alias` (the scheduler's column will take precedence: COALESCE(scheduled_at, accepted_slot)). */
export const MEETING_TIME_SQL = (alias: string) => `${alias}.accepted_slot`;

/** The table of a meeting when the scheduler has placed it (none before the scheduler exists). */
export function meetingTable(_m: MeetingRequestEntity): number | null {
  return null;
}
