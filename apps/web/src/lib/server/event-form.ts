import type { EventInput, EventKind } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { enumField, parseInteger, type FormReader, type FormValues } from '$lib/server/forms';
import { startsInPast, vietnamToday } from '$lib/event-dates';

export const EVENT_KINDS: readonly EventKind[] = ['NATIONAL_TECHMART', 'LOCAL_TECHMART', 'SPECIALISED_TECHMART', 'BROKERAGE_DAY', 'ONLINE_SESSION'];

/** The form's fields an API error may name (input.<name>). */
export const EVENT_FORM_FIELDS = ['organizerId', 'nameVi', 'nameEn', 'kind', 'startsOn', 'endsOn', 'provinceCode', 'venue', 'description', 'descriptionEn', 'fieldCodes', 'registrationOpensAt', 'registrationClosesAt', 'meetingDays', 'dayStartsAt', 'dayEndsAt', 'slotMinutes', 'meetingTables', 'breaks', 'breakEndsAt', 'maxExhibitors', 'maxVisitors', 'questions'];

/**
 * API paths shown under another field than their first segment's: the break's end under "Lunch
 * break until" (the rest of a break's problems stay under "Lunch break from", as `breaks`).
 */
export const EVENT_FORM_RENAME: Record<string, string> = { 'breaks.0.endsAt': 'breakEndsAt' };

/** A `datetime-local` value is Vietnam time (the event's time zone). */
const vietnamInstant = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00+07:00` : v);

/** An instant as a `datetime-local` value in Vietnam time (UTC+7 all year). */
export function vietnamLocal(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16);
}

/**
 * A whole number the API always refuses, sent in place of text that is not a number (GraphQL's
 * Int cannot carry it): the request is refused then, and the API names its own problems too.
 */
const REFUSED_NUMBER: Record<string, number> = { slotMinutes: 0, meetingTables: -1, maxExhibitors: 0, maxVisitors: 0 };

/**
 * The event form (dashboard/events/new and …/edit) as an EventInput; `errors` gets what the
 * storefront can tell before asking the API (a kind it does not know, text that is not a whole
 * number). The API is asked even then: a kind not chosen goes as null and a bad number as a
 * number out of range, both refused, so it names every other problem in the same answer (field
 * rules and rules across fields) and the form shows them all at once, each beside its field.
 * `keptStartsOn` (editing): the first days the event has, which may have passed (it is under way);
 * another past day is refused.
 */
export function eventInputFromForm(form: FormReader, errors: Record<string, string>, keptStartsOn: readonly (string | null | undefined)[] = []): EventInput {
  const kind = enumField(form.str('kind'), EVENT_KINDS, errors, 'kind');
  const numbers: Record<string, number | null> = {};
  for (const name of ['slotMinutes', 'meetingTables', 'maxExhibitors', 'maxVisitors']) {
    const n = parseInteger(form.str(name));
    if (Number.isNaN(n)) errors[name] = m.dashEvents_wholeNumber();
    numbers[name] = Number.isNaN(n) ? REFUSED_NUMBER[name] : n;
  }
  const breakStart = form.str('breakStartsAt');
  const breakEnd = form.str('breakEndsAt');
  // One question a line: "Câu hỏi | Question"; a leading * marks it required, a # numeric (either order).
  const questions = form
    .str('questions')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const marks = /^[*#\s]*/.exec(l)![0];
      const [vi, en] = l.slice(marks.length).split('|').map((x) => x.trim());
      return { labelVi: vi, labelEn: en || vi, required: marks.includes('*'), numeric: marks.includes('#') };
    });
  // A first day already past (a year typed wrong) would make an event that has ended before it is
  // announced: refused here, naming the field; the API gets an empty day, which it refuses too, so
  // nothing is saved and it names every other problem in the same answer.
  const past = startsInPast(form.str('startsOn'), vietnamToday(), keptStartsOn);
  if (past) errors.startsOn = m.dashEvents_startsInPast();
  return {
    nameVi: form.str('nameVi'),
    nameEn: form.str('nameEn'),
    kind: kind ?? null,
    startsOn: past ? '' : form.str('startsOn'),
    endsOn: form.str('endsOn'),
    provinceCode: form.str('provinceCode'),
    online: form.bool('online'),
    venue: form.optional('venue'),
    description: form.str('description'),
    descriptionEn: form.optional('descriptionEn'),
    fieldCodes: form.all('fieldCodes'),
    registrationOpensAt: vietnamInstant(form.str('registrationOpensAt')),
    registrationClosesAt: vietnamInstant(form.str('registrationClosesAt')),
    meetingDays: form.all('meetingDays'),
    dayStartsAt: form.str('dayStartsAt') || '08:30',
    dayEndsAt: form.str('dayEndsAt') || '17:00',
    slotMinutes: numbers.slotMinutes ?? 20,
    meetingTables: numbers.meetingTables ?? 0,
    breaks: breakStart || breakEnd ? [{ startsAt: breakStart, endsAt: breakEnd }] : [],
    maxExhibitors: numbers.maxExhibitors,
    maxVisitors: numbers.maxVisitors,
    questions,
  };
}

/** An event's content (or its pending revision) as the form's values. */
export function eventFormValues(c: {
  nameVi: string; nameEn: string; kind: string; startsOn: string; endsOn: string; provinceCode: string; online: boolean; venue: string | null; description: string; descriptionEn?: string | null;
  fieldCodes: string[]; registrationOpensAt: string; registrationClosesAt: string; meetingDays: string[]; dayStartsAt: string; dayEndsAt: string;
  slotMinutes: number; meetingTables: number; breaks: { startsAt: string; endsAt: string }[]; maxExhibitors: number | null; maxVisitors: number | null;
  questions: { labelVi: string; labelEn: string; required: boolean; numeric?: boolean }[];
}): FormValues {
  return {
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    kind: c.kind,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    provinceCode: c.provinceCode,
    ...(c.online ? { online: 'on' } : {}),
    venue: c.venue ?? '',
    description: c.description,
    descriptionEn: c.descriptionEn ?? '',
    fieldCodes: c.fieldCodes,
    registrationOpensAt: vietnamLocal(c.registrationOpensAt),
    registrationClosesAt: vietnamLocal(c.registrationClosesAt),
    meetingDays: c.meetingDays,
    dayStartsAt: c.dayStartsAt,
    dayEndsAt: c.dayEndsAt,
    slotMinutes: String(c.slotMinutes),
    meetingTables: String(c.meetingTables),
    breakStartsAt: c.breaks[0]?.startsAt ?? '',
    breakEndsAt: c.breaks[0]?.endsAt ?? '',
    maxExhibitors: c.maxExhibitors == null ? '' : String(c.maxExhibitors),
    maxVisitors: c.maxVisitors == null ? '' : String(c.maxVisitors),
    questions: c.questions.map((q) => `${q.required ? '* ' : ''}${q.numeric ? '# ' : ''}${q.labelVi}${q.labelEn && q.labelEn !== q.labelVi ? ` | ${q.labelEn}` : ''}`).join('\n'),
  };
}
