import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { bookings, outbox, people } from "../../db/schema";
import { SCHEDULED_JOBS } from "../../jobs";
import { HOUR } from "../../lib/time";
import { createHarness, type Harness } from "../../../test/support/harness";
import { seedBooking, seedWorld } from "../../../test/support/attendance-fixtures";
import { enqueue } from "../notifications/outbox";
import { markNoShows } from "./no-shows";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());
beforeEach(() => h.clock.set("2026-03-02T09:00:00Z"));

const status = async (id: string) => (await h.db.select({ s: bookings.status }).from(bookings).where(eq(bookings.id, id)))[0]!.s;
const invitationsFor = (ids: string[]) =>
  h.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.template, "feedback_invitation"), inArray(sql`json_extract(${outbox.payload}, '$.bookingId')`, ids)));

/** A session (10:00–12:00) where Amy came and Ben did not; the group came. */
async function finishedSession(prefix: string) {
  const w = await seedWorld(h, prefix);
  const at = w.session.startsAt;
  await h.db.update(bookings).set({ status: "attended", checkedInAt: at, checkedInCount: 1 }).where(eq(bookings.id, w.amyBooking.id));
  await h.db.update(bookings).set({ status: "attended", checkedInAt: at, checkedInCount: 12 }).where(eq(bookings.id, w.groupBooking.id));
  return w;
}

describe("marking no-shows after a session", () => {
  it("does nothing until the session has ended plus the 2-hour grace period", async () => {
    const w = await finishedSession("ns1");
    h.clock.set(w.session.endsAt + 2 * HOUR - 1);
    await markNoShows(h.deps);
    expect(await status(w.benBooking.id)).toBe("confirmed");
    expect(await invitationsFor([w.amyBooking.id])).toHaveLength(0);
  });

  it("then marks confirmed bookings nobody checked in as no_show, and leaves the others", async () => {
    const w = await finishedSession("ns2");
    const cancelled = await seedBooking(h, w.session, { personId: w.amy.id, kind: "group", organisationId: w.school, pupils: 3, staff: 1, status: "cancelled" });
    const waiting = await seedBooking(h, w.session, { personId: w.amy.id, kind: "group", organisationId: w.school, pupils: 3, staff: 1, status: "waitlisted" });
    h.clock.set(w.session.endsAt + 2 * HOUR);
    await markNoShows(h.deps);
    expect(await status(w.benBooking.id)).toBe("no_show");
    expect(await status(w.amyBooking.id)).toBe("attended");
    expect(await status(cancelled.id)).toBe("cancelled");
    expect(await status(waiting.id)).toBe("waitlisted");
  });

  it("invites everyone who came to give feedback, to the booker's address, and nobody who did not", async () => {
    const w = await finishedSession("ns3");
    await h.db.update(people).set({ locale: "pl" }).where(eq(people.id, w.amy.id));
    h.clock.set(w.session.endsAt + 3 * HOUR);
    await markNoShows(h.deps);
    const invites = await invitationsFor([w.amyBooking.id, w.benBooking.id, w.groupBooking.id]);
    // Each carries its own feedback link (issue #14), checked in test/feedback-page.test.ts.
    const link = (id: string) => expect.stringMatching(new RegExp(`^https://opendoor\\.test/bookings/${id}/feedback\\?t=[A-Za-z0-9_-]{20,}$`));
    expect(invites.map((m) => [m.toEmail, m.locale, m.payload]).sort()).toEqual(
      [
        ["ns3-amy@young.test", "pl", { bookingId: w.amyBooking.id, feedbackUrl: link(w.amyBooking.id) }],
        ["ns3-teacher@school.test", "en", { bookingId: w.groupBooking.id, feedbackUrl: link(w.groupBooking.id) }],
      ].sort(),
    );
    expect(invites.every((m) => m.status === "pending")).toBe(true);
  });

  it("is idempotent: a second run changes nothing and sends no second invitation", async () => {
    const w = await finishedSession("ns4");
    h.clock.set(w.session.endsAt + 3 * HOUR);
    await markNoShows(h.deps);
    h.clock.advance(60_000);
    await markNoShows(h.deps);
    expect(await invitationsFor([w.amyBooking.id, w.groupBooking.id])).toHaveLength(2);
  });

  it("sends exactly one invitation per attendee when five runs race", async () => {
    const w = await finishedSession("ns5");
    h.clock.set(w.session.endsAt + 3 * HOUR);
    const runs = await Promise.all(Array.from({ length: 5 }, () => markNoShows(h.deps)));
    expect(await invitationsFor([w.amyBooking.id, w.groupBooking.id])).toHaveLength(2);
    expect(runs.reduce((n, r) => n + r.invited, 0)).toBeGreaterThanOrEqual(2);
  });

  it("control: the same race without the feedback_invited_at guard sends duplicates", async () => {
    const w = await finishedSession("ns5c");
    h.clock.set(w.session.endsAt + 3 * HOUR);
    // What a naive job would do: read who is due, then write a message for each.
    const naive = async () => {
      const due = await h.db.select().from(bookings).where(eq(bookings.id, w.amyBooking.id));
      await h.db.batch([enqueue(h.db, { template: "feedback_invitation", to: "x@y.test", payload: { bookingId: due[0]!.id } }, h.clock.now())]);
    };
    await Promise.all([naive(), naive()]);
    expect(await invitationsFor([w.amyBooking.id])).toHaveLength(2);
  });

  it("invites someone a host checked in late (after being marked no_show) on the next run", async () => {
    const w = await finishedSession("ns6");
    h.clock.set(w.session.endsAt + 3 * HOUR);
    await markNoShows(h.deps);
    expect(await invitationsFor([w.benBooking.id])).toHaveLength(0);
    await h.db.update(bookings).set({ status: "attended", checkedInAt: h.clock.now() }).where(eq(bookings.id, w.benBooking.id));
    await markNoShows(h.deps);
    expect(await invitationsFor([w.benBooking.id])).toHaveLength(1);
  });

  it("does not email someone who has erased their data, and does not try again", async () => {
    const w = await finishedSession("ns7");
    await h.db.update(people).set({ erasedAt: h.clock.now() }).where(eq(people.id, w.amy.id));
    h.clock.set(w.session.endsAt + 3 * HOUR);
    await markNoShows(h.deps);
    await markNoShows(h.deps);
    expect(await invitationsFor([w.amyBooking.id])).toHaveLength(0);
    const [row] = await h.db.select().from(bookings).where(eq(bookings.id, w.amyBooking.id));
    expect(row!.feedbackInvitedAt).not.toBeNull();
  });

  it("leaves mentoring bookings alone: there is no door to check in at", async () => {
    const w = await seedWorld(h, "ns8");
    await h.db.update(bookings).set({ kind: "mentoring", sessionId: null }).where(eq(bookings.id, w.benBooking.id));
    h.clock.set(w.session.endsAt + 3 * HOUR);
    await markNoShows(h.deps);
    expect(await status(w.benBooking.id)).toBe("confirmed");
  });

  it("runs in the scheduled jobs before the outbox, so invitations go out in the same tick", () => {
    const names = SCHEDULED_JOBS.map((j) => j.name);
    expect(names.indexOf("no-shows")).toBeGreaterThanOrEqual(0);
    expect(names.indexOf("no-shows")).toBeLessThan(names.indexOf("outbox"));
  });
});
