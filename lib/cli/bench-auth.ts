/**
 * `npm run bench:auth`: sign-in latency alone, then a flood of 200 concurrent
 * wrong-password attempts, reporting how many reached argon2, the server's peak
 * memory, and a product page's p99 during the flood against its p99 without.
 * Runs on a throw-away database (embedded unless TEST_DATABASE_URL/DATABASE_URL).
 */
import autocannon from "autocannon";
import pg from "pg";
import { seedCatalog } from "@/prisma/seed/seed-catalog";
import { applyMigrations } from "@/prisma/tools/migrations";
import { hashPassword } from "@/lib/auth/password/hashing";
import { provisionTestDatabase } from "@/lib/dev-db/provision-test-database";
import { credentialsRequest, fetchCsrf, percentile, timedSignIn } from "./auth-bench-client";
import { ensureProductionBuild, startNextServer } from "./next-server";
import { memoryMiB, serverProcessId } from "./process-memory";

const PORT = 3220;
// A fixed, bench-only field-encryption key ring (32 bytes), like the bench AUTH_SECRET.
const BENCH_FIELD_ENCRYPTION = {
  FIELD_ENCRYPTION_KEYS: `bench:${Buffer.from("bench-only-field-key-bench-only!").toString("base64")}`,
  FIELD_ENCRYPTION_CURRENT_KEY: "bench",
  // Blind indexes have their own key, never one of the encryption keys (32 bytes).
  BLIND_INDEX_KEY: Buffer.from("bench-only-blind-index-key-bench").toString("base64"),
  // The audit chain's key (a production server refuses to start without one; 32 bytes).
  AUDIT_CHAIN_KEY: Buffer.from("bench-only-audit-chain-key-bench").toString("base64"),
};
const BASE = `http://127.0.0.1:${PORT}`;
const PRODUCT = `${BASE}/products/studio-over-ear-headphones`;
const log = (line: string) => console.log(`[bench] ${line}`);

async function productP99(seconds: number) {
  const result = await autocannon({ url: PRODUCT, connections: 8, duration: seconds });
  return { p99: result.latency.p99, rps: Math.round(result.requests.average) };
}

async function countFailedSignIns(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "SecurityEvent" WHERE type = 'sign_in_failed'`);
  await client.end();
  return Number(rows[0]?.n ?? 0);
}

await ensureProductionBuild(".next", log);
const database = await provisionTestDatabase();
await applyMigrations(database.url);
await seedCatalog(database.url);
const email = "bench.shopper@example.test";
const password = "bench passphrase quartz meadow 42";
const setup = new pg.Client({ connectionString: database.url });
await setup.connect();
await setup.query(
  `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('bench-user', $1, 'Bench Shopper', $2, now())`,
  [email, await hashPassword(password)],
);
await setup.end();

const server = await startNextServer({
  distDir: ".next",
  port: PORT,
  env: { DATABASE_URL: database.url, SITE_URL: BASE, AUTH_SECRET: "bench-only-secret-bench-only-secret-0123", ...BENCH_FIELD_ENCRYPTION, LOG_LEVEL: "warn" },
});
try {
  const pid = serverProcessId(server.pid ?? 0);
  log("sign-in alone: 40 sequential sign-ins ...");
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const attempt = await timedSignIn(BASE, email, password);
    if (!attempt.signedIn) throw new Error("a correct sign-in failed during the benchmark");
    times.push(attempt.ms);
  }
  const quiet = await productP99(10);
  const before = memoryMiB(pid);

  log("flood: 200 connections posting wrong passwords for 10 s, product page measured meanwhile ...");
  const csrf = await fetchCsrf(BASE);
  const floodRequest = credentialsRequest(BASE, csrf, email, "definitely the wrong password");
  const failedBefore = await countFailedSignIns(database.url);
  const [flood, busy] = await Promise.all([
    autocannon({ ...floodRequest, connections: 200, duration: 10 }),
    productP99(10),
  ]);
  const reachedArgon2 = (await countFailedSignIns(database.url)) - failedBefore;
  const after = memoryMiB(pid);

  console.log("\nSign-in benchmark (2 cores, production build)");
  console.log(`sign-in alone:       p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms`);
  console.log(`flood attempts:      ${flood.requests.total} sent (${Math.round(flood.requests.average)}/s), ${flood.non2xx} refused or failed`);
  console.log(`reached argon2:      ${reachedArgon2} of ${flood.requests.total}`);
  console.log(`server memory:       ${before.rss} MiB before, peak ${after.peak} MiB`);
  console.log(`product page p99:    ${quiet.p99} ms without the flood (${quiet.rps} req/s), ${busy.p99} ms during it (${busy.rps} req/s)`);
} finally {
  server.kill("SIGTERM");
  await database.release();
}
process.exit(0);
