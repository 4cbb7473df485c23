import { formatWhen } from "../format";
import type { Session } from "../../features/catalogue/events";
import { seatsLeft } from "../../features/catalogue/shared";
import type { View } from "../view";

/**
 * The "Book a place" link beside each date on an event page. The date is repeated for screen
 * readers, which list links out of context; a full session without a waiting list has none.
 */
export function BookLink({ view, session, waitlist }: { view: View; session: Session; waitlist: boolean }) {
  if (seatsLeft(session) === 0 && !waitlist) return null;
  return (
    <p>
      <a class="button" href={`/sessions/${session.id}/book`}>
        {view.t.t("bookPlace")}
        <span class="visually-hidden">: {formatWhen(session.startsAt, session.endsAt, view.t, view.now)}</span>
      </a>
    </p>
  );
}
