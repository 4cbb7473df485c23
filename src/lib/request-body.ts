import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";
import { ProblemError } from "./problem";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Every request body the API takes is JSON. Checked once here so each route sees either a
 * parsed-able JSON body or a clear 400/413/415, never a parser's stack trace.
 */
export function jsonBodies(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!["POST", "PUT", "PATCH"].includes(c.req.method)) return next();
    const declared = Number(c.req.header("content-length") ?? "0");
    if (declared > MAX_BODY_BYTES) throw new ProblemError("payload_too_large", `Send at most ${MAX_BODY_BYTES} bytes.`);
    const text = await c.req.text();
    if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
      throw new ProblemError("payload_too_large", `Send at most ${MAX_BODY_BYTES} bytes.`);
    }
    if (text.trim() === "") return next();
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json" && !type.endsWith("+json")) {
      throw new ProblemError("unsupported_media_type", "Send the body as JSON with 'Content-Type: application/json'.");
    }
    try {
      JSON.parse(text);
    } catch {
      throw new ProblemError("malformed_json", "The body could not be read as JSON. Check for a missing quote, comma or bracket.");
    }
    await next();
  };
}
