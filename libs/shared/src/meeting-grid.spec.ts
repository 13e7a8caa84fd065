import { meetingSlotStarts } from './meeting-grid.js';

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe('meetingSlotStarts', () => {
  it('starts the slots after a break when the break ends, not on the morning’s rhythm', () => {
    const starts = meetingSlotStarts({ dayStartsAt: '08:30', dayEndsAt: '17:00', slotMinutes: 20, breaks: [{ startsAt: '12:00', endsAt: '13:00' }] }).map(hhmm);
    expect(starts.slice(0, 3)).toEqual(['08:30', '08:50', '09:10']);
    expect(starts).toContain('11:30');
    expect(starts).not.toContain('11:50'); // would run into the break
    expect(starts[starts.indexOf('11:30') + 1]).toBe('13:00');
    expect(starts.at(-1)).toBe('16:40');
  });

  it('without breaks, every slot from the start; none past the end; a break over the whole day leaves none', () => {
    expect(meetingSlotStarts({ dayStartsAt: '09:00', dayEndsAt: '10:00', slotMinutes: 25, breaks: [] }).map(hhmm)).toEqual(['09:00', '09:25']);
    expect(meetingSlotStarts({ dayStartsAt: '09:00', dayEndsAt: '10:00', slotMinutes: 20, breaks: [{ startsAt: '08:00', endsAt: '11:00' }] })).toEqual([]);
  });
});
