import { describe, expect, it } from '@jest/globals';
import { startsInPast, vietnamToday } from './event-dates';

describe('an event form whose first day has passed', () => {
  it('takes today in Vietnam: 18:00 UTC on 7 December is already 8 December there', () => {
    expect(vietnamToday(new Date('2026-12-07T18:00:00Z'))).toBe('2026-12-08');
    expect(vietnamToday(new Date('2026-12-07T16:59:00Z'))).toBe('2026-12-07');
  });

  it('refuses a new event starting before today (a year typed wrong), and accepts today or later', () => {
    expect(startsInPast('2025-03-10', '2026-12-07')).toBe(true);
    expect(startsInPast('2026-12-06', '2026-12-07')).toBe(true);
    expect(startsInPast('2026-12-07', '2026-12-07')).toBe(false);
    expect(startsInPast('2027-01-06', '2026-12-07')).toBe(false);
  });

  it('lets an edit keep the first day of an event under way, but not move it into the past', () => {
    expect(startsInPast('2026-12-06', '2026-12-07', ['2026-12-06'])).toBe(false);
    expect(startsInPast('2026-12-05', '2026-12-07', ['2026-12-06', null])).toBe(true);
  });

  it('leaves a malformed or empty day to the API (it names that problem)', () => {
    expect(startsInPast('', '2026-12-07')).toBe(false);
    expect(startsInPast('10/03/2025', '2026-12-07')).toBe(false);
  });
});
