import { describe, expect, it } from "vitest";
import { HOUR, londonLocalString, londonWallTime, londonWallTimeIntl, parseLondonLocal } from "./time";

describe("London time without Intl on the hot path (src/lib/time.ts)", () => {
  it("reads the same wall clock as the platform's time-zone data, every hour of 1996–2050", () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(1996, 0, 1); t < Date.UTC(2051, 0, 1); t += HOUR) {
      const a = londonWallTime(t);
      const b = londonWallTimeIntl(t);
      if (a.year !== b.year || a.month !== b.month || a.day !== b.day || a.hour !== b.hour || a.minute !== b.minute) wrong.push(new Date(t).toISOString());
    }
    expect(wrong).toEqual([]);
  });

  it("changes the clocks at 01:00 UTC on the last Sundays of March and October, to the minute", () => {
    for (const [iso, local] of [
      ["2026-03-29T00:59:00Z", "2026-03-29T00:59"],
      ["2026-03-29T01:00:00Z", "2026-03-29T02:00"],
      ["2026-10-25T00:59:00Z", "2026-10-25T01:59"],
      ["2026-10-25T01:00:00Z", "2026-10-25T01:00"],
    ] as const) {
      expect(londonLocalString(Date.parse(iso))).toBe(local);
    }
    expect(parseLondonLocal("2026-07-01T09:30")).toBe(Date.parse("2026-07-01T08:30:00Z"));
  });
});
