import { describe, expect, it } from "vitest";
import { HOUR } from "../lib/time";
import { holderKey, hoursOf, sessionMinutes } from "./timebank";

describe("rule 18: what a session is worth and whose balance it counts in", () => {
  it("a session is worth its length in whole minutes, never less than nothing", () => {
    expect(sessionMinutes({ startsAt: 0, endsAt: 2 * HOUR })).toBe(120);
    expect(sessionMinutes({ startsAt: 0, endsAt: 1.5 * HOUR + 20_000 })).toBe(90);
    expect(sessionMinutes({ startsAt: HOUR, endsAt: 0 })).toBe(0);
  });

  it("a person's account and a contributor without one are different holders", () => {
    expect(holderKey({ personId: "per_1" })).toBe("person:per_1");
    expect(holderKey({ contributorId: "ctb_1" })).toBe("contributor:ctb_1");
    expect(holderKey({ personId: "x" })).not.toBe(holderKey({ contributorId: "x" }));
  });

  it("minutes are said as hours to two places", () => {
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(-60)).toBe(-1);
    expect(hoursOf(20)).toBe(0.33);
  });
});
