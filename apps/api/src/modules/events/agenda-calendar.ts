/**
 * A participant's agenda as an iCalendar file (RFC 5545), made with ical-generator: every
 * programme session and accepted meeting as a VEVENT in the event's time zone, Asia/Ho_Chi_Minh
 * (DTSTART;TZID=Asia/Ho_Chi_Minh:…), with the VTIMEZONE block calendar programs need, in the
 * participant's language.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Lang } from '@techport/shared';
import { EVENT_TIME_ZONE } from './event.rules.js';
import type { Agenda } from './event-day.service.js';
import { displayCheckInCode } from './check-in.js';
import { sessionTitle } from './events.types.js';

/** Vietnam has kept UTC+7 without daylight saving since 1975: one STANDARD rule describes it. */
export const VIETNAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${EVENT_TIME_ZONE}`,
  'X-LIC-LOCATION:Asia/Ho_Chi_Minh',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0700',
  'TZOFFSETTO:+0700',
  'TZNAME:+07',
  'DTSTART:19750613T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const OFFSET_MS = 7 * 3_600_000;
/**
 * ical-generator writes a Date's UTC fields after a TZID ("times are already in that zone"): the
 * instant is shifted by Vietnam's fixed offset so the wall-clock time written is Vietnam's.
 */
const wallClock = (d: Date) => new Date(d.getTime() + OFFSET_MS);

const WORDS = {
  vi: { agenda: 'Lịch làm việc', meeting: 'Gặp', table: 'Bàn', booth: 'Gian hàng', reason: 'Nội dung', checkIn: 'Mã check-in', speaker: 'Diễn giả' },
  en: { agenda: 'Agenda', meeting: 'Meeting', table: 'Table', booth: 'Booth', reason: 'Purpose', checkIn: 'Check-in code', speaker: 'Speaker' },
};

export function agendaCalendar(a: Agenda, lang: Lang, webUrl: string): string {
  const w = WORDS[lang];
  const name = lang === 'en' ? a.event.nameEn : a.event.nameVi;
  const page = new URL(`/events/${a.event.slug}/agenda?registration=${a.registration.id}`, webUrl).toString();
  const cal = ical({ name: `${w.agenda}: ${name} — ${a.organization.name}`, prodId: { company: 'Techport', product: 'techmart-agenda', language: lang.toUpperCase() }, method: ICalCalendarMethod.PUBLISH });
  cal.timezone({ name: EVENT_TIME_ZONE, generator: () => VIETNAM_VTIMEZONE });
  const place = a.event.online ? null : a.event.venue;
  const checkIn = a.registration.checkInCode ? `${w.checkIn}: ${displayCheckInCode(a.registration.checkInCode)}` : null;
  for (const s of a.sessions) {
    cal.createEvent({
      id: `session-${s.id}@techport`,
      start: wallClock(s.startsAt),
      end: wallClock(s.endsAt),
      timezone: EVENT_TIME_ZONE,
      summary: sessionTitle(s, lang),
      location: [s.room, place].filter(Boolean).join(', ') || null,
      description: [s.speaker ? `${w.speaker}: ${s.speaker}` : null, name].filter(Boolean).join('\n'),
      url: page,
    });
  }
  for (const m of a.meetings) {
    // A table when assigned, else the one booth both sides meet at (AgendaMeeting.booth).
    const where = [m.table !== null ? `${w.table} ${m.table}` : m.booth ? `${w.booth} ${m.booth}` : null, place].filter(Boolean).join(', ');
    cal.createEvent({
      id: `meeting-${m.meeting.id}@techport`,
      start: wallClock(m.startsAt),
      end: wallClock(m.endsAt),
      timezone: EVENT_TIME_ZONE,
      summary: `${w.meeting}: ${m.other.name}`,
      location: where || null,
      description: [`${w.reason}: ${m.meeting.reason}`, checkIn, name].filter(Boolean).join('\n'),
      url: page,
    });
  }
  return cal.toString();
}
