// Mentoring messages. One booking, up to four readers (payload.audience): the young person,
// the mentor, the safeguarding contact and, for under-16s, the guardian. Rule 8: the online
// link goes only to the young person and the mentor, in the email and in the calendar file.
import { bookingEmail, detailFacts, manageLink, type MessageContext } from "./details";
import type { StringKey } from "../src/i18n";

type Audience = "young_person" | "mentor" | "safeguarding" | "guardian";
const audienceOf = (c: MessageContext): Audience => {
  const a = c.payload.audience;
  return a === "mentor" || a === "safeguarding" || a === "guardian" ? a : "young_person";
};
const getsLink = (a: Audience) => a === "young_person" || a === "mentor";

const INTRO: Record<Audience, StringKey> = {
  young_person: "mentoringYoungPersonIntro",
  mentor: "mentoringMentorIntro",
  safeguarding: "mentoringSafeguardingIntro",
  guardian: "mentoringGuardianIntro",
};

const names = (c: MessageContext) => ({ name: c.d.person?.displayName ?? "", mentor: c.d.mentor?.displayName ?? "" });

/** payload: { bookingId, audience }. The young person's and mentor's copies carry invite.ics. */
export const mentoringConfirmed = bookingEmail((c) => {
  const audience = audienceOf(c);
  return {
    subject: c.t("mentoringConfirmedSubject", { when: c.when }),
    heading: c.t("mentoringConfirmedHeading"),
    blocks: [
      { p: c.t(INTRO[audience], names(c)) },
      { facts: detailFacts(c, { showOnlineLink: getsLink(audience) }) },
      ...(audience === "young_person" ? [manageLink(c)] : []),
    ],
    invite: getsLink(audience) ? "REQUEST" : undefined,
    includeOnlineLink: getsLink(audience),
  };
});

/** payload: { bookingId, audience }. */
export const mentoringCancelled = bookingEmail((c) => {
  const audience = audienceOf(c);
  return {
    subject: c.t("mentoringCancelledSubject", { when: c.when }),
    heading: c.t("mentoringCancelledHeading"),
    blocks: [{ p: c.t("mentoringCancelledIntro", names(c)) }, { facts: detailFacts(c, { showOnlineLink: false }) }],
    invite: getsLink(audience) ? "CANCEL" : undefined,
    includeOnlineLink: false,
  };
});
