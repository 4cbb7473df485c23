// The page the guardian's emailed consent link opens (rule 3). As with sign-in links, opening
// it decides nothing (mail scanners and link previews fetch URLs); pressing a button does.
import { html } from "hono/html";
import { formatSpan } from "../../../emails/format";
import type { Api } from "../../lib/env";
import { page, SECRET_PAGE } from "../../lib/page";
import { ProblemError } from "../../lib/problem";
import { consentRequest, decideConsent } from "./consent";

const broken = (err: ProblemError) => page("This link does not work", html`<p>${err.detail}</p>`);

export function registerConsentPages(app: Api) {
  app.get("/consent/:token", async (c) => {
    try {
      const ask = await consentRequest(c.var.deps, c.req.param("token"));
      return c.html(
        page(
          `Can ${ask.name} go to ${ask.title}?`,
          html`<p>${ask.name} has booked a place at <strong>${ask.title}</strong>, ${formatSpan(ask.startsAt, ask.endsAt, "en")} (UK time).
Because of their age we need a parent or carer to agree. We hold the place until you answer.</p>
<form method="post"><button type="submit" name="decision" value="grant">Yes, they can go</button>
<button type="submit" name="decision" value="refuse" class="secondary">No</button></form>`,
        ),
        200,
        SECRET_PAGE,
      );
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return c.html(broken(err), err.status as 401, SECRET_PAGE);
    }
  });

  app.post("/consent/:token", async (c) => {
    const { decision } = await c.req.parseBody();
    if (decision !== "grant" && decision !== "refuse") {
      return c.html(page("Please choose yes or no", html`<p>Go back to the link in the email and press one of the two buttons.</p>`), 400, SECRET_PAGE);
    }
    try {
      await decideConsent(c.var.deps, c.req.param("token"), decision);
      const done =
        decision === "grant"
          ? page("Thank you", html`<p>The place is confirmed. We have sent the details to the young person.</p>`)
          : page("Thank you", html`<p>You said no, so the place has been given up. We have let the young person know.</p>`);
      return c.html(done, 200, SECRET_PAGE);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return c.html(broken(err), err.status as 401, SECRET_PAGE);
    }
  });
}
