import { describe, expect, it } from "vitest";
import { ageOnDayOf, ineligibility, withinProgrammeAges, YOUNG_PERSON_MAX_AGE, YOUNG_PERSON_MIN_AGE } from "./eligibility";

const event = { minAge: 14, maxAge: 18 };
const youngPerson = (dateOfBirth: string) => ({ dateOfBirth, isYoungPerson: true });

describe("rule 2: age on the session date", () => {
  it("counts the birthday on the London day of the session, not the UTC day", () => {
    // 23:30 UTC on 9 June is 00:30 on 10 June in London (BST): already the birthday.
    expect(ageOnDayOf("2012-06-10", Date.parse("2026-06-09T23:30:00Z"))).toBe(14);
    expect(ageOnDayOf("2012-06-10", Date.parse("2026-06-09T22:30:00Z"))).toBe(13);
  });

  it("refuses the day before the minimum age and lets the birthday through", () => {
    expect(ineligibility(youngPerson("2012-06-10"), event, Date.parse("2026-06-09T10:00:00Z"))).toEqual({ reason: "outside_age_range", minAge: 14, maxAge: 18, age: 13 });
    expect(ineligibility(youngPerson("2012-06-10"), event, Date.parse("2026-06-10T10:00:00Z"))).toBeNull();
  });

  it("refuses the day someone passes the maximum age", () => {
    expect(ineligibility(youngPerson("2007-06-10"), event, Date.parse("2026-06-09T10:00:00Z"))).toBeNull();
    expect(ineligibility(youngPerson("2007-06-10"), event, Date.parse("2026-06-10T10:00:00Z"))).toMatchObject({ reason: "outside_age_range", age: 19 });
  });

  it("refuses someone who is not a young person, or has no date of birth", () => {
    expect(ineligibility({ dateOfBirth: "2010-01-01", isYoungPerson: false }, event, Date.parse("2026-06-10T10:00:00Z"))).toEqual({ reason: "not_young_person" });
    expect(ineligibility({ dateOfBirth: null, isYoungPerson: true }, event, Date.parse("2026-06-10T10:00:00Z"))).toEqual({ reason: "not_young_person" });
  });

  it("bounds the programme at 11 to 25", () => {
    expect([YOUNG_PERSON_MIN_AGE, YOUNG_PERSON_MAX_AGE]).toEqual([11, 25]);
    expect([10, 11, 25, 26].map(withinProgrammeAges)).toEqual([false, true, true, false]);
  });
});
