import { Layout } from "../layout";
import type { View } from "../view";

/** The accessibility statement; shown in English, marked so, where it is not yet translated. */
export function AccessibilityPage({ view, email }: { view: View; email: string }) {
  const { t } = view;
  const statement = t.raw("statement");
  const lang = t.isFallback("statement") ? { lang: "en", dir: "ltr" as const } : {};
  const fill = (s: string) => s.replaceAll("{email}", email).replaceAll("{site}", view.publicUrl);
  return (
    <Layout view={view} title={statement.title}>
      <div {...lang}>
        {t.isFallback("statement") && <p lang={t.locale} dir={t.dir}>{t.t("notInYourLanguage")}</p>}
        <h1>{statement.title}</h1>
        {statement.sections.map((section) => (
          <>
            {section.heading && <h2>{section.heading}</h2>}
            {section.paragraphs.map((p) => (
              <p>{fill(p)}</p>
            ))}
            {section.list && (
              <ul>
                {section.list.map((item) => (
                  <li>{fill(item)}</li>
                ))}
              </ul>
            )}
          </>
        ))}
      </div>
    </Layout>
  );
}

export function MessagePage({ view, title, body }: { view: View; title: string; body: string }) {
  return (
    <Layout view={view} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/events">{view.t.t("eventBackToList")}</a>
      </p>
    </Layout>
  );
}
