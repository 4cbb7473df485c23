// service_rps: the booking with no HTTP in front, the same service call the route makes (its
// reads, its one write batch with the seat guard, the waitlist branch and the outbox rows),
// straight against the libSQL file in this process. Its ratio to raw_booking_rps (bench/raw.ts)
// is what the booking code itself costs; booking_vs_raw adds HTTP, auth and validation.
import { eq } from "drizzle-orm";
import type { Db } from "../src/db/client";
import { people } from "../src/db/schema";
import { testConfig } from "../src/lib/config";
import type { Deps } from "../src/lib/deps";
import type { Actor } from "../src/lib/env";
import { systemClock } from "../src/lib/time";
import { devMailboxMailer } from "../src/features/notifications/mailer";
import { bookSession } from "../src/features/bookings/book";
import { inFlight } from "./in-flight";

export async function serviceRps(db: Db, sessionId: string, personIds: string[], concurrency = 16): Promise<number> {
  const deps: Deps = { db, clock: systemClock, config: testConfig(), mailer: devMailboxMailer(db) };
  const actors: Actor[] = [];
  for (const id of personIds) {
    const [person] = await db.select().from(people).where(eq(people.id, id)).limit(1);
    actors.push({ kind: "person", person: person!, isCoordinator: false, organisationIds: [], authSessionId: `ses_${id}` });
  }
  const started = performance.now();
  await inFlight(actors.length, concurrency, async (i) => {
    await bookSession(deps, actors[i]!, sessionId, {});
  });
  return actors.length / ((performance.now() - started) / 1000);
}
