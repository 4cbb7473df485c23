// Time from `npm start` to the first healthy /healthz on an empty data folder.
// Usage: npx tsx bench/startup.ts [runs=5]   → prints each run, then startup_ms=<median>
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../test/support/free-port";

const runs = Number(process.argv[2] ?? 5);
const root = new URL("..", import.meta.url).pathname;

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url);
    return res.status === 200 && ((await res.json()) as { status?: string }).status === "ok";
  } catch {
    return false;
  }
}

async function once(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "open-door-startup-"));
  const port = await freePort();
  const started = performance.now();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: join(dir, "data", "open-door.db"), PORT: String(port), WRANGLER_SEND_METRICS: "false" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    const url = `http://127.0.0.1:${port}/healthz`;
    while (performance.now() - started < 60_000) {
      if (await healthy(url)) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error("not healthy within 60 s");
  } finally {
    // npm starts tsx, which starts node: stop the whole process group.
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {}
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    rmSync(dir, { recursive: true, force: true });
  }
}

const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const ms = await once();
  times.push(ms);
  console.log(`run ${i + 1}: ${Math.round(ms)} ms`);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
console.log(`startup_ms=${Math.round(median)}`);
