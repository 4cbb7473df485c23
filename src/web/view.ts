// What every page needs to know about the request: language, display options, who is signed in.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { Actor, AppEnv } from "../lib/env";
import { fromAcceptLanguage, isLocale, translator, type Locale, type Translator } from "../i18n";

const LANG_COOKIE = "lang";
const TEXT_COOKIE = "text";
const CONTRAST_COOKIE = "contrast";
const YEAR_S = 365 * 24 * 3600;

interface Prefs {
  largeText: boolean;
  highContrast: boolean;
}

export interface View {
  t: Translator;
  prefs: Prefs;
  /** The page's path and query, used to build the language and display links. */
  url: URL;
  actor: Extract<Actor, { kind: "person" }> | null;
  now: number;
  publicUrl: string;
  /** A member of staff's areas (staff/areas.ts), filled in by the staff pages: more than one shows the "switch area" links. */
  areas?: { href: string; text: string }[];
}

export const isHttps = (c: Context<AppEnv>) =>
  new URL(c.req.url).protocol === "https:" || c.var.deps.config.publicUrl.startsWith("https:");

/** Remembers a choice made with a link: a preference cookie, not a tracker. */
function remember(c: Context<AppEnv>, name: string, value: string) {
  setCookie(c, name, value, { path: "/", maxAge: YEAR_S, sameSite: "Lax", httpOnly: true, secure: isHttps(c) });
}

/**
 * The language is, in order: ?lang= (and then remembered), the lang cookie, the signed-in
 * person's setting, the browser's Accept-Language, English. Display options arrive as
 * ?text=large|standard and ?contrast=high|standard from plain links, and are remembered too.
 */
export function viewFor(c: Context<AppEnv>): View {
  const url = new URL(c.req.url);
  const actor = c.var.actor?.kind === "person" ? c.var.actor : null;
  const asked = url.searchParams.get("lang");
  let locale: Locale;
  if (isLocale(asked)) {
    locale = asked;
    remember(c, LANG_COOKIE, asked);
  } else {
    const saved = getCookie(c, LANG_COOKIE);
    locale = isLocale(saved) ? saved : (actor?.person.locale ?? fromAcceptLanguage(c.req.header("accept-language")) ?? "en");
  }
  const text = url.searchParams.get("text");
  if (text === "large" || text === "standard") remember(c, TEXT_COOKIE, text);
  const contrast = url.searchParams.get("contrast");
  if (contrast === "high" || contrast === "standard") remember(c, CONTRAST_COOKIE, contrast);
  const prefs = {
    largeText: (text ?? getCookie(c, TEXT_COOKIE)) === "large",
    highContrast: (contrast ?? getCookie(c, CONTRAST_COOKIE)) === "high",
  };
  return { t: translator(locale), prefs, url, actor, now: c.var.deps.clock.now(), publicUrl: c.var.deps.config.publicUrl };
}

/** The current page's address with some query parameters changed (the others kept). */
export function withParams(url: URL, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(url.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) params.delete(k);
    else params.set(k, v);
  }
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}
