// What every operation in the published document carries, added once here so that a route
// written by anyone gets it without remembering: an operationId (code generators name methods
// from it) and an explicit `security` (public ones say `[]`). A route may still set its own.

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

interface Operation {
  operationId?: string;
  security?: unknown[];
  [key: string]: unknown;
}

type Document = { info: { license?: { name: string; identifier?: string; url?: string } }; paths?: object };

const UNAUTHENTICATED = {
  description: "The Authorization header is malformed, or its token has expired (sending none is fine here)",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};

const words = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean);
const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * A stable operationId from the method and path: "post /sessions/{id}/bookings" becomes
 * "postSessionsByIdBookings". Method plus path is unique in a document, and so is this.
 */
export function operationIdFor(method: string, path: string): string {
  const parts = path
    .split("/")
    .filter(Boolean)
    .flatMap((segment) => segment.split(/(\{[^}]+\})/).filter(Boolean))
    .map((part) => (part.startsWith("{") ? `By${words(part).map(capital).join("")}` : words(part).map(capital).join("")));
  return method.toLowerCase() + parts.join("");
}

/** Fills in operationId and security where a route left them out, and the licence. */
export function completeDocument<D extends Document>(doc: D): D {
  doc.info.license ??= { name: "Proprietary (UNLICENSED): not published for reuse", identifier: "LicenseRef-Proprietary" };
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      op.operationId ??= operationIdFor(method, path);
      // No `security` on a route means it is open to anyone: say so, rather than leave a reader
      // (and the linter) to guess whether a global requirement applies.
      op.security ??= [];
      // Every route can answer 401: a request with a malformed or expired Authorization header
      // is refused before any route runs (lib/auth's resolveActor), public ones included.
      const responses = (op.responses ??= {}) as Record<string, unknown>;
      if (!Object.keys(responses).some((status) => status.startsWith("4"))) responses["401"] = UNAUTHENTICATED;
    }
  }
  return doc;
}
