/**
 * `npm run bench:api`: throughput and tail latency of the app's API
 * (/api/v1) at 32 concurrent connections (autocannon against the production
 * build behind the shop's own HTTP server): the public catalog endpoints, and
 * the cart read by a signed-in app, where every request checks its access
 * token against the app session in the database.
 */
import { cpus } from "node:os";
import autocannon from "autocannon";
import { appAccessToken } from "./bench-api-fixtures";
import { ensureProductionBuild, startNextServer } from "./next-server";
import { prepareShopDatabase } from "./shop-database";

const CONNECTIONS = 32;
const SECONDS = 10;
const PORT = 3211;
const PRODUCT = "studio-over-ear-headphones";
// Bench-only keys, as bench:catalog uses.
const BENCH_KEYS = {
  FIELD_ENCRYPTION_KEYS: `bench:${Buffer.from("bench-only-field-key-bench-only!").toString("base64")}`,
  FIELD_ENCRYPTION_CURRENT_KEY: "bench",
  BLIND_INDEX_KEY: Buffer.from("bench-only-blind-index-key-bench").toString("base64"),
  AUDIT_CHAIN_KEY: Buffer.from("bench-only-audit-chain-key-bench").toString("base64"),
  ALTCHA_HMAC_KEY: "bench-only-altcha-key-bench-only-altcha",
};
const log = (line: string) => console.log(`[bench] ${line}`);
const base = `http://127.0.0.1:${PORT}`;

type Figure = { name: string; requestsPerSecond: number; p50: number; p99: number; errors: number };

async function measure(name: string, requests: autocannon.Request[]): Promise<Figure> {
  const run = (duration: number) => autocannon({ url: base, connections: CONNECTIONS, duration, requests });
  await run(2); // warm-up
  log(`${name}: ${SECONDS} s at ${CONNECTIONS} connections ...`);
  const result = await run(SECONDS);
  return { name, requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

await ensureProductionBuild(".next", log);
const database = await prepareShopDatabase(log);
const server = await startNextServer({ distDir: ".next", port: PORT, env: { DATABASE_URL: database.url, AUTH_SECRET: "bench-only-secret-bench-only-secret-0123", ...BENCH_KEYS } });
const figures: Figure[] = [];
try {
  const token = await appAccessToken(database.url, PRODUCT);
  const bearer = { authorization: `Bearer ${token}` };
  figures.push(await measure("GET /api/v1/products", [{ path: "/api/v1/products?limit=20" }]));
  figures.push(await measure("GET /api/v1/products/{slug}", [{ path: `/api/v1/products/${PRODUCT}` }]));
  figures.push(await measure("GET /api/v1/search?q=", [{ path: "/api/v1/search?q=headphones" }]));
  figures.push(await measure("GET /api/v1/cart (bearer)", [{ path: "/api/v1/cart", headers: bearer }]));
} finally {
  server.kill("SIGTERM");
  await database.stop();
}

console.log(`\nAPI benchmark (${CONNECTIONS} connections, ${SECONDS} s each, production build, ${cpus().length} cores)`);
console.log("endpoint                          req/s   p50 ms   p99 ms   errors");
for (const f of figures) {
  console.log(`${f.name.padEnd(31)} ${String(f.requestsPerSecond).padStart(7)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.errors).padStart(8)}`);
}
process.exit(0);
