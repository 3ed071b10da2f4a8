import { breakLocation } from "@/lib/audit/hash-chain";
import { verifyAuditChain } from "@/lib/dal/audit/log";
import { env } from "@/lib/env";

const started = performance.now();
const report = await verifyAuditChain();
const seconds = ((performance.now() - started) / 1000).toFixed(2);
if (report.broken) {
  const intact = report.broken.id === null ? "" : ` (${report.checked} entries before it are intact)`;
  console.error(`Audit log BROKEN${breakLocation(report.broken)}: ${report.broken.problem}${intact}.`);
  process.exit(1);
}
console.log(`Audit log intact: ${report.checked} entries verified in ${seconds} s.`);
if (report.unkeyed) console.log(`${report.unkeyed} of them predate the keyed chain (unkeyed SHA-256): their rewriting is caught only by later entries and checkpoints.`);
if (report.checkpoint) console.log(`Matches the latest checkpoint (${report.checkpoint.count} entries at ${report.checkpoint.at}).`);
else if (env.AUDIT_CHECKPOINT_FILE) console.log(`No checkpoint in ${env.AUDIT_CHECKPOINT_FILE} yet: run \`npm run audit:checkpoint\` (the worker writes one every minute).`);
else console.log("No checkpoint to compare with (AUDIT_CHECKPOINT_FILE is not set): removing the newest entries would go unnoticed.");
process.exit(0);
