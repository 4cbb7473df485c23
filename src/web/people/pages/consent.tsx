import { Layout } from "../../layout";
import type { View } from "../../view";
import { ErrorSummary, formatAt, SessionSummary } from "../parts";
import type { consentLink, consentRequest } from "../../../features/bookings/read";

type Request = NonNullable<Awaited<ReturnType<typeof consentRequest>>>;
type Answered = NonNullable<Awaited<ReturnType<typeof consentLink>>>;

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
      <SessionSummary view={view} event={event} session={session} venue={venue} directions={false}>
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
      <p>{t.t("gdRecordSent")}</p>
      {granted && <p>{t.t("gdDecidedWithdrawHint")}</p>}
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

const STATE_WORDS = {
  granted: "gdStateGranted",
  withdrawable: "gdStateWithdrawable",
  refused: "gdStateRefused",
  withdrawn: "gdStateWithdrawn",
  cancelled: "gdStateCancelled",
} as const;

/**
 * A used link (issue #14): the decision it recorded, never an error; a yes can be withdrawn
 * here until the session starts. The form posts back to the same address, as the question did.
 */
export function ConsentAnswerPage({ view, answer, action, problem }: { view: View; answer: Answered; action: string; problem?: string }) {
  const { t } = view;
  const { booking, person, event, session, venue, state } = answer;
  const name = person.displayName;
  const words = STATE_WORDS[state === "asked" ? "granted" : state];
  return (
    <Layout view={view} title={t.t("gdAnswerTitle")}>
      <h1>{t.t("gdAnswerTitle")}</h1>
      <ErrorSummary view={view} errors={[]} message={problem ? <p>{problem}</p> : undefined} />
      <p class="lead" role="status">
        {t.t(words, { name })}
      </p>
      <SessionSummary view={view} event={event} session={session} venue={venue} directions={false}>
        <dt>{t.t("consentWho")}</dt>
        <dd>
          <bdi>{name}</bdi>
        </dd>
        <dt>{t.t("consentNeeds")}</dt>
        <dd dir="auto">{booking.accessNeeds || t.t("accessNothing")}</dd>
      </SessionSummary>
      {state === "withdrawable" && (
        <form method="post" action={action} class="actions">
          <p>{t.t("gdWithdrawWarning", { name })}</p>
          <button class="button secondary" type="submit" name="decision" value="withdraw">
            {t.t("gdWithdrawButton")}
          </button>
        </form>
      )}
    </Layout>
  );
}

export function ConsentWithdrawnPage({ view, name }: { view: View; name: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("gdWithdrawnTitle")}>
      <h1>{t.t("gdWithdrawnTitle")}</h1>
      <p class="lead" role="status">
        {t.t("gdWithdrawnBody", { name })}
      </p>
    </Layout>
  );
}
