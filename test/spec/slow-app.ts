// The harness's app and database file opened a second time with a network round trip per
// statement (test/support/latency.ts says why), so requests sent at once interleave as they
// would on D1 or Turso.
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { createApp } from "../../src/app";
import { libsqlDb, type Db } from "../../src/db/client";
import { openLibsqlFile } from "../../src/db/libsql-node";
import { checkSeatAccounting } from "../../src/rules/capacity";
import { devMailboxMailer } from "../../src/features/notifications/mailer";
import { createHarness, type Harness } from "../support/harness";
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

/**
 * Registers the hooks the race files share: a harness, its slow twin, and the seat ledger
 * checked after every test. Read `h` and `slow` from the result inside tests and hooks.
 */
export function raceHarness() {
  const race = {} as { h: Harness; slow: SlowApp };
  beforeAll(async () => {
    race.h = await createHarness();
    race.slow = await slowApp(race.h);
  });
  afterEach(async () => {
    expect(await checkSeatAccounting(race.h.db)).toEqual([]);
  });
  afterAll(async () => {
    race.slow?.close();
    await race.h?.close();
  });
  return race;
}
