// A real app on a real libSQL file per test file, with a clock the test controls.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { createApp } from "../../src/app";
import type { Db } from "../../src/db/client";
import { applyMigrations, openLibsqlFile } from "../../src/db/libsql-node";
import { devMailbox, people, type Locale } from "../../src/db/schema";
import { testConfig, type Config } from "../../src/lib/config";
import type { Deps } from "../../src/lib/deps";
import { answerCache } from "../../src/lib/answer-cache";
import { devMailboxMailer, type Mailer } from "../../src/features/notifications/mailer";
import { fixedClock } from "../../src/lib/time";
import { workerClientIp } from "../../src/lib/client-address";
import { createSession, ensurePerson, requestMagicLink } from "../../src/features/auth/sign-in";
import { dispatchOutbox } from "../../src/features/notifications/outbox";

export const COORDINATOR = "coordinator@opendoor.test";

export interface Harness {
  deps: Deps;
  db: Db;
  clock: ReturnType<typeof fixedClock>;
  app: ReturnType<typeof createApp>;
  dir: string;
  /** Sends a request to the app; `body` is sent as JSON. */
  request(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string> }): Promise<Response>;
  /** Signs someone in without email (creating them if new) and returns a bearer token. */
  tokenFor(email: string, profile?: { displayName?: string; dateOfBirth?: string; isYoungPerson?: boolean; locale?: Locale }): Promise<string>;
  /** Delivers everything in the outbox to the dev mailbox and returns what arrived for `to`. */
  mailFor(to: string): Promise<(typeof devMailbox.$inferSelect)[]>;
  close(): Promise<void>;
}

export async function createHarness(options: { now?: string; config?: Partial<Config>; mailer?: (db: Db) => Mailer } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "open-door-test-"));
  const { db, client, dataVersion } = await openLibsqlFile(join(dir, "test.db"));
  await applyMigrations(db);
  const clock = fixedClock(options.now ?? "2026-03-02T09:00:00Z");
  const config = testConfig({ coordinatorEmails: [COORDINATOR], publicUrl: "https://opendoor.test", ...options.config });
  // The client address as the Worker reads it (CF-Connecting-IP), so tests can play many callers.
  // Public answers are kept while the data is unchanged, as `npm start` keeps them, so every
  // test that changes the catalogue and reads it back also checks the cache lets go.
  const deps: Deps = { db, clock, config, mailer: options.mailer?.(db) ?? devMailboxMailer(db), clientIp: workerClientIp, answers: answerCache(dataVersion!) };
  const app = createApp(deps);

  const request: Harness["request"] = (method, path, { body, token, headers } = {}) => {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h["content-type"] ??= "application/json";
    if (token) h.authorization = `Bearer ${token}`;
    return Promise.resolve(
      app.request(path, { method, headers: h, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) }),
    );
  };

  // Reading the mailbox is the test looking, not time passing: the dispatcher paces itself to
  // the provider's rate by sleeping on the test clock, so the clock is put back afterwards
  // (otherwise every sign-in a fixture makes would move "now" on by a second or two).
  const mailFor: Harness["mailFor"] = async (to) => {
    const before = clock.now();
    while ((await dispatchOutbox(deps, { limit: 100 })).sent > 0);
    clock.set(before);
    return db.select().from(devMailbox).where(eq(devMailbox.toEmail, to));
  };

  return {
    deps,
    db,
    clock,
    app,
    dir,
    request,
    mailFor,
    async tokenFor(email, profile = {}) {
      await ensurePerson(deps, { email, displayName: profile.displayName ?? email.split("@")[0]!, ...profile });
      if (profile.dateOfBirth || profile.isYoungPerson) {
        await db
          .update(people)
          .set({ dateOfBirth: profile.dateOfBirth ?? null, isYoungPerson: profile.isYoungPerson ?? true, locale: profile.locale ?? "en" })
          .where(eq(people.email, email));
      }
      await requestMagicLink(deps, email);
      const [mail] = await mailFor(email);
      const token = /sign-in\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
      await db.delete(devMailbox).where(eq(devMailbox.toEmail, email));
      return (await createSession(deps, token)).accessToken;
    },
    async close() {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads a problem+json response, failing loudly if it is not one. */
export async function problem(res: Response) {
  if (!res.headers.get("content-type")?.startsWith("application/problem+json")) {
    throw new Error(`expected problem+json, got ${res.status} ${res.headers.get("content-type")}: ${await res.text()}`);
  }
  return (await res.json()) as { type: string; title: string; status: number; detail: string; errors?: { path: string; message: string }[] } & Record<string, unknown>;
}
