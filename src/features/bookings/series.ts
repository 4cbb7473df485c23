// Booking every date of an event in one step (issue #14 item 6): each date keeps every rule of
// a single booking (capacity and the waiting list, clashes, the age range on that day, consent),
// and the person gets the outcome per date on the page and in ONE email with one invite per date.
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { insertSelect } from "../../db/conditional";
import { bookings, events, outbox, sessions } from "../../db/schema";
import { newId, newSecret, newTicketCode, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { field, refuse } from "../../lib/refusal";
import { findClash } from "../../rules/clash";
import { guardianAllowanceLeft, guardianEmailIsAChilds, needsConsent as underConsentAge, sameEmail } from "../../rules/consent";
import { ineligibility } from "../../rules/eligibility";
import { messageIdPrefix } from "../notifications/outbox";
import { auditEntry } from "./audit";
import { bookingPerson, boundBookingWrite, consentUrl, notEligible, type BookInput } from "./book";
import { isDuplicateBooking, positionOf } from "./lookups";

/** At most this many dates are booked in one step: half a year of a weekly series, and one bounded batch. */
export const SERIES_MAX_DATES = 26;

export const SERIES_OUTCOMES = ["booked", "pending_consent", "waitlisted", "clash", "ineligible", "already_booked", "past", "cancelled", "full", "guardian_limit"] as const;
export type SeriesOutcome = (typeof SERIES_OUTCOMES)[number];

export interface SeriesDate {
  sessionId: string;
  startsAt: number;
  endsAt: number;
  outcome: SeriesOutcome;
  bookingId?: string;
  /** Waiting list only: the place in line (1 = next). */
  position?: number;
  /** Clash only: the other booking's title (English, as single bookings say it). */
  clashingTitle?: string;
  /** Ineligible only: the age range and the person's age on that day. */
  minAge?: number;
  maxAge?: number;
  age?: number;
}

export interface SeriesResult {
  eventId: string;
  title: typeof events.$inferSelect.title;
  personId: string;
  dates: SeriesDate[];
}

/** What the series email's payload keeps per date (the booking's own row says the rest when it is sent). */
export interface SeriesPayloadDate {
  sessionId: string;
  /** Set for a date this write tried to book; the email reads the booking, or says why there is none. */
  bookingId?: string;
  /** Decided before the write (past, already booked, ineligible, cancelled). */
  outcome?: SeriesOutcome;
  /** For the guardian's email only: this date's own consent link. */
  consentUrl?: string;
}

/** The event's dates to report: the upcoming ones (at most SERIES_MAX_DATES) and the series' past ones. */
async function seriesSessions(deps: Deps, eventId: string, now: number) {
  const rows = await deps.db.select().from(sessions).where(eq(sessions.eventId, eventId)).orderBy(asc(sessions.startsAt)).limit(200);
  const past = rows.filter((s) => s.startsAt <= now).slice(-SERIES_MAX_DATES);
  const upcoming = rows.filter((s) => s.startsAt > now).slice(0, SERIES_MAX_DATES);
  return [...past, ...upcoming];
}

/** The event and the dates a series booking made now would try (the website's form shows them), or null for no such event. */
export async function datesToBook(deps: Deps, eventId: string) {
  const [event] = await deps.db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!event) return null;
  const now = deps.clock.now();
  const dates = (await seriesSessions(deps, eventId, now)).filter((s) => s.startsAt > now && s.status === "scheduled");
  return { event, dates };
}

/**
 * Books every upcoming date of an event for one young person. Dates already past, already
 * booked, called off or outside the person's age range on that day are reported, not refused;
 * the rest are written in ONE batch (below). Refuses the whole request only for what a single
 * booking refuses before any write: not a young person, someone else's booking, a missing or
 * childish guardian address.
 */
export async function bookSeries(deps: Deps, actor: Actor, eventId: string, input: BookInput, retried = false): Promise<SeriesResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const person = await bookingPerson(deps, actor, input.personId);
  const [event] = await db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!event) throw refuse("series_no_such_event");
  const dates = await seriesSessions(deps, eventId, now);
  const held = new Set(
    dates.length === 0
      ? []
      : (
          await db
            .select({ sessionId: bookings.sessionId })
            .from(bookings)
            .where(and(eq(bookings.personId, person.id), eq(bookings.kind, "individual"), ne(bookings.status, "cancelled"), inArray(bookings.sessionId, dates.map((d) => d.id))))
        ).map((b) => b.sessionId),
  );

  const outcomes: SeriesDate[] = [];
  const attempts: { index: number; sessionId: string; id: string; needsConsent: boolean; token: string | null; startsAt: number; endsAt: number }[] = [];
  for (const s of dates) {
    const date: SeriesDate = { sessionId: s.id, startsAt: s.startsAt, endsAt: s.endsAt, outcome: "booked" };
    outcomes.push(date);
    if (held.has(s.id)) date.outcome = "already_booked";
    else if (s.startsAt <= now) date.outcome = "past";
    else if (s.status !== "scheduled") date.outcome = "cancelled";
    else {
      const why = ineligibility(person, event, s.startsAt);
      // Not a young person at all is the whole request's refusal, as for one date.
      if (why?.reason === "not_young_person") throw notEligible(why);
      if (why) Object.assign(date, { outcome: "ineligible", minAge: why.minAge, maxAge: why.maxAge, age: why.age });
      else {
        const needsConsent = underConsentAge(person.dateOfBirth!, event.consentAge, s.startsAt);
        attempts.push({ index: outcomes.length - 1, sessionId: s.id, id: newId("bkg", now), needsConsent, token: needsConsent ? newSecret() : null, startsAt: s.startsAt, endsAt: s.endsAt });
      }
    }
  }
  if (attempts.length === 0) return { eventId, title: event.title, personId: person.id, dates: outcomes };

  const consentDates = attempts.filter((a) => a.needsConsent);
  const guardianEmail = input.guardianEmail;
  if (consentDates.length > 0) {
    if (!guardianEmail) {
      throw refuse("guardian_email_needed", { consentAge: event.consentAge }, { fields: [field("guardianEmail", "required_under_age", { age: event.consentAge })] });
    }
    // Issue #14: only an adult can say yes, never the young person or another child.
    if (await guardianEmailIsAChilds(db, person, guardianEmail, consentDates[0]!.startsAt)) {
      throw refuse("guardian_email_is_a_childs", {}, { fields: [field("guardianEmail", "guardian_must_be_adult")] });
    }
  }

  // One op stamps every booking this write makes: the messages and the audit row below are
  // written only if at least one date was booked, and name exactly the dates that were.
  const op = newId("op", now);
  const msgPrefix = messageIdPrefix(now);
  const onBehalf = actor.kind !== "person" || person.id !== actor.person.id;
  const perDate = await Promise.all(
    attempts.map(async (a) =>
      // The single booking's own prepared write (book.ts), without its per-booking messages: the
      // booking row guarded by capacity or the waiting list, the clash rule, the session's state
      // and the guardian's daily allowance, and the seat counter. Dates are weekly, so the
      // series' own dates never clash with each other; if they did, the later one would be
      // refused by the same guard, because it sees the earlier insert of this batch.
      boundBookingWrite(db, { queue: event.waitlistEnabled, needsConsent: a.needsConsent }, {
        id: a.id,
        op,
        sessionId: a.sessionId,
        personId: person.id,
        now,
        accessNeeds: input.accessNeeds ?? "",
        ticketCode: newTicketCode(),
        guardianEmail: a.needsConsent ? guardianEmail! : null,
        guardianKey: a.needsConsent ? sameEmail(guardianEmail!) : null,
        tokenHash: a.token ? await sha256Hex(a.token) : null,
        msgPrefix,
        consentUrl: a.token ? consentUrl(deps, a.token) : null,
      }).slice(0, 2),
    ),
  );
  const payloadDates: SeriesPayloadDate[] = outcomes.map((d) => {
    const a = attempts.find((x) => x.sessionId === d.sessionId);
    return a ? { sessionId: d.sessionId, bookingId: a.id } : { sessionId: d.sessionId, outcome: d.outcome };
  });
  const writtenByThis = sql`exists (select 1 from bookings w where w.person_id = ${person.id} and w.last_op = ${op})`;
  const statements = [
    ...perDate.flat(),
    // Rule 9, once for the whole series: the young person's outcome per date, with one invite
    // per booked date (features/notifications/series.ts reads the rows when it is sent).
    insertSelect(
      db,
      outbox,
      {
        id: newId("msg", now),
        template: "series_booked",
        toEmail: sql`p.email`,
        locale: sql`coalesce(p.locale, 'en')`,
        payload: sql`json(${JSON.stringify({ eventId, personId: person.id, dates: payloadDates })})`,
        nextAttemptAt: now,
        createdAt: now,
      },
      sql`from people p where p.id = ${person.id} and p.erased_at is null and ${writtenByThis}`,
    ),
    // Consent (rule 3) for a series: ONE email to the parent or carer, not one per date, so a
    // parent is not flooded and their daily allowance counts the series once
    // (rules/consent.ts); but one yes link PER DATE inside it, because each date is its own
    // place, held 48 h on its own: a parent can say yes to the weeks their child can go and no
    // to the holiday week, and each answer (and a later withdrawal) frees or keeps exactly that
    // date's seat through the same consent page as a single booking.
    ...(consentDates.length > 0
      ? [
          insertSelect(
            db,
            outbox,
            {
              id: newId("msg", now),
              template: "series_consent_request",
              toEmail: guardianEmail!,
              locale: sql`coalesce(p.locale, 'en')`,
              payload: sql`json(${JSON.stringify({
                eventId,
                personId: person.id,
                dates: consentDates.map((a) => ({ sessionId: a.sessionId, bookingId: a.id, consentUrl: consentUrl(deps, a.token!) })),
              })})`,
              nextAttemptAt: now,
              createdAt: now,
            },
            sql`from people p where p.id = ${person.id} and p.erased_at is null
              and exists (select 1 from bookings w where w.person_id = ${person.id} and w.last_op = ${op} and w.status = 'pending_consent')`,
          ),
        ]
      : []),
    ...(onBehalf
      ? [auditEntry(db, actor, "booking.series_created_on_behalf", { type: "session", id: attempts[0]!.sessionId }, now, { detail: { personId: person.id, eventId }, onlyIf: writtenByThis })]
      : []),
  ];
  let results: unknown[];
  try {
    // Invariant (rules 1, 3, 4, 5, 9): the whole series is ONE write. Each date's row and its
    // seat commit together (a date is never half-written: a row without its seat, or a seat
    // without its row), and the email about them commits with them; a crash or a refusal
    // mid-way leaves no date written. Each date's guards decide it on its own, so a full date
    // becomes a waiting-list place or a clash a refused date, without refusing the others.
    results = (await db.batch(statements as unknown as Parameters<typeof db.batch>[0])) as unknown as unknown[];
  } catch (err) {
    // Someone booked one of these dates between the read above and this write (a second tab):
    // the one-place index refused the batch as a whole, so nothing was written. Once more,
    // from a fresh read, which now reports that date as already booked.
    if (isDuplicateBooking(err) && !retried) return bookSeries(deps, actor, eventId, input, true);
    throw err;
  }

  for (const [i, a] of attempts.entries()) {
    const row = (results[2 * i] as { status: string }[])[0];
    const date = outcomes[a.index]!;
    date.bookingId = row ? a.id : undefined;
    if (row?.status === "waitlisted") Object.assign(date, { outcome: "waitlisted", position: await positionOf(deps, a.id) });
    else if (row) date.outcome = row.status === "pending_consent" ? "pending_consent" : "booked";
    else {
      // The guards said no: say which, in the order a single booking would.
      const clash = await findClash(deps, person.id, a.startsAt, a.endsAt, { sessionId: a.sessionId });
      if (clash) Object.assign(date, { outcome: "clash", clashingTitle: clash.title });
      else if (a.needsConsent && !(await guardianAllowanceLeft(db, guardianEmail!, now))) date.outcome = "guardian_limit";
      else date.outcome = "full";
    }
  }
  return { eventId, title: event.title, personId: person.id, dates: outcomes };
}
