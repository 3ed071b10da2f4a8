import { recordAuditCheckpoint } from "@/lib/dal/audit/checkpoint";
import { env } from "@/lib/env";

try {
  const checkpoint = await recordAuditCheckpoint();
  const head = checkpoint.headId === null ? "an empty log" : `entry ${checkpoint.headId}`;
  console.log(`Audit checkpoint: ${checkpoint.count} entries, head ${head}${env.AUDIT_CHECKPOINT_FILE ? `, appended to ${env.AUDIT_CHECKPOINT_FILE}` : " (log only: AUDIT_CHECKPOINT_FILE is not set)"}.`);
  process.exit(0);
} catch (error) {
  console.error(`Audit checkpoint FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
