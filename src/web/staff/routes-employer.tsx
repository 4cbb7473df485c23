// The employer area: its mentors (DBS status read-only), each mentor's slots, adding a slot or
// a weekly series, changing or withdrawing a slot.
import { getMentor, listMentors, managesMentor, createMentor } from "../../features/mentoring/mentors";
import { NewMentor, NewSlots, SlotChange, slotTimes } from "../../features/mentoring/schemas";
import { updateSlot, withdrawSlot } from "../../features/mentoring/slot-changes";
import { createSlots, listMentorSlots, slotForManager } from "../../features/mentoring/slots";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import type { StringKey } from "../../i18n";
import { emptyMentorForm, emptySlotForm, EmployerPage, MentorSlotsPage, readSlotPlace, type MentorForm, type SlotForm } from "./pages/employer";
import { SlotChangePage, slotFormOf, type SlotChangeForm } from "./pages/slot-change";
import { allVenues } from "../../features/catalogue/read";
import { guardPost, notFound, notFoundIfMissing, organisationFor, statusOf, render, staffView, type C, type SignedIn, type Status } from "./respond";
import { detailOf, fromIssues, fromProblem, type FieldMessages, keyedErrors, londonTimes, mergeErrors, noErrors, readTimes, readWhen, str, whenFrom, type FormErrors } from "./ui";
import { localised, readTexts, translationMessages } from "./translations";

const MENTOR_MESSAGES: FieldMessages = { displayName: "errName", email: "errEmail", sector: "errSector", ...translationMessages("bio", "errBio", "trErrEnglishToo"), languages: "errLanguages" };
const SLOT_MESSAGES: FieldMessages = { meetingUrl: "errUrl", venueId: "errVenue", startsAt: { field: "start", key: "errStart" }, start: "errStart", endsAt: { field: "durationMinutes", key: "errDuration" }, durationMinutes: "errDuration", rrule: { field: "weeks", key: "errWeeks" } };
const SLOT_CHANGE_MESSAGES: FieldMessages = { meetingUrl: "errUrl", venueId: "errVenue", startsAt: { field: "date", key: "errStart" }, endsAt: { field: "endTime", key: "errSlotLength" } };
const DONE: Record<string, StringKey> = { mentor: "mentorAdded", withdrawn: "slotWithdrawDone", changed: "slotChanged" };

const employerFor = (c: C, view: SignedIn, orgId: string) => organisationFor(c, view, orgId, "employer");

/** One of this employer's mentors, checked with the mentoring service's own rule. */
async function mentorOf(c: C, view: SignedIn, orgId: string, mentorId: string) {
  const mentor = await notFoundIfMissing(getMentor(c.var.deps, mentorId));
  return mentor && mentor.organisationId === orgId && managesMentor(view.actor, mentor) ? mentor : null;
}

/** The employer in the path and one of its mentors; null is the page's 404. */
async function mentorAt(c: C, view: SignedIn, orgId: string, mentorId: string) {
  const org = await employerFor(c, view, orgId);
  const mentor = org && (await mentorOf(c, view, org.id, mentorId));
  return org && mentor ? { org, mentor } : null;
}

/** The employer in the path and one of its slots, by the mentoring service's own rule (slotForManager); null is the page's 404. */
async function slotAt(c: C, view: SignedIn, orgId: string, slotId: string) {
  const org = await employerFor(c, view, orgId);
  const found = org && (await notFoundIfMissing(slotForManager(c.var.deps, view.actor, slotId)));
  return org && found && found.mentor.organisationId === org.id ? { org, ...found } : null;
}

/** A rescheduling refusal next to the time it is about, in the page's language. */
function slotChangeProblem(view: SignedIn) {
  const s = view.t;
  return (err: ProblemError): FormErrors | null => {
    if (err.code === "conflict" && err.errors?.length) return { fields: { date: s.t("errClash") } };
    if (err.code === "booking_clash") return { fields: { date: s.t("errSlotPersonClash") } };
    if (err.code === "not_eligible") return { fields: { date: s.t("errSlotDbs") } };
    return null;
  };
}

type Org = NonNullable<Awaited<ReturnType<typeof employerFor>>>;
type MentorRow = NonNullable<Awaited<ReturnType<typeof mentorOf>>>;
type SlotAt = NonNullable<Awaited<ReturnType<typeof slotAt>>>;

export function registerEmployerPages(app: Api) {
  const employerPage = async (c: C, view: SignedIn, org: Org, form: MentorForm = emptyMentorForm, errors = noErrors(), status: Status = 200) => {
    const mentors = await listMentors(c.var.deps, { organisationId: org.id });
    const doneKey = DONE[c.req.query("done") ?? ""];
    const done = status === 200 && doneKey ? view.t.t(doneKey) : undefined;
    return render(c, view, <EmployerPage view={view} org={org} mentors={mentors} form={form} errors={errors} done={done} />, status);
  };

  const slotsPage = async (c: C, view: SignedIn, org: Org, mentor: MentorRow, form: SlotForm = emptySlotForm, errors = noErrors(), status: Status = 200, done?: string) => {
    const [slots, venues] = await Promise.all([listMentorSlots(c.var.deps, view.actor, mentor.id), allVenues(c.var.deps.db)]);
    return render(c, view, <MentorSlotsPage view={view} org={org} mentor={mentor} slots={slots} venues={venues} form={form} errors={errors} done={done} />, status);
  };

  app.get("/employers/:orgId", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const org = await employerFor(c, view, c.req.param("orgId"));
    return org ? employerPage(c, view, org) : notFound(c, view);
  });

  app.post("/employers/:orgId/mentors", async (c) => {
    const guard = await guardPost(c);
    if (guard.refusal) return guard.refusal;
    const { view } = guard;
    const org = await employerFor(c, view, c.req.param("orgId"));
    if (!org) return notFound(c, view);
    const body = await c.req.parseBody();
    const form: MentorForm = { displayName: str(body.displayName), email: str(body.email), sector: str(body.sector), bio: readTexts(body, "bio"), languages: str(body.languages) };
    const languages = form.languages.split(/[\s,]+/).map((l) => l.trim().toLowerCase()).filter(Boolean);
    const parsed = NewMentor.safeParse({ organisationId: org.id, displayName: form.displayName, email: form.email, sector: form.sector, bio: localised(form.bio), languages: languages.length ? languages : undefined });
    if (!parsed.success) return employerPage(c, view, org, form, fromIssues(view, parsed.error.issues, MENTOR_MESSAGES), 400);
    try {
      await createMentor(c.var.deps, view.actor, parsed.data);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return employerPage(c, view, org, form, fromProblem(view, err, MENTOR_MESSAGES), statusOf(err));
    }
    return c.redirect(`/employers/${org.id}?done=mentor`, 303);
  });

  app.get("/employers/:orgId/mentors/:mentorId", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const at = await mentorAt(c, view, c.req.param("orgId"), c.req.param("mentorId"));
    if (!at) return notFound(c, view);
    const { org, mentor } = at;
    const added = Number(c.req.query("added") ?? "0");
    const doneKey = DONE[c.req.query("done") ?? ""];
    const done = added > 0 ? view.t.plural("slotsAdded", added) : doneKey ? view.t.t(doneKey) : undefined;
    return slotsPage(c, view, org, mentor, emptySlotForm, noErrors(), 200, done);
  });

  app.post("/employers/:orgId/mentors/:mentorId/slots", async (c) => {
    const guard = await guardPost(c);
    if (guard.refusal) return guard.refusal;
    const { view } = guard;
    const at = await mentorAt(c, view, c.req.param("orgId"), c.req.param("mentorId"));
    if (!at) return notFound(c, view);
    const { org, mentor } = at;
    const body = await c.req.parseBody();
    const form: SlotForm = { ...readSlotPlace(body), ...readWhen(body) };
    const own: Record<string, StringKey> = {};
    const when = whenFrom(form, { minMinutes: 15, maxMinutes: 240 }, own);
    const mode = form.mode === "in_person" ? "in_person" : "online";
    const parsed = NewSlots.safeParse({ mode, ...(mode === "online" ? { meetingUrl: form.meetingUrl } : { venueId: form.venueId || undefined }), ...(when ?? {}) });
    if (!when || !parsed.success) {
      const errors = mergeErrors(keyedErrors(view, own), parsed.success ? noErrors() : fromIssues(view, parsed.error.issues.filter((i) => when || !["startsAt", "endsAt"].includes(String(i.path[0]))), SLOT_MESSAGES));
      return slotsPage(c, view, org, mentor, form, errors, 400);
    }
    let added: number;
    try {
      const slots = await createSlots(c.var.deps, view.actor, mentor.id, { ...slotTimes(parsed.data), mode, meetingUrl: parsed.data.meetingUrl, venueId: parsed.data.venueId });
      added = slots.length;
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      const clash = (e: ProblemError): FormErrors | null => (e.code === "conflict" ? { fields: { start: view.t.t("errClash") } } : null);
      return slotsPage(c, view, org, mentor, form, fromProblem(view, err, SLOT_MESSAGES, clash), statusOf(err));
    }
    return c.redirect(`/employers/${org.id}/mentors/${mentor.id}?added=${added}`, 303);
  });

  const slotChangePage = async (c: C, view: SignedIn, at: SlotAt, form?: SlotChangeForm, errors = noErrors(), status: Status = 200) => {
    const { org, slot, mentor } = at;
    const page = <SlotChangePage view={view} org={org} mentor={mentor} slot={slot} venues={await allVenues(c.var.deps.db)} form={form ?? slotFormOf(slot)} errors={errors} />;
    return render(c, view, page, status);
  };

  app.get("/employers/:orgId/slots/:slotId", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const at = await slotAt(c, view, c.req.param("orgId"), c.req.param("slotId"));
    return at ? slotChangePage(c, view, at) : notFound(c, view);
  });

  app.post("/employers/:orgId/slots/:slotId", async (c) => {
    const guard = await guardPost(c);
    if (guard.refusal) return guard.refusal;
    const { view } = guard;
    const at = await slotAt(c, view, c.req.param("orgId"), c.req.param("slotId"));
    if (!at) return notFound(c, view);
    const body = await c.req.parseBody();
    const form: SlotChangeForm = { ...readTimes(body), ...readSlotPlace(body) };
    const mode = form.mode === "in_person" ? "in_person" : "online";
    const own: Record<string, StringKey> = {};
    const times = londonTimes(form, own);
    // A blank link or venue is a mistake here: the service would keep the old one.
    if (mode === "online" && !form.meetingUrl) own.meetingUrl = "errUrl";
    if (mode === "in_person" && !form.venueId) own.venueId = "errVenue";
    const parsed = SlotChange.safeParse({ ...(times ?? {}), mode, ...(mode === "online" ? { meetingUrl: form.meetingUrl || undefined } : { venueId: form.venueId || undefined }) });
    if (!times || Object.keys(own).length || !parsed.success) {
      return slotChangePage(c, view, at, form, mergeErrors(keyedErrors(view, own), parsed.success ? noErrors() : fromIssues(view, parsed.error.issues, SLOT_CHANGE_MESSAGES)), 400);
    }
    try {
      await updateSlot(c.var.deps, view.actor, at.slot.id, parsed.data);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err.code === "not_found") return notFound(c, view);
      return slotChangePage(c, view, at, form, fromProblem(view, err, SLOT_CHANGE_MESSAGES, slotChangeProblem(view)), statusOf(err));
    }
    return c.redirect(`/employers/${at.org.id}/mentors/${at.mentor.id}?done=changed`, 303);
  });

  app.post("/employers/:orgId/slots/:slotId/withdraw", async (c) => {
    const guard = await guardPost(c);
    if (guard.refusal) return guard.refusal;
    const { view } = guard;
    const at = await slotAt(c, view, c.req.param("orgId"), c.req.param("slotId"));
    if (!at) return notFound(c, view);
    try {
      await withdrawSlot(c.var.deps, view.actor, at.slot.id);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err.code === "not_found") return notFound(c, view);
      return slotsPage(c, view, at.org, at.mentor, emptySlotForm, detailOf(view, err), statusOf(err));
    }
    return c.redirect(`/employers/${at.org.id}/mentors/${at.mentor.id}?done=withdrawn`, 303);
  });
}
