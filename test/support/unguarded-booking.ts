// THE CONTROL for the concurrency tests, never used by the app: the booking write as it
// would look without the capacity guard — read the counter, decide, then write. The tests
// run it under the same load as the real endpoint to show the guard is what prevents
// overbooking (a test that passes with or without the guard proves nothing).
import { serve } from "@hono/node-server";
import { eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import type { Db } from "../../src/db/client";
import { bookings, sessions } from "../../src/db/schema";
import { newId, newTicketCode } from "../../src/lib/crypto";

export async function bookWithoutCapacityGuard(db: Db, sessionId: string, personId: string, now: number) {
  const [s] = await db.select().from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  const status = s!.seatsTaken < s!.capacity ? "confirmed" : "waitlisted";
  const id = newId("bkg", now);
  await db.batch([
    db.insert(bookings).values({
      id,
      kind: "individual",
      sessionId,
      personId,
      status,
      startsAt: s!.startsAt,
      endsAt: s!.endsAt,
      ticketCode: newTicketCode(),
      queuedAt: status === "waitlisted" ? now : null,
      createdAt: now,
    }),
    db.update(sessions).set({ seatsTaken: sql`${sessions.seatsTaken} + ${status === "confirmed" ? 1 : 0}` }).where(eq(sessions.id, sessionId)),
  ]);
  return status;
}

/** Serves the control over HTTP on its own port, so it meets the same concurrency as the app. */
export async function serveUnguarded(db: Db, port: number) {
  const app = new Hono();
  app.get("/healthz", (c) => c.text("ok"));
  app.post("/unguarded/:sessionId/:personId", async (c) => {
    const status = await bookWithoutCapacityGuard(db, c.req.param("sessionId"), c.req.param("personId"), Date.now());
    return c.json({ status }, 201);
  });
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
