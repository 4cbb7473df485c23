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
}
