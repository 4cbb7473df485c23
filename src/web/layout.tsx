import { feedbackPage } from "../features/site-feedback/page-path";
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import { dirOf, LOCALE_NAMES, LOCALES } from "../i18n";
import { CSS_PATH } from "#site-stylesheet";
import { withParams, type View } from "./view";

interface PageProps {
  view: View;
  title: string;
  children?: Child;
  /** Which main-menu entry this page belongs to, marked aria-current. */
  section?: "events" | "directory" | "my" | "sign-in";
}

/** One layout for every page: skip link, menu, language and display choices, footer. */
export function Layout({ view, title, children, section }: PageProps) {
  const { t, prefs, url, actor } = view;
  const classes = [prefs.largeText && "text-large", prefs.highContrast && "contrast-high"].filter(Boolean).join(" ");
  const current = (s: PageProps["section"]) => (section === s ? { "aria-current": "page" as const } : {});
  return (
    <>
      {raw("<!doctype html>")}
      <html lang={t.locale} dir={t.dir} class={classes || undefined}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} – ${t.t("siteName")}`}</title>
          <meta name="description" content={t.t("tagline")} />
          <link rel="stylesheet" href={CSS_PATH} />
        </head>
        <body>
          <a class="skip" href="#main">
            {t.t("skipToContent")}
          </a>
          <header class="site">
            <div class="wrap">
              <div class="bar">
                <a class="brand" href="/">
                  {t.t("siteName")}
                </a>
                <nav aria-label={t.t("mainNav")}>
                  <ul class="links">
                    <li>
                      <a href="/events" {...current("events")}>
                        {t.t("navWhatsOn")}
                      </a>
                    </li>
                    <li>
                      <a href="/directory" {...current("directory")}>
                        {t.t("dirNav")}
                      </a>
                    </li>
                    {actor ? (
                      <>
                        <li>
                          <a href="/my" {...current("my")}>
                            {t.t("navMyBookings")}
                          </a>
                        </li>
                        {(actor.isCoordinator || actor.organisationIds.length > 0) && (
                          <li>
                            <a href="/staff" {...(url.pathname === "/staff" ? { "aria-current": "page" as const } : {})}>
                              {t.t("staffTitle")}
                            </a>
                          </li>
                        )}
                        <li>
                          <form method="post" action="/sign-out">
                            <button class="linkbutton" type="submit">
                              {t.t("signOut")}
                            </button>
                          </form>
                        </li>
                      </>
                    ) : (
                      <li>
                        <a href="/sign-in" {...current("sign-in")}>
                          {t.t("navSignIn")}
                        </a>
                      </li>
                    )}
                  </ul>
                </nav>
              </div>
              <div class="bar prefs">
                <nav aria-label={t.t("language")}>
                  <ul class="links">
                    {LOCALES.map((l) => (
                      <li>
                        <a
                          href={withParams(url, { lang: l, text: null, contrast: null })}
                          lang={l}
                          dir={dirOf(l)}
                          hreflang={l}
                          {...(l === t.locale ? { "aria-current": "true" as const } : {})}
                        >
                          {LOCALE_NAMES[l]}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
                <nav aria-label={t.t("displayOptions")}>
                  <ul class="links">
                    <li>
                      <a href={withParams(url, { text: prefs.largeText ? "standard" : "large", lang: null })}>
                        {prefs.largeText ? t.t("standardText") : t.t("largerText")}
                      </a>
                    </li>
                    <li>
                      <a href={withParams(url, { contrast: prefs.highContrast ? "standard" : "high", lang: null })}>
                        {prefs.highContrast ? t.t("standardContrast") : t.t("highContrast")}
                      </a>
                    </li>
                  </ul>
                </nav>
              </div>
            </div>
          </header>
          <main id="main" tabindex={-1}>
            <div class="wrap">
              <AreaSwitch view={view} />
              {children}
            </div>
          </main>
          <footer class="site">
            <div class="wrap">
              <p>{t.t("footerAbout")}</p>
              <ul class="links">
                <li>
                  <a href={`/feedback?from=${encodeURIComponent(feedbackPage(url.pathname))}`}>{t.t("sfFooterLink")}</a>
                </li>
                <li>
                  <a href="/you-said-we-did">{t.t("yswTitle")}</a>
                </li>
                <li>
                  <a href="/get-involved">{t.t("giFooterLink")}</a>
                </li>
                <li>
                  <a href="/accessibility">{t.t("footerAccessibility")}</a>
                </li>
              </ul>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

/** The area a path belongs to: the longest of the links it is at or under. */
const currentArea = (areas: NonNullable<View["areas"]>, path: string) =>
  areas.filter((a) => path === a.href || path.startsWith(`${a.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];

/** Someone with several staff roles moves between their areas from any staff page. */
function AreaSwitch({ view }: { view: View }) {
  const areas = view.areas ?? [];
  if (areas.length < 2) return null;
  const here = currentArea(areas, view.url.pathname);
  return (
    <nav aria-label={view.t.t("hostSwitchArea")} class="areas">
      <ul class="links">
        {areas.map((a) => (
          <li>
            <a href={a.href} {...(a === here ? { "aria-current": "page" as const } : {})}>
              {a.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Text written in another language than the page's (English shown where a translation is
 * missing, or someone's own words), marked so screen readers use the right voice; Arabic on
 * an LTR page runs right to left, and anything else on an Arabic page left to right.
 */
export function Localised({ text, lang, as = "span" }: { text: string; lang: string | null; as?: "span" | "p" | "div" }) {
  const Tag = as;
  return lang ? (
    <Tag lang={lang} dir={lang === "ar" ? "rtl" : "ltr"}>
      {text}
    </Tag>
  ) : (
    <Tag>{text}</Tag>
  );
}
