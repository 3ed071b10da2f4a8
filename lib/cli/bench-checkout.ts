/**
 * `npm run bench:checkout`: orders created per second and p95 latency of
 * "create checkout" (order + hosted checkout) at 20 concurrent buyers; 100
 * buyers racing for 10 units with counts of paid, refused and oversold; and
 * webhook events processed per second. On a throw-away database.
 */
import { runBenchWithDatabase } from "./bench-with-database";
import { runCli } from "./run-cli";

await runCli(() => runBenchWithDatabase("lib/cli/bench-checkout-run.ts", [], (line) => console.log(`[bench] ${line}`)));
