import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { writeWorkerAssets } from "./src/worker-assets";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  // The Worker reads its message catalogues and serves the QR decoder from its static assets,
  // which wrangler's [build] writes for a deploy but the workers pool does not run: write them
  // here, from the same sources Node uses, before the pool reads the directory.
  writeWorkerAssets();
  return {
    test: {
      projects: [
        {
          test: {
            name: "node",
            include: ["src/**/*.test.ts", "test/**/*.test.ts", "emails/**/*.test.ts"],
            exclude: ["test/workers/**", "test/browser/**", "node_modules/**"],
            environment: "node",
            testTimeout: 30_000,
            hookTimeout: 30_000,
          },
        },
        {
          // Real Chromium (Debian's /usr/bin/chromium) against the Node server: axe scans,
          // keyboard flows, screenshots. Its own project so it runs alone, not beside the unit tests.
          test: {
            name: "browser",
            include: ["test/browser/**/*.test.ts"],
            environment: "node",
            testTimeout: 180_000,
            hookTimeout: 60_000,
          },
        },
        {
          plugins: [
            cloudflareTest({
              main: "./src/worker.ts",
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  COORDINATOR_EMAILS: "coordinator@opendoor.test",
                  PUBLIC_URL: "https://opendoor.test",
                  DEV_MAILBOX: "1",
                },
              },
            }),
          ],
          test: {
            name: "workers",
            include: ["test/workers/**/*.test.ts"],
            setupFiles: ["./test/workers/apply-migrations.ts"],
            testTimeout: 30_000,
          },
        },
      ],
    },
  };
});
