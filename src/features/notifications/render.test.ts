import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { LOCALES, sessions, type Locale } from "../../db/schema";
import { parseLondonLocal } from "../../lib/time";
import { createHarness, type Harness } from "../../../test/support/harness";
import { notificationFixtures } from "../../../test/support/notification-fixtures";
import { parseIcs } from "../../../test/support/ics";
import { TEMPLATES } from "../../../emails";
import { formatSpan } from "../../../emails/format";
import encodeQR from "qr";
import { TICKET_QR_CID } from "../../../emails/booking";
import { renderEmail } from "./render";

let h: Harness;
let f: ReturnType<typeof notificationFixtures>;
beforeAll(async () => {
  h = await createHarness({ now: "2026-02-20T09:00:00Z" });
  f = notificationFixtures(h.db);
});
afterAll(() => h.close());

const render = (template: string, locale: Locale, payload: Record<string, unknown>, to?: string) =>
  renderEmail(h.db, { template, locale, payload, toEmail: to }, h.deps.config, h.clock.now());

describe("the date and time line", () => {
  it("reads 'Tuesday 3 March, 4:00pm to 5:30pm' in English, in London time", () => {
    expect(formatSpan(Date.parse("2026-03-03T16:00:00Z"), Date.parse("2026-03-03T17:30:00Z"), "en")).toBe("Tuesday 3 March, 4:00pm to 5:30pm");
  });

  it("shows British Summer Time as the clock on the wall, not UTC", () => {
    // 09:00 UTC on 30 March 2026 is 10:00 in London (BST began on the 29th).
    expect(formatSpan(Date.parse("2026-03-30T09:00:00Z"), Date.parse("2026-03-30T10:30:00Z"), "en")).toBe("Monday 30 March, 10:00am to 11:30am");
  });

  it("writes each locale's own words and a 24-hour clock", () => {
    const start = Date.parse("2026-03-03T16:00:00Z");
    expect(formatSpan(start, start + 90 * 60_000, "pl")).toBe("wtorek, 3 marca, 16:00–17:30");
    expect(formatSpan(start, start + 90 * 60_000, "uk")).toContain("вівторок");
    expect(formatSpan(start, start + 90 * 60_000, "ar")).toContain("16:00");
  });
});

describe("every template", () => {
  const payloads = (ids: { individual: string; group: string; mentoring: string; event: string; person: string; session: string }): Record<string, Record<string, unknown>> => ({
    magic_link: { url: "https://opendoor.test/sign-in/abc" },
    parent_confirmation: { url: "https://opendoor.test/join/confirm/abc", name: "Sam", email: "sam@example.test" },
    email_change_confirm: { url: "https://opendoor.test/my/details/email/abc" },
    email_change_notice: { newEmail: "new@example.test" },
    booking_confirmed: { bookingId: ids.individual },
    booking_pending_consent: { bookingId: ids.individual },
    consent_request: { bookingId: ids.individual, consentUrl: "https://opendoor.test/consent/tok" },
    consent_refused: { bookingId: ids.individual, reason: "expired" },
    booking_waitlisted: { bookingId: ids.individual, position: 3 },
    offer_made: { bookingId: ids.individual },
    offer_expired: { bookingId: ids.individual },
    booking_cancelled: { bookingId: ids.individual },
    session_changed: { bookingId: ids.individual },
    session_cancelled: { bookingId: ids.individual },
    group_confirmed: { bookingId: ids.group },
    group_changed: { bookingId: ids.group },
    group_cancelled: { bookingId: ids.group },
    reminder: { bookingId: ids.individual },
    mentoring_confirmed: { bookingId: ids.mentoring, audience: "young_person" },
    mentoring_cancelled: { bookingId: ids.mentoring, audience: "mentor" },
    feedback_invitation: { bookingId: ids.individual },
    consent_decided: { bookingId: ids.individual, decision: "granted", consentUrl: "https://opendoor.test/consent/abc" },
    carousel_timetable: {
      title: "Careers carousel",
      startsAt: parseLondonLocal("2026-03-10T09:30"),
      endsAt: parseLondonLocal("2026-03-10T11:45"),
      venue: "St Mark's Church Hall",
      url: "https://opendoor.test/carousels",
      groups: [{ label: "Year 9 Blue", rows: [{ round: 1, startsAt: parseLondonLocal("2026-03-10T09:30"), station: "Bricklaying" }, { round: 2, startsAt: parseLondonLocal("2026-03-10T09:55"), station: null }] }],
      ics: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    },
    site_feedback_reply: { message: "Thank you: we changed it.", quoted: "The text is small." },
    series_booked: { eventId: ids.event, personId: ids.person, dates: [{ sessionId: ids.session, bookingId: ids.individual }, { sessionId: ids.session, outcome: "past" }] },
    series_consent_request: { eventId: ids.event, personId: ids.person, dates: [{ sessionId: ids.session, bookingId: ids.individual, consentUrl: "https://opendoor.test/consent/tok" }] },
  });

  it("has one template for every name in the message contract, and renders each in every locale", async () => {
    const start = parseLondonLocal("2026-03-03T16:00");
    const individual = await f.confirmedBooking({ email: "all-locales@example.test", startsAt: start, booking: { holdExpiresAt: start - 86_400_000 } });
    const group = await f.groupBooking({ staffEmail: "teacher-all@hillside.test", startsAt: start });
    const mentoring = await f.mentoringBooking({ email: "mentee-all@example.test", startsAt: start });
    const all = payloads({ individual: individual.booking.id, group: group.booking.id, mentoring: mentoring.booking.id, event: individual.event.id, person: individual.person.id, session: individual.session.id });
    expect(Object.keys(TEMPLATES).sort()).toEqual(Object.keys(all).sort());
    for (const [template, payload] of Object.entries(all)) {
      for (const locale of LOCALES) {
        const mail = await render(template, locale, payload, "reader@example.test");
        expect(mail.subject, `${template}/${locale}`).not.toBe("");
        expect(mail.html).toContain(`lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}"`);
        expect(`${mail.subject}${mail.text}${mail.html}`, `${template}/${locale} left a placeholder`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe("a booking confirmation", () => {
  it("says what, when in London time, where with access and transport, what to bring, how to cancel and whom to ask", async () => {
    const { booking } = await f.confirmedBooking({ email: "ada@example.test", startsAt: parseLondonLocal("2026-03-03T16:00") });
    const mail = await render("booking_confirmed", "en", { bookingId: booking.id }, "ada@example.test");
    expect(mail.subject).toBe("Your place is booked: Try being a chef");
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("Tuesday 3 March, 4:00pm to 5:30pm");
      expect(part).toContain("Riverside Library, 12 Mill Lane, Leeds, LS1 4AB");
      expect(part).toContain("Step-free access");
      expect(part).toContain("Hearing loop");
      expect(part).not.toContain("Quiet room");
      expect(part).toContain("Bus 42 to Mill Lane");
      expect(part).toContain("An apron if you have one.");
      expect(part).toContain(`https://opendoor.test/bookings/${booking.id}`);
      expect(part).toContain("hello@riverside.test");
      expect(part).toContain(booking.ticketCode);
    }
    const [ics] = mail.attachments!;
    expect(ics!.filename).toBe("invite.ics");
    expect(parseIcs(ics!.content).method).toBe("REQUEST");
  });

  it("escapes HTML in a venue name, transport note and event title", async () => {
    const { booking } = await f.confirmedBooking({
      email: "escape@example.test",
      startsAt: parseLondonLocal("2026-03-03T16:00"),
      venue: { name: "<script>alert(1)</script> Hall", publicTransport: { en: `Take the "<b>" bus & walk` } },
    });
    const mail = await render("booking_confirmed", "en", { bookingId: booking.id });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Hall");
    expect(mail.html).toContain("Take the &quot;&lt;b&gt;&quot; bus &amp; walk");
    // The plain-text part is not HTML: it keeps the words as typed.
    expect(mail.text).toContain("<script>alert(1)</script> Hall");
  });

  it("marks English standing in for a translation in the HTML part (lang=\"en\"), and the reader's own language not at all", async () => {
    const { booking } = await f.confirmedBooking({
      email: "lang@example.test",
      locale: "pl",
      startsAt: parseLondonLocal("2026-03-04T16:00"),
      venue: { publicTransport: { en: "Bus 42 to Mill Lane.", pl: "Autobus 42 do Mill Lane." }, directions: { en: "Ring the bell at the side door." } },
    });
    const pl = await render("booking_confirmed", "pl", { bookingId: booking.id });
    expect(pl.html).toContain("<td style=\"padding:6px 0\">Spróbuj być kucharzem</td>");
    expect(pl.html).toContain("<td style=\"padding:6px 0\">Autobus 42 do Mill Lane.</td>");
    expect(pl.html).toContain('<span lang="en" dir="ltr">Ring the bell at the side door.</span>');
    expect(pl.html).toContain('<span lang="en" dir="ltr">An apron if you have one.</span>');
    expect(pl.text).toContain("  Ring the bell at the side door.");
    const ar = await render("booking_confirmed", "ar", { bookingId: booking.id });
    expect(ar.html).toContain('<span lang="en" dir="ltr">Try being a chef</span>');
    expect(ar.html).toContain('<span lang="en" dir="ltr">Bus 42 to Mill Lane.</span>');
    const en = await render("booking_confirmed", "en", { bookingId: booking.id });
    expect(en.html).not.toContain("<span lang=");
  });

  // Issue #20: the ticket's QR code inside the confirmation, as an inline (Content-ID) GIF that
  // mail clients show without loading anything; the code stays in the text for the plain part.
  it("carries the ticket's QR code as an inline GIF the HTML shows by Content-ID", async () => {
    const { booking } = await f.confirmedBooking({ email: "qr@example.test", startsAt: parseLondonLocal("2026-03-03T16:00") });
    const mail = await render("booking_confirmed", "en", { bookingId: booking.id });
    const image = mail.attachments!.find((a) => a.contentId)!;
    expect(image).toMatchObject({ filename: "ticket.gif", contentType: "image/gif", encoding: "base64", contentId: TICKET_QR_CID });
    const gif = Uint8Array.from(atob(image.content), (ch) => ch.charCodeAt(0));
    expect(new TextDecoder().decode(gif.slice(0, 6))).toBe("GIF87a");
    expect(gif).toEqual(encodeQR(booking.ticketCode, "gif", { ecc: "medium", border: 4, scale: 6 }));
    expect(mail.html).toContain(`src="cid:${TICKET_QR_CID}"`);
    expect(mail.html).toContain(`alt="QR code of your ticket ${booking.ticketCode}: show it at the door"`);
    expect(mail.text).toContain(booking.ticketCode);
    expect(mail.text).not.toContain("cid:");
    // The invite is still the first attachment.
    expect(mail.attachments![0]!.filename).toBe("invite.ics");
    // A cancellation shows no ticket.
    expect((await render("booking_cancelled", "en", { bookingId: booking.id })).attachments?.some((a) => a.contentId)).toBeFalsy();
  });

  it("is right-to-left in Arabic, with the event title in English when there is no Arabic one", async () => {
    const { booking } = await f.confirmedBooking({ email: "rtl@example.test", locale: "ar", startsAt: parseLondonLocal("2026-03-03T16:00") });
    const mail = await render("booking_confirmed", "ar", { bookingId: booking.id });
    expect(mail.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(mail.subject).toBe("تم حجز مكانك: Try being a chef");
  });

  it("uses the event's own translation of its title when there is one", async () => {
    const { booking } = await f.confirmedBooking({ email: "pl@example.test", locale: "pl", startsAt: parseLondonLocal("2026-03-03T16:00") });
    const mail = await render("booking_confirmed", "pl", { bookingId: booking.id });
    expect(mail.subject).toBe("Masz miejsce: Spróbuj być kucharzem");
    expect(mail.text).toContain("wtorek, 3 marca, 16:00–17:30");
  });

  it("shows 'Online' and the link for an online session, with no street address", async () => {
    const { booking } = await f.confirmedBooking({
      email: "online@example.test",
      startsAt: parseLondonLocal("2026-03-03T16:00"),
      session: { venueId: null, onlineUrl: "https://meet.example/cv-workshop" },
    });
    const mail = await render("booking_confirmed", "en", { bookingId: booking.id });
    expect(mail.text).toContain("Online");
    expect(mail.html).toContain('href="https://meet.example/cv-workshop"');
    expect(mail.text).not.toContain("Mill Lane");
  });

  it("never turns a javascript: link into something clickable", async () => {
    const { booking } = await f.confirmedBooking({
      email: "jslink@example.test",
      startsAt: parseLondonLocal("2026-03-03T16:00"),
      session: { venueId: null, onlineUrl: "javascript:alert(1)" },
    });
    const mail = await render("booking_confirmed", "en", { bookingId: booking.id });
    expect(mail.html).not.toContain("javascript:");
  });
});

describe("calendar files in emails", () => {
  it("invite on confirmation, update with the same UID and a higher SEQUENCE on change, CANCEL on cancellation", async () => {
    const email = "ics-flow@example.test";
    const { booking, session } = await f.confirmedBooking({ email, startsAt: parseLondonLocal("2026-03-27T10:00") });
    const ics = async (template: string) => {
      const mail = await render(template, "en", { bookingId: booking.id }, email);
      // One calendar file (the confirmation also carries its ticket QR as an inline image).
      expect(mail.attachments!.filter((a) => !a.contentId), template).toHaveLength(1);
      return parseIcs(mail.attachments![0]!.content);
    };
    const confirmed = await ics("booking_confirmed");
    expect(confirmed.method).toBe("REQUEST");
    expect(confirmed.events[0]!.startUtc).toBe("2026-03-27T10:00:00.000Z");

    // The session moves across the clock change, as the booking engine would record it.
    const moved = parseLondonLocal("2026-03-30T10:00");
    await h.db.update(sessions).set({ startsAt: moved, endsAt: moved + 90 * 60_000, sequence: session.sequence + 1 }).where(eq(sessions.id, session.id));
    const changed = await ics("session_changed");
    expect(changed.method).toBe("REQUEST");
    expect(changed.events[0]!.uid).toBe(confirmed.events[0]!.uid);
    expect(changed.events[0]!.sequence).toBeGreaterThan(confirmed.events[0]!.sequence);
    expect(changed.events[0]!.startLocal).toBe("2026-03-30T10:00:00");
    expect(changed.events[0]!.startUtc).toBe("2026-03-30T09:00:00.000Z");

    for (const template of ["booking_cancelled", "session_cancelled"]) {
      const cancelled = await ics(template);
      expect(cancelled.method, template).toBe("CANCEL");
      expect(cancelled.events[0]!.uid).toBe(confirmed.events[0]!.uid);
      expect(cancelled.events[0]!.sequence).toBeGreaterThan(changed.events[0]!.sequence);
      expect(cancelled.events[0]!.status).toBe("CANCELLED");
    }
  });

  it("group invites go to the member of staff and cancel with the same UID", async () => {
    const { booking } = await f.groupBooking({ staffEmail: "ics-teacher@hillside.test", startsAt: parseLondonLocal("2026-10-23T10:00") });
    const confirmed = parseIcs((await render("group_confirmed", "en", { bookingId: booking.id }, "ics-teacher@hillside.test")).attachments![0]!.content);
    const cancelled = parseIcs((await render("group_cancelled", "en", { bookingId: booking.id }, "ics-teacher@hillside.test")).attachments![0]!.content);
    expect(confirmed.events[0]!.attendees).toEqual(["mailto:ics-teacher@hillside.test"]);
    expect(confirmed.events[0]!.startUtc).toBe("2026-10-23T09:00:00.000Z");
    expect([confirmed.method, cancelled.method]).toEqual(["REQUEST", "CANCEL"]);
    expect(cancelled.events[0]!.uid).toBe(confirmed.events[0]!.uid);
  });

  it("mentoring cancellations send CANCEL to the mentor", async () => {
    const { booking } = await f.mentoringBooking({ email: "ics-mentee@example.test", startsAt: parseLondonLocal("2026-10-26T10:00") });
    const mail = await render("mentoring_cancelled", "en", { bookingId: booking.id, audience: "mentor" }, "sam@northern.test");
    const ics = parseIcs(mail.attachments![0]!.content);
    expect(ics.method).toBe("CANCEL");
    expect(ics.events[0]!.uid).toBe(`${booking.id}@opendoor.test`);
    expect(ics.events[0]!.startUtc).toBe("2026-10-26T10:00:00.000Z");
  });
});

describe("mentoring messages", () => {
  it("give the online link to the young person and the mentor, never to the safeguarding or guardian copies", async () => {
    const { booking } = await f.mentoringBooking({ email: "mentee@example.test", startsAt: parseLondonLocal("2026-03-03T16:00") });
    const copy = (audience: string, to: string) => render("mentoring_confirmed", "en", { bookingId: booking.id, audience }, to);
    for (const [audience, to] of [["young_person", "mentee@example.test"], ["mentor", "sam@northern.test"]] as const) {
      const mail = await copy(audience, to);
      expect(mail.html).toContain("https://meet.example/secret-room");
      const ics = parseIcs(mail.attachments![0]!.content);
      expect(ics.events[0]!.description).toContain("https://meet.example/secret-room");
      expect(ics.events[0]!.attendees).toEqual([`mailto:${to}`]);
    }
    for (const [audience, to] of [["safeguarding", "safeguarding@opendoor.example"], ["guardian", "parent@example.test"]] as const) {
      const mail = await copy(audience, to);
      expect(`${mail.html}${mail.text}`).not.toContain("secret-room");
      expect(mail.attachments ?? []).toHaveLength(0);
      expect(mail.text).toContain("Online");
    }
  });
});

describe("consent and waiting-list messages", () => {
  it("gives the guardian the consent link and the young person's name, escaped", async () => {
    const { booking } = await f.confirmedBooking({ email: "kid@example.test", startsAt: parseLondonLocal("2026-03-03T16:00") });
    await f.person({ email: "kid@example.test", displayName: "Jo <i>" });
    const mail = await render("consent_request", "en", { bookingId: booking.id, consentUrl: "https://opendoor.test/consent/tok123" }, "parent@example.test");
    expect(mail.subject).toBe("Can Jo <i> go to Try being a chef?");
    expect(mail.html).toContain("Can Jo &lt;i&gt; go?");
    expect(mail.html).toContain('href="https://opendoor.test/consent/tok123"');
  });

  it("tells a waitlisted person their place in the queue", async () => {
    const { booking } = await f.confirmedBooking({ email: "queue@example.test", startsAt: parseLondonLocal("2026-03-03T16:00"), booking: { status: "waitlisted" } });
    const mail = await render("booking_waitlisted", "en", { bookingId: booking.id, position: 4 });
    expect(mail.text).toContain("You are number 4 on the waiting list.");
    expect(mail.attachments ?? []).toHaveLength(0);
  });
});
