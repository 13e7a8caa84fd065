/**
 * The Techmart meeting scheduler (issue #17): pure and framework-free, so it is property-tested
 * (scheduler.spec.ts) and benchmarked (`npm run bench -- scheduler`) on its own.
 *
 * Input: a grid of slots (meeting days × slots, breaks already left out: grid.ts), a number of
 * tables, the accepted meetings (two participants, a priority, maybe a slot both sides agreed on,
 * maybe pinned by the organiser to a slot and table), and each participant's unavailable slots.
 * Output: a slot and a table for as many meetings as fit, such that no participant and no table
 * is used twice in a slot, nobody meets when unavailable, pinned meetings stay where they are.
 *
 * How:
 * 1. Pinned meetings are placed first, as they are.
 * 2. Greedy by priority (highest first; among equals the meeting with fewer possible slots first):
 *    each meeting takes the possible slot of least cost, where cost counts back-to-back meetings
 *    it would make for its two participants, the agreed slot (a strong pull), the meetings each
 *    participant already has that day (spreads over days) and how full the slot's tables are
 *    (spreads over the day, which keeps slots open for the meetings still to place).
 * 3. Repair by augmenting moves: for a meeting left out, a slot where only other meetings are in
 *    the way (its participants' meetings there, or a full set of tables) is freed by moving those
 *    meetings to another slot where they fit; nothing placed is ever dropped, so the priority
 *    order of step 2 is kept. Repeated while it places more.
 * 4. Spreading pass: a meeting in a back-to-back run moves to a free slot where it makes fewer.
 * 5. Tables: a slot's meetings take the lowest free table numbers (pinned ones keep theirs);
 *    tables are interchangeable, so only their count per slot matters while placing.
 *
 * The upper bound reported beside the result (`scheduleBound`) is the least of three
 * relaxations, each a number no schedule can exceed: REQUESTS (the feasible meetings: both sides
 * share an available slot), SLOTS (per slot, at most min(tables, ⌊participants available / 2⌋)
 * meetings), PARTICIPANTS (per participant, at most as many meetings as available slots: each
 * over-asked participant forces dropping its excess; a dropped meeting relieves two of them only
 * when both its sides are over-asked, which bounds how many drops can count twice).
 */

export interface ScheduleSlot {
  /** Which meeting day (0, 1…): spreading counts meetings per day. */
  day: number;
  /** It starts when the previous slot ends (same day, no break between): meetings in both are back-to-back. */
  followsPrevious: boolean;
}

export interface ScheduleMeeting {
  id: string;
  /** The two participants (registration ids). */
  a: string;
  b: string;
  /** Higher is placed first when not all fit (the matching engine's score of the two sides). */
  priority: number;
  /** A slot index both sides agreed on: taken when free. */
  preferredSlot?: number | null;
  /** Placed by the organiser: never moves. Table numbers start at 1. */
  pinned?: { slot: number; table: number } | null;
}

export interface ScheduleProblem {
  slots: ScheduleSlot[];
  tables: number;
  meetings: ScheduleMeeting[];
  /** Per participant, the slot indices they are not available in. */
  unavailable?: ReadonlyMap<string, Iterable<number>>;
}

export interface Placement {
  id: string;
  slot: number;
  /** 1…tables. */
  table: number;
}

export type BoundKind = 'REQUESTS' | 'SLOTS' | 'PARTICIPANTS';

export interface ScheduleBound {
  /** The least of the three: what the result is compared with. */
  value: number;
  kind: BoundKind;
  requests: number;
  slots: number;
  participants: number;
}

export interface ScheduleResult {
  /** Every placed meeting, pinned ones included, in the order of the input. */
  placements: Placement[];
  /** Meetings that did not fit, highest priority first. */
  unscheduled: string[];
  bound: ScheduleBound;
  /** Pairs of a participant's meetings in consecutive slots (fewer is better). */
  backToBack: number;
}

/** Cost weights of a slot for a meeting (step 2). */
const COST = { backToBack: 4, preferred: -100, sameDay: 0.5, tableLoad: 1 } as const;
/** Repair passes at most (each pass tries every meeting left out). */
const REPAIR_PASSES = 4;

const FREE = -1;

export function schedule(problem: ScheduleProblem): ScheduleResult {
  const S = problem.slots.length;
  const T = Math.max(0, Math.floor(problem.tables));
  const meetings = problem.meetings;
  const M = meetings.length;

  // Participants as small integers.
  const index = new Map<string, number>();
  const pid = (key: string) => {
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = index.size));
    return i;
  };
  const ma = new Int32Array(M);
  const mb = new Int32Array(M);
  meetings.forEach((m, i) => {
    ma[i] = pid(m.a);
    mb[i] = pid(m.b);
  });
  for (const key of problem.unavailable?.keys() ?? []) pid(key);
  const P = index.size;
  const D = problem.slots.reduce((d, s) => Math.max(d, s.day + 1), 0);

  const blocked = new Uint8Array(P * S);
  for (const [key, slots] of problem.unavailable ?? []) {
    const p = index.get(key)!;
    for (const s of slots) if (s >= 0 && s < S) blocked[p * S + s] = 1;
  }

  /** busy[p*S+s]: the meeting participant p has in slot s, or FREE. */
  const busy = new Int32Array(P * S).fill(FREE);
  const perDay = new Int32Array(P * Math.max(1, D));
  const load = new Int32Array(S);
  const slotOf = new Int32Array(M).fill(FREE);
  const atSlot: number[][] = Array.from({ length: S }, () => []);
  const isPinned = new Uint8Array(M);

  const place = (m: number, s: number) => {
    slotOf[m] = s;
    busy[ma[m] * S + s] = m;
    busy[mb[m] * S + s] = m;
    perDay[ma[m] * D + problem.slots[s].day]++;
    perDay[mb[m] * D + problem.slots[s].day]++;
    load[s]++;
    atSlot[s].push(m);
  };
  const unplace = (m: number) => {
    const s = slotOf[m];
    slotOf[m] = FREE;
    if (busy[ma[m] * S + s] === m) busy[ma[m] * S + s] = FREE;
    if (busy[mb[m] * S + s] === m) busy[mb[m] * S + s] = FREE;
    perDay[ma[m] * D + problem.slots[s].day]--;
    perDay[mb[m] * D + problem.slots[s].day]--;
    load[s]--;
    const list = atSlot[s];
    const k = list.indexOf(m);
    list[k] = list[list.length - 1];
    list.pop();
  };

  // 1. Pinned meetings, as they are (the organiser's move refuses clashes: see meetings.service).
  meetings.forEach((m, i) => {
    if (m.pinned && m.pinned.slot >= 0 && m.pinned.slot < S) {
      isPinned[i] = 1;
      place(i, m.pinned.slot);
    }
  });

  const usable = (p: number, s: number) => blocked[p * S + s] === 0;
  /** Slots where a meeting could ever go (both sides available), however full. */
  const possible = (m: number): number => {
    let n = 0;
    if (ma[m] === mb[m]) return 0;
    for (let s = 0; s < S; s++) if (usable(ma[m], s) && usable(mb[m], s)) n++;
    return n;
  };
  const room = new Int32Array(M);
  for (let m = 0; m < M; m++) room[m] = isPinned[m] ? 0 : possible(m);

  const adjacent = (p: number, s: number, ignore: number): number => {
    let n = 0;
    if (s > 0 && problem.slots[s].followsPrevious) {
      const x = busy[p * S + s - 1];
      if (x !== FREE && x !== ignore) n++;
    }
    if (s + 1 < S && problem.slots[s + 1].followsPrevious) {
      const x = busy[p * S + s + 1];
      if (x !== FREE && x !== ignore) n++;
    }
    return n;
  };
  const fits = (m: number, s: number) =>
    load[s] < T && busy[ma[m] * S + s] === FREE && busy[mb[m] * S + s] === FREE && usable(ma[m], s) && usable(mb[m], s);
  const cost = (m: number, s: number) => {
    const a = ma[m];
    const b = mb[m];
    const d = problem.slots[s].day;
    return (
      COST.backToBack * (adjacent(a, s, m) + adjacent(b, s, m)) +
      (meetings[m].preferredSlot === s ? COST.preferred : 0) +
      COST.sameDay * (perDay[a * D + d] + perDay[b * D + d]) +
      (COST.tableLoad * load[s]) / Math.max(1, T)
    );
  };
  const bestSlot = (m: number, except = FREE): number => {
    let best = FREE;
    let bestCost = Infinity;
    for (let s = 0; s < S; s++) {
      if (s === except || !fits(m, s)) continue;
      const c = cost(m, s);
      if (c < bestCost) {
        bestCost = c;
        best = s;
      }
    }
    return best;
  };

  // 2. Greedy by priority.
  const order: number[] = [];
  for (let m = 0; m < M; m++) if (!isPinned[m] && room[m] > 0) order.push(m);
  order.sort((x, y) => meetings[y].priority - meetings[x].priority || room[x] - room[y] || (meetings[x].id < meetings[y].id ? -1 : 1));
  const left: number[] = [];
  for (const m of order) {
    const s = bestSlot(m);
    if (s === FREE) left.push(m);
    else place(m, s);
  }

  // 3. Repair: free a slot for a meeting left out by moving the meetings in its way.
  const relocate = (blockers: number[], m: number, s: number): boolean => {
    for (const x of blockers) unplace(x);
    place(m, s);
    const moved: number[] = [];
    for (const x of blockers) {
      const to = bestSlot(x, s);
      if (to === FREE) {
        for (const y of moved) unplace(y);
        unplace(m);
        for (const y of blockers) place(y, s);
        return false;
      }
      place(x, to);
      moved.push(x);
    }
    return true;
  };
  const tryRepair = (m: number): boolean => {
    const a = ma[m];
    const b = mb[m];
    for (let s = 0; s < S; s++) {
      if (!usable(a, s) || !usable(b, s)) continue;
      const xa = busy[a * S + s];
      const xb = busy[b * S + s];
      if ((xa !== FREE && isPinned[xa]) || (xb !== FREE && isPinned[xb])) continue;
      const blockers = xa === FREE ? (xb === FREE ? [] : [xb]) : xb === FREE || xb === xa ? [xa] : [xa, xb];
      if (blockers.length === 0) {
        if (load[s] < T) {
          place(m, s);
          return true;
        }
        // A full slot: move any one of its movable meetings elsewhere.
        for (const x of [...atSlot[s]]) if (!isPinned[x] && relocate([x], m, s)) return true;
        continue;
      }
      if (relocate(blockers, m, s)) return true;
    }
    return false;
  };
  let unscheduled = left;
  for (let pass = 0; pass < REPAIR_PASSES && unscheduled.length; pass++) {
    const still = unscheduled.filter((m) => !tryRepair(m));
    if (still.length === unscheduled.length) break;
    unscheduled = still;
  }

  // 4. Spreading: out of back-to-back runs where a free slot makes fewer.
  for (let pass = 0; pass < 2; pass++) {
    let improved = false;
    for (const m of order) {
      const s = slotOf[m];
      if (s === FREE) continue;
      const now = adjacent(ma[m], s, m) + adjacent(mb[m], s, m);
      if (now === 0) continue;
      let best = FREE;
      let bestAdj = now;
      for (let t = 0; t < S; t++) {
        if (t === s || !fits(m, t)) continue;
        const adj = adjacent(ma[m], t, m) + adjacent(mb[m], t, m);
        if (adj < bestAdj) {
          bestAdj = adj;
          best = t;
          if (adj === 0) break;
        }
      }
      if (best !== FREE && meetings[m].preferredSlot !== s) {
        unplace(m);
        place(m, best);
        improved = true;
      }
    }
    if (!improved) break;
  }

  // 5. Tables: pinned keep theirs; the rest take the lowest free numbers.
  const tableOf = new Int32Array(M);
  for (let s = 0; s < S; s++) {
    const taken = new Set<number>();
    for (const m of atSlot[s]) if (isPinned[m]) taken.add((tableOf[m] = meetings[m].pinned!.table));
    let next = 1;
    for (const m of atSlot[s]) {
      if (isPinned[m]) continue;
      while (taken.has(next)) next++;
      tableOf[m] = next;
      taken.add(next);
    }
  }

  const placements: Placement[] = [];
  for (let m = 0; m < M; m++) if (slotOf[m] !== FREE) placements.push({ id: meetings[m].id, slot: slotOf[m], table: tableOf[m] });
  const out = new Set(placements.map((p) => p.id));
  const notPlaced = order.filter((m) => slotOf[m] === FREE);
  // Meetings that could never fit (no shared available slot) come last.
  for (let m = 0; m < M; m++) if (slotOf[m] === FREE && room[m] === 0 && !isPinned[m]) notPlaced.push(m);

  let backToBack = 0;
  for (let p = 0; p < P; p++) for (let s = 1; s < S; s++) if (problem.slots[s].followsPrevious && busy[p * S + s] !== FREE && busy[p * S + s - 1] !== FREE) backToBack++;

  return {
    placements,
    unscheduled: notPlaced.map((m) => meetings[m].id).filter((id) => !out.has(id)),
    bound: scheduleBound(problem),
    backToBack,
  };
}

/** An upper bound on the meetings any schedule places (see the module comment). */
export function scheduleBound(problem: ScheduleProblem): ScheduleBound {
  const S = problem.slots.length;
  const T = Math.max(0, Math.floor(problem.tables));
  const blocked = new Map<string, Set<number>>();
  for (const [key, slots] of problem.unavailable ?? []) blocked.set(key, new Set(slots));
  // A pinned meeting's slot counts as available to its two sides, whatever they blocked since.
  const pinnedAt = new Map<string, Set<number>>();
  for (const m of problem.meetings) {
    if (!m.pinned) continue;
    for (const p of [m.a, m.b]) pinnedAt.set(p, (pinnedAt.get(p) ?? new Set()).add(m.pinned.slot));
  }
  const available = (p: string, s: number) => !blocked.get(p)?.has(s) || !!pinnedAt.get(p)?.has(s);

  const feasible = problem.meetings.filter((m) => {
    if (m.pinned) return m.pinned.slot >= 0 && m.pinned.slot < S;
    if (m.a === m.b) return false;
    for (let s = 0; s < S; s++) if (available(m.a, s) && available(m.b, s)) return true;
    return false;
  });
  const degree = new Map<string, number>();
  for (const m of feasible) for (const p of [m.a, m.b]) degree.set(p, (degree.get(p) ?? 0) + 1);

  const excess = new Map<string, number>();
  const perSlot = new Int32Array(S);
  for (const [p, deg] of degree) {
    let cap = 0;
    for (let s = 0; s < S; s++) {
      if (!available(p, s)) continue;
      cap++;
      perSlot[s]++;
    }
    if (deg > cap) excess.set(p, deg - cap);
  }
  // Every over-asked participant drops its excess. A dropped meeting relieves two of them only
  // when both its sides are over-asked: at most ⌊Σ min(excess, meetings with over-asked others) / 2⌋
  // such meetings; every other drop relieves one.
  const withOverAsked = new Map<string, number>();
  for (const m of feasible) {
    if (excess.has(m.a) && excess.has(m.b)) for (const p of [m.a, m.b]) withOverAsked.set(p, (withOverAsked.get(p) ?? 0) + 1);
  }
  let units = 0;
  let doubles = 0;
  for (const [p, e] of excess) {
    units += e;
    doubles += Math.min(e, withOverAsked.get(p) ?? 0);
  }
  const requests = feasible.length;
  const participants = requests - (units - Math.floor(doubles / 2));
  let slots = 0;
  for (let s = 0; s < S; s++) slots += Math.min(T, Math.floor(perSlot[s] / 2));
  const candidates: [BoundKind, number][] = [
    ['REQUESTS', requests],
    ['SLOTS', slots],
    ['PARTICIPANTS', participants],
  ];
  const [kind, value] = candidates.reduce((best, c) => (c[1] < best[1] ? c : best));
  return { value, kind, requests, slots, participants };
}
