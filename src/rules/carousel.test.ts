// Rule 19: tries to break the planner with random carousels (fast-check), and compares it with
// a brute force over every possible plan on small carousels (no avoidable miss).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planCarousel, planViolations, type CarouselGroupIn, type CarouselInput, type CarouselStationIn } from "./carousel";

const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(2, "0")}`;

/**
 * A carousel built so that a full rotation exists: the groups are dealt at random into one
 * class per station, class k goes to station (k + r) mod S in round r, and every station holds
 * at least the largest class (plus random slack). Rounds = stations.
 */
const feasibleCarousel = (groupsN: number, stationsN: number) =>
  fc
    .record({
      seats: fc.array(fc.integer({ min: 5, max: 35 }), { minLength: groupsN, maxLength: groupsN }),
      classOf: fc.array(fc.nat({ max: stationsN - 1 }), { minLength: groupsN, maxLength: groupsN }),
      slack: fc.array(fc.nat({ max: 20 }), { minLength: stationsN, maxLength: stationsN }),
      shuffleKey: fc.nat(),
    })
    .map(({ seats, classOf, slack }): CarouselInput => {
      const classLoad = new Array<number>(stationsN).fill(0);
      seats.forEach((n, g) => (classLoad[classOf[g]!]! += n));
      const need = Math.max(...classLoad);
      return {
        rounds: stationsN,
        groups: seats.map((n, g) => ({ id: id("g", g), seats: n, minAge: 14, maxAge: 15 })),
        stations: slack.map((extra, s) => ({ id: id("s", s), capacity: need + extra, minAge: null, maxAge: null })),
      };
    });

/** Any carousel, often impossible to rotate fully: sizes, capacities and age ranges at random. */
const anyCarousel = (maxGroups: number, maxStations: number, maxRounds: number) =>
  fc
    .record({
      groups: fc.array(
        fc.record({ seats: fc.integer({ min: 1, max: 12 }), minAge: fc.integer({ min: 11, max: 17 }), span: fc.nat({ max: 2 }) }),
        { minLength: 1, maxLength: maxGroups },
      ),
      stations: fc.array(
        fc.record({ capacity: fc.integer({ min: 1, max: 20 }), minAge: fc.option(fc.integer({ min: 11, max: 16 })), maxAge: fc.option(fc.integer({ min: 13, max: 19 })) }),
        { minLength: 1, maxLength: maxStations },
      ),
      rounds: fc.integer({ min: 1, max: maxRounds }),
    })
    .map(({ groups, stations, rounds }): CarouselInput => ({
      rounds,
      groups: groups.map((g, i): CarouselGroupIn => ({ id: id("g", i), seats: g.seats, minAge: g.minAge, maxAge: g.minAge + g.span })),
      stations: stations.map((s, i): CarouselStationIn => ({ id: id("s", i), capacity: s.capacity, minAge: s.minAge, maxAge: s.maxAge })),
    }));

/** Most visits any plan can have: every combination of one station sequence per group. */
function bruteForceBest(input: CarouselInput): number {
  const { groups, stations, rounds } = input;
  const fits = (g: CarouselGroupIn, s: CarouselStationIn) =>
    (s.minAge === null || g.minAge >= s.minAge) && (s.maxAge === null || g.maxAge <= s.maxAge);
  // Every sequence of distinct stations or idle rounds a group could follow on its own.
  const sequences = groups.map((g) => {
    const out: number[][] = [];
    const walk = (seq: number[]) => {
      if (seq.length === rounds) return void out.push([...seq]);
      walk([...seq, -1]);
      stations.forEach((s, si) => {
        if (!seq.includes(si) && fits(g, s) && g.seats <= s.capacity) walk([...seq, si]);
      });
    };
    walk([]);
    return out;
  });
  let best = 0;
  const load = new Array<number>(rounds * stations.length).fill(0);
  const combine = (gi: number, visits: number) => {
    if (gi === groups.length) return void (best = Math.max(best, visits));
    for (const seq of sequences[gi]!) {
      let ok = true;
      seq.forEach((s, r) => {
        if (s >= 0 && load[r * stations.length + s]! + groups[gi]!.seats > stations[s]!.capacity) ok = false;
      });
      if (!ok) continue;
      seq.forEach((s, r) => s >= 0 && (load[r * stations.length + s]! += groups[gi]!.seats));
      combine(gi + 1, visits + seq.filter((s) => s >= 0).length);
      seq.forEach((s, r) => s >= 0 && (load[r * stations.length + s]! -= groups[gi]!.seats));
    }
  };
  combine(0, 0);
  return best;
}

describe("rule 19: carousel planner", () => {
  it("12 groups, 6 stations, 6 rounds: every group visits 6 different stations, no station over capacity (random carousels)", () => {
    fc.assert(
      fc.property(feasibleCarousel(12, 6), (input) => {
        const plan = planCarousel(input);
        expect(planViolations(input, plan)).toEqual([]);
        expect(plan.complete).toBe(true);
        for (const g of plan.groups) expect(new Set(g.stations.filter((s) => s !== null)).size).toBe(6);
      }),
      { numRuns: 200 },
    );
  });

  it("never puts a station over capacity, a group twice at a station or outside an age range, on any carousel", () => {
    fc.assert(
      fc.property(anyCarousel(14, 7, 7), (input) => {
        expect(planViolations(input, planCarousel(input))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("has no avoidable miss on small carousels: as many visits as the best plan found by brute force", () => {
    fc.assert(
      fc.property(anyCarousel(4, 3, 3), (input) => {
        const plan = planCarousel(input);
        expect(planViolations(input, plan)).toEqual([]);
        expect(plan.optimal).toBe(true);
        expect(plan.visits).toBe(bruteForceBest(input));
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic: the same bookings in another order give the same plan", () => {
    fc.assert(
      fc.property(anyCarousel(10, 6, 6), fc.nat(), (input, k) => {
        const rotate = <T,>(xs: T[]) => [...xs.slice(k % xs.length), ...xs.slice(0, k % xs.length)].reverse();
        const again = planCarousel({ ...input, groups: rotate(input.groups), stations: rotate(input.stations) });
        expect(again).toEqual(planCarousel(input));
      }),
      { numRuns: 100 },
    );
  });

  it("says which group misses which station and why (age range, too big, full)", () => {
    const plan = planCarousel({
      rounds: 3,
      stations: [
        { id: "bricks", capacity: 30, minAge: 16, maxAge: null },
        { id: "coding", capacity: 10, minAge: null, maxAge: null },
        { id: "nursing", capacity: 30, minAge: null, maxAge: null },
      ],
      groups: [
        { id: "year9", seats: 25, minAge: 13, maxAge: 14 },
        { id: "year12a", seats: 8, minAge: 16, maxAge: 17 },
        { id: "year12b", seats: 8, minAge: 16, maxAge: 17 },
        { id: "year12c", seats: 8, minAge: 16, maxAge: 17 },
        { id: "year12d", seats: 8, minAge: 16, maxAge: 17 },
      ],
    });
    expect(plan.complete).toBe(false);
    expect(plan.optimal).toBe(true);
    const year9 = plan.groups.find((g) => g.groupId === "year9")!;
    expect(year9.stations.filter((s) => s !== null)).toEqual(["nursing"]);
    expect(year9.missed).toEqual([
      { stationId: "bricks", reason: "age" },
      { stationId: "coding", reason: "too_big" },
    ]);
    // coding takes one group of 8 a round: four year 12 groups, three rounds, so one misses it.
    const missingCoding = plan.groups.filter((g) => g.groupId.startsWith("year12") && g.missed.some((m) => m.stationId === "coding"));
    expect(missingCoding).toHaveLength(1);
    expect(missingCoding[0]!.missed).toEqual([{ stationId: "coding", reason: "full" }]);
    expect(missingCoding[0]!.idleRounds).toHaveLength(1);
  });

  it("plans a full rotation with more rounds than needed: fewer rounds than stations is not a miss", () => {
    const plan = planCarousel({
      rounds: 2,
      stations: ["a", "b", "c"].map((id) => ({ id, capacity: 10, minAge: null, maxAge: null })),
      groups: ["x", "y", "z"].map((id) => ({ id, seats: 10, minAge: 14, maxAge: 14 })),
    });
    expect(plan.complete).toBe(true);
    expect(plan.groups.every((g) => g.missed.length === 0 && g.idleRounds.length === 0)).toBe(true);
  });

  it("plans 40 groups and 15 stations within a second", () => {
    const input: CarouselInput = {
      rounds: 15,
      groups: Array.from({ length: 40 }, (_, g) => ({ id: id("g", g), seats: 20 + (g % 13), minAge: 14, maxAge: 15 })),
      stations: Array.from({ length: 15 }, (_, s) => ({ id: id("s", s), capacity: 80 + (s % 4) * 10, minAge: null, maxAge: null })),
    };
    const started = performance.now();
    const plan = planCarousel(input);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(planViolations(input, plan)).toEqual([]);
    expect(plan.complete).toBe(true);
  });
});
