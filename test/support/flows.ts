// End-to-end flows through the HTTP API only: people sign in from the links they are emailed,
// organisations and the catalogue are made by the endpoints partners use, and every email is
// read from the dev mailbox with its calendar file parsed by ical.js.
import { expect } from "vitest";
import { COORDINATOR, type Harness } from "./harness";
import { parseIcs } from "./ics";

export type Mail = Awaited<ReturnType<Harness["mailFor"]>>[number];

export function flowApi(h: Harness) {
  /** Sends a request and insists on `status`, showing the body when it is not. */
  async function call<T = Record<string, unknown>>(status: number, method: string, path: string, options: { body?: unknown; token?: string } = {}): Promise<T> {
    const res = await h.request(method, `/api/v1${path}`, options);
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status}: ${text}`);
    const type = res.headers.get("content-type") ?? "";
    return (type.includes("json") ? JSON.parse(text) : text) as T;
  }

  const seen = new Map<string, number>();
  /** The emails `to` received since the last time we looked. */
  async function newMail(to: string): Promise<Mail[]> {
    const all = await h.mailFor(to);
    const from = seen.get(to) ?? 0;
    seen.set(to, all.length);
    const fresh = all.slice(from);
    // Every calendar file we send must be one a calendar app can read: London times resolved
    // through the file's own VTIMEZONE, and one of our UIDs.
    for (const mail of fresh) {
      for (const a of mail.attachments.filter((x) => x.filename.endsWith(".ics"))) {
        const { events } = parseIcs(a.content);
        expect(events.length, `events in the invite of "${mail.subject}"`).toBeGreaterThan(0);
        for (const e of events) {
          expect(e.uid).toMatch(/@opendoor(\.test)?$/); // bookings on the PUBLIC_URL host; carousel timetables keep @opendoor
          expect(e.startZone).toBe("Europe/London");
        }
      }
    }
    return fresh;
  }

  /** Exactly one new email for `to`, whose subject matches. */
  async function oneMail(to: string, subject: RegExp): Promise<Mail> {
    const mail = await newMail(to);
    expect(mail.map((m) => m.subject)).toEqual([expect.stringMatching(subject)]);
    return mail[0]!;
  }

  /** Follows the sign-in link in the newest email, as the person would. */
  async function signInFromLink(mail: Mail): Promise<string> {
    const token = /sign-in\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token, "a sign-in link in the email").toBeTruthy();
    return (await call<{ accessToken: string }>(201, "POST", "/auth/sessions", { body: { token } })).accessToken;
  }

  async function signIn(email: string): Promise<string> {
    await call(202, "POST", "/auth/magic-links", { body: { email } });
    return signInFromLink(await oneMail(email, /sign-in link/));
  }

  /** A young person signs up (POST /young-people) and signs in from the emailed link. */
  async function signUp(email: string, displayName: string, dateOfBirth: string): Promise<string> {
    await call(202, "POST", "/young-people", { body: { email, displayName, dateOfBirth } });
    return signInFromLink(await oneMail(email, /sign-in link/));
  }

  /** A coordinator's world: an organisation with a signed-in member of staff. */
  async function organisationWithStaff(coordinator: string, type: "school" | "employer" | "community", name: string, staffEmail: string) {
    const org = await call<{ id: string }>(201, "POST", "/organisations", { token: coordinator, body: { type, name, contactEmail: `office@${type}.test` } });
    await call(201, "POST", `/organisations/${org.id}/members`, { token: coordinator, body: { email: staffEmail, displayName: "Staff" } });
    // Adding a member may greet them by email; only the sign-in link matters here.
    await newMail(staffEmail);
    return { id: org.id, staff: await signIn(staffEmail) };
  }

  return { call, newMail, oneMail, signUp, organisationWithStaff, coordinator: () => signIn(COORDINATOR) };
}

/** The calendar file attached to an email, parsed the way Thunderbird reads it. */
export function inviteIn(mail: Mail) {
  const ics = mail.attachments.find((a) => a.filename.endsWith(".ics"));
  expect(ics, `a calendar file in "${mail.subject}"`).toBeTruthy();
  const parsed = parseIcs(ics!.content);
  expect(parsed.events).toHaveLength(1);
  return { method: parsed.method, event: parsed.events[0]! };
}

/** The ticket code printed in a confirmation email. */
export function ticketCodeIn(mail: Mail): string {
  const code = /\b[A-Z0-9]{5}-[A-Z0-9]{5}\b/.exec(mail.text)?.[0];
  expect(code, "a ticket code in the email").toBeTruthy();
  return code!;
}
