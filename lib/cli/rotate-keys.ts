/**
 * `npm run keys:rotate [-- --dry-run] [--batch-size N]`: re-encrypts every
 * encrypted field under FIELD_ENCRYPTION_CURRENT_KEY (lib/dal/operations/key-rotation.ts).
 *
 * Procedure: add the new key to FIELD_ENCRYPTION_KEYS and make it current on
 * every app instance and worker first (so nothing new is written under the old
 * key), run this, then remove the old key. Ctrl-C stops after the batch in
 * flight; running again resumes, since values already under the current key
 * are skipped. Exit codes: 0 done, 1 some value failed to decrypt (listed by
 * row id; left unchanged), 2 bad usage or configuration, 130 interrupted.
 */
import { parseArgs } from "node:util";
import { keyRing } from "@/lib/crypto/key-ring";
import { type RotationReport, rotateEncryptedFields } from "@/lib/dal/operations/key-rotation";
import { env } from "@/lib/env";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values: args } = (() => {
  try {
    return parseArgs({ options: { "dry-run": { type: "boolean", default: false }, "batch-size": { type: "string", default: "500" } } });
  } catch (error) {
    return fail(`${(error as Error).message}\nUsage: npm run keys:rotate [-- --dry-run] [--batch-size N]`);
  }
})();
const batchSize = Number(args["batch-size"]);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) fail("--batch-size must be an integer from 1 to 10000");
// Without configured keys keyRing() would invent a random per-process key, under which nothing decrypts.
if (!env.FIELD_ENCRYPTION_KEYS) fail("FIELD_ENCRYPTION_KEYS is not set: run with the same key ring as the shop (old and new keys, the new one current).");
if (!env.DATABASE_URL) fail("DATABASE_URL is not set: point it at the shop's database.");

const ring = keyRing();
const dryRun = args["dry-run"];
console.log(`Key ring: ${ring.ids.join(", ")}; current key: ${ring.current.id}${dryRun ? " (dry run: nothing is written)" : ""}`);

const controller = new AbortController();
process.on("SIGINT", () => {
  // A second Ctrl-C exits at once; that is safe too, each batch being one atomic statement.
  if (controller.signal.aborted) process.exit(130);
  console.log("\nStopping after the current batch (Ctrl-C again to stop now). Run the command again to resume.");
  controller.abort();
});

const started = performance.now();
const report = await rotateEncryptedFields({
  batchSize,
  dryRun,
  signal: controller.signal,
  onProgress: (step) =>
    console.log(`  ${step.column.padEnd(24)} scanned ${step.scanned}, ${dryRun ? "would re-encrypt" : "re-encrypted"} ${step.reencrypted}`),
});
printSummary(report, (performance.now() - started) / 1000);

function printSummary(result: RotationReport, seconds: number): void {
  const header = ["column", "scanned", dryRun ? "would change" : "re-encrypted", "current", "failed", "conflicts"];
  const rows = result.columns.map((c) => [c.column, c.scanned, c.reencrypted, c.alreadyCurrent, c.failed, c.conflicts].map(String));
  const sum = (index: number) => String(rows.reduce((total, row) => total + Number(row[index]), 0));
  const table = [header, ...rows, ["total", sum(1), sum(2), sum(3), sum(4), sum(5)]];
  console.log(`\n${dryRun ? "Dry run" : "Rotation"} to key "${result.currentKeyId}" in ${seconds.toFixed(1)} s:`);
  for (const row of table) console.log(`  ${row.map((cell, i) => (i === 0 ? cell.padEnd(24) : cell.padStart(13))).join("")}`);
  for (const c of result.columns) {
    if (c.failed) console.log(`\n${c.column}: ${c.failed} value(s) failed to decrypt and were left unchanged; row ids: ${c.failedIds.join(", ")}${c.failed > c.failedIds.length ? ", …" : ""}`);
  }
  if (Number(sum(5)) > 0) console.log("\nSome rows were changed by the shop during the run and kept as written: run again to cover them.");
  if (result.interrupted) {
    console.log("\nInterrupted: run the command again to resume (values already under the current key are skipped).");
    process.exit(130);
  }
  const clean = Number(sum(4)) === 0 && Number(sum(5)) === 0;
  if (clean && !dryRun) console.log(`\nEvery encrypted value is under key "${result.currentKeyId}": the other keys can now be removed from FIELD_ENCRYPTION_KEYS.`);
  process.exit(Number(sum(4)) > 0 ? 1 : 0);
}
