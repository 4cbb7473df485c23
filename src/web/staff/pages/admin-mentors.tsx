// Mentors and their DBS checks: each mentor's state today and a form to record a check, which
// clears the safeguarding alerts it answers and opens their slots to under-18s (rule 8).
import type { Mentor } from "../../../features/mentoring/mentors";
import { londonDate } from "../../../lib/time";
import { dbsProblemOn } from "../../../rules/safeguarding";
import type { View } from "../../view";
import { ErrorSummary, Field, Notice, type FormErrors } from "../ui";
import { CoordinatorShell } from "./coordinator-shell";
import { Check } from "./event-form";

export interface DbsForm {
  mentorId: string;
  checkedOn: string;
  expiresOn: string;
  certificateLast4: string;
  updateService: boolean;
}

/** A plain London date (YYYY-MM-DD) in the reader's language, at noon so no offset moves its day. */
const day = (view: View, d: string) => new Intl.DateTimeFormat(view.t.locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(new Date(`${d}T12:00:00Z`));

function DbsState({ view, mentor }: { view: View; mentor: Mentor }) {
  const s = view.t;
  const problem = dbsProblemOn(mentor, londonDate(view.now));
  const text =
    problem === null
      ? s.t("admDbsValid", { day: day(view, mentor.dbsExpiresOn!) })
      : problem === "dbs_revoked"
        ? s.t("admDbsRevoked")
        : problem === "dbs_expired"
          ? s.t("admDbsExpired", { day: day(view, mentor.dbsExpiresOn!) })
          : s.t("admDbsMissing");
  return (
    <p>
      <strong>{text}</strong>
      {problem === null && mentor.dbsUpdateService && ` (${s.t("admDbsOnUpdateService")})`}
    </p>
  );
}

export function MentorsPage({ view, mentors, orgNames, form, errors, done }: { view: View; mentors: Mentor[]; orgNames: Map<string, string>; form: DbsForm | null; errors: FormErrors; done?: string }) {
  const s = view.t;
  return (
    <CoordinatorShell view={view} title={s.t("admMentors")} errors={errors}>
      {done && <Notice>{done}</Notice>}
      <p>{s.t("admMentorsIntro")}</p>
      {mentors.length === 0 ? (
        <p>{s.t("admMentorsNone")}</p>
      ) : (
        <ul class="cards">
          {mentors.map((m) => {
            const mine = form?.mentorId === m.id;
            const f = mine ? form! : { mentorId: m.id, checkedOn: "", expiresOn: "", certificateLast4: "", updateService: false };
            const e: FormErrors = mine ? errors : { fields: {} };
            const id = (name: string) => `${name}-${m.id}`;
            // Field ids carry the mentor's id: one page holds a form per mentor.
            const scoped: FormErrors = { fields: Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [id(k), v])), general: e.general };
            return (
              <li class="card" id={`mentor-${m.id}`}>
                <h2>{m.displayName}</h2>
                <p>{orgNames.get(m.organisationId) ?? ""}</p>
                <DbsState view={view} mentor={m} />
                {mine && <ErrorSummary view={view} errors={scoped} order={["checkedOn", "expiresOn", "certificateLast4"].map(id)} />}
                <details open={mine}>
                  <summary>{s.t("admDbsRecord", { name: m.displayName })}</summary>
                  <form method="post" action={`/coordinator/mentors/${m.id}/dbs`} novalidate>
                    <div class="row">
                      <Field id={id("checkedOn")} label={s.t("admDbsCheckedOn")} errors={scoped}>
                        {(aria) => <input type="date" id={id("checkedOn")} name="checkedOn" value={f.checkedOn} {...aria} />}
                      </Field>
                      <Field id={id("expiresOn")} label={s.t("admDbsExpiresOn")} errors={scoped}>
                        {(aria) => <input type="date" id={id("expiresOn")} name="expiresOn" value={f.expiresOn} {...aria} />}
                      </Field>
                    </div>
                    <Field id={id("certificateLast4")} label={s.t("admDbsLast4")} hint={s.t("admDbsLast4Hint")} errors={scoped}>
                      {(aria) => <input type="text" id={id("certificateLast4")} name="certificateLast4" maxlength={4} autocomplete="off" dir="ltr" value={f.certificateLast4} {...aria} />}
                    </Field>
                    <Check id={id("updateService")} name="updateService" label={s.t("admDbsUpdateService")} checked={f.updateService} />
                    <button class="button" type="submit">
                      {s.t("admDbsSave")}
                    </button>
                  </form>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </CoordinatorShell>
  );
}
