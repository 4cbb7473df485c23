// THE CONTROL for the carousel race test, never used by the app: a carousel group booking as
// it would look without the capacity guard in SQL — read the seats taken, decide, then insert.
import { serve } from "@hono/node-server";
import { and, eq, inArray, sql } from "drizzle-orm";
import { Hono } from "hono";
import type { Db } from "../../src/db/client";
import { carouselGroups, carouselStations } from "../../src/db/schema";
import { newId } from "../../src/lib/crypto";

export async function bookCarouselGroupWithoutGuard(db: Db, carouselId: string, schoolId: string, pupils: number, staff: number, now: number) {
  const [{ taken }] = (await db
    .select({ taken: sql<number>`coalesce(sum(${carouselGroups.seats}), 0)` })
    .from(carouselGroups)
    .where(and(eq(carouselGroups.carouselId, carouselId), inArray(carouselGroups.status, ["confirmed", "attended"])))) as [{ taken: number }];
  const [{ capacity }] = (await db
    .select({ capacity: sql<number>`coalesce(sum(${carouselStations.capacity}), 0)` })
    .from(carouselStations)
    .where(eq(carouselStations.carouselId, carouselId))) as [{ capacity: number }];
  if (Number(taken) + pupils + staff > Number(capacity)) return "full";
  await db.insert(carouselGroups).values({
    id: newId("cgr", now),
    carouselId,
    schoolId,
    label: "control",
    pupils,
    staff,
    seats: pupils + staff,
    minAge: 13,
    maxAge: 14,
    createdAt: now,
    updatedAt: now,
  });
  return "confirmed";
}

/** Serves the control over HTTP on its own port, so it meets the same concurrency as the app. */
export async function serveUnguardedCarousel(db: Db, port: number) {
  const app = new Hono();
  app.get("/healthz", (c) => c.text("ok"));
  app.post("/unguarded/:carouselId/:schoolId/:pupils", async (c) => {
    const status = await bookCarouselGroupWithoutGuard(db, c.req.param("carouselId"), c.req.param("schoolId"), Number(c.req.param("pupils")), 1, Date.now());
    return c.json({ status }, status === "confirmed" ? 201 : 409);
  });
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
