// Sends each school its groups' timetables (issue #18): one email per recipient with one
// calendar invite for the morning, in the recipient's language, through the outbox (rule 9).
import { refuse } from "../../lib/refusal";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { eq, inArray } from "drizzle-orm";
import { carousels, organisations, people } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { LONDON } from "../../lib/time";
import { londonTime, londonTimezoneGenerator } from "../calendar/london-timezone";
import { addressOf } from "../../../emails/booking";
import { enqueue } from "../notifications/outbox";
import { auditInsert } from "../audit/record";
import { carouselEndsAt, groupTimetable, liveGroupsOf, loadCarousel } from "./read";
import type { CarouselTimetablePayload } from "../../../emails/carousel";

function morningInvite(deps: Deps, o: { uid: string; sequence: number; title: string; startsAt: number; endsAt: number; venue: string | null; url: string; attendee: string; now: number }) {
  const cal = ical({ prodId: { company: "Open Door", product: "Carousels", language: "EN" }, method: ICalCalendarMethod.REQUEST, timezone: { name: null, generator: londonTimezoneGenerator } });
  const event = cal.createEvent({
    id: o.uid,
    sequence: o.sequence,
    start: londonTime(o.startsAt),
    end: londonTime(o.endsAt),
    timezone: LONDON,
    stamp: new Date(o.now),
    summary: o.title,
    description: o.url,
    location: o.venue,
    url: o.url,
    organizer: { name: "Open Door", email: addressOf(deps.config.emailFrom) },
    status: ICalEventStatus.CONFIRMED,
  });
  event.createAttendee({ email: o.attendee });
  return cal.toString();
}

export async function sendTimetables(deps: Deps, actor: Actor, carouselId: string) {
  const { db, clock, config } = deps;
  const now = clock.now();
  const row = await loadCarousel(db, carouselId);
  if (!row.plannedAt) throw refuse("carousel_plan_first");
  const groups = await liveGroupsOf(db, carouselId);
  const schoolIds = [...new Set(groups.map((g) => g.schoolId))];
  const bookerIds = [...new Set(groups.flatMap((g) => (g.bookedBy ? [g.bookedBy] : [])))];
  const [schools, bookers] = await Promise.all([
    schoolIds.length ? db.select().from(organisations).where(inArray(organisations.id, schoolIds)) : [],
    bookerIds.length ? db.select().from(people).where(inArray(people.id, bookerIds)) : [],
  ]);
  const endsAt = carouselEndsAt(row);
  const url = `${config.publicUrl}/carousels`;
  // SEQUENCE only goes up: seconds since the epoch at each sending (the same UID per school).
  const sequence = Math.floor(now / 1000);
  const messages = [];
  for (const school of schools) {
    const own = groups.filter((g) => g.schoolId === school.id);
    const tables = await Promise.all(own.map((g) => groupTimetable(db, g)));
    const venue = tables[0]?.carousel.venue ?? null;
    const recipients = new Map<string, (typeof people.$inferSelect)["locale"]>();
    if (school.contactEmail) recipients.set(school.contactEmail, "en");
    for (const g of own) {
      const p = bookers.find((b) => b.id === g.bookedBy);
      if (p && !p.erasedAt) recipients.set(p.email, p.locale);
    }
    for (const [to, locale] of recipients) {
      const payload: CarouselTimetablePayload = {
        title: row.title,
        startsAt: row.startsAt,
        endsAt,
        venue,
        url,
        groups: own.map((g, i) => ({ label: g.label, rows: tables[i]!.rows.map((r) => ({ round: r.round, startsAt: Date.parse(r.startsAt), station: r.station })) })),
        // Kept on @opendoor (unlike bookings' invites, calendar/ics.ts inviteUid): a timetable
        // sent again after the move would otherwise sit beside the first in the school's calendar.
        ics: morningInvite(deps, { uid: `carousel-${row.id}-${school.id}@opendoor`, sequence, title: row.title, startsAt: row.startsAt, endsAt, venue, url, attendee: to, now }),
      };
      messages.push(enqueue(db, { template: "carousel_timetable", to, locale, payload: payload as unknown as Record<string, unknown> }, now));
    }
  }
  // Invariant (rule 9): the messages and the "sent" stamp are written together, with the audit row.
  await db.batch([
    db.update(carousels).set({ timetablesSentAt: now }).where(eq(carousels.id, carouselId)),
    auditInsert(db, actor, { action: "carousel.timetables_sent", subjectType: "carousel", subjectId: carouselId, detail: { messages: messages.length } }, now),
    ...messages,
  ]);
  return { messages: messages.length };
}
