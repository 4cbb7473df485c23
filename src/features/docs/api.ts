import type { Api } from "../../lib/env";
import { html, raw } from "hono/html";
import { completeDocument } from "./contract";
import { type ReferenceDocument, referenceSections } from "./reference";

/**
 * OpenAPI 3.1 generated from the route definitions, and a self-contained HTML reference
 * rendered from the same document (no third-party scripts, works offline).
 */
export function registerDocs(app: Api, api: Api) {
  // Generated on first use and kept with this app: every route is registered by then, and
  // walking every schema again on each request would only give the same document.
  let generated: ReturnType<typeof api.getOpenAPI31Document> | undefined;
  const document = () =>
    (generated ??= completeDocument(api.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "Open Door API",
        version: "1.0.0",
        description:
          "Booking for young people's programmes. Errors are RFC 9457 application/problem+json. Creating POSTs accept an Idempotency-Key header (kept 24 h).",
      },
      servers: [{ url: "/api/v1" }],
    })));
  api.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description:
      "A session token from POST /auth/sessions, or an organisation API key. The website sends the same session token in its HttpOnly od_session cookie instead; a POST, PUT, PATCH or DELETE relying on that cookie must come from the site's own pages (Origin / Sec-Fetch-Site) or it is refused with 403.",
  });

  app.get("/api/v1/openapi.json", (c) => c.json(document()));
  // A stylesheet of its own: the CSP allows no inline styles.
  app.get("/api/docs.css", (c) => c.body(DOCS_CSS, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=3600" }));
  app.get("/api/docs", (c) => {
    const { nav, sections } = referenceSections(document() as ReferenceDocument);
    return c.html(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Open Door API reference</title>
<link rel="stylesheet" href="/api/docs.css"></head>
<body><main><h1>Open Door API reference</h1>
<p>Base path <code>/api/v1</code>. Machine-readable: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).
Send <code>Authorization: Bearer &lt;token&gt;</code>. Errors are <code>application/problem+json</code> with an <code>errors</code> list naming each invalid field.</p>
<nav aria-label="Sections"><ul>${raw(nav)}</ul></nav>
${raw(sections)}
</main></body></html>`);
  });
}

const DOCS_CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;color:#1a1a1a}code,pre{font-family:ui-monospace,monospace}
.op{border:1px solid #ccd;border-radius:6px;padding:.5rem 1rem;margin:.75rem 0}.m{font-weight:bold;text-transform:uppercase;color:#0b4f6c}
details pre{background:#f4f6f8;padding:.5rem;overflow:auto;font-size:13px}
table{border-collapse:collapse;margin:.5rem 0}caption{text-align:left;font-weight:bold}th,td{border:1px solid #ccd;padding:.2rem .5rem;text-align:left;vertical-align:top}
h4{margin:.5rem 0 .25rem}ul.responses{padding-left:1.25rem}`;
