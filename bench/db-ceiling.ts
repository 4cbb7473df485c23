// The booking write with no HTTP in front: how fast the database itself can take bookings.
import type { Db } from "../src/db/client";

/** Placeholder until the booking service lands; replaced at merge with the real batch. */
export async function dbCeilingRps(_db: Db, _sessionId: string, _personIds: string[], _now: number): Promise<number> {
  return Number.NaN;
}
