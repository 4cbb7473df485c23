// Carousel pages (issue #18): the same services and rules as the API (src/features/carousels),
// for the person whose job it is: coordinators set up, plan and check in; school staff book and
// read their groups' timetables; hosts read their stations' timetables.
import { CarouselCheckInRequest, CarouselGroupRequest, CarouselRequest } from "../../features/carousels/schemas";
import { bookCarouselGroup } from "../../features/carousels/book";
import { cancelCarouselGroup } from "../../features/carousels/cancel";
import { checkInCarouselGroup } from "../../features/carousels/check-in";
import { createCarousel } from "../../features/carousels/create";
import { makePlan } from "../../features/carousels/plan";
import {
  carouselView,
  groupsOfSchools,
  groupsWithSchools,
  groupTimetable,
  listCarousels,
  loadCarousel,
  loadVisibleGroup,
  loadVisibleStation,
  schoolsAmong,
  setUpChoices,
  stationsOfHosts,
  stationTimetable,
  storedPlan,
} from "../../features/carousels/read";
import { sendTimetables } from "../../features/carousels/send-timetables";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { parseLondonLocal } from "../../lib/time";
import type { StringKey } from "../../i18n";
import { formLimit } from "../respond";
import { coordinatorPost, coordinatorView, guardPost, notFound, render, staffView, statusOf, type C, type SignedIn } from "../staff/respond";
import { detailOf, fromIssues, fromProblem, int, noErrors, str, type FieldMessages, type FormErrors } from "../staff/ui";
import { BookPage, CarouselsPage, CoordinatorCarouselsPage, emptyBookForm, emptyNewForm, ManagePage, STATION_ROWS, TimetablePage, type BookForm, type NewForm } from "./pages";

const BOOK_MESSAGES: FieldMessages = {
  schoolId: "carOnlyOwnSchool",
  label: "carErrLabel",
  pupils: "carErrPupils",
  staff: "carErrStaff",
  minAge: "carErrAge",
  maxAge: "carErrAgeOrder",
  accessNeeds: "carAccessHint",
};
const NEW_MESSAGES: FieldMessages = {
  title: "carErrTitle",
  startsAt: { field: "date", key: "carErrDate" },
  roundMinutes: "carErrMinutes",
  changeoverMinutes: "carErrMinutes",
  rounds: "carErrRounds",
  bookingsCloseAt: { field: "closeDate", key: "carErrDate" },
  venueId: "carVenue",
  stations: "carErrStations",
};
const DONE: Record<string, StringKey> = {
  booked: "carBooked",
  cancelled: "carCancelled",
  created: "carCreated",
  planned: "carPlanComplete",
  checked: "carCheckInDone",
  sent: "carSent",
};
const doneOf = (c: C, view: SignedIn) => {
  const key = DONE[c.req.query("done") ?? ""];
  return key ? view.t.t(key) : undefined;
};
const optionalInt = (v: string) => (v.trim() === "" ? null : int(v));

async function renderList(c: C, view: SignedIn) {
  const { db } = c.var.deps;
  const ids = view.actor.organisationIds;
  const [carousels, groups, stations, schools] = await Promise.all([listCarousels(db), groupsOfSchools(db, ids), stationsOfHosts(db, ids), schoolsAmong(db, ids)]);
  const mine = {
    groups: groups.map(({ group }) => ({ id: group.id, label: group.label, carouselId: group.carouselId, status: group.status })),
    stations: stations.map(({ station }) => ({ id: station.id, name: station.name, carouselId: station.carouselId })),
  };
  return render(c, view, <CarouselsPage view={view} carousels={carousels.filter((x) => x.status === "open")} mine={mine} canBook={schools.length > 0} done={doneOf(c, view)} />);
}

export function registerCarouselPages(app: Api) {
  app.on("POST", ["/carousels/*", "/carousel-groups/*"], formLimit(16 * 1024));

  app.get("/carousels", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    return renderList(c, view);
  });

  // ── School staff: book a group ──
  const bookPage = async (c: C, view: SignedIn, id: string, form: BookForm, errors: FormErrors, status: 200 | 400 | 403 | 404 | 409 | 422 = 200) => {
    const { db } = c.var.deps;
    const row = await loadCarousel(db, id).catch(() => null);
    if (!row) return notFound(c, view);
    const schools = await schoolsAmong(db, view.actor.organisationIds);
    if (schools.length === 0) return notFound(c, view);
    return render(c, view, <BookPage view={view} c={await carouselView(db, row)} schools={schools} form={{ ...form, schoolId: form.schoolId || schools[0]!.id }} errors={errors} />, status);
  };

  app.get("/carousels/:id/book", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    return bookPage(c, view, c.req.param("id"), emptyBookForm, noErrors());
  });

  app.post("/carousels/:id/book", async (c) => {
    const guard = await guardPost(c);
    if (guard.refusal) return guard.refusal;
    const { view } = guard;
    const id = c.req.param("id");
    const body = await c.req.parseBody();
    const form: BookForm = {
      schoolId: str(body.schoolId),
      label: str(body.label),
      pupils: str(body.pupils).trim(),
      staff: str(body.staff).trim(),
      minAge: str(body.minAge).trim(),
      maxAge: str(body.maxAge).trim(),
      accessNeeds: str(body.accessNeeds),
    };
    const parsed = CarouselGroupRequest.safeParse({
      schoolId: form.schoolId,
      label: form.label,
      pupils: int(form.pupils),
      staff: int(form.staff),
      minAge: int(form.minAge),
      maxAge: int(form.maxAge),
      ...(form.accessNeeds.trim() ? { accessNeeds: form.accessNeeds } : {}),
    });
    if (!parsed.success) return bookPage(c, view, id, form, fromIssues(view, parsed.error.issues, BOOK_MESSAGES), 400);
    try {
      await bookCarouselGroup(c.var.deps, view.actor, id, parsed.data);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      const t = view.t;
      const special = (e: ProblemError): FormErrors | null => {
        if (e.code === "group_ratio") return { fields: { staff: t.t("carErrRatio", { pupils: form.pupils, needed: Number(e.extra?.staffNeeded) }) } };
        if (e.code === "session_full") {
          const left = Number(e.extra?.seatsLeft ?? 0);
          return { fields: {}, general: { text: left === 0 ? t.t("carErrFull") : t.plural("carErrPlacesLeft", left, { wanted: Number(form.pupils) + Number(form.staff) }), en: false } };
        }
        if (e.code === "conflict" || e.code === "session_cancelled") return { fields: {}, general: { text: t.t("carErrClosed"), en: false } };
        if (e.code === "forbidden") return { fields: { schoolId: t.t("carOnlyOwnSchool") } };
        return null;
      };
      if (err.code === "not_found") return notFound(c, view);
      return bookPage(c, view, id, form, fromProblem(view, err, BOOK_MESSAGES, special), statusOf(err));
    }
    return c.redirect("/carousels?done=booked", 303);
  });

  // ── Timetables: a group's (its school's staff) and a station's (its host's staff) ──
  app.get("/carousel-groups/:id", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const { db } = c.var.deps;
    const g = await loadVisibleGroup(db, view.actor, c.req.param("id")).catch(() => null);
    if (!g) return notFound(c, view);
    const row = await loadCarousel(db, g.carouselId);
    const cancellable = g.status === "confirmed" && view.now < row.startsAt;
    return render(c, view, <TimetablePage view={view} name={g.label} timetable={await groupTimetable(db, g)} kind="group" cancel={cancellable ? `/carousel-groups/${g.id}/cancel` : undefined} />);
  });

  app.post("/carousel-groups/:id/cancel", async (c) => {
    const guard = await guardPost(c);
    if (guard.refusal) return guard.refusal;
    const { view } = guard;
    try {
      await cancelCarouselGroup(c.var.deps, view.actor, c.req.param("id"));
    } catch (err) {
      if (err instanceof ProblemError && err.code === "not_found") return notFound(c, view);
      if (!(err instanceof ProblemError)) throw err;
    }
    return c.redirect("/carousels?done=cancelled", 303);
  });

  app.get("/carousel-stations/:id", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const { db } = c.var.deps;
    const s = await loadVisibleStation(db, view.actor, c.req.param("id")).catch(() => null);
    if (!s) return notFound(c, view);
    return render(c, view, <TimetablePage view={view} name={s.name} timetable={await stationTimetable(db, s.id)} kind="station" />);
  });

  // ── Coordinators: set up, plan, send timetables, check in ──
  const coordinatorList = async (c: C, view: SignedIn, form: NewForm, errors: FormErrors, status: 200 | 400 = 200) => {
    const { db } = c.var.deps;
    const [carousels, choices] = await Promise.all([listCarousels(db), setUpChoices(db)]);
    return render(c, view, <CoordinatorCarouselsPage view={view} carousels={carousels} choices={choices} form={form} errors={errors} done={doneOf(c, view)} />, status);
  };

  app.get("/coordinator/carousels", async (c) => {
    const gate = coordinatorView(c);
    if (gate.refusal) return gate.refusal;
    return coordinatorList(c, gate.view, emptyNewForm(), noErrors());
  });

  app.post("/coordinator/carousels", async (c) => {
    const gate = await coordinatorPost(c);
    if (gate.refusal) return gate.refusal;
    const { view } = gate;
    const body = await c.req.parseBody();
    const form: NewForm = {
      title: str(body.title),
      venueId: str(body.venueId),
      date: str(body.date).trim(),
      startTime: str(body.startTime).trim(),
      roundMinutes: str(body.roundMinutes).trim(),
      changeoverMinutes: str(body.changeoverMinutes).trim(),
      rounds: str(body.rounds).trim(),
      closeDate: str(body.closeDate).trim(),
      stations: Array.from({ length: STATION_ROWS }, (_, i) => ({
        host: str(body[`host${i}`]),
        name: str(body[`name${i}`]),
        capacity: str(body[`capacity${i}`]).trim(),
        minAge: str(body[`minAge${i}`]).trim(),
        maxAge: str(body[`maxAge${i}`]).trim(),
      })),
    };
    const errors = noErrors();
    const t = view.t;
    let startsAt = "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors.fields.date = t.t("carErrDate");
    if (!/^\d{2}:\d{2}$/.test(form.startTime)) errors.fields.startTime = t.t("carErrTime");
    if (!errors.fields.date && !errors.fields.startTime) startsAt = new Date(parseLondonLocal(`${form.date}T${form.startTime}`)).toISOString();
    let bookingsCloseAt: string | undefined;
    if (form.closeDate) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(form.closeDate)) bookingsCloseAt = new Date(parseLondonLocal(`${form.closeDate}T00:00`)).toISOString();
      else errors.fields.closeDate = t.t("carErrDate");
    }
    const used = form.stations.map((s, i) => ({ s, i })).filter(({ s }) => s.host || s.name.trim() || s.capacity);
    for (const { s, i } of used) if (!s.host || !s.name.trim() || !s.capacity) errors.fields.stations = t.t("carErrStationRow", { n: i + 1 });
    if (used.length === 0) errors.fields.stations = t.t("carErrStations");
    const parsed = CarouselRequest.safeParse({
      title: form.title,
      venueId: form.venueId || null,
      startsAt: startsAt || "x",
      roundMinutes: int(form.roundMinutes),
      changeoverMinutes: int(form.changeoverMinutes),
      rounds: int(form.rounds),
      ...(bookingsCloseAt ? { bookingsCloseAt } : {}),
      stations: used.map(({ s }) => ({ hostOrganisationId: s.host, name: s.name, capacity: int(s.capacity), minAge: optionalInt(s.minAge), maxAge: optionalInt(s.maxAge) })),
    });
    if (!parsed.success || Object.keys(errors.fields).length) {
      const fromZod = parsed.success ? noErrors() : fromIssues(view, parsed.error.issues.filter((i) => i.path[0] !== "startsAt" || startsAt !== ""), NEW_MESSAGES);
      const merged: FormErrors = { fields: { ...fromZod.fields, ...errors.fields } };
      if (fromZod.general && !Object.keys(merged.fields).length) merged.general = fromZod.general;
      return coordinatorList(c, view, form, merged, 400);
    }
    try {
      const row = await createCarousel(c.var.deps, view.actor, parsed.data);
      return c.redirect(`/coordinator/carousels/${row.id}?done=created`, 303);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return coordinatorList(c, view, form, fromProblem(view, err, NEW_MESSAGES), 400);
    }
  });

  const managePage = async (c: C, view: SignedIn, id: string, errors = noErrors(), status: 200 | 400 | 409 = 200) => {
    const { db } = c.var.deps;
    const row = await loadCarousel(db, id).catch(() => null);
    if (!row) return notFound(c, view);
    const [out, groups] = await Promise.all([carouselView(db, row), groupsWithSchools(db, id)]);
    return render(c, view, <ManagePage view={view} c={out} row={row} groups={groups} plan={storedPlan(row)} done={doneOf(c, view)} errors={errors} />, status);
  };

  app.get("/coordinator/carousels/:id", async (c) => {
    const gate = coordinatorView(c);
    if (gate.refusal) return gate.refusal;
    return managePage(c, gate.view, c.req.param("id"));
  });

  app.post("/coordinator/carousels/:id/plan", async (c) => {
    const gate = await coordinatorPost(c);
    if (gate.refusal) return gate.refusal;
    const id = c.req.param("id");
    try {
      await makePlan(c.var.deps, gate.view.actor, id);
    } catch (err) {
      if (err instanceof ProblemError && err.code === "not_found") return notFound(c, gate.view);
      throw err;
    }
    return c.redirect(`/coordinator/carousels/${id}?done=planned`, 303);
  });

  app.post("/coordinator/carousels/:id/send", async (c) => {
    const gate = await coordinatorPost(c);
    if (gate.refusal) return gate.refusal;
    const id = c.req.param("id");
    try {
      await sendTimetables(c.var.deps, gate.view.actor, id);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err.code === "not_found") return notFound(c, gate.view);
      return managePage(c, gate.view, id, detailOf(gate.view, err), 409);
    }
    return c.redirect(`/coordinator/carousels/${id}?done=sent`, 303);
  });

  app.post("/coordinator/carousels/:id/groups/:groupId/check-in", async (c) => {
    const gate = await coordinatorPost(c);
    if (gate.refusal) return gate.refusal;
    const { view } = gate;
    const id = c.req.param("id");
    const body = await c.req.parseBody();
    const parsed = CarouselCheckInRequest.safeParse({ pupils: int(str(body.pupils)), staff: int(str(body.staff)) });
    if (!parsed.success) return managePage(c, view, id, { fields: {}, general: { text: view.t.t("carErrCheckIn"), en: false } }, 400);
    try {
      await checkInCarouselGroup(c.var.deps, view.actor, c.req.param("groupId"), parsed.data);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err.code === "not_found") return notFound(c, view);
      return managePage(c, view, id, err.code === "validation" ? { fields: {}, general: { text: view.t.t("carErrCheckIn"), en: false } } : detailOf(view, err), 400);
    }
    return c.redirect(`/coordinator/carousels/${id}?done=checked#groups`, 303);
  });
}
