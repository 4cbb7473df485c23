import type { Locale } from "../src/db/schema";

/** Escapes user-provided text for HTML bodies. Every template goes through this. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const RTL: ReadonlySet<Locale> = new Set(["ar"]);

export interface Block {
  /** A paragraph of plain text. */
  p?: string;
  /** A button-style link. */
  link?: { label: string; href: string };
}

/** One simple, accessible layout: a heading, short paragraphs, a clear button. */
export function layout(locale: Locale, heading: string, blocks: Block[]): { html: string; text: string } {
  const dir = RTL.has(locale) ? "rtl" : "ltr";
  const htmlBlocks = blocks
    .map((b) =>
      b.link
        ? `<p><a href="${escapeHtml(b.link.href)}" style="display:inline-block;padding:12px 20px;background:#0b4f6c;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(b.link.label)}</a></p>`
        : `<p>${escapeHtml(b.p)}</p>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(heading)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#ffffff;margin:0;padding:16px">
<h1 style="font-size:24px;color:#0b4f6c">${escapeHtml(heading)}</h1>
${htmlBlocks}
<p style="font-size:14px;color:#555">Open Door</p>
</body></html>`;
  const text = [heading, "", ...blocks.map((b) => (b.link ? `${b.link.label}: ${b.link.href}` : (b.p ?? ""))), "", "Open Door"].join("\n");
  return { html, text };
}
