import type { Locale } from "../../db/schema";
import type { OutboxMessage } from "../notifications/outbox";

export type Audience = "young_person" | "mentor" | "safeguarding" | "guardian";

export interface NoticeParties {
  bookingId: string;
  youngPerson: { email: string; locale: Locale };
  mentorEmail: string;
  guardianEmail: string | null;
  safeguardingEmail: string;
}

/**
 * One message per audience for a mentoring booking. Payloads stay small (the template loads
 * the booking at send time); `audience` tells the template whether the online link may be
 * shown (only to the young person and the mentor, rule 8).
 */
export function mentoringNotices(
  template: "mentoring_confirmed" | "mentoring_cancelled",
  parties: NoticeParties,
  audiences: Audience[],
  extra: Record<string, unknown> = {},
): OutboxMessage[] {
  const to: Record<Audience, { email: string | null; locale: Locale }> = {
    young_person: { email: parties.youngPerson.email, locale: parties.youngPerson.locale },
    mentor: { email: parties.mentorEmail, locale: "en" },
    safeguarding: { email: parties.safeguardingEmail, locale: "en" },
    // Guardians read in the family's language, which is the young person's.
    guardian: { email: parties.guardianEmail, locale: parties.youngPerson.locale },
  };
  return audiences
    .filter((a) => to[a].email)
    .map((audience) => ({ template, to: to[audience].email!, locale: to[audience].locale, payload: { bookingId: parties.bookingId, audience, ...extra } }));
}
