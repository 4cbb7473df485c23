// Booking refusals are codes with facts, worded by the catalogue in the caller's language
// (issue #13 item 4): English exactly as before, Polish for a caller whose saved language is
// Polish (it wins over Accept-Language; an anonymous caller's Accept-Language is tested in
// test/problem-language.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { people } from "../../db/schema";
import { createHarness, problem, type Harness } from "../../../test/support/harness";
import { session, youngPeopleWithTokens } from "../../../test/support/fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function fullSessionWithoutWaitlist() {
  const s = await session(h.db, h.clock.now(), { capacity: 1, event: { waitlistEnabled: false } });
  const [first] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
  expect((await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: first!.token, body: {} })).status).toBe(201);
  return s;
}

describe("a full session without a waiting list", () => {
  it("is refused in Polish for a signed-in person whose saved language is Polish", async () => {
    const s = await fullSessionWithoutWaitlist();
    const [late] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
    await h.db.update(people).set({ locale: "pl" }).where(eq(people.id, late!.id));
    const res = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: late!.token, body: {}, headers: { "accept-language": "en" } });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-language")).toBe("pl");
    expect(await problem(res)).toMatchObject({
      type: "https://opendoor.example/problems/session-full",
      title: "Te zajęcia są pełne",
      detail: "Niestety te zajęcia są pełne i nie mają listy oczekujących. Sprawdź inne terminy.",
    });
  });

  it("keeps today's English for everyone else", async () => {
    const s = await fullSessionWithoutWaitlist();
    const [late] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
    const res = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: late!.token, body: {} });
    expect(await problem(res)).toMatchObject({ title: "This session is full", detail: "Sorry, this session is full and it doesn't have a waiting list. Have a look at other dates." });
  });
});

describe("an age refusal carries its facts into every language", () => {
  it("says the age on the day and the range, in Polish and in English", async () => {
    const s = await session(h.db, h.clock.now(), { event: { minAge: 18, maxAge: 25 } });
    const [young] = await youngPeopleWithTokens(h.db, h.clock.now(), 1, { dateOfBirth: "2012-01-01" });
    await h.db.update(people).set({ locale: "pl" }).where(eq(people.id, young!.id));
    const pl = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: young!.token, body: {} });
    expect(pl.status).toBe(422);
    expect((await problem(pl)).detail).toBe("Te zajęcia są dla osób w wieku od 18 do 25 lat. W dniu zajęć będziesz mieć 14 lat.");
    await h.db.update(people).set({ locale: "en" }).where(eq(people.id, young!.id));
    const en = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: young!.token, body: {} });
    expect((await problem(en)).detail).toBe("This session is for ages 18 to 25. On the day of the session you will be 14.");
  });
});
