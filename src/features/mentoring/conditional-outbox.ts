import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { newId } from "../../lib/crypto";
import type { OutboxMessage } from "../notifications/outbox";

/**
 * Like `enqueue`, but the message is written only if `condition` holds when the statement
 * runs. Used after a guarded write in the same batch (condition: "the row carries this
 * write's `last_op`"), so a refused booking or cancellation sends nothing.
 */
export function enqueueIf(db: Db, message: OutboxMessage, now: number, condition: SQL) {
  return db.run(sql`INSERT INTO outbox (id, template, to_email, cc, locale, payload, status, attempts, next_attempt_at, created_at)
    SELECT ${newId("msg", now)}, ${message.template}, ${message.to}, ${message.cc ? JSON.stringify(message.cc) : null},
           ${message.locale ?? "en"}, ${JSON.stringify(message.payload)}, 'pending', 0, ${now}, ${now}
    WHERE ${condition}`);
}

/** "This batch's write reached the booking": true once a guarded write stamped it with `op`. */
export function bookingStampedBy(bookingId: string, op: string): SQL {
  return sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${bookingId} AND last_op = ${op})`;
}
