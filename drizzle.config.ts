import { defineConfig } from "drizzle-kit";

// `drizzle-kit generate` needs only the schema. `drizzle-kit migrate` applies migrations/ to
// Turso when TURSO_DATABASE_URL is set (production on Workers), else to the local libSQL file
// that `npm start` uses (which also applies them itself at start).
const turso = process.env.TURSO_DATABASE_URL;

export default turso
  ? defineConfig({
      dialect: "turso",
      schema: "./src/db/schema.ts",
      out: "./migrations",
      dbCredentials: { url: turso, authToken: process.env.TURSO_AUTH_TOKEN },
    })
  : defineConfig({
      dialect: "sqlite",
      schema: "./src/db/schema.ts",
      out: "./migrations",
      dbCredentials: { url: process.env.DATABASE_URL ?? "./data/open-door.db" },
    });
