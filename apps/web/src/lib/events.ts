/** Words and dates of Techmart events, shared by the event pages. */
import { m } from '$lib/paraglide/messages';
import type { EventKind, MeetingRequestStatus, ProgrammeSessionKind, RegistrationRole, RegistrationStatus } from '$lib/graphql/types';
import { formatDate, formatDateRange } from '$lib/format';
import { meetingSlotStarts } from '@techport/shared';
import { vietnamDay, vietnamTime } from '$lib/event-dates';

const KIND: Record<EventKind, () => string> = {
  NATIONAL_TECHMART: m.eventKind_NATIONAL_TECHMART,
  LOCAL_TECHMART: m.eventKind_LOCAL_TECHMART,
  SPECIALISED_TECHMART: m.eventKind_SPECIALISED_TECHMART,
  BROKERAGE_DAY: m.eventKind_BROKERAGE_DAY,
  ONLINE_SESSION: m.eventKind_ONLINE_SESSION,
};
const SESSION: Record<ProgrammeSessionKind, () => string> = {
  TALK: m.sessionKind_TALK,
  DEMONSTRATION: m.sessionKind_DEMONSTRATION,
  WORKSHOP: m.sessionKind_WORKSHOP,
  CEREMONY: m.sessionKind_CEREMONY,
};
const ROLE: Record<RegistrationRole, () => string> = { EXHIBITOR: m.registrationRole_EXHIBITOR, VISITOR: m.registrationRole_VISITOR };
const STATUS: Record<RegistrationStatus, () => string> = {
  PENDING: m.registrationStatus_PENDING,
  APPROVED: m.registrationStatus_APPROVED,
  DECLINED: m.registrationStatus_DECLINED,
  WITHDRAWN: m.registrationStatus_WITHDRAWN,
};

export const eventKindLabel = (k: EventKind) => KIND[k]();
export const sessionKindLabel = (k: ProgrammeSessionKind) => SESSION[k]();
export const SESSION_KINDS = Object.keys(SESSION) as ProgrammeSessionKind[];

/** Every day of the event, first to last ('YYYY-MM-DD'). */
export function eventDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  // (Bounded, should a date ever be wrong: a year of days.)
  for (let d = new Date(`${startsOn}T00:00:00Z`); days.length < 366; d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    if (day > endsOn) break;
    days.push(day);
  }
  return days;
}

export { vietnamDay, vietnamTime };
export const registrationRoleLabel = (r: RegistrationRole) => ROLE[r]();

/**
 * What an event's card and page say of its registration: open (to one role only when the other
 * role's places are all taken), full (every role's cap reached), or nothing (before or after its
 * window). `open` is the wording of "open" where the card is (the home page has its own).
 */
export function registrationNote(e: { registrationOpen: boolean; registrationFull: RegistrationRole[] }, open: () => string = m.events_registrationOpen): string | null {
  const full = new Set(e.registrationFull);
  if (!e.registrationOpen) return full.size ? m.events_registrationFull() : null;
  if (full.has('EXHIBITOR')) return m.events_registrationOpenVisitors();
  if (full.has('VISITOR')) return m.events_registrationOpenExhibitors();
  return open();
}
export const registrationStatusLabel = (s: RegistrationStatus) => STATUS[s]();

/** "12 thg 5, 2027 – 13 thg 5, 2027" from the event's Vietnam days ('YYYY-MM-DD'). */
export function eventDates(startsOn: string, endsOn: string): string {
  // Noon in Vietnam: the formatted day is that day in Asia/Ho_Chi_Minh.
  const a = `${startsOn}T12:00:00+07:00`;
  return startsOn === endsOn ? formatDate(a) : formatDateRange(a, `${endsOn}T12:00:00+07:00`);
}

const hhmm = (mins: number) => `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;

/**
 * The event's meeting grid, as the API checks it (event.rules.ts slotProblem; the one definition
 * is meetingSlotStarts in libs/shared): on each meeting day, slots from dayStartsAt every
 * slotMinutes, ending by dayEndsAt, none overlapping a break, those after a break from its end.
 * Each slot's start as an ISO instant in Vietnam time, with its label.
 */
export function meetingSlots(e: { meetingDays: string[]; dayStartsAt: string; dayEndsAt: string; slotMinutes: number; breaks: { startsAt: string; endsAt: string }[] }): { day: string; slots: { iso: string; label: string }[] }[] {
  const starts = meetingSlotStarts(e);
  return e.meetingDays.map((day) => ({ day, slots: starts.map((start) => ({ iso: `${day}T${hhmm(start)}:00+07:00`, label: `${hhmm(start)}–${hhmm(start + e.slotMinutes)}` })) }));
}

/** Slot starts grouped by their Vietnam day, in time order: "7 thg 1, 2027: 09:10, 09:30; 8 thg 1, 2027: 14:00". */
export function slotsByDay(isos: readonly string[]): string {
  const days = new Map<string, string[]>();
  for (const iso of [...isos].sort((a, b) => Date.parse(a) - Date.parse(b))) {
    const d = vietnamDay(iso);
    days.set(d, [...(days.get(d) ?? []), vietnamTime(iso)]);
  }
  return [...days].map(([d, times]) => `${eventDates(d, d)}: ${times.join(', ')}`).join('; ');
}

const STATUS_M: Record<MeetingRequestStatus, () => string> = {
  REQUESTED: m.meetingStatus_REQUESTED,
  COUNTER_PROPOSED: m.meetingStatus_COUNTER_PROPOSED,
  ACCEPTED: m.meetingStatus_ACCEPTED,
  DECLINED: m.meetingStatus_DECLINED,
  CANCELLED: m.meetingStatus_CANCELLED,
};
export const meetingStatusLabel = (s: MeetingRequestStatus) => STATUS_M[s]();
