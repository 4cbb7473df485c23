// SPEC rule 19 (carousels): groups rotate through stations in timed rounds. In each round a
// station never holds more than its capacity and a group never visits a station twice; when a
// full rotation is impossible the plan says which group misses which station and why.
//
// Pure and deterministic: the same groups, stations and rounds give the same plan whatever
// order they come in (both are sorted by id first). No clock, no randomness.
//
// The problem is an assignment of (group, round) cells to stations with a weighted capacity per
// station per round; with group sizes it is a bin-packing relative, so no polynomial exact
// algorithm is known. The planner therefore:
//   1. builds candidate plans with a greedy round-by-round fill from a few orderings (one of
//      them a cyclic Latin-square rotation, which is full whenever the groups split into
//      classes that each fit every station), then repairs idle cells by moving another group
//      of that round elsewhere or by swapping rounds within the group;
//   2. keeps the candidate with the most visits (then the fairest spread of misses);
//   3. when that plan still has idle cells and the carousel is small, runs an exact
//      branch-and-bound search (within a node budget) that either finds a better plan or
//      proves none exists, so a small carousel never has an avoidable miss (the test
//      compares with brute force). `optimal` says whether the plan is proven best.

export interface CarouselGroupIn {
  id: string;
  /** What counts against a station's capacity: pupils + staff. */
  seats: number;
  /** Youngest and oldest pupil in the group (years, on the day). */
  minAge: number;
  maxAge: number;
}

export interface CarouselStationIn {
  id: string;
  /** People (pupils + staff) the station takes in one round. */
  capacity: number;
  minAge: number | null;
  maxAge: number | null;
}

export interface CarouselInput {
  groups: CarouselGroupIn[];
  stations: CarouselStationIn[];
  rounds: number;
}

/** Why a group does not visit a station it should have. */
export type MissReason =
  | "age" // the station's age range leaves out some of the group's pupils
  | "too_big" // the group alone is larger than the station holds in a round
  | "full"; // the station is full in every round the group could have come

export interface GroupPlan {
  groupId: string;
  /** Station id per round (index 0 = round 1), null for a round with no station. */
  stations: (string | null)[];
  /** Rounds (1-based) with no station: listed when the group visits fewer than the rounds. */
  idleRounds: number[];
  /** The stations the group never visits, when it has idle rounds, each with why. */
  missed: { stationId: string; reason: MissReason }[];
}

export interface CarouselPlan {
  groups: GroupPlan[];
  /** Total (group, round) visits planned. */
  visits: number;
  /** Every group visits min(rounds, stations) different stations. */
  complete: boolean;
  /** Proven to have the fewest possible idle rounds (exact search finished or nothing idle). */
  optimal: boolean;
}

/** Exact search budget (search nodes); small carousels finish well inside it. */
const EXACT_NODE_BUDGET = 300_000;

interface Problem {
  G: number;
  S: number;
  R: number;
  seats: number[];
  cap: number[];
  /** eligible[g][s]: age fits and the group is not larger than the station. */
  eligible: boolean[][];
}

/** Working state: station per cell (-1 idle), load per round per station, visited sets. */
class Grid {
  at: Int32Array; // g * R + r -> station or -1
  load: Int32Array; // r * S + s -> seats
  visited: Uint8Array; // g * S + s -> 0/1
  constructor(readonly p: Problem) {
    this.at = new Int32Array(p.G * p.R).fill(-1);
    this.load = new Int32Array(p.R * p.S);
    this.visited = new Uint8Array(p.G * p.S);
  }
  clone() {
    const c = new Grid(this.p);
    c.at.set(this.at);
    c.load.set(this.load);
    c.visited.set(this.visited);
    return c;
  }
  fits(g: number, r: number, s: number) {
    const p = this.p;
    return p.eligible[g]![s]! && !this.visited[g * p.S + s] && this.load[r * p.S + s]! + p.seats[g]! <= p.cap[s]!;
  }
  place(g: number, r: number, s: number) {
    const p = this.p;
    this.at[g * p.R + r] = s;
    this.load[r * p.S + s]! += p.seats[g]!;
    this.visited[g * p.S + s] = 1;
  }
  remove(g: number, r: number) {
    const p = this.p;
    const s = this.at[g * p.R + r]!;
    if (s < 0) return;
    this.at[g * p.R + r] = -1;
    this.load[r * p.S + s]! -= p.seats[g]!;
    this.visited[g * p.S + s] = 0;
  }
  visits() {
    let n = 0;
    for (const s of this.at) if (s >= 0) n++;
    return n;
  }
  /** Fewest visits of any group: a tie-break so misses are spread rather than piled on one group. */
  minVisits() {
    const p = this.p;
    let min = Infinity;
    for (let g = 0; g < p.G; g++) {
      let n = 0;
      for (let r = 0; r < p.R; r++) if (this.at[g * p.R + r]! >= 0) n++;
      min = Math.min(min, n);
    }
    return p.G === 0 ? 0 : min;
  }
}

function ageFits(g: CarouselGroupIn, s: CarouselStationIn) {
  return (s.minAge === null || g.minAge >= s.minAge) && (s.maxAge === null || g.maxAge <= s.maxAge);
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The rotation plan for a carousel (rule 19). */
export function planCarousel(input: CarouselInput): CarouselPlan {
  const groups = [...input.groups].sort(byId);
  const stations = [...input.stations].sort(byId);
  const R = Math.max(0, Math.floor(input.rounds));
  const p: Problem = {
    G: groups.length,
    S: stations.length,
    R,
    seats: groups.map((g) => g.seats),
    cap: stations.map((s) => s.capacity),
    eligible: groups.map((g) => stations.map((s) => ageFits(g, s) && g.seats <= s.capacity)),
  };
  const target = Math.min(R, p.S);

  let best = bestOf([greedy(p, "cyclic"), greedy(p, "constrained"), greedy(p, "largest")].map((grid) => repair(grid)));
  // A group can never visit more stations than rounds, nor more than it is eligible for.
  const ceiling = groups.reduce((n, _g, gi) => n + Math.min(target, p.eligible[gi]!.filter(Boolean).length), 0);
  let optimal = best.visits() === ceiling;
  if (!optimal) {
    const exact = exactSearch(p, best);
    best = exact.grid;
    optimal = exact.proven;
  }
  return describe(p, groups, stations, best, target, optimal);
}

function bestOf(grids: Grid[]): Grid {
  let best = grids[0]!;
  for (const g of grids.slice(1)) {
    const v = g.visits();
    const bv = best.visits();
    if (v > bv || (v === bv && g.minVisits() > best.minVisits())) best = g;
  }
  return best;
}

type Ordering = "cyclic" | "constrained" | "largest";

/**
 * Round-by-round fill. "cyclic" gives each group a home class (largest groups spread over
 * classes first) and sends class k to station (k + r) mod S in round r when it fits: the
 * Latin-square rotation a coordinator would draw by hand. The others place the most
 * constrained (or the largest) group first in the station with the most room left.
 */
function greedy(p: Problem, ordering: Ordering): Grid {
  const grid = new Grid(p);
  const { G, S, R } = p;
  const bySize = [...Array(G).keys()].sort((a, b) => p.seats[b]! - p.seats[a]! || a - b);
  // Home classes balanced by seats (largest first into the lightest class).
  const home = new Int32Array(G);
  if (S > 0) {
    const classLoad = new Array<number>(S).fill(0);
    for (const g of bySize) {
      let k = 0;
      for (let c = 1; c < S; c++) if (classLoad[c]! < classLoad[k]!) k = c;
      home[g] = k;
      classLoad[k]! += p.seats[g]!;
    }
  }
  for (let r = 0; r < R; r++) {
    const remaining = (g: number) => {
      let n = 0;
      for (let s = 0; s < S; s++) if (p.eligible[g]![s] && !grid.visited[g * S + s]) n++;
      return n;
    };
    const order =
      ordering === "constrained"
        ? [...Array(G).keys()].sort((a, b) => remaining(a) - remaining(b) || p.seats[b]! - p.seats[a]! || a - b)
        : bySize;
    for (const g of order) {
      if (ordering === "cyclic") {
        const s = (home[g]! + r) % S;
        if (grid.fits(g, r, s)) {
          grid.place(g, r, s);
          continue;
        }
      }
      let pick = -1;
      let room = -Infinity;
      for (let s = 0; s < S; s++) {
        if (!grid.fits(g, r, s)) continue;
        const left = p.cap[s]! - grid.load[r * S + s]!;
        if (left > room) {
          room = left;
          pick = s;
        }
      }
      if (pick >= 0) grid.place(g, r, pick);
    }
  }
  return grid;
}

/**
 * Fills idle cells with two local moves, repeated while they help:
 *  - place g at s in round r after moving one other group h of that round from s to a station
 *    h has not visited that has room;
 *  - swap rounds within g: g at t in round r2 moves to s (unvisited by g) in r2, and g takes
 *    t in round r.
 */
function repair(grid: Grid): Grid {
  const p = grid.p;
  const { G, S, R } = p;
  for (let pass = 0; pass < 4; pass++) {
    let improved = false;
    for (let g = 0; g < G; g++) {
      for (let r = 0; r < R; r++) {
        if (grid.at[g * R + r]! >= 0) continue;
        if (fillCell(grid, g, r)) improved = true;
      }
    }
    if (!improved) break;
  }
  return grid;

  function fillCell(grid: Grid, g: number, r: number): boolean {
    for (let s = 0; s < S; s++) {
      if (grid.fits(g, r, s)) {
        grid.place(g, r, s);
        return true;
      }
    }
    // Move one other group out of a station g could use this round.
    for (let s = 0; s < S; s++) {
      if (!p.eligible[g]![s] || grid.visited[g * S + s]) continue;
      for (let h = 0; h < G; h++) {
        if (h === g || grid.at[h * R + r] !== s) continue;
        if (grid.load[r * S + s]! - p.seats[h]! + p.seats[g]! > p.cap[s]!) continue;
        grid.remove(h, r);
        for (let s2 = 0; s2 < S; s2++) {
          if (s2 !== s && grid.fits(h, r, s2)) {
            grid.place(h, r, s2);
            grid.place(g, r, s);
            return true;
          }
        }
        grid.place(h, r, s);
      }
    }
    // Swap rounds within g.
    for (let r2 = 0; r2 < R; r2++) {
      const t = grid.at[g * R + r2]!;
      if (r2 === r || t < 0) continue;
      grid.remove(g, r2);
      if (grid.fits(g, r, t)) {
        grid.place(g, r, t);
        for (let s = 0; s < S; s++) {
          if (grid.fits(g, r2, s)) {
            grid.place(g, r2, s);
            return true;
          }
        }
        grid.remove(g, r);
      }
      grid.place(g, r2, t);
    }
    return false;
  }
}

/**
 * Branch and bound over the cells group by group: each cell gets an unvisited station with
 * room, or stays idle while the idle count stays below the best known. The bound counts, for
 * the groups still to place, the rounds they cannot fill even alone (fewer eligible stations
 * than rounds). Starts from the heuristic plan, so it only ever improves on it.
 */
function exactSearch(p: Problem, start: Grid): { grid: Grid; proven: boolean } {
  const { G, S, R } = p;
  const cells = G * R;
  let bestIdle = cells - start.visits();
  let best = start;
  let nodes = 0;
  let exhausted = false;
  const forced = new Int32Array(G + 1); // idle rounds unavoidable for groups g.. on their own
  for (let g = G - 1; g >= 0; g--) forced[g] = forced[g + 1]! + Math.max(0, R - p.eligible[g]!.filter(Boolean).length);
  const grid = new Grid(p);

  const dfs = (cell: number, idle: number): void => {
    if (exhausted) return;
    if (++nodes > EXACT_NODE_BUDGET) {
      exhausted = true;
      return;
    }
    const g = Math.floor(cell / R);
    if (idle + forced[cell % R === 0 ? g : g + 1]! >= bestIdle) return;
    if (cell === cells) {
      bestIdle = idle;
      best = grid.clone();
      return;
    }
    const r = cell % R;
    for (let s = 0; s < S; s++) {
      if (!grid.fits(g, r, s)) continue;
      grid.place(g, r, s);
      dfs(cell + 1, idle);
      grid.remove(g, r);
      if (exhausted) return;
    }
    dfs(cell + 1, idle + 1);
  };
  dfs(0, 0);
  return { grid: best, proven: !exhausted };
}

function describe(
  p: Problem,
  groups: CarouselGroupIn[],
  stations: CarouselStationIn[],
  grid: Grid,
  target: number,
  optimal: boolean,
): CarouselPlan {
  const { S, R } = p;
  let complete = true;
  const out = groups.map((group, g): GroupPlan => {
    const at = [...grid.at.subarray(g * R, g * R + R)];
    const visited = at.filter((s) => s >= 0).length;
    const idleRounds = visited < target ? at.flatMap((s, r) => (s < 0 && r < R ? [r + 1] : [])) : [];
    if (visited < target) complete = false;
    const missed: GroupPlan["missed"] = [];
    if (visited < target) {
      for (let s = 0; s < S; s++) {
        if (grid.visited[g * S + s]) continue;
        const st = stations[s]!;
        const reason: MissReason = !ageFits(group, st) ? "age" : group.seats > st.capacity ? "too_big" : "full";
        missed.push({ stationId: st.id, reason });
      }
    }
    return { groupId: group.id, stations: at.map((s) => (s < 0 ? null : stations[s]!.id)), idleRounds, missed };
  });
  return { groups: out, visits: grid.visits(), complete, optimal };
}

/** Checks a plan against rule 19; returns what is wrong (empty when it holds). For tests and callers that store plans. */
export function planViolations(input: CarouselInput, plan: CarouselPlan): string[] {
  const wrong: string[] = [];
  const station = new Map(input.stations.map((s) => [s.id, s]));
  const group = new Map(input.groups.map((g) => [g.id, g]));
  const load = new Map<string, number>();
  for (const gp of plan.groups) {
    const g = group.get(gp.groupId);
    if (!g) {
      wrong.push(`unknown group ${gp.groupId}`);
      continue;
    }
    if (gp.stations.length !== input.rounds) wrong.push(`${g.id} has ${gp.stations.length} rounds`);
    const seen = new Set<string>();
    gp.stations.forEach((sid, r) => {
      if (sid === null) return;
      const s = station.get(sid);
      if (!s) return void wrong.push(`unknown station ${sid}`);
      if (seen.has(sid)) wrong.push(`${g.id} visits ${sid} twice`);
      seen.add(sid);
      if (!ageFits(g, s)) wrong.push(`${g.id} is outside ${sid}'s age range`);
      const key = `${r}:${sid}`;
      load.set(key, (load.get(key) ?? 0) + g.seats);
    });
  }
  for (const [key, n] of load) {
    const sid = key.slice(key.indexOf(":") + 1);
    if (n > station.get(sid)!.capacity) wrong.push(`round ${key} holds ${n} > ${station.get(sid)!.capacity}`);
  }
  return wrong;
}
