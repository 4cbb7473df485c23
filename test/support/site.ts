// The Node server as `npm start` runs it, on 127.0.0.1 with a fresh libSQL file in a temporary
// folder and no background jobs: what the browser suites and the HTTP race tests drive.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_COORDINATOR_EMAIL, startServer } from "../../src/server";
import type { Clock } from "../../src/lib/time";
import { freePort } from "./free-port";

export interface Site {
  base: string;
  server: Awaited<ReturnType<typeof startServer>>;
  /** The libSQL file, for a test that opens a second connection to it. */
  databaseUrl: string;
  close(): Promise<void>;
}

/** By default with the demo data and its coordinator, as the browser suites want. */
export async function startSite(name: string, { seed = true, coordinatorEmail = DEMO_COORDINATOR_EMAIL, clock }: { seed?: boolean; coordinatorEmail?: string; clock?: Clock } = {}): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), `open-door-${name}-`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const databaseUrl = join(dir, "site.db");
  const server = await startServer({
    databaseUrl,
    port,
    hostname: "127.0.0.1",
    seed,
    clock,
    jobsEveryMs: 0,
    env: { PUBLIC_URL: base, COORDINATOR_EMAILS: coordinatorEmail },
  });
  return {
    base,
    server,
    databaseUrl,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
