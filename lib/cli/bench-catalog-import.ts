/**
 * `npm run bench:catalog-import [-- --products N] [--variants N]`: generates a
 * catalog file (default 25,000 products × 4 variants = 100,000 rows) in a
 * temporary directory and imports it into a throw-away database through the
 * shop's own import; prints rows/s and the importing process's peak memory.
 */
import { runBenchWithDatabase } from "./bench-with-database";
import { runCli } from "./run-cli";

await runCli(() => runBenchWithDatabase("lib/cli/bench-catalog-import-run.ts", process.argv.slice(2), (line) => console.log(`[bench] ${line}`)));
