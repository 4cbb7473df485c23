// D1 bills rows read and written: the workerd suite's booking-cost test counts them from each
// result's meta (test/workers/booking-cost.test.ts) and prints them; this runs it and reads them.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = new URL("..", import.meta.url).pathname;

export async function d1RowsPerBooking(): Promise<Record<string, number>> {
  const { stdout } = await run("npx", ["vitest", "run", "--project", "workers", "test/workers/booking-cost.test.ts"], {
    cwd: root,
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const figures: Record<string, number> = {};
  for (const m of stdout.matchAll(/(d1_[a-z_]+)=([\d.]+)/g)) figures[m[1]!] = Number(m[2]);
  return figures;
}
