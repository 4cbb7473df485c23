// Messages about one young person's place at a session: booked, held for consent, waiting
// list and offers, cancelled, changed, reminded, asked for feedback.
import { TICKET_QR_CID } from "./booking";
import { bookingEmail, deadline, detailFacts, manageLink } from "./details";
import { formatSpan } from "./format";

const details = { showOnlineLink: true };

/** payload: { bookingId }. Carries invite.ics (REQUEST). */
export const bookingConfirmed = bookingEmail((c) => ({
  subject: c.t("confirmedSubject", { title: c.title }),
  heading: c.t("confirmedHeading"),
  blocks: [
    { p: c.t("confirmedIntro", { title: c.title }) },
    { facts: [...detailFacts(c, details), { label: c.t("ticket"), lines: [c.d.booking.ticketCode] }] },
    { image: { src: `cid:${TICKET_QR_CID}`, alt: c.t("ticketQrAlt", { code: c.d.booking.ticketCode }), size: 200 } },
    manageLink(c),
  ],
  invite: "REQUEST",
}));

/** payload: { bookingId }. To the young person while the guardian decides. */
export const bookingPendingConsent = bookingEmail((c) => ({
  subject: c.t("pendingSubject", { title: c.title }),
  heading: c.t("pendingHeading"),
  blocks: [
    { p: c.t("pendingIntro") },
    ...(c.d.booking.holdExpiresAt ? [{ p: c.t("pendingHold", { deadline: deadline(c, c.d.booking.holdExpiresAt) }) }] : []),
    { facts: detailFacts(c, details) },
    manageLink(c),
  ],
}));

/** payload: { bookingId, consentUrl }. To the guardian, who has no account. */
export const consentRequest = bookingEmail((c) => {
  const name = c.d.person?.displayName ?? "";
  return {
    subject: c.t("consentSubject", { name, title: c.title }),
    heading: c.t("consentHeading", { name }),
    blocks: [
      { p: c.t("consentRequestIntro", { name, title: c.title }) },
      { facts: detailFacts(c, { showOnlineLink: false }) },
      { link: { label: c.t("consentButton"), href: String(c.payload.consentUrl ?? "") } },
      ...(c.d.booking.holdExpiresAt ? [{ p: c.t("consentDeadline", { deadline: deadline(c, c.d.booking.holdExpiresAt) }) }] : []),
      { small: c.t("consentIgnore", { name }) },
    ],
  };
});

/**
 * payload: { bookingId, reason?: "refused" | "expired" | "withdrawn" }. A withdrawn yes had a
 * confirmed place, so its calendar entry is taken out (CANCEL); the others never had one.
 */
export const consentRefused = bookingEmail((c) => ({
  subject: c.t("refusedSubject", { title: c.title }),
  heading: c.t("refusedHeading"),
  blocks: [
    { p: c.t(c.payload.reason === "expired" ? "refusedExpired" : c.payload.reason === "withdrawn" ? "gdWithdrawnYoungPerson" : "refusedRefused") },
    { p: c.t("refusedNext") },
    { facts: detailFacts(c, details) },
  ],
  invite: c.payload.reason === "withdrawn" ? ("CANCEL" as const) : undefined,
}));

/** payload: { bookingId, position }. */
export const bookingWaitlisted = bookingEmail((c) => ({
  subject: c.t("waitlistedSubject", { title: c.title }),
  heading: c.t("waitlistedHeading"),
  blocks: [
    { p: c.t("waitlistedIntro", { title: c.title, position: Number(c.payload.position ?? 0) || "?" }) },
    { p: c.t("waitlistedNext") },
    { facts: detailFacts(c, details) },
    manageLink(c),
  ],
}));

/** payload: { bookingId }. The seat is held until booking.holdExpiresAt. */
export const offerMade = bookingEmail((c) => ({
  subject: c.t("offerSubject", { title: c.title }),
  heading: c.t("offerHeading"),
  blocks: [
    { p: c.t("offerIntro", { title: c.title }) },
    ...(c.d.booking.holdExpiresAt ? [{ p: c.t("offerDeadline", { deadline: deadline(c, c.d.booking.holdExpiresAt) }) }] : []),
    { facts: detailFacts(c, details) },
    manageLink(c, "offerButton"),
  ],
}));

/** payload: { bookingId }. */
export const offerExpired = bookingEmail((c) => ({
  subject: c.t("offerExpiredSubject", { title: c.title }),
  heading: c.t("offerExpiredHeading"),
  blocks: [{ p: c.t("offerExpiredIntro", { title: c.title }) }, { p: c.t("refusedNext") }],
}));

/** A CANCEL only for a place that had an invite: payload.invited is 0 for one that never did. */
const cancelInvite = (c: { payload: Record<string, unknown> }) => (c.payload.invited === 0 ? undefined : ("CANCEL" as const));

/** payload: { bookingId, invited? }. Carries invite.ics (CANCEL) unless invited is 0. */
export const bookingCancelled = bookingEmail((c) => ({
  subject: c.t("cancelledSubject", { title: c.title }),
  heading: c.t("cancelledHeading"),
  blocks: [{ p: c.t("cancelledIntro", { title: c.title }) }, { facts: detailFacts(c, { showOnlineLink: false }) }],
  invite: cancelInvite(c),
}));

/**
 * payload: { bookingId }. New time or place; the ics keeps the UID with a higher SEQUENCE. Only
 * a confirmed place carries one: a place still waiting for consent or an offered seat has no
 * calendar entry yet, and a refusal or lapse later sends no CANCEL to take it out again.
 */
export const sessionChanged = bookingEmail((c) => ({
  subject: c.t("changedSubject", { title: c.title }),
  heading: c.t("changedHeading"),
  blocks: [{ p: c.t("changedIntro", { title: c.title }) }, { facts: detailFacts(c, details) }, manageLink(c)],
  invite: "current",
}));

/**
 * payload: { bookingId, invited?, reason?, eventId?, otherDates?: [{ id, startsAt, endsAt }] }.
 * A coordinator called the session off: why, and the event's other dates with places then.
 * Carries CANCEL unless invited is 0.
 */
export const sessionCancelled = bookingEmail((c) => {
  const reason = typeof c.payload.reason === "string" && c.payload.reason ? c.payload.reason : null;
  const others = Array.isArray(c.payload.otherDates) ? (c.payload.otherDates as { startsAt: number; endsAt: number }[]) : [];
  return {
    subject: c.t("sessionCancelledSubject", { title: c.title }),
    heading: c.t("sessionCancelledHeading"),
    blocks: [
      { p: c.t("sessionCancelledIntro", { title: c.title, when: c.when }) },
      ...(reason ? [{ p: c.t("sessionCancelledReason", { reason }) }] : []),
      ...(others.length > 0
        ? [
            { facts: [{ label: c.t("sessionCancelledOther"), lines: others.map((o) => formatSpan(o.startsAt, o.endsAt, c.locale)) }] },
            { link: { label: c.t("sessionCancelledOtherLink"), href: `${c.site.publicUrl}/events/${String(c.payload.eventId ?? "")}` } },
          ]
        : []),
    ],
    invite: cancelInvite(c),
  };
});

/** payload: { bookingId }. 24 h before (2 h before mentoring). */
export const reminder = bookingEmail((c) => {
  const group = c.d.booking.kind === "group";
  const facts = detailFacts(c, { showOnlineLink: c.d.booking.kind !== "mentoring" || c.to === c.d.person?.email });
  if (group) facts.push({ label: c.t("group"), lines: [c.t("groupSize", { pupils: c.d.booking.pupils, staff: c.d.booking.staff })] });
  else if (c.d.booking.kind === "individual") facts.push({ label: c.t("ticket"), lines: [c.d.booking.ticketCode] });
  return {
    subject: c.t("reminderSubject", { title: c.title, when: c.when }),
    heading: c.t("reminderHeading"),
    blocks: [{ p: c.t("reminderIntro", { title: c.title }) }, { facts }, manageLink(c)],
  };
});

/**
 * payload: { bookingId, feedbackUrl? }. After attendance. The link opens the feedback page with
 * the booking's one-time token, so no sign-in is needed (issue #14); without one, the page asks
 * the attendee to sign in.
 */
export const feedbackInvitation = bookingEmail((c) => ({
  subject: c.t("feedbackSubject", { title: c.title }),
  heading: c.t("feedbackInvitationHeading"),
  blocks: [
    { p: c.t("feedbackIntro", { title: c.title }) },
    { p: c.t("feedbackInvitationAnonymous") },
    { link: { label: c.t("feedbackButton"), href: typeof c.payload.feedbackUrl === "string" ? c.payload.feedbackUrl : `${c.manageUrl}/feedback` } },
  ],
}));
