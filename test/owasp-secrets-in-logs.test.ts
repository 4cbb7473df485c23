// OWASP API8 (security misconfiguration) / logging: access tokens, sign-in links, API keys and
// consent tokens never reach the logs — not in a normal request, not in a refused one, and not
// when something breaks and the fault (with its failed SQL and parameters) is logged.
import { inspect } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createOrganisation } from "../src/features/organisations/create";
import { addMember } from "../src/features/organisations/members";
import { logFault } from "../src/lib/log";
import { createHarness, type Harness } from "./support/harness";
import { session } from "./support/fixtures";
import { youngPerson } from "./support/mentoring-fixtures";

let h: Harness;
const logged: string[] = [];
const METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  for (const m of METHODS) vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 6 }))).join(" ")));
});
afterEach(() => h.db.run(sql`drop trigger if exists fail_outbox`));
afterAll(async () => {
  vi.restoreAllMocks();
  await h.close();
});

/** Anything shaped like one of our secrets, whether or not this test knows its value. */
const SECRET_SHAPES = [/od_[sk]_[A-Za-z0-9_-]{10,}/, /\/sign-in\/[A-Za-z0-9_-]{16,}/, /\/consent\/[A-Za-z0-9_-]{16,}/, /\/calendar-feeds\/[A-Za-z0-9_-]{16,}/];

function expectNoSecrets(known: string[]) {
  const all = logged.join("\n");
  for (const secret of known) expect(all.includes(secret), `a secret appeared in the logs: ${secret.slice(0, 8)}…`).toBe(false);
  for (const shape of SECRET_SHAPES) expect(all, `something shaped like ${shape} appeared in the logs`).not.toMatch(shape);
}

const secretsFrom = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1]!);

describe("secrets never in logs", () => {
  it("through sign-in, booking with consent, API-key creation and refused requests", async () => {
    const known: string[] = [];
    const yp = await youngPerson(h, "2012-01-01");
    known.push(yp.token);
    expect((await h.request("POST", "/api/v1/auth/magic-links", { body: { email: yp.email } })).status).toBe(202);
    const link = secretsFrom((await h.mailFor(yp.email)).map((m) => m.text).join("\n"), /sign-in\/([A-Za-z0-9_-]+)/g)[0]!;
    known.push(link);
    const session1 = await h.request("POST", "/api/v1/auth/sessions", { body: { token: link } });
    const access = ((await session1.json()) as { accessToken: string }).accessToken;
    known.push(access);

    const s = await session(h.db, h.clock.now(), { capacity: 5 });
    expect((await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: access, body: { guardianEmail: "carer@example.com" } })).status).toBe(201);
    const consent = secretsFrom((await h.mailFor("carer@example.com")).map((m) => m.text).join("\n"), /consent\/([A-Za-z0-9_-]+)/g)[0]!;
    expect(consent).toBeTruthy();
    known.push(consent);

    const org = await createOrganisation(h.deps, { type: "school", name: "Riverside" });
    await addMember(h.deps, org.id, { email: "it@riverside.test", displayName: "IT" });
    const staff = await h.tokenFor("it@riverside.test");
    known.push(staff);
    const created = await h.request("POST", `/api/v1/organisations/${org.id}/api-keys`, { token: staff, body: { name: "MIS sync" } });
    const apiKey = ((await created.json()) as { key: string }).key;
    expect(apiKey).toMatch(/^od_k_/);
    known.push(apiKey);

    // Refused: a reused link, a consent answer with a bad body, tokens in the wrong places.
    expect((await h.request("POST", "/api/v1/auth/sessions", { body: { token: link } })).status).toBe(401);
    expect((await h.request("POST", `/api/v1/consents/${consent}`, { body: { decision: "maybe" } })).status).toBe(400);
    expect((await h.request("GET", "/api/v1/me", { headers: { authorization: `Token ${apiKey}` } })).status).toBe(401);
    expect((await h.request("GET", `/api/v1/calendar-feeds/${access}.ics`)).status).toBe(404);
    expect((await h.request("GET", `/api/v1/organisations/${org.id}/api-keys`, { token: `${apiKey}x` })).status).toBe(401);
    expectNoSecrets(known);
  });

  it("when a write fails with an internal error carrying the secret in its SQL parameters", async () => {
    const yp = await youngPerson(h, "2012-01-01");
    const s = await session(h.db, h.clock.now(), { capacity: 5 });
    // A real database failure, raised by SQLite itself in the middle of the booking's batch
    // (whose parameters include the new consent link) and of the sign-in link's batch.
    await h.db.run(sql`create temp trigger fail_outbox before insert on outbox begin select raise(abort, 'disk I/O error'); end`);
    const before = logged.length;
    const booking = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: { guardianEmail: "carer2@example.com" } });
    expect(booking.status).toBe(500);
    const link = await h.request("POST", "/api/v1/auth/magic-links", { body: { email: yp.email } });
    expect(link.status).toBe(500);
    expect(logged.length).toBeGreaterThan(before);
    expect(logged.slice(before).join("\n")).toMatch(/disk I\/O error/);
    expectNoSecrets([yp.token]);
  });

  it("when a fault's message or cause carries a secret (a failed query's parameters, a URL)", () => {
    const link = "https://opendoor.test/sign-in/Zq3xYhV0bN2mK8pL1sR4tU6wE9aC5dF7gH0jI2kM4o";
    const cause = new Error(`Failed query: insert into "outbox" (...) values (?, ?)\nparams: msg_1,{"url":"${link}"}`);
    logFault("deferred work failed", new Error("batch failed", { cause }));
    logFault("GET /api/v1/calendar-feeds/abcdefghijklmnopqrstuvwxyz0123456789.ics", "od_s_abcdefghijklmnop");
    expect(logged.at(-2)).toMatch(/Failed query: insert into "outbox"/);
    expect(logged.at(-2)).toMatch(/sign-in\/…/);
    expectNoSecrets(["Zq3xYhV0bN2mK8pL1sR4tU6wE9aC5dF7gH0jI2kM4o", "abcdefghijklmnopqrstuvwxyz0123456789", "od_s_abcdefghijklmnop"]);
  });
});
