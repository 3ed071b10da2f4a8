import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { catalogCsvLines } from "@/lib/actions/admin/products/catalog-csv/write-catalog-csv";
import { catalogCliContext } from "@/lib/dal/catalog/csv/actor";
import { exportCatalog } from "@/lib/dal/catalog/csv/export";
import { parseCatalogCliArgs } from "./catalog-cli-args";

const usage = "Usage: npm run catalog:export -- <file.csv> [--operator <name>]";
const args = parseCatalogCliArgs(process.argv.slice(2), usage, { dryRun: false });
if (!args.ok) {
  console.error(args.message);
  process.exit(2);
}
const rows = await exportCatalog({ kind: "cli", operator: args.operator }, catalogCliContext("catalog:export", args.operator));
let count = -1; // the header is not a row
const lines = catalogCsvLines(rows);
await pipeline(
  Readable.from(
    (async function* () {
      for await (const line of lines) {
        count += 1;
        yield line;
      }
    })(),
  ),
  createWriteStream(args.file),
);
console.log(`Wrote ${count} rows to ${args.file}.`);
process.exit(0);
