// The programme at a glance: charts drawn as SVG with their numbers beside them. The same page
// for coordinators (the whole programme) and for a host (its own sessions): the figures come
// from features/reports/figures.ts dashboardFigures, the programme report's own query.
import type { DashboardFigures } from "../../../features/reports/figures";
import type { View } from "../../view";
import { BarChart, ChartTable, type Series } from "../charts";
import { ErrorSummary, Field, type FormErrors } from "../ui";
import { CoordinatorShell } from "./coordinator-shell";
import { hostShell } from "./host";

const COLOURS = { bookings: "#1d70b8", attended: "#00703c", noShows: "#d4351c", unused: "#505a5f", waiting: "#912b88", rating: "#0b4f6c" };

function Pair({ id, view, title, head, categories, series, decimals }: { id: string; view: View; title: string; head: string; categories: string[]; series: Series[]; decimals?: number }) {
  return (
    <section class="chart-pair" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <BarChart id={id} labelledBy={`${id}-h`} view={view} title={title} categories={categories} series={series} decimals={decimals} />
      <ChartTable view={view} caption={title} head={head} categories={categories} series={series} decimals={decimals} />
    </section>
  );
}

/** A London date (YYYY-MM-DD) as a short day and month in the reader's language. */
const shortDay = (view: View, d: string) => new Intl.DateTimeFormat(view.t.locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${d}T12:00:00Z`));

export function DashboardBody({ view, data, action, errors }: { view: View; data: DashboardFigures; action: string; errors: FormErrors }) {
  const s = view.t;
  const weeks = data.weeks.map((w) => shortDay(view, w.week));
  const types = data.types.map((l) => s.label("eventTypes", l.type));
  const trio = (lines: { tally: { bookings: number; attended: number; noShows: number } }[]): Series[] => [
    { name: s.t("dashBookings"), colour: COLOURS.bookings, values: lines.map((l) => l.tally.bookings) },
    { name: s.t("dashAttended"), colour: COLOURS.attended, values: lines.map((l) => l.tally.attended) },
    { name: s.t("dashNoShows"), colour: COLOURS.noShows, values: lines.map((l) => l.tally.noShows) },
  ];
  const rated = data.weeks.filter((w) => w.tally.given > 0);
  return (
    <>
      <ErrorSummary view={view} errors={errors} order={["from", "to"]} />
      <form method="get" action={action} novalidate>
        <fieldset>
          <legend>{s.t("dashPeriod")}</legend>
          <div class="row">
            <Field id="from" label={s.t("admAuditFrom")} errors={errors}>
              {(aria) => <input type="date" id="from" name="from" value={data.from} {...aria} />}
            </Field>
            <Field id="to" label={s.t("admAuditTo")} errors={errors}>
              {(aria) => <input type="date" id="to" name="to" value={data.to} {...aria} />}
            </Field>
          </div>
          <button class="button secondary" type="submit">
            {s.t("dashShow")}
          </button>
        </fieldset>
      </form>
      <p>{s.t("dashIntro", { from: data.from, to: data.to })}</p>
      {data.weeks.length === 0 ? (
        <p>{s.t("dashNone")}</p>
      ) : (
        <>
          <Pair id="by-week" view={view} title={s.t("dashByWeek")} head={s.t("dashWeek")} categories={weeks} series={trio(data.weeks)} />
          <Pair id="by-type" view={view} title={s.t("dashByType")} head={s.t("dashType")} categories={types} series={trio(data.types)} />
          <Pair
            id="unused"
            view={view}
            title={s.t("dashUnused")}
            head={s.t("dashWeek")}
            categories={data.unusedByWeek.map((w) => shortDay(view, w.week))}
            series={[{ name: s.t("dashUnusedSeats"), colour: COLOURS.unused, values: data.unusedByWeek.map((w) => w.unused) }]}
          />
          <Pair id="waiting" view={view} title={s.t("dashWaiting")} head={s.t("dashType")} categories={types} series={[{ name: s.t("dashWaitingPeople"), colour: COLOURS.waiting, values: data.types.map((l) => l.tally.waitlisted) }]} />
          {rated.length > 0 && (
            <Pair
              id="ratings"
              view={view}
              title={s.t("dashRatings")}
              head={s.t("dashWeek")}
              categories={rated.map((w) => shortDay(view, w.week))}
              series={[{ name: s.t("dashRating"), colour: COLOURS.rating, values: rated.map((w) => Math.round((w.tally.sum / w.tally.given) * 10) / 10) }]}
              decimals={1}
            />
          )}
        </>
      )}
      <section aria-labelledby="taking-part">
        <h2 id="taking-part">{s.t("dashTakingPart")}</h2>
        <dl class="facts">
          <dt>{s.t("dashSchools")}</dt>
          <dd>{data.participants.schools.toLocaleString(s.locale)}</dd>
          <dt>{s.t("dashEmployers")}</dt>
          <dd>{data.participants.employers.toLocaleString(s.locale)}</dd>
        </dl>
      </section>
    </>
  );
}

export function CoordinatorDashboardPage({ view, data, errors }: { view: View; data: DashboardFigures; errors: FormErrors }) {
  const s = view.t;
  return (
    <CoordinatorShell view={view} title={s.t("dashTitle")} errors={errors}>
      <DashboardBody view={view} data={data} action="/coordinator/dashboard" errors={errors} />
      <p>
        <a href={`/coordinator/downloads/programme.csv?from=${data.from}&to=${data.to}`}>{s.t("dashReportLink")}</a>
      </p>
    </CoordinatorShell>
  );
}

/** A host's own dashboard (its events only), in the host partner area's frame. */
export function HostDashboardPage({ view, org, data, errors }: { view: View; org: { id: string; name: string }; data: DashboardFigures; errors: FormErrors }) {
  const Shell = hostShell(org);
  return (
    <Shell view={view} title={view.t.t("dashHostTitle", { name: org.name })} errors={errors}>
      <DashboardBody view={view} data={data} action={`/host/${org.id}/dashboard`} errors={errors} />
      <p>
        <a href={`/host/${org.id}/programme.csv?from=${data.from}&to=${data.to}`}>{view.t.t("dashReportLink")}</a>
      </p>
    </Shell>
  );
}
