import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { libsqlDb, type Db } from "./client";

export const MIGRATIONS_DIR = resolve(dirname(new URL(import.meta.url).pathname), "../../migrations");

/** Opens (creating if needed) an embedded libSQL file, tuned for many concurrent writers. */
export async function openLibsqlFile(path: string): Promise<{ db: Db; client: Client }> {
  const url = path.startsWith("file:") || path.includes("://") ? path : `file:${path}`;
  if (url.startsWith("file:")) mkdirSync(dirname(resolve(url.slice("file:".length))), { recursive: true });
  const client = createClient({ url });
  // WAL lets readers proceed while a booking batch writes; busy_timeout makes writers queue
  // for the lock instead of failing at once.
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("PRAGMA busy_timeout = 10000");
  await client.execute("PRAGMA foreign_keys = ON");
  await client.execute("PRAGMA synchronous = NORMAL");
  // 64 MB of page cache: the booking path touches several indexes of a table that grows to
  // millions of rows; with the 2 MB default its p99 grew with the table, not with the load.
  await client.execute("PRAGMA cache_size = -65536");
  return { db: libsqlDb(client), client };
}

export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
}
