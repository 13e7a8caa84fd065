/**
 * The start minutes (after midnight) of one meeting day's slots, in time order: from dayStartsAt
 * every slotMinutes, ending by dayEndsAt; a slot that would overlap a break is not offered, and
 * the slots after a break start when the break ends (12:00–13:00 with 20-minute slots from 08:30:
 * …, 11:30, then 13:00, not 13:10). The one definition of the grid: the API's check of a slot
 * (event.rules.ts slotProblem), the scheduler's grid (scheduler/grid.ts) and the storefront's slot
 * pickers (lib/events.ts) all read it.
 */
export function meetingSlotStarts(e: { dayStartsAt: string; dayEndsAt: string; slotMinutes: number; breaks: readonly { startsAt: string; endsAt: string }[] }): number[] {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const len = e.slotMinutes;
  const end = minutes(e.dayEndsAt);
  const breaks = e.breaks.map((b) => ({ from: minutes(b.startsAt), to: minutes(b.endsAt) }));
  const starts: number[] = [];
  if (!(len > 0)) return starts;
  for (let t = minutes(e.dayStartsAt); t + len <= end; ) {
    const overlapping = breaks.filter((b) => t < b.to && b.from < t + len);
    if (overlapping.length) {
      // Resume when the (latest) break in the way ends.
      t = Math.max(...overlapping.map((b) => b.to));
      continue;
    }
    starts.push(t);
    t += len;
  }
  return starts;
}
