/** Today's calendar day ('YYYY-MM-DD') in Vietnam (UTC+7 all year), the events' time zone. */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
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
