/**
 * `npm test`: every suite against a real PostgreSQL and a real browser —
 * lint, type check, the runtime bundles (dist/: server, worker, commands),
 * unit and integration tests (vitest), a production build, end-to-end tests
 * (Playwright in Chromium, against the built server and worker) and the
 * compose file check — on a fresh database that is dropped afterwards. Ends
 * with `N passed, N failed`.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { seedCatalog } from "@/prisma/seed/seed-catalog";
import { applyMigrations } from "@/prisma/tools/migrations";
import { provisionTestDatabase } from "@/lib/dev-db/provision-test-database";
import { ensureChromium } from "./chromium";
import { composeClient } from "./compose-client";
import { run } from "./processes";
import { playwrightResult, singleCheck, type SuiteResult, totals, vitestResult } from "./test-results";

const log = (line: string) => console.log(`\n[test] ${line}`);
const resultsDir = "test-results";
const distDir = ".next-test";
const results: SuiteResult[] = [];

await rm(resultsDir, { recursive: true, force: true });
await mkdir(resultsDir, { recursive: true });

log("Lint");
// `npm run lint` is ESLint and the dependency rules (.dependency-cruiser.cjs): one definition of lint.
results.push(singleCheck("lint", await run("npm", ["run", "--silent", "lint"])));
log("Type check");
results.push(singleCheck("typecheck", await run("tsc", ["--noEmit"])));
// Before vitest, whose command tests run the built commands, and Playwright, which runs the built server and worker.
log("Runtime bundles");
results.push(singleCheck("runtime build", await run("npm", ["run", "--silent", "build:runtime"])));

const database = await provisionTestDatabase();
log(`Test database: ${database.where}`);
try {
  await applyMigrations(database.url);
  await seedCatalog(database.url);
  const dbEnv = { DATABASE_URL: database.url, LOG_LEVEL: "silent" };

  log("Unit and integration tests (vitest)");
  const unitReport = `${resultsDir}/unit-results.json`;
  const unitExit = await run(
    "vitest",
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`],
    dbEnv,
  );
  results.push(vitestResult("unit+integration", unitReport, unitExit));

  log("Production build");
  const buildExit = await run("next", ["build"], { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" });
  results.push(singleCheck("build", buildExit));

  const chromium = await ensureChromium(log);
  if (buildExit !== 0 || !chromium) {
    results.push({ suite: "e2e", passed: 0, failed: 1, note: buildExit !== 0 ? "build failed" : "no Chromium" });
  } else {
    log("End-to-end tests (Playwright, Chromium)");
    const e2eExit = await run("playwright", ["test"], { ...dbEnv, NEXT_DIST_DIR: distDir, CHROMIUM_PATH: chromium });
    results.push(playwrightResult("e2e", `${resultsDir}/e2e-results.json`, e2eExit));
  }
} finally {
  await database.release();
}

// The compose file is schema-checked by vitest everywhere; a real Compose client adds its own check when present.
const compose = await composeClient();
if (compose) {
  log(`${compose.join(" ")} config`);
  const [command = "docker", ...args] = compose;
  const required = {
    POSTGRES_PASSWORD: "check",
    DATABASE_OWNER_PASSWORD: "check",
    DATABASE_APP_PASSWORD: "check",
    AUTH_SECRET: "check",
    ALTCHA_HMAC_KEY: "check",
    FIELD_ENCRYPTION_KEYS: "check",
    FIELD_ENCRYPTION_CURRENT_KEY: "check",
    BLIND_INDEX_KEY: "check",
    AUDIT_CHAIN_KEY: "check",
    STRIPE_WEBHOOK_SECRET: "check",
  };
  results.push(singleCheck("compose", await run(command, [...args, "config", "-q"], required)));
} else {
  log("docker compose config: unavailable (no Compose client on this machine); not counted");
}

const sum = totals(results);
await writeFile(`${resultsDir}/totals.json`, JSON.stringify({ ...sum, suites: results }, null, 2));
console.log("\nSuite results:");
for (const r of results) console.log(`  ${r.suite.padEnd(18)} ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ""}`);
console.log(`${sum.passed} passed, ${sum.failed} failed`);
process.exit(sum.failed === 0 ? 0 : 1);
