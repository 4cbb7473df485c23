// One Node process per core on the same database file (issue #19 item 5). Every libSQL call
// runs on the JavaScript thread, so one process uses one core. Node's cluster lets several
// processes accept on one port; the guarantees stay where they were, in the database: each
// booking is one BEGIN IMMEDIATE batch, so SQLite's write lock orders writers across
// processes exactly as it orders them within one (busy_timeout makes them queue, never fail),
// and WAL lets every process read while one writes. The one thing that lived in a process's
// memory, the abuse limiter, is kept by the primary and asked over IPC, so its limits are
// the same whatever the number of processes.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { memoryRateLimiter, type RateBucket, type RateLimiter } from "./lib/rate-limiter";
import { systemClock } from "./lib/time";

/** PROCESSES=auto (one per core) or a number; 1 (a single process) when unset. */
export function processesFromEnv(value: string | undefined): number {
  if (!value) return 1;
  if (value === "auto") return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`PROCESSES must be "auto" or a whole number of at least 1, not "${value}"`);
  return n;
}

export const isClusterWorker = () => cluster.isWorker;

/** In a cluster worker: true for the one process that runs the minute jobs. */
export const runsScheduledJobs = () => !cluster.isWorker || process.env.OPEN_DOOR_JOBS === "1";

type Hit = { type: "rate-limit:hit"; id: number; bucket: RateBucket; key: string };
type Answer = { type: "rate-limit:answer"; id: number; result: Awaited<ReturnType<RateLimiter["hit"]>> };

/** A cluster worker's limiter: every hit is counted by the primary's one limiter. */
export function primaryBackedRateLimiter(): RateLimiter {
  let next = 0;
  const waiting = new Map<number, (result: Answer["result"]) => void>();
  process.on("message", (m: Answer) => {
    if (m?.type !== "rate-limit:answer") return;
    waiting.get(m.id)?.(m.result);
    waiting.delete(m.id);
  });
  return {
    hit: (bucket, key) =>
      new Promise((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        process.send!({ type: "rate-limit:hit", id, bucket, key } satisfies Hit);
      }),
  };
}

/**
 * In the primary: forks `processes` workers (this same entry module runs again in each, and
 * starts a server there), answers their limiter hits, replaces a worker that dies, and
 * resolves once every worker listens. `prepare` runs first, once (migrations, demo data).
 */
export async function startWorkers(processes: number): Promise<{ url: string; close(): Promise<void> }> {
  const limiter = memoryRateLimiter(systemClock);
  let stopping = false;
  cluster.on("message", (worker, m: Hit) => {
    if (m?.type !== "rate-limit:hit") return;
    void limiter.hit(m.bucket, m.key).then((result) => worker.send({ type: "rate-limit:answer", id: m.id, result } satisfies Answer));
  });
  const fork = (jobs: boolean) => {
    const worker = cluster.fork({ OPEN_DOOR_JOBS: jobs ? "1" : "0" });
    worker.on("exit", (code) => {
      if (stopping) return;
      console.error(`A server process exited (${code}); starting another.`);
      fork(jobs);
    });
    return worker;
  };
  const urls = await Promise.all(
    Array.from(
      { length: processes },
      (_, i) =>
        new Promise<string>((resolve) => {
          const worker = fork(i === 0);
          worker.on("message", (m: { type?: string; url?: string }) => m?.type === "ready" && resolve(m.url!));
        }),
    ),
  );
  return {
    url: urls[0]!,
    async close() {
      stopping = true;
      await Promise.all(
        Object.values(cluster.workers ?? {}).map(
          (w) =>
            new Promise<void>((resolve) => {
              if (!w || w.isDead()) return resolve();
              w.once("exit", () => resolve());
              w.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}

/** In a worker: tell the primary this process listens. */
export function reportReady(url: string) {
  process.send?.({ type: "ready", url });
}
