import "server-only";
import type { Logger } from "pino";
import { checkpointKey } from "@/lib/audit/chain-key";
import { type SignedCheckpoint, signCheckpoint } from "@/lib/audit/checkpoint";
import { appendCheckpointLine } from "@/lib/audit/checkpoint-file";
import { GENESIS_HASH } from "@/lib/audit/hash-chain";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

/**
 * The chain's head and length, read in one statement (one snapshot): appends
 * are serialised and commit in id order (audit-log.ts), so the newest visible
 * entry and the count agree.
 */
async function chainHead(): Promise<{ headId: string | null; headHash: string; count: number }> {
  const rows = await db.$queryRaw<{ id: bigint; hash: string; count: bigint }[]>`
    SELECT "id", "hash", count(*) OVER () AS "count" FROM "AuditEntry" ORDER BY "id" DESC LIMIT 1`;
  const head = rows[0];
  return head ? { headId: head.id.toString(), headHash: head.hash, count: Number(head.count) } : { headId: null, headHash: GENESIS_HASH, count: 0 };
}

/**
 * Writes a signed checkpoint of the audit chain outside the database: appended
 * to AUDIT_CHECKPOINT_FILE when set, and always to the log stream (shipped off
 * the machine by whatever collects the logs). Run by the worker every minute
 * and by `npm run audit:checkpoint`.
 */
export async function recordAuditCheckpoint(options: { file?: string; log?: Logger } = {}): Promise<SignedCheckpoint> {
  const file = options.file ?? env.AUDIT_CHECKPOINT_FILE;
  const checkpoint = signCheckpoint({ ...(await chainHead()), at: new Date().toISOString() }, checkpointKey());
  if (file) await appendCheckpointLine(file, checkpoint);
  (options.log ?? logger).info({ auditCheckpoint: checkpoint }, "audit checkpoint");
  return checkpoint;
}
