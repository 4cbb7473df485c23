// A refusal as an RFC 9457 problem+json response, worded in the caller's language.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { fromAcceptLanguage, type Locale } from "../i18n";
import type { AppEnv } from "./env";
import { problemTypeUri, type ProblemError } from "./problem";
import { wordProblem } from "./refusal";

/** The caller's language: the signed-in person's saved one, else Accept-Language, else English. */
export function callerLocale(c: Context<AppEnv>): Locale {
  const actor = c.get("actor");
  if (actor?.kind === "person") return actor.person.locale;
  return fromAcceptLanguage(c.req.header("accept-language")) ?? "en";
}

export function problemBody(err: ProblemError, locale: Locale, instance?: string) {
  const words = wordProblem(err, locale);
  return {
    body: {
      type: problemTypeUri(err.code),
      title: words.title,
      status: err.status,
      detail: words.detail,
      ...(instance ? { instance } : {}),
      ...(words.errors ? { errors: words.errors } : {}),
      ...err.extra,
    },
    locale: words.locale,
  };
}

export function problemResponse(c: Context<AppEnv>, err: ProblemError): Response {
  const { body, locale } = problemBody(err, callerLocale(c), new URL(c.req.url).pathname);
  return c.body(JSON.stringify(body), err.status as ContentfulStatusCode, {
    "content-type": "application/problem+json",
    "content-language": locale,
    // The words depend on who asks and in what language: caches must keep them apart.
    vary: "accept-language",
    // HTTP requires a 401 to say how to authenticate (RFC 9110 §15.5.2).
    ...(err.status === 401 ? { "www-authenticate": 'Bearer realm="open-door"' } : {}),
    ...err.headers,
  });
}
