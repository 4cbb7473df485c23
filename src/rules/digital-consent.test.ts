import { describe, expect, it } from "vitest";
import { DIGITAL_CONSENT_AGE, needsParentalConfirmation } from "./digital-consent";

describe("the age of digital consent", () => {
  const now = Date.parse("2026-03-02T09:00:00Z");
  it("is 13", () => expect(DIGITAL_CONSENT_AGE).toBe(13));
  it("asks a parent for a 12-year-old, whose 13th birthday is tomorrow (London calendar)", () => {
    expect(needsParentalConfirmation("2013-03-03", now)).toBe(true);
  });
  it("does not ask on the 13th birthday itself", () => {
    expect(needsParentalConfirmation("2013-03-02", now)).toBe(false);
  });
  it("reads the day in London: 00:30 BST on the birthday is already the birthday", () => {
    // 23:30 UTC on 31 May is 00:30 on 1 June in London.
    expect(needsParentalConfirmation("2013-06-01", Date.parse("2026-05-31T23:30:00Z"))).toBe(false);
  });
});
