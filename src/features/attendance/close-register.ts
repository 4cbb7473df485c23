// "Close the register now": the host is done at the door, so the no-shows are recorded and the
// feedback invitations go out at once instead of waiting for the minute job's grace period.
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { auditEntry } from "../bookings/audit";
import { loadSession } from "../bookings/lookups";
import { requireHost } from "./access";
import { markNoShows } from "./no-shows";

export async function closeRegister(deps: Deps, actor: Actor, sessionId: string): Promise<{ noShows: number; invited: number }> {
  const { session, event } = await loadSession(deps, sessionId);
  requireHost(actor, event, "host_only_check_in");
  if (session.status === "cancelled") throw refuse("check_in_session_cancelled");
  const now = deps.clock.now();
  // Before the start nobody can be a no-show yet.
  if (now < session.startsAt) throw refuse("register_not_started", { when: { at: session.startsAt } });
  return markNoShows(deps, {
    sessionId,
    alongside: [auditEntry(deps.db, actor, "register.closed", { type: "session", id: sessionId }, now)],
  });
}
