// Property-based: whatever arrives at a JSON endpoint, the answer is never a 5xx, and a
// refused request changes nothing stored. Driven from the OpenAPI document, so every route
// added later is covered without editing this file.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../src/db/seed";
import { COORDINATOR, createHarness, type Harness } from "./support/harness";

let h: Harness;
const tokens: Record<string, string> = {};

// Real ids from the demo data, so bodies reach the domain rules, not just the 404 branch.
const SAMPLE_IDS: Record<string, string> = {
  organisations: "org_riverside",
  events: "evt_cv",
  sessions: "ses_cv_1",
  venues: "ven_library",
  mentors: "mtr_dee",
  "mentoring-slots": "slt_dee_1",
  "group-bookings": "bkg_missing",
  bookings: "bkg_missing",
  consents: "not-a-token",
  outbox: "msg_missing",
};

interface Operation {
  method: string;
  path: string;
}

async function snapshot(): Promise<string> {
  const tables = (await h.db.all(sql`select name from sqlite_master where type = 'table' and name not like '\\_%' escape '\\' and name not like 'sqlite%'`)) as { name: string }[];
  const parts: string[] = [];
  for (const { name } of tables) {
    if (name === "idempotency_keys") continue;
    const rows = await h.db.all(sql.raw(`select * from "${name}" order by rowid`));
    parts.push(`${name}:${JSON.stringify(rows)}`);
  }
  return parts.join("\n");
}

const hostileValue = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constant("x".repeat(70_000)),
  fc.constantFrom("", " ", "\u0000", "\u202e", "💥".repeat(300), "<script>alert(1)</script>", "'; drop table bookings; --", "NaN", "1e309", "__proto__"),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e21),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 20 }),
  fc.object({ maxDepth: 2 }),
);

const hostileBody = fc.oneof(
  fc.dictionary(
    fc.constantFrom("email", "token", "name", "type", "title", "capacity", "startsAt", "endsAt", "pupils", "staff", "schoolId", "status", "role", "seats", "personId", "decision", "rating", "dateOfBirth", "__proto__", "constructor"),
    hostileValue,
    { maxKeys: 8 },
  ),
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom("not json", "{", "[]", "null", '{"a":', "\u0000"),
);

beforeAll(async () => {
  h = await createHarness({ now: new Date().toISOString() });
  await seedDemoData(h.db, h.clock.now());
  tokens.coordinator = await h.tokenFor(COORDINATOR);
  tokens.school = await h.tokenFor("j.khan@riverside.example");
  tokens.youngPerson = await h.tokenFor("aisha@example.com");
});
afterAll(() => h.close());

async function operations(): Promise<Operation[]> {
  const doc = (await (await h.request("GET", "/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => ["post", "patch", "put"].includes(m))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
}

function concretePath(path: string): string {
  return `/api/v1${path.replace(/\{(\w+)\}/g, (_m, _name, offset: number) => {
    const segment = path.slice(0, offset).split("/").filter(Boolean).at(-1) ?? "";
    return SAMPLE_IDS[segment] ?? "missing_id";
  })}`;
}

describe("hostile input", () => {
  it("finds JSON endpoints to attack in the OpenAPI document", async () => {
    expect((await operations()).length).toBeGreaterThan(3);
  });

  it("never answers 5xx and never changes stored data when it refuses", async () => {
    const ops = await operations();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ops), fc.constantFrom("coordinator", "school", "youngPerson", "anonymous"), hostileBody, async (op, who, body) => {
        const before = await snapshot();
        const res = await h.request(op.method, concretePath(op.path), {
          body: typeof body === "string" ? body : JSON.stringify(body ?? null),
          token: tokens[who],
        });
        const text = await res.text();
        expect(res.status, `${op.method} ${op.path} as ${who}: ${text.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
          expect(await snapshot(), `${op.method} ${op.path} refused with ${res.status} but changed data`).toBe(before);
        }
      }),
      { numRuns: 300, seed: Number(process.env.FC_SEED ?? 20261123) },
    );
  });
});
