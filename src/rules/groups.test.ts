import { describe, expect, it } from "vitest";
import { Refusal } from "../lib/refusal";
import { assertRatio, assertRoster, fullProblem, staffNeeded } from "./groups";

describe("rule 7: a group's staff ratio and roster", () => {
  it("needs one member of staff for every ten pupils, and never none", () => {
    expect(staffNeeded(0, 10)).toBe(1);
    expect(staffNeeded(10, 10)).toBe(1);
    expect(staffNeeded(11, 10)).toBe(2);
    expect(staffNeeded(30, 10)).toBe(3);
  });

  it("refuses 21 pupils with 2 staff at one per ten, naming the staff field and how many are needed", () => {
    expect(() => assertRatio(20, 2, 10)).not.toThrow();
    const refusal = (() => {
      try {
        assertRatio(21, 2, 10);
      } catch (err) {
        return err;
      }
    })();
    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).code).toBe("group_ratio");
    expect((refusal as Refusal).extra).toEqual({ staffNeeded: 3 });
  });

  it("refuses a roster longer than the group, and accepts one as long", () => {
    expect(() => assertRoster(["Amy B", "Sam K"], 2)).not.toThrow();
    expect(() => assertRoster(undefined, 2)).not.toThrow();
    expect(() => assertRoster(["Amy B", "Sam K", "Jo P"], 2)).toThrow(Refusal);
  });

  it("says the session is full when no seat is left, and how many are left otherwise", () => {
    expect(fullProblem(0, 5).code).toBe("session_full");
    expect(fullProblem(3, 5).extra).toEqual({ seatsLeft: 3 });
  });
});
