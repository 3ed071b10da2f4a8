import { createHash } from "node:crypto";

/**
 * The audit log's hash chain. Each entry stores SHA-256(previous hash, its own
 * content): changing, removing or inserting an entry anywhere breaks every
 * link after it, and `verifyChain` names the first broken one. The content is
 * serialised canonically (sorted keys, ISO dates), because PostgreSQL's jsonb
 * does not keep key order: what is hashed must be recomputable from what is read.
 */
export const GENESIS_HASH = "0".repeat(64);

export type AuditContent = {
  createdAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

/** JSON with object keys sorted at every depth; undefined becomes null. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const CONTENT_KEYS = [
  "createdAt",
  "actorId",
  "actorRole",
  "action",
  "targetType",
  "targetId",
  "before",
  "after",
  "reason",
  "outcome",
  "ip",
  "userAgent",
  "requestId",
] as const satisfies readonly (keyof AuditContent)[];

/** The hash of an entry's content (only the content keys: a stored row's id and hashes are not part of it). */
export function entryHash(prevHash: string, content: AuditContent): string {
  const hashed = Object.fromEntries(CONTENT_KEYS.map((key) => [key, content[key]]));
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(hashed)).digest("hex");
}

export type StoredEntry = AuditContent & { id: bigint; prevHash: string; hash: string };

export type ChainBreak = { id: bigint; problem: "content changed" | "link broken" };

/**
 * Walks entries in id order, carrying the last good hash between calls (the
 * log is read in batches). Returns the first break, or null.
 */
export function checkLinks(entries: readonly StoredEntry[], previousHash: string): { lastHash: string; broken: ChainBreak | null } {
  let expectedPrev = previousHash;
  for (const entry of entries) {
    if (entry.prevHash !== expectedPrev) return { lastHash: expectedPrev, broken: { id: entry.id, problem: "link broken" } };
    if (entryHash(entry.prevHash, entry) !== entry.hash) return { lastHash: expectedPrev, broken: { id: entry.id, problem: "content changed" } };
    expectedPrev = entry.hash;
  }
  return { lastHash: expectedPrev, broken: null };
}
