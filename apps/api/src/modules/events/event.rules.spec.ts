import { EventKind, type EventContent } from './event.entity.js';
import { checkInState, contentProblems, hasEnded, registrationOpen, slotProblem, startsInPast, vietnamDay } from './event.rules.js';

const content = (over: Partial<EventContent> = {}): EventContent => ({
  nameVi: 'Chợ công nghệ Đà Nẵng',
  nameEn: 'Da Nang Techmart',
  kind: EventKind.LOCAL_TECHMART,
  startsOn: '2027-05-10',
  endsOn: '2027-05-11',
  provinceCode: 'da-nang',
  online: false,
  venue: 'Cung Hội nghị Ariyana',
  description: 'Chợ công nghệ miền Trung',
  fieldCodes: ['2'],
  registrationOpensAt: '2027-04-01T01:00:00.000Z',
  registrationClosesAt: '2027-05-09T10:00:00.000Z',
  meetingDays: ['2027-05-11'],
  dayStartsAt: '08:30',
  dayEndsAt: '17:00',
  slotMinutes: 20,
  meetingTables: 40,
  breaks: [{ startsAt: '12:00', endsAt: '13:30' }],
  maxExhibitors: null,
  maxVisitors: null,
  questions: [],
  ...over,
});

describe('event rules', () => {
  it('check-in is open from 06:00 Vietnam time on the first day to the end of the last day', () => {
    const e = { startsOn: '2027-05-10', endsOn: '2027-05-11' };
    expect(checkInState(e, new Date('2027-02-01T03:00:00Z'))).toBe('NOT_YET'); // months before
    expect(checkInState(e, new Date('2027-05-09T22:59:59Z'))).toBe('NOT_YET'); // 05:59 on the first day
    expect(checkInState(e, new Date('2027-05-09T23:00:00Z'))).toBe('OPEN'); // 06:00 on the first day
    expect(checkInState(e, new Date('2027-05-11T16:59:59Z'))).toBe('OPEN'); // 23:59 on the last day
    expect(checkInState(e, new Date('2027-05-11T17:00:00Z'))).toBe('OVER');
  });

  it('days are Vietnam days (UTC+7): 17:00 UTC is already the next day', () => {
    expect(vietnamDay(new Date('2027-05-09T16:59:59Z'))).toBe('2027-05-09');
    expect(vietnamDay(new Date('2027-05-09T17:00:00Z'))).toBe('2027-05-10');
  });

  it('a first day before today in Vietnam is past, unless the event already has it', () => {
    const now = new Date('2027-05-09T17:30:00Z'); // 00:30 on 10 May in Vietnam
    expect(startsInPast('2027-05-09', now)).toBe(true);
    expect(startsInPast('2027-05-10', now)).toBe(false);
    expect(startsInPast('2027-05-09', now, ['2027-05-09', null])).toBe(false);
    expect(startsInPast('2027-05-08', now, ['2027-05-09', null])).toBe(true);
  });

  it('accepts a consistent event', () => {
    expect(contentProblems(content())).toEqual({});
    expect(contentProblems(content({ online: true, venue: null, meetingDays: [], meetingTables: 0 }))).toEqual({});
  });

  it('names each field across fields: meeting days, breaks, venue, tables, registration after the end', () => {
    const problems = contentProblems(
      content({ meetingDays: ['2027-05-11', '2027-05-12'], breaks: [{ startsAt: '08:00', endsAt: '09:00' }], venue: null, meetingTables: 0, registrationClosesAt: '2027-05-11T17:00:00Z' }),
    );
    expect(Object.keys(problems).sort()).toEqual(['input.breaks.0', 'input.meetingDays.1', 'input.meetingTables', 'input.registrationClosesAt', 'input.venue']);
  });

  it('registration is open from its opening (inclusive) to its closing (exclusive); an event ends after its last Vietnam day', () => {
    const e = content();
    expect(registrationOpen(e, new Date('2027-04-01T00:59:59Z'))).toBe(false);
    expect(registrationOpen(e, new Date('2027-04-01T01:00:00Z'))).toBe(true);
    expect(registrationOpen(e, new Date('2027-05-09T10:00:00Z'))).toBe(false);
    expect(hasEnded(e, new Date('2027-05-11T16:59:00Z'))).toBe(false);
    expect(hasEnded(e, new Date('2027-05-11T17:00:00Z'))).toBe(true);
  });
});

describe('meeting slots', () => {
  const e = content();
  const at = (hhmm: string, dayStr = '2027-05-11') => new Date(`${dayStr}T${hhmm}:00+07:00`);
  it('start at the day’s start plus whole slots, on meeting days, within hours and outside breaks', () => {
    expect(slotProblem(e, at('08:30'))).toBeNull();
    expect(slotProblem(e, at('11:30'))).toBeNull();
    expect(slotProblem(e, at('13:30'))).toBeNull();
    expect(slotProblem(e, at('16:30'))).toBeNull();
    expect(slotProblem(e, at('16:50'))).toBe('OUTSIDE_HOURS');
    expect(slotProblem(e, at('08:30', '2027-05-10'))).toBe('NOT_A_MEETING_DAY');
    expect(slotProblem(e, at('08:00'))).toBe('OUTSIDE_HOURS');
    expect(slotProblem(e, at('17:00'))).toBe('OUTSIDE_HOURS');
    expect(slotProblem(e, at('08:35'))).toBe('NOT_ALIGNED');
    expect(slotProblem(e, at('11:50'))).toBe('IN_BREAK');
    expect(slotProblem(e, at('12:30'))).toBe('IN_BREAK');
  });
});
