import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { outbox } from "../../db/schema";
import { createHarness, type Harness } from "../../../test/support/harness";
import { makeMentor, makeOrg, makeSlot, staffOf, youngPerson } from "../../../test/support/mentoring-fixtures";
import { sendReminders } from "../notifications/reminders";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

/** Reminders sent, counted per booking: the young person's and the mentor's copy go out together. */
const reminders = async () => (await h.db.select().from(outbox).where(eq(outbox.template, "reminder"))).length / 2;

describe("a rescheduled mentoring booking's reminder", () => {
  it("is sent again 2 h before the new time when the slot moves days later after the first went out", async () => {
    const org = await makeOrg(h);
    const staff = await staffOf(h, org);
    const slot = await makeSlot(h, await makeMentor(h, org), "2026-03-10T17:00:00Z");
    const yp = await youngPerson(h);
    expect((await h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: {} })).status).toBe(201);

    h.clock.set("2026-03-10T15:00:00Z");
    await sendReminders(h.deps);
    expect(await reminders()).toBe(1);

    const moved = await h.request("PATCH", `/api/v1/mentoring-slots/${slot}`, { token: staff.token, body: { startsAt: "2026-03-13T17:00:00Z", endsAt: "2026-03-13T18:00:00Z" } });
    expect(moved.status).toBe(200);
    h.clock.set("2026-03-13T14:59:00Z");
    await sendReminders(h.deps);
    expect(await reminders()).toBe(1);
    h.clock.set("2026-03-13T15:00:00Z");
    await sendReminders(h.deps);
    await sendReminders(h.deps);
    expect(await reminders()).toBe(2);
  });
});
