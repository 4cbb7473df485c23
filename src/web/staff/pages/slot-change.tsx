// An employer changing one mentoring slot. A booked slot is a reschedule: the page says who
// the mentoring service tells, so nobody is surprised.
import type { organisations } from "../../../db/schema";
import type { Mentor } from "../../../features/mentoring/mentors";
import type { Slot } from "../../../features/mentoring/slots";
import { formatWhen, isoInstant } from "../../format";
import { Layout } from "../../layout";
import type { View } from "../../view";
import { ErrorSummary, hasErrors, TimesFields, timesOf, type FormErrors, type TimesForm } from "../ui";
import { SlotPlaceFields, type SlotPlace } from "./employer";

export type SlotChangeForm = TimesForm & SlotPlace;

export const slotFormOf = (slot: Slot): SlotChangeForm => ({ ...timesOf(slot.startsAt, slot.endsAt), mode: slot.mode, meetingUrl: slot.meetingUrl ?? "", venueId: slot.venueId ?? "" });

export function SlotChangePage(props: { view: View; org: typeof organisations.$inferSelect; mentor: Mentor; slot: Slot; venues: { id: string; name: string }[]; form: SlotChangeForm; errors: FormErrors }) {
  const { view, org, mentor, slot, venues, form, errors } = props;
  const s = view.t;
  const title = s.t("slotChangeTitle");
  const open = slot.status !== "withdrawn" && slot.startsAt > view.now;
  return (
    <Layout view={view} title={hasErrors(errors) ? `${view.t.t("errorSummaryTitle")}: ${title}` : title}>
      <p>
        <a href={`/employers/${org.id}/mentors/${mentor.id}`}>{s.t("slotsTitle", { name: mentor.displayName })}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={errors} order={["date", "startTime", "endTime", "mode", "meetingUrl", "venueId"]} />
      <p class="lead">
        <time datetime={isoInstant(slot.startsAt)}>{formatWhen(slot.startsAt, slot.endsAt, view.t, view.now)}</time>
      </p>
      {!open ? (
        <p class="status">{s.t("slotCannotChange")}</p>
      ) : (
        <>
          <p>{slot.status === "booked" ? s.t("slotChangeBooked") : s.t("slotChangeFree")}</p>
          <form method="post" action={`/employers/${org.id}/slots/${slot.id}`} novalidate>
            <TimesFields view={view} form={form} errors={errors} />
            <SlotPlaceFields view={view} form={form} venues={venues} errors={errors} />
            <button class="button" type="submit">
              {s.t("saveChanges")}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
