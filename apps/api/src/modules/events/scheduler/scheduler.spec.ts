import fc from 'fast-check';
import { meetingGrid, slotsOverlapping } from './grid.js';
import { schedule, scheduleBound, type ScheduleMeeting, type ScheduleProblem, type ScheduleResult } from './scheduler.js';

/**
 * Random instances: a few days of slots (some back-to-back, some after a break), a few tables,
 * participants with random unavailability, random meetings (some pinned without clashes, some
 * with an agreed slot), random priorities.
 */
const instance: fc.Arbitrary<ScheduleProblem> = fc
  .record({
    days: fc.integer({ min: 1, max: 3 }),
    perDay: fc.integer({ min: 1, max: 8 }),
    gapAt: fc.integer({ min: 0, max: 8 }),
    tables: fc.integer({ min: 1, max: 6 }),
    participants: fc.integer({ min: 2, max: 14 }),
    seedMeetings: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.option(fc.nat(), { nil: null }), fc.boolean(), fc.nat()), { maxLength: 45 }),
    blocks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
  })
  .map(({ days, perDay, gapAt, tables, participants, seedMeetings, blocks }) => {
    const slots = [];
    for (let d = 0; d < days; d++) for (let k = 0; k < perDay; k++) slots.push({ day: d, followsPrevious: k > 0 && k !== gapAt });
    const S = slots.length;
    const unavailable = new Map<string, number[]>();
    for (const [p, s] of blocks) {
      const key = `p${p % participants}`;
      unavailable.set(key, [...(unavailable.get(key) ?? []), s % S]);
    }
    // Pins are taken only where they clash with nothing pinned before (as the organiser's move ensures).
    const pinnedBusy = new Set<string>();
    const pinnedTables = new Set<string>();
    const meetings: ScheduleMeeting[] = seedMeetings.map(([x, y, priority, preferred, pin, pinAt], i) => {
      const a = `p${x % participants}`;
      let b = `p${y % participants}`;
      if (a === b) b = `p${(x + 1) % participants}`;
      const m: ScheduleMeeting = { id: `m${i}`, a, b, priority, preferredSlot: preferred === null ? null : preferred % S };
      if (pin) {
        const slot = pinAt % S;
        const table = 1 + (pinAt % tables);
        if (![`${a}@${slot}`, `${b}@${slot}`].some((k) => pinnedBusy.has(k)) && !pinnedTables.has(`${table}@${slot}`)) {
          pinnedBusy.add(`${a}@${slot}`).add(`${b}@${slot}`);
          pinnedTables.add(`${table}@${slot}`);
          m.pinned = { slot, table };
        }
      }
      return m;
    });
    return { slots, tables, meetings, unavailable };
  });

function check(problem: ScheduleProblem, result: ScheduleResult) {
  const byId = new Map(problem.meetings.map((m) => [m.id, m]));
  const participantAt = new Set<string>();
  const tableAt = new Set<string>();
  for (const p of result.placements) {
    const m = byId.get(p.id)!;
    expect(p.slot).toBeGreaterThanOrEqual(0);
    expect(p.slot).toBeLessThan(problem.slots.length);
    expect(p.table).toBeGreaterThanOrEqual(1);
    expect(p.table).toBeLessThanOrEqual(problem.tables);
    for (const who of [m.a, m.b]) {
      const key = `${who}@${p.slot}`;
      expect(participantAt.has(key)).toBe(false); // no participant clash
      participantAt.add(key);
      // Availability: only a pinned meeting may sit in a slot its side blocked.
      if (!m.pinned) expect([...(problem.unavailable?.get(who) ?? [])]).not.toContain(p.slot);
    }
    const table = `${p.table}@${p.slot}`;
    expect(tableAt.has(table)).toBe(false); // no table clash
    tableAt.add(table);
    if (m.pinned) expect(p).toEqual({ id: m.id, slot: m.pinned.slot, table: m.pinned.table });
  }
  // Every pinned meeting is placed, where it was pinned.
  for (const m of problem.meetings) if (m.pinned) expect(result.placements.find((p) => p.id === m.id)).toEqual({ id: m.id, ...m.pinned });
  // Each meeting is placed or reported left out, once.
  expect(result.placements.length + result.unscheduled.length).toBe(problem.meetings.length);
  expect(new Set([...result.placements.map((p) => p.id), ...result.unscheduled]).size).toBe(problem.meetings.length);
  expect(result.placements.length).toBeLessThanOrEqual(result.bound.value);
}

describe('meeting scheduler (properties over random instances)', () => {
  it('never double-books a participant or a table, keeps to the grid, availability and pins, and stays within the bound', () => {
    fc.assert(
      fc.property(instance, (problem) => {
        check(problem, schedule(problem));
      }),
      { numRuns: 400 },
    );
  });

  it('re-running with the result pinned keeps every placement and places nothing twice', () => {
    fc.assert(
      fc.property(instance, (problem) => {
        const first = schedule(problem);
        const pinned = new Map(first.placements.map((p) => [p.id, p]));
        const again = { ...problem, meetings: problem.meetings.map((m) => ({ ...m, pinned: pinned.has(m.id) ? { slot: pinned.get(m.id)!.slot, table: pinned.get(m.id)!.table } : null })) };
        const second = schedule(again);
        check(again, second);
        expect(second.placements.length).toBeGreaterThanOrEqual(first.placements.length);
      }),
      { numRuns: 150 },
    );
  });

  it('when not all fit, a higher-priority meeting is not left out for a lower one that takes its only place', () => {
    // One table, one slot: the two meetings compete; the higher priority wins.
    const problem: ScheduleProblem = {
      slots: [{ day: 0, followsPrevious: false }],
      tables: 1,
      meetings: [
        { id: 'low', a: 'x', b: 'y', priority: 0.2 },
        { id: 'high', a: 'z', b: 'w', priority: 0.9 },
      ],
    };
    const r = schedule(problem);
    expect(r.placements).toEqual([{ id: 'high', slot: 0, table: 1 }]);
    expect(r.unscheduled).toEqual(['low']);
    expect(r.bound).toMatchObject({ value: 1, kind: 'SLOTS' });
  });

  it('takes the slot both sides agreed on and avoids back-to-back meetings when there is room', () => {
    const slots = Array.from({ length: 6 }, (_, k) => ({ day: 0, followsPrevious: k > 0 }));
    const r = schedule({
      slots,
      tables: 2,
      meetings: [
        { id: 'agreed', a: 'x', b: 'y', priority: 0.5, preferredSlot: 4 },
        { id: 'm1', a: 'x', b: 'z', priority: 0.9 },
        { id: 'm2', a: 'x', b: 'w', priority: 0.8 },
      ],
    });
    expect(r.placements.find((p) => p.id === 'agreed')!.slot).toBe(4);
    expect(r.unscheduled).toEqual([]);
    expect(r.backToBack).toBe(0);
  });

  it('repairs: moves a placed meeting to make room for one that has a single possible slot', () => {
    // z is available only in slot 0; greedy (higher priority first) puts x–y there at first.
    const r = schedule({
      slots: [{ day: 0, followsPrevious: false }, { day: 0, followsPrevious: false }],
      tables: 1,
      meetings: [
        { id: 'first', a: 'x', b: 'y', priority: 0.9, preferredSlot: 0 },
        { id: 'only', a: 'z', b: 'w', priority: 0.1 },
      ],
      unavailable: new Map([['z', [1]]]),
    });
    expect(r.unscheduled).toEqual([]);
    expect(r.placements).toEqual([
      { id: 'first', slot: 1, table: 1 },
      { id: 'only', slot: 0, table: 1 },
    ]);
  });

  it('bounds: participants over-asked, slots, and meetings with no shared available slot', () => {
    const slots = [{ day: 0, followsPrevious: false }, { day: 0, followsPrevious: true }];
    // x is asked for 4 meetings but has 2 slots: at most 2 of them, plus e–f; g and h share no slot.
    const b = scheduleBound({
      slots,
      tables: 10,
      meetings: [
        { id: '1', a: 'x', b: 'a', priority: 1 },
        { id: '2', a: 'x', b: 'b', priority: 1 },
        { id: '3', a: 'x', b: 'c', priority: 1 },
        { id: '4', a: 'x', b: 'd', priority: 1 },
        { id: '5', a: 'e', b: 'f', priority: 1 },
        { id: 'never', a: 'g', b: 'h', priority: 1 },
      ],
      unavailable: new Map([['g', [0]], ['h', [1]]]),
    });
    expect(b).toMatchObject({ requests: 5, participants: 3, kind: 'PARTICIPANTS', value: 3 });
  });
});

describe('meeting grid', () => {
  const event = { meetingDays: ['2031-05-21', '2031-05-20'], dayStartsAt: '08:30', dayEndsAt: '10:30', slotMinutes: 20, breaks: [{ startsAt: '09:30', endsAt: '09:40' }] };

  it('lists the slots of each meeting day in Vietnam time, leaving out breaks (the slots after one start when it ends), and marks back-to-back ones', () => {
    const grid = meetingGrid(event);
    expect(grid.map((s) => s.startsAt.toISOString())).toEqual([
      '2031-05-20T01:30:00.000Z', '2031-05-20T01:50:00.000Z', '2031-05-20T02:10:00.000Z', '2031-05-20T02:40:00.000Z', '2031-05-20T03:00:00.000Z',
      '2031-05-21T01:30:00.000Z', '2031-05-21T01:50:00.000Z', '2031-05-21T02:10:00.000Z', '2031-05-21T02:40:00.000Z', '2031-05-21T03:00:00.000Z',
    ]);
    expect(grid.map((s) => s.followsPrevious)).toEqual([false, true, true, false, true, false, true, true, false, true]);
    expect(grid.map((s) => s.day)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it('maps a time range to the slots it overlaps', () => {
    const grid = meetingGrid(event);
    expect(slotsOverlapping(grid, new Date('2031-05-20T01:40:00Z'), new Date('2031-05-20T02:10:00Z'))).toEqual([0, 1]);
    expect(slotsOverlapping(grid, new Date('2031-05-21T00:00:00Z'), new Date('2031-05-22T00:00:00Z'))).toEqual([5, 6, 7, 8, 9]);
  });
});
