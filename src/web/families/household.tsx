// Booking a household's places at a family event (issue #16 item 10): the same verb, rate limit
// and refusals as POST /api/v1/sessions/{id}/household-bookings; no script.
import { bookHousehold } from "../../features/bookings/household";
import { sessionDetails, type SessionDetails } from "../../features/sessions/read";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { enforceBookingLimit } from "../../lib/rate-limit";
import { Refusal, wordProblem } from "../../lib/refusal";
import { HOUSEHOLD_MAX_ADULTS, HOUSEHOLD_MAX_SEATS, isForFamilies } from "../../rules/families";
import { Layout } from "../layout";
import { SessionSummary } from "../people/parts";
import { notFound, render, signedInPost, signInFirst } from "../people/page";
import { formLimit } from "../respond";
import { ErrorSummary, Field, noErrors, type FormErrors } from "../staff/ui";
import { viewFor, type View } from "../view";

interface HouseholdForm {
  adults: string;
  children: string;
  accessNeeds: string;
}

function HouseholdPage({ view, details, form, errors }: { view: View; details: SessionDetails; form: HouseholdForm; errors: FormErrors }) {
  const { t } = view;
  const failed = Object.keys(errors.fields).length > 0 || errors.general !== undefined;
  return (
    <Layout view={view} title={failed ? `${t.t("errorSummaryTitle")}: ${t.t("hhTitle")}` : t.t("hhTitle")} section="events">
      <h1>{t.t("hhTitle")}</h1>
      <ErrorSummary view={view} errors={errors} order={["adults", "children"]} />
      <SessionSummary view={view} event={details.event} session={details.session} venue={details.venue} />
      <p>{t.t("hhIntro")}</p>
      <form method="post" action={`/sessions/${details.session.id}/household`}>
        <Field id="adults" label={t.t("hhAdults")} errors={errors}>
          {(aria) => <input type="number" id="adults" name="adults" inputmode="numeric" min={1} max={HOUSEHOLD_MAX_ADULTS} required value={form.adults} {...aria} />}
        </Field>
        <Field id="children" label={t.t("hhChildren")} hint={t.t("hhCountHint", { max: HOUSEHOLD_MAX_SEATS })} errors={errors}>
          {(aria) => <input type="number" id="children" name="children" inputmode="numeric" min={0} max={HOUSEHOLD_MAX_SEATS} required value={form.children} {...aria} />}
        </Field>
        <Field id="accessNeeds" label={t.t("hhAccess")} errors={errors}>
          {(aria) => (
            <textarea id="accessNeeds" name="accessNeeds" rows={3} maxlength={500} dir="auto" {...aria}>
              {form.accessNeeds}
            </textarea>
          )}
        </Field>
        <button class="button" type="submit">
          {t.t("hhSubmit")}
        </button>
      </form>
    </Layout>
  );
}

const whole = (v: string) => (/^\s*\d{1,2}\s*$/.test(v) ? Number(v) : Number.NaN);

export function registerHouseholdPages(app: Api) {
  const familySession = async (db: Parameters<typeof sessionDetails>[0], id: string) => {
    const details = await sessionDetails(db, id);
    return details && isForFamilies(details.event) ? details : null;
  };

  app.get("/sessions/:id/household", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    const details = await familySession(c.var.deps.db, c.req.param("id"));
    if (!details) return notFound(c, view);
    return render(c, view, <HouseholdPage view={view} details={details} form={{ adults: "1", children: "0", accessNeeds: "" }} errors={noErrors()} />);
  });

  app.post("/sessions/:id/household", formLimit(8 * 1024), async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    await enforceBookingLimit(c, view.actor);
    const details = await familySession(c.var.deps.db, c.req.param("id"));
    if (!details) return notFound(c, view);
    const body = await c.req.parseBody();
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    const form: HouseholdForm = { adults: str(body.adults), children: str(body.children), accessNeeds: str(body.accessNeeds).slice(0, 500) };
    const adults = whole(form.adults);
    const children = whole(form.children);
    const show = (status: 400 | 409 | 422, errors: FormErrors) => render(c, view, <HouseholdPage view={view} details={details} form={form} errors={errors} />, status);
    if (!(adults >= 1 && adults <= HOUSEHOLD_MAX_ADULTS && children >= 0 && adults + children <= HOUSEHOLD_MAX_SEATS)) {
      const message = view.t.t("hhCountError", { max: HOUSEHOLD_MAX_SEATS });
      return show(400, { fields: adults >= 1 && adults <= HOUSEHOLD_MAX_ADULTS ? { children: message } : { adults: message } });
    }
    try {
      const booking = await bookHousehold(c.var.deps, view.actor, details.session.id, { adults, children, accessNeeds: form.accessNeeds.trim() || undefined });
      return c.redirect(`/bookings/${booking.id}`, 303);
    } catch (err) {
      if (!(err instanceof Refusal) || !(err instanceof ProblemError)) throw err;
      if (err.status === 404) return notFound(c, view);
      return show(err.status === 409 ? 409 : 422, { fields: {}, general: { text: wordProblem(err, view.t.locale).detail, en: view.t.isFallback(err.reason) } });
    }
  });
}
