// The ledger's statements (rule 18, src/rules/timebank.ts). Each is a query builder meant for the
// batch of the change that earns or spends the hours, never run on its own: a check-in puts
// `creditAttendanceStatement` in its batch, a confirmation `creditContributionStatement`, an
// undone check-in `reverseAttendanceStatement`. Entries are only ever inserted.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { insertSelect } from "../../db/conditional";
import { auditLog, timebankEntries } from "../../db/schema";
import { actorId } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { creditKeySql, notReversed, subjectKeySql } from "../../rules/timebank";

export type EntryRow = typeof timebankEntries.$inferSelect;

/**
 * The one shape of a credit: a row chosen by `from` (a booking or a contributor joined to its
 * session `s` and event `e`), keyed by "<session>|<holder>#<reversals so far>" under the unique
 * index, so a second submission of the same credit, even at the same instant, writes nothing.
 * The caller's `from` carries the condition the batch's guarded update must have left true.
 */
function creditStatement(
  db: Db,
  credit: { kind: "attendance" | "contribution"; holder: SQL; minutes: SQL; personId: SQL; sessionId: SQL; bookingId?: SQL; contributorId?: SQL; from: SQL },
  now: number,
  id: string,
) {
  const subject = subjectKeySql(credit.sessionId, credit.holder);
  return insertSelect(
    db,
    timebankEntries,
    {
      id,
      kind: credit.kind,
      minutes: credit.minutes,
      holderKey: credit.holder,
      personId: credit.personId,
      ...(credit.bookingId ? { bookingId: credit.bookingId } : {}),
      ...(credit.contributorId ? { contributorId: credit.contributorId } : {}),
      sessionId: credit.sessionId,
      organisationId: sql`e.host_organisation_id`,
      subjectKey: subject,
      creditKey: creditKeySql(subject),
      at: now,
    },
    credit.from,
  ).onConflictDoNothing();
}

/**
 * The one shape of a reversal: the opposite of the entry `c` that `from` selects, on the same
 * holder and subject, so a reversed credit frees its subject's key for a fresh credit. The unique
 * index on reverses_id and `notReversed` in the caller's `from` make it happen at most once.
 */
function reversalStatement(db: Db, from: SQL, note: string, actor: Actor | null, now: number, id: string) {
  return insertSelect(
    db,
    timebankEntries,
    {
      id,
      kind: "reversal",
      minutes: sql`-c.minutes`,
      holderKey: sql`c.holder_key`,
      personId: sql`c.person_id`,
      contributorId: sql`c.contributor_id`,
      sessionId: sql`c.session_id`,
      bookingId: sql`c.booking_id`,
      offerId: sql`c.offer_id`,
      organisationId: sql`c.organisation_id`,
      subjectKey: sql`c.subject_key`,
      reversesId: sql`c.id`,
      note,
      createdBy: actorId(actor),
      at: now,
    },
    from,
  ).onConflictDoNothing();
}

/**
 * Credits the session's length to the young person of an individual booking, if (when the
 * batch reaches it) the booking is checked in. Groups are counted by head, not by name, so they
 * earn no personal hours.
 */
export function creditAttendanceStatement(db: Db, bookingId: string, now: number) {
  return creditStatement(
    db,
    {
      kind: "attendance",
      holder: sql`'person:' || b.person_id`,
      minutes: sql`max(0, (s.ends_at - s.starts_at) / 60000)`,
      personId: sql`b.person_id`,
      sessionId: sql`b.session_id`,
      bookingId: sql`b.id`,
      from: sql`FROM bookings b JOIN sessions s ON s.id = b.session_id JOIN events e ON e.id = s.event_id
        WHERE b.id = ${bookingId} AND b.kind = 'individual' AND b.status = 'attended' AND b.checked_in_at IS NOT NULL AND b.person_id IS NOT NULL`,
    },
    now,
    newId("tbe", now),
  );
}

/**
 * Reverses the attendance credit of a booking whose check-in was undone, in the undo's batch:
 * only if the booking is no longer checked in when the batch reaches it, and only a credit not
 * reversed already. Writing the reversal moves the subject's credit key on, so checking the
 * person in again credits them once more.
 */
export function reverseAttendanceStatement(db: Db, bookingId: string, now: number, actor: Actor | null) {
  return reversalStatement(
    db,
    sql`FROM timebank_entries c JOIN bookings b ON b.id = c.booking_id
        WHERE c.booking_id = ${bookingId} AND c.kind = 'attendance' AND b.checked_in_at IS NULL AND ${notReversed(sql`c.id`)}`,
    "check-in undone",
    actor,
    now,
    newId("tbe", now),
  );
}

/**
 * Credits a confirmed contribution: the minutes the host recorded, else the session's length,
 * to the contributor's account if they have one (then it is once per person per session, even
 * if they were also checked in), else to the contributor row.
 */
export function creditContributionStatement(db: Db, contributorId: string, now: number, id = newId("tbe", now)) {
  return creditStatement(
    db,
    {
      kind: "contribution",
      holder: sql`case when c.person_id is not null then 'person:' || c.person_id else 'contributor:' || c.id end`,
      minutes: sql`coalesce(c.minutes, max(0, (s.ends_at - s.starts_at) / 60000))`,
      personId: sql`c.person_id`,
      sessionId: sql`c.session_id`,
      contributorId: sql`c.id`,
      from: sql`FROM contributors c JOIN sessions s ON s.id = c.session_id JOIN events e ON e.id = s.event_id
        WHERE c.id = ${contributorId} AND c.confirmed_at IS NOT NULL`,
    },
    now,
    id,
  );
}

/** An audit row written only if `condition` holds when the batch reaches it (the change really happened). */
export function auditIf(db: Db, actor: Actor | null, entry: { action: string; subjectType: string; subjectId: string; detail?: Record<string, unknown> }, now: number, condition: SQL) {
  return insertSelect(
    db,
    auditLog,
    { id: newId("aud", now), actorId: actorId(actor), action: entry.action, subjectType: entry.subjectType, subjectId: entry.subjectId, detail: entry.detail ?? null, at: now },
    sql`WHERE ${condition}`,
  );
}

/**
 * A coordinator's correction: a new entry of the opposite sign, with its reason and an audit row,
 * in one batch. The unique index on reverses_id (and the guard) make a second correction of the
 * same entry write nothing; a reversal itself is not reversed (record a new credit instead).
 */
export async function reverseEntry(deps: Deps, actor: Actor, entryId: string, note: string): Promise<EntryRow> {
  const { db, clock } = deps;
  const now = clock.now();
  const [entry] = await db.select().from(timebankEntries).where(eq(timebankEntries.id, entryId)).limit(1);
  if (!entry) throw refuse("no_timebank_entry");
  if (entry.kind === "reversal") throw refuse("timebank_reversal_final");
  const id = newId("tbe", now);
  // Invariant (rule 18): an entry is corrected at most once, by a new entry, never by an edit,
  // and the audit row exists exactly when the reversal does.
  await db.batch([
    reversalStatement(db, sql`FROM timebank_entries c WHERE c.id = ${entryId} AND ${notReversed(sql`c.id`)}`, note, actor, now, id),
    auditIf(db, actor, { action: "timebank.entry.reversed", subjectType: "timebank_entry", subjectId: entryId, detail: { reversal: id } }, now, sql`EXISTS (SELECT 1 FROM timebank_entries WHERE id = ${id})`),
  ]);
  const [reversal] = await db.select().from(timebankEntries).where(and(eq(timebankEntries.id, id)));
  if (!reversal) throw refuse("timebank_already_reversed");
  return reversal;
}
