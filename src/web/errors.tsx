// The page a browser gets instead of problem+json (issue #14): every unknown address and every
// refusal or fault that reaches the app's error handler on a website address is an HTML page in
// the person's language, with the same status and headers (Retry-After) and a way back. The API
// (/api/*) and anything that does not ask for HTML keep problem+json.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../lib/env";
import type { ProblemError } from "../lib/problem";
import { wordProblem } from "../lib/refusal";
import { Layout } from "./layout";
import { viewFor, type View } from "./view";

/** A person's browser asking for a page: not the API, and HTML is what it accepts. */
export function wantsPage(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).pathname.startsWith("/api/")) return false;
  return (c.req.header("accept") ?? "").includes("text/html");
}

function titleFor(view: View, status: number): string {
  const { t } = view;
  if (status === 404) return t.t("notFoundTitle");
  if (status === 405) return t.t("errNotAllowedTitle");
  if (status === 413) return t.t("errTooLargeTitle");
  if (status === 429) return t.t("errTooManyTitle");
  if (status >= 500) return t.t("errFaultTitle");
  if (status === 400) return t.t("errBadRequestTitle");
  return t.t("errProblemTitle");
}

function ErrorPage({ view, status, body, back }: { view: View; status: number; body: string; back: string | null }) {
  const title = titleFor(view, status);
  return (
    <Layout view={view} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <ul class="actions">
        {back && (
          <li>
            <a href={back}>{view.t.t("errGoBack")}</a>
          </li>
        )}
        <li>
          <a href="/">{view.t.t("errGoHome")}</a>
        </li>
        <li>
          <a href="/events">{view.t.t("eventBackToList")}</a>
        </li>
      </ul>
    </Layout>
  );
}

/**
 * The refusal as a page: its status, its headers (Retry-After for 429) and its detail worded in
 * the page's language. A form post that was refused links back to the form (the same address
 * by GET); an unknown address links home.
 */
export async function errorPage(c: Context<AppEnv>, err: ProblemError): Promise<Response> {
  const view = viewFor(c);
  const status = err.status;
  const seconds = err.headers?.["retry-after"];
  const body =
    status === 404 ? view.t.t("notFoundBody") : status === 429 && seconds ? view.t.t("errTooManyBody", { seconds }) : wordProblem(err, view.t.locale).detail;
  const back = c.req.method === "POST" ? view.url.pathname : null;
  const html = await (<ErrorPage view={view} status={status} body={body} back={back} />).toString();
  return c.html(html, status as ContentfulStatusCode, {
    "content-language": view.t.locale,
    "cache-control": "no-store",
    vary: "Cookie, Accept-Language",
    ...err.headers,
  });
}
