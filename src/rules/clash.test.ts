import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { bookings } from "../db/schema";
import { createHarness, type Harness } from "../../test/support/harness";
import { holdOtherBooking, youngPerson } from "../../test/support/mentoring-fixtures";
import { clashExists } from "./clash";

let h: Harness;
let personId: string;
beforeAll(async () => {
  h = await createHarness();
  personId = (await youngPerson(h)).personId;
  await holdOtherBooking(h, personId, "2026-03-10T17:00:00Z", 60);
});
afterAll(() => h.close());

const free = async (who: string, from: string, to: string, exclude?: string) => {
  const rows = await h.db.all<{ ok: number }>(sql`SELECT NOT ${clashExists(who, Date.parse(from), Date.parse(to), { bookingId: exclude })} AS ok`);
  return rows[0]!.ok === 1;
};

describe("clashExists (rule 4, shared by events and mentoring)", () => {
  it("sees an overlap at either end and inside", async () => {
    expect(await free(personId, "2026-03-10T16:30:00Z", "2026-03-10T17:30:00Z")).toBe(false);
    expect(await free(personId, "2026-03-10T17:59:00Z", "2026-03-10T19:00:00Z")).toBe(false);
    expect(await free(personId, "2026-03-10T17:15:00Z", "2026-03-10T17:45:00Z")).toBe(false);
  });

  it("lets back-to-back times through", async () => {
    expect(await free(personId, "2026-03-10T16:00:00Z", "2026-03-10T17:00:00Z")).toBe(true);
    expect(await free(personId, "2026-03-10T18:00:00Z", "2026-03-10T19:00:00Z")).toBe(true);
  });

  it("ignores other people, cancelled or waitlisted bookings, and the booking being moved", async () => {
    const other = (await youngPerson(h)).personId;
    expect(await free(other, "2026-03-10T17:00:00Z", "2026-03-10T18:00:00Z")).toBe(true);
    const id = await holdOtherBooking(h, other, "2026-03-11T17:00:00Z");
    expect(await free(other, "2026-03-11T17:00:00Z", "2026-03-11T18:00:00Z", id)).toBe(true);
    await h.db.update(bookings).set({ status: "waitlisted" }).where(eq(bookings.id, id));
    expect(await free(other, "2026-03-11T17:00:00Z", "2026-03-11T18:00:00Z")).toBe(true);
    await h.db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, id));
    expect(await free(other, "2026-03-11T17:00:00Z", "2026-03-11T18:00:00Z")).toBe(true);
    await h.db.update(bookings).set({ status: "pending_consent" }).where(eq(bookings.id, id));
    expect(await free(other, "2026-03-11T17:00:00Z", "2026-03-11T18:00:00Z")).toBe(false);
  });
});

describe("what counts as live for clashes", () => {
  it("keeps a checked-in (attended) booking in the way, as it keeps its seat", async () => {
    const who = (await youngPerson(h)).personId;
    const id = await holdOtherBooking(h, who, "2026-03-12T17:00:00Z");
    await h.db.update(bookings).set({ status: "attended", checkedInAt: Date.parse("2026-03-12T16:55:00Z") }).where(eq(bookings.id, id));
    expect(await free(who, "2026-03-12T17:30:00Z", "2026-03-12T18:30:00Z")).toBe(false);
  });

  it("never counts a group booking against the staff member who booked it", async () => {
    const who = (await youngPerson(h)).personId;
    const id = await holdOtherBooking(h, who, "2026-03-13T17:00:00Z");
    await h.db.update(bookings).set({ kind: "group" }).where(eq(bookings.id, id));
    expect(await free(who, "2026-03-13T17:00:00Z", "2026-03-13T18:00:00Z")).toBe(true);
  });
});
