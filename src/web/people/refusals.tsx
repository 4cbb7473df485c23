// The services' refusals said in the page's language, with the page's own links (other
// dates, the clashing booking). Words come from the one catalogue (src/i18n); the page never
// reads a refusal's English detail, only its code, its facts and the person's own record.
import type { Child } from "hono/jsx";
import type { Person } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { Refusal as DomainRefusal, wordProblem } from "../../lib/refusal";
import type { View } from "../view";
import type { SessionDetails } from "../../features/sessions/read";

export interface Refusal {
  /** A form field the refusal is about, shown next to it. */
  field?: string;
  message: Child;
  status: 400 | 404 | 409 | 422;
}

const withLink = (text: string, href: string, label: string) => (
  <p>
    {text} <a href={href}>{label}</a>
  </p>
);

const PAGE_STATUSES = [400, 404, 409, 422] as const;

/** The guardian's address is the young person's own or another child's, or has had today's consent requests (issue #14). */
const isChildsEmail = (err: ProblemError) => err instanceof DomainRefusal && (err.reason === "guardian_email_is_a_childs" || err.reason === "guardian_daily_limit");

/** Any other refusal: the catalogue's sentence for it in the page's language, as the API says it. */
function otherRefusal(view: View, err: ProblemError): Refusal | null {
  const status = PAGE_STATUSES.find((s) => s === err.status);
  if (!(err instanceof DomainRefusal) || status === undefined) return null;
  return { message: <p>{wordProblem(err, view.t.locale).detail}</p>, status };
}

/** Why a session booking was refused, or null when the error is not a refusal (rethrow it). */
export function bookingRefusal(view: View, err: unknown, details: Pick<SessionDetails, "event">, person: Person): Refusal | null {
  if (!(err instanceof ProblemError)) return null;
  const { t } = view;
  const extra = err.extra ?? {};
  switch (err.code) {
    case "validation": {
      if (isChildsEmail(err)) return { field: "guardianEmail", message: wordProblem(err, t.locale).detail, status: 400 };
      const field = err.errors?.[0]?.path === "accessNeeds" ? "accessNeeds" : "guardianEmail";
      return { field, message: field === "accessNeeds" ? t.t("bookAccessTooLong") : t.t("bookGuardianError"), status: 400 };
    }
    case "session_full":
      return { message: withLink(t.t("refuseFull"), `/events/${details.event.id}`, t.t("otherDates")), status: 409 };
    case "booking_clash":
      return {
        message: withLink(t.t("refuseClash", { title: String(extra.clashingTitle ?? "") }), `/bookings/${String(extra.clashingBookingId ?? "")}`, t.t("refuseClashLink")),
        status: 409,
      };
    case "already_booked":
      return {
        message: extra.bookingId ? withLink(t.t("refuseAlreadyBooked"), `/bookings/${String(extra.bookingId)}`, t.t("refuseAlreadyBookedLink")) : <p>{t.t("refuseAlreadyBooked")}</p>,
        status: 409,
      };
    case "not_eligible": {
      // The refusal carries the rule's facts (the range and the age on the day): said, not recomputed.
      if (!(err instanceof DomainRefusal) || err.reason !== "outside_age_range") return { message: <p>{t.t("refuseNotYoungPerson")}</p>, status: 422 };
      const { minAge, maxAge, age } = err.facts as { minAge: number; maxAge: number; age: number };
      return { message: <p>{t.t("refuseAge", { min: minAge, max: maxAge, age })}</p>, status: 422 };
    }
    case "session_started":
      return { message: <p>{t.t("refuseStarted")}</p>, status: 409 };
    case "session_cancelled":
      return { message: <p>{t.t("refuseCancelled")}</p>, status: 409 };
    case "conflict":
    case "offer_expired":
      return { message: <p>{err.code === "offer_expired" ? t.t("refuseOfferExpired") : t.t("refuseChanged")}</p>, status: 409 };
    case "not_found":
      return { message: <p>{t.t("notFoundBody")}</p>, status: 404 };
    default:
      return otherRefusal(view, err);
  }
}

/** Why a mentoring slot could not be booked, or null when the error is not a refusal. */
export function mentoringRefusal(view: View, err: unknown): Refusal | null {
  if (!(err instanceof ProblemError)) return null;
  const { t } = view;
  switch (err.code) {
    case "validation":
      return { field: "guardianEmail", message: isChildsEmail(err) ? wordProblem(err, t.locale).detail : t.t("bookGuardianError"), status: 400 };
    case "slot_taken":
      return { message: withLink(t.t("refuseSlotTaken"), "/mentoring", t.t("findMentor")), status: 409 };
    case "too_many_mentoring":
      return { message: <p>{t.t("refuseTooMany")}</p>, status: 409 };
    case "booking_clash":
      return { message: <p>{t.t("refuseMentoringClash")}</p>, status: 409 };
    case "not_eligible":
      // Two rules refuse here: no date of birth on file, or the mentor's DBS check on the day.
      return { message: <p>{err instanceof DomainRefusal && err.reason === "mentoring_needs_birthday" ? t.t("refuseNeedBirthday") : t.t("refuseMentorCheck")}</p>, status: 422 };
    case "forbidden":
      return { message: <p>{t.t("refuseNotYoungPerson")}</p>, status: 422 };
    case "conflict":
      return { message: <p>{t.t("refuseChanged")}</p>, status: 409 };
    case "not_found":
      return { message: <p>{t.t("notFoundBody")}</p>, status: 404 };
    default:
      return otherRefusal(view, err);
  }
}
