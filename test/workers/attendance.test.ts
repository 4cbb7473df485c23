// Attendance on the real runtime: the QR and CSV libraries in workerd, and the no-show job's
// raw INSERT ... SELECT inside a D1 batch.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import decodeQR from "qr/decode.js";
import { eq } from "drizzle-orm";
import { d1Db } from "../../src/db/client";
import { authSessions, bookings, events, organisations, outbox, people, sessions, timebankEntries } from "../../src/db/schema";
import { newId, newSecret, newTicketCode, sha256Hex } from "../../src/lib/crypto";
import type { Deps } from "../../src/lib/deps";
import { HOUR, systemClock } from "../../src/lib/time";
import { markNoShows } from "../../src/features/attendance/no-shows";

const db = d1Db(env.DB);

async function coordinatorToken(): Promise<string> {
  const token = `od_s_${newSecret(32)}`;
  const email = "coordinator@opendoor.test";
  await db.insert(people).values({ id: newId("per"), email, displayName: "Coordinator" }).onConflictDoNothing();
  const [person] = await db.select().from(people).where(eq(people.email, email));
  await db.insert(authSessions).values({ id: newId("ses"), tokenHash: await sha256Hex(token), personId: person!.id, expiresAt: Date.now() + HOUR });
  return token;
}

async function sessionWithBooking(startsAt: number, status: "confirmed" | "attended" = "confirmed") {
  const org = newId("org");
  await db.insert(organisations).values({ id: org, type: "employer", name: "Host" });
  const eventId = newId("evt");
  await db.insert(events).values({ id: eventId, type: "career_taster", title: { en: "Taster" }, description: { en: "" }, hostOrganisationId: org });
  const sessionId = newId("ses");
  await db.insert(sessions).values({ id: sessionId, eventId, startsAt, endsAt: startsAt + 2 * HOUR, capacity: 10 });
  const personId = newId("per");
  await db.insert(people).values({ id: personId, email: `${personId}@young.test`, displayName: "Zoë Young", isYoungPerson: true });
  const [booking] = await db
    .insert(bookings)
    .values({ id: newId("bkg"), kind: "individual", sessionId, personId, status, startsAt, endsAt: startsAt + 2 * HOUR, ticketCode: newTicketCode() })
    .returning();
  return { sessionId, booking: booking! };
}

/** Paints the SVG's dark modules into a bitmap and decodes it, as in the Node tests. */
function decodeSvg(svg: string): string {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const s = 6;
  const W = size * s;
  const data = new Uint8ClampedArray(W * W * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="1" height="1"/g))
    for (let dy = 0; dy < s; dy++)
      for (let dx = 0; dx < s; dx++) data.fill(0, ((Number(y) * s + dy) * W + Number(x) * s + dx) * 4, ((Number(y) * s + dy) * W + Number(x) * s + dx) * 4 + 3);
  return decodeQR({ width: W, height: W, data });
}

describe("attendance on the Worker with D1", () => {
  it("serves a ticket SVG that decodes to the ticket code, checks it in, and writes the register CSV", async () => {
    const token = await coordinatorToken();
    const { sessionId, booking } = await sessionWithBooking(Date.now() - 30 * 60_000);
    const auth = { authorization: `Bearer ${token}` };

    const ticket = await SELF.fetch(`https://opendoor.test/api/v1/bookings/${booking.id}/ticket.svg`, { headers: auth });
    expect(ticket.status).toBe(200);
    expect(decodeSvg(await ticket.text())).toBe(booking.ticketCode);

    const checkIn = await SELF.fetch(`https://opendoor.test/api/v1/sessions/${sessionId}/check-ins`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ ticketCode: booking.ticketCode }),
    });
    expect(checkIn.status).toBe(201);
    // Rule 18 on D1: the credit's INSERT … SELECT … ON CONFLICT runs in the check-in's batch, once.
    const again = await SELF.fetch(`https://opendoor.test/api/v1/sessions/${sessionId}/check-ins`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ ticketCode: booking.ticketCode }),
    });
    expect(again.status).toBe(200);
    const credits = await db.select().from(timebankEntries).where(eq(timebankEntries.bookingId, booking.id));
    expect(credits.map((e) => [e.kind, e.minutes])).toEqual([["attendance", 120]]);

    const report = await SELF.fetch(`https://opendoor.test/api/v1/sessions/${sessionId}/report.csv`, { headers: auth });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain("Zoë,individual,,,1,1,attended,");
  });

  it("runs the no-show job on D1: one invitation per attendee, even when run twice", async () => {
    const { booking } = await sessionWithBooking(Date.now() - 5 * HOUR, "attended");
    // The invitation links to the feedback page, so the job needs the public address (issue #14).
    const deps = { db, clock: systemClock, config: { publicUrl: "https://opendoor.test" } } as unknown as Deps;
    await markNoShows(deps);
    await markNoShows(deps);
    const messages = await db.select().from(outbox).where(eq(outbox.template, "feedback_invitation"));
    expect(messages.filter((m) => (m.payload as { bookingId?: string }).bookingId === booking.id)).toHaveLength(1);
  });
});
