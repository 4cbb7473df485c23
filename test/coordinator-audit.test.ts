// Rule 14: every coordinator read of other people's personal data leaves an audit row. One
// case per read; a new coordinator read of personal data belongs in this table. (Not here:
// GET /reports/programme.csv, counts only; public catalogue reads.)
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, people } from "../src/db/schema";
import { COORDINATOR, createHarness, type Harness } from "./support/harness";
import { session } from "./support/fixtures";
import { makeMentor, makeOrg, makeSlot, youngPerson } from "./support/mentoring-fixtures";

let h: Harness;
let coordinator: string;
let coordinatorId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  coordinator = await h.tokenFor(COORDINATOR);
  coordinatorId = (await h.db.select().from(people).where(eq(people.email, COORDINATOR)))[0]!.id;
  const yp = await youngPerson(h, "2009-01-01");
  const s = await session(h.db, h.clock.now(), { capacity: 5 });
  ids.session = s.id;
  ids.event = s.eventId;
  ids.booking = ((await (await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: {} })).json()) as { id: string }).id;
  ids.mentor = await makeMentor(h, await makeOrg(h));
  const slot = await makeSlot(h, ids.mentor, "2026-03-20T17:00:00Z");
  ids.mentoringBooking = ((await (await h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: {} })).json()) as { id: string }).id;
});
afterAll(() => h.close());

const READS: [string, () => string][] = [
  ["a booking", () => `/api/v1/bookings/${ids.booking}`],
  ["a ticket", () => `/api/v1/bookings/${ids.booking}/ticket.svg`],
  ["a calendar invite", () => `/api/v1/bookings/${ids.booking}/invite.ics`],
  ["a mentoring booking", () => `/api/v1/mentoring-bookings/${ids.mentoringBooking}`],
  ["an attendance list", () => `/api/v1/sessions/${ids.session}/attendance`],
  ["a session report", () => `/api/v1/sessions/${ids.session}/report.csv`],
  ["a feedback summary", () => `/api/v1/events/${ids.event}/feedback-summary`],
  ["safeguarding alerts", () => "/api/v1/safeguarding/alerts"],
  ["the outbox", () => "/api/v1/outbox"],
  ["a mentor's DBS details", () => `/api/v1/mentors/${ids.mentor}`],
  ["the audit log", () => "/api/v1/audit-log"],
];

describe("coordinator reads are audit-logged", () => {
  it.each(READS)("records who read %s, and when", async (_, path) => {
    h.clock.advance(1000);
    const res = await h.request("GET", path(), { token: coordinator });
    expect(res.status).toBe(200);
    const [latest] = await h.db.select().from(auditLog).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(1);
    expect(latest).toMatchObject({ actorId: coordinatorId, at: h.clock.now() });
  });

  it("does not log a young person reading their own booking", async () => {
    const yp = await youngPerson(h, "2009-01-01");
    const s = await session(h.db, h.clock.now(), { capacity: 5 });
    const id = ((await (await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: {} })).json()) as { id: string }).id;
    h.clock.advance(1000);
    expect((await h.request("GET", `/api/v1/bookings/${id}`, { token: yp.token })).status).toBe(200);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.at, h.clock.now()))).toEqual([]);
  });
});
