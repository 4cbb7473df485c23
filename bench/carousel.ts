// The carousel planner's figure (issue #18): the time to plan 40 groups × 15 stations as a
// ratio to planning 10 groups × 5 stations, both measured in this run so the machine's speed
// cancels out. Pure CPU: no server, no database.
import { planCarousel, type CarouselInput } from "../src/rules/carousel";

/** A school morning: mixed group sizes (pupils + staff), stations of mixed capacity, rounds = stations. */
export function carouselInput(groups: number, stations: number): CarouselInput {
  const seats = Array.from({ length: groups }, (_, g) => 18 + ((g * 7) % 15));
  const perRound = Math.ceil(seats.reduce((a, b) => a + b, 0) / stations);
  return {
    rounds: stations,
    groups: seats.map((n, g) => ({ id: `g${String(g).padStart(2, "0")}`, seats: n, minAge: 13 + (g % 4), maxAge: 14 + (g % 4) })),
    stations: Array.from({ length: stations }, (_, s) => ({
      id: `s${String(s).padStart(2, "0")}`,
      // Enough room on average plus a group's worth, so the plan is a real packing.
      capacity: perRound + 35 + (s % 3) * 5,
      minAge: s % 5 === 4 ? 13 : null,
      maxAge: null,
    })),
  };
}

/** Median milliseconds of `runs` plans of the same carousel (after one warm-up). */
function medianMs(input: CarouselInput, runs: number) {
  planCarousel(input);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    planCarousel(input);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function carouselFigures(print: (name: string, value: number) => void) {
  const large = carouselInput(40, 15);
  const small = carouselInput(10, 5);
  const largeMs = medianMs(large, 21);
  const smallMs = medianMs(small, 201);
  print("carousel_40x15_ms", largeMs);
  print("carousel_10x5_ms", smallMs);
  print("carousel_40x15_vs_10x5", largeMs / Math.max(smallMs, 1e-3));
  print("carousel_40x15_complete", planCarousel(large).complete ? 1 : 0);
}

// `npx tsx bench/carousel.ts` prints the figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  carouselFigures((name, value) => console.log(`${name}=${Number.isInteger(value) ? value : value.toFixed(3)}`));
}
