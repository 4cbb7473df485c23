// The school area: its groups, booking a group, resizing and cancelling one.
import { GroupChange, GroupRequest } from "../../features/groups/schemas";
import { createGroupBooking } from "../../features/groups/book";
import { changeGroupBooking } from "../../features/groups/change";
import { loadGroupBooking } from "../../features/groups/read";
import { cancelBooking } from "../../features/bookings/cancel";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import type { StringKey } from "../../i18n";
import { emptyGroupForm, GroupCancelPage, GroupChangePage, SchoolPage, type GroupForm } from "./pages/school";
import { groupBooking, groupFriendlySessions, schoolGroups } from "../../features/groups/read";
import { guardPost, notFound, notFoundIfMissing, organisationFor, statusOf, render, staffView, type C, type SignedIn, type Status } from "./respond";
import { detailOf, fromIssues, fromProblem, type FieldMessages, int, noErrors, str, type FormErrors } from "./ui";

const MESSAGES: FieldMessages = { sessionId: "errSession", pupils: "errPupils", staff: "errStaff", accessNeeds: "errAccess", roster: "errRoster" };
const DONE: Record<string, StringKey> = { booked: "groupBooked", changed: "groupChanged", cancelled: "groupCancelled" };

const schoolFor = (c: C, view: SignedIn, orgId: string) => organisationFor(c, view, orgId, "school");

/** The school in the path and one of its group bookings the person may see (the groups service's own rule); null is the page's 404. */
async function groupAt(c: C, view: SignedIn, orgId: string, bookingId: string) {
  const org = await schoolFor(c, view, orgId);
  const b = org && (await notFoundIfMissing(loadGroupBooking(c.var.deps, view.actor, bookingId)));
  const group = b && b.organisationId === org.id ? await groupBooking(c.var.deps.db, bookingId) : null;
  return org && group ? { org, group } : null;
}

async function readGroupForm(c: C): Promise<GroupForm> {
  const body = await c.req.parseBody();
  return { sessionId: str(body.sessionId), pupils: str(body.pupils).trim(), staff: str(body.staff).trim(), accessNeeds: str(body.accessNeeds), roster: str(body.roster) };
}

const rosterOf = (text: string) => text.split(/[\r\n]+/).map((l) => l.trim()).filter(Boolean);

/** Staff ratio and a full session, in the page's language, next to the field they concern. */
function groupProblem(view: SignedIn, form: GroupForm) {
  const s = view.t;
  return (err: ProblemError): FormErrors | null => {
    if (err.code === "group_ratio") return { fields: { staff: s.t("errRatio", { pupils: form.pupils, needed: Number(err.extra?.staffNeeded) }) } };
    if (err.code === "session_full") {
      const left = Number(err.extra?.seatsLeft ?? 0);
      const wanted = Number(form.pupils) + Number(form.staff);
      return { fields: {}, general: { text: left === 0 ? s.t("errFull") : s.plural("errSeatsLeft", left, { wanted }), en: false } };
    }
    if (err.code === "not_found") return { fields: { sessionId: s.t("errSession") } };
    return null;
  };
}

export function registerSchoolPages(app: Api) {
  const schoolPage = async (c: C, view: SignedIn, org: NonNullable<Awaited<ReturnType<typeof schoolFor>>>, form = emptyGroupForm, errors = noErrors(), status: Status = 200) => {
    const { db } = c.var.deps;
    const [groups, choices] = await Promise.all([schoolGroups(db, org.id, view.now), groupFriendlySessions(db, view.now)]);
    const doneKey = DONE[c.req.query("done") ?? ""];
    const done = status === 200 && doneKey ? view.t.t(doneKey) : undefined;
    return render(c, view, <SchoolPage view={view} org={org} groups={groups} choices={choices} form={form} errors={errors} done={done} />, status);
  };

  app.get("/schools/:orgId", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const org = await schoolFor(c, view, c.req.param("orgId"));
    return org ? schoolPage(c, view, org) : notFound(c, view);
  });

  app.post("/schools/:orgId/groups", async (c) => {
    const guard = await guardPost(c);
    if (guard.refusal) return guard.refusal;
    const { view } = guard;
    const org = await schoolFor(c, view, c.req.param("orgId"));
    if (!org) return notFound(c, view);
    const form = await readGroupForm(c);
    const roster = rosterOf(form.roster);
    const parsed = GroupRequest.safeParse({
      schoolId: org.id,
      pupils: int(form.pupils),
      staff: int(form.staff),
      ...(form.accessNeeds.trim() ? { accessNeeds: form.accessNeeds } : {}),
      ...(roster.length ? { roster } : {}),
    });
    if (!parsed.success || !form.sessionId) {
      const errors = parsed.success ? noErrors() : fromIssues(view, parsed.error.issues, MESSAGES);
      if (!form.sessionId) errors.fields.sessionId = view.t.t("errSession");
      return schoolPage(c, view, org, form, errors, 400);
    }
    try {
      await createGroupBooking(c.var.deps, view.actor, form.sessionId, parsed.data);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return schoolPage(c, view, org, form, fromProblem(view, err, MESSAGES, groupProblem(view, form)), statusOf(err));
    }
    return c.redirect(`/schools/${org.id}?done=booked`, 303);
  });

  const formOf = (g: NonNullable<Awaited<ReturnType<typeof groupBooking>>>): GroupForm => ({
    sessionId: g.session.id,
    pupils: String(g.booking.pupils),
    staff: String(g.booking.staff),
    accessNeeds: g.booking.accessNeeds,
    roster: (g.booking.roster ?? []).join("\n"),
  });

  app.get("/schools/:orgId/groups/:bookingId", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const at = await groupAt(c, view, c.req.param("orgId"), c.req.param("bookingId"));
    if (!at) return notFound(c, view);
    const { org, group } = at;
    return render(c, view, <GroupChangePage view={view} org={org} group={group} form={formOf(group)} errors={noErrors()} />);
  });

  app.post("/schools/:orgId/groups/:bookingId", async (c) => {
    const guard = await guardPost(c);
    if (guard.refusal) return guard.refusal;
    const { view } = guard;
    const at = await groupAt(c, view, c.req.param("orgId"), c.req.param("bookingId"));
    if (!at) return notFound(c, view);
    const { org, group } = at;
    const form = { ...(await readGroupForm(c)), sessionId: group.session.id };
    const roster = rosterOf(form.roster);
    const parsed = GroupChange.safeParse({ pupils: int(form.pupils), staff: int(form.staff), accessNeeds: form.accessNeeds, roster: roster.length ? roster : null });
    const again = (errors: FormErrors, status: Status) => render(c, view, <GroupChangePage view={view} org={org} group={group} form={form} errors={errors} />, status);
    if (!parsed.success) return again(fromIssues(view, parsed.error.issues, MESSAGES), 400);
    try {
      await changeGroupBooking(c.var.deps, view.actor, group.booking.id, parsed.data);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return again(fromProblem(view, err, MESSAGES, groupProblem(view, form)), statusOf(err));
    }
    return c.redirect(`/schools/${org.id}?done=changed`, 303);
  });

  app.get("/schools/:orgId/groups/:bookingId/cancel", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const at = await groupAt(c, view, c.req.param("orgId"), c.req.param("bookingId"));
    if (!at) return notFound(c, view);
    const { org, group } = at;
    return render(c, view, <GroupCancelPage view={view} org={org} group={group} />);
  });

  app.post("/schools/:orgId/groups/:bookingId/cancel", async (c) => {
    const guard = await guardPost(c);
    if (guard.refusal) return guard.refusal;
    const { view } = guard;
    const at = await groupAt(c, view, c.req.param("orgId"), c.req.param("bookingId"));
    if (!at) return notFound(c, view);
    const { org, group } = at;
    try {
      await cancelBooking(c.var.deps, view.actor, group.booking.id);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return render(c, view, <GroupChangePage view={view} org={org} group={group} form={formOf(group)} errors={detailOf(view, err)} />, statusOf(err));
    }
    return c.redirect(`/schools/${org.id}?done=cancelled`, 303);
  });
}
