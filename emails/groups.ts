// Messages to the school staff member who booked a group.
import { bookingEmail, detailFacts, manageLink, type MessageContext } from "./details";

const groupFacts = (c: MessageContext) => [
  ...detailFacts(c, { showOnlineLink: true }),
  { label: c.t("group"), lines: [c.t("groupSize", { pupils: c.d.booking.pupils, staff: c.d.booking.staff })] },
];
const school = (c: MessageContext) => c.d.school?.name ?? "";

/** payload: { bookingId }. Carries invite.ics (REQUEST). */
export const groupConfirmed = bookingEmail((c) => ({
  subject: c.t("groupConfirmedSubject", { title: c.title }),
  heading: c.t("groupConfirmedHeading"),
  blocks: [{ p: c.t("groupConfirmedIntro", { school: school(c), title: c.title }) }, { facts: groupFacts(c) }, manageLink(c)],
  invite: "REQUEST",
}));

/** payload: { bookingId }. The group's size changed: an updated invite (same UID, higher SEQUENCE) says so in calendars too. */
export const groupChanged = bookingEmail((c) => ({
  subject: c.t("groupChangedSubject", { title: c.title }),
  heading: c.t("groupChangedHeading"),
  blocks: [{ p: c.t("groupChangedIntro", { title: c.title }) }, { facts: groupFacts(c) }, manageLink(c)],
  // The same calendar entry (UID) with a higher SEQUENCE: the change bumped the booking's.
  invite: "current",
}));

/** payload: { bookingId }. Carries invite.ics (CANCEL). */
export const groupCancelled = bookingEmail((c) => ({
  subject: c.t("groupCancelledSubject", { title: c.title }),
  heading: c.t("groupCancelledHeading"),
  blocks: [{ p: c.t("groupCancelledIntro", { school: school(c), title: c.title }) }, { facts: detailFacts(c, { showOnlineLink: false }) }],
  invite: "CANCEL",
}));
