/**
 * `npm run bench:catalog`: throughput and tail latency of the catalog under
 * load — requests/s and p99 for the product page and the home page at 32
 * concurrent connections (autocannon against `next start`), beside a static
 * file from public/ on the same server as the ceiling.
 */
import autocannon from "autocannon";
import { ensureProductionBuild, startNextServer } from "./next-server";
import { prepareShopDatabase } from "./shop-database";

const CONNECTIONS = 32;
const SECONDS = 10;
const PORT = 3210;
// A fixed, bench-only field-encryption key ring (32 bytes), like the bench AUTH_SECRET.
const BENCH_FIELD_ENCRYPTION = {
  FIELD_ENCRYPTION_KEYS: `bench:${Buffer.from("bench-only-field-key-bench-only!").toString("base64")}`,
  FIELD_ENCRYPTION_CURRENT_KEY: "bench",
  // Blind indexes have their own key, never one of the encryption keys (32 bytes).
  BLIND_INDEX_KEY: Buffer.from("bench-only-blind-index-key-bench").toString("base64"),
  // The audit chain's key (a production server refuses to start without one; 32 bytes).
  AUDIT_CHAIN_KEY: Buffer.from("bench-only-audit-chain-key-bench").toString("base64"),
};
const log = (line: string) => console.log(`[bench] ${line}`);

const targets = [
  { name: "product page", path: "/products/studio-over-ear-headphones" },
  { name: "home page", path: "/" },
  { name: "static file (ceiling)", path: "/products/studio-over-ear-headphones.svg" },
];

type Figure = { name: string; requestsPerSecond: number; p50: number; p99: number; errors: number };

async function measure(url: string, duration: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration });
}

await ensureProductionBuild(".next", log);
const database = await prepareShopDatabase(log);
const server = await startNextServer({
  distDir: ".next",
  port: PORT,
  env: { DATABASE_URL: database.url, AUTH_SECRET: "bench-only-secret-bench-only-secret-0123", ...BENCH_FIELD_ENCRYPTION },
});
const figures: Figure[] = [];
try {
  for (const target of targets) {
    const url = `http://127.0.0.1:${PORT}${target.path}`;
    await measure(url, 2); // warm-up: JIT, connection pool, file cache
    log(`${target.name}: ${SECONDS} s at ${CONNECTIONS} connections ...`);
    const result = await measure(url, SECONDS);
    figures.push({
      name: target.name,
      requestsPerSecond: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  }
} finally {
  server.kill("SIGTERM");
  await database.stop();
}

console.log(`\nCatalog benchmark (${CONNECTIONS} connections, ${SECONDS} s each, production build)`);
console.log("target                   req/s   p50 ms   p99 ms   errors");
for (const f of figures) {
  console.log(
    `${f.name.padEnd(22)} ${String(f.requestsPerSecond).padStart(7)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.errors).padStart(8)}`,
  );
}
process.exit(0);
