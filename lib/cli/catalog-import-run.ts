import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { basename } from "node:path";
import { catalogCsvSource } from "@/lib/actions/admin/products/catalog-csv/read-catalog-csv";
import { catalogCliContext } from "@/lib/dal/catalog/csv/actor";
import { importCatalog } from "@/lib/dal/catalog/csv/import";
import { catalogReportLines } from "@/lib/actions/admin/products/catalog-csv/report-lines";
import { parseCatalogCliArgs } from "./catalog-cli-args";

const usage = "Usage: npm run catalog:import -- <file.csv> [--dry-run] [--operator <name>]";
const args = parseCatalogCliArgs(process.argv.slice(2), usage, { dryRun: true });
if (!args.ok) {
  console.error(args.message);
  process.exit(2);
}
try {
  await access(args.file);
} catch {
  console.error(`Cannot read ${args.file}.`);
  process.exit(2);
}
const report = await importCatalog(
  { kind: "cli", operator: args.operator },
  catalogCsvSource(() => createReadStream(args.file)),
  { dryRun: args.dryRun, fileName: basename(args.file) },
  catalogCliContext("catalog:import", args.operator),
);
for (const line of catalogReportLines(report)) console.log(line);
process.exit(report.issueCount > 0 ? 1 : 0);
