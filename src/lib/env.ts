import type { OpenAPIHono } from "@hono/zod-openapi";
import type { people } from "../db/schema";
import type { Deps } from "./deps";

export type Person = typeof people.$inferSelect;

/** Who is calling: a signed-in person, or an organisation's API key. */
export type Actor =
  | {
      kind: "person";
      person: Person;
      isCoordinator: boolean;
      /** Organisations this person is a member of. */
      organisationIds: string[];
      authSessionId: string;
    }
  | { kind: "api_key"; organisationId: string; apiKeyId: string };

export interface AppEnv {
  Variables: {
    deps: Deps;
    actor: Actor | null;
    /** hono/csrf's verdict on this request (lib/same-origin.ts crossSiteCheck). */
    crossSite: boolean;
    /** A page's own Content-Security-Policy (one that runs our script file), kept over the global one. */
    pageCsp?: string;
    /** Set by a route whose answer may be kept while the data is unchanged (lib/answer-cache.ts): when time alone would change it. */
    freshUntil?: number;
  };
}

export type Api = OpenAPIHono<AppEnv>;
