import { spawn } from "node:child_process";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestDatabase, type TestDatabase } from "@/lib/dev-db/provision-test-database";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { childProcessEnv } from "@/lib/env";
import { applyMigrations } from "@/prisma/tools/migrations";
import { buildRuntimeBundles } from "./runtime-bundles";

/**
 * Exit statuses as a scheduler or CI step sees them: each command runs through
 * `npm run`, exactly as documented, against a throw-away database, and a
 * failure must end with a non-zero status (not only print that it failed).
 */
requireTestDatabaseUrl();
let database: TestDatabase;

beforeAll(async () => {
  // The npm scripts run the built commands (dist/): build them from the current sources.
  await buildRuntimeBundles();
  database = await provisionTestDatabase();
  await applyMigrations(database.url);
}, 120_000);
afterAll(async () => {
  await database?.release();
});

type Outcome = { code: number | null; output: string };

function npmRun(script: string, args: string[] = []): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], {
      env: childProcessEnv({ DATABASE_URL: database.url, NODE_ENV: "test", LOG_LEVEL: "silent" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function sql(text: string): Promise<{ n: number }[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(text)).rows;
  } finally {
    await client.end();
  }
}

describe("npm scripts' exit statuses", () => {
  it("audit:verify exits 0 on an intact log and non-zero on a broken one", async () => {
    const intact = await npmRun("audit:verify");
    expect(intact.output).toMatch(/intact/);
    expect(intact.code).toBe(0);

    // An entry forged straight into the table (inserts pass the append-only trigger) breaks the chain.
    await sql(`INSERT INTO "AuditEntry" ("createdAt", action, outcome, "prevHash", hash, "hashVersion")
               VALUES (now(), 'order.refunded', 'success', repeat('0', 64), repeat('f', 64), 2)`);
    const broken = await npmRun("audit:verify");
    expect(broken.output).toMatch(/BROKEN/);
    expect(broken.code).toBe(1);
  }, 120_000);

  it("staff:create exits non-zero on invalid arguments and creates nobody", async () => {
    const badEmail = await npmRun("staff:create", ["--email", "not-an-email", "--role", "owner", "--setup-link"]);
    expect(badEmail.output).toMatch(/valid --email/);
    expect(badEmail.code).toBe(2);

    const badRole = await npmRun("staff:create", ["--email", "new.owner@example.test", "--role", "emperor", "--setup-link"]);
    expect(badRole.output).toMatch(/--role must be one of/);
    expect(badRole.code).toBe(2);

    expect(await sql(`SELECT count(*)::int AS n FROM "User" WHERE kind = 'staff'`)).toEqual([{ n: 0 }]);
  }, 120_000);
});
