// The honest ceiling (issue #19): the smallest write a booking can be, through the same
// driver and on the same file settings as the app (src/db/libsql-local.ts: one connection,
// statements compiled once). A seat counter that only moves while a seat is free, and the
// booking row written only if it moved, in one atomic batch. No HTTP, no auth, no
// eligibility, no outbox: nothing the app does can be faster than this.
//
// `raw_booking_rps` is the ceiling: one batch after another, so each has a COMMIT to
// itself. `raw_grouped_rps` is the same batch 16 at a time (as many as the HTTP load keeps in
// flight), so the driver's group commit (src/db/group-commit.ts) shares COMMITs between them
// as it does for the app: the ceiling for the app's grouped writes.
import type { Client } from "@libsql/client";
import { inFlight } from "./in-flight";

export async function rawBookingRps(client: Client, sessionId: string, personIds: string[], inFlightBatches = 1): Promise<number> {
  const started = performance.now();
  await inFlight(personIds.length, inFlightBatches, async (n) => {
    const now = Date.now();
    await client.batch(
      [
        { sql: "update sessions set seats_taken = seats_taken + 1 where id = ? and seats_taken < capacity", args: [sessionId] },
        {
          sql: `insert into bookings (id, kind, session_id, person_id, seats, status, starts_at, ends_at, ticket_code, created_at, updated_at)
                select ?, 'individual', s.id, ?, 1, 'confirmed', s.starts_at, s.ends_at, ?, ?, ? from sessions s where s.id = ? and changes() = 1`,
          args: [`bkg_raw_${sessionId}_${n}`, personIds[n]!, `RAW-${sessionId}-${n}`, now, now, sessionId],
        },
      ],
      "write",
    );
  });
  return personIds.length / ((performance.now() - started) / 1000);
}
