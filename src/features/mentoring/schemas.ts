import { z } from "@hono/zod-openapi";
import { SEAT_HOLDING_STATUSES, venues } from "../../db/schema";
import { Email, Line, LocalisedTextOf } from "../../lib/openapi";
import { field, refuse } from "../../lib/refusal";
import { MAX_OCCURRENCES } from "../../lib/recurrence";
import { iso, isoOrNull, londonDate } from "../../lib/time";
import { venueOut as catalogueVenueOut, VenueSchema } from "../catalogue/schemas";
import type { MentoringBookingView } from "./booking";
import { dbsProblemOn } from "../../rules/safeguarding";
import type { Mentor } from "./mentors";
import type { Slot, SlotTimes } from "./slots";

export const Instant = z.iso.datetime({ offset: true, message: "Use an ISO 8601 date-time like 2026-03-02T17:00:00Z" }).max(40);
export const Day = z.iso.date({ message: "Use the format YYYY-MM-DD" }).max(10);
export const LanguageCode = z.string().max(3, { abort: true }).regex(/^[a-z]{2,3}$/, "Use a 2 or 3 letter ISO 639 code like en, pl or ar").openapi({ example: "pl" });
export const MeetingUrl = z.url({ protocol: /^https$/, message: "Use an https:// link" }).max(500);

export const MentorBio = LocalisedTextOf(500, "MentorBio", "About the mentor, in their words");

export const MentorPublic = z
  .object({ id: z.string(), organisationId: z.string(), displayName: z.string(), sector: z.string(), bio: MentorBio, languages: z.array(z.string()) })
  .openapi("MentorPublic");
export const MentorFull = MentorPublic.extend({
  email: z.string(),
  dbs: z.object({
    status: z.enum(["verified", "dbs_missing", "dbs_expired", "dbs_revoked"]).describe("As of today"),
    checkedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    certificateLast4: z.string().nullable(),
    revokedAt: z.string().nullable(),
    updateService: z.boolean().describe("The certificate is on the DBS Update Service"),
  }),
}).openapi("Mentor");

export const mentorPublic = (m: Mentor) => ({ id: m.id, organisationId: m.organisationId, displayName: m.displayName, sector: m.sector, bio: m.bio, languages: m.languages });
export const mentorFull = (m: Mentor, now: number) => ({
  ...mentorPublic(m),
  email: m.email,
  dbs: {
    status: dbsProblemOn(m, londonDate(now)) ?? ("verified" as const),
    checkedOn: m.dbsCheckedOn,
    expiresOn: m.dbsExpiresOn,
    certificateLast4: m.dbsCertificateLast4,
    revokedAt: isoOrNull(m.dbsRevokedAt),
    updateService: m.dbsUpdateService,
  },
});

export const ManagedSlot = z
  .object({
    id: z.string(),
    mentorId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    mode: z.enum(["online", "in_person"]),
    meetingUrl: z.string().nullable(),
    venueId: z.string().nullable(),
    status: z.enum(["open", "booked", "withdrawn"]),
    sequence: z.number().int(),
    seriesId: z.string().nullable(),
    bookingId: z.string().nullable(),
  })
  .openapi("ManagedMentoringSlot");
export const managedSlot = (s: Slot, bookingId: string | null = null) => ({
  id: s.id,
  mentorId: s.mentorId,
  startsAt: iso(s.startsAt),
  endsAt: iso(s.endsAt),
  mode: s.mode,
  meetingUrl: s.meetingUrl,
  venueId: s.venueId,
  status: s.status,
  sequence: s.sequence,
  seriesId: s.seriesId,
  bookingId,
});

type VenueRow = typeof venues.$inferSelect;
/** The catalogue's venue without its owning organisation, which is not the young person's business. */
export const Venue = VenueSchema.omit({ organisationId: true }).openapi("MentoringVenue");
export const venueOut = (v: VenueRow | null) => {
  if (!v) return null;
  const { organisationId: _owner, ...shown } = catalogueVenueOut(v);
  return shown;
};

export const SlotListing = z
  .object({
    id: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    mode: z.enum(["online", "in_person"]),
    mentor: MentorPublic.extend({ organisationName: z.string() }),
    venue: Venue.nullable(),
  })
  .openapi("MentoringSlot");

export const MentoringBooking = z
  .object({
    id: z.string(),
    status: z.string(),
    slotId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    mode: z.enum(["online", "in_person"]),
    meetingUrl: z.string().nullable().describe("Only ever shown to the booked young person, the mentor's organisation and coordinators"),
    venue: Venue.nullable(),
    mentor: MentorPublic,
    youngPerson: z.object({ id: z.string(), displayName: z.string() }),
    ticketCode: z.string(),
    cancelledAt: z.string().nullable(),
  })
  .openapi("MentoringBooking");
export const mentoringBookingOut = (v: MentoringBookingView) => ({
  id: v.booking.id,
  status: v.booking.status,
  slotId: v.slot.id,
  startsAt: iso(v.booking.startsAt),
  endsAt: iso(v.booking.endsAt),
  mode: v.slot.mode,
  // A cancelled booking no longer opens the meeting.
  meetingUrl: v.slot.mode === "online" && (SEAT_HOLDING_STATUSES as readonly string[]).includes(v.booking.status) ? v.slot.meetingUrl : null,
  venue: venueOut(v.venue),
  mentor: mentorPublic(v.mentor),
  youngPerson: { id: v.person.id, displayName: v.person.displayName },
  ticketCode: v.booking.ticketCode,
  cancelledAt: isoOrNull(v.booking.cancelledAt),
});

export const NewMentor = z
  .object({
    organisationId: z.string().max(64).optional().describe("The employer; optional with an API key (its own organisation)"),
    displayName: Line(80, 1),
    email: Email,
    sector: Line(60, 1),
    bio: MentorBio.default({ en: "" }),
    languages: z.array(LanguageCode).min(1).max(10).default(["en"]),
  })
  .openapi("NewMentor");

// Strict: an unknown field such as a typed-in address is refused, not silently dropped.
export const NewSlots = z
  .strictObject({
    mode: z.enum(["online", "in_person"]),
    meetingUrl: MeetingUrl.optional().describe("Online slots only"),
    venueId: z.string().max(64).optional().describe("In-person slots only: a registered venue"),
    startsAt: Instant.optional().describe("Single slot"),
    endsAt: Instant.optional().describe("Single slot"),
    start: z.string().max(16).optional().describe("Recurring: first start in London local time, e.g. 2026-03-02T17:00"),
    durationMinutes: z.number().int().min(15).max(240).optional().describe("Recurring"),
    rrule: z.string().max(200).optional().describe(`Recurring: e.g. FREQ=WEEKLY;COUNT=4 (COUNT or UNTIL required, at most ${MAX_OCCURRENCES})`),
  })
  .openapi("NewMentoringSlots");

/** Exported so the employer's web form accepts exactly what the API does. */
export const SlotChange = z
  .strictObject({
    startsAt: Instant.optional(),
    endsAt: Instant.optional(),
    mode: z.enum(["online", "in_person"]).optional(),
    meetingUrl: MeetingUrl.optional(),
    venueId: z.string().max(64).optional(),
  })
  .openapi("MentoringSlotChange");

/** A slot request as one slot or a series, refusing a mix of the two or a half-given one. */
export function slotTimes(body: z.infer<typeof NewSlots>): SlotTimes {
  const single = body.startsAt !== undefined || body.endsAt !== undefined;
  const recurring = body.start !== undefined || body.durationMinutes !== undefined || body.rrule !== undefined;
  const missing = (paths: string[]) =>
    refuse("slot_fields_missing", { fields: paths.join(", ") }, { fields: paths.map((path) => field(path, "required")) });
  if (single && recurring) throw refuse("slot_single_or_series", {}, { fields: [field("rrule", "not_with_starts_at")] });
  if (recurring) {
    const gaps = (["start", "durationMinutes", "rrule"] as const).filter((k) => body[k] === undefined);
    if (gaps.length) throw missing(gaps);
    return { start: body.start!, durationMinutes: body.durationMinutes!, rrule: body.rrule! };
  }
  const gaps = (["startsAt", "endsAt"] as const).filter((k) => body[k] === undefined);
  if (gaps.length) throw missing(gaps);
  return { startsAt: body.startsAt!, endsAt: body.endsAt! };
}

/** Recording (or revoking) a mentor's DBS check: the API and the coordinators' page. */
export const Verification = z
  .union([
    z.strictObject({
      checkedOn: Day,
      expiresOn: Day,
      certificateLast4: z.string().max(4).regex(/^[A-Za-z0-9]{4}$/, "Give only the last 4 characters of the certificate number").openapi({ example: "9A7Z" }),
      updateService: z.boolean().optional().describe("The certificate is on the DBS Update Service (default false)"),
    }),
    z.strictObject({ revoked: z.literal(true) }),
  ])
  .openapi("MentorVerification");
