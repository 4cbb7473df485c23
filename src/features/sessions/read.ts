// Reading one session, as the API and the pages show it.
import { eq } from "drizzle-orm";
import { events, sessions, venues } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import { ProblemError } from "../../lib/problem";

/** A session with what someone deciding whether to go needs: the event and the venue's access facts. */
export async function getSessionDetail(deps: Deps, id: string) {
  const [row] = await deps.db
    .select({ session: sessions, venue: venues, event: events })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(venues, eq(venues.id, sessions.venueId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) throw new ProblemError("not_found", "There is no session with that id.");
  return row;
}
