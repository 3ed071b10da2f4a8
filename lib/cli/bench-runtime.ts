/**
 * `npm run bench:runtime`: what the built web process costs. Start-up time
 * (spawn of `node dist/http-server.js` to the first 200 on /robots.txt, the
 * median of three starts) and its resident memory (VmRSS) right after start,
 * after a warm-up over the shop's public pages and 30 s of rest, and at its peak.
 */
import type { ChildProcess } from "node:child_process";
import { ensureProductionBuild } from "./next-server";
import { memoryMiB } from "./process-memory";
import { startProcess } from "./processes";
import { runtimeNodeArgs } from "./runtime-entries";
import { prepareShopDatabase } from "./shop-database";

const PORT = 3211;
const STARTS = 3;
const WARM_UP_ROUNDS = 20;
// V8 gives memory back some seconds after allocation stops (its memory reducer): rest long enough to see it.
const REST_MS = 30_000;
const SAMPLE_MS = 5_000;
const log = (line: string) => console.log(`[bench] ${line}`);
// Bench-only secrets (a production server refuses to start without them).
const BENCH_ENV = {
  AUTH_SECRET: "bench-only-secret-bench-only-secret-0123",
  FIELD_ENCRYPTION_KEYS: `bench:${Buffer.from("bench-only-field-key-bench-only!").toString("base64")}`,
  FIELD_ENCRYPTION_CURRENT_KEY: "bench",
  BLIND_INDEX_KEY: Buffer.from("bench-only-blind-index-key-bench").toString("base64"),
  AUDIT_CHAIN_KEY: Buffer.from("bench-only-audit-chain-key-bench").toString("base64"),
  STRIPE_WEBHOOK_SECRET: "whsec_bench_only_webhook_secret",
};
const pages = ["/", "/products/studio-over-ear-headphones", "/category/audio", "/search?q=lamp", "/cart", "/sign-in", "/sign-up"];
const base = `http://127.0.0.1:${PORT}`;

async function status(path: string): Promise<number> {
  try {
    const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Spawns the built server; resolves once /robots.txt answers 200, with the time that took. */
async function startServer(databaseUrl: string): Promise<{ server: ChildProcess; ms: number }> {
  const started = performance.now();
  const server = startProcess(process.execPath, runtimeNodeArgs("http-server", [String(PORT)]), {
    ...BENCH_ENV,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXT_DIST_DIR: ".next",
    NEXT_TELEMETRY_DISABLED: "1",
    SITE_URL: base,
    LOG_LEVEL: "warn",
  });
  while ((await status("/robots.txt")) !== 200) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    if (performance.now() - started > 60_000) throw new Error("the server did not answer within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { server, ms: performance.now() - started };
}

async function stop(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

await ensureProductionBuild(".next", log);
const database = await prepareShopDatabase(log);
try {
  const startUps: number[] = [];
  for (let run = 1; run < STARTS; run++) {
    const { server, ms } = await startServer(database.url);
    startUps.push(ms);
    await stop(server);
  }
  const { server, ms } = await startServer(database.url);
  startUps.push(ms);
  const pid = server.pid ?? 0;
  const fresh = memoryMiB(pid);
  log(`warm-up: ${WARM_UP_ROUNDS} rounds over ${pages.length} pages, then ${REST_MS / 1000} s of rest ...`);
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    const statuses = await Promise.all(pages.map(status));
    const failed = pages.filter((_page, index) => statuses[index] !== 200);
    if (failed.length) throw new Error(`not 200: ${failed.join(", ")}`);
  }
  const samples: number[] = [];
  for (let waited = 0; waited < REST_MS; waited += SAMPLE_MS) {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    samples.push(memoryMiB(pid).rss);
  }
  const rested = memoryMiB(pid);
  await stop(server);

  const median = [...startUps].sort((a, b) => a - b)[Math.floor(STARTS / 2)] ?? 0;
  console.log(`\nWeb process (node ${runtimeNodeArgs("http-server").join(" ")}, production build)`);
  console.log(`  start-up to the first 200       ${Math.round(median)} ms (median of ${STARTS}: ${startUps.map(Math.round).join(", ")} ms)`);
  console.log(`  resident memory after start     ${fresh.rss} MiB`);
  console.log(`  resident memory after warm-up   ${rested.rss} MiB after ${REST_MS / 1000} s at rest (every ${SAMPLE_MS / 1000} s: ${samples.join(", ")})`);
  console.log(`  peak resident memory            ${rested.peak} MiB`);
} finally {
  await database.stop();
}
process.exit(0);
