// Which events happen, taken from where the change already left its mark in the same db batch
// as the change itself (rule 9), so an event exists exactly when its change committed:
// - the email outbox: every confirmation, cancellation, group change and session change or
//   cancellation queues its email there in the change's own batch, with the booking's id;
// - bookings.checked_in_at: check-in sends no email, and stamps the booking in its batch;
// - a series booking's one email, which names every date's booking.
// `fanOutWebhookEvents` turns those into one webhook_deliveries row per subscribed endpoint,
// keyed by its source so running it again (or twice at once) queues nothing twice. No feature's
// verb has to know webhooks exist.
import { sql } from "drizzle-orm";
import { insertSelect } from "../../db/conditional";
import type { Db } from "../../db/client";
import { webhookDeliveries, type WebhookEventType } from "../../db/schema";
import type { TemplateName } from "../../../emails";
import { HOUR } from "../../lib/time";

/** The email templates that say a webhook event happened. */
export const EVENT_OF_TEMPLATE: Partial<Record<TemplateName, WebhookEventType>> = {
  booking_confirmed: "booking.confirmed",
  group_confirmed: "booking.confirmed",
  mentoring_confirmed: "booking.confirmed",
  booking_cancelled: "booking.cancelled",
  group_cancelled: "booking.cancelled",
  mentoring_cancelled: "booking.cancelled",
  group_changed: "group.changed",
  session_changed: "session.changed",
  session_cancelled: "session.cancelled",
};

/**
 * How far back each run looks. A change's batch takes its `now` before it commits, so a run
 * must look back further than any batch takes; the minute job makes a day generous. An
 * endpoint hears of events from its registration on, never of older ones.
 */
export const FAN_OUT_WINDOW_MS = 24 * HOUR;

/**
 * The organisations a booking belongs to, as SQL over `b` (bookings), `s` (sessions), `e`
 * (events), `sl` (mentoring slots) and `m` (mentors): the event's host, the school that
 * booked a group, the mentor's employer. Each hears about that booking and nothing else.
 */
const ownedBy = sql`w.organisation_id in (e.host_organisation_id, b.organisation_id, m.organisation_id)`;
const joins = sql`join bookings b on b.id = src.booking_id
  left join sessions s on s.id = b.session_id
  left join events e on e.id = s.event_id
  left join mentoring_slots sl on sl.id = b.slot_id
  left join mentors m on m.id = sl.mentor_id
  join webhook_endpoints w on w.disabled_at is null and ${ownedBy} and src.at >= w.created_at
    and exists (select 1 from json_each(w.events) j where j.value = src.type)`;

/**
 * The payload: the event's type and time and the booking's ids, status and numbers, nothing
 * about the people (names, emails, dates of birth stay behind the API, which checks who asks).
 */
const payload = sql`json_object(
  'type', src.type,
  'timestamp', strftime('%Y-%m-%dT%H:%M:%fZ', src.at / 1000.0, 'unixepoch'),
  'data', json_object(
    'bookingId', b.id, 'kind', b.kind, 'status', b.status,
    'sessionId', b.session_id, 'eventId', s.event_id, 'mentoringSlotId', b.slot_id,
    'organisationId', w.organisation_id,
    'seats', b.seats, 'pupils', b.pupils, 'staff', b.staff,
    'startsAt', strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(s.starts_at, sl.starts_at, b.starts_at) / 1000.0, 'unixepoch'),
    'endsAt', strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(s.ends_at, sl.ends_at, b.ends_at) / 1000.0, 'unixepoch'),
    'checkedInCount', b.checked_in_count))`;

function deliveriesFrom(db: Db, source: ReturnType<typeof sql>, now: number) {
  const idPrefix = `msg_${now.toString(32).padStart(9, "0")}`;
  return insertSelect(
    db,
    webhookDeliveries,
    {
      id: sql`${idPrefix} || lower(hex(randomblob(12)))`,
      endpointId: sql`w.id`,
      eventType: sql`src.type`,
      sourceKey: sql`src.key`,
      payload: sql`${payload}`,
      nextAttemptAt: now,
      createdAt: now,
    },
    sql`from (${source}) src ${joins}`,
  ).onConflictDoNothing();
}

/** Queues every event of the last FAN_OUT_WINDOW_MS for the endpoints that want it. Idempotent. */
export async function fanOutWebhookEvents(deps: { db: Db; clock: { now(): number } }): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now();
  const since = now - FAN_OUT_WINDOW_MS;
  // Skip both scans while no organisation has an endpoint (the common case).
  const [any] = await db.all<{ n: number }>(sql`select count(*) as n from webhook_endpoints where disabled_at is null`);
  if (!any || any.n === 0) return;
  // Template names are our own constants ([a-z_]), written inline: D1 binds 100 parameters at most.
  const cases = Object.entries(EVENT_OF_TEMPLATE).map(([t, e]) => `when '${t}' then '${e}'`).join(" ");
  const names = Object.keys(EVENT_OF_TEMPLATE).map((t) => `'${t}'`).join(", ");
  const fromOutbox = sql`select json_extract(o.payload, '$.bookingId') as booking_id, o.created_at as at,
      case o.template ${sql.raw(cases)} end as type,
      -- One event per change: a change that emails two people (a guardian too) is one event.
      o.template || ':' || json_extract(o.payload, '$.bookingId') || ':' || o.created_at as key
    from outbox o where o.created_at >= ${since} and o.template in (${sql.raw(names)})`;
  // A series booking sends one email for all its dates (series_booked), listing each date's
  // booking. A date is an event as a single booking's would be: booking.confirmed for each date
  // the series' own write confirmed. A date still as that write left it (updated_at is the
  // email's created_at) says how it went; one changed within the minute before this ran is
  // told by its own change's event instead (a cancellation, an offer taken).
  const fromSeries = sql`select sb.id as booking_id, o.created_at as at, 'booking.confirmed' as type,
      'series_booked:' || sb.id || ':' || o.created_at as key
    from outbox o
    join json_each(o.payload, '$.dates') d
    join bookings sb on sb.id = json_extract(d.value, '$.bookingId')
    where o.created_at >= ${since} and o.template = 'series_booked'
      and sb.status = 'confirmed' and sb.updated_at = o.created_at`;
  const fromCheckIns = sql`select cb.id as booking_id, cb.checked_in_at as at, 'booking.checked_in' as type,
      'checked_in:' || cb.id || ':' || cb.checked_in_at as key
    from bookings cb where cb.checked_in_at >= ${since}`;
  await db.batch([deliveriesFrom(db, fromOutbox, now), deliveriesFrom(db, fromSeries, now), deliveriesFrom(db, fromCheckIns, now)]);
}
