import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { applyMigrations, MIGRATIONS_DIR, openLibsqlFile } from "../src/db/libsql-node";
import { createHarness, type Harness } from "./support/harness";
import { expectedSchema } from "./support/expected-schema";
import { mentors, venues } from "../src/db/schema";

// The same files are applied to D1 in test/workers/migrations.test.ts.
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("migrations on libSQL", () => {
  it("create every table and column of src/db/schema.ts", async () => {
    const tables = expectedSchema();
    expect(Object.keys(tables).length).toBeGreaterThan(10);
    for (const [table, columns] of Object.entries(tables)) {
      const rows = (await h.db.all(sql`select name from pragma_table_info(${table})`)) as { name: string }[];
      expect(rows.map((r) => r.name).sort(), table).toEqual(columns);
    }
  });

  it("are applied once: running them again changes nothing", async () => {
    await applyMigrations(h.db);
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const [{ n }] = (await h.db.all(sql`select count(*) as n from __drizzle_migrations`)) as [{ n: number }];
    expect(n).toBe(journal.entries.length);
  });

  it("upgrade a deployed database: notes written before they had a language read as English", async () => {
    const dir = mkdtempSync(join(tmpdir(), "open-door-upgrade-"));
    try {
      // The migrations as deployed before 0002: the same files, the journal cut there.
      const deployed = join(dir, "migrations");
      cpSync(MIGRATIONS_DIR, deployed, { recursive: true });
      const journalPath = join(deployed, "meta/_journal.json");
      const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
      journal.entries = journal.entries.filter((e) => e.tag < "0002_you_said_we_did_locale");
      writeFileSync(journalPath, JSON.stringify(journal));

      const { db, client } = await openLibsqlFile(join(dir, "deployed.db"));
      await migrate(db, { migrationsFolder: deployed });
      await db.run(sql`insert into organisations (id, type, name) values ('org_old', 'community', 'Old Hall')`);
      await db.run(sql`insert into events (id, type, title, description, host_organisation_id) values ('evt_old', 'community_event', '{"en":"Fair"}', '{"en":"x"}', 'org_old')`);
      await db.run(sql`insert into you_said_we_did (id, event_id, you_said, we_did) values ('ysw_old', 'evt_old', 'Too loud', 'Quiet room')`);

      await applyMigrations(db);
      expect(await db.all(sql`select id, locale from you_said_we_did`)).toEqual([{ id: "ysw_old", locale: "en" }]);
      client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("upgrade a deployed database: venue transport notes and mentor bios written in one language become English", async () => {
    const dir = mkdtempSync(join(tmpdir(), "open-door-upgrade-"));
    try {
      // The migrations as deployed before venue directions: the journal cut just before them.
      const deployed = join(dir, "migrations");
      cpSync(MIGRATIONS_DIR, deployed, { recursive: true });
      const journalPath = join(deployed, "meta/_journal.json");
      const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
      journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag.endsWith("_venue_directions")));
      writeFileSync(journalPath, JSON.stringify(journal));

      const { db, client } = await openLibsqlFile(join(dir, "deployed.db"));
      await migrate(db, { migrationsFolder: deployed });
      await db.run(sql`insert into organisations (id, type, name) values ('org_old', 'employer', 'Old Works')`);
      await db.run(sql`insert into venues (id, name, address, postcode, public_transport) values ('ven_old', 'Old Hall', '1 Road', 'RV1 2LB', 'Bus 5 "to" the {hall}')`);
      await db.run(sql`insert into venues (id, name, address, postcode) values ('ven_bare', 'Bare Hall', '2 Road', 'RV1 2LB')`);
      await db.run(sql`insert into mentors (id, organisation_id, display_name, email, bio) values ('mtr_old', 'org_old', 'Dee', 'dee@old.example', 'Ask me about trades.')`);

      await applyMigrations(db);
      const rows = await db.select({ id: venues.id, publicTransport: venues.publicTransport, directions: venues.directions }).from(venues).orderBy(venues.id);
      expect(rows).toEqual([
        { id: "ven_bare", publicTransport: { en: "" }, directions: null },
        { id: "ven_old", publicTransport: { en: 'Bus 5 "to" the {hall}' }, directions: null },
      ]);
      expect((await db.select({ bio: mentors.bio }).from(mentors))[0]!.bio).toEqual({ en: "Ask me about trades." });
      client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
