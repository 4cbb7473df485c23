// Stands in for src/db/seed.ts in the deployed Worker only (`npm run deploy` and
// `npm run build:worker` pass `--alias ./db/seed:…`, the path src/worker.ts imports it by): the
// demo programme (accounts, events, texts in five languages) is for `npm run dev` and the tests,
// and never belongs on a deployed Worker; leaving it out keeps about 10 KiB of gzip out of a
// bundle whose size is budgeted (issue #19). SEED_DEMO=1 on a deployed Worker logs this error
// (src/worker.ts) and serves the request.
import type { Db } from "../db/client";

export async function seedDemoData(_db: Db, _now: number): Promise<boolean> {
  throw new Error("The demo data is not in the deployed Worker's bundle (`npm run deploy` leaves it out): `npm run dev` includes it.");
}
