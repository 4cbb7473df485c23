// One simple, accessible layout for every email, rendered with hono/jsx, which escapes every
// text and attribute value: a name or title typed as "<script>" reaches the reader as text.
import type { Child } from "hono/jsx";
import { dirOf, type Locale } from "../src/i18n";

/** Only web links become clickable: a `javascript:` URL from a form never reaches a reader. */
function safeHref(href: string): string | null {
  return /^https?:\/\//i.test(href) ? href : null;
}

export interface Fact {
  label: string;
  /** Lines of plain text, shown one under the other. */
  lines: string[];
  /** The language the lines are written in, when not the message's (English standing in for a translation). */
  lang?: Locale;
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
  /** An image carried by the message itself (src "cid:…"), e.g. the ticket's QR code. HTML only. */
  image?: { src: string; alt: string; size: number };
}

const BRAND = "#0b4f6c";

/** Lines one under the other: each line escaped, a <br> between them. */
const linesOf = (lines: string[]): Child[] => lines.flatMap((line, i) => (i === 0 ? [line] : [<br />, line]));

function FactRow({ fact }: { fact: Fact }) {
  const href = fact.link && safeHref(fact.link.href);
  return (
    <tr>
      <th scope="row" style={`text-align:start;vertical-align:top;padding:6px 12px 6px 0;color:${BRAND}`}>
        {fact.label}
      </th>
      <td style="padding:6px 0">
        {fact.lang ? (
          <span lang={fact.lang} dir={dirOf(fact.lang)}>
            {linesOf(fact.lines)}
          </span>
        ) : (
          linesOf(fact.lines)
        )}
        {href ? (
          <>
            {fact.lines.length ? <br /> : null}
            <a href={href}>{fact.link!.label}</a>
          </>
        ) : null}
      </td>
    </tr>
  );
}

function BlockHtml({ block: b }: { block: Block }) {
  if (b.link) {
    const href = safeHref(b.link.href);
    if (!href) return null;
    return (
      <p>
        <a href={href} style={`display:inline-block;padding:12px 20px;background:${BRAND};color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold`}>
          {b.link.label}
        </a>
      </p>
    );
  }
  if (b.facts) {
    return (
      <table role="presentation" style="border-collapse:collapse;margin:8px 0 16px">
        {b.facts.map((fact) => (
          <FactRow fact={fact} />
        ))}
      </table>
    );
  }
  if (b.image) {
    return (
      <p>
        <img src={b.image.src} alt={b.image.alt} width={b.image.size} height={b.image.size} style="display:block;image-rendering:pixelated" />
      </p>
    );
  }
  if (b.small !== undefined) return <p style="font-size:15px;color:#444">{b.small}</p>;
  return <p>{b.p ?? ""}</p>;
}

function blockText(b: Block): string {
  if (b.link) return `${b.link.label}: ${b.link.href}`;
  if (b.facts) return b.facts.map((f) => [`${f.label}:`, ...f.lines.map((l) => `  ${l}`), ...(f.link ? [`  ${f.link.label}: ${f.link.href}`] : [])].join("\n")).join("\n");
  return b.small ?? b.p ?? "";
}

/** A block with nothing to show (a link that is not a web link) leaves no empty line behind. */
const shows = (b: Block) => !b.link || safeHref(b.link.href) !== null;

/** A heading, short paragraphs, labelled details, a clear button; the same words as plain text. */
export function layout(locale: Locale, heading: string, blocks: Block[], footer = "Open Door"): { html: string; text: string } {
  const body = blocks.filter(shows).flatMap((block, i) => [i === 0 ? "" : "\n", <BlockHtml block={block} />]);
  const page = (
    <html lang={locale} dir={dirOf(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{heading}</title>
      </head>
      {"\n"}
      <body style="font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#ffffff;margin:0;padding:16px">
        {"\n"}
        <h1 style={`font-size:24px;color:${BRAND}`}>{heading}</h1>
        {"\n"}
        {body}
        {"\n"}
        <p style="font-size:14px;color:#555">{footer}</p>
        {"\n"}
      </body>
    </html>
  );
  const html = `<!doctype html>\n${page.toString()}`;
  // An image has no text form: the plain-text part already carries the ticket code in words.
  const text = [heading, "", ...blocks.filter((b) => !b.image).map(blockText).flatMap((t) => [t, ""]), footer].join("\n");
  return { html, text };
}
