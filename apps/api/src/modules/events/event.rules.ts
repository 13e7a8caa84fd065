/**
 * Rules of events that need no database: content checks across fields that decorators cannot
 * express in one place (meeting days inside the event's dates, breaks inside the meeting day),
 * Vietnam time, and whether registration is open. Pure, unit-tested in event.rules.spec.ts.
 */
import { meetingSlotStarts } from '@techport/shared';
import type { Localized } from '../../common/i18n.js';
import type { EventContent } from './event.entity.js';
import catalogue from './event.rules.messages.json' with { type: 'json' };

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */
export const EVENT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day ('YYYY-MM-DD') of an instant in Vietnam. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

const M = catalogue satisfies Record<string, Localized>;

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const isTime = (v: unknown): v is string => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
const isInstant = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));

/** What contentProblems reads: the stored content, or an EventInput as sent (maybe malformed). */
export type ContentAcrossFields = Pick<EventContent, 'startsOn' | 'endsOn' | 'online' | 'meetingDays' | 'dayStartsAt' | 'dayEndsAt' | 'meetingTables' | 'breaks' | 'registrationClosesAt'> & {
  venue?: string | null;
};

/**
 * Problems across fields of an event's content, by input path (empty: none). The per-field
 * rules (formats, lengths, each range) are the input's decorators; these need several fields.
 * They run in the same validation pass as the decorators (EventInput's @AcrossFields, path ''),
 * so a rule whose fields are malformed or out of order is skipped: their own decorators name them.
 */
export function contentProblems(c: ContentAcrossFields, path = 'input'): Record<string, Localized> {
  const problems: Record<string, Localized> = {};
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (isDay(c.startsOn) && isDay(c.endsOn) && c.startsOn <= c.endsOn) {
    c.meetingDays.forEach((d, i) => {
      if (isDay(d) && (d < c.startsOn || d > c.endsOn)) problems[at(`meetingDays.${i}`)] ??= M.meetingDayOutside;
    });
  }
  if (isTime(c.dayStartsAt) && isTime(c.dayEndsAt) && c.dayStartsAt < c.dayEndsAt) {
    c.breaks.forEach((b, i) => {
      if (isTime(b.startsAt) && isTime(b.endsAt) && (b.startsAt < c.dayStartsAt || b.endsAt > c.dayEndsAt)) problems[at(`breaks.${i}`)] = M.breakOutside;
    });
  }
  if (!c.online && !c.venue?.trim()) problems[at('venue')] = M.venueRequired;
  if (c.meetingDays.length > 0 && typeof c.meetingTables === 'number' && c.meetingTables < 1) problems[at('meetingTables')] = M.tablesRequired;
  if (isInstant(c.registrationClosesAt) && isDay(c.endsOn) && vietnamDay(new Date(c.registrationClosesAt)) > c.endsOn) problems[at('registrationClosesAt')] = M.registrationAfterEnd;
  return problems;
}

/** Registration is open from registrationOpensAt (inclusive) to registrationClosesAt (exclusive). */
export function registrationOpen(e: { registrationOpensAt: string; registrationClosesAt: string }, now: Date): boolean {
  const t = now.getTime();
  return Date.parse(e.registrationOpensAt) <= t && t < Date.parse(e.registrationClosesAt);
}

/**
 * The roles whose cap of approved registrations is reached (a role without a cap is never full):
 * nobody registers in them any more, and an event whose every role is full is not open.
 */
export function fullRoles(
  e: { maxExhibitors: number | null; maxVisitors: number | null },
  approved: { EXHIBITOR: number; VISITOR: number },
): ('EXHIBITOR' | 'VISITOR')[] {
  const full: ('EXHIBITOR' | 'VISITOR')[] = [];
  if (e.maxExhibitors !== null && approved.EXHIBITOR >= e.maxExhibitors) full.push('EXHIBITOR');
  if (e.maxVisitors !== null && approved.VISITOR >= e.maxVisitors) full.push('VISITOR');
  return full;
}

/**
 * Whether `startsOn` is a first day already past in Vietnam: on a new event, or on an edit that
 * moves it (`kept`: the first days the event has, published and pending, which may have passed
 * once it is under way). The storefront's form has the same rule (apps/web/src/lib/event-dates.ts).
 */
export function startsInPast(startsOn: string, now: Date, kept: readonly (string | null | undefined)[] = []): boolean {
  return !kept.includes(startsOn) && startsOn < vietnamDay(now);
}

/** Whether the event's last day has passed in Vietnam. */
export function hasEnded(e: { endsOn: string }, now: Date): boolean {
  return vietnamDay(now) > e.endsOn;
}

/**
 * When staff may check participants in: from 06:00 Vietnam time on the event's first day (doors
 * and registration desks open early; a check-in weeks before would count as attendance of a fair
 * nobody attended yet) to the end of its last day. Opens at `opensAt` (inclusive), closes at
 * `closesAt` (exclusive).
 */
export const CHECK_IN_OPENS_AT = '06:00';
export function checkInWindow(e: { startsOn: string; endsOn: string }): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(`${e.startsOn}T${CHECK_IN_OPENS_AT}:00+07:00`),
    closesAt: new Date(Date.parse(`${e.endsOn}T00:00:00+07:00`) + 24 * 60 * 60 * 1000),
  };
}

/** Where `now` is against the check-in window: 'NOT_YET', 'OPEN' or 'OVER'. */
export function checkInState(e: { startsOn: string; endsOn: string }, now: Date): 'NOT_YET' | 'OPEN' | 'OVER' {
  const { opensAt, closesAt } = checkInWindow(e);
  if (now.getTime() < opensAt.getTime()) return 'NOT_YET';
  return now.getTime() < closesAt.getTime() ? 'OPEN' : 'OVER';
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Why `startsAt` is not one of the event's meeting slots, or null when it is. */
export type SlotProblem = 'NOT_A_MEETING_DAY' | 'OUTSIDE_HOURS' | 'NOT_ALIGNED' | 'IN_BREAK';

/**
 * Meeting slots are those of meetingSlotStarts (libs/shared meeting-grid.ts) on a meeting day
 * (Vietnam time): from dayStartsAt every slotMinutes, ending by dayEndsAt, none overlapping a
 * break, and those after a break starting when it ends.
 */
export function slotProblem(
  e: { meetingDays: string[]; dayStartsAt: string; dayEndsAt: string; slotMinutes: number; breaks: { startsAt: string; endsAt: string }[] },
  startsAt: Date,
): SlotProblem | null {
  const local = new Date(startsAt.getTime() + VIETNAM_OFFSET_MS);
  if (!e.meetingDays.includes(local.toISOString().slice(0, 10))) return 'NOT_A_MEETING_DAY';
  if (local.getUTCSeconds() !== 0 || local.getUTCMilliseconds() !== 0) return 'NOT_ALIGNED';
  const start = local.getUTCHours() * 60 + local.getUTCMinutes();
  const end = start + e.slotMinutes;
  if (start < minutesOf(e.dayStartsAt) || end > minutesOf(e.dayEndsAt)) return 'OUTSIDE_HOURS';
  if (e.breaks.some((b) => start < minutesOf(b.endsAt) && minutesOf(b.startsAt) < end)) return 'IN_BREAK';
  if (!meetingSlotStarts(e).includes(start)) return 'NOT_ALIGNED';
  return null;
}
