// `npm start` exactly as a newcomer runs it: a real process through tsx (which resolves
// packages as Node does, unlike the test runner's bundler), an empty data folder, demo data.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../src/db/schema";
import { freePort } from "./support/free-port";

const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "open-door-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm start", () => {
  it("serves the demo programme from an empty data folder", async () => {
    const port = await freePort();
    const child = spawn("npm", ["start", "--silent"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: join(dir, "data", "open-door.db"), PORT: String(port), NODE_ENV: "development" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c));
    child.stderr!.on("data", (c: Buffer) => (output += c));
    try {
      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 45_000;
      let health: Response | undefined;
      while (Date.now() < deadline && child.exitCode === null) {
        health = await fetch(`${base}/healthz`).catch(() => undefined);
        if (health?.ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.status, `npm start did not become healthy:\n${output}`).toBe(200);
      const events = (await (await fetch(`${base}/api/v1/events?limit=100`)).json()) as { items: { type: string }[] };
      // The demo shows an event of every type.
      expect(new Set(events.items.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
      // A recurring-series route and the rrule package load under Node's own resolution.
      const docs = await fetch(`${base}/api/docs`);
      expect(docs.status).toBe(200);
      expect(output).toContain(`running at http://localhost:${port}`);
    } finally {
      process.kill(-child.pid!, "SIGTERM");
    }
  }, 60_000);
});
