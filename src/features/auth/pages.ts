import { html } from "hono/html";
import type { Api } from "../../lib/env";
import { page, SECRET_PAGE } from "../../lib/page";
import { ProblemError } from "../../lib/problem";
import { createSession } from "./service";

// The page the emailed link opens. Opening it does not use the link: email scanners and link
// previews fetch URLs, and would otherwise burn a single-use link before the person taps it.
// Pressing the button does (a POST), and shows the access token for the API until the web
// app that will keep it in a cookie exists.

export function registerSignInPages(app: Api) {
  app.get("/sign-in/:token", (c) =>
    c.html(
      page(
        "Sign in to Open Door",
        html`<p>Press the button to finish signing in. The link works once, for 15 minutes.</p>
<form method="post"><button type="submit">Sign in</button></form>`,
      ),
      200,
      SECRET_PAGE,
    ),
  );

  app.post("/sign-in/:token", async (c) => {
    try {
      const session = await createSession(c.var.deps, c.req.param("token"));
      return c.html(
        page(
          "You are signed in",
          html`<p>Your access token for the Open Door API (keep it secret; it works until ${new Date(session.expiresAt).toISOString()}):</p>
<p><code>${session.accessToken}</code></p>
<p>Send it as <code>Authorization: Bearer &lt;token&gt;</code>. See the <a href="/api/docs">API reference</a>.</p>`,
        ),
        200,
        SECRET_PAGE,
      );
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return c.html(page("This link does not work", html`<p>${err.detail}</p>`), err.status as 401, SECRET_PAGE);
    }
  });
}
