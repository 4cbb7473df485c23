// The timebank's pages (issue #17): who gave time at a session (its host and coordinators),
// a partner's offers, a person's hours and what they can spend them on, the coordinators'
// ledger (months, people, corrections, careers rules) and a school's careers evidence. The same
// services and words as the API (features/timebank); no script.
import { CONTRIBUTOR_ROLES, EVENT_TYPES, type ContributorRole, type organisations } from "../../db/schema";
import type { CareersEvidence, CareersRuleRow } from "../../features/timebank/careers";
import type { ContributorRow } from "../../features/timebank/contributors";
import type { OfferRow } from "../../features/timebank/offers";
import type { LedgerLine, MonthTotals, StatementLine } from "../../features/timebank/read";
import { pickLocalised, type StringKey } from "../../i18n";
import { hoursOf } from "../../rules/timebank";
import { formatWhen, isoInstant } from "../format";
import { Layout, Localised } from "../layout";
import { CoordinatorShell } from "../staff/pages/coordinator-shell";
import { hostShell } from "../staff/pages/host";
import { ErrorSummary, Field, Notice, type FormErrors } from "../staff/ui";
import type { View } from "../view";

type Org = Pick<typeof organisations.$inferSelect, "id" | "name">;

export const ROLE_KEYS: Record<ContributorRole, StringKey> = {
  mentor: "recRoleMentor",
  employer_volunteer: "recRoleEmployerVolunteer",
  resident: "recRoleResident",
  community_volunteer: "recRoleCommunityVolunteer",
  young_helper: "recRoleYoungHelper",
};

const KIND_KEYS: Record<StatementLine["kind"], StringKey> = {
  attendance: "tbKindAttendance",
  contribution: "tbKindContribution",
  redemption: "tbKindRedemption",
  reversal: "tbKindReversal",
};

const hours = (minutes: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(hoursOf(minutes));
const day = (instant: number, locale: string) => new Intl.DateTimeFormat(locale === "ar" ? "ar-GB" : locale, { dateStyle: "medium", timeZone: "Europe/London" }).format(instant);
/** "2026-04" as "April 2026" in the reader's language (the month is already London's). */
const monthName = (month: string, locale: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === "ar" ? "ar-GB" : locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y, m - 1, 1));
};

function GeneralError({ errors }: { errors?: FormErrors }) {
  if (!errors?.general || Object.keys(errors.fields).length) return null;
  return (
    <div class="summary" role="alert">
      <p lang={errors.general.en ? "en" : undefined}>{errors.general.text}</p>
    </div>
  );
}

/** What an entry was for: the activity, the offer, or a correction's reason. */
function EntryWhat({ view, e }: { view: View; e: StatementLine }) {
  const title = e.eventTitle ? pickLocalised(e.eventTitle, view.t.locale) : null;
  return (
    <>
      {view.t.t(KIND_KEYS[e.kind])}
      {title && (
        <>
          {": "}
          <Localised text={title.text} lang={title.lang} />
        </>
      )}
      {!title && e.offerTitle && (
        <>
          {": "}
          <bdi dir="auto">{e.offerTitle}</bdi>
        </>
      )}
      {e.organisationName && ` · ${e.organisationName}`}
      {e.note && (
        <>
          {" · "}
          <bdi dir="auto">{e.note}</bdi>
        </>
      )}
    </>
  );
}

/** Hours earned and spent by London month: the programme's, an organisation's or a person's. */
export function MonthsTable({ view, months, headingId }: { view: View; months: MonthTotals[]; headingId: string }) {
  const s = view.t;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{s.t("tbMonthsHeading")}</h2>
      {months.length === 0 ? (
        <p>{s.t("tbMonthsNone")}</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{s.t("tbMonth")}</th>
              <th scope="col">{s.t("tbEarned")}</th>
              <th scope="col">{s.t("tbSpent")}</th>
              <th scope="col">{s.t("tbPeople")}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr>
                <th scope="row">{monthName(m.month, s.locale)}</th>
                <td>{hours(m.earned, s.locale)}</td>
                <td>{hours(m.spent, s.locale)}</td>
                <td>{m.people}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface ContributorForm {
  name: string;
  role: string;
  organisationName: string;
  email: string;
}
export const emptyContributorForm: ContributorForm = { name: "", role: "", organisationName: "", email: "" };

/** Who gave time at a session: recorded before or after it, confirmed (and credited) once it has ended. */
export function ContributorsPage(props: {
  view: View;
  org: Org;
  session: { id: string; startsAt: number; endsAt: number; status: string };
  eventTitle: Parameters<typeof pickLocalised>[0];
  contributors: ContributorRow[];
  form: ContributorForm;
  errors: FormErrors;
  done?: string;
}) {
  const { view, org, session, contributors, form, errors, done } = props;
  const s = view.t;
  const Shell = hostShell(org);
  const base = `/host/${org.id}/sessions/${session.id}`;
  const title = pickLocalised(props.eventTitle, s.locale);
  const ended = session.endsAt <= view.now;
  return (
    <Shell view={view} title={s.t("tbContribTitle")} errors={errors}>
      <p class="lead">
        <Localised text={title.text} lang={title.lang} />
        {" · "}
        <time datetime={isoInstant(session.startsAt)}>{formatWhen(session.startsAt, session.endsAt, s, view.now)}</time>
      </p>
      <p>
        <a href={base}>{s.t("hostRegisterLink")}</a>
      </p>
      <p>{s.t("tbContribIntro")}</p>
      {done && <Notice>{done}</Notice>}
      <ErrorSummary view={view} errors={errors} order={["name", "role", "organisationName", "email"]} />
      {contributors.length === 0 ? (
        <p>{s.t("tbContribNone")}</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{s.t("tbName")}</th>
              <th scope="col">{s.t("tbRole")}</th>
              <th scope="col">{s.t("recOrganisation")}</th>
              <th scope="col">{s.t("tbState")}</th>
            </tr>
          </thead>
          <tbody>
            {contributors.map((c) => (
              <tr>
                <td>
                  <bdi dir="auto">{c.name}</bdi>
                </td>
                <td>{s.t(ROLE_KEYS[c.role])}</td>
                <td>
                  <bdi dir="auto">{c.organisationName}</bdi>
                </td>
                <td>
                  {c.confirmedAt !== null ? (
                    s.t("tbConfirmedHours", { hours: hours(c.minutes ?? Math.round((session.endsAt - session.startsAt) / 60000), s.locale) })
                  ) : !ended ? (
                    s.t("tbConfirmAfter")
                  ) : session.status === "cancelled" ? (
                    s.t("sessionCancelled")
                  ) : (
                    <form method="post" action={`${base}/contributors/${c.id}/confirm`} class="actions">
                      <div class="field">
                        <label for={`minutes-${c.id}`}>
                          {s.t("tbMinutesLabel")}
                          <span class="visually-hidden"> {c.name}</span>
                        </label>
                        <span class="hint" id={`minutes-${c.id}-hint`}>
                          {s.t("tbMinutesHint")}
                        </span>
                        <input type="number" id={`minutes-${c.id}`} name="minutes" min="1" max="720" inputmode="numeric" aria-describedby={`minutes-${c.id}-hint`} />
                      </div>
                      <button class="button" type="submit">
                        {s.t("tbConfirm")}
                        <span class="visually-hidden"> {c.name}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {session.status !== "cancelled" && (
        <section aria-labelledby="add-contributor">
          <h2 id="add-contributor">{s.t("tbContribAdd")}</h2>
          <form method="post" action={`${base}/contributors`}>
            <Field id="name" label={s.t("tbName")} hint={s.t("tbNameHint")} errors={errors}>
              {(aria) => <input type="text" id="name" name="name" maxlength={120} autocomplete="off" value={form.name} required {...aria} />}
            </Field>
            <Field id="role" label={s.t("tbRole")} errors={errors}>
              {(aria) => (
                <select id="role" name="role" {...aria}>
                  {CONTRIBUTOR_ROLES.map((r) => (
                    <option value={r} selected={form.role === r}>
                      {s.t(ROLE_KEYS[r])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="organisationName" label={s.t("recOrganisation")} hint={s.t("tbOrgHint")} errors={errors}>
              {(aria) => <input type="text" id="organisationName" name="organisationName" maxlength={160} autocomplete="off" value={form.organisationName} {...aria} />}
            </Field>
            <Field id="email" label={s.t("tbEmailLabel")} hint={s.t("tbEmailHint")} errors={errors}>
              {(aria) => <input type="email" id="email" name="email" maxlength={254} autocomplete="off" value={form.email} {...aria} />}
            </Field>
            <button class="button" type="submit">
              {s.t("tbContribAddButton")}
            </button>
          </form>
        </section>
      )}
    </Shell>
  );
}

export interface OfferForm {
  title: string;
  description: string;
  costHours: string;
}
export const emptyOfferForm: OfferForm = { title: "", description: "", costHours: "" };

/** A partner's offers (open and withdrawn), a form for a new one, and its hours by month. */
export function OffersPage(props: { view: View; org: Org; offers: OfferRow[]; months: MonthTotals[]; form: OfferForm; errors: FormErrors; done?: string }) {
  const { view, org, offers, months, form, errors, done } = props;
  const s = view.t;
  const Shell = hostShell(org);
  return (
    <Shell view={view} title={s.t("tbOffersTitle", { name: org.name })} errors={errors}>
      <p class="lead">{s.t("tbOffersIntro")}</p>
      {done && <Notice>{done}</Notice>}
      <ErrorSummary view={view} errors={errors} order={["title", "description", "costHours"]} />
      <section aria-labelledby="offers">
        <h2 id="offers">{s.t("tbOffersHeading")}</h2>
        {offers.length === 0 ? (
          <p>{s.t("tbOffersNone")}</p>
        ) : (
          <ul class="cards">
            {offers.map((o) => (
              <li class="card">
                <h3>
                  <bdi dir="auto">{o.title}</bdi>
                </h3>
                {o.description && (
                  <p>
                    <bdi dir="auto">{o.description}</bdi>
                  </p>
                )}
                <p>
                  {s.t("tbCost", { hours: hours(o.costMinutes, s.locale) })} · {o.status === "open" ? s.t("tbOfferOpen") : s.t("tbOfferWithdrawn")}
                </p>
                {o.status === "open" && (
                  <form method="post" action={`/host/${org.id}/offers/${o.id}/withdraw`}>
                    <button class="button secondary" type="submit">
                      {s.t("tbWithdraw")}
                      <span class="visually-hidden"> {o.title}</span>
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-offer">
        <h2 id="new-offer">{s.t("tbOfferNew")}</h2>
        <form method="post" action={`/host/${org.id}/offers`}>
          <Field id="title" label={s.t("tbOfferTitleLabel")} hint={s.t("tbOfferTitleHint")} errors={errors}>
            {(aria) => <input type="text" id="title" name="title" maxlength={120} value={form.title} required {...aria} />}
          </Field>
          <Field id="description" label={s.t("tbOfferDescription")} errors={errors}>
            {(aria) => (
              <textarea id="description" name="description" rows={3} maxlength={600} {...aria}>
                {form.description}
              </textarea>
            )}
          </Field>
          <Field id="costHours" label={s.t("tbOfferCost")} hint={s.t("tbOfferCostHint")} errors={errors}>
            {(aria) => <input type="number" id="costHours" name="costHours" min="0.25" max="100" step="0.25" inputmode="decimal" value={form.costHours} required {...aria} />}
          </Field>
          <button class="button" type="submit">
            {s.t("tbOfferCreate")}
          </button>
        </form>
      </section>
      <MonthsTable view={view} months={months} headingId="org-months" />
    </Shell>
  );
}

/** A person's hours: the balance, what they can spend it on, every entry, and their months. */
export function MyTimebankPage(props: {
  view: View;
  balance: number;
  entries: StatementLine[];
  months: MonthTotals[];
  offers: { offer: OfferRow; organisationName: string }[];
  errors?: FormErrors;
  done?: string;
}) {
  const { view, balance, entries, months, offers, errors, done } = props;
  const s = view.t;
  const title = s.t("tbMyTitle");
  return (
    <Layout view={view} title={errors?.general ? `${s.t("errorSummaryTitle")}: ${title}` : title}>
      <p>
        <a href="/my">{s.t("myTitle")}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{s.t("tbMyIntro")}</p>
      {done && <Notice>{done}</Notice>}
      <GeneralError errors={errors} />
      <p class="status">{s.t("tbBalance", { hours: hours(balance, s.locale) })}</p>
      <section aria-labelledby="spend">
        <h2 id="spend">{s.t("tbSpendHeading")}</h2>
        {offers.length === 0 ? (
          <p>{s.t("tbSpendNone")}</p>
        ) : (
          <ul class="cards">
            {offers.map(({ offer, organisationName }) => (
              <li class="card">
                <h3>
                  <bdi dir="auto">{offer.title}</bdi>
                </h3>
                <p>{organisationName}</p>
                {offer.description && (
                  <p>
                    <bdi dir="auto">{offer.description}</bdi>
                  </p>
                )}
                <p>{s.t("tbCost", { hours: hours(offer.costMinutes, s.locale) })}</p>
                <form method="post" action={`/my/timebank/offers/${offer.id}/redeem`}>
                  <button class="button" type="submit">
                    {s.t("tbRedeem")}
                    <span class="visually-hidden"> {offer.title}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="statement">
        <h2 id="statement">{s.t("tbStatement")}</h2>
        {entries.length === 0 ? (
          <p>{s.t("tbStatementNone")}</p>
        ) : (
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{s.t("recDate")}</th>
                <th scope="col">{s.t("tbWhat")}</th>
                <th scope="col">{s.t("recHours")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td>
                    <time datetime={isoInstant(e.at)}>{day(e.at, s.locale)}</time>
                  </td>
                  <td>
                    <EntryWhat view={view} e={e} />
                  </td>
                  <td>{hours(e.minutes, s.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <MonthsTable view={view} months={months} headingId="my-months" />
    </Layout>
  );
}

export interface RuleForm {
  benchmark: string;
  eventType: string;
  hostOrganisationId: string;
}

const BENCHMARK_KEYS: Record<"gatsby5" | "gatsby6", StringKey> = { gatsby5: "tbGatsby5", gatsby6: "tbGatsby6" };

/** The coordinators' ledger: the programme's months, each person's hours, corrections, careers rules. */
export function CoordinatorTimebankPage(props: {
  view: View;
  months: MonthTotals[];
  holders: { holderKey: string; name: string | null; earned: number; balance: number }[];
  lines: LedgerLine[];
  rules: CareersRuleRow[];
  hosts: { id: string; name: string }[];
  form: RuleForm;
  errors: FormErrors;
  done?: string;
}) {
  const { view, months, holders, lines, rules, hosts, form, errors, done } = props;
  const s = view.t;
  const hostName = (id: string | null) => (id ? (hosts.find((h) => h.id === id)?.name ?? id) : s.t("tbAnyHost"));
  return (
    <CoordinatorShell view={view} title={s.t("tbLedgerTitle")} errors={errors}>
      {done && <Notice>{done}</Notice>}
      <ErrorSummary view={view} errors={errors} order={["benchmark", "eventType", "hostOrganisationId"]} />
      <MonthsTable view={view} months={months} headingId="programme-months" />
      <section aria-labelledby="holders">
        <h2 id="holders">{s.t("tbHoldersHeading")}</h2>
        {holders.length === 0 ? (
          <p>{s.t("tbMonthsNone")}</p>
        ) : (
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{s.t("tbName")}</th>
                <th scope="col">{s.t("tbEarned")}</th>
                <th scope="col">{s.t("tbBalanceColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {holders.map((h) => (
                <tr>
                  <th scope="row">
                    <bdi dir="auto">{h.name ?? h.holderKey}</bdi>
                  </th>
                  <td>{hours(h.earned, s.locale)}</td>
                  <td>{hours(h.balance, s.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="entries">
        <h2 id="entries">{s.t("tbEntriesHeading")}</h2>
        <p>{s.t("tbEntriesIntro")}</p>
        {lines.length === 0 ? (
          <p>{s.t("tbStatementNone")}</p>
        ) : (
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{s.t("recDate")}</th>
                <th scope="col">{s.t("tbName")}</th>
                <th scope="col">{s.t("tbWhat")}</th>
                <th scope="col">{s.t("recHours")}</th>
                <th scope="col">
                  <span class="visually-hidden">{s.t("tbCorrect")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((e) => (
                <tr>
                  <td>
                    <time datetime={isoInstant(e.at)}>{day(e.at, s.locale)}</time>
                  </td>
                  <td>
                    <bdi dir="auto">{e.holderName ?? e.holderKey}</bdi>
                  </td>
                  <td>
                    <EntryWhat view={view} e={e} />
                  </td>
                  <td>{hours(e.minutes, s.locale)}</td>
                  <td>
                    {e.kind === "reversal" ? null : e.reversed ? (
                      s.t("tbCorrected")
                    ) : (
                      <a href={`/coordinator/timebank/entries/${e.id}`}>
                        {s.t("tbCorrect")}
                        <span class="visually-hidden"> {e.holderName ?? e.holderKey}</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="careers-rules">
        <h2 id="careers-rules">{s.t("tbRulesHeading")}</h2>
        <p>{s.t("tbRulesIntro")}</p>
        {rules.length === 0 ? (
          <p>{s.t("tbRulesNone")}</p>
        ) : (
          <ul>
            {rules.map((r) => (
              <li>
                {s.t(BENCHMARK_KEYS[r.benchmark])}: {r.eventType ? s.label("eventTypes", r.eventType) : s.t("tbAnyType")} · {hostName(r.hostOrganisationId)}{" "}
                <form method="post" action={`/coordinator/timebank/careers-rules/${r.id}/remove`} class="inline">
                  <button class="linkbutton" type="submit">
                    {s.t("tbRuleRemove")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <h3 id="new-rule">{s.t("tbRuleAdd")}</h3>
        <form method="post" action="/coordinator/timebank/careers-rules">
          <Field id="benchmark" label={s.t("tbBenchmark")} errors={errors}>
            {(aria) => (
              <select id="benchmark" name="benchmark" {...aria}>
                {(["gatsby5", "gatsby6"] as const).map((b) => (
                  <option value={b} selected={form.benchmark === b}>
                    {s.t(BENCHMARK_KEYS[b])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="eventType" label={s.t("tbRuleType")} errors={errors}>
            {(aria) => (
              <select id="eventType" name="eventType" {...aria}>
                <option value="">{s.t("tbAnyType")}</option>
                {EVENT_TYPES.map((t) => (
                  <option value={t} selected={form.eventType === t}>
                    {s.label("eventTypes", t)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="hostOrganisationId" label={s.t("tbRuleHost")} hint={s.t("tbRuleHint")} errors={errors}>
            {(aria) => (
              <select id="hostOrganisationId" name="hostOrganisationId" {...aria}>
                <option value="">{s.t("tbAnyHost")}</option>
                {hosts.map((h) => (
                  <option value={h.id} selected={form.hostOrganisationId === h.id}>
                    {h.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button class="button" type="submit">
            {s.t("tbRuleAddButton")}
          </button>
        </form>
      </section>
    </CoordinatorShell>
  );
}

/** One entry and the form that corrects it: a reason, then a reversing entry (never an edit). */
export function ReversePage({ view, line, note, errors }: { view: View; line: LedgerLine; note: string; errors: FormErrors }) {
  const s = view.t;
  const open = line.kind !== "reversal" && !line.reversed;
  return (
    <CoordinatorShell view={view} title={s.t("tbReverseTitle")} errors={errors}>
      <p>
        <a href="/coordinator/timebank">{s.t("tbLedgerTitle")}</a>
      </p>
      <dl class="facts">
        <dt>{s.t("tbName")}</dt>
        <dd>
          <bdi dir="auto">{line.holderName ?? line.holderKey}</bdi>
        </dd>
        <dt>{s.t("recDate")}</dt>
        <dd>{day(line.at, s.locale)}</dd>
        <dt>{s.t("tbWhat")}</dt>
        <dd>
          <EntryWhat view={view} e={line} />
        </dd>
        <dt>{s.t("recHours")}</dt>
        <dd>{hours(line.minutes, s.locale)}</dd>
      </dl>
      <ErrorSummary view={view} errors={errors} order={["note"]} />
      {open ? (
        <form method="post" action={`/coordinator/timebank/entries/${line.id}`}>
          <p>{s.t("tbReverseIntro")}</p>
          <Field id="note" label={s.t("tbReverseReason")} hint={s.t("tbReverseHint")} errors={errors}>
            {(aria) => (
              <textarea id="note" name="note" rows={3} maxlength={300} required {...aria}>
                {note}
              </textarea>
            )}
          </Field>
          <button class="button" type="submit">
            {s.t("tbReverseButton")}
          </button>
        </form>
      ) : (
        <p>{line.kind === "reversal" ? s.t("tbReversalFinal") : s.t("tbCorrected")}</p>
      )}
    </CoordinatorShell>
  );
}

/** The school careers lead's page: each pupil's encounters (Gatsby 5) and workplace experiences (Gatsby 6), and the CSV. */
export function CareersPage({ view, org, evidence }: { view: View; org: Org; evidence: CareersEvidence }) {
  const s = view.t;
  const title = s.t("tbCareersTitle", { name: org.name });
  return (
    <Layout view={view} title={title}>
      <nav aria-label={s.t("schoolTitle", { name: org.name })}>
        <ul class="links">
          <li>
            <a href={`/schools/${org.id}`}>{s.t("schoolTitle", { name: org.name })}</a>
          </li>
        </ul>
      </nav>
      <h1>{title}</h1>
      <p class="lead">{s.t("tbCareersIntro")}</p>
      <p>
        <a class="button secondary" href={`/schools/${org.id}/careers.csv`} download>
          {s.t("tbCareersCsv")}
        </a>
      </p>
      <section aria-labelledby="pupils">
        <h2 id="pupils">{s.t("tbPupilsHeading")}</h2>
        {evidence.pupils.length === 0 ? (
          <p>{s.t("tbPupilsNone")}</p>
        ) : (
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{s.t("tbPupil")}</th>
                <th scope="col">{s.t("tbGatsby5")}</th>
                <th scope="col">{s.t("tbGatsby6")}</th>
              </tr>
            </thead>
            <tbody>
              {evidence.pupils.map((p) => (
                <tr>
                  <th scope="row">
                    <bdi dir="auto">{p.name}</bdi>
                  </th>
                  <td>{p.gatsby5}</td>
                  <td>{p.gatsby6}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="encounters">
        <h2 id="encounters">{s.t("tbEncountersHeading")}</h2>
        {evidence.encounters.length === 0 ? (
          <p>{s.t("tbPupilsNone")}</p>
        ) : (
          <ul class="cards">
            {evidence.encounters.map((e) => {
              const t = pickLocalised(e.title, s.locale);
              return (
                <li class="card">
                  <h3>
                    <Localised text={t.text} lang={t.lang} />
                  </h3>
                  <p>
                    <time datetime={isoInstant(e.startsAt)}>{day(e.startsAt, s.locale)}</time> · {e.host} · {e.benchmarks.map((b) => s.t(BENCHMARK_KEYS[b])).join(", ")}
                  </p>
                  <p>{e.pupils.length > 0 ? e.pupils.join(", ") : s.t("tbGroupOf", { count: e.pupilCount })}</p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Layout>
  );
}
