// Joining on the website (issue #14): GET/POST /join and the parent's link
// /join/confirm/{token}. The same verbs as POST /api/v1/young-people (features/auth/join.ts),
// the same limiter, the same refusals worded in the page's language.
import { checkJoin, confirmByParent, join, parentConfirmationRequest } from "../../../features/auth/join";
import { JoinRequest } from "../../../features/auth/schemas";
import { afterResponse } from "../../../lib/deps";
import type { Api } from "../../../lib/env";
import { enforceConsentLimit, enforceSignInLimit } from "../../../lib/rate-limit";
import { Refusal, wordProblem } from "../../../lib/refusal";
import { formLimit, PRIVATE, refuseCrossSite, render, TOKEN_HEADERS } from "../../respond";
import { viewFor, type View } from "../../view";
import type { FieldProblem } from "../parts";
import { changeProfile, confirmEmailChange, emailChangeOpen, pendingEmailOf } from "../../../features/auth/profile";
import { ProfileRequest } from "../../../features/auth/schemas";
import { signedInPost, signInFirst } from "../page";
import { EmailChangedPage, EmailChangePage, EmailLinkInvalidPage, ProfilePage, type ProfileForm } from "./profile";
import { emptyJoinForm, JoinDonePage, JoinPage, ParentConfirmedPage, ParentConfirmPage, ParentLinkInvalidPage, type JoinForm } from "./pages";

/** The sign-up form carries a few short fields; nothing bigger is read. */
const JOIN_FORM_LIMIT_BYTES = 8 * 1024;

/** Which page message a field's invalid input gets (zod's own words are English). */
const FIELD_MESSAGES: Record<string, Parameters<View["t"]["t"]>[0]> = {
  displayName: "joinNameError",
  dateOfBirth: "joinDobError",
  email: "emailError",
  parentEmail: "joinParentError",
  school: "joinSchoolError",
  accessNeeds: "joinAccessError",
};

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

export function registerJoinPages(app: Api) {
  app.on("POST", ["/join", "/join/*"], formLimit(JOIN_FORM_LIMIT_BYTES));

  app.get("/join", (c) => {
    const view = viewFor(c);
    return render(c, view, <JoinPage view={view} form={emptyJoinForm(view)} />);
  });

  app.post("/join", async (c) => {
    const view = viewFor(c);
    const refused = refuseCrossSite(c, view, PRIVATE);
    if (refused) return refused;
    const body = await c.req.parseBody();
    const form: JoinForm = {
      displayName: text(body.displayName),
      dateOfBirth: text(body.dateOfBirth),
      email: text(body.email),
      locale: text(body.locale),
      school: text(body.school),
      accessNeeds: text(body.accessNeeds),
      parentEmail: text(body.parentEmail),
    };
    const show = (status: 400 | 422, errors: FieldProblem[], message?: string) =>
      render(c, view, <JoinPage view={view} form={form} errors={errors} message={message} />, status, { headers: PRIVATE });
    // The API's schema: the page and the API accept exactly the same input. Empty optional
    // fields are left out, as a JSON client would.
    const parsed = JoinRequest.safeParse({
      ...form,
      locale: form.locale || view.t.locale,
      school: form.school || undefined,
      accessNeeds: form.accessNeeds || undefined,
      parentEmail: form.parentEmail || undefined,
    });
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))];
      return show(
        400,
        fields.filter((f) => FIELD_MESSAGES[f]).map((f) => ({ field: f, message: view.t.t(FIELD_MESSAGES[f]!) })),
      );
    }
    await enforceSignInLimit(c, parsed.data.email);
    let plan: Awaited<ReturnType<typeof checkJoin>>;
    try {
      plan = await checkJoin(c.var.deps, parsed.data);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      // The rule's own words, in the page's language, beside the field it names.
      const words = wordProblem(err, view.t.locale);
      return show(err.status === 422 ? 422 : 400, (words.errors ?? []).map((e) => ({ field: e.path, message: words.detail })));
    }
    // After the response, as the API does: a new and an existing address look alike.
    await afterResponse(c.var.deps, () => join(c.var.deps, plan));
    return render(c, view, <JoinDonePage view={view} email={plan.input.email} parentEmail={plan.awaitingParent ? plan.input.parentEmail : undefined} />, 200, {
      headers: PRIVATE,
    });
  });

  // The parent's link: a GET only shows (mail scanners open links); the button confirms.
  app.get("/join/confirm/:token", async (c) => {
    const view = viewFor(c);
    const token = c.req.param("token");
    const request = await parentConfirmationRequest(c.var.deps, token);
    if (!request || request.confirmedAt !== null) {
      return render(c, view, <ParentLinkInvalidPage view={view} body={view.t.t("join_parent_link_unusable")} />, 404, { headers: TOKEN_HEADERS });
    }
    const action = `/join/confirm/${encodeURIComponent(token)}`;
    return render(c, view, <ParentConfirmPage view={view} name={request.displayName} email={request.email} action={action} />, 200, { headers: TOKEN_HEADERS });
  });

  app.post("/join/confirm/:token", async (c) => {
    const view = viewFor(c);
    const refused = refuseCrossSite(c, view, TOKEN_HEADERS);
    if (refused) return refused;
    // The link is the parent's only credential: one address may not try many.
    await enforceConsentLimit(c);
    const token = c.req.param("token");
    const request = await parentConfirmationRequest(c.var.deps, token);
    try {
      await confirmByParent(c.var.deps, token);
    } catch (err) {
      if (!(err instanceof Refusal) || err.reason !== "join_parent_link_unusable") throw err;
      return render(c, view, <ParentLinkInvalidPage view={view} body={view.t.t("join_parent_link_unusable")} />, 404, { headers: TOKEN_HEADERS });
    }
    return render(c, view, <ParentConfirmedPage view={view} name={request!.displayName} />, 200, { headers: TOKEN_HEADERS });
  });

  // --- Your details ------------------------------------------------------------------------
  const PROFILE_MESSAGES: Record<string, Parameters<View["t"]["t"]>[0]> = { displayName: "joinNameError", dateOfBirth: "joinDobError", email: "emailError" };

  app.on("POST", ["/my/details", "/my/details/*"], formLimit(JOIN_FORM_LIMIT_BYTES));

  app.get("/my/details", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    const p = view.actor.person;
    const form: ProfileForm = { displayName: p.displayName, dateOfBirth: p.dateOfBirth ?? "", email: p.email, locale: p.locale };
    const pendingEmail = await pendingEmailOf(c.var.deps, p.id);
    return render(c, view, <ProfilePage view={view} form={form} youngPerson={p.isYoungPerson} pendingEmail={pendingEmail} />, 200, { headers: PRIVATE });
  });

  app.post("/my/details", async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    const p = view.actor.person;
    const body = await c.req.parseBody();
    const form: ProfileForm = { displayName: text(body.displayName), dateOfBirth: text(body.dateOfBirth), email: text(body.email), locale: text(body.locale) };
    const show = (status: 200 | 400 | 409 | 422, extra: { errors?: FieldProblem[]; saved?: boolean; pendingEmail?: string | null; flagged?: number }) =>
      render(c, view, <ProfilePage view={view} form={form} youngPerson={p.isYoungPerson} {...extra} />, status, { headers: PRIVATE });
    const parsed = ProfileRequest.safeParse({
      displayName: form.displayName,
      dateOfBirth: p.isYoungPerson ? form.dateOfBirth : undefined,
      email: form.email,
      locale: form.locale || undefined,
    });
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))];
      return show(400, { errors: fields.filter((f) => PROFILE_MESSAGES[f]).map((f) => ({ field: f, message: view.t.t(PROFILE_MESSAGES[f]!) })) });
    }
    try {
      const result = await changeProfile(c.var.deps, view.actor, parsed.data);
      return render(c, view, <ProfilePage view={view} form={{ ...form, email: p.email }} youngPerson={p.isYoungPerson} saved pendingEmail={result.pendingEmail} flagged={result.flagged} />, 200, {
        headers: PRIVATE,
      });
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      const words = wordProblem(err, view.t.locale);
      return show(err.status === 422 ? 422 : 400, { errors: (words.errors ?? []).map((e) => ({ field: e.path, message: words.detail })) });
    }
  });

  // The link sent to a new address: a GET only shows; the button changes the email.
  app.get("/my/details/email/:token", async (c) => {
    const view = viewFor(c);
    const token = c.req.param("token");
    const open = await emailChangeOpen(c.var.deps, token);
    if (!open) return render(c, view, <EmailLinkInvalidPage view={view} body={view.t.t("profile_email_link_unusable")} />, 404, { headers: TOKEN_HEADERS });
    return render(c, view, <EmailChangePage view={view} email={open.newEmail} action={`/my/details/email/${encodeURIComponent(token)}`} />, 200, { headers: TOKEN_HEADERS });
  });

  app.post("/my/details/email/:token", async (c) => {
    const view = viewFor(c);
    const refused = refuseCrossSite(c, view, TOKEN_HEADERS);
    if (refused) return refused;
    await enforceConsentLimit(c);
    try {
      const { newEmail } = await confirmEmailChange(c.var.deps, c.req.param("token"));
      return render(c, view, <EmailChangedPage view={view} email={newEmail} />, 200, { headers: TOKEN_HEADERS });
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      return render(c, view, <EmailLinkInvalidPage view={view} body={wordProblem(err, view.t.locale).detail} />, err.status === 409 ? 409 : 404, { headers: TOKEN_HEADERS });
    }
  });
}
