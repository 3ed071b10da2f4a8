import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { builtinModules } from "node:module";
import { join } from "node:path";
import type { Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestDatabase, type TestDatabase } from "@/lib/dev-db/provision-test-database";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { childProcessEnv } from "@/lib/env";
import { buildRuntimeBundles } from "./runtime-bundles";
import { runtimeEntries } from "./runtime-entries";

/**
 * The runtime bundles (dist/) are what production runs with plain `node`: built here into a
 * folder of their own, checked to need nothing but Node and the production dependencies,
 * and run against a fresh database.
 */
requireTestDatabaseUrl();
const outdir = join(".vitest", `runtime-${process.pid}`);
const productionDependencies = Object.keys(
  (JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> }).dependencies,
);
let metafile: Metafile;
let database: TestDatabase;

beforeAll(async () => {
  metafile = (await buildRuntimeBundles(outdir)).metafile as Metafile;
  database = await provisionTestDatabase();
}, 120_000);
afterAll(async () => {
  await database?.release();
  await rm(outdir, { recursive: true, force: true });
});

const packageName = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

type Outcome = { code: number | null; output: string };

function runBuilt(entry: string, env: Record<string, string>): { child: ChildProcess; done: Promise<Outcome> } {
  const child = spawn(process.execPath, ["--conditions=react-server", join(outdir, `${entry}.js`)], {
    env: childProcessEnv({ NODE_ENV: "production", LOG_LEVEL: "warn", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<Outcome>((resolve) => child.on("exit", (code) => resolve({ code, output })));
  return { child, done };
}

describe("the runtime bundles", () => {
  it("compile every entry point to JavaScript that imports only Node's modules and production dependencies", () => {
    const outputs = Object.keys(metafile.outputs).filter((file) => file.endsWith(".js"));
    for (const entry of Object.keys(runtimeEntries)) expect(outputs).toContain(join(outdir, `${entry}.js`));

    const externals = new Set(
      Object.values(metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path)),
    );
    const outsideProduction = [...externals].filter(
      (specifier) => !specifier.startsWith("node:") && !builtinModules.includes(specifier) && !productionDependencies.includes(packageName(specifier)),
    );
    expect(outsideProduction).toEqual([]);
    expect([...externals].filter((specifier) => /\.(m|c)?tsx?$/.test(specifier) || /(^|\/)tsx(\/|$)/.test(specifier))).toEqual([]);
    // The project's own TypeScript is compiled in: no source file is loaded at run time.
    for (const file of outputs) expect(readFileSync(file, "utf8")).not.toMatch(/from\s*["'][^"']*\.tsx?["']|import\(\s*["'][^"']*\.tsx?["']/);
  });

  it("db:migrate migrates an empty database, and db:seed seeds it", async () => {
    const migrated = await runBuilt("db-migrate", { DATABASE_URL: database.url }).done;
    expect(migrated.output).toMatch(/Applied: \d{14}_/);
    expect(migrated.code).toBe(0);
    const again = await runBuilt("db-migrate", { DATABASE_URL: database.url }).done;
    expect(again.output).toMatch(/up to date/);

    const seeded = await runBuilt("db-seed", { DATABASE_URL: database.url }).done;
    expect(seeded.output).toMatch(/Catalog seeded: 5 categories, 32 products/);
    expect(seeded.code).toBe(0);
  }, 120_000);

  it("the worker starts, answers its health check, and stops cleanly on SIGTERM", async () => {
    const healthPort = 30_000 + (process.pid % 20_000);
    const { child, done } = runBuilt("worker", {
      DATABASE_URL: database.url,
      WORKER_HEALTH_PORT: String(healthPort),
      SMTP_URL: "smtp://127.0.0.1:9",
      SITE_URL: "https://shop.example.test",
      FIELD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
      FIELD_ENCRYPTION_CURRENT_KEY: "k1",
      BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString("base64"),
      AUDIT_CHAIN_KEY: Buffer.alloc(32, 3).toString("base64"),
      STRIPE_WEBHOOK_SECRET: "whsec_runtime_bundle_check",
    });
    let healthy = false;
    for (let attempt = 0; attempt < 200 && !healthy && child.exitCode === null; attempt++) {
      healthy = await fetch(`http://127.0.0.1:${healthPort}/`).then((response) => response.ok, () => false);
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill("SIGTERM");
    const outcome = await done;
    expect(healthy, outcome.output).toBe(true);
    expect(outcome.code).toBe(0);
  }, 60_000);
});
