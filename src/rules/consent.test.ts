import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createHarness } from "../../test/support/harness";
import { CONSENT_HOLD_MS, consentAgeFor, consentHoldUntil, consentOpen, DEFAULT_CONSENT_AGE, needsConsent } from "./consent";

describe("rule 3: consent", () => {
  it("is needed under the consent age on the London day of the session, not after the birthday", () => {
    expect(DEFAULT_CONSENT_AGE).toBe(16);
    expect(needsConsent("2010-06-10", 16, Date.parse("2026-06-09T10:00:00Z"))).toBe(true);
    expect(needsConsent("2010-06-10", 16, Date.parse("2026-06-10T10:00:00Z"))).toBe(false);
    expect(consentAgeFor("2010-06-10", 16, Date.parse("2026-06-09T10:00:00Z"))).toBe(16);
    expect(consentAgeFor("2010-06-10", 16, Date.parse("2026-06-10T10:00:00Z"))).toBeNull();
    expect(consentAgeFor(null, 16, Date.parse("2026-06-10T10:00:00Z"))).toBeNull();
  });

  it("holds the seat 48 h, never past the start", async () => {
    expect(CONSENT_HOLD_MS).toBe(48 * 3600_000);
    const h = await createHarness();
    try {
      const now = Date.parse("2026-03-02T09:00:00Z");
      const [far] = await h.db.all<{ t: number }>(sql`select ${consentHoldUntil(now, now + 5 * CONSENT_HOLD_MS)} as t`);
      const [soon] = await h.db.all<{ t: number }>(sql`select ${consentHoldUntil(now, now + 3600_000)} as t`);
      expect(far!.t).toBe(now + CONSENT_HOLD_MS);
      expect(soon!.t).toBe(now + 3600_000);
    } finally {
      await h.close();
    }
  });

  it("takes an answer only while the booking is pending and its hold is open", () => {
    const now = 1_000;
    expect(consentOpen({ status: "pending_consent", holdExpiresAt: now + 1 }, now)).toBe(true);
    expect(consentOpen({ status: "pending_consent", holdExpiresAt: now }, now)).toBe(false);
    expect(consentOpen({ status: "confirmed", holdExpiresAt: null }, now)).toBe(false);
  });
});
