import { describe, expect, it } from "vitest";
import { dbsProblemOn, dbsValidOn, DBS_REQUIRED_UNDER_AGE, MENTORING_GUARDIAN_AGE, minorOn, needsMentoringGuardian } from "./safeguarding";

const checked = { dbsCheckedOn: "2026-01-10", dbsExpiresOn: "2026-06-30", dbsRevokedAt: null };

describe("rule 8: the mentor's DBS on the slot's date", () => {
  it("is valid from the check date up to and including the expiry date", () => {
    expect(dbsValidOn(checked, "2026-01-09")).toBe(false);
    expect(dbsValidOn(checked, "2026-01-10")).toBe(true);
    expect(dbsValidOn(checked, "2026-06-30")).toBe(true);
    expect(dbsValidOn(checked, "2026-07-01")).toBe(false);
  });

  it("says why not, in agreement with dbsValidOn", () => {
    expect(dbsProblemOn(checked, "2026-03-01")).toBeNull();
    expect(dbsProblemOn(checked, "2026-07-01")).toBe("dbs_expired");
    expect(dbsProblemOn(checked, "2026-01-09")).toBe("dbs_missing");
    expect(dbsProblemOn({ dbsCheckedOn: null, dbsExpiresOn: null, dbsRevokedAt: null }, "2026-03-01")).toBe("dbs_missing");
    expect(dbsProblemOn({ ...checked, dbsRevokedAt: 1 }, "2026-03-01")).toBe("dbs_revoked");
    expect(dbsValidOn({ ...checked, dbsRevokedAt: 1 }, "2026-03-01")).toBe(false);
  });
});

describe("rule 8: who counts as under 18 and under 16 on the day", () => {
  it("names the ages once", () => {
    expect([DBS_REQUIRED_UNDER_AGE, MENTORING_GUARDIAN_AGE]).toEqual([18, 16]);
  });

  it("is a minor until the 18th birthday, and when the age is unknown", () => {
    expect(minorOn({ dateOfBirth: "2008-05-01" }, "2026-04-30")).toBe(true);
    expect(minorOn({ dateOfBirth: "2008-05-01" }, "2026-05-01")).toBe(false);
    expect(minorOn({ dateOfBirth: null }, "2026-05-01")).toBe(true);
  });

  it("needs a guardian until the 16th birthday", () => {
    expect(needsMentoringGuardian("2010-05-01", "2026-04-30")).toBe(true);
    expect(needsMentoringGuardian("2010-05-01", "2026-05-01")).toBe(false);
  });
});
