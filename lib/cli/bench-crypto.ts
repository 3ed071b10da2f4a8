/**
 * `npm run bench:crypto`: encrypt and decrypt per field (µs, p50/p99), and a
 * page of 50 orders with decrypted addresses against the same page with
 * decryption skipped. On a throw-away database. (Rotation throughput over
 * 100,000 addresses is `npm run bench:rotation`.)
 */
import { runBenchWithDatabase } from "./bench-with-database";
import { runCli } from "./run-cli";

await runCli(() => runBenchWithDatabase("lib/cli/bench-crypto-run.ts", [], (line) => console.log(`[bench] ${line}`)));
