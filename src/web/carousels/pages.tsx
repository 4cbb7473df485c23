// Taster carousel pages (issue #18): the list for staff, a school's booking form, printable
// timetables per group and per station, and the coordinator's set-up and plan pages.
import type { Carousel } from "../../db/schema";
import type { carouselView, groupsWithSchools, setUpChoices, Timetable } from "../../features/carousels/read";
import type { CarouselPlan, MissReason } from "../../rules/carousel";
import type { StringKey } from "../../i18n";
import { formatDay, formatTime, isoInstant } from "../format";
import { Layout } from "../layout";
import type { View } from "../view";
import { ErrorSummary, Field, Notice, type FormErrors } from "../staff/ui";

type CarouselOut = Awaited<ReturnType<typeof carouselView>>;
type GroupRow = Awaited<ReturnType<typeof groupsWithSchools>>[number];
type Choices = Awaited<ReturnType<typeof setUpChoices>>;

const ms = (iso: string) => Date.parse(iso);

function When({ view, c }: { view: View; c: CarouselOut }) {
  const { t } = view;
  return (
    <time datetime={c.startsAt}>
      {t.t("carWhen", { day: formatDay(ms(c.startsAt), t.locale, view.now), from: formatTime(ms(c.startsAt), t.locale, t), to: formatTime(ms(c.endsAt), t.locale, t) })}
    </time>
  );
}

function ages(view: View, min: number | null, max: number | null) {
  const { t } = view;
  if (min !== null && max !== null) return t.t("carAgesRange", { min, max });
  if (min !== null) return t.t("carAgesFrom", { min });
  if (max !== null) return t.t("carAgesUpTo", { max });
  return t.t("carAgesAny");
}

function Facts({ view, c }: { view: View; c: CarouselOut }) {
  const { t } = view;
  const closes = ms(c.bookingsCloseAt);
  return (
    <>
      <p>
        <When view={view} c={c} />
      </p>
      <p>{t.t("carRoundsFacts", { rounds: c.rounds.length, minutes: c.roundMinutes, changeover: c.changeoverMinutes })}</p>
      <p>{t.plural("carPlacesLeft", c.capacity, { left: c.seatsLeft })}</p>
      <p>{closes > view.now ? t.t("carBookingsClose", { day: formatDay(closes, t.locale, view.now), time: formatTime(closes, t.locale, t) }) : t.t("carBookingsClosed")}</p>
    </>
  );
}

function StationsTable({ view, c }: { view: View; c: CarouselOut }) {
  const { t } = view;
  return (
    <table>
      <caption>{t.t("carStations")}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t("carStation")}</th>
          <th scope="col">{t.t("carHost")}</th>
          <th scope="col">{t.t("carCapacity")}</th>
          <th scope="col">{t.t("carAges")}</th>
        </tr>
      </thead>
      <tbody>
        {c.stations.map((s) => (
          <tr>
            <th scope="row">{s.name}</th>
            <td>{s.hostName}</td>
            <td>{s.capacity}</td>
            <td>{ages(view, s.minAge, s.maxAge)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface Mine {
  groups: { id: string; label: string; carouselId: string; status: string }[];
  stations: { id: string; name: string; carouselId: string }[];
}

/** Every carousel, with what the reader can do there: book (school staff), timetables, manage. */
export function CarouselsPage({ view, carousels, mine, canBook, done }: { view: View; carousels: CarouselOut[]; mine: Mine; canBook: boolean; done?: string }) {
  const { t } = view;
  const coordinator = view.actor?.kind === "person" && view.actor.isCoordinator;
  return (
    <Layout view={view} title={t.t("carTitle")}>
      <p>
        <a href="/staff">{t.t("staffBack")}</a>
      </p>
      <h1>{t.t("carTitle")}</h1>
      {done && <Notice>{done}</Notice>}
      <p class="lead">{t.t("carIntro")}</p>
      {coordinator && (
        <p>
          <a href="/coordinator/carousels">{t.t("carCoordTitle")}</a>
        </p>
      )}
      {carousels.length === 0 && <p>{t.t("carNone")}</p>}
      <ul class="cards">
        {carousels.map((c) => {
          const groups = mine.groups.filter((g) => g.carouselId === c.id && g.status !== "cancelled");
          const stations = mine.stations.filter((s) => s.carouselId === c.id);
          const open = c.status === "open" && ms(c.bookingsCloseAt) > view.now;
          return (
            <li class="card">
              <h2>{c.title}</h2>
              <Facts view={view} c={c} />
              {groups.length > 0 && (
                <>
                  <h3>{t.t("carYourGroups")}</h3>
                  <ul>
                    {groups.map((g) => (
                      <li>
                        <a href={`/carousel-groups/${g.id}`}>{t.t("carTimetableLink", { name: g.label })}</a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {stations.length > 0 && (
                <>
                  <h3>{t.t("carYourStations")}</h3>
                  <ul>
                    {stations.map((s) => (
                      <li>
                        <a href={`/carousel-stations/${s.id}`}>{t.t("carTimetableLink", { name: s.name })}</a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {canBook && open && (
                <p>
                  <a href={`/carousels/${c.id}/book`}>{t.t("carBookLink")}</a>
                </p>
              )}
              {coordinator && (
                <p>
                  <a href={`/coordinator/carousels/${c.id}`}>{t.t("carManageLink", { title: c.title })}</a>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}

export interface BookForm {
  schoolId: string;
  label: string;
  pupils: string;
  staff: string;
  minAge: string;
  maxAge: string;
  accessNeeds: string;
}
export const emptyBookForm: BookForm = { schoolId: "", label: "", pupils: "", staff: "", minAge: "", maxAge: "", accessNeeds: "" };
const BOOK_ORDER = ["schoolId", "label", "pupils", "staff", "minAge", "maxAge", "accessNeeds"];

export function BookPage(props: { view: View; c: CarouselOut; schools: { id: string; name: string }[]; form: BookForm; errors: FormErrors }) {
  const { view, c, schools, form, errors } = props;
  const { t } = view;
  const title = t.t("carBookTitle", { title: c.title });
  const num = (id: keyof BookForm, label: string, min: number, max: number, hint?: string) => (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(aria) => <input type="number" id={id} name={id} min={String(min)} max={String(max)} inputmode="numeric" value={form[id]} {...aria} />}
    </Field>
  );
  return (
    <Layout view={view} title={Object.keys(errors.fields).length || errors.general ? `${t.t("errorSummaryTitle")}: ${title}` : title}>
      <p>
        <a href="/carousels">{t.t("carTitle")}</a>
      </p>
      <h1>{title}</h1>
      <Facts view={view} c={c} />
      <StationsTable view={view} c={c} />
      <ErrorSummary view={view} errors={errors} order={BOOK_ORDER} />
      <p>{t.t("carBookIntro")}</p>
      <form method="post" action={`/carousels/${c.id}/book`} novalidate>
        <Field id="schoolId" label={t.t("carSchool")} errors={errors}>
          {(aria) => (
            <select id="schoolId" name="schoolId" {...aria}>
              {schools.map((s) => (
                <option value={s.id} selected={s.id === form.schoolId}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="label" label={t.t("carLabel")} hint={t.t("carLabelHint")} errors={errors}>
          {(aria) => <input type="text" id="label" name="label" maxlength={80} value={form.label} {...aria} />}
        </Field>
        <div class="row">
          {num("pupils", t.t("carPupils"), 1, 200)}
          {num("staff", t.t("carStaff"), 1, 40, t.t("carStaffHint", { ratio: c.pupilsPerStaff }))}
        </div>
        <div class="row">
          {num("minAge", t.t("carMinAge"), 11, 25, t.t("carAgeHint"))}
          {num("maxAge", t.t("carMaxAge"), 11, 25)}
        </div>
        <Field id="accessNeeds" label={t.t("carAccess")} hint={t.t("carAccessHint")} errors={errors}>
          {(aria) => (
            <textarea id="accessNeeds" name="accessNeeds" rows={3} maxlength={1000} {...aria}>
              {form.accessNeeds}
            </textarea>
          )}
        </Field>
        <button type="submit">{t.t("carBookButton")}</button>
      </form>
    </Layout>
  );
}

/** The printable timetable: one row per round; for a group its station, for a station its groups. */
export function TimetablePage(props: { view: View; name: string; timetable: Timetable; kind: "group" | "station"; cancel?: string; done?: string }) {
  const { view, name, timetable, kind, cancel, done } = props;
  const { t } = view;
  const title = t.t("carTimetableTitle", { name });
  return (
    <Layout view={view} title={title}>
      <p class="no-print">
        <a href="/carousels">{t.t("carTitle")}</a>
      </p>
      <h1>{title}</h1>
      {done && <Notice>{done}</Notice>}
      <p>
        <strong>{timetable.carousel.title}</strong>
      </p>
      {timetable.carousel.venue && (
        <p>
          {t.t("carVenue")}: {timetable.carousel.venue}
        </p>
      )}
      <p>{t.t("carPrintHint")}</p>
      {!timetable.planned ? (
        <p>{t.t("carNotPlanned")}</p>
      ) : (
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t("carRound")}</th>
              <th scope="col">{t.t("carTime")}</th>
              <th scope="col">{kind === "group" ? t.t("carWhere") : t.t("carGroups")}</th>
            </tr>
          </thead>
          <tbody>
            {timetable.rows.map((r) => (
              <tr>
                <th scope="row">{r.round}</th>
                <td>
                  <time datetime={r.startsAt}>{formatTime(ms(r.startsAt), t.locale, t)}</time>–<time datetime={r.endsAt}>{formatTime(ms(r.endsAt), t.locale, t)}</time>
                </td>
                <td>
                  {kind === "group" ? (
                    r.station ? `${r.station} (${r.host})` : t.t("carFree")
                  ) : r.groups.length === 0 ? (
                    t.t("carNoGroup")
                  ) : (
                    <ul>
                      {r.groups.map((g) => (
                        <li>
                          <strong>{g.label}</strong> · {t.t("carGroupFacts", { school: g.school, pupils: g.pupils, staff: g.staff })}
                          {g.accessNeeds && <p>{t.t("carAccessNeeds", { needs: g.accessNeeds })}</p>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cancel && (
        <form method="post" action={cancel} class="no-print">
          <button type="submit" class="secondary">
            {t.t("carCancelButton")}
          </button>
        </form>
      )}
    </Layout>
  );
}

export const STATION_ROWS = 8;
export interface NewForm {
  title: string;
  venueId: string;
  date: string;
  startTime: string;
  roundMinutes: string;
  changeoverMinutes: string;
  rounds: string;
  closeDate: string;
  stations: { host: string; name: string; capacity: string; minAge: string; maxAge: string }[];
}
export const emptyNewForm = (): NewForm => ({
  title: "",
  venueId: "",
  date: "",
  startTime: "09:30",
  roundMinutes: "20",
  changeoverMinutes: "5",
  rounds: "",
  closeDate: "",
  stations: Array.from({ length: STATION_ROWS }, () => ({ host: "", name: "", capacity: "", minAge: "", maxAge: "" })),
});
const NEW_ORDER = ["title", "date", "startTime", "roundMinutes", "changeoverMinutes", "rounds", "closeDate", "venueId", "stations"];

/** The coordinator's list and the set-up form. */
export function CoordinatorCarouselsPage(props: { view: View; carousels: CarouselOut[]; choices: Choices; form: NewForm; errors: FormErrors; done?: string }) {
  const { view, carousels, choices, form, errors, done } = props;
  const { t } = view;
  const title = t.t("carCoordTitle");
  const text = (id: keyof NewForm, label: string, type: string, hint?: string) => (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(aria) => <input type={type} id={id} name={id} value={form[id] as string} {...(type === "number" ? { inputmode: "numeric" } : {})} {...aria} />}
    </Field>
  );
  return (
    <Layout view={view} title={Object.keys(errors.fields).length || errors.general ? `${t.t("errorSummaryTitle")}: ${title}` : title}>
      <p>
        <a href="/coordinator">{t.t("staffCoordinator")}</a>
      </p>
      <h1>{title}</h1>
      {done && <Notice>{done}</Notice>}
      <ErrorSummary view={view} errors={errors} order={NEW_ORDER} />
      {carousels.length === 0 ? (
        <p>{t.t("carNone")}</p>
      ) : (
        <ul class="cards">
          {carousels.map((c) => (
            <li class="card">
              <h2>
                <a href={`/coordinator/carousels/${c.id}`}>{c.title}</a>
              </h2>
              <Facts view={view} c={c} />
            </li>
          ))}
        </ul>
      )}
      <h2 id="new">{t.t("carNewTitle")}</h2>
      <form method="post" action="/coordinator/carousels" novalidate>
        {text("title", t.t("carFieldTitle"), "text")}
        <div class="row">
          {text("date", t.t("carDate"), "date")}
          {text("startTime", t.t("carStart"), "time", t.t("carStartHint"))}
        </div>
        <div class="row">
          {text("roundMinutes", t.t("carRoundMinutes"), "number")}
          {text("changeoverMinutes", t.t("carChangeover"), "number")}
          {text("rounds", t.t("carRounds"), "number", t.t("carRoundsHint"))}
        </div>
        {text("closeDate", t.t("carCloseDate"), "date", t.t("carCloseHint"))}
        <Field id="venueId" label={t.t("carVenue")} errors={errors}>
          {(aria) => (
            <select id="venueId" name="venueId" {...aria}>
              <option value="">{t.t("carVenueNone")}</option>
              {choices.venues.map((v) => (
                <option value={v.id} selected={v.id === form.venueId}>
                  {v.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <h3 id="stations">{t.t("carStations")}</h3>
        <p>{t.t("carStationsHint")}</p>
        {errors.fields.stations && <p class="error">{errors.fields.stations}</p>}
        {form.stations.map((s, i) => (
          <fieldset>
            <legend>{t.t("carStationN", { n: i + 1 })}</legend>
            <div class="row">
              <div class="field">
                <label for={`host${i}`}>{t.t("carHost")}</label>
                <select id={`host${i}`} name={`host${i}`}>
                  <option value="">{t.t("carHostNone")}</option>
                  {choices.hosts.map((h) => (
                    <option value={h.id} selected={h.id === s.host}>
                      {h.name}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`name${i}`}>{t.t("carStationName")}</label>
                <input type="text" id={`name${i}`} name={`name${i}`} maxlength={120} value={s.name} />
              </div>
            </div>
            <div class="row">
              <div class="field">
                <label for={`capacity${i}`}>{t.t("carCapacity")}</label>
                <input type="number" id={`capacity${i}`} name={`capacity${i}`} min="1" max="500" inputmode="numeric" value={s.capacity} />
              </div>
              <div class="field">
                <label for={`minAge${i}`}>{t.t("carMinAgeShort")}</label>
                <input type="number" id={`minAge${i}`} name={`minAge${i}`} min="11" max="25" inputmode="numeric" value={s.minAge} />
              </div>
              <div class="field">
                <label for={`maxAge${i}`}>{t.t("carMaxAgeShort")}</label>
                <input type="number" id={`maxAge${i}`} name={`maxAge${i}`} min="11" max="25" inputmode="numeric" value={s.maxAge} />
              </div>
            </div>
          </fieldset>
        ))}
        <button type="submit">{t.t("carCreateButton")}</button>
      </form>
    </Layout>
  );
}

const REASON: Record<MissReason, StringKey> = { age: "carReasonAge", too_big: "carReasonTooBig", full: "carReasonFull" };

/** One carousel for the coordinator: stations, the plan and its misses, groups and the door. */
export function ManagePage(props: { view: View; c: CarouselOut; row: Carousel; groups: GroupRow[]; plan: CarouselPlan | null; done?: string; errors: FormErrors }) {
  const { view, c, row, groups, plan, done, errors } = props;
  const { t } = view;
  const stationName = new Map(c.stations.map((s) => [s.id, s.name]));
  const groupName = new Map(groups.map((g) => [g.group.id, `${g.group.label} (${g.school})`]));
  const misses = plan ? plan.groups.filter((g) => g.missed.length > 0) : [];
  const at = (instant: number) => `${formatDay(instant, t.locale, view.now)} ${formatTime(instant, t.locale, t)}`;
  return (
    <Layout view={view} title={c.title}>
      <p>
        <a href="/coordinator/carousels">{t.t("carCoordTitle")}</a>
      </p>
      <h1>{c.title}</h1>
      {done && <Notice>{done}</Notice>}
      <ErrorSummary view={view} errors={errors} order={[]} />
      <Facts view={view} c={c} />
      <StationsTable view={view} c={c} />
      <ul>
        {c.stations.map((s) => (
          <li>
            <a href={`/carousel-stations/${s.id}`}>{t.t("carTimetableLink", { name: s.name })}</a>
          </li>
        ))}
      </ul>
      <h2>{t.t("carPlanHeading")}</h2>
      {row.plannedAt !== null && <p>{t.t("carPlanned", { when: at(row.plannedAt) })}</p>}
      {plan && (plan.complete ? <p>{t.t("carPlanComplete")}</p> : <p>{t.t("carPlanIncomplete")}</p>)}
      {misses.length > 0 && (
        <ul>
          {misses.flatMap((g) =>
            g.missed.map((m) => (
              <li>{t.t("carMissLine", { group: groupName.get(g.groupId) ?? g.groupId, station: stationName.get(m.stationId) ?? m.stationId, reason: t.t(REASON[m.reason]) })}</li>
            )),
          )}
        </ul>
      )}
      <form method="post" action={`/coordinator/carousels/${c.id}/plan`}>
        <button type="submit">{plan ? t.t("carReplanButton") : t.t("carPlanButton")}</button>
      </form>
      {plan && (
        <>
          {row.timetablesSentAt !== null && <p>{t.t("carSentAt", { when: at(row.timetablesSentAt) })}</p>}
          <form method="post" action={`/coordinator/carousels/${c.id}/send`}>
            <button type="submit" class="secondary">
              {t.t("carSendButton")}
            </button>
          </form>
        </>
      )}
      <h2 id="groups">{t.t("carGroupsHeading")}</h2>
      {groups.length === 0 && <p>{t.t("carNoGroups")}</p>}
      <ul class="cards" aria-labelledby="groups">
        {groups
          .filter((g) => g.group.status !== "cancelled")
          .map(({ group: g, school }) => (
            <li class="card">
              <h3>
                <a href={`/carousel-groups/${g.id}`}>{g.label}</a>
              </h3>
              <p>{t.t("carGroupFacts", { school, pupils: g.pupils, staff: g.staff })}</p>
              {g.accessNeeds && <p>{t.t("carAccessNeeds", { needs: g.accessNeeds })}</p>}
              {g.checkedInAt !== null ? (
                <p>{t.t("carCheckedIn", { pupils: g.checkedInPupils ?? 0, staff: g.checkedInStaff ?? 0 })}</p>
              ) : (
                <form method="post" action={`/coordinator/carousels/${c.id}/groups/${g.id}/check-in`}>
                  <fieldset>
                    <legend>{t.t("carCheckIn")}</legend>
                    <div class="row">
                      <div class="field">
                        <label for={`pupils-${g.id}`}>{t.t("carCheckInPupils")}</label>
                        <input type="number" id={`pupils-${g.id}`} name="pupils" min="0" max={String(g.pupils)} inputmode="numeric" value={String(g.pupils)} />
                      </div>
                      <div class="field">
                        <label for={`staff-${g.id}`}>{t.t("carCheckInStaff")}</label>
                        <input type="number" id={`staff-${g.id}`} name="staff" min="0" max={String(g.staff)} inputmode="numeric" value={String(g.staff)} />
                      </div>
                    </div>
                    <button type="submit">{t.t("carCheckInButton")}</button>
                  </fieldset>
                </form>
              )}
            </li>
          ))}
      </ul>
    </Layout>
  );
}

export { isoInstant };
