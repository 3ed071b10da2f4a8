/**
 * `npm run bench:catalog`: throughput and tail latency of the catalog's shared
 * pages (product, home, category) at 32 concurrent connections (autocannon
 * against the production build behind the shop's own HTTP server), beside a
 * static file of the build on the same server as the ceiling, with the
 * product page's rate as a fraction of it; the same with a signed-in shopper's
 * island requests mixed in; and the time from a price change to the new price
 * on the product page.
 */
import { cpus } from "node:os";
import autocannon from "autocannon";
import { setPrice, signedInShopperCookie } from "./bench-catalog-fixtures";
import { ensureProductionBuild, startNextServer } from "./next-server";
import { prepareShopDatabase } from "./shop-database";
import { BENCH_SERVER_ENV, type LoadFigure, measureLoad } from "./bench-server-settings";

const CONNECTIONS = 32;
const SECONDS = 10;
const PORT = 3210;
const PRODUCT = "studio-over-ear-headphones";
const log = (line: string) => console.log(`[bench] ${line}`);
const base = `http://127.0.0.1:${PORT}`;

const measure = (name: string, requests: autocannon.Request[]) => measureLoad(base, name, requests, { connections: CONNECTIONS, seconds: SECONDS, log });

/** A script file of the build, named in the home page: what a static file costs on this server. */
async function staticFilePath(): Promise<string> {
  const html = await (await fetch(`${base}/`)).text();
  const path = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(html)?.[1];
  if (!path) throw new Error("the home page names no script file");
  return path;
}

/** Milliseconds from a committed price change until the product page shows the new price. */
async function priceChangeDelay(databaseUrl: string): Promise<number> {
  const newPrice = 13_579;
  const before = await setPrice(databaseUrl, PRODUCT, newPrice);
  const started = performance.now();
  try {
    while (!(await (await fetch(`${base}/products/${PRODUCT}`)).text()).includes("135.79")) {
      if (performance.now() - started > 10_000) throw new Error("the new price did not appear within 10 s");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return Math.round(performance.now() - started);
  } finally {
    await setPrice(databaseUrl, PRODUCT, before);
  }
}

await ensureProductionBuild(".next", log);
const database = await prepareShopDatabase(log);
const server = await startNextServer({ distDir: ".next", port: PORT, env: { DATABASE_URL: database.url, ...BENCH_SERVER_ENV } });
const figures: LoadFigure[] = [];
const delays: number[] = [];
try {
  const cookie = await signedInShopperCookie(database.url);
  const product = { method: "GET" as const, path: `/products/${PRODUCT}` };
  const island = { method: "GET" as const, path: "/api/shopper", headers: { cookie } };
  figures.push(await measure("product page", [product]));
  figures.push(await measure("home page", [{ path: "/" }]));
  figures.push(await measure("category page", [{ path: "/category/audio" }]));
  figures.push(await measure("product + island, signed in (1:1)", [product, island]));
  figures.push(await measure("static file (ceiling)", [{ path: await staticFilePath() }]));
  for (let run = 0; run < 5; run++) delays.push(await priceChangeDelay(database.url));
} finally {
  server.kill("SIGTERM");
  await database.stop();
}

const ceiling = figures.find((figure) => figure.name.startsWith("static"))?.requestsPerSecond ?? 1;
console.log(`\nCatalog benchmark (${CONNECTIONS} connections, ${SECONDS} s each, production build, ${cpus().length} cores)`);
console.log("target                              req/s   p50 ms   p99 ms   errors   of static");
for (const f of figures) {
  const ratio = (f.requestsPerSecond / ceiling).toFixed(2);
  console.log(
    `${f.name.padEnd(33)} ${String(f.requestsPerSecond).padStart(7)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.errors).padStart(8)} ${ratio.padStart(11)}`,
  );
}
const sorted = [...delays].sort((a, b) => a - b);
console.log(`\nPrice change to new price on the product page: median ${sorted[2]} ms, worst ${sorted[4]} ms (5 changes)`);
process.exit(0);
