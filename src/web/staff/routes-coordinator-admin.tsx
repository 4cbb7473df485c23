// Coordinator administration: venues with their access facts, organisations with their staff
// and API keys, and mentors' DBS checks. Coordinators only; every change goes through the verb
// the API calls (which writes its audit row in the same batch).
import { createVenue, findVenue, listVenues, updateVenue } from "../../features/catalogue/venues";
import { VenueCreate, VenuePatchBody } from "../../features/catalogue/schemas";
import { recordVerification, listMentors } from "../../features/mentoring/mentors";
import { Verification } from "../../features/mentoring/schemas";
import { createOrganisation } from "../../features/organisations/create";
import { createApiKey, listApiKeys, revokeApiKey } from "../../features/organisations/keys";
import { addMember } from "../../features/organisations/members";
import { allOrganisations, getOrganisation, listOrganisations, membersOf } from "../../features/organisations/read";
import { ApiKeyCreate, MemberCreate, OrganisationCreate } from "../../features/organisations/schemas";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import type { StringKey } from "../../i18n";
import { type DbsForm, MentorsPage } from "./pages/admin-mentors";
import { emptyOrgForm, OrganisationPage, OrganisationsPage, type OrgForm, type OrgPageState } from "./pages/admin-organisations";
import { emptyVenueForm, VENUE_FLAGS, VenueEditPage, venueFormOf, VenuesPage, type VenueForm } from "./pages/admin-venues";
import { coordinatorPost, coordinatorView, notFound, notFoundIfMissing, render, statusOf, type C, type SignedIn, type Status } from "./respond";
import { fromIssues, fromProblem, noErrors, str, type FieldMessages, type FormErrors } from "./ui";
import { localised, optionalLocalised, readTexts, translationMessages } from "./translations";

const VENUE_MESSAGES: FieldMessages = { name: "admErrVenueName", address: "admErrVenueAddress", postcode: "admErrVenuePostcode", organisationId: "admErrVenueOwner", ...translationMessages("publicTransport", "admErrVenueTransport", "trErrEnglishToo"), ...translationMessages("directions", "trErrEnglishToo") };
const ORG_MESSAGES: FieldMessages = { type: "admErrOrgType", name: "admErrOrgName", contactEmail: "admErrOrgContact" };
const STAFF_MESSAGES: FieldMessages = { displayName: "admErrStaffName", email: "admErrStaffEmail" };
const KEY_MESSAGES: FieldMessages = { name: { field: "keyName", key: "admErrKeyName" } };
const DBS_MESSAGES: FieldMessages = { checkedOn: "admErrDbsCheckedOn", expiresOn: "admErrDbsExpiresOn", certificateLast4: "admErrDbsLast4" };

const done = (c: C, view: SignedIn, keys: Record<string, StringKey>) => {
  const key = keys[c.req.query("done") ?? ""];
  return key ? view.t.t(key) : undefined;
};

const readVenueForm = (body: Record<string, unknown>): VenueForm => ({
  name: str(body.name),
  address: str(body.address),
  postcode: str(body.postcode),
  organisationId: str(body.organisationId),
  publicTransport: readTexts(body, "publicTransport"),
  directions: readTexts(body, "directions"),
  flags: Object.fromEntries(VENUE_FLAGS.map((f) => [f, body[f] === "1"])) as VenueForm["flags"],
  holdsSeveralSessions: body.holdsSeveralSessions === "1",
});
const venueValues = (f: VenueForm) => ({ name: f.name, address: f.address, postcode: f.postcode, publicTransport: localised(f.publicTransport), directions: optionalLocalised(f.directions), holdsSeveralSessions: f.holdsSeveralSessions, ...f.flags });

export function registerCoordinatorAdminPages(app: Api) {
  // ── Venues ─────────────────────────────────────────────────────────────────────────────
  const venuesPage = async (c: C, view: SignedIn, form = emptyVenueForm, errors = noErrors(), status: Status = 200) => {
    const [{ items }, owners] = await Promise.all([listVenues(c.var.deps, { limit: 200 }), allOrganisations(c.var.deps.db)]);
    const byName = [...items].sort((a, b) => a.name.localeCompare(b.name));
    return render(c, view, <VenuesPage view={view} venues={byName} owners={owners} form={form} errors={errors} done={done(c, view, { added: "admVenueAdded" })} />, status);
  };

  app.get("/coordinator/venues", async (c) => {
    const g = coordinatorView(c);
    return g.refusal ?? venuesPage(c, g.view);
  });

  app.post("/coordinator/venues", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const form = readVenueForm(await c.req.parseBody());
    const parsed = VenueCreate.safeParse({ ...venueValues(form), organisationId: form.organisationId || null });
    if (!parsed.success) return venuesPage(c, view, form, fromIssues(view, parsed.error.issues, VENUE_MESSAGES), 400);
    try {
      await createVenue(c.var.deps, view.actor, parsed.data);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return venuesPage(c, view, form, fromProblem(view, err, VENUE_MESSAGES), statusOf(err));
    }
    return c.redirect("/coordinator/venues?done=added", 303);
  });

  const venuePage = async (c: C, view: SignedIn, id: string, form?: VenueForm, errors = noErrors(), status: Status = 200) => {
    const venue = await findVenue(c.var.deps, id);
    if (!venue) return notFound(c, view);
    return render(c, view, <VenueEditPage view={view} venue={venue} form={form ?? venueFormOf(venue)} errors={errors} done={done(c, view, { changed: "admVenueChanged" })} />, status);
  };

  app.get("/coordinator/venues/:id", async (c) => {
    const g = coordinatorView(c);
    return g.refusal ?? venuePage(c, g.view, c.req.param("id"));
  });

  app.post("/coordinator/venues/:id", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const id = c.req.param("id");
    const form = readVenueForm(await c.req.parseBody());
    const parsed = VenuePatchBody.safeParse(venueValues(form));
    if (!parsed.success) return venuePage(c, view, id, form, fromIssues(view, parsed.error.issues, VENUE_MESSAGES), 400);
    try {
      if (!(await notFoundIfMissing(updateVenue(c.var.deps, view.actor, id, parsed.data)))) return notFound(c, view);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return venuePage(c, view, id, form, fromProblem(view, err, VENUE_MESSAGES), statusOf(err));
    }
    return c.redirect(`/coordinator/venues/${id}?done=changed`, 303);
  });

  // ── Organisations, their staff and API keys ──────────────────────────────────────────────
  const orgsPage = async (c: C, view: SignedIn, form: OrgForm = emptyOrgForm, errors = noErrors(), status: Status = 200) =>
    render(c, view, <OrganisationsPage view={view} orgs={await listOrganisations(c.var.deps, view.actor)} form={form} errors={errors} />, status);

  app.get("/coordinator/organisations", async (c) => {
    const g = coordinatorView(c);
    return g.refusal ?? orgsPage(c, g.view);
  });

  app.post("/coordinator/organisations", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const body = await c.req.parseBody();
    const form: OrgForm = { type: str(body.type), name: str(body.name), contactEmail: str(body.contactEmail) };
    const parsed = OrganisationCreate.safeParse({ type: form.type, name: form.name, ...(form.contactEmail.trim() ? { contactEmail: form.contactEmail } : {}) });
    if (!parsed.success) return orgsPage(c, view, form, fromIssues(view, parsed.error.issues, ORG_MESSAGES), 400);
    const org = await createOrganisation(c.var.deps, parsed.data, view.actor);
    return c.redirect(`/coordinator/organisations/${org.id}?done=added`, 303);
  });

  const orgPage = async (c: C, view: SignedIn, orgId: string, state: Partial<OrgPageState> = {}, status: Status = 200) => {
    const org = await notFoundIfMissing(getOrganisation(c.var.deps, orgId));
    if (!org) return notFound(c, view);
    const [members, keys] = await Promise.all([membersOf(c.var.deps.db, orgId), listApiKeys(c.var.deps, orgId)]);
    const full: OrgPageState = {
      staffForm: { displayName: "", email: "" },
      keyName: "",
      errors: noErrors(),
      done: done(c, view, { added: "admOrgAdded", staff: "admStaffAdded", revoked: "admKeyRevoked" }),
      ...state,
    };
    return render(c, view, <OrganisationPage view={view} org={org} members={members} keys={keys} state={full} />, status);
  };

  app.get("/coordinator/organisations/:id", async (c) => {
    const g = coordinatorView(c);
    return g.refusal ?? orgPage(c, g.view, c.req.param("id"));
  });

  app.post("/coordinator/organisations/:id/staff", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const orgId = c.req.param("id");
    const body = await c.req.parseBody();
    const staffForm = { displayName: str(body.displayName), email: str(body.email) };
    const parsed = MemberCreate.safeParse(staffForm);
    if (!parsed.success) return orgPage(c, view, orgId, { staffForm, errors: fromIssues(view, parsed.error.issues, STAFF_MESSAGES) }, 400);
    if (!(await notFoundIfMissing(addMember(c.var.deps, orgId, parsed.data, view.actor)))) return notFound(c, view);
    return c.redirect(`/coordinator/organisations/${orgId}?done=staff`, 303);
  });

  app.post("/coordinator/organisations/:id/api-keys", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const orgId = c.req.param("id");
    const keyName = str((await c.req.parseBody()).keyName);
    const parsed = ApiKeyCreate.safeParse({ name: keyName });
    if (!parsed.success) return orgPage(c, view, orgId, { keyName, errors: fromIssues(view, parsed.error.issues, KEY_MESSAGES) }, 400);
    const made = await notFoundIfMissing(createApiKey(c.var.deps, orgId, parsed.data.name, view.actor));
    if (!made) return notFound(c, view);
    // The key is shown on this answer only (no redirect: a reload must not show it again, and
    // render's private headers keep it out of every cache).
    return orgPage(c, view, orgId, { newKey: { name: made.name, key: made.key } });
  });

  app.post("/coordinator/organisations/:id/api-keys/:keyId/revoke", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const orgId = c.req.param("id");
    try {
      await revokeApiKey(c.var.deps, orgId, c.req.param("keyId"), view.actor);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err.code === "not_found") return notFound(c, view);
      throw err;
    }
    return c.redirect(`/coordinator/organisations/${orgId}?done=revoked`, 303);
  });

  // ── Mentors' DBS checks ────────────────────────────────────────────────────────────────
  const mentorsPage = async (c: C, view: SignedIn, form: DbsForm | null = null, errors: FormErrors = noErrors(), status: Status = 200) => {
    const [mentors, orgs] = await Promise.all([listMentors(c.var.deps, {}), allOrganisations(c.var.deps.db)]);
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    return render(c, view, <MentorsPage view={view} mentors={mentors} orgNames={orgNames} form={form} errors={errors} done={done(c, view, { dbs: "admDbsRecorded" })} />, status);
  };

  app.get("/coordinator/mentors", async (c) => {
    const g = coordinatorView(c);
    return g.refusal ?? mentorsPage(c, g.view);
  });

  app.post("/coordinator/mentors/:id/dbs", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const mentorId = c.req.param("id");
    const body = await c.req.parseBody();
    const form: DbsForm = { mentorId, checkedOn: str(body.checkedOn), expiresOn: str(body.expiresOn), certificateLast4: str(body.certificateLast4).trim(), updateService: body.updateService === "1" };
    const parsed = Verification.safeParse({ checkedOn: form.checkedOn, expiresOn: form.expiresOn, certificateLast4: form.certificateLast4, updateService: form.updateService });
    if (!parsed.success) {
      // The union's first branch names the fields; the second (revoke) only says "revoked".
      const issues = parsed.error.issues.flatMap((i) => ("errors" in i && Array.isArray(i.errors) ? (i.errors[0] as { path: PropertyKey[] }[]) : [i]));
      return mentorsPage(c, view, form, fromIssues(view, issues, DBS_MESSAGES), 400);
    }
    try {
      if (!(await notFoundIfMissing(recordVerification(c.var.deps, view.actor, mentorId, parsed.data)))) return notFound(c, view);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return mentorsPage(c, view, form, fromProblem(view, err, DBS_MESSAGES), statusOf(err));
    }
    return c.redirect(`/coordinator/mentors?done=dbs#mentor-${mentorId}`, 303);
  });
}
