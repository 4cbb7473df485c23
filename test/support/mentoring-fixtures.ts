// Rows for mentoring tests, inserted directly so the tests do not depend on other features' endpoints.
import { bookings, memberships, mentoringSlots, mentors, organisations, venues, type OrganisationType } from "../../src/db/schema";
import { newId, newTicketCode } from "../../src/lib/crypto";
import { personByEmail } from "./fixtures";
import type { Harness } from "./harness";

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export async function makeOrg(h: Harness, type: OrganisationType = "employer") {
  const id = newId("org");
  await h.db.insert(organisations).values({ id, type, name: `${type} ${uniq()}` });
  return id;
}

/** A member of staff of `organisationId`, signed in. */
export async function staffOf(h: Harness, organisationId: string) {
  const email = `staff-${uniq()}@example.test`;
  const token = await h.tokenFor(email);
  const person = await personByEmail(h.db, email);
  await h.db.insert(memberships).values({ id: newId("mem"), organisationId, personId: person.id });
  return { token, email, personId: person.id };
}

/** A signed-in young person born on `dateOfBirth`. */
export async function youngPerson(h: Harness, dateOfBirth = "2005-06-01") {
  const email = `yp-${uniq()}@example.test`;
  const token = await h.tokenFor(email, { dateOfBirth, isYoungPerson: true });
  return { token, email, personId: (await personByEmail(h.db, email)).id };
}

export async function makeVenue(h: Harness) {
  const id = newId("ven");
  await h.db.insert(venues).values({ id, name: "Central Library", address: "1 High St", postcode: "AB1 2CD", stepFree: true });
  return id;
}

export type DbsState = { checkedOn: string; expiresOn: string; revoked?: boolean } | null;

export async function makeMentor(h: Harness, organisationId: string, options: { dbs?: DbsState; sector?: string; languages?: string[] } = {}) {
  const id = newId("mnt");
  const dbs = options.dbs === undefined ? { checkedOn: "2025-01-10", expiresOn: "2028-01-10" } : options.dbs;
  await h.db.insert(mentors).values({
    id,
    organisationId,
    displayName: `Mentor ${uniq()}`,
    email: `mentor-${uniq()}@employer.test`,
    sector: options.sector ?? "engineering",
    bio: { en: "I build bridges." },
    languages: options.languages ?? ["en"],
    dbsCheckedOn: dbs?.checkedOn ?? null,
    dbsExpiresOn: dbs?.expiresOn ?? null,
    dbsCertificateLast4: dbs ? "1234" : null,
    dbsRevokedAt: dbs?.revoked ? Date.parse("2026-01-01T00:00:00Z") : null,
  });
  return id;
}

export async function makeSlot(
  h: Harness,
  mentorId: string,
  startsAt: string,
  options: { minutes?: number; mode?: "online" | "in_person"; venueId?: string; meetingUrl?: string } = {},
) {
  const id = newId("mslot");
  const start = Date.parse(startsAt);
  const mode = options.mode ?? "online";
  await h.db.insert(mentoringSlots).values({
    id,
    mentorId,
    startsAt: start,
    endsAt: start + (options.minutes ?? 60) * 60_000,
    mode,
    meetingUrl: mode === "online" ? (options.meetingUrl ?? `https://meet.example.test/${id}`) : null,
    venueId: mode === "in_person" ? options.venueId! : null,
  });
  return id;
}

/** Another live booking the young person holds (standing in for an event booking). */
export async function holdOtherBooking(h: Harness, personId: string, startsAt: string, minutes = 60) {
  const start = Date.parse(startsAt);
  const id = newId("bkg");
  await h.db.insert(bookings).values({ id, kind: "individual", personId, status: "confirmed", startsAt: start, endsAt: start + minutes * 60_000, ticketCode: newTicketCode() });
  return id;
}
