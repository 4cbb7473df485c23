// The API's refusals in the caller's language (issue #13 item 4): the signed-in person's saved
// language, else Accept-Language, else English. The shape and `type` URIs do not change.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "../src/db/schema";
import { createHarness, problem, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("refusals come out in the caller's language", () => {
  it("answers in English, as before, when the caller says nothing", async () => {
    const res = await h.request("GET", "/api/v1/no-such-thing");
    expect(res.headers.get("content-language")).toBe("en");
    expect(await problem(res)).toEqual({
      type: "https://opendoor.example/problems/not-found",
      title: "Not found",
      status: 404,
      detail: "There is nothing at /api/v1/no-such-thing.",
      instance: "/api/v1/no-such-thing",
    });
  });

  it("follows Accept-Language, and changes only title and detail", async () => {
    const res = await h.request("GET", "/api/v1/no-such-thing", { headers: { "accept-language": "de, pl;q=0.8, en;q=0.5" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-language")).toBe("pl");
    expect(res.headers.get("vary")).toMatch(/accept-language/i);
    expect(await problem(res)).toEqual({
      type: "https://opendoor.example/problems/not-found",
      title: "Nie znaleziono",
      status: 404,
      detail: "Pod adresem /api/v1/no-such-thing nic nie ma.",
      instance: "/api/v1/no-such-thing",
    });
  });

  it("follows a signed-in person's saved language over Accept-Language", async () => {
    const token = await h.tokenFor("ola@example.test");
    await h.db.update(people).set({ locale: "pl" }).where(eq(people.email, "ola@example.test"));
    const res = await h.request("GET", "/api/v1/audit-log", { token, headers: { "accept-language": "en" } });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-language")).toBe("pl");
    const body = await problem(res);
    expect(body).toMatchObject({ type: "https://opendoor.example/problems/forbidden", title: "Nie możesz tego zrobić", detail: "Tylko koordynatorzy programu mogą to zrobić." });
  });

  it("words the sentence around zod's field messages, which stay as zod wrote them", async () => {
    const en = await problem(await h.request("POST", "/api/v1/auth/magic-links", { body: { email: "nope" } }));
    const uk = await problem(await h.request("POST", "/api/v1/auth/magic-links", { body: { email: "nope" }, headers: { "accept-language": "uk" } }));
    expect(en.detail).toBe("Please check email.");
    expect(uk.detail).toBe("Перевір, будь ласка: email.");
    expect(uk.title).toBe("Деякі дані треба виправити");
    expect(uk.errors).toEqual(en.errors);
  });

  it("words a refusal on the booking route for a caller not signed in, by Accept-Language", async () => {
    // Signed in, the saved language decides (src/features/bookings/refusal-language.test.ts).
    const res = await h.request("POST", "/api/v1/sessions/ses_none/bookings", { body: {}, headers: { "accept-language": "pl" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-language")).toBe("pl");
    expect(await problem(res)).toMatchObject({ title: "Zaloguj się", detail: "Zaloguj się, aby to zrobić." });
  });

  it("words field refusals too", async () => {
    const res = await h.request("POST", "/api/v1/auth/magic-links", {
      body: { email: "someone@example.test" },
      headers: { "idempotency-key": "k".repeat(256), "accept-language": "ar" },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-language")).toBe("ar");
    const body = await problem(res);
    expect(body.errors).toEqual([{ path: "Idempotency-Key", message: "طويل جدًا" }]);
  });
});
