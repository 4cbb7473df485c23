// Which messages go first when the queue is long (after an outage, a busy morning): people
// are waiting on a sign-in link now, on a guardian's consent or a confirmation soon (a held
// seat lapses), and on the rest later.
import { sql } from "drizzle-orm";
import { outbox } from "../../db/schema";
import type { TemplateName } from "../../../emails";

/** 0 first. Every template is listed, so a new one needs a decision here to compile. */
export const PRIORITY: Record<TemplateName, 0 | 1 | 2> = {
  magic_link: 0,
  // Someone is waiting on each of these now (a parent at the sign-up's side, a new address).
  parent_confirmation: 0,
  email_change_confirm: 0,
  email_change_notice: 1,
  consent_request: 1,
  series_consent_request: 1,
  series_booked: 1,
  booking_confirmed: 1,
  booking_pending_consent: 1,
  group_confirmed: 1,
  mentoring_confirmed: 1,
  offer_made: 1,
  consent_refused: 2,
  booking_waitlisted: 2,
  offer_expired: 2,
  booking_cancelled: 2,
  session_changed: 2,
  session_cancelled: 2,
  group_changed: 2,
  group_cancelled: 2,
  reminder: 2,
  mentoring_cancelled: 2,
  feedback_invitation: 2,
  consent_decided: 2,
  carousel_timetable: 2,
  site_feedback_reply: 2,
};

/**
 * The priority as SQL, for ORDER BY. The names are our own constants ([a-z_]), written inline
 * rather than bound: D1 allows 100 bound parameters per query.
 */
export function priorityOf(): ReturnType<typeof sql> {
  const urgent = (level: number) =>
    Object.entries(PRIORITY)
      .filter(([, p]) => p === level)
      .map(([name]) => `'${name}'`)
      .join(", ");
  return sql`case when ${outbox.template} in (${sql.raw(urgent(0))}) then 0 when ${outbox.template} in (${sql.raw(urgent(1))}) then 1 else 2 end`;
}
