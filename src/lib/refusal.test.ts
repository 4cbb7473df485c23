import { describe, expect, it } from "vitest";
import { PARTS } from "../i18n/parts";
import { problemTitlesEn, refusalsEn } from "../i18n/en/problems";
import { ProblemError, PROBLEMS } from "./problem";
import { field, REASON_CODES, refuse, Refusal, wordProblem } from "./refusal";

describe("a refusal is a reason and its facts, worded by the catalogue", () => {
  it("carries no sentence of its own: the English detail is the catalogue's line, filled", () => {
    const err = refuse("body_too_large", { bytes: 1024 });
    expect(err).toBeInstanceOf(Refusal);
    expect(err).toBeInstanceOf(ProblemError); // code written before refusals still catches it
    expect(err).toMatchObject({ reason: "body_too_large", facts: { bytes: 1024 }, code: "payload_too_large", status: 413, detail: "Send at most 1024 bytes." });
  });

  it("words the same refusal in each language, title, detail and field messages alike", () => {
    const err = refuse("idempotency_key_too_long", { max: 255 }, { fields: [field("Idempotency-Key", "too_long")] });
    expect(err.errors).toEqual([{ path: "Idempotency-Key", message: "too long" }]);
    expect(wordProblem(err, "en")).toEqual({ locale: "en", title: "Some details need fixing", detail: "Idempotency-Key must be at most 255 characters.", errors: [{ path: "Idempotency-Key", message: "too long" }] });
    expect(wordProblem(err, "pl")).toEqual({ locale: "pl", title: "Niektóre dane trzeba poprawić", detail: "Idempotency-Key może mieć najwyżej 255 znaków.", errors: [{ path: "Idempotency-Key", message: "za długie" }] });
    expect(wordProblem(err, "ar").detail).toBe("يجب ألا يزيد طول Idempotency-Key عن 255 حرفًا.");
  });

  it("passes zod's own field messages through, behind a worded sentence", () => {
    const err = refuse("validation_fields", { fields: "name, type" }, { errors: [{ path: "name", message: "Required" }] });
    expect(wordProblem(err, "uk")).toMatchObject({ detail: "Перевір, будь ласка: name, type.", errors: [{ path: "name", message: "Required" }] });
  });

  it("says moments and stored titles in the reader's language (London time, 24-hour)", () => {
    const err = refuse("ticket_for_other_session", { title: { en: "Robot club", pl: "Klub robotów" }, when: { at: Date.parse("2026-03-03T10:00:00Z") } });
    expect(err.detail).toBe('This ticket is for "Robot club" on Tuesday 3 March at 10:00, not this session.');
    const pl = wordProblem(err, "pl").detail;
    expect(pl).toMatch(/^Ten bilet jest na „Klub robotów” – .*3 marca o 10:00, nie na te zajęcia\.$/);
    // Summer time: 10:00 UTC is 11:00 in London.
    expect(wordProblem(refuse("check_in_not_open", { when: { at: Date.parse("2026-06-02T10:00:00Z") } }), "uk").detail).toContain("11:00");
  });

  it("keeps a ProblemError still written in English wholly English, title included", () => {
    const legacy = new ProblemError("not_found", "No such thing.");
    expect(wordProblem(legacy, "pl")).toEqual({ locale: "en", title: "Not found", detail: "No such thing." });
  });

  it("names an existing problem code for every reason, and a title for every code", () => {
    for (const [reason, code] of Object.entries(REASON_CODES)) expect(PROBLEMS, reason).toHaveProperty(code);
    expect(Object.keys(REASON_CODES).sort()).toEqual(Object.keys(refusalsEn).sort());
    expect(Object.keys(problemTitlesEn).sort()).toEqual(Object.keys(PROBLEMS).sort());
    for (const locale of ["pl", "ro", "uk", "ar"] as const) expect(Object.keys(PARTS[locale].problems.problemTitles ?? {}).sort(), locale).toEqual(Object.keys(PROBLEMS).sort());
  });

  it("refuses to compile a refusal whose facts do not match its sentence", () => {
    // Each line below is a type error; the test fails to type-check if one of them compiles.
    // @ts-expect-error a missing fact
    expect(() => refuse("body_too_large")).not.toThrow();
    // @ts-expect-error a misspelt fact
    expect(() => refuse("body_too_large", { byte: 1 })).not.toThrow();
    // @ts-expect-error an unknown reason
    expect(() => refuse("no_such_reason")).toThrow();
    // @ts-expect-error a field refusal missing its fact
    expect(() => field("x", "body_too_large")).not.toThrow();
  });
});
