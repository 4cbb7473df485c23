// Stands in for the two PostgreSQL modules drizzle-orm's dialect-neutral code imports, in the
// Worker bundle only (wrangler.toml [alias]): sql/sql.js asks whether a chunk is a Postgres enum,
// and relations.js whether a table's extra config is a Postgres primary key. Each drags in
// pg-core's column and table classes, about 1 KiB of the gzip bundle (issue #19). Our tables are
// SQLite's, so both answers are always "no"; these give the same answers by the same tests
// (the enum's registered symbol, the entity kind `is()` compares) without the classes.
import { entityKind } from "drizzle-orm";

const isPgEnumSym = Symbol.for("drizzle:isPgEnum");

export function isPgEnum(obj: unknown): boolean {
  return !!obj && typeof obj === "function" && isPgEnumSym in obj && (obj as unknown as Record<symbol, unknown>)[isPgEnumSym] === true;
}

export class PrimaryKeyBuilder {
  static readonly [entityKind]: string = "PgPrimaryKeyBuilder";
  declare columns: unknown[];
}
