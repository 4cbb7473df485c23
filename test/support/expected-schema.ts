import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "../../src/db/schema";

/** Table → sorted column names, as src/db/schema.ts declares them. */
export function expectedSchema(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const value of Object.values(schema)) {
    if (!(value instanceof SQLiteTable)) continue;
    const config = getTableConfig(value);
    out[config.name] = config.columns.map((c) => c.name).sort();
  }
  return out;
}
