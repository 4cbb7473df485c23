import type { Deps } from "./lib/deps";
import { logFault } from "./lib/log";
import { dispatchOutbox } from "./features/notifications/outbox";
import { anonymiseExpiredAttendees } from "./features/privacy/retention";
import { eraseUnconfirmedJoins } from "./features/privacy/unconfirmed-joins";
import { markNoShows } from "./features/attendance/no-shows";
import { purgeExpiredIdempotencyKeys } from "./lib/idempotency";
import { expireHolds } from "./features/bookings/expiry";
import { sendReminders } from "./features/notifications/reminders";
import { planClosedCarousels } from "./features/carousels/plan";
import { fanOutWebhookEvents } from "./features/webhooks/events";
import { dispatchWebhooks } from "./features/webhooks/deliver";

/**
 * Everything the minute cron (Worker `scheduled`) and the Node timer run. Each job is
 * idempotent: running it twice, or twice at once, changes nothing more than running it once.
 * Jobs that change state run before the dispatcher, so the messages they cause go out now.
 */
export const SCHEDULED_JOBS: ReadonlyArray<{ name: string; run: (deps: Deps) => Promise<unknown> }> = [
  { name: "expire-holds", run: (deps) => expireHolds(deps) },
  { name: "no-shows", run: (deps) => markNoShows(deps) },
  { name: "retention", run: anonymiseExpiredAttendees },
  { name: "unconfirmed-joins", run: eraseUnconfirmedJoins },
  { name: "idempotency_keys", run: purgeExpiredIdempotencyKeys },
  { name: "reminders", run: (deps) => sendReminders(deps) },
  { name: "carousel-plans", run: planClosedCarousels },
  { name: "outbox", run: (deps) => dispatchOutbox(deps, { limit: 50 }) },
  // After the jobs above, so the changes they made this minute are heard this minute too.
  { name: "webhook-events", run: fanOutWebhookEvents },
  { name: "webhooks", run: (deps) => dispatchWebhooks(deps, { limit: 50 }) },
];

export async function runScheduledJobs(deps: Deps): Promise<Record<string, string>> {
  const outcome: Record<string, string> = {};
  for (const job of SCHEDULED_JOBS) {
    try {
      outcome[job.name] = JSON.stringify(await job.run(deps));
    } catch (err) {
      // One failing job must not stop the others (a stuck outbox must not stop expiries).
      logFault(`scheduled job ${job.name} failed`, err);
      outcome[job.name] = "failed";
    }
  }
  return outcome;
}
