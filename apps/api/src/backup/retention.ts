/**
 * Which archives of a backup folder to keep: the newest of each of the last `daily` days, of each
 * of the last `weekly` ISO weeks and of each of the last `monthly` months (UTC) that have one — the
 * "grandfather-father-son" rotation docs/operations.md recommends (7 / 4 / 12). Only files named
 * as `npm run backup` names them are considered; anything else in the folder is left alone.
 */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

const NAME = /^techport-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.tar$/;

/** The time in a backup archive's name, or null for any other file. */
export function archiveTime(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(t.getTime()) ? null : t;
}

function isoWeek(t: Date): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + 3 - ((t.getUTCDay() + 6) % 7)));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - ((firstThursday.getUTCDay() + 6) % 7) / 7 + 3 / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const PERIODS: [keyof RetentionPolicy, (t: Date) => string][] = [
  ['daily', (t) => t.toISOString().slice(0, 10)],
  ['weekly', isoWeek],
  ['monthly', (t) => t.toISOString().slice(0, 7)],
];

export function applyRetention(names: string[], policy: RetentionPolicy = DEFAULT_RETENTION): { keep: string[]; remove: string[] } {
  const archives = names
    .map((name) => ({ name, time: archiveTime(name) }))
    .filter((a): a is { name: string; time: Date } => a.time !== null)
    .sort((a, b) => b.time.getTime() - a.time.getTime());
  const keep = new Set<string>();
  for (const [kind, period] of PERIODS) {
    const seen = new Set<string>();
    for (const a of archives) {
      if (seen.size >= policy[kind]) break;
      const p = period(a.time);
      if (seen.has(p)) continue;
      seen.add(p);
      keep.add(a.name);
    }
  }
  return { keep: archives.filter((a) => keep.has(a.name)).map((a) => a.name), remove: archives.filter((a) => !keep.has(a.name)).map((a) => a.name) };
}
