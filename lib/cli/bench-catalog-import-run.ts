/**
 * The body of `npm run bench:catalog-import` (started by
 * bench-catalog-import.ts with DATABASE_URL set to a fresh database). The file
 * is written as a stream and read as one: peak memory (maxRSS) shows what the
 * import holds, not the file's size.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { catalogCsvSource } from "@/lib/actions/admin/products/catalog-csv/read-catalog-csv";
import { catalogCsvLines } from "@/lib/actions/admin/products/catalog-csv/write-catalog-csv";
import type { CatalogRow } from "@/lib/dal/catalog/csv/catalog-row";
import { importCatalog } from "@/lib/dal/catalog/csv/import";
import { env } from "@/lib/env";

const { values: args } = parseArgs({ options: { products: { type: "string", default: "25000" }, variants: { type: "string", default: "4" } } });
const PRODUCTS = Number(args.products);
const VARIANTS = Number(args.variants);
const SIZES = ["XS", "S", "M", "L", "XL", "XXL", "3XL", "4XL"];
const CATEGORIES = ["bench-audio", "bench-kitchen", "bench-outdoor", "bench-apparel"];
const log = (line: string) => console.log(`[bench] ${line}`);
const mib = (kib: number) => Math.round(kib / 1024);

if (!Number.isInteger(PRODUCTS) || PRODUCTS < 1 || !Number.isInteger(VARIANTS) || VARIANTS < 1 || VARIANTS > SIZES.length) {
  throw new Error(`--products is a positive integer, --variants 1 to ${SIZES.length}`);
}

async function* benchRows(): AsyncGenerator<CatalogRow> {
  for (let p = 0; p < PRODUCTS; p += 1) {
    for (let v = 0; v < VARIANTS; v += 1) {
      yield {
        productSlug: `bench-product-${p}`,
        productName: `Bench Product ${p}`,
        description: `A product of the import benchmark, number ${p}, with a description of a realistic length for a shop's catalog page.`,
        categorySlug: CATEGORIES[p % CATEGORIES.length] ?? "bench-audio",
        published: p % 10 !== 0,
        featured: p % 50 === 0,
        metaTitle: null,
        metaDescription: null,
        options: [{ name: "Size", value: SIZES[v] ?? "M" }],
        sku: `BENCH-${p}-${v}`,
        priceMinor: 1000 + ((p * 7 + v * 250) % 90_000),
        compareAtPriceMinor: p % 5 === 0 ? 100_000 : null,
        stock: (p + v) % 40,
        weightGrams: 200 + v * 50,
        maxPerOrder: 10,
      };
    }
  }
}

let status = 0;
const dir = await mkdtemp(join(tmpdir(), "bench-catalog-import-"));
const file = join(dir, "catalog.csv");
try {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  for (const slug of CATEGORIES) await client.query(`INSERT INTO "Category" (id, slug, name, description) VALUES ($1, $2, $3, 'Bench')`, [slug, slug, slug]);
  await client.end();

  await pipeline(Readable.from(catalogCsvLines(benchRows())), createWriteStream(file));
  const rows = PRODUCTS * VARIANTS;
  log(`Wrote ${rows} rows (${PRODUCTS} products × ${VARIANTS} variants, ${((await stat(file)).size / 1024 / 1024).toFixed(1)} MiB) to ${file}`);
  const rssBefore = mib(process.resourceUsage().maxRSS);

  const source = catalogCsvSource(() => createReadStream(file));
  const actor = { kind: "cli" as const, operator: "bench" };
  const context = { ip: "127.0.0.1", userAgent: "npm run bench:catalog-import", requestId: null };
  let started = performance.now();
  const dry = await importCatalog(actor, source, { dryRun: true, fileName: "catalog.csv" }, context);
  const drySeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const report = await importCatalog(actor, source, { dryRun: false, fileName: "catalog.csv" }, context);
  const importSeconds = (performance.now() - started) / 1000;
  const peak = mib(process.resourceUsage().maxRSS);

  console.log(`\nCatalog import benchmark (${rows} rows: ${PRODUCTS} products × ${VARIANTS} variants, into an empty catalog)`);
  console.log(`  dry run (check pass only)      ${drySeconds.toFixed(1)} s  (${Math.round(rows / drySeconds)} rows/s)`);
  console.log(`  import (check + apply, 1 tx)   ${importSeconds.toFixed(1)} s  (${Math.round(rows / importSeconds)} rows/s)`);
  console.log(`  result                         ${report.applied ? "applied" : "NOT applied"}: products ${report.products.created} created, variants ${report.variants.created} created, problems ${report.issueCount}`);
  console.log(`  peak memory (this process)     ${peak} MiB (${rssBefore} MiB before the import)`);
  if (!report.applied || dry.issueCount > 0 || report.variants.created !== rows) {
    for (const issue of report.issues.slice(0, 5)) console.log(`  row ${issue.row}, ${issue.column}: ${issue.message}`);
    status = 1;
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
process.exit(status);
