/**
 * `npm run bench:catalog-import [-- --products N] [--variants N]`: generates a
 * catalog file (default 25,000 products × 4 variants = 100,000 rows) in a
 * temporary directory and imports it into a throw-away database through the
 * shop's own import, in a process with the import command's memory limits
 * (lib/cli/catalog-import-memory.ts); prints rows/s and its peak memory.
 */
import { runBenchWithDatabase } from "./bench-with-database";
import { CATALOG_IMPORT_NODE_FLAGS } from "./catalog-import-memory";
import { runCli } from "./run-cli";

await runCli(() => runBenchWithDatabase("lib/cli/bench-catalog-import-run.ts", process.argv.slice(2), (line) => console.log(`[bench] ${line}`), CATALOG_IMPORT_NODE_FLAGS));
