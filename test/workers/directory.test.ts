// The directory on D1: a partner's proposal, a coordinator's approval (the guarded batch with
// insert-select and its conditional audit row), and the Open Referral UK feed.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, COORDINATOR, signIn } from "./flow";

const KEY = "od_k_directory_workers_test_key_0123456";

async function sha256Hex(value: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("the directory on D1", () => {
  it("keeps a partner's service private until a coordinator approves it, then serves it, also as Open Referral UK", async () => {
    await env.DB.prepare("insert into organisations (id, type, name) values ('org_dw', 'community', 'Workers Pantry')").run();
    await env.DB.prepare("insert into api_keys (id, organisation_id, name, prefix, key_hash) values ('key_dw', 'org_dw', 't', 'od_k_dir', ?)").bind(await sha256Hex(KEY)).run();
    const proposed = await call("POST", "/api/v1/directory/services", {
      token: KEY,
      body: { organisationId: "org_dw", categoryId: "food", name: { en: "Workers pantry" }, description: { en: "Food" }, hours: [{ day: 1, opens: "10:00", closes: "12:00" }] },
    });
    expect(proposed.status).toBe(202);
    const change = (await proposed.json()) as { id: string; serviceId: string };
    expect((await call("GET", `/api/v1/directory/services/${change.serviceId}`)).status).toBe(404);

    const coordinator = await signIn(COORDINATOR);
    expect((await call("POST", `/api/v1/directory/changes/${change.id}/approve`, { token: coordinator })).status).toBe(200);
    expect((await call("POST", `/api/v1/directory/changes/${change.id}/approve`, { token: coordinator })).status).toBe(409);
    const shown = await call("GET", `/api/v1/directory/services/${change.serviceId}`);
    expect(shown.status).toBe(200);
    const audit = await env.DB.prepare("select count(*) as n from audit_log where subject_id = ? and action = 'directory.change.approved'").bind(change.id).first<{ n: number }>();
    expect(audit!.n).toBe(1);

    const feed = await call("GET", "/api/v1/oruk/services");
    const page = (await feed.json()) as { total_items: number; contents: { name: string }[] };
    expect(page.contents.map((s) => s.name)).toContain("Workers pantry");
  });
});
