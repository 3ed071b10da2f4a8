import { createHash, createHmac } from "node:crypto";

/**
 * The audit log's hash chain. Each entry stores HMAC-SHA-256(chain key,
 * previous hash, its own content): changing, removing or inserting an entry
 * anywhere breaks every link after it, and `checkLinks` names the first broken
 * one. The key lives outside the database, so someone who can rewrite rows
 * cannot recompute the hashes after them. The content is serialised
 * canonically (sorted keys, ISO dates), because PostgreSQL's jsonb does not
 * keep key order: what is hashed must be recomputable from what is read.
 *
 * Entries carry their hash version. Version 1 (plain SHA-256, no key) is what
 * logs written before keyed chains hold; such entries are still verified, but
 * only as a prefix: an unkeyed entry after a keyed one is a break (a rewrite
 * that dropped the key), and the first keyed entry pins the unkeyed prefix by
 * its previous hash.
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

/** Hash versions: 1 = unkeyed SHA-256 (logs written before keyed chains), 2 = HMAC-SHA-256 with the chain key. */
export const LEGACY_HASH_VERSION = 1;
export const KEYED_HASH_VERSION = 2;

const contentText = (content: AuditContent) => canonicalJson(Object.fromEntries(CONTENT_KEYS.map((key) => [key, content[key]])));

/** The keyed hash of an entry's content (only the content keys: a stored row's id and hashes are not part of it). */
export function entryHash(prevHash: string, content: AuditContent, key: Buffer): string {
  return createHmac("sha256", key).update(`v${KEYED_HASH_VERSION}\n`).update(prevHash).update("\n").update(contentText(content)).digest("hex");
}

/** The unkeyed hash of version-1 entries; only ever used to verify them, never to write. */
export function legacyEntryHash(prevHash: string, content: AuditContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(contentText(content)).digest("hex");
}

export type StoredEntry = AuditContent & { id: bigint; prevHash: string; hash: string; hashVersion: number };

export type ChainProblem =
  | "content changed"
  | "link broken"
  | "unkeyed entry after keyed ones"
  | "entries missing since the last checkpoint"
  | "chain does not match the last checkpoint"
  | "checkpoint signature invalid"
  | "checkpoint unreadable";

/** The first problem found; `id` is the entry concerned (null when the log holds none to name). */
export type ChainBreak = { id: bigint | null; problem: ChainProblem };

/** " at entry 42" or "" (when the problem names no entry), for messages about a break. */
export function breakLocation(broken: ChainBreak): string {
  return broken.id === null ? "" : ` at entry ${broken.id}`;
}

/** Where a walk stands: the last good hash, and whether a keyed entry has been seen. */
export type ChainPosition = { hash: string; keyed: boolean };

export const CHAIN_START: ChainPosition = { hash: GENESIS_HASH, keyed: false };

function expectedHash(entry: StoredEntry, key: Buffer): string | undefined {
  if (entry.hashVersion === KEYED_HASH_VERSION) return entryHash(entry.prevHash, entry, key);
  if (entry.hashVersion === LEGACY_HASH_VERSION) return legacyEntryHash(entry.prevHash, entry);
  return undefined; // an unknown version verifies nothing
}

/**
 * Walks entries in id order, carrying the position between calls (the log is
 * read in batches). Returns the first break, or null.
 */
export function checkLinks(
  entries: readonly StoredEntry[],
  previous: ChainPosition,
  key: Buffer,
): { last: ChainPosition; broken: ChainBreak | null } {
  let last = previous;
  for (const entry of entries) {
    if (entry.prevHash !== last.hash) return { last, broken: { id: entry.id, problem: "link broken" } };
    if (last.keyed && entry.hashVersion !== KEYED_HASH_VERSION) return { last, broken: { id: entry.id, problem: "unkeyed entry after keyed ones" } };
    if (expectedHash(entry, key) !== entry.hash) return { last, broken: { id: entry.id, problem: "content changed" } };
    last = { hash: entry.hash, keyed: entry.hashVersion === KEYED_HASH_VERSION };
  }
  return { last, broken: null };
}
