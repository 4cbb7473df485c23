/**
 * True when a database error is a UNIQUE index refusing a row, recognised by SQLite's extended
 * result code (SQLITE_CONSTRAINT_UNIQUE, 2067) rather than its English message, which a driver
 * or a SQLite version may word differently.
 * - libSQL (@libsql/client, local file or remote): LibsqlError's `extendedCode`/`rawCode`, or its
 *   `code` where a server sends the extended name there; on the error or any `cause`.
 * - D1 exposes no code property: its message carries the code token as
 *   "…: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)".
 */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, extendedCode, rawCode, message } = e as { code?: unknown; extendedCode?: unknown; rawCode?: unknown; message?: unknown };
    if (extendedCode === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_UNIQUE" || rawCode === 2067) return true;
    if (typeof message === "string" && /\(extended: SQLITE_CONSTRAINT_UNIQUE\)/.test(message)) return true;
  }
  return false;
}
