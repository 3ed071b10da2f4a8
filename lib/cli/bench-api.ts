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
import { BENCH_SERVER_ENV, type LoadFigure, measureLoad } from "./bench-server-settings";

const CONNECTIONS = 32;
const SECONDS = 10;
const PORT = 3211;
const PRODUCT = "studio-over-ear-headphones";
const log = (line: string) => console.log(`[bench] ${line}`);
const base = `http://127.0.0.1:${PORT}`;

const measure = (name: string, requests: autocannon.Request[]) => measureLoad(base, name, requests, { connections: CONNECTIONS, seconds: SECONDS, log });

await ensureProductionBuild(".next", log);
const database = await prepareShopDatabase(log);
const server = await startNextServer({ distDir: ".next", port: PORT, env: { DATABASE_URL: database.url, ...BENCH_SERVER_ENV } });
const figures: LoadFigure[] = [];
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
