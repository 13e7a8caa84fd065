/**
 * The period selector's GET parameters → a run of whole months for the API (`from`/`to`, YYYY-MM).
 *   period=12m (default): the 12 months up to this one
 *   period=month|quarter|year & at=YYYY-MM: that month, the quarter or the year that contains it
 *   period=custom & from=YYYY-MM & to=YYYY-MM
 * A bad month names its field (shown in the form) and falls back to the default period.
 */
export const PERIOD_KINDS = ['12m', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodChoice {
  kind: PeriodKind;
  at: string;
  from: string;
  to: string;
  /** Form fields with a bad value: 'at', 'from' or 'to' (the field keeps what was typed; no figures are shown). */
  bad: ('at' | 'from' | 'to')[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** This month in Vietnam time. */
export function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
}

function shift(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + m - 1 + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function choosePeriod(params: URLSearchParams, now = new Date()): PeriodChoice {
  const raw = params.get('period') ?? '12m';
  const kind: PeriodKind = (PERIOD_KINDS as readonly string[]).includes(raw) ? (raw as PeriodKind) : '12m';
  const current = currentMonth(now);
  const bad: PeriodChoice['bad'] = [];
  const month = (name: 'at' | 'from' | 'to', fallback: string) => {
    const v = (params.get(name) ?? '').trim();
    if (!v) return fallback;
    if (MONTH.test(v)) return v;
    bad.push(name);
    // Kept as typed, so the form shows it again beside its error (the period is not used).
    return v;
  };
  const at = month('at', current);
  if (kind === 'month') return { kind, at, from: at, to: at, bad };
  if (bad.includes('at') && kind !== 'custom' && kind !== '12m') return { kind, at, from: at, to: at, bad };
  if (kind === 'quarter') {
    const [y, m] = at.split('-').map(Number);
    const first = `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}`;
    return { kind, at, from: first, to: shift(first, 2), bad };
  }
  if (kind === 'year') {
    const y = at.slice(0, 4);
    return { kind, at, from: `${y}-01`, to: `${y}-12`, bad };
  }
  if (kind === 'custom') {
    const to = month('to', current);
    const from = month('from', bad.includes('to') ? shift(current, -11) : shift(to, -11));
    return { kind, at, from, to, bad };
  }
  return { kind, at, from: shift(current, -11), to: current, bad };
}

/** The period has not started yet (its first month is after this one): there is nothing to measure. */
export function notStarted(choice: Pick<PeriodChoice, 'from' | 'bad'>, now = new Date()): boolean {
  return choice.bad.length === 0 && choice.from > currentMonth(now);
}

/** The period runs into the month under way: its figures run to today, not to the period's end. */
export function unfinished(to: string, now = new Date()): boolean {
  return to >= currentMonth(now);
}

/**
 * The printed report's period: ?month=YYYY-MM, ?quarter=YYYY-Qn or ?year=YYYY (default: last month).
 * A bad value is kept as typed and names its field; no figures are shown for it.
 */
export type ReportKind = 'month' | 'quarter' | 'year';
export interface ReportPeriod {
  kind: ReportKind;
  /** What the field holds: "2026-10", "2026-Q3", "2026" (or what was typed, when bad). */
  value: string;
  from: string;
  to: string;
  bad: boolean;
}

export function chooseReportPeriod(params: URLSearchParams, now = new Date()): ReportPeriod {
  const last = shift(currentMonth(now), -1);
  const q = (params.get('quarter') ?? '').trim();
  const y = (params.get('year') ?? '').trim();
  const mo = (params.get('month') ?? '').trim();
  if (q) {
    const hit = /^(\d{4})-Q([1-4])$/i.exec(q);
    if (!hit) return { kind: 'quarter', value: q, from: last, to: last, bad: true };
    const first = `${hit[1]}-${String((Number(hit[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    return { kind: 'quarter', value: `${hit[1]}-Q${hit[2]}`, from: first, to: shift(first, 2), bad: false };
  }
  if (y) {
    if (!/^\d{4}$/.test(y)) return { kind: 'year', value: y, from: last, to: last, bad: true };
    return { kind: 'year', value: y, from: `${y}-01`, to: `${y}-12`, bad: false };
  }
  if (mo && !MONTH.test(mo)) return { kind: 'month', value: mo, from: last, to: last, bad: true };
  const month = mo || last;
  return { kind: 'month', value: month, from: month, to: month, bad: false };
}
