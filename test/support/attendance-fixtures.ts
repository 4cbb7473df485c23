// Rows for attendance, feedback and report tests, inserted directly with drizzle so these
// tests do not depend on the booking engine or the catalogue being built.
import { bookings, events, memberships, organisations, sessions, type BookingStatus, type EventType, type OrganisationType } from "../../src/db/schema";
import { newId, newTicketCode } from "../../src/lib/crypto";
import { HOUR } from "../../src/lib/time";
import { createApiKey } from "../../src/features/organisations/keys";
import { personByEmail } from "./fixtures";
import { COORDINATOR, type Harness } from "./harness";

export async function seedOrganisation(h: Harness, type: OrganisationType, name: string): Promise<string> {
  const id = newId("org");
  await h.db.insert(organisations).values({ id, type, name });
  return id;
}

/** Signs in a member of staff of `organisationId` and returns their token. */
export async function staffToken(h: Harness, organisationId: string, email: string, displayName = "Staff Member"): Promise<string> {
  const token = await h.tokenFor(email, { displayName });
  await h.db.insert(memberships).values({ id: newId("mem"), organisationId, personId: (await personByEmail(h.db, email)).id }).onConflictDoNothing();
  return token;
}

export async function apiKeyFor(h: Harness, organisationId: string): Promise<string> {
  return (await createApiKey(h.deps, organisationId, "door scanner", null)).key;
}

/** A young person, signed in: returns their token and person id. */
export async function youngPerson(h: Harness, email: string, displayName: string): Promise<{ token: string; id: string }> {
  const token = await h.tokenFor(email, { displayName, dateOfBirth: "2008-05-01", isYoungPerson: true });
  return { token, id: (await personByEmail(h.db, email)).id };
}

export async function seedEvent(h: Harness, hostOrganisationId: string, options: { type?: EventType; title?: string } = {}): Promise<string> {
  const id = newId("evt");
  const title = options.title ?? "Try a trade";
  await h.db.insert(events).values({ id, type: options.type ?? "career_taster", title: { en: title }, description: { en: "A taster." }, hostOrganisationId, groupsAllowed: true });
  return id;
}

export async function seedSession(h: Harness, eventId: string, startsAt: string | number, options: { hours?: number; capacity?: number } = {}) {
  const start = new Date(startsAt).getTime();
  const [row] = await h.db
    .insert(sessions)
    .values({ id: newId("ses"), eventId, startsAt: start, endsAt: start + (options.hours ?? 2) * HOUR, capacity: options.capacity ?? 30 })
    .returning();
  return row!;
}

export async function seedBooking(
  h: Harness,
  session: { id: string; startsAt: number; endsAt: number },
  b: { personId: string; kind?: "individual" | "group"; organisationId?: string; pupils?: number; staff?: number; status?: BookingStatus; accessNeeds?: string; roster?: string[] },
) {
  const kind = b.kind ?? "individual";
  const seats = kind === "group" ? (b.pupils ?? 0) + (b.staff ?? 0) : 1;
  const [row] = await h.db
    .insert(bookings)
    .values({
      id: newId("bkg"),
      kind,
      sessionId: session.id,
      personId: b.personId,
      organisationId: b.organisationId ?? null,
      pupils: b.pupils ?? 0,
      staff: b.staff ?? 0,
      seats,
      status: b.status ?? "confirmed",
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      accessNeeds: b.accessNeeds ?? "",
      roster: b.roster ?? null,
      ticketCode: newTicketCode(),
    })
    .returning();
  return row!;
}

/**
 * The cast most tests need: an employer hosting an event, a school with a group booked, two
 * young people, another employer, and a coordinator. Emails are prefixed so several worlds
 * can live in one database.
 */
export async function seedWorld(h: Harness, prefix: string, sessionStart = "2026-03-02T10:00:00Z") {
  const host = await seedOrganisation(h, "employer", `${prefix} Builders Ltd`);
  const otherEmployer = await seedOrganisation(h, "employer", `${prefix} Other Employer`);
  const school = await seedOrganisation(h, "school", `${prefix} Riverside School`);
  const tokens = {
    coordinator: await h.tokenFor(COORDINATOR),
    host: await staffToken(h, host, `${prefix}-host@builders.test`),
    otherEmployer: await staffToken(h, otherEmployer, `${prefix}-staff@other.test`),
    school: await staffToken(h, school, `${prefix}-teacher@school.test`, "Ms Teacher"),
  };
  const amy = await youngPerson(h, `${prefix}-amy@young.test`, "Amy Jones");
  const ben = await youngPerson(h, `${prefix}-ben@young.test`, "Ben Smith");
  const eventId = await seedEvent(h, host);
  const session = await seedSession(h, eventId, sessionStart);
  const amyBooking = await seedBooking(h, session, { personId: amy.id, accessNeeds: "Ear defenders, quiet room" });
  const benBooking = await seedBooking(h, session, { personId: ben.id });
  const groupBooking = await seedBooking(h, session, {
    personId: (await personByEmail(h.db, `${prefix}-teacher@school.test`)).id,
    kind: "group",
    organisationId: school,
    pupils: 10,
    staff: 2,
  });
  return { host, otherEmployer, school, tokens, amy, ben, eventId, session, amyBooking, benBooking, groupBooking };
}
