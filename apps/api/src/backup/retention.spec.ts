import { applyRetention, archiveTime } from './retention.js';

const name = (iso: string) => `techport-backup-${iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.tar`;

/** One archive a day at 02:00 UTC for `days` days ending on `last` (newest first). */
function daily(last: string, days: number): string[] {
  const end = Date.parse(`${last}T02:00:00Z`);
  return Array.from({ length: days }, (_, i) => name(new Date(end - i * 86_400_000).toISOString()));
}

describe('backup retention', () => {
  it('reads the time from the archive names it writes, and nothing else', () => {
    expect(archiveTime('techport-backup-20261204T053202Z.tar')?.toISOString()).toBe('2026-12-04T05:32:02.000Z');
    expect(archiveTime('techport-backup-20261204T053202Z.tar.partial')).toBeNull();
    expect(archiveTime('notes.txt')).toBeNull();
  });

  it('keeps 7 daily, 4 weekly and 12 monthly archives out of a year of daily ones', () => {
    const all = daily('2026-12-04', 400);
    const { keep, remove } = applyRetention([...all, 'notes.txt']);
    expect(keep.length + remove.length).toBe(400);
    // The last 7 days…
    expect(keep.slice(0, 7)).toEqual(all.slice(0, 7));
    // …the newest of each of the last 4 ISO weeks (Fri 4 Dec is in week 49: weeks 49, 48, 47, 46)…
    const weekly = keep.filter((n) => !all.slice(0, 7).includes(n));
    expect(weekly).toContain(name('2026-11-22T02:00:00Z')); // Sunday, week 47
    expect(weekly).toContain(name('2026-11-15T02:00:00Z')); // Sunday, week 46
    // …and the newest of each of the last 12 months.
    for (const month of ['2026-10-31', '2026-09-30', '2026-06-30', '2026-01-31']) expect(keep).toContain(name(`${month}T02:00:00Z`));
    expect(keep).not.toContain(name('2025-12-31T02:00:00Z'));
    expect(keep.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(remove).not.toContain('notes.txt');
  });

  it('keeps everything while there are fewer archives than the policy allows', () => {
    const few = daily('2026-12-04', 5);
    expect(applyRetention(few)).toEqual({ keep: few, remove: [] });
  });

  it('keeps the newest of several archives made the same day', () => {
    const names = [name('2026-12-04T02:00:00Z'), name('2026-12-04T14:30:00Z')];
    expect(applyRetention(names, { daily: 1, weekly: 0, monthly: 0 })).toEqual({ keep: [names[1]], remove: [names[0]] });
  });
});
