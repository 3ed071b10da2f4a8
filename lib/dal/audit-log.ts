import "server-only";
import { type AuditContent, type ChainBreak, checkLinks, entryHash, GENESIS_HASH } from "@/lib/audit/hash-chain";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Where a staff request came from, recorded with every entry. */
export type AuditContext = { ip: string; userAgent: string; requestId: string | null };

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
    data: { ...content, before: before ?? undefined, after: after ?? undefined, prevHash, hash: entryHash(prevHash, content) },
  });
}

/** An entry on its own (a denied attempt changes nothing else). */
export function recordAudit(input: AuditInput): Promise<void> {
  return db.$transaction((tx) => appendAudit(tx, input));
}

export type ChainReport = { checked: number; broken: ChainBreak | null };

/** Re-computes every link, oldest first, in batches; names the first broken entry. */
export async function verifyAuditChain(batchSize = 1000): Promise<ChainReport> {
  let afterId = 0n;
  let lastHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEntry.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize });
    if (rows.length === 0) return { checked, broken: null };
    const result = checkLinks(rows, lastHash);
    if (result.broken) return { checked: checked + rows.findIndex((row) => row.id === result.broken?.id), broken: result.broken };
    checked += rows.length;
    lastHash = result.lastHash;
    afterId = rows[rows.length - 1]?.id ?? afterId;
  }
}
