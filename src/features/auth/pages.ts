import { html } from "hono/html";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { createSession } from "./service";

// The page the emailed link opens. Opening it does not use the link: email scanners and link
// previews fetch URLs, and would otherwise burn a single-use link before the person taps it.
// Pressing the button does (a POST), and shows the access token for the API until the web
// app that will keep it in a cookie exists.

const SECRET_PAGE = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

const page = (title: string, body: ReturnType<typeof html>) => html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Open Door</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:auto;padding:1rem;color:#1a1a1a}
button{font:inherit;padding:.6rem 1.2rem;background:#0b4f6c;color:#fff;border:0;border-radius:6px}
code{word-break:break-all;background:#f4f6f8;padding:.1rem .3rem}</style></head>
<body><h1>${title}</h1>${body}</body></html>`;

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
