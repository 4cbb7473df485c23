import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { libsqlDb, type Db } from "./client";
import { openLocalClient } from "./libsql-local";

export const MIGRATIONS_DIR = resolve(dirname(new URL(import.meta.url).pathname), "../../migrations");

/**
 * Opens (creating if needed) an embedded libSQL file on one configured connection with
 * statements compiled once (src/db/libsql-local.ts says why); a remote URL (Turso) goes
 * through @libsql/client as before.
 */
export async function openLibsqlFile(path: string): Promise<{ db: Db; client: Client; dataVersion?: () => string }> {
  if (path.includes("://") && !path.startsWith("file:")) {
    const client = createClient({ url: path });
    return { db: libsqlDb(client), client };
  }
  const file = path.startsWith("file:") ? path.slice("file:".length) : path;
  if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
  const client = openLocalClient(file);
  return { db: libsqlDb(client), client, dataVersion: () => client.dataVersion() };
}

export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
}
