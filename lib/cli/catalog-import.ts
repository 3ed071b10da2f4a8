/**
 * `npm run catalog:import -- <file.csv> [--dry-run] [--operator <name>]`:
 * imports the catalog file (docs/catalog-csv.md), all or nothing; with
 * --dry-run, only reports what would change. Audited as actor "cli", role
 * "operator". Exit codes: 0 imported (or dry run clean), 1 refused, 2 bad usage.
 */
import { runCatalogCommand } from "./catalog-command";
import { runCli } from "./run-cli";

await runCli(() => runCatalogCommand("lib/cli/catalog-import-run.ts", process.argv.slice(2)));
