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

/** Only web links become clickable: a `javascript:` URL from a form never reaches a reader. */
function safeHref(href: string): string | null {
  return /^https?:\/\//i.test(href) ? href : null;
}

export interface Fact {
  label: string;
  /** Lines of plain text, shown one under the other. */
  lines: string[];
  link?: { label: string; href: string };
}

export interface Block {
  /** A paragraph of plain text. */
  p?: string;
  /** A button-style link. */
  link?: { label: string; href: string };
  /** Labelled details: what, when, where… */
  facts?: Fact[];
  /** A quieter line (contact, calendar note). */
  small?: string;
}

const factHtml = (f: Fact) => {
  const lines = f.lines.map(escapeHtml).join("<br>");
  const href = f.link && safeHref(f.link.href);
  const link = href ? `${lines ? "<br>" : ""}<a href="${escapeHtml(href)}">${escapeHtml(f.link!.label)}</a>` : "";
  return `<tr><th scope="row" style="text-align:start;vertical-align:top;padding:6px 12px 6px 0;color:#0b4f6c">${escapeHtml(f.label)}</th><td style="padding:6px 0">${lines}${link}</td></tr>`;
};

function blockHtml(b: Block): string {
  if (b.link) {
    const href = safeHref(b.link.href);
    if (!href) return "";
    return `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;background:#0b4f6c;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(b.link.label)}</a></p>`;
  }
  if (b.facts) return `<table role="presentation" style="border-collapse:collapse;margin:8px 0 16px">${b.facts.map(factHtml).join("")}</table>`;
  if (b.small !== undefined) return `<p style="font-size:15px;color:#444">${escapeHtml(b.small)}</p>`;
  return `<p>${escapeHtml(b.p)}</p>`;
}

function blockText(b: Block): string {
  if (b.link) return `${b.link.label}: ${b.link.href}`;
  if (b.facts) return b.facts.map((f) => [`${f.label}:`, ...f.lines.map((l) => `  ${l}`), ...(f.link ? [`  ${f.link.label}: ${f.link.href}`] : [])].join("\n")).join("\n");
  return b.small ?? b.p ?? "";
}

/** One simple, accessible layout: a heading, short paragraphs, labelled details, a clear button. */
export function layout(locale: Locale, heading: string, blocks: Block[], footer = "Open Door"): { html: string; text: string } {
  const dir = RTL.has(locale) ? "rtl" : "ltr";
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(heading)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#ffffff;margin:0;padding:16px">
<h1 style="font-size:24px;color:#0b4f6c">${escapeHtml(heading)}</h1>
${blocks.map(blockHtml).filter(Boolean).join("\n")}
<p style="font-size:14px;color:#555">${escapeHtml(footer)}</p>
</body></html>`;
  const text = [heading, "", ...blocks.map(blockText).flatMap((t) => [t, ""]), footer].join("\n");
  return { html, text };
}
