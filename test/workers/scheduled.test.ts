import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/worker";
import { mailCount } from "./flow";

describe("the Worker's minute cron on D1", () => {
  it("sends queued email and clears expired Idempotency-Keys", async () => {
    const to = "cron@example.com";
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare("insert into outbox (id, template, to_email, locale, payload, next_attempt_at, created_at) values (?, 'magic_link', ?, 'en', ?, ?, ?)").bind(
        "msg_cron_1",
        to,
        JSON.stringify({ url: "https://opendoor.test/sign-in/cron" }),
        now - 1,
        now - 1,
      ),
      env.DB.prepare("insert into idempotency_keys (key, scope, method, path, request_hash, status, expires_at, created_at) values ('old', 'anonymous', 'POST', '/x', 'h', 'done', ?, ?)").bind(now - 1, now - 86_400_001),
    ]);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: "* * * * *" }), { ...env }, ctx);
    await waitOnExecutionContext(ctx);

    expect(await mailCount(to)).toBe(1);
    const sent = await env.DB.prepare("select status from outbox where id = 'msg_cron_1'").first<{ status: string }>();
    expect(sent?.status).toBe("sent");
    expect(await env.DB.prepare("select key from idempotency_keys where key = 'old'").first()).toBeNull();
  });
});
