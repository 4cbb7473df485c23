// OWASP API1 (broken object-level authorisation): every route that takes an id is called by
// people who must not reach that object — another young person, another school's or
// employer's staff, another organisation's API key, nobody — and must answer 401, 403 or 404,
// never 2xx. The route list comes from the OpenAPI document: a new route with an id fails the
// coverage test until it is added to CASES below.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, bookingAgeFlags, careersRules, contributors, outbox, recordShares, timebankEntries, timebankOffers, webhookDeliveries } from "../src/db/schema";
import { createEndpoint } from "../src/features/webhooks/endpoints";
import { newId } from "../src/lib/crypto";
import { createOrganisation } from "../src/features/organisations/create";
import { createApiKey } from "../src/features/organisations/keys";
import { addMember } from "../src/features/organisations/members";
import { COORDINATOR, createHarness, type Harness } from "./support/harness";
import { event, personByEmail, session, venue } from "./support/fixtures";
import { createService } from "../src/features/directory/create-service";
import { orukId } from "../src/features/directory/open-referral";
import { makeMentor, makeSlot, youngPerson } from "./support/mentoring-fixtures";

type Party = "anonymous" | "youngPerson" | "otherSchool" | "otherEmployer" | "otherKey" | "otherSchoolKey" | "owner" | "hostStaff" | "schoolStaff" | "coordinator";

interface Case {
  path: () => string;
  body?: () => unknown;
  /** Who may: called last, must not be refused (proves the id and body are right). */
  owner?: Party;
  /** Who must be refused. */
  outsiders: Party[];
  /** Public by design: outsiders get 200 but never these fields. */
  publicWithout?: string[];
  why?: string;
}

let h: Harness;
const tokens: Partial<Record<Party, string>> = {};
const w: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  const employer = await createOrganisation(h.deps, { type: "employer", name: "Northbuild" });
  const otherEmployer = await createOrganisation(h.deps, { type: "employer", name: "Brightbank" });
  const school = await createOrganisation(h.deps, { type: "school", name: "Riverside" });
  const otherSchool = await createOrganisation(h.deps, { type: "school", name: "Hillview" });
  for (const [org, email] of [
    [employer.id, "host@northbuild.test"],
    [otherEmployer.id, "staff@brightbank.test"],
    [school.id, "staff@riverside.test"],
    [otherSchool.id, "staff@hillview.test"],
  ] as const) {
    await addMember(h.deps, org, { email, displayName: "Staff" });
  }
  tokens.hostStaff = await h.tokenFor("host@northbuild.test");
  tokens.otherEmployer = await h.tokenFor("staff@brightbank.test");
  tokens.schoolStaff = await h.tokenFor("staff@riverside.test");
  tokens.otherSchool = await h.tokenFor("staff@hillview.test");
  tokens.coordinator = await h.tokenFor(COORDINATOR);
  tokens.otherKey = (await createApiKey(h.deps, otherEmployer.id, "integration", null)).key;
  tokens.otherSchoolKey = (await createApiKey(h.deps, otherSchool.id, "MIS", null)).key;
  const owner = await youngPerson(h, "2009-01-01");
  const other = await youngPerson(h, "2009-01-01");
  tokens.owner = owner.token;
  tokens.youngPerson = other.token;

  const ven = await venue(h.db);
  const ev = await event(h.db, { hostOrganisationId: employer.id, groupsAllowed: true });
  const s = await session(h.db, h.clock.now(), { eventId: ev.id, capacity: 30 });
  const booking = (await (await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: owner.token, body: {} })).json()) as { id: string; ticketCode: string };
  const group = (await (await h.request("POST", `/api/v1/sessions/${s.id}/group-bookings`, { token: tokens.schoolStaff, body: { schoolId: school.id, pupils: 4, staff: 1 } })).json()) as { id: string };
  const mentor = await makeMentor(h, employer.id);
  const bookedSlot = await makeSlot(h, mentor, "2026-03-20T17:00:00Z");
  const mentoring = (await (await h.request("POST", `/api/v1/mentoring-slots/${bookedSlot}/bookings`, { token: owner.token, body: {} })).json()) as { id: string };
  const failed = newId("msg");
  await h.db.insert(outbox).values({ id: failed, template: "magic_link", toEmail: "typo@exmaple.test", payload: { url: "x" }, status: "failed", attempts: 10 });
  const spareKey = await createApiKey(h.deps, school.id, "spare", null);
  const schoolActor = { kind: "api_key" as const, organisationId: school.id, apiKeyId: "test" };
  const hook = await createEndpoint(h.deps, schoolActor, school.id, { url: "https://crm.riverside.test/hooks", events: ["booking.confirmed"] });
  const hookDelivery = newId("msg");
  await h.db.insert(webhookDeliveries).values({ id: hookDelivery, endpointId: hook.id, eventType: "booking.confirmed", sourceKey: "test", payload: {}, status: "failed" });
  // The directory: a published service the employer runs, and two of its proposals.
  const coordinatorActor = { kind: "person" as const, person: (await personByEmail(h.db, COORDINATOR))!, isCoordinator: true, organisationIds: [], authSessionId: "test" };
  const published = await createService(h.deps, coordinatorActor, { organisationId: employer.id, categoryId: "jobs", name: { en: "Job club" }, description: { en: "Help with applications" } });
  const hostKey = { kind: "api_key" as const, organisationId: employer.id, apiKeyId: "test" };
  const proposal = await createService(h.deps, hostKey, { organisationId: employer.id, categoryId: "jobs", name: { en: "CV clinic" }, description: { en: "Bring your CV" } });
  const another = await createService(h.deps, hostKey, { organisationId: employer.id, categoryId: "jobs", name: { en: "Interview practice" }, description: { en: "Practise" } });
  const carousel = (await (
    await h.request("POST", "/api/v1/carousels", {
      token: tokens.coordinator,
      body: { title: "Careers carousel", startsAt: inTwoWeeks(9), roundMinutes: 20, changeoverMinutes: 5, rounds: 1, stations: [{ hostOrganisationId: employer.id, name: "Bricklaying", capacity: 40 }] },
    })
  ).json()) as { id: string; stations: { id: string }[] };
  const carouselGroup = (await (
    await h.request("POST", `/api/v1/carousels/${carousel.id}/group-bookings`, { token: tokens.schoolStaff, body: { schoolId: school.id, label: "Year 9", pupils: 4, staff: 1, minAge: 13, maxAge: 14 } })
  ).json()) as { id: string };
  await h.request("POST", `/api/v1/carousels/${carousel.id}/plan`, { token: tokens.coordinator });
  // The timebank: a contributor at the employer's session, a credit, and an offer of the employer's.
  const contributor = newId("ctb");
  await h.db.insert(contributors).values({ id: contributor, sessionId: s.id, name: "Maureen", role: "resident" });
  const entry = newId("tbe");
  await h.db.insert(timebankEntries).values({ id: entry, kind: "contribution", minutes: 60, holderKey: `contributor:${contributor}`, contributorId: contributor, sessionId: s.id, at: h.clock.now() });
  const offer = newId("tbo");
  await h.db.insert(timebankOffers).values({ id: offer, organisationId: employer.id, title: "Cinema ticket", costMinutes: 120 });
  const recordShare = newId("rsh");
  await h.db.insert(recordShares).values({ id: recordShare, personId: owner.personId, tokenHash: "not-a-real-hash" });
  const careersRule = newId("crr");
  await h.db.insert(careersRules).values({ id: careersRule, benchmark: "gatsby6", eventType: "career_taster" });
  const ageFlag = newId("agf");
  await h.db.insert(bookingAgeFlags).values({ id: ageFlag, bookingId: booking.id, personId: owner.personId, age: 10, minAge: 11, maxAge: 25 });
  Object.assign(w, {
    ageFlag,
    careersRule,
    recordShare,
    contributor,
    timebankEntry: entry,
    timebankOffer: offer,
    employer: employer.id,
    school: school.id,
    otherSchool: otherSchool.id,
    venue: ven.id,
    event: ev.id,
    session: s.id,
    ownerId: owner.personId,
    booking: booking.id,
    ticketCode: booking.ticketCode,
    group: group.id,
    mentor,
    openSlot: await makeSlot(h, mentor, "2026-03-21T17:00:00Z"),
    managedSlot: await makeSlot(h, mentor, "2026-03-22T17:00:00Z"),
    mentoring: mentoring.id,
    failed,
    spareKey: spareKey.id,
    webhook: hook.id,
    webhookDelivery: hookDelivery,
    directoryService: "published" in published ? published.published.id : "",
    directoryChange: "proposed" in proposal ? proposal.proposed.id : "",
    directoryChange2: "proposed" in another ? another.proposed.id : "",
    orukService: "published" in published ? await orukId("service", published.published.id) : "",
    orukOrganisation: await orukId("organisation", employer.id),
    carousel: carousel.id,
    carouselStation: carousel.stations[0]!.id,
    carouselGroup: carouselGroup.id,
    siteFeedback: ((await (await h.request("POST", "/api/v1/site-feedback", { body: { whatWorks: "Clear pages", email: "reader@example.test" } })).json()) as { id: string }).id,
  });
  expect(Object.values(w).every(Boolean)).toBe(true);
});
afterAll(() => h.close());

const EVERYONE: Party[] = ["anonymous", "youngPerson", "otherSchool", "otherEmployer", "otherKey", "otherSchoolKey"];
const NOT_HOST = [...EVERYONE];
const NOT_COORDINATOR: Party[] = [...EVERYONE, "hostStaff", "schoolStaff"];
const inTwoWeeks = (h: number) => `2026-03-16T${String(h).padStart(2, "0")}:00:00Z`;

// Ordered so that the owners' own calls (which may cancel or change things) come after the
// reads that need the object as it was.
const CASES: Record<string, Case> = {
  "POST /organisations/{id}/members": { path: () => `/api/v1/organisations/${w.school}/members`, body: () => ({ email: "new@riverside.test", displayName: "New" }), owner: "schoolStaff", outsiders: [...EVERYONE, "hostStaff"] },
  "GET /organisations/{id}/api-keys": { path: () => `/api/v1/organisations/${w.school}/api-keys`, owner: "schoolStaff", outsiders: [...EVERYONE, "hostStaff"] },
  "POST /organisations/{id}/api-keys": { path: () => `/api/v1/organisations/${w.school}/api-keys`, body: () => ({ name: "stolen" }), owner: "schoolStaff", outsiders: [...EVERYONE, "hostStaff"] },
  "DELETE /organisations/{id}/api-keys/{keyId}": { path: () => `/api/v1/organisations/${w.school}/api-keys/${w.spareKey}`, owner: "schoolStaff", outsiders: [...EVERYONE, "hostStaff"] },
  "POST /organisations/{id}/webhooks": { path: () => `/api/v1/organisations/${w.school}/webhooks`, body: () => ({ url: "https://evil.example/hook", events: ["booking.confirmed"] }), owner: "schoolStaff", outsiders: [...EVERYONE, "hostStaff"] },
  "GET /organisations/{id}/webhooks": { path: () => `/api/v1/organisations/${w.school}/webhooks`, owner: "schoolStaff", outsiders: [...EVERYONE, "hostStaff"] },
  "GET /organisations/{id}/webhooks/{webhookId}/deliveries": { path: () => `/api/v1/organisations/${w.school}/webhooks/${w.webhook}/deliveries`, owner: "schoolStaff", outsiders: [...EVERYONE, "hostStaff"] },
  "POST /organisations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": {
    path: () => `/api/v1/organisations/${w.school}/webhooks/${w.webhook}/deliveries/${w.webhookDelivery}/redeliver`,
    owner: "schoolStaff",
    outsiders: [...EVERYONE, "hostStaff"],
  },
  "POST /organisations/{id}/webhooks/{webhookId}/rotate-secret": { path: () => `/api/v1/organisations/${w.school}/webhooks/${w.webhook}/rotate-secret`, owner: "schoolStaff", outsiders: [...EVERYONE, "hostStaff"] },
  "DELETE /organisations/{id}/webhooks/{webhookId}": { path: () => `/api/v1/organisations/${w.school}/webhooks/${w.webhook}`, owner: "schoolStaff", outsiders: [...EVERYONE, "hostStaff"] },
  "GET /venues/{id}": { path: () => `/api/v1/venues/${w.venue}`, owner: "anonymous", outsiders: [], why: "the catalogue is public" },
  "PATCH /venues/{id}": { path: () => `/api/v1/venues/${w.venue}`, body: () => ({ publicTransport: { en: "Bus 12" } }), owner: "coordinator", outsiders: NOT_COORDINATOR, why: "a shared space belongs to no organisation: only coordinators change it" },
  "GET /events/{id}": { path: () => `/api/v1/events/${w.event}`, owner: "anonymous", outsiders: [], why: "the catalogue is public" },
  "GET /events/{id}/you-said-we-did": { path: () => `/api/v1/events/${w.event}/you-said-we-did`, owner: "anonymous", outsiders: [], why: "published notes are public" },
  "GET /sessions/{id}": { path: () => `/api/v1/sessions/${w.session}`, owner: "anonymous", outsiders: [], why: "the catalogue is public" },
  "PATCH /events/{id}": { path: () => `/api/v1/events/${w.event}`, body: () => ({ minAge: 12 }), owner: "hostStaff", outsiders: NOT_HOST },
  "POST /events/{id}/sessions": {
    path: () => `/api/v1/events/${w.event}/sessions`,
    body: () => ({ startsAt: inTwoWeeks(10), endsAt: inTwoWeeks(12), venueId: w.venue, capacity: 10 }),
    owner: "hostStaff",
    outsiders: NOT_HOST,
  },
  "GET /events/{id}/feedback-summary": { path: () => `/api/v1/events/${w.event}/feedback-summary`, owner: "hostStaff", outsiders: NOT_HOST },
  "POST /events/{id}/you-said-we-did": { path: () => `/api/v1/events/${w.event}/you-said-we-did`, body: () => ({ youSaid: "More breaks", weDid: "Added one" }), owner: "coordinator", outsiders: NOT_COORDINATOR },
  "GET /sessions/{id}/attendance": { path: () => `/api/v1/sessions/${w.session}/attendance`, owner: "hostStaff", outsiders: NOT_HOST },
  "GET /sessions/{id}/report.csv": { path: () => `/api/v1/sessions/${w.session}/report.csv`, owner: "hostStaff", outsiders: NOT_HOST },
  "POST /sessions/{id}/check-ins": { path: () => `/api/v1/sessions/${w.session}/check-ins`, body: () => ({ ticketCode: w.ticketCode }), owner: "hostStaff", outsiders: NOT_HOST },
  "DELETE /sessions/{id}/check-ins/{bookingId}": { path: () => `/api/v1/sessions/${w.session}/check-ins/${w.booking}`, owner: "hostStaff", outsiders: NOT_HOST },
  "POST /sessions/{id}/register/close": { path: () => `/api/v1/sessions/${w.session}/register/close`, owner: "hostStaff", outsiders: NOT_HOST },
  "POST /sessions/{id}/bookings": {
    // Any young person may book themselves; nobody but a coordinator may book for someone else.
    path: () => `/api/v1/sessions/${w.session}/bookings`,
    body: () => ({ personId: w.ownerId }),
    owner: "coordinator",
    outsiders: [...EVERYONE, "hostStaff", "schoolStaff"],
  },
  "POST /events/{id}/series-bookings": {
    // As a single booking: any young person books every date for themselves; nobody but a
    // coordinator may book a series for someone else.
    path: () => `/api/v1/events/${w.event}/series-bookings`,
    body: () => ({ personId: w.ownerId }),
    owner: "coordinator",
    outsiders: [...EVERYONE, "hostStaff", "schoolStaff"],
  },
  "POST /sessions/{id}/household-bookings": {
    // Any signed-in person may book their own household (the session here is not a family event:
    // the owner's answer is 422, which proves they got past authorisation); keys and nobody may not.
    path: () => `/api/v1/sessions/${w.session}/household-bookings`,
    body: () => ({ adults: 1, children: 2 }),
    owner: "youngPerson",
    outsiders: ["anonymous", "otherKey", "otherSchoolKey"],
  },
  "POST /sessions/{id}/group-bookings": {
    path: () => `/api/v1/sessions/${w.session}/group-bookings`,
    body: () => ({ schoolId: w.school, pupils: 2, staff: 1 }),
    owner: "schoolStaff",
    outsiders: [...EVERYONE, "hostStaff"],
  },
  "GET /mentors/{id}": { path: () => `/api/v1/mentors/${w.mentor}`, owner: "hostStaff", outsiders: EVERYONE, publicWithout: ["email", "dbs"], why: "mentor profiles are public; contact and DBS details are not" },
  "GET /mentors/{id}/slots": { path: () => `/api/v1/mentors/${w.mentor}/slots`, owner: "hostStaff", outsiders: NOT_HOST },
  "POST /mentors/{id}/slots": {
    path: () => `/api/v1/mentors/${w.mentor}/slots`,
    body: () => ({ mode: "online", meetingUrl: "https://meet.example.test/new", startsAt: "2026-03-25T17:00:00Z", endsAt: "2026-03-25T18:00:00Z" }),
    owner: "hostStaff",
    outsiders: NOT_HOST,
  },
  "POST /mentors/{id}/verification": { path: () => `/api/v1/mentors/${w.mentor}/verification`, body: () => ({ checkedOn: "2025-01-10", expiresOn: "2028-01-10", certificateLast4: "9876" }), owner: "coordinator", outsiders: NOT_COORDINATOR },
  "PATCH /mentoring-slots/{id}": { path: () => `/api/v1/mentoring-slots/${w.managedSlot}`, body: () => ({ meetingUrl: "https://meet.example.test/moved" }), owner: "hostStaff", outsiders: NOT_HOST },
  "POST /mentoring-slots/{id}/withdraw": { path: () => `/api/v1/mentoring-slots/${w.managedSlot}/withdraw`, owner: "hostStaff", outsiders: NOT_HOST },
  "POST /mentoring-slots/{id}/bookings": {
    // Any young person may book an open slot: outsiders here are those who are not one.
    path: () => `/api/v1/mentoring-slots/${w.openSlot}/bookings`,
    body: () => ({}),
    owner: "youngPerson",
    outsiders: ["anonymous", "otherSchool", "otherEmployer", "otherKey", "otherSchoolKey"],
  },
  "GET /mentoring-bookings/{id}": { path: () => `/api/v1/mentoring-bookings/${w.mentoring}`, owner: "owner", outsiders: EVERYONE },
  "POST /mentoring-bookings/{id}/cancel": { path: () => `/api/v1/mentoring-bookings/${w.mentoring}/cancel`, owner: "owner", outsiders: EVERYONE },
  "GET /bookings/{id}": { path: () => `/api/v1/bookings/${w.booking}`, owner: "owner", outsiders: [...EVERYONE, "hostStaff", "schoolStaff"] },
  "GET /bookings/{id}/ticket.svg": { path: () => `/api/v1/bookings/${w.booking}/ticket.svg`, owner: "owner", outsiders: [...EVERYONE, "hostStaff", "schoolStaff"] },
  "GET /bookings/{id}/invite.ics": { path: () => `/api/v1/bookings/${w.booking}/invite.ics`, owner: "owner", outsiders: [...EVERYONE, "hostStaff", "schoolStaff"] },
  "POST /bookings/{id}/feedback": { path: () => `/api/v1/bookings/${w.booking}/feedback`, body: () => ({ rating: 5 }), owner: "owner", outsiders: [...EVERYONE, "hostStaff", "schoolStaff"] },
  "POST /bookings/{id}/accept-offer": { path: () => `/api/v1/bookings/${w.booking}/accept-offer`, owner: "owner", outsiders: [...EVERYONE, "hostStaff", "schoolStaff"] },
  "POST /bookings/{id}/cancel": { path: () => `/api/v1/bookings/${w.booking}/cancel`, owner: "owner", outsiders: [...EVERYONE, "hostStaff", "schoolStaff"] },
  "PATCH /group-bookings/{id}": { path: () => `/api/v1/group-bookings/${w.group}`, body: () => ({ accessNeeds: "A ramp please" }), owner: "schoolStaff", outsiders: [...EVERYONE, "owner", "hostStaff"] },
  "POST /group-bookings/{id}/cancel": { path: () => `/api/v1/group-bookings/${w.group}/cancel`, owner: "schoolStaff", outsiders: [...EVERYONE, "owner", "hostStaff"] },
  "GET /carousels/{id}": { path: () => `/api/v1/carousels/${w.carousel}`, owner: "anonymous", outsiders: [], why: "carousels are public, like the catalogue" },
  "POST /carousels/{id}/group-bookings": {
    path: () => `/api/v1/carousels/${w.carousel}/group-bookings`,
    body: () => ({ schoolId: w.school, label: "Year 10", pupils: 2, staff: 1, minAge: 14, maxAge: 15 }),
    owner: "schoolStaff",
    outsiders: [...EVERYONE, "hostStaff"],
  },
  "GET /carousels/{id}/plan": { path: () => `/api/v1/carousels/${w.carousel}/plan`, owner: "schoolStaff", outsiders: [...EVERYONE, "owner", "hostStaff"] },
  "POST /carousels/{id}/timetables/send": { path: () => `/api/v1/carousels/${w.carousel}/timetables/send`, owner: "coordinator", outsiders: NOT_COORDINATOR },
  "POST /carousels/{id}/plan": { path: () => `/api/v1/carousels/${w.carousel}/plan`, owner: "coordinator", outsiders: NOT_COORDINATOR },
  "GET /carousel-groups/{id}": { path: () => `/api/v1/carousel-groups/${w.carouselGroup}`, owner: "schoolStaff", outsiders: [...EVERYONE, "owner", "hostStaff"] },
  "GET /carousel-groups/{id}/timetable": { path: () => `/api/v1/carousel-groups/${w.carouselGroup}/timetable`, owner: "schoolStaff", outsiders: [...EVERYONE, "owner", "hostStaff"] },
  "GET /carousel-stations/{id}/timetable": { path: () => `/api/v1/carousel-stations/${w.carouselStation}/timetable`, owner: "hostStaff", outsiders: [...EVERYONE, "owner", "schoolStaff"] },
  "POST /carousel-groups/{id}/check-in": { path: () => `/api/v1/carousel-groups/${w.carouselGroup}/check-in`, body: () => ({ pupils: 4, staff: 1 }), owner: "coordinator", outsiders: NOT_COORDINATOR },
  "POST /carousel-groups/{id}/cancel": { path: () => `/api/v1/carousel-groups/${w.carouselGroup}/cancel`, owner: "schoolStaff", outsiders: [...EVERYONE, "owner", "hostStaff"] },
  "POST /sessions/{id}/contributors": { path: () => `/api/v1/sessions/${w.session}/contributors`, body: () => ({ name: "Dev", role: "employer_volunteer" }), owner: "hostStaff", outsiders: [...NOT_HOST, "schoolStaff", "owner"] },
  "GET /sessions/{id}/contributors": { path: () => `/api/v1/sessions/${w.session}/contributors`, owner: "hostStaff", outsiders: [...NOT_HOST, "schoolStaff", "owner"] },
  // Before the session ends the host's confirmation is a 409: it got past the authorisation.
  "POST /contributors/{id}/confirmation": { path: () => `/api/v1/contributors/${w.contributor}/confirmation`, owner: "hostStaff", outsiders: [...NOT_HOST, "schoolStaff", "owner"] },
  "POST /timebank/entries/{id}/reversal": { path: () => `/api/v1/timebank/entries/${w.timebankEntry}/reversal`, body: () => ({ note: "Recorded twice" }), owner: "coordinator", outsiders: NOT_COORDINATOR },
  // Anyone signed in may spend their own hours (with none, a 409); a key speaks for no person.
  "POST /timebank/offers/{id}/redemptions": { path: () => `/api/v1/timebank/offers/${w.timebankOffer}/redemptions`, owner: "owner", outsiders: ["anonymous", "otherKey", "otherSchoolKey"] },
  "POST /timebank/offers/{id}/withdrawal": { path: () => `/api/v1/timebank/offers/${w.timebankOffer}/withdrawal`, owner: "hostStaff", outsiders: [...EVERYONE, "schoolStaff", "owner"] },
  "GET /schools/{id}/careers-evidence": { path: () => `/api/v1/schools/${w.school}/careers-evidence`, owner: "schoolStaff", outsiders: [...EVERYONE, "owner", "hostStaff"] },
  "GET /schools/{id}/careers-evidence.csv": { path: () => `/api/v1/schools/${w.school}/careers-evidence.csv`, owner: "schoolStaff", outsiders: [...EVERYONE, "owner", "hostStaff"] },
  "DELETE /careers-rules/{id}": { path: () => `/api/v1/careers-rules/${w.careersRule}`, owner: "coordinator", outsiders: NOT_COORDINATOR },
  "DELETE /me/record-links/{id}": { path: () => `/api/v1/me/record-links/${w.recordShare}`, owner: "owner", outsiders: [...EVERYONE, "hostStaff", "schoolStaff", "coordinator"] },
  "GET /records/{token}": { path: () => `/api/v1/records/${"g".repeat(32)}`, outsiders: ["anonymous", "youngPerson", "coordinator"], why: "token is the credential" },
  "PATCH /sessions/{id}": { path: () => `/api/v1/sessions/${w.session}`, body: () => ({ capacity: 31 }), owner: "coordinator", outsiders: NOT_COORDINATOR },
  "POST /sessions/{id}/cancel": { path: () => `/api/v1/sessions/${w.session}/cancel`, owner: "coordinator", outsiders: NOT_COORDINATOR },
  "GET /directory/services/{id}": { path: () => `/api/v1/directory/services/${w.directoryService}`, owner: "anonymous", outsiders: [], why: "the directory is public" },
  "GET /oruk/services/{id}": { path: () => `/api/v1/oruk/services/${w.orukService}`, owner: "anonymous", outsiders: [], why: "the Open Referral UK feed is public by standard" },
  "GET /oruk/organizations/{id}": { path: () => `/api/v1/oruk/organizations/${w.orukOrganisation}`, owner: "anonymous", outsiders: [], why: "the Open Referral UK feed is public by standard" },
  "GET /directory/changes/{id}": { path: () => `/api/v1/directory/changes/${w.directoryChange}`, owner: "hostStaff", outsiders: [...NOT_HOST, "schoolStaff"] },
  "PATCH /directory/services/{id}": { path: () => `/api/v1/directory/services/${w.directoryService}`, body: () => ({ name: { en: "Job club (Tuesdays)" } }), owner: "hostStaff", outsiders: [...NOT_HOST, "schoolStaff"] },
  "POST /directory/services/{id}/checked": { path: () => `/api/v1/directory/services/${w.directoryService}/checked`, owner: "coordinator", outsiders: NOT_COORDINATOR },
  "POST /directory/changes/{id}/approve": { path: () => `/api/v1/directory/changes/${w.directoryChange}/approve`, owner: "coordinator", outsiders: NOT_COORDINATOR },
  "POST /directory/changes/{id}/reject": { path: () => `/api/v1/directory/changes/${w.directoryChange2}/reject`, owner: "coordinator", outsiders: NOT_COORDINATOR },
  // Website feedback may hold a reply address: only coordinators read or act on it (rule 20).
  "GET /site-feedback/{id}": { path: () => `/api/v1/site-feedback/${w.siteFeedback}`, owner: "coordinator", outsiders: NOT_COORDINATOR },
  "PATCH /site-feedback/{id}": { path: () => `/api/v1/site-feedback/${w.siteFeedback}`, body: () => ({ status: "in_hand" }), owner: "coordinator", outsiders: NOT_COORDINATOR },
  "POST /site-feedback/{id}/reply": { path: () => `/api/v1/site-feedback/${w.siteFeedback}/reply`, body: () => ({ message: "Thank you" }), owner: "coordinator", outsiders: NOT_COORDINATOR },
  "POST /site-feedback/{id}/publish": { path: () => `/api/v1/site-feedback/${w.siteFeedback}/publish`, body: () => ({ youSaid: "Clear pages", weDid: "Kept them so" }), owner: "coordinator", outsiders: NOT_COORDINATOR },
  "POST /outbox/{id}/retry": { path: () => `/api/v1/outbox/${w.failed}/retry`, owner: "coordinator", outsiders: NOT_COORDINATOR },
  "POST /outbox/{id}/recipient": { path: () => `/api/v1/outbox/${w.failed}/recipient`, body: () => ({ email: "fixed@example.test" }), owner: "coordinator", outsiders: NOT_COORDINATOR },
  // The secret in the URL is the credential: a guessed one is simply not found.
  "POST /age-flags/{id}/resolution": { path: () => `/api/v1/age-flags/${w.ageFlag}/resolution`, owner: "coordinator", outsiders: NOT_COORDINATOR, why: "only coordinators decide about a booking outside its age range" },
  "POST /email-changes/{token}": { path: () => `/api/v1/email-changes/${"g".repeat(43)}`, outsiders: ["anonymous", "youngPerson"], why: "token is the credential" },
  "POST /consents/{token}": { path: () => `/api/v1/consents/${"g".repeat(43)}`, body: () => ({ decision: "grant" }), outsiders: ["anonymous", "youngPerson"], why: "token is the credential" },
  "GET /calendar-feeds/{token}.ics": { path: () => `/api/v1/calendar-feeds/${"g".repeat(43)}.ics`, outsiders: ["anonymous", "youngPerson"], why: "token is the credential" },
};

async function call(route: string, c: Case, party: Party) {
  const method = route.split(" ")[0]!;
  return h.request(method, c.path(), { token: party === "anonymous" ? undefined : tokens[party], body: c.body?.() ?? (method === "POST" || method === "PATCH" ? {} : undefined) });
}

describe("object-level authorisation on every id-taking route", () => {
  it("covers every route with an id in the OpenAPI document", async () => {
    const doc = (await (await h.request("GET", "/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const withIds = Object.entries(doc.paths)
      .filter(([path]) => path.includes("{"))
      .flatMap(([path, item]) => Object.keys(item).filter((m) => ["get", "post", "patch", "put", "delete"].includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
    expect(withIds.filter((r) => !(r in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((r) => !withIds.includes(r))).toEqual([]);
  });

  it.each(Object.keys(CASES))("%s refuses everyone who must not reach the object", async (route) => {
    const c = CASES[route]!;
    for (const party of c.outsiders) {
      const res = await call(route, c, party);
      if (c.publicWithout && party !== "anonymous") {
        expect(res.status, `${route} as ${party}`).toBe(200);
        const body = (await res.json()) as Record<string, unknown>;
        for (const field of c.publicWithout) expect(body, `${route} as ${party}`).not.toHaveProperty(field);
        continue;
      }
      if (c.publicWithout) {
        const body = res.status === 200 ? ((await res.json()) as Record<string, unknown>) : {};
        for (const field of c.publicWithout) expect(body).not.toHaveProperty(field);
        continue;
      }
      expect([401, 403, 404], `${route} as ${party}: ${res.status} ${await res.clone().text()}`).toContain(res.status);
      if (party === "anonymous" && !c.why) expect(res.status, `${route} with no token`).toBe(401);
    }
    if (c.owner) {
      const res = await call(route, c, c.owner);
      expect([400, 401, 403, 404], `${route} as its owner (${c.owner}): ${res.status} ${await res.clone().text()}`).not.toContain(res.status);
    }
  });

  it("keeps a school's group booking from other schools, their keys, hosts and young people on every booking read", async () => {
    for (const suffix of ["", "/ticket.svg", "/invite.ics"]) {
      const path = `/api/v1/bookings/${w.group}${suffix}`;
      for (const party of ["otherSchool", "otherSchoolKey", "otherKey", "hostStaff", "youngPerson", "owner"] as const) {
        const res = await h.request("GET", path, { token: tokens[party] });
        expect([403, 404], `GET ${path} as ${party}`).toContain(res.status);
      }
      expect([400, 401, 403, 404]).not.toContain((await h.request("GET", path, { token: tokens.schoolStaff })).status);
    }
  });

  it("does not let staff revoke another organisation's API key through their own organisation's path", async () => {
    const victim = await createApiKey(h.deps, w.school!, "victim", null);
    const res = await h.request("DELETE", `/api/v1/organisations/${w.otherSchool}/api-keys/${victim.id}`, { token: tokens.otherSchool });
    expect([403, 404]).toContain(res.status);
    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, victim.id));
    expect(row!.revokedAt).toBeNull();
  });
});
