/**
 * An event's meeting grid: every slot of every meeting day (Vietnam time), breaks left out, in
 * time order; and time ranges (a participant's unavailability) as the slots they overlap. Pure.
 */
import { meetingSlotStarts } from '@techport/shared';
import type { ScheduleSlot } from './scheduler.js';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const MINUTE = 60_000;

export interface GridEvent {
  meetingDays: string[];
  dayStartsAt: string;
  dayEndsAt: string;
  slotMinutes: number;
  breaks: { startsAt: string; endsAt: string }[];
}

export interface GridSlot extends ScheduleSlot {
  startsAt: Date;
  endsAt: Date;
}

/** The slots, in time order (the same ones `slotProblem` in event.rules.ts accepts). */
export function meetingGrid(e: GridEvent): GridSlot[] {
  const slots: GridSlot[] = [];
  const len = e.slotMinutes;
  if (len <= 0) return slots;
  const starts = meetingSlotStarts(e);
  [...new Set(e.meetingDays)].sort().forEach((day, d) => {
    const midnight = Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS;
    let previousEnd = -1;
    for (const t of starts) {
      slots.push({
        startsAt: new Date(midnight + t * MINUTE),
        endsAt: new Date(midnight + (t + len) * MINUTE),
        day: d,
        followsPrevious: previousEnd === t,
      });
      previousEnd = t + len;
    }
  });
  return slots;
}

/** The index of the slot starting at `at`, or -1. */
export function slotIndex(grid: readonly GridSlot[], at: Date | null | undefined): number {
  if (!at) return -1;
  const t = at.getTime();
  return grid.findIndex((s) => s.startsAt.getTime() === t);
}

/** The slots a time range [from, to) overlaps. */
export function slotsOverlapping(grid: readonly GridSlot[], from: Date, to: Date): number[] {
  const out: number[] = [];
  grid.forEach((s, i) => {
    if (s.startsAt.getTime() < to.getTime() && from.getTime() < s.endsAt.getTime()) out.push(i);
  });
  return out;
}
