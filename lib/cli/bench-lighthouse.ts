/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, its default settings) against
 * the production build served by the shop's own HTTP server: the home page, a
 * category and a product page, several runs each, the median of each score;
 * and the same for a bare Next.js page with 24 cards (bench/bare-next, built
 * with the same `next`), the framework's own ceiling on this machine. Also the
 * client JavaScript the product page loads, as sent (gzip). Uses Debian's
 * Chromium (/usr/bin/chromium) and only this machine: no internet.
 */
import { cpus, loadavg } from "node:os";
import { z } from "zod";
import { ensureChromium } from "./chromium";
import { buildBareNextApp, startBareNextApp } from "./bare-next-app";
import { CATEGORIES, type Category, type PageRun, lighthouseRun, median } from "./lighthouse-runs";
import { ensureProductionBuild, startNextServer } from "./next-server";
import { stopChild } from "./processes";
import { runCli } from "./run-cli";
import { prepareShopDatabase } from "./shop-database";
import { BENCH_SERVER_ENV } from "./bench-server-settings";

const RUNS = z.coerce.number().int().min(1).max(20).parse(process.argv[2] ?? 3);
const SHOP_PORT = 3450;
const BARE_PORT = 3451;
const JS_BUDGET_KB = 165;
const SHOP_PAGES = [
  { name: "home", path: "/" },
  { name: "category", path: "/category/audio" },
  { name: "product", path: "/products/studio-over-ear-headphones" },
];
const log = (line: string) => console.log(`[bench] ${line}`);

type Row = { name: string; runs: PageRun[] };

/**
 * Lighthouse now and then fails to record a trace at all (NO_NAVSTART,
 * NO_FCP on a busy machine): such a run measured nothing, so it is repeated,
 * twice at most. A score is never retried, only a run that produced none.
 */
async function withRetries(run: () => Promise<PageRun>, attempts = 3): Promise<PageRun> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts) throw error;
      log(`  the run produced no result (${(error as Error).message}); running it again`);
    }
  }
}

async function measure(name: string, url: string, chromePath: string): Promise<Row> {
  const runs: PageRun[] = [];
  for (let index = 1; index <= RUNS; index++) {
    log(`${name}: Lighthouse run ${index} of ${RUNS} (${url}) ...`);
    runs.push(await withRetries(() => lighthouseRun(url, chromePath)));
  }
  return { name, runs };
}

const scoreOf = (row: Row, category: Category) => median(row.runs.map((run) => run.scores[category]));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function printTable(rows: Row[]): void {
  const [load1] = loadavg();
  console.log(`\nLighthouse (mobile, default throttling), median of ${RUNS} runs; ${cpus().length} cores, load ${load1?.toFixed(1)}`);
  console.log(`${"page".padEnd(20)} ${"performance".padStart(11)} ${"accessibility".padStart(13)} ${"best practices".padStart(14)} ${"SEO".padStart(5)}   performance runs`);
  for (const row of rows) {
    const [performance, accessibility, bestPractices, seo] = CATEGORIES.map((category) => String(scoreOf(row, category)));
    const perRun = row.runs.map((run) => run.scores.performance).join(" ");
    console.log(
      `${row.name.padEnd(20)} ${performance?.padStart(11)} ${accessibility?.padStart(13)} ${bestPractices?.padStart(14)} ${seo?.padStart(5)}   ${perRun}`,
    );
  }
}

function printShortfalls(rows: Row[]): void {
  for (const row of rows) {
    const seen = [...new Set(row.runs.flatMap((run) => run.shortfalls))];
    if (seen.length > 0) console.log(`\n${row.name}, below full marks in at least one run:\n  ${seen.join("\n  ")}`);
  }
}

await runCli(async () => {
  const chromePath = await ensureChromium(log);
  if (!chromePath) return 1;
  await buildBareNextApp(log);
  await ensureProductionBuild(".next", log);
  const database = await prepareShopDatabase(log);
  const rows: Row[] = [];
  try {
    const shopOrigin = `http://127.0.0.1:${SHOP_PORT}`;
    const shop = await startNextServer({
      distDir: ".next",
      port: SHOP_PORT,
      env: { DATABASE_URL: database.url, SITE_URL: shopOrigin, LOG_LEVEL: "warn", ...BENCH_SERVER_ENV },
    });
    try {
      // The server renders the sitemap's pages at start-up; ask once for each so none is measured cold.
      for (const page of SHOP_PAGES) await (await fetch(`${shopOrigin}${page.path}`)).text();
      for (const page of SHOP_PAGES) rows.push(await measure(page.name, `${shopOrigin}${page.path}`, chromePath));
    } finally {
      await stopChild(shop);
    }
    const bare = await startBareNextApp(BARE_PORT);
    try {
      await (await fetch(`http://127.0.0.1:${BARE_PORT}/`)).text();
      rows.push(await measure("bare Next.js page", `http://127.0.0.1:${BARE_PORT}/`, chromePath));
    } finally {
      await stopChild(bare);
    }
  } finally {
    await database.stop();
  }

  printTable(rows);
  printShortfalls(rows);
  const product = rows.find((row) => row.name === "product");
  const scriptBytes = median(product?.runs.map((run) => run.scriptTransferBytes) ?? []);
  console.log(
    `\nProduct page client JavaScript as sent: ${kb(scriptBytes)} KB gzip (goal ≤ ${JS_BUDGET_KB} KB) ${scriptBytes <= JS_BUDGET_KB * 1024 ? "within" : "OVER"}`,
  );
  return 0;
});
