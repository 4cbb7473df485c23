// Rule 9: "Emails are in the recipient's language, with a plain-text part." The templates are
// tested one by one (src/features/notifications/render.test.ts); this follows a booking made over HTTP all the
// way to what the provider receives, for two people who speak different languages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { people } from "../../src/db/schema";
import { dispatchOutbox } from "../../src/features/notifications/outbox";
import { resendMailer } from "../../src/features/notifications/mailer";
import { session, youngPeopleWithTokens } from "../support/fixtures";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;
let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend();
  h = await createHarness({ mailer: () => resendMailer("re_test_key", fake.url, { timeoutMs: 1000 }) });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("a booking confirmation as the provider receives it", () => {
  it("is in each recipient's own language, with a plain-text part that carries the same facts", async () => {
    const s = await session(h.db, h.clock.now(), { title: "Plumbing taster" });
    const [english, polish] = await youngPeopleWithTokens(h.db, h.clock.now(), 2);
    await h.db.update(people).set({ locale: "pl" }).where(eq(people.id, polish!.id));
    for (const yp of [english!, polish!]) expect((await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: {} })).status).toBe(201);
    while ((await dispatchOutbox(h.deps, { limit: 100 })).sent > 0);

    const to = (email: string) => fake.delivered.find((d) => d.body.to.includes(email))!.body;
    const en = to(english!.email);
    const pl = to(polish!.email);
    for (const mail of [en, pl]) {
      expect(mail.html).toMatch(/<[a-z]/i);
      expect(mail.text.trim().length).toBeGreaterThan(50);
      expect(mail.text).not.toMatch(/<\/?[a-z][^>]*>/i);
      expect(mail.text).toContain("Plumbing taster");
    }
    // Same message, same facts, different words: the Polish one is not English with a new subject.
    expect(pl.subject).not.toBe(en.subject);
    const words = (t: string) => new Set(t.toLowerCase().match(/\p{L}{4,}/gu));
    const enWords = words(en.text);
    const shared = [...words(pl.text)].filter((w) => enWords.has(w));
    expect(shared.length / enWords.size).toBeLessThan(0.5);
  });
});
