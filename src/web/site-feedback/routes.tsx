// The feedback form on every page, the public "you said, we did" and the coordinators' inbox.
// The form goes through the same rate limit and the same verb as POST /api/v1/site-feedback;
// on top, the page holds back scripts with a honeypot box and a signed start time (no cookie).
import { checkFormToken, formToken } from "../../features/site-feedback/form-token";
import { publishProgrammeNote, replyToSiteFeedback, setSiteFeedbackStatus } from "../../features/site-feedback/inbox";
import { feedbackPage } from "../../features/site-feedback/page-path";
import { listSiteFeedback, programmeYouSaidWeDid } from "../../features/site-feedback/read";
import { ProgrammeNoteBody, SiteFeedbackStatusSchema, SiteFeedbackBody, WORDS_MAX } from "../../features/site-feedback/schemas";
import { sendSiteFeedback } from "../../features/site-feedback/send";
import { auditRead } from "../../features/audit/record";
import { isLocale } from "../../i18n";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { clientIp, enforceRateLimit } from "../../lib/rate-limit";
import { MessagePage } from "../pages/info";
import { formLimit, PRIVATE, refuseCrossSite, render, type C } from "../respond";
import { coordinatorPost, coordinatorView, render as renderPrivate } from "../staff/respond";
import { noErrors, type FormErrors } from "../staff/ui";
import { viewFor } from "../view";
import { FeedbackFormPage, FeedbackInboxPage, FeedbackThanksPage, YouSaidWeDidPage, type FeedbackForm, type Held } from "./pages";

const str = (v: unknown) => (typeof v === "string" ? v : "");

export function registerSiteFeedbackPages(app: Api) {
  app.on("POST", ["/coordinator/feedback/*", "/coordinator/you-said-we-did"], formLimit(32 * 1024));
  app.get("/feedback", async (c) => {
    const view = viewFor(c);
    const form: FeedbackForm = { page: feedbackPage(c.req.query("from") ?? "/"), whatWorks: "", toImprove: "", email: "" };
    const token = await formToken(c.var.deps.db, view.now);
    return render(c, view, <FeedbackFormPage view={view} form={form} token={token} errors={noErrors()} held={null} />, 200, { headers: PRIVATE });
  });

  app.post("/feedback", formLimit(16 * 1024), async (c) => {
    const view = viewFor(c);
    const refused = refuseCrossSite(c, view);
    if (refused) return refused;
    try {
      await enforceRateLimit(c, "site_feedback_ip", clientIp(c));
    } catch (err) {
      if (!(err instanceof ProblemError) || err.code !== "rate_limited") throw err;
      const seconds = Number(err.headers?.["retry-after"] ?? 60);
      return render(c, view, <MessagePage view={view} title={view.t.t("sfTooManyTitle")} body={view.t.t("too_many_tries", { seconds })} />, 429, { headers: { ...PRIVATE, "retry-after": String(seconds) } });
    }
    const body = await c.req.parseBody();
    const form: FeedbackForm = {
      page: feedbackPage(str(body.page)),
      whatWorks: str(body.whatWorks).slice(0, WORDS_MAX),
      toImprove: str(body.toImprove).slice(0, WORDS_MAX),
      email: str(body.email).trim().slice(0, 254),
    };
    const db = c.var.deps.db;
    // A person never sees the hidden box; the form comes back (words kept, box empty) in case a
    // browser's autofill filled it, and nothing is recorded.
    const check = str(body.website) !== "" ? "honeypot" : await checkFormToken(db, str(body.started), view.now);
    if (check !== "ok") {
      const held: Held = check === "honeypot" ? "honeypot" : check === "stale" ? "stale" : "too_fast";
      const token = await formToken(db, view.now);
      return render(c, view, <FeedbackFormPage view={view} form={form} token={token} errors={noErrors()} held={held} />, 422, { headers: PRIVATE });
    }
    const parsed = SiteFeedbackBody.safeParse({ page: form.page, locale: view.t.locale, whatWorks: form.whatWorks, toImprove: form.toImprove, email: form.email || undefined });
    const errors: FormErrors = noErrors();
    if (!parsed.success) errors.fields.email = view.t.t("emailError");
    else if (!parsed.data.whatWorks && !parsed.data.toImprove) errors.fields.whatWorks = view.t.t("sf_nothing_said");
    if (!parsed.success || errors.fields.whatWorks) {
      const token = await formToken(db, view.now);
      return render(c, view, <FeedbackFormPage view={view} form={form} token={token} errors={errors} held={null} />, 400, { headers: PRIVATE });
    }
    const row = await sendSiteFeedback(c.var.deps, parsed.data);
    return render(c, view, <FeedbackThanksPage view={view} page={row.page} email={row.replyEmail} />, 200, { headers: PRIVATE });
  });

  app.get("/you-said-we-did", async (c) => {
    const view = viewFor(c);
    return render(c, view, <YouSaidWeDidPage view={view} notes={await programmeYouSaidWeDid(c.var.deps.db)} />);
  });

  app.get("/coordinator/feedback", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    const parsed = SiteFeedbackStatusSchema.safeParse(c.req.query("status") ?? "new");
    const status = parsed.success ? parsed.data : "new";
    const rows = await listSiteFeedback(c.var.deps.db, { status });
    // Reply addresses are personal data: a coordinator's reading of them is logged (rule 14).
    await auditRead(c.var.deps.db, g.view.actor, { action: "site_feedback.read", subjectType: "site_feedback", detail: { status, count: rows.length } }, g.view.now);
    return renderPrivate(c, g.view, <FeedbackInboxPage view={g.view} status={status} rows={rows} saved={c.req.query("saved") === "1"} />);
  });

  const back = (c: C, status?: string) => c.redirect(`/coordinator/feedback?saved=1${status ? `&status=${status}` : ""}`, 303);
  // Gone (or never there): the inbox as it is now, as the directory's review page does.
  const tolerateMissing = (err: unknown) => {
    if (!(err instanceof ProblemError) || !["not_found", "unprocessable"].includes(err.code)) throw err;
  };

  app.post("/coordinator/feedback/:id/status", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const status = SiteFeedbackStatusSchema.safeParse(str((await c.req.parseBody()).status));
    if (!status.success) return back(c);
    await setSiteFeedbackStatus(c.var.deps, g.view.actor, c.req.param("id"), status.data).catch(tolerateMissing);
    return back(c, status.data);
  });

  app.post("/coordinator/feedback/:id/reply", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const message = str((await c.req.parseBody()).message).trim().slice(0, 4000);
    if (message) await replyToSiteFeedback(c.var.deps, g.view.actor, c.req.param("id"), message).catch(tolerateMissing);
    return back(c, "in_hand");
  });

  const publish = (withItem: boolean) => async (c: C) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const body = await c.req.parseBody();
    const locale = str(body.locale);
    const parsed = ProgrammeNoteBody.safeParse({ youSaid: str(body.youSaid), weDid: str(body.weDid), locale: isLocale(locale) ? locale : g.view.t.locale });
    if (!parsed.success) return back(c);
    await publishProgrammeNote(c.var.deps, g.view.actor, withItem ? (c.req.param("id") ?? null) : null, parsed.data).catch(tolerateMissing);
    return c.redirect("/you-said-we-did", 303);
  };
  app.post("/coordinator/feedback/:id/publish", publish(true));
  app.post("/coordinator/you-said-we-did", publish(false));
}
