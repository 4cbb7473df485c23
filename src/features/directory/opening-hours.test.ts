import { describe, expect, it } from "vitest";
import { isOpenAt, nextOpening } from "./opening-hours";

// A food bank open Sunday 10:00–12:00 and Tuesday 10:00–14:00, London time.
const foodBank = [
  { day: 7, opens: "10:00", closes: "12:00" },
  { day: 2, opens: "10:00", closes: "14:00" },
];
const at = (iso: string) => new Date(iso).getTime();

describe("opening hours in London time", () => {
  it("is open at 10:30 London time on the Sunday the clocks go forward (09:30 UTC), and was closed at 10:30 UTC the Sunday before", () => {
    // 29 March 2026: clocks go forward at 01:00 UTC. 09:30Z is 10:30 BST, inside 10:00–12:00.
    expect(isOpenAt(foodBank, at("2026-03-29T09:30:00Z"))).toBe(true);
    // The naive reading (09:30 as if London were UTC) would say closed: the control.
    expect(isOpenAt(foodBank, at("2026-03-29T08:30:00Z"))).toBe(false);
    // 22 March 2026 is GMT: 10:30Z is 10:30 local, open; 09:30Z is 09:30, closed.
    expect(isOpenAt(foodBank, at("2026-03-22T10:30:00Z"))).toBe(true);
    expect(isOpenAt(foodBank, at("2026-03-22T09:30:00Z"))).toBe(false);
  });

  it("closes at 12:00 sharp and not a minute later or earlier", () => {
    expect(isOpenAt(foodBank, at("2026-03-22T11:59:00Z"))).toBe(true);
    expect(isOpenAt(foodBank, at("2026-03-22T12:00:00Z"))).toBe(false);
  });

  it("on the autumn change (25 October 2026) opens at 10:00 GMT, 10:00 UTC", () => {
    expect(isOpenAt(foodBank, at("2026-10-25T09:30:00Z"))).toBe(false);
    expect(isOpenAt(foodBank, at("2026-10-25T10:00:00Z"))).toBe(true);
  });

  it("says it opens Tuesday 10:00 on the Saturday before the spring change, at 09:00 UTC (BST)", () => {
    const next = nextOpening(foodBank, at("2026-03-28T12:00:00Z"))!;
    expect(next).toMatchObject({ day: 7, opens: "10:00", inDays: 1 });
    // Sunday 29 March is already BST: 10:00 local is 09:00 UTC.
    expect(new Date(next.at).toISOString()).toBe("2026-03-29T09:00:00.000Z");
    const after = nextOpening(foodBank, at("2026-03-29T12:30:00Z"))!;
    expect(after).toMatchObject({ day: 2, opens: "10:00", inDays: 2 });
    expect(new Date(after.at).toISOString()).toBe("2026-03-31T09:00:00.000Z");
  });

  it("counts later today, and the same weekday next week after today's last period", () => {
    const once = [{ day: 2, opens: "10:00", closes: "14:00" }];
    expect(nextOpening(once, at("2026-03-03T08:00:00Z"))).toMatchObject({ day: 2, inDays: 0 });
    expect(nextOpening(once, at("2026-03-03T11:00:00Z"))).toMatchObject({ day: 2, inDays: 7 });
    expect(nextOpening([], at("2026-03-03T11:00:00Z"))).toBeNull();
  });

  it("reads late evening in BST as the London day, not the UTC one", () => {
    // Tuesday 23:30 BST is Tuesday 22:30 UTC; a Tuesday-night service is open then.
    const late = [{ day: 2, opens: "22:00", closes: "23:59" }];
    expect(isOpenAt(late, at("2026-06-02T22:30:00Z"))).toBe(true);
    // Wednesday 00:30 BST is Tuesday 23:30 UTC: closed (it is Wednesday in London).
    expect(isOpenAt(late, at("2026-06-02T23:30:00Z"))).toBe(false);
  });
});
