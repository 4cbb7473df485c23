// Revalidation for the public catalogue (issue #19 item 8): the what's-on list and event
// pages, the most requested answers, carry an ETag (a digest of the body, so it changes when
// the catalogue does, seats left included) and `Cache-Control: no-cache`: a browser or proxy
// may keep the copy but must ask each time, and a 304 sends no body. Their cost in statements
// is bounded already (a page of events, then their next sessions in one query).
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { etag } from "hono/etag";
import type { AppEnv } from "./env";

/**
 * The body's SHA-1 hashed in place: hono's default goes through `crypto.subtle.digest`, a job
 * on Node's thread pool and back for every answer of the most requested list (issue #19).
 */
const sha1 = (body: Uint8Array): ArrayBuffer => {
  const digest = createHash("sha1").update(body).digest();
  return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength) as ArrayBuffer;
};

export function revalidatedByEtag(): MiddlewareHandler<AppEnv> {
  const tag = etag({ generateDigest: sha1 });
  return async (c, next) => {
    await tag(c, next);
    if (c.req.method !== "GET" || (c.res.status !== 200 && c.res.status !== 304)) return;
    c.res.headers.set("cache-control", "no-cache");
    // The same address answers differently to someone signed in and in another language.
    c.res.headers.set("vary", "Cookie, Authorization, Accept-Language");
  };
}

/** The public catalogue's addresses: the API's list and events, the website's list and event pages. */
export const REVALIDATED_PATHS = ["/api/v1/events", "/api/v1/events/:id", "/", "/events", "/events/:id"] as const;
