import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { d1Db } from "../../src/db/client";
import { events, organisations, people, sessions, venues } from "../../src/db/schema";
import { BASE, signIn } from "./flow";

const form = (cookie: string, fields: Record<string, string>) => ({
  method: "POST",
  redirect: "manual" as const,
  headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE, cookie },
  body: new URLSearchParams(fields).toString(),
});

describe("the people pages on the Worker and D1", () => {
  it("books an under-16 through the form, a guardian grants consent by link, the ticket appears, and deleting the account frees the seat", async () => {
    const db = d1Db(env.DB);
    const start = Date.now() + 9 * 86_400_000;
    await db.insert(organisations).values({ id: "org_pp", type: "community", name: "Youth Club" });
    await db.insert(venues).values({ id: "ven_pp", name: "Youth Club Hall", address: "2 Park Rd", postcode: "RV2 3AB", stepFree: true });
    await db.insert(events).values({ id: "evt_pp", type: "community_event", title: { en: "Film night" }, description: { en: "A film and popcorn." }, hostOrganisationId: "org_pp" });
    await db.insert(sessions).values({ id: "ses_pp", eventId: "evt_pp", startsAt: start, endsAt: start + 7_200_000, venueId: "ven_pp", capacity: 10 });
    await db.insert(people).values({ id: "per_mia", email: "mia@example.com", displayName: "Mia", isYoungPerson: true, dateOfBirth: "2014-01-01" });
    const token = await signIn("mia@example.com");
    const cookie = `od_session=${token}`;

    const booked = await SELF.fetch(`${BASE}/sessions/ses_pp/book`, form(cookie, { accessNeeds: "Quiet space", guardianEmail: "mias.mum@example.com" }));
    expect(booked.status).toBe(303);
    const bookingPath = booked.headers.get("location")!;
    const pending = await (await SELF.fetch(`${BASE}${bookingPath}`, { headers: { cookie } })).text();
    expect(pending).toContain("Waiting for your parent or carer");

    let consentPath: string | undefined;
    for (let i = 0; i < 100 && !consentPath; i++) {
      const { items } = (await (await SELF.fetch(`${BASE}/dev/mailbox?to=mias.mum%40example.com`)).json()) as { items: { text: string }[] };
      consentPath = items.map((m) => /https:\/\/opendoor\.test(\/consent\/[A-Za-z0-9_-]+)/.exec(m.text)?.[1]).find(Boolean);
      if (!consentPath) await new Promise((r) => setTimeout(r, 20));
    }
    const page = await SELF.fetch(`${BASE}${consentPath}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await page.text()).toContain("Film night");
    const granted = await SELF.fetch(`${BASE}${consentPath}`, form("", { decision: "grant" }));
    expect(await granted.text()).toContain("Thank you: the place is booked");

    const confirmed = await (await SELF.fetch(`${BASE}${bookingPath}`, { headers: { cookie } })).text();
    expect(confirmed).toContain("You have a place");
    expect(confirmed).toMatch(/<svg[^>]*role="img"/);
    const mentoring = await SELF.fetch(`${BASE}/mentoring`, { headers: { cookie } });
    expect(mentoring.status).toBe(200);

    // Your data: the download, then deleting the account frees the seat and ends the sign-in.
    const exported = await SELF.fetch(`${BASE}/my/data/export`, { headers: { cookie } });
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="open-door-my-data.json"');
    expect(((await exported.json()) as { profile: { email: string } }).profile.email).toBe("mia@example.com");
    const deleted = await SELF.fetch(`${BASE}/my/data/delete`, form(cookie, {}));
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get("location")).toBe("/my/data/deleted?lang=en");
    const [freed] = await db.select().from(sessions).where(eq(sessions.id, "ses_pp"));
    expect(freed!.seatsTaken).toBe(0);
    const after = await SELF.fetch(`${BASE}/my`, { headers: { cookie }, redirect: "manual" });
    expect(after.headers.get("location")).toBe("/sign-in");
  });
});
