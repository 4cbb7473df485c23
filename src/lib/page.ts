import { html } from "hono/html";

/** Pages whose URL carries a one-time secret: never cached, never sent on as a Referer. */
export const SECRET_PAGE = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

/** The small plain page the emailed links open (sign-in, guardian consent). */
export const page = (title: string, body: ReturnType<typeof html>) => html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Open Door</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:auto;padding:1rem;color:#1a1a1a}
button{font:inherit;padding:.6rem 1.2rem;background:#0b4f6c;color:#fff;border:0;border-radius:6px}
button.secondary{background:#fff;color:#0b4f6c;border:2px solid #0b4f6c}
code{word-break:break-all;background:#f4f6f8;padding:.1rem .3rem}</style></head>
<body><h1>${title}</h1>${body}</body></html>`;
