/**
 * `npm run catalog:export -- <file.csv> [--operator <name>]`: writes the
 * catalog, one row per live variant (docs/catalog-csv.md). Audited as actor
 * "cli", role "operator".
 */
import { runCatalogCommand } from "./catalog-command";
import { runCli } from "./run-cli";

await runCli(() => runCatalogCommand("lib/cli/catalog-export-run.ts", process.argv.slice(2)));
