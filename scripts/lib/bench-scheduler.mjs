// `npm run bench -- scheduler`: the Techmart meeting scheduler (apps/api/src/modules/events/scheduler)
// on the instance: 1 000 participants (400 exhibitors, 600 visitors), 5 000 accepted meeting
// requests, 2 meeting days of 20-minute slots (08:00–17:00, lunch 12:00–13:00: 48 slots), 100 tables.
// Requests favour popular exhibitors (weight 1/(rank+8): the first few are asked more often than
// they have slots), 30% of participants block part of a day, 10% of requests carry a slot both
// sides agreed on, 50 meetings are pinned by the organiser; priorities are random scores in [0,1].
// The instance is generated from a fixed seed, so runs compare. Reports the scheduled share, the
// upper bound (the least of REQUESTS / SLOTS / PARTICIPANTS relaxations, scheduler.ts) and the
// share of it reached, back-to-back pairs and the time (best and median of --runs runs).
//
// Options: --participants N, --requests N, --tables N, --runs N (default 5), --seed N,
//          --no-write (do not append to docs/benchmarks.md).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ROOT } from '../ensure-install.mjs';
import { buildApi } from './build.mjs';
import { appendBenchmarks, machine, machineLine, markdownTable, ms, table } from './bench-common.mjs';

const log = (msg) => console.log(`[bench:scheduler] ${msg}`);
const option = (args, name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};

/** mulberry32: a small seeded generator, so the instance is the same on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeInstance({ participants = 1000, requests = 5000, tables = 100, seed = 17 }, meetingGrid, slotsOverlapping) {
  const rnd = random(seed);
  const event = { meetingDays: ['2031-10-14', '2031-10-15'], dayStartsAt: '08:00', dayEndsAt: '17:00', slotMinutes: 20, breaks: [{ startsAt: '12:00', endsAt: '13:00' }] };
  const grid = meetingGrid(event);
  const S = grid.length;
  const exhibitors = Math.round(participants * 0.4);
  const ids = Array.from({ length: participants }, (_, i) => (i < exhibitors ? `e${i}` : `v${i - exhibitors}`));
  // Popularity of exhibitors: weight 1/(rank + 8), as a cumulative table.
  const weights = Array.from({ length: exhibitors }, (_, r) => 1 / (r + 8));
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative = [];
  weights.reduce((s, w, i) => (cumulative[i] = s + w / total), 0);
  const pickExhibitor = () => {
    const x = rnd();
    let lo = 0;
    let hi = exhibitors - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return ids[lo];
  };
  const pickVisitor = () => ids[exhibitors + Math.floor(rnd() * (participants - exhibitors))];

  const unavailable = new Map();
  for (const p of ids) {
    if (rnd() >= 0.3) continue;
    const day = Math.floor(rnd() * 2);
    const fromHour = 8 + Math.floor(rnd() * 8);
    const hours = 1 + Math.floor(rnd() * 4);
    const from = new Date(Date.parse(`${event.meetingDays[day]}T${String(fromHour).padStart(2, '0')}:00:00+07:00`));
    const to = new Date(from.getTime() + hours * 3_600_000);
    unavailable.set(p, slotsOverlapping(grid, from, to));
  }

  const pairs = new Set();
  const meetings = [];
  while (meetings.length < requests) {
    // Mostly visitor ↔ exhibitor; one in ten between two exhibitors.
    const a = rnd() < 0.9 ? pickVisitor() : pickExhibitor();
    const b = pickExhibitor();
    if (a === b || pairs.has(`${a}|${b}`) || pairs.has(`${b}|${a}`)) continue;
    pairs.add(`${a}|${b}`);
    meetings.push({ id: `m${meetings.length}`, a, b, priority: rnd(), preferredSlot: rnd() < 0.1 ? Math.floor(rnd() * S) : null, pinned: null });
  }
  // 50 pins without clashes, in slots both sides have free.
  const taken = new Set();
  let pinned = 0;
  for (const m of meetings) {
    if (pinned >= 50) break;
    const slot = Math.floor(rnd() * S);
    const table = 1 + Math.floor(rnd() * tables);
    const keys = [`${m.a}@${slot}`, `${m.b}@${slot}`, `t${table}@${slot}`];
    if (keys.some((k) => taken.has(k)) || unavailable.get(m.a)?.includes(slot) || unavailable.get(m.b)?.includes(slot)) continue;
    keys.forEach((k) => taken.add(k));
    m.pinned = { slot, table };
    pinned++;
  }
  return { event, grid, problem: { slots: grid.map(({ day, followsPrevious }) => ({ day, followsPrevious })), tables, meetings, unavailable } };
}

/** The same checks as the property tests, on the big instance: a figure from a wrong schedule is no figure. */
function verify(problem, result) {
  const byId = new Map(problem.meetings.map((m) => [m.id, m]));
  const seen = new Set();
  for (const p of result.placements) {
    const m = byId.get(p.id);
    for (const k of [`${m.a}@${p.slot}`, `${m.b}@${p.slot}`, `t${p.table}@${p.slot}`]) {
      if (seen.has(k)) throw new Error(`clash: ${k}`);
      seen.add(k);
    }
    if (p.table < 1 || p.table > problem.tables) throw new Error(`table out of range: ${p.table}`);
    if (!m.pinned && (problem.unavailable.get(m.a)?.includes(p.slot) || problem.unavailable.get(m.b)?.includes(p.slot))) throw new Error(`unavailable: ${p.id}`);
    if (m.pinned && (m.pinned.slot !== p.slot || m.pinned.table !== p.table)) throw new Error(`pinned meeting moved: ${p.id}`);
  }
}

export async function run({ args }) {
  const participants = option(args, '--participants', 1000);
  const requests = option(args, '--requests', 5000);
  const tables = option(args, '--tables', 100);
  const runs = option(args, '--runs', 5);
  const seed = option(args, '--seed', 17);
  log('building the API (SWC)…');
  buildApi();
  const dir = join(ROOT, 'dist', 'apps', 'api', 'src', 'modules', 'events', 'scheduler');
  const { schedule } = await import(pathToFileURL(join(dir, 'scheduler.js')).href);
  const { meetingGrid, slotsOverlapping } = await import(pathToFileURL(join(dir, 'grid.js')).href);
  const m = machine();
  const { grid, problem } = makeInstance({ participants, requests, tables, seed }, meetingGrid, slotsOverlapping);
  log(`${participants} participants, ${problem.meetings.length} accepted requests, ${grid.length} slots × ${tables} tables`);

  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    result = schedule(problem);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  verify(problem, result);
  times.sort((a, b) => a - b);
  const placed = result.placements.length;
  const b = result.bound;
  const pct = (x, of) => `${((100 * x) / of).toFixed(1)}%`;
  const row = {
    instance: `${participants} participants, ${problem.meetings.length} requests, ${grid.length} slots × ${tables} tables`,
    scheduled: `${placed} (${pct(placed, problem.meetings.length)})`,
    bound: `${b.value} (${b.kind})`,
    others: `requests ${b.requests} · slots ${b.slots} · participants ${b.participants}`,
    share: pct(placed, b.value),
    b2b: String(result.backToBack),
    best: `${ms(times[0])} ms`,
    median: `${ms(times[Math.floor(times.length / 2)])} ms`,
  };
  const columns = [
    ['instance', 'instance', 'left'],
    ['scheduled (of requests)', 'scheduled'],
    ['upper bound (kind)', 'bound'],
    ['the three bounds', 'others', 'left'],
    ['share of bound', 'share'],
    ['back-to-back pairs', 'b2b'],
    [`best of ${runs}`, 'best'],
    ['median', 'median'],
  ];
  console.log(table([row], columns));
  if (!args.includes('--no-write')) {
    appendBenchmarks(
      [
        `## Meeting scheduler (${m.date})`,
        '',
        machineLine(m),
        '',
        `\`npm run bench -- scheduler\` (scripts/lib/bench-scheduler.mjs, seed ${seed}): greedy by priority with augmenting repair, in one process, no database.`,
        'The upper bound is the least of three relaxations (scheduler.ts): REQUESTS (meetings whose two sides share an available slot), SLOTS (per slot, min(tables, ⌊available participants / 2⌋)), PARTICIPANTS (per participant, no more meetings than available slots: each over-asked participant drops its excess, and a dropped meeting counts for two only when both its sides are over-asked). Times are for the pure algorithm (scheduler.ts); the background job also reads the database and scores pairs with the matching engine.',
        '',
        markdownTable([row], columns),
      ].join('\n'),
    );
    log('figures appended to docs/benchmarks.md');
  }
}
