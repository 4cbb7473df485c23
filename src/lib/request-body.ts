import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";
import { refuse } from "./refusal";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Every request body the API takes is JSON. Checked once here so each route sees either a
 * parsed-able JSON body or a clear 400/413/415, never a parser's stack trace.
 */
export function jsonBodies(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!["POST", "PUT", "PATCH"].includes(c.req.method)) return next();
    const declared = Number(c.req.header("content-length") ?? "0");
    if (declared > MAX_BODY_BYTES) throw refuse("body_too_large", { bytes: MAX_BODY_BYTES });
    const text = await c.req.text();
    if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
      throw refuse("body_too_large", { bytes: MAX_BODY_BYTES });
    }
    if (text.trim() === "") return next();
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json" && !type.endsWith("+json")) {
      throw refuse("json_content_type");
    }
    try {
      JSON.parse(text);
    } catch {
      throw refuse("json_malformed");
    }
    await next();
  };
}
