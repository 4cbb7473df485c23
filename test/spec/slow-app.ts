// The harness's app and database file opened a second time with a network round trip per
// statement (test/support/latency.ts says why), so requests sent at once interleave as they
// would on D1 or Turso.
import { join } from "node:path";
import { createApp } from "../../src/app";
import { libsqlDb, type Db } from "../../src/db/client";
import { openLibsqlFile } from "../../src/db/libsql-node";
import { devMailboxMailer } from "../../src/features/notifications/mailer";
import type { Harness } from "../support/harness";
import { withNetworkLatency } from "../support/latency";

export interface SlowApp {
  db: Db;
  request(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string> }): Promise<Response>;
  close(): void;
}

export async function slowApp(h: Harness): Promise<SlowApp> {
  const { client } = await openLibsqlFile(join(h.dir, "test.db"));
  const db = libsqlDb(withNetworkLatency(client));
  const app = createApp({ ...h.deps, db, mailer: devMailboxMailer(db) });
  return {
    db,
    request: async (method, path, { body, token, headers } = {}) =>
      app.request(path, {
        method,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify(body ?? {}),
      }),
    close: () => client.close(),
  };
}
