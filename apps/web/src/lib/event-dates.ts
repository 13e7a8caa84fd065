// Days and times of events in Vietnam (UTC+7 all year), the events' time zone. Plain functions (no
// messages), so that unit specs can import them; lib/events.ts re-exports them for the pages.
const inVietnam = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
/** "08:30" of an instant, in Vietnam time. */
export const vietnamTime = (iso: string) => inVietnam(iso).slice(11, 16);
/** The day of an instant ('YYYY-MM-DD'), in Vietnam time. */
export const vietnamDay = (iso: string) => inVietnam(iso).slice(0, 10);

/** Today's calendar day ('YYYY-MM-DD') in Vietnam. */
export function vietnamToday(now: Date = new Date()): string {
  return vietnamDay(now.toISOString());
}

/**
 * Whether the organiser's form sets a first day that has already passed (in Vietnam): a new event,
 * or an edit that moves the first day (`kept`: the days it has, published and pending; an event
 * under way or over keeps them).
 * A malformed or empty day is not "past": the API names that problem itself.
 */
export function startsInPast(startsOn: string, today: string, kept: readonly (string | null | undefined)[] = []): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) return false;
  if (kept.includes(startsOn)) return false;
  return startsOn < today;
}
