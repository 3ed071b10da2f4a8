import "server-only";
import type { AuditContext } from "@/lib/context/request-context";
import { auditChainKey, checkpointKey } from "@/lib/audit/chain-key";
import type { AuditCheckpoint } from "@/lib/audit/checkpoint";
import { readLatestCheckpoint } from "@/lib/audit/checkpoint-file";
import { type AuditContent, CHAIN_START, type ChainBreak, checkLinks, entryHash, GENESIS_HASH, KEYED_HASH_VERSION } from "@/lib/audit/hash-chain";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Where a staff request came from, recorded with every entry. */

export type AuditOutcome = "success" | "denied" | "failure";

export type AuditInput = {
  actor: { id: string; role: string | null } | null;
  /** `resource.verb`, e.g. "order.refunded", "customer.pii_revealed", "access.denied". */
  action: string;
  target?: { type: string; id: string };
  /** Values as auditValues() returns them: sensitive ones already redacted. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string;
  outcome: AuditOutcome;
  context: AuditContext;
};

// One arbitrary constant: the transaction-level advisory lock that orders appends.
const CHAIN_LOCK = 7_246_019_341;

/** What is stored is exactly what is hashed: JSON values go through a JSON round trip first. */
const asStoredJson = (value: Record<string, unknown> | undefined) =>
  value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject);

/**
 * Appends an entry inside the caller's transaction, so the record exists if
 * and only if the change it describes does. Appends are serialised by an
 * advisory lock held to commit: each reads the previous hash, and ids grow in
 * chain order. A rolled-back transaction leaves no entry and no broken link.
 */
export async function appendAudit(tx: Prisma.TransactionClient, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const last = await tx.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const before = asStoredJson(input.before);
  const after = asStoredJson(input.after);
  const content: AuditContent = {
    createdAt: new Date(),
    actorId: input.actor?.id ?? null,
    actorRole: input.actor?.role ?? null,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id.slice(0, 80) ?? null,
    before,
    after,
    reason: input.reason?.slice(0, 500) ?? null,
    outcome: input.outcome,
    ip: input.context.ip.slice(0, 45),
    userAgent: input.context.userAgent.slice(0, 400),
    requestId: input.context.requestId?.slice(0, 80) ?? null,
  };
  await tx.auditEntry.create({
    data: {
      ...content,
      before: before ?? undefined,
      after: after ?? undefined,
      prevHash,
      hash: entryHash(prevHash, content, auditChainKey()),
      hashVersion: KEYED_HASH_VERSION,
    },
  });
}

/** An entry on its own (a denied attempt changes nothing else). */
export function recordAudit(input: AuditInput): Promise<void> {
  return db.$transaction((tx) => appendAudit(tx, input));
}

export type ChainReport = {
  checked: number;
  broken: ChainBreak | null;
  /** Entries hashed without the key (written before keyed chains): verified, but not protected against rewriting. */
  unkeyed: number;
  /** The checkpoint the chain was held against; null when none is configured or written yet. */
  checkpoint: AuditCheckpoint | null;
};

/**
 * Re-computes every link, oldest first, in batches; names the first broken
 * entry. Then holds the chain against the latest signed checkpoint (from
 * AUDIT_CHECKPOINT_FILE when set): the entry it names must still be there,
 * with the same hash and as many entries up to it, so removing the newest
 * entries, or all of them, is reported although the links that are left agree.
 */
export async function verifyAuditChain(batchSize = 1000, checkpointFile = env.AUDIT_CHECKPOINT_FILE): Promise<ChainReport> {
  const latest = checkpointFile ? await readLatestCheckpoint(checkpointFile, checkpointKey()) : null;
  if (typeof latest === "string") return { checked: 0, broken: { id: null, problem: latest }, unkeyed: 0, checkpoint: null };
  const headId = latest?.headId ? BigInt(latest.headId) : null;
  const key = auditChainKey();
  let afterId = 0n;
  let position = CHAIN_START;
  let checked = 0;
  let unkeyed = 0;
  let atCheckpoint: { count: number; hash: string } | undefined;
  for (;;) {
    const rows = await db.auditEntry.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize });
    if (rows.length === 0) break;
    const result = checkLinks(rows, position, key);
    if (result.broken) {
      const intact = rows.findIndex((row) => row.id === result.broken?.id);
      return { checked: checked + intact, broken: result.broken, unkeyed, checkpoint: latest };
    }
    rows.forEach((row, index) => {
      if (row.hashVersion !== KEYED_HASH_VERSION) unkeyed += 1;
      if (row.id === headId) atCheckpoint = { count: checked + index + 1, hash: row.hash };
    });
    checked += rows.length;
    position = result.last;
    afterId = rows[rows.length - 1]?.id ?? afterId;
  }
  return { checked, broken: latest ? compareWithCheckpoint(latest, atCheckpoint) : null, unkeyed, checkpoint: latest };
}

function compareWithCheckpoint(checkpoint: AuditCheckpoint, found: { count: number; hash: string } | undefined): ChainBreak | null {
  if (checkpoint.headId === null) return null; // the log was empty then: anything since is newer
  const id = BigInt(checkpoint.headId);
  if (!found) return { id, problem: "entries missing since the last checkpoint" };
  if (found.hash !== checkpoint.headHash || found.count !== checkpoint.count) return { id, problem: "chain does not match the last checkpoint" };
  return null;
}
