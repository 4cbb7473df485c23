// Webhooks end to end: a receiver written from the Standard Webhooks spec alone (the
// `standardwebhooks` package, on a real HTTP server on 127.0.0.1) checks every delivery, across
// a secret rotation; a receiver down for an hour gets every event once it is back; only the
// organisation's own bookings reach it; addresses on private networks are refused.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { bookings, memberships, webhookDeliveries } from "../../db/schema";
import { newId } from "../../lib/crypto";
import { DAY, HOUR, parseLondonLocal } from "../../lib/time";

const MINUTE = 60_000;
import { COORDINATOR, createHarness, type Harness } from "../../../test/support/harness";
import { notificationFixtures } from "../../../test/support/notification-fixtures";
import { event, session, youngPeopleWithTokens } from "../../../test/support/fixtures";
import { enqueue } from "../notifications/outbox";
import { dispatchWebhooks } from "./deliver";
import { fanOutWebhookEvents } from "./events";
import { isPrivateAddress, refusedTarget } from "./target";

interface Received {
  id: string;
  body: { type: string; timestamp: string; data: Record<string, unknown> };
  verifiedWith: string[];
}

/** A partner's receiver: answers 503 while `down`, and checks each delivery with each secret it holds. */
function receiver() {
  const state = { down: false, secrets: [] as string[], received: [] as Received[], refusedSignatures: 0 };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      if (state.down) {
        res.writeHead(503).end();
        return;
      }
      const headers = { "webhook-id": String(req.headers["webhook-id"]), "webhook-timestamp": String(req.headers["webhook-timestamp"]), "webhook-signature": String(req.headers["webhook-signature"]) };
      const verifiedWith = state.secrets.filter((s) => {
        try {
          new Webhook(s).verify(raw, headers);
          return true;
        } catch {
          return false;
        }
      });
      if (verifiedWith.length === 0) {
        state.refusedSignatures++;
        res.writeHead(400).end();
        return;
      }
      state.received.push({ id: headers["webhook-id"], body: JSON.parse(raw), verifiedWith });
      res.writeHead(204).end();
    });
  });
  return { state, server };
}

let h: Harness;
let f: ReturnType<typeof notificationFixtures>;
let rx: ReturnType<typeof receiver>;
let url: string;
let coordinator: string;

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  f = notificationFixtures(h.db, () => h.clock.now());
  rx = receiver();
  await new Promise<void>((resolve) => rx.server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}/hooks`;
  coordinator = await h.tokenFor(COORDINATOR);
  // standardwebhooks refuses a timestamp more than 5 minutes from its own Date.now(): let it
  // read the test clock, which the deliveries are stamped with.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(h.clock.now());
});
afterAll(async () => {
  vi.useRealTimers();
  await new Promise((resolve) => rx.server.close(resolve));
  await h.close();
});

/** The minute job's webhook part, at the test clock's now. */
async function runJobs() {
  vi.setSystemTime(h.clock.now());
  await fanOutWebhookEvents(h.deps);
  while ((await dispatchWebhooks(h.deps)).delivered > 0);
}

async function register(orgId: string, events: string[], token = coordinator) {
  const res = await h.request("POST", `/api/v1/organisations/${orgId}/webhooks`, { token, body: { url, events } });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; secret: string };
}

/** A booking at a new host's event, with its confirmation queued as booking.ts queues it. */
async function confirmedAtNewHost(email: string) {
  const made = await f.confirmedBooking({ email, startsAt: parseLondonLocal("2026-03-20T10:00") });
  await h.db.batch([enqueue(h.db, { template: "booking_confirmed", to: email, payload: { bookingId: made.booking.id } }, h.clock.now())]);
  return made;
}

describe("registering an endpoint", () => {
  it("shows the secret once, lists without it, and is only for the organisation's own staff", async () => {
    const { host } = await f.confirmedBooking({ email: "reg@example.test", startsAt: parseLondonLocal("2026-03-20T10:00") });
    const created = await register(host.id, ["booking.confirmed"]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const list = await h.request("GET", `/api/v1/organisations/${host.id}/webhooks`, { token: coordinator });
    expect(JSON.stringify(await list.json())).not.toContain(created.secret);

    const other = await f.organisation();
    const staff = await f.person({ email: "other-staff@example.test", isYoungPerson: false, dateOfBirth: null });
    await h.db.insert(memberships).values({ id: newId("mem"), organisationId: other.id, personId: staff.id });
    const token = await h.tokenFor("other-staff@example.test");
    for (const [method, path] of [
      ["GET", `/api/v1/organisations/${host.id}/webhooks`],
      ["POST", `/api/v1/organisations/${host.id}/webhooks/${created.id}/rotate-secret`],
      ["DELETE", `/api/v1/organisations/${host.id}/webhooks/${created.id}`],
      ["GET", `/api/v1/organisations/${host.id}/webhooks/${created.id}/deliveries`],
    ] as const) {
      expect((await h.request(method, path, { token })).status, `${method} ${path}`).toBe(403);
    }
    expect((await h.request("POST", `/api/v1/organisations/${host.id}/webhooks`, { token, body: { url, events: ["booking.confirmed"] } })).status).toBe(403);
    // Its own staff may; another organisation's endpoint is not found through it.
    expect((await h.request("GET", `/api/v1/organisations/${other.id}/webhooks/${created.id}/deliveries`, { token })).status).toBe(404);
  });

  it("refuses plain http and private, loopback and metadata addresses once it is not a development deployment", async () => {
    const { host } = await f.confirmedBooking({ email: "ssrf@example.test", startsAt: parseLondonLocal("2026-03-20T10:00") });
    h.deps.config.devMailbox = false;
    try {
      for (const bad of ["http://crm.example.org/hook", "https://127.0.0.1/hook", "https://10.1.2.3/", "https://[::1]/", "https://169.254.169.254/latest", "https://localhost/hook", "https://user:pw@crm.example.org/"]) {
        const res = await h.request("POST", `/api/v1/organisations/${host.id}/webhooks`, { token: coordinator, body: { url: bad, events: ["booking.confirmed"] } });
        expect(res.status, bad).toBe(400);
      }
    } finally {
      h.deps.config.devMailbox = true;
    }
  });

  it("checks what a name resolves to, every address of it", async () => {
    const dns = (answers: Record<string, string[]>) => async (host: string) => answers[host] ?? [];
    const options = (answers: Record<string, string[]>) => ({ allowPrivate: false, resolveHost: dns(answers) });
    expect(await refusedTarget("https://crm.example.org/h", options({ "crm.example.org": ["93.184.216.34"] }))).toBeNull();
    expect(await refusedTarget("https://crm.example.org/h", options({ "crm.example.org": ["93.184.216.34", "10.0.0.5"] }))).toMatch(/private/);
    expect(await refusedTarget("https://rebind.example.org/h", options({ "rebind.example.org": ["::ffff:127.0.0.1"] }))).toMatch(/private/);
    expect(await refusedTarget("https://nowhere.example.org/h", options({}))).toMatch(/resolve/);
    for (const ip of ["127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1"]) expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ["93.184.216.34", "8.8.8.8", "2606:4700::1111"]) expect(isPrivateAddress(ip), ip).toBe(false);
  });
});

describe("deliveries", () => {
  it("delivers each event once, signed, with only the organisation's own bookings, and verifies across a secret rotation", async () => {
    rx.state.received.length = 0;
    const mine = await confirmedAtNewHost("wh-mine@example.test");
    h.clock.advance(1000); // queued before the endpoint existed: not heard
    const endpoint = await register(mine.host.id, ["booking.confirmed", "booking.cancelled", "booking.checked_in"]);
    rx.state.secrets = [endpoint.secret];
    // Queued after registration: heard. Another host's booking: not.
    const again = await f.booking({ sessionId: mine.session.id, personId: (await f.person({ email: "wh-second@example.test" })).id, startsAt: mine.session.startsAt });
    await h.db.batch([enqueue(h.db, { template: "booking_confirmed", to: "wh-second@example.test", payload: { bookingId: again.id } }, h.clock.now())]);
    await confirmedAtNewHost("wh-theirs@example.test");
    await runJobs();
    await runJobs(); // running again queues nothing twice
    expect(rx.state.refusedSignatures).toBe(0);
    expect(rx.state.received.map((r) => [r.body.type, r.body.data.bookingId])).toEqual([["booking.confirmed", again.id]]);
    expect(rx.state.received[0]!.body.data).toMatchObject({ organisationId: mine.host.id, sessionId: mine.session.id, status: "confirmed" });
    expect(JSON.stringify(rx.state.received[0]!.body)).not.toMatch(/@example\.test|wh-second/);

    // Checked in: no email, but an event.
    h.clock.advance(MINUTE);
    await h.db.update(bookings).set({ checkedInAt: h.clock.now(), checkedInCount: 1, status: "attended" }).where(eq(bookings.id, again.id));
    await runJobs();
    expect(rx.state.received.at(-1)!.body.type).toBe("booking.checked_in");

    // Rotation: the receiver still holds only the old secret, then only the new one; both verify
    // while the overlap lasts, and after it only the new one signs.
    const rotated = await h.request("POST", `/api/v1/organisations/${mine.host.id}/webhooks/${endpoint.id}/rotate-secret`, { token: coordinator });
    expect(rotated.status).toBe(200);
    const { secret: fresh, previousSecretValidUntil } = (await rotated.json()) as { secret: string; previousSecretValidUntil: string };
    expect(fresh).not.toBe(endpoint.secret);
    expect(Date.parse(previousSecretValidUntil)).toBe(h.clock.now() + 24 * HOUR);
    rx.state.secrets = [endpoint.secret, fresh];
    h.clock.advance(MINUTE);
    const cancelled = h.clock.now();
    await h.db.batch([enqueue(h.db, { template: "booking_cancelled", to: "wh-second@example.test", payload: { bookingId: again.id } }, cancelled)]);
    await runJobs();
    expect(rx.state.received.at(-1)!.body.type).toBe("booking.cancelled");
    expect(rx.state.received.at(-1)!.verifiedWith).toEqual([endpoint.secret, fresh]);

    h.clock.advance(25 * HOUR);
    await h.db.batch([enqueue(h.db, { template: "booking_confirmed", to: "wh-second@example.test", payload: { bookingId: again.id } }, h.clock.now())]);
    await runJobs();
    expect(rx.state.received.at(-1)!.verifiedWith).toEqual([fresh]);
    expect(rx.state.refusedSignatures).toBe(0);

    // The log, and a redelivery with the same webhook-id.
    const log = (await (await h.request("GET", `/api/v1/organisations/${mine.host.id}/webhooks/${endpoint.id}/deliveries`, { token: coordinator })).json()) as { items: { id: string; status: string }[] };
    expect(log.items).toHaveLength(4);
    expect(log.items.every((d) => d.status === "delivered")).toBe(true);
    const first = log.items.at(-1)!.id;
    expect((await h.request("POST", `/api/v1/organisations/${mine.host.id}/webhooks/${endpoint.id}/deliveries/${first}/redeliver`, { token: coordinator })).status).toBe(202);
    await runJobs();
    expect(rx.state.received.at(-1)!.id).toBe(first);
    expect(rx.state.received.filter((r) => r.id === first)).toHaveLength(2);
  });

  it("gets every event to a receiver that was down for an hour, each once, after it is back", async () => {
    rx.state.received.length = 0;
    const { host, session } = await confirmedAtNewHost("wh-down@example.test");
    h.clock.advance(1000);
    const endpoint = await register(host.id, ["booking.confirmed"]);
    rx.state.secrets = [endpoint.secret];
    rx.state.down = true;
    const queued: string[] = [];
    for (let i = 0; i < 12; i++) {
      const p = await f.person({ email: `wh-down-${i}@example.test` });
      const b = await f.booking({ sessionId: session.id, personId: p.id, startsAt: session.startsAt });
      await h.db.batch([enqueue(h.db, { template: "booking_confirmed", to: p.email, payload: { bookingId: b.id } }, h.clock.now())]);
      queued.push(b.id);
    }
    // An hour of the minute job (every 2 minutes here) against a receiver answering 503.
    const downUntil = h.clock.now() + HOUR;
    while (h.clock.now() < downUntil) {
      await runJobs();
      h.clock.advance(2 * MINUTE);
    }
    expect(rx.state.received).toHaveLength(0);
    const attempts = await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(attempts.every((d) => d.status === "pending" && d.attempts >= 5 && d.lastStatus === 503)).toBe(true);

    rx.state.down = false;
    const back = h.clock.now();
    while (rx.state.received.length < queued.length && h.clock.now() < back + 2 * HOUR) {
      await runJobs();
      h.clock.advance(2 * MINUTE);
    }
    expect(rx.state.received.map((r) => r.body.data.bookingId).sort()).toEqual([...queued].sort());
    expect(new Set(rx.state.received.map((r) => r.id)).size).toBe(queued.length);
    // Within the backoff's ceiling (an hour, plus the job's step) of coming back.
    expect(h.clock.now() - back).toBeLessThanOrEqual(HOUR + 4 * MINUTE);
    await runJobs();
    expect(rx.state.received).toHaveLength(queued.length);
  });

  it("hears events from the real booking path (the outbox row its batch writes)", async () => {
    rx.state.received.length = 0;
    const { host, session } = await f.confirmedBooking({ email: "wh-first@example.test", startsAt: parseLondonLocal("2026-03-25T10:00"), session: { capacity: 10 } });
    const endpoint = await register(host.id, ["booking.confirmed"]);
    rx.state.secrets = [endpoint.secret];
    const token = await h.tokenFor("wh-api@example.test", { isYoungPerson: true, dateOfBirth: "2009-01-01" });
    const booked = await h.request("POST", `/api/v1/sessions/${session.id}/bookings`, { token, body: {} });
    expect(booked.status, await booked.clone().text()).toBe(201);
    const { id } = (await booked.json()) as { id: string };
    await runJobs();
    expect(rx.state.received.map((r) => [r.body.type, r.body.data.bookingId])).toEqual([["booking.confirmed", id]]);
  });

  it("queues each event once when ten fan-outs run at the same moment", async () => {
    const made = await f.confirmedBooking({ email: "wh-race@example.test", startsAt: parseLondonLocal("2026-03-20T10:00") });
    const endpoint = await register(made.host.id, ["booking.confirmed"]);
    h.clock.advance(1000);
    await h.db.batch([enqueue(h.db, { template: "booking_confirmed", to: "wh-race@example.test", payload: { bookingId: made.booking.id } }, h.clock.now())]);
    await Promise.all(Array.from({ length: 10 }, () => fanOutWebhookEvents(h.deps)));
    const rows = await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(rows.map((r) => r.eventType)).toEqual(["booking.confirmed"]);
  });

  it("tells the host of each date a series booking confirmed, once, and not of a date that went to the waiting list", async () => {
    rx.state.received.length = 0;
    const e = await event(h.db, { title: { en: "Storytelling at Oak House" } });
    const dates = [];
    for (let i = 1; i <= 3; i++) dates.push(await session(h.db, h.clock.now(), { eventId: e.id, startsIn: i * 7 * DAY, capacity: i === 2 ? 1 : 10 }));
    const [yp, other] = await youngPeopleWithTokens(h.db, h.clock.now(), 2);
    expect((await h.request("POST", `/api/v1/sessions/${dates[1]!.id}/bookings`, { token: other!.token })).status).toBe(201);
    h.clock.advance(1000); // booked before the endpoint existed: not heard
    const endpoint = await register(e.hostOrganisationId, ["booking.confirmed"]);
    rx.state.secrets = [endpoint.secret];
    h.clock.advance(1000);
    const res = await h.request("POST", `/api/v1/events/${e.id}/series-bookings`, { token: yp!.token, body: {} });
    expect(res.status).toBe(200);
    const items = ((await res.json()) as { items: { sessionId: string; outcome: string; bookingId?: string }[] }).items;
    expect(items.map((i) => i.outcome)).toEqual(["booked", "waitlisted", "booked"]);
    h.clock.advance(MINUTE);
    await runJobs();
    await runJobs();
    const heard = rx.state.received.filter((r) => r.body.data.eventId === e.id);
    expect(heard.map((r) => [r.body.type, r.body.data.bookingId, r.body.data.status]).sort()).toEqual(
      [items[0]!, items[2]!].map((i) => ["booking.confirmed", i.bookingId, "confirmed"]).sort(),
    );
  });

});

describe("the webhooks page", () => {
  const ORIGIN = "https://opendoor.test";
  const form = (path: string, cookie: string, body: string, headers: Record<string, string> = { origin: ORIGIN }) =>
    h.request("POST", path, { body, headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers } });

  it("lets the organisation's staff add an address (secret shown once), resend, rotate and remove; others get 403; other sites are refused", async () => {
    const { host } = await f.confirmedBooking({ email: "wh-page@example.test", startsAt: parseLondonLocal("2026-03-20T10:00") });
    const staff = await f.person({ email: "wh-staff@example.test", isYoungPerson: false, dateOfBirth: null });
    await h.db.insert(memberships).values({ id: newId("mem"), organisationId: host.id, personId: staff.id });
    const cookie = `od_session=${await h.tokenFor("wh-staff@example.test")}`;
    const outsider = `od_session=${await h.tokenFor("wh-outsider@example.test")}`;
    const path = `/organisations/${host.id}/webhooks`;

    expect((await h.request("GET", path, { headers: { cookie: outsider } })).status).toBe(403);
    const empty = await h.request("GET", path, { headers: { cookie } });
    expect(empty.status).toBe(200);
    expect(empty.headers.get("cache-control")).toContain("no-store");

    const bad = await form(path, cookie, new URLSearchParams({ url: "not a url" }).toString());
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter an https:// address");

    const body = new URLSearchParams([["url", url], ["events", "booking.confirmed"], ["events", "booking.cancelled"]]).toString();
    expect((await form(path, cookie, body, { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status).toBe(403);
    const added = await form(path, cookie, body);
    expect(added.status).toBe(200);
    const html = await added.text();
    const secret = /<code>(whsec_[^<]+)<\/code>/.exec(html)![1]!;
    expect(await (await h.request("GET", path, { headers: { cookie } })).text()).not.toContain(secret);

    // A delivery appears in the log and can be sent again from the page.
    rx.state.secrets = [secret];
    rx.state.received.length = 0;
    h.clock.advance(1000);
    const b = await f.booking({ sessionId: (await f.session((await f.event(host.id)).id, parseLondonLocal("2026-03-21T10:00"))).id, personId: staff.id, startsAt: parseLondonLocal("2026-03-21T10:00") });
    await h.db.batch([enqueue(h.db, { template: "booking_confirmed", to: "wh-staff@example.test", payload: { bookingId: b.id } }, h.clock.now())]);
    await runJobs();
    expect(rx.state.received).toHaveLength(1);
    const listed = await (await h.request("GET", path, { headers: { cookie } })).text();
    expect(listed).toContain("Delivered");
    const resend = /action="([^"]+\/redeliver)"/.exec(listed)![1]!;
    expect((await form(resend, outsider, "")).status).toBe(403);
    expect((await form(resend, cookie, "")).status).toBe(303);
    await runJobs();
    expect(rx.state.received).toHaveLength(2);
    expect(rx.state.received[1]!.id).toBe(rx.state.received[0]!.id);

    const rotate = /action="([^"]+\/rotate)"/.exec(listed)![1]!;
    const rotated = await (await form(rotate, cookie, "")).text();
    expect(/<code>(whsec_[^<]+)<\/code>/.exec(rotated)![1]).not.toBe(secret);

    const remove = /action="([^"]+\/remove)"/.exec(listed)![1]!;
    expect((await form(remove, outsider, "")).status).toBe(403);
    expect((await form(remove, cookie, "")).status).toBe(303);
    expect(await (await h.request("GET", path, { headers: { cookie } })).text()).toContain("No webhook addresses yet.");
  });
});
