// The whole Open Door data model. Instants are stored as integer milliseconds since the
// epoch (UTC); dates of birth as 'YYYY-MM-DD' strings so they never shift with a time zone.
import { sql } from "drizzle-orm";
import { customType, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const createdAt = () => integer("created_at").notNull().default(now);

export const ORGANISATION_TYPES = ["coordinator", "school", "employer", "community"] as const;
export const EVENT_TYPES = [
  "career_taster",
  "cv_workshop",
  "interview_skills",
  "budgeting",
  "intergenerational",
  "community_event",
  "co_production",
] as const;
export const BOOKING_STATUSES = [
  "pending_consent",
  "confirmed",
  "waitlisted",
  "offered",
  "cancelled",
  "attended",
  "no_show",
] as const;
/** A seat kept for someone who has not come yet: cancelling gives it back to the waiting list. */
export const SEAT_HELD_STATUSES = ["pending_consent", "confirmed", "offered"] as const;
/**
 * A seat that was used: checking in (confirmed → attended) or not turning up does not give
 * the seat back, so sessions.seats_taken keeps counting it, and a cancelled session keeps it.
 */
export const SEAT_USED_STATUSES = ["attended", "no_show"] as const;
/**
 * The one list of live statuses. Rule 1 counts these against capacity (sessions.seats_taken,
 * checked by rules/capacity.ts checkSeatAccounting); rule 4's clash check (rules/clash.ts) counts the same
 * rows, because a checked-in person is at that session and cannot be booked elsewhere then.
 * Mentoring bookings are never checked in, so for them this is pending/confirmed only.
 */
export const SEAT_HOLDING_STATUSES = [...SEAT_HELD_STATUSES, ...SEAT_USED_STATUSES] as const;
/** Not happened yet: a held seat or a place in the queue. What a cancel or a session change touches. */
export const UPCOMING_STATUSES = [...SEAT_HELD_STATUSES, "waitlisted"] as const;
export const LOCALES = ["en", "pl", "ro", "uk", "ar"] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type Locale = (typeof LOCALES)[number];

export const organisations = sqliteTable("organisations", {
  id: text("id").primaryKey(),
  type: text("type", { enum: ORGANISATION_TYPES }).notNull(),
  name: text("name").notNull(),
  contactEmail: text("contact_email"),
  createdAt: createdAt(),
});

/** Everyone who signs in: young people, organisation staff, coordinators, mentors. */
export const people = sqliteTable(
  "people",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    /** Only young people have one; it decides eligibility and consent. */
    dateOfBirth: text("date_of_birth"),
    isYoungPerson: integer("is_young_person", { mode: "boolean" }).notNull().default(false),
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    /** Hash of the secret in the personal calendar feed URL; rotating replaces it. */
    calendarFeedHash: text("calendar_feed_hash"),
    erasedAt: integer("erased_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("people_email_unique").on(t.email),
    uniqueIndex("people_calendar_feed_unique").on(t.calendarFeedHash),
  ],
);

export const memberships = sqliteTable(
  "memberships",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_org_person_unique").on(t.organisationId, t.personId),
    index("memberships_person_idx").on(t.personId),
  ],
);

export const magicLinks = sqliteTable(
  "magic_links",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("magic_links_token_unique").on(t.tokenHash)],
);

export const authSessions = sqliteTable(
  "auth_sessions",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("auth_sessions_token_unique").on(t.tokenHash),
    index("auth_sessions_person_idx").on(t.personId),
  ],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    /** Shown in listings so people can tell keys apart; never enough to use the key. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdBy: text("created_by").references(() => people.id),
    revokedAt: integer("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_keys_hash_unique").on(t.keyHash)],
);

export type LocalisedText = Partial<Record<Locale, string>> & { en: string };

/**
 * A text column that once held one (English) string and now holds LocalisedText as JSON
 * (migration 0015 wrapped the old text in {"en": …}). Reading still accepts a bare string,
 * such as the column's SQL default '', as English, so no row can fail to parse.
 */
const localisedColumn = customType<{ data: LocalisedText; driverData: string }>({
  dataType: () => "text",
  toDriver: (value) => JSON.stringify(value),
  fromDriver(value) {
    if (value.startsWith("{")) {
      try {
        return JSON.parse(value) as LocalisedText;
      } catch {
        // Not JSON after all: English text that starts with a brace.
      }
    }
    return { en: value };
  },
});

export const venues = sqliteTable("venues", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  address: text("address").notNull(),
  postcode: text("postcode").notNull(),
  organisationId: text("organisation_id").references(() => organisations.id),
  stepFree: integer("step_free", { mode: "boolean" }).notNull().default(false),
  accessibleToilet: integer("accessible_toilet", { mode: "boolean" }).notNull().default(false),
  hearingLoop: integer("hearing_loop", { mode: "boolean" }).notNull().default(false),
  quietRoom: integer("quiet_room", { mode: "boolean" }).notNull().default(false),
  disabledParking: integer("disabled_parking", { mode: "boolean" }).notNull().default(false),
  /** How to get there by bus, train or on foot, per language (English required, may be empty). */
  publicTransport: localisedColumn("public_transport").notNull().default(sql`''`),
  /** Finding the way in (which door, which floor, who to ask), per language; null when not written. */
  directions: text("directions", { mode: "json" }).$type<LocalisedText>(),
  /**
   * Rule 16: a venue holds one session at a time unless it can hold several (a hall with
   * partitions, a library with many rooms); src/rules/shared-venues.ts reads this inside the
   * write that creates or moves a session.
   */
  holdsSeveralSessions: integer("holds_several_sessions", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});


export const events = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    title: text("title", { mode: "json" }).$type<LocalisedText>().notNull(),
    description: text("description", { mode: "json" }).$type<LocalisedText>().notNull(),
    /** All locales' titles and descriptions lower-cased, so `q` is one LIKE. */
    searchText: text("search_text").notNull().default(""),
    hostOrganisationId: text("host_organisation_id")
      .notNull()
      .references(() => organisations.id),
    minAge: integer("min_age").notNull().default(11),
    maxAge: integer("max_age").notNull().default(25),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    accessFeatures: text("access_features", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    groupsAllowed: integer("groups_allowed", { mode: "boolean" }).notNull().default(false),
    /** Pupils allowed per member of staff in a group booking. */
    pupilsPerStaff: integer("pupils_per_staff").notNull().default(10),
    waitlistEnabled: integer("waitlist_enabled", { mode: "boolean" }).notNull().default(true),
    consentAge: integer("consent_age").notNull().default(16),
    whatToBring: text("what_to_bring", { mode: "json" }).$type<LocalisedText>(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [
    index("events_type_idx").on(t.type),
    index("events_host_idx").on(t.hostOrganisationId),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    venueId: text("venue_id").references(() => venues.id),
    onlineUrl: text("online_url"),
    capacity: integer("capacity").notNull(),
    /**
     * Seats held by pending_consent, confirmed and offered bookings. Only ever changed inside
     * the same batch as the booking rows it counts, guarded by `seats_taken + n <= capacity`.
     */
    seatsTaken: integer("seats_taken").notNull().default(0),
    status: text("status", { enum: ["scheduled", "cancelled"] }).notNull().default("scheduled"),
    /** iCalendar SEQUENCE: bumped on every change of time or place. */
    sequence: integer("sequence").notNull().default(0),
    /** Id of the recurring series this occurrence came from, if any. */
    seriesId: text("series_id"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [
    index("sessions_event_start_idx").on(t.eventId, t.startsAt),
    index("sessions_start_idx").on(t.startsAt),
    // Rule 16's guard looks for a venue's sessions around a time.
    index("sessions_venue_start_idx").on(t.venueId, t.startsAt),
  ],
);

export const mentors = sqliteTable(
  "mentors",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    personId: text("person_id").references(() => people.id),
    displayName: text("display_name").notNull(),
    email: text("email").notNull(),
    sector: text("sector").notNull().default(""),
    /** About the mentor, per language (English required, may be empty). */
    bio: localisedColumn("bio").notNull().default(sql`''`),
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default(sql`'["en"]'`),
    dbsCheckedOn: text("dbs_checked_on"),
    dbsExpiresOn: text("dbs_expires_on"),
    dbsCertificateLast4: text("dbs_certificate_last4"),
    dbsRevokedAt: integer("dbs_revoked_at"),
    /** The certificate is on the DBS Update Service, so it can be re-checked online at any time. */
    dbsUpdateService: integer("dbs_update_service", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("mentors_org_idx").on(t.organisationId)],
);

export const mentoringSlots = sqliteTable(
  "mentoring_slots",
  {
    id: text("id").primaryKey(),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => mentors.id),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    mode: text("mode", { enum: ["online", "in_person"] }).notNull(),
    venueId: text("venue_id").references(() => venues.id),
    meetingUrl: text("meeting_url"),
    status: text("status", { enum: ["open", "booked", "withdrawn"] }).notNull().default("open"),
    sequence: integer("sequence").notNull().default(0),
    seriesId: text("series_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("mentoring_slots_mentor_idx").on(t.mentorId, t.startsAt),
    index("mentoring_slots_start_idx").on(t.startsAt),
  ],
);

/**
 * One row per booking of any kind. `startsAt`/`endsAt` are copied from the session or slot
 * (and kept in step on reschedule) so the clash rule is one indexed lookup per person.
 */
export const bookings = sqliteTable(
  "bookings",
  {
    id: text("id").primaryKey(),
    /** `family`: a parent or carer's household at a family event, `staff` adults + `pupils` children (issue #16). */
    kind: text("kind", { enum: ["individual", "group", "mentoring", "family"] }).notNull(),
    sessionId: text("session_id").references(() => sessions.id),
    slotId: text("slot_id").references(() => mentoringSlots.id),
    /** The young person (individual, mentoring) or the staff member who booked (group). */
    personId: text("person_id").references(() => people.id),
    /** The school, for group bookings. */
    organisationId: text("organisation_id").references(() => organisations.id),
    pupils: integer("pupils").notNull().default(0),
    staff: integer("staff").notNull().default(0),
    seats: integer("seats").notNull().default(1),
    status: text("status", { enum: BOOKING_STATUSES }).notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    accessNeeds: text("access_needs").notNull().default(""),
    roster: text("roster", { mode: "json" }).$type<string[]>(),
    ticketCode: text("ticket_code").notNull(),
    guardianEmail: text("guardian_email"),
    consentTokenHash: text("consent_token_hash"),
    /** When a pending_consent or offered hold lapses. */
    holdExpiresAt: integer("hold_expires_at"),
    /** FIFO order for the waiting list. */
    queuedAt: integer("queued_at"),
    /** Id of the last write that touched this row: lets later statements in a batch see it. */
    lastOp: text("last_op"),
    sequence: integer("sequence").notNull().default(0),
    checkedInAt: integer("checked_in_at"),
    checkedInCount: integer("checked_in_count"),
    reminderSentAt: integer("reminder_sent_at"),
    /** Set in the same batch as the feedback_invitation message, so it goes once (rule 13). */
    feedbackInvitedAt: integer("feedback_invited_at"),
    /**
     * The SHA-256 of the one-time link in the feedback invitation (issue #14), so someone not
     * signed in can answer from the email; cleared when the answer is given.
     */
    feedbackTokenHash: text("feedback_token_hash"),
    cancelledAt: integer("cancelled_at"),
    cancelReason: text("cancel_reason"),
    /**
     * The host part of the invite's UID, pinned for bookings whose invites may already sit in
     * people's calendars under it: the migration that added this column set 'opendoor' on every
     * booking that existed then. Null means the deployment's PUBLIC_URL host (calendar/ics.ts).
     */
    inviteUidHost: text("invite_uid_host"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [
    index("bookings_session_status_idx").on(t.sessionId, t.status, t.queuedAt),
    index("bookings_person_time_idx").on(t.personId, t.status, t.startsAt),
    index("bookings_slot_idx").on(t.slotId, t.status),
    index("bookings_hold_idx").on(t.status, t.holdExpiresAt),
    index("bookings_last_op_idx").on(t.lastOp),
    // The after-session job's lookups (no-shows, feedback invitations) without scanning history.
    index("bookings_follow_up_idx").on(t.status, t.feedbackInvitedAt, t.endsAt),
    // The minute jobs read only what is due: reminders not yet sent, and history past retention
    // (D1 bills every row a query reads, so a scan of all bookings each minute adds up).
    index("bookings_reminder_idx").on(t.status, t.reminderSentAt, t.startsAt),
    index("bookings_ends_idx").on(t.endsAt),
    // The webhook fan-out reads the last day's check-ins (features/webhooks/events.ts).
    index("bookings_checked_in_idx").on(t.checkedInAt),
    uniqueIndex("bookings_ticket_unique").on(t.ticketCode),
    uniqueIndex("bookings_consent_token_unique").on(t.consentTokenHash),
    // Rule 4 backstop: one live booking per person per session, whatever the race.
    uniqueIndex("bookings_one_per_person_session")
      .on(t.sessionId, t.personId)
      .where(sql`kind = 'individual' and status not in ('cancelled')`),
    // Exactly one live booking per mentoring slot.
    uniqueIndex("bookings_one_per_slot")
      .on(t.slotId)
      .where(sql`kind = 'mentoring' and status not in ('cancelled')`),
  ],
);

export const feedback = sqliteTable(
  "feedback",
  {
    id: text("id").primaryKey(),
    bookingId: text("booking_id")
      .notNull()
      .references(() => bookings.id),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id),
    rating: integer("rating").notNull(),
    whatWorked: text("what_worked").notNull().default(""),
    couldBeBetter: text("could_be_better").notNull().default(""),
    anonymous: integer("anonymous", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("feedback_booking_unique").on(t.bookingId), index("feedback_event_idx").on(t.eventId)],
);

export const youSaidWeDid = sqliteTable(
  "you_said_we_did",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id),
    youSaid: text("you_said").notNull(),
    weDid: text("we_did").notNull(),
    /** The language the note is written in, so pages in another language can mark it (lang=). */
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    authorId: text("author_id").references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index("you_said_we_did_event_idx").on(t.eventId)],
);

/** Messages to send, written in the same batch as the change that causes them (rule 9). */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    template: text("template").notNull(),
    toEmail: text("to_email").notNull(),
    cc: text("cc", { mode: "json" }).$type<string[]>(),
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull().default(0),
    leaseUntil: integer("lease_until"),
    leaseOwner: text("lease_owner"),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    sentAt: integer("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    // A guardian's daily allowance of consent requests (rules/consent.ts) counts one template's
    // last day; the webhook fan-out (features/webhooks/events.ts) reads its templates' last day too.
    index("outbox_template_created_idx").on(t.template, t.createdAt),
  ],
);

/** What the development mailbox captured when no Resend key is configured. */
export const devMailbox = sqliteTable("dev_mailbox", {
  id: text("id").primaryKey(),
  messageId: text("message_id").notNull(),
  toEmail: text("to_email").notNull(),
  cc: text("cc", { mode: "json" }).$type<string[]>(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html").notNull(),
  attachments: text("attachments", { mode: "json" })
    .$type<{ filename: string; contentType: string; content: string }[]>()
    .notNull()
    .default(sql`'[]'`),
  createdAt: createdAt(),
});

/** Idempotency-Key records for creating POSTs, kept 24 h. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    key: text("key").notNull(),
    /** Who sent it: keys are scoped per caller so one person cannot replay another's. */
    scope: text("scope").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    requestHash: text("request_hash").notNull(),
    status: text("status", { enum: ["in_flight", "done"] }).notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    responseHeaders: text("response_headers", { mode: "json" }).$type<Record<string, string>>(),
    expiresAt: integer("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("idempotency_scope_key").on(t.scope, t.key), index("idempotency_expiry_idx").on(t.expiresAt)],
);

/** Append-only: who read or changed personal data, and when. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_subject_idx").on(t.subjectType, t.subjectId)],
);

// ── Carousels (issue #18, rule 19) ────────────────────────────────────────────────────────
// A taster carousel: employer stations in one hall, school groups rotating through them in
// timed rounds. Its own tables: a carousel group is not a session booking (it holds a place
// in every round at once, and its stations come from the plan, not from the booking).

export const CAROUSEL_STATUSES = ["open", "cancelled"] as const;
export const CAROUSEL_GROUP_STATUSES = ["confirmed", "cancelled", "attended"] as const;

export const carousels = sqliteTable("carousels", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  venueId: text("venue_id").references(() => venues.id),
  /** Start of round 1, UTC milliseconds (shown in London time). */
  startsAt: integer("starts_at").notNull(),
  roundMinutes: integer("round_minutes").notNull(),
  changeoverMinutes: integer("changeover_minutes").notNull(),
  rounds: integer("rounds").notNull(),
  /** Staff ratio for groups, as for events (rule 7). */
  pupilsPerStaff: integer("pupils_per_staff").notNull().default(10),
  /** Group bookings close then; the plan is made once they have closed (or on request). */
  bookingsCloseAt: integer("bookings_close_at").notNull(),
  status: text("status", { enum: CAROUSEL_STATUSES }).notNull().default("open"),
  /** The latest rotation plan (rules/carousel's CarouselPlan) and when it was made. */
  plan: text("plan", { mode: "json" }).$type<Record<string, unknown>>(),
  plannedAt: integer("planned_at"),
  /** When the timetables were last sent to the schools. */
  timetablesSentAt: integer("timetables_sent_at"),
  createdAt: createdAt(),
});

export const carouselStations = sqliteTable(
  "carousel_stations",
  {
    id: text("id").primaryKey(),
    carouselId: text("carousel_id")
      .notNull()
      .references(() => carousels.id),
    /** The employer or partner who runs the station; its staff see it in their area. */
    hostOrganisationId: text("host_organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    /** People (pupils + staff) the station takes in one round. */
    capacity: integer("capacity").notNull(),
    minAge: integer("min_age"),
    maxAge: integer("max_age"),
    createdAt: createdAt(),
  },
  (t) => [index("carousel_stations_carousel_idx").on(t.carouselId), index("carousel_stations_host_idx").on(t.hostOrganisationId)],
);

/** A school group booked onto a carousel: pupils + staff, taking seats in every round. */
export const carouselGroups = sqliteTable(
  "carousel_groups",
  {
    id: text("id").primaryKey(),
    carouselId: text("carousel_id")
      .notNull()
      .references(() => carousels.id),
    schoolId: text("school_id")
      .notNull()
      .references(() => organisations.id),
    bookedBy: text("booked_by").references(() => people.id),
    /** The school's own name for the group ("Year 9 Blue"), shown on timetables. */
    label: text("label").notNull(),
    pupils: integer("pupils").notNull(),
    staff: integer("staff").notNull(),
    seats: integer("seats").notNull(),
    /** Youngest and oldest pupil on the day: decides which stations' age ranges fit. */
    minAge: integer("min_age").notNull(),
    maxAge: integer("max_age").notNull(),
    accessNeeds: text("access_needs").notNull().default(""),
    status: text("status", { enum: CAROUSEL_GROUP_STATUSES }).notNull().default("confirmed"),
    /** Head counts at the door (rule 12: groups are checked in by count). */
    checkedInPupils: integer("checked_in_pupils"),
    checkedInStaff: integer("checked_in_staff"),
    checkedInAt: integer("checked_in_at"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("carousel_groups_carousel_idx").on(t.carouselId, t.status), index("carousel_groups_school_idx").on(t.schoolId)],
);

/**
 * One group at one station in one round, from the current plan. Pupils counted there are an
 * employer encounter for each of them (careers evidence, issue #17, can read these rows).
 */
export const carouselVisits = sqliteTable(
  "carousel_visits",
  {
    id: text("id").primaryKey(),
    carouselId: text("carousel_id")
      .notNull()
      .references(() => carousels.id),
    groupId: text("group_id")
      .notNull()
      .references(() => carouselGroups.id),
    stationId: text("station_id")
      .notNull()
      .references(() => carouselStations.id),
    /** 1-based. */
    round: integer("round").notNull(),
    attendedPupils: integer("attended_pupils"),
    attendedAt: integer("attended_at"),
  },
  (t) => [
    uniqueIndex("carousel_visits_group_round_unique").on(t.groupId, t.round),
    uniqueIndex("carousel_visits_group_station_unique").on(t.groupId, t.stationId),
    index("carousel_visits_station_idx").on(t.stationId, t.round),
    index("carousel_visits_carousel_idx").on(t.carouselId),
  ],
);

export type Carousel = typeof carousels.$inferSelect;
export type CarouselStation = typeof carouselStations.$inferSelect;
export type CarouselGroup = typeof carouselGroups.$inferSelect;
export type CarouselVisit = typeof carouselVisits.$inferSelect;

// ---- Directory of local support (issue #16): services, the organisations that run them,
// partners' proposed changes awaiting a coordinator (rule 20), and poster scan counts.

/** The categories every directory starts with; coordinators add more (directory_categories). */
export const DIRECTORY_BUILT_IN_CATEGORIES = ["food", "childcare", "family", "wellbeing", "health", "housing", "money", "send", "youth", "jobs"] as const;
/** Pictograms drawn by the site (inline SVG); an added category picks one of them. */
export const DIRECTORY_PICTOGRAMS = [...DIRECTORY_BUILT_IN_CATEGORIES, "other"] as const;
export const DIRECTORY_AUDIENCES = ["children", "young_people", "families", "parents", "carers", "adults", "older_people"] as const;
export const DIRECTORY_ACCESS_METHODS = ["drop_in", "appointment", "referral", "self_referral"] as const;
export type DirectoryPictogram = (typeof DIRECTORY_PICTOGRAMS)[number];
export type DirectoryAudience = (typeof DIRECTORY_AUDIENCES)[number];
export type DirectoryAccessMethod = (typeof DIRECTORY_ACCESS_METHODS)[number];
/** One opening period in London wall time: ISO weekday (1 = Monday … 7 = Sunday), 'HH:MM'. */
export interface OpeningPeriod {
  day: number;
  opens: string;
  closes: string;
}

/** Categories coordinators added to the built-in list (DIRECTORY_BUILT_IN_CATEGORIES). */
export const directoryCategories = sqliteTable("directory_categories", {
  id: text("id").primaryKey(),
  name: text("name", { mode: "json" }).$type<LocalisedText>().notNull(),
  pictogram: text("pictogram", { enum: DIRECTORY_PICTOGRAMS }).notNull().default("other"),
  createdAt: createdAt(),
});

/** A service as the public sees it: only coordinators' writes and approved proposals land here. */
export const directoryServices = sqliteTable(
  "directory_services",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    categoryId: text("category_id").notNull(),
    name: text("name", { mode: "json" }).$type<LocalisedText>().notNull(),
    description: text("description", { mode: "json" }).$type<LocalisedText>().notNull(),
    audiences: text("audiences", { mode: "json" }).$type<DirectoryAudience[]>().notNull().default(sql`'[]'`),
    minAge: integer("min_age"),
    maxAge: integer("max_age"),
    accessMethods: text("access_methods", { mode: "json" }).$type<DirectoryAccessMethod[]>().notNull().default(sql`'[]'`),
    hours: text("hours", { mode: "json" }).$type<OpeningPeriod[]>().notNull().default(sql`'[]'`),
    venueId: text("venue_id").references(() => venues.id),
    onlineUrl: text("online_url"),
    byPhone: integer("by_phone", { mode: "boolean" }).notNull().default(false),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    website: text("website"),
    /** BCP 47 language codes staff can speak there ("pl", "ar", "so"). */
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default(sql`'["en"]'`),
    free: integer("free", { mode: "boolean" }).notNull().default(true),
    costNote: text("cost_note", { mode: "json" }).$type<LocalisedText>(),
    /** 'YYYY-MM-DD' someone last confirmed the details; older than six months is flagged. */
    lastCheckedOn: text("last_checked_on").notNull(),
    /** Names and descriptions in every locale, lower-cased, so search is one LIKE. */
    searchText: text("search_text").notNull().default(""),
    withdrawn: integer("withdrawn", { mode: "boolean" }).notNull().default(false),
    /** Set by each guarded write, so the audit row in its batch is written only if it won. */
    lastOp: text("last_op"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [index("directory_services_category_idx").on(t.categoryId), index("directory_services_org_idx").on(t.organisationId)],
);

/**
 * A partner's proposed new service or edit, public only once a coordinator approves it
 * (rule 20). `proposal` holds the fields as sent: all of them for a new service, only the
 * changed ones for an edit, so two partners' separate edits both survive approval.
 */
export const directoryChanges = sqliteTable(
  "directory_changes",
  {
    id: text("id").primaryKey(),
    serviceId: text("service_id").notNull(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: ["create", "update"] }).notNull(),
    proposal: text("proposal", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["pending", "approved", "rejected"] }).notNull().default("pending"),
    proposedBy: text("proposed_by").notNull(),
    decidedBy: text("decided_by"),
    decidedAt: integer("decided_at"),
    /** Set by the deciding write, so the rest of its batch runs only if it won the race. */
    lastOp: text("last_op"),
    createdAt: createdAt(),
  },
  (t) => [index("directory_changes_status_idx").on(t.status, t.createdAt), index("directory_changes_service_idx").on(t.serviceId)],
);

/** How many people each QR poster brought: a count per poster, nothing about who. */
export const directoryPosterScans = sqliteTable("directory_poster_scans", {
  poster: text("poster").primaryKey(),
  scans: integer("scans").notNull().default(0),
  lastAt: integer("last_at").notNull(),
});

// ─── Delivery (issue #20): the email provider's health and pace, shared by every dispatcher ───

/**
 * One row per outgoing channel ("email"). In the database, not in memory, so a Worker isolate
 * and the Node timer see the same circuit and share one rate window.
 * - The circuit: `failures` counts consecutive failed sends (time-outs, network errors, 5xx,
 *   429); past a threshold the whole provider is left alone until `openUntil`, then one probe
 *   message is sent, and its answer closes the circuit or opens it again for longer.
 * - The rate window: `windowCount` sends reserved in the second starting at `windowStart`, so
 *   dispatchers running at once stay within the provider's requests per second together.
 */
export const deliveryState = sqliteTable("delivery_state", {
  channel: text("channel").primaryKey(),
  failures: integer("failures").notNull().default(0),
  openUntil: integer("open_until"),
  windowStart: integer("window_start").notNull().default(0),
  windowCount: integer("window_count").notNull().default(0),
  /** How many sends the last reservation got (SQLite evaluates SET from the old row, so RETURNING reads it here). */
  lastGrant: integer("last_grant").notNull().default(0),
});

// ─── Timebank (issue #17, SPEC rule 18): time given and gained ───

/** What a contributor did at a session (the host records it; only what is needed). */
export const CONTRIBUTOR_ROLES = ["mentor", "employer_volunteer", "resident", "community_volunteer", "young_helper"] as const;
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

/**
 * Someone who gave time at a session without booking it: a mentor, an employer volunteer, a
 * care-home resident, a community volunteer, a young person helping to run it. Recorded by the
 * host or a coordinator; credited hours only once `confirmedAt` is set after the session.
 * `personId` links an account when the contributor wants to see their own statement.
 */
export const contributors = sqliteTable(
  "contributors",
  {
    id: text("id").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id),
    name: text("name").notNull(),
    /** A partner organisation they came with, if it is one of ours. */
    organisationId: text("organisation_id").references(() => organisations.id),
    /** Their organisation's name as they gave it (a care home, a firm not in the programme). */
    organisationName: text("organisation_name").notNull().default(""),
    role: text("role", { enum: CONTRIBUTOR_ROLES }).notNull(),
    personId: text("person_id").references(() => people.id),
    /** Minutes the host recorded when confirming; null means the session's length. */
    minutes: integer("minutes"),
    confirmedAt: integer("confirmed_at"),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("contributors_session_idx").on(t.sessionId), index("contributors_person_idx").on(t.personId)],
);

export const TIMEBANK_ENTRY_KINDS = ["attendance", "contribution", "redemption", "reversal"] as const;
export type TimebankEntryKind = (typeof TIMEBANK_ENTRY_KINDS)[number];

/**
 * The ledger: append-only (rule 18). A credit, a redemption or a reversal is a new row; a row
 * is never updated (triggers refuse it). Minutes are signed: credits positive, redemptions and
 * reversals of credits negative. `holderKey` ("person:<id>" or "contributor:<id>") is whose
 * balance the row counts in. `creditKey` is unique: "<session>|<holder>#<n>", n = how many of
 * that holder's credits for that session were reversed before, so a second submission of the
 * same check-in cannot credit twice, and a check-in undone and done again credits once more.
 */
export const timebankEntries = sqliteTable(
  "timebank_entries",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: TIMEBANK_ENTRY_KINDS }).notNull(),
    minutes: integer("minutes").notNull(),
    holderKey: text("holder_key").notNull(),
    personId: text("person_id").references(() => people.id),
    contributorId: text("contributor_id").references(() => contributors.id),
    sessionId: text("session_id").references(() => sessions.id),
    bookingId: text("booking_id").references(() => bookings.id),
    offerId: text("offer_id"),
    /** The organisation the hours were given or spent with: the session's host, or the offer's partner. */
    organisationId: text("organisation_id").references(() => organisations.id),
    /** "<session>|<holder>" on credits and their reversals. */
    subjectKey: text("subject_key"),
    creditKey: text("credit_key"),
    reversesId: text("reverses_id"),
    /** Why a coordinator reversed an entry (kept short; the audit row has the actor). */
    note: text("note"),
    createdBy: text("created_by"),
    at: integer("at").notNull(),
  },
  (t) => [
    uniqueIndex("timebank_entries_credit_unique").on(t.creditKey),
    uniqueIndex("timebank_entries_reverses_unique").on(t.reversesId),
    index("timebank_entries_holder_idx").on(t.holderKey, t.at),
    index("timebank_entries_subject_idx").on(t.subjectKey),
    index("timebank_entries_org_idx").on(t.organisationId, t.at),
    index("timebank_entries_at_idx").on(t.at),
  ],
);

/** Something a partner offers for hours: a workshop place, a cinema ticket, a session with a mentor. */
export const timebankOffers = sqliteTable(
  "timebank_offers",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    costMinutes: integer("cost_minutes").notNull(),
    status: text("status", { enum: ["open", "withdrawn"] }).notNull().default("open"),
    createdAt: createdAt(),
  },
  (t) => [index("timebank_offers_org_idx").on(t.organisationId)],
);

/** A young person's record, shared by a secret link they can revoke (only its hash is kept). */
export const recordShares = sqliteTable(
  "record_shares",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    tokenHash: text("token_hash").notNull(),
    revokedAt: integer("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("record_shares_token_unique").on(t.tokenHash), index("record_shares_person_idx").on(t.personId)],
);

export const GATSBY_BENCHMARKS = ["gatsby5", "gatsby6"] as const;
export type GatsbyBenchmark = (typeof GATSBY_BENCHMARKS)[number];

/**
 * Which sessions count as careers evidence, set by coordinators: an event type, a host, or
 * both (null matches any). Gatsby 5 is an encounter with employers and employees, Gatsby 6 an
 * experience of a workplace.
 */
export const careersRules = sqliteTable("careers_rules", {
  id: text("id").primaryKey(),
  benchmark: text("benchmark", { enum: GATSBY_BENCHMARKS }).notNull(),
  eventType: text("event_type", { enum: EVENT_TYPES }),
  hostOrganisationId: text("host_organisation_id").references(() => organisations.id),
  createdAt: createdAt(),
});

// ─── Site feedback (issue #16): the form on every page, the coordinators' inbox, the programme's "you said, we did" ───

export const SITE_FEEDBACK_STATUSES = ["new", "in_hand", "done"] as const;
export type SiteFeedbackStatus = (typeof SITE_FEEDBACK_STATUSES)[number];

/**
 * What someone said about the website or the programme from the form in every page's footer.
 * Rule 20: only the page it came from and the language are recorded with the words; the
 * sender is anonymous unless they give an email for a reply. No address, no account, no cookie.
 */
export const siteFeedback = sqliteTable(
  "site_feedback",
  {
    id: text("id").primaryKey(),
    /** The page's path, with anything personal in it (a booking's id, a link's token) left out. */
    page: text("page").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    whatWorks: text("what_works").notNull().default(""),
    toImprove: text("to_improve").notNull().default(""),
    /** Only when the sender asked for a reply. */
    replyEmail: text("reply_email"),
    status: text("status", { enum: SITE_FEEDBACK_STATUSES }).notNull().default("new"),
    repliedAt: integer("replied_at"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [index("site_feedback_status_idx").on(t.status, t.createdAt)],
);

/** "You said, we did" for the whole programme (not one event), often made from site feedback. */
export const programmeNotes = sqliteTable(
  "programme_notes",
  {
    id: text("id").primaryKey(),
    youSaid: text("you_said").notNull(),
    weDid: text("we_did").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    /** The feedback it answers, if it came from the inbox (never shown: it may hold an email). */
    feedbackId: text("feedback_id"),
    authorId: text("author_id").references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index("programme_notes_created_idx").on(t.createdAt)],
);

/**
 * Keys the site signs its own form fields with (the feedback form's start time), made at
 * random on first use and kept here, so the Worker and the Node server need no extra secret.
 */
export const formKeys = sqliteTable("form_keys", {
  name: text("name").primaryKey(),
  secret: text("secret").notNull(),
  createdAt: createdAt(),
});

// ─── Webhooks (issue #20): organisations' HTTPS endpoints, signed per Standard Webhooks ───

/** What an endpoint can ask to hear about (features/webhooks/events.ts says where each comes from). */
export const WEBHOOK_EVENT_TYPES = [
  "booking.confirmed",
  "booking.cancelled",
  "booking.checked_in",
  "group.changed",
  "session.changed",
  "session.cancelled",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * An organisation's receiver. The secret is kept as written (an HMAC key has to be: it signs,
 * it is not compared) and shown to the organisation once. After a rotation the previous secret
 * still signs until `previousSecretUntil`, so a receiver can switch over without a gap.
 */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    url: text("url").notNull(),
    events: text("events", { mode: "json" }).$type<WebhookEventType[]>().notNull(),
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    previousSecretUntil: integer("previous_secret_until"),
    createdAt: createdAt(),
    disabledAt: integer("disabled_at"),
  },
  (t) => [index("webhook_endpoints_org_idx").on(t.organisationId)],
);

/**
 * One event for one endpoint: its own queue (leases, attempts, backoff) beside the email
 * outbox's, because each receiver fails on its own and none should hold up email. `sourceKey`
 * names what caused it (the outbox message or the check-in), unique per endpoint, so the
 * fan-out can run any number of times and still queue each event once. The id is the
 * `webhook-id` the receiver sees, the same on every attempt and redelivery.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    eventType: text("event_type").notNull(),
    sourceKey: text("source_key").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["pending", "sending", "delivered", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull().default(0),
    leaseUntil: integer("lease_until"),
    leaseOwner: text("lease_owner"),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    deliveredAt: integer("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_source_idx").on(t.endpointId, t.sourceKey),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
  ],
);

// ─── Joining and your details (issue #14) ───

/**
 * What a young person chose to tell us when joining, beyond the account itself: both optional
 * (ICO Children's code: nothing more than the rules need). Access needs are offered back on
 * the booking form, so they need not be typed again.
 */
export const joinDetails = sqliteTable("join_details", {
  personId: text("person_id")
    .primaryKey()
    .references(() => people.id),
  school: text("school"),
  accessNeeds: text("access_needs"),
  createdAt: createdAt(),
});

/**
 * An under-13's account waits for a parent or carer (UK GDPR: 13 is the age of digital
 * consent). While a row here has no `confirmedAt`, the account gets no sign-in link and no
 * session (rules/digital-consent.ts). The parent's emailed link (only its hash is kept) is
 * their only credential.
 */
export const parentalConfirmations = sqliteTable(
  "parental_confirmations",
  {
    personId: text("person_id")
      .primaryKey()
      .references(() => people.id),
    parentEmail: text("parent_email").notNull(),
    tokenHash: text("token_hash").notNull(),
    confirmedAt: integer("confirmed_at"),
    /** The write that confirmed: later statements of its batch (the audit row) look for it. */
    confirmOp: text("confirm_op"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("parental_confirmations_token_unique").on(t.tokenHash)],
);

/** A change of email waiting for the link sent to the new address (right to rectification). */
export const emailChanges = sqliteTable(
  "email_changes",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    newEmail: text("new_email").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("email_changes_token_unique").on(t.tokenHash), index("email_changes_person_idx").on(t.personId)],
);

/**
 * A booking whose person's corrected date of birth puts them outside its event's age range:
 * never cancelled silently, shown to coordinators until one of them deals with it.
 */
export const bookingAgeFlags = sqliteTable(
  "booking_age_flags",
  {
    id: text("id").primaryKey(),
    bookingId: text("booking_id")
      .notNull()
      .references(() => bookings.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    age: integer("age").notNull(),
    minAge: integer("min_age").notNull(),
    maxAge: integer("max_age").notNull(),
    resolvedAt: integer("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [index("booking_age_flags_open_idx").on(t.resolvedAt, t.createdAt), index("booking_age_flags_booking_idx").on(t.bookingId)],
);
