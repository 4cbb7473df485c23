import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { bookings, sessions } from "../db/schema";
import { newId } from "../lib/crypto";
import { DAY, HOUR } from "../lib/time";
import { createHarness, type Harness } from "../../test/support/harness";
import { session, youngPeopleWithTokens } from "../../test/support/fixtures";
import { OFFER_CUTOFF_MS, OFFER_HOLD_MS, offerSeatsStatements } from "./waiting-list";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** A full session (seats_taken = capacity, no booking rows: the counter is what the offer reads) with `waiting` people queued. */
async function queue(capacity: number, waiting: number, startsIn: number) {
  const now = h.clock.now();
  const s = await session(h.db, now, { capacity, startsIn });
  const people = await youngPeopleWithTokens(h.db, now, waiting);
  // Queued in the reverse of creation order, so FIFO has to read queued_at, not the id.
  for (const [i, p] of people.entries()) {
    await h.db.insert(bookings).values({
      id: newId("bkg"),
      kind: "individual",
      sessionId: s.id,
      personId: p.id,
      status: "waitlisted",
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      ticketCode: newId("tkt"),
      queuedAt: now - i * 1000,
      createdAt: now,
      updatedAt: now,
    });
  }
  return s;
}

const offer = (sessionId: string) => h.db.batch([...offerSeatsStatements(h.db, { sessionId, opId: newId("op"), now: h.clock.now() })]);
const waitingLine = (sessionId: string) => h.db.select().from(bookings).where(eq(bookings.sessionId, sessionId)).orderBy(asc(bookings.queuedAt));

describe("rule 5: offers from the waiting list", () => {
  it("offers exactly the free seats, first in line first, and counts them as held", async () => {
    const s = await queue(3, 4, 7 * DAY);
    await h.db.update(sessions).set({ seatsTaken: 1 }).where(eq(sessions.id, s.id));
    await offer(s.id);
    const line = await waitingLine(s.id);
    expect(line.map((b) => b.status)).toEqual(["offered", "offered", "waitlisted", "waitlisted"]);
    const [after] = await h.db.select().from(sessions).where(eq(sessions.id, s.id));
    expect(after!.seatsTaken).toBe(3);
    // A second run finds no free seat and offers nothing more.
    await offer(s.id);
    expect((await waitingLine(s.id)).filter((b) => b.status === "offered")).toHaveLength(2);
  });

  it("holds an offer 24 h, but never later than 2 h before the start", async () => {
    const now = h.clock.now();
    const far = await queue(1, 1, 7 * DAY);
    const near = await queue(1, 1, 10 * HOUR);
    for (const s of [far, near]) await h.db.update(sessions).set({ seatsTaken: 0 }).where(eq(sessions.id, s.id));
    await offer(far.id);
    await offer(near.id);
    expect((await waitingLine(far.id))[0]!.holdExpiresAt).toBe(now + OFFER_HOLD_MS);
    expect((await waitingLine(near.id))[0]!.holdExpiresAt).toBe(near.startsAt - OFFER_CUTOFF_MS);
  });

  it("offers nothing once the start is less than 2 h away", async () => {
    const s = await queue(1, 1, OFFER_CUTOFF_MS - 60_000);
    await h.db.update(sessions).set({ seatsTaken: 0 }).where(eq(sessions.id, s.id));
    await offer(s.id);
    expect((await waitingLine(s.id))[0]!.status).toBe("waitlisted");
  });
});
