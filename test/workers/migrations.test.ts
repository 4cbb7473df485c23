import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { expectedSchema } from "../support/expected-schema";

describe("migrations on D1", () => {
  it("create every table and column of src/db/schema.ts", async () => {
    for (const [table, columns] of Object.entries(expectedSchema())) {
      const { results } = await env.DB.prepare(`select name from pragma_table_info(?)`).bind(table).all<{ name: string }>();
      expect(results.map((r) => r.name).sort(), table).toEqual(columns);
    }
  });
});
