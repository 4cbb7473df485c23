// Names and titles are read by people (a register, an email Subject): control characters and
// bidirectional overrides are refused there with a field error, and stripped from email headers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { devMailbox, people } from "../src/db/schema";
import { devMailboxMailer, resendMailer } from "../src/features/notifications/mailer";
import { headerValue } from "../src/lib/plain-text";
import { COORDINATOR, createHarness, problem, type Harness } from "./support/harness";
import { startFakeResend } from "./support/fake-resend";
import { organisation } from "./support/fixtures";

let h: Harness;
let coordinator: string;
beforeAll(async () => {
  h = await createHarness();
  coordinator = await h.tokenFor(COORDINATOR);
});
afterAll(() => h.close());

const RLO = "\u202e";
const signUp = (displayName: string, email: string) =>
  h.request("POST", "/api/v1/young-people", { body: { email, displayName, dateOfBirth: "2010-05-01" } });

describe("names", () => {
  it.each([
    ["a right-to-left override", `Amira${RLO}K`],
    ["a NUL", "Amira\u0000"],
    ["a line break inside", "Amira\r\nBcc: all@example.com"],
    ["a first-strong isolate", "\u2068Amira"],
  ])("refuses a sign-up name with %s, naming the field, and stores nobody", async (_, name) => {
    const email = `n${Math.random().toString(36).slice(2)}@example.com`;
    const res = await signUp(name, email);
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.path)).toEqual(["displayName"]);
    expect(await h.db.select().from(people).where(eq(people.email, email))).toEqual([]);
  });

  it("accepts names in every script the programme serves, Arabic's implicit direction mark included (control)", async () => {
    for (const [i, name] of ["Zoë", "Ștefan", "Олена", "ليلى\u200f", "Łucja"].entries()) {
      expect((await signUp(name, `script${i}@example.com`)).status).toBe(202);
    }
  });

  it("refuses an organisation name and an invited member's name with control characters", async () => {
    const org = await h.request("POST", "/api/v1/organisations", { token: coordinator, body: { type: "school", name: `Riverside${RLO} Academy` } });
    expect(org.status).toBe(400);
    expect((await problem(org)).errors?.[0]?.path).toBe("name");
    const school = await organisation(h.db);
    const member = await h.request("POST", `/api/v1/organisations/${school.id}/members`, { token: coordinator, body: { email: "t@example.com", displayName: "Ms\u0007 Bell" } });
    expect(member.status).toBe(400);
    expect((await problem(member)).errors?.[0]?.path).toBe("displayName");
  });
});

describe("event titles", () => {
  it("refuses a title with CR/LF (which would reach the email Subject) in any locale", async () => {
    const host = await organisation(h.db, "employer");
    const body = {
      type: "career_taster",
      hostOrganisationId: host.id,
      title: { en: "Try being a chef", pl: "Szef kuchni\r\nBcc: everyone@example.com" },
      description: { en: "Line one.\nLine two." },
    };
    const res = await h.request("POST", "/api/v1/events", { token: coordinator, body });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.path)).toEqual(["title.pl"]);
    // Control: the same event with a clean title is created (a description may have line breaks).
    const ok = await h.request("POST", "/api/v1/events", { token: coordinator, body: { ...body, title: { en: "Try being a chef" } } });
    expect(ok.status).toBe(201);
  });
});

describe("email headers", () => {
  it("strip control characters and overrides from a Subject", () => {
    expect(headerValue("Reminder: Chef\r\nBcc: all@example.com")).toBe("Reminder: Chef Bcc: all@example.com");
    expect(headerValue(`Booked: ${RLO}fehC\u0000`)).toBe("Booked: fehC");
    expect(headerValue("Zapis: ليلى\u200f")).toBe("Zapis: ليلى\u200f");
  });

  it("no Subject leaves our mailers with a line break, whatever was stored before the rule", async () => {
    const email = { id: "msg_hdr", from: "Open Door <b@opendoor.test>", to: "x@example.com", subject: "Chef\r\nBcc: all@example.com", text: "t", html: "<p>t</p>" };
    await devMailboxMailer(h.db).send(email);
    const [stored] = await h.db.select().from(devMailbox).where(eq(devMailbox.messageId, "msg_hdr"));
    expect(stored!.subject).toBe("Chef Bcc: all@example.com");
    const fake = await startFakeResend();
    try {
      await resendMailer("re_test", fake.url).send(email);
      expect(fake.requests[0]!.body.subject).toBe("Chef Bcc: all@example.com");
    } finally {
      await fake.close();
    }
  });
});
