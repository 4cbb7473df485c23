import { Layout } from "../../layout";
import type { View } from "../../view";
import { formatAt, SessionSummary } from "../parts";
import type { consentRequest } from "../../../features/bookings/read";

type Request = NonNullable<Awaited<ReturnType<typeof consentRequest>>>;

/**
 * What a parent or carer is asked to agree to, in plain words. The form posts back to the
 * same address: the token never goes into another link, and the site sends no Referer.
 */
export function ConsentPage({ view, request, action }: { view: View; request: Request; action: string }) {
  const { t } = view;
  const { booking, person, event, session, venue } = request;
  const name = person.displayName;
  return (
    <Layout view={view} title={t.t("consentTitle")}>
      <h1>{t.t("consentTitle")}</h1>
      <p class="lead">{t.t("consentIntro", { name, age: event.consentAge })}</p>
      <SessionSummary view={view} event={event} session={session} venue={venue}>
        <dt>{t.t("consentWho")}</dt>
        <dd>
          <bdi>{name}</bdi>
        </dd>
        <dt>{t.t("consentNeeds")}</dt>
        <dd dir="auto">{booking.accessNeeds || t.t("accessNothing")}</dd>
      </SessionSummary>
      {booking.holdExpiresAt && <p>{t.t("consentHeld", { until: formatAt(booking.holdExpiresAt, view) })}</p>}
      <form method="post" action={action} class="actions">
        <button class="button" type="submit" name="decision" value="grant">
          {t.t("consentGrant")}
        </button>
        <button class="button secondary" type="submit" name="decision" value="refuse">
          {t.t("consentRefuse")}
        </button>
      </form>
    </Layout>
  );
}

export function ConsentDonePage({ view, granted, name }: { view: View; granted: boolean; name: string }) {
  const { t } = view;
  const title = granted ? t.t("consentGrantedTitle") : t.t("consentRefusedTitle");
  return (
    <Layout view={view} title={title}>
      <h1>{title}</h1>
      <p class="lead" role="status">
        {granted ? t.t("consentGrantedBody", { name }) : t.t("consentRefusedBody", { name })}
      </p>
    </Layout>
  );
}

export function ConsentInvalidPage({ view }: { view: View }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("consentInvalidTitle")}>
      <h1>{t.t("consentInvalidTitle")}</h1>
      <p>{t.t("consentInvalidBody")}</p>
      <p>
        <a href="/events">{t.t("eventBackToList")}</a>
      </p>
    </Layout>
  );
}
