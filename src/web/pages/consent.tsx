import { Layout } from "../layout";
import type { View } from "../view";

export interface ConsentAsk {
  name: string;
  title: string;
  /** "Tuesday 14 April, 10:00am to 12:00pm", London time. */
  when: string;
}

// English only for now (the guardian's language is not known; the strings are not yet in
// the site's catalogues), marked so screen readers pronounce it right on other-language pages.
const english = (view: View) => (view.t.locale === "en" ? {} : { lang: "en", dir: "ltr" as const });

/** What the guardian's emailed link opens. Only pressing a button decides (link scanners open URLs). */
export function ConsentPage({ view, ask }: { view: View; ask: ConsentAsk }) {
  const title = `Can ${ask.name} go to ${ask.title}?`;
  return (
    <Layout view={view} title={title}>
      <div {...english(view)}>
        <h1>{title}</h1>
        <p class="lead">
          {ask.name} has booked a place at <strong>{ask.title}</strong>, {ask.when} (UK time).
        </p>
        <p>Because of their age we need a parent or carer to agree. We hold the place until you answer.</p>
        <form method="post">
          <button class="button" type="submit" name="decision" value="grant">
            Yes, they can go
          </button>{" "}
          <button class="button secondary" type="submit" name="decision" value="refuse">
            No
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function ConsentMessagePage({ view, title, body }: { view: View; title: string; body: string }) {
  return (
    <Layout view={view} title={title}>
      <div {...english(view)}>
        <h1>{title}</h1>
        <p>{body}</p>
      </div>
    </Layout>
  );
}
