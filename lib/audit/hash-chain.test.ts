import { describe, expect, it } from "vitest";
import {
  type AuditContent,
  CHAIN_START,
  canonicalJson,
  checkLinks,
  entryHash,
  GENESIS_HASH,
  KEYED_HASH_VERSION,
  LEGACY_HASH_VERSION,
  legacyEntryHash,
  type StoredEntry,
} from "./hash-chain";

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);

const content = (action: string, extra: Partial<AuditContent> = {}): AuditContent => ({
  createdAt: new Date("2026-11-21T10:00:00.000Z"),
  actorId: "staff-1",
  actorRole: "admin",
  action,
  targetType: "order",
  targetId: "order-1",
  before: { status: "paid" },
  after: { status: "refunded" },
  reason: "customer request",
  outcome: "success",
  ip: "192.0.2.1",
  userAgent: "test",
  requestId: "req-1",
  ...extra,
});

/** A chain of keyed entries; the first `legacy` ones are unkeyed, as a log from before keyed chains. */
function chain(actions: string[], legacy = 0): StoredEntry[] {
  let prevHash = GENESIS_HASH;
  return actions.map((action, index) => {
    const entry = content(action);
    const keyed = index >= legacy;
    const hash = keyed ? entryHash(prevHash, entry, key) : legacyEntryHash(prevHash, entry);
    const stored = { ...entry, id: BigInt(index + 1), prevHash, hash, hashVersion: keyed ? KEYED_HASH_VERSION : LEGACY_HASH_VERSION };
    prevHash = hash;
    return stored;
  });
}

describe("audit hash chain", () => {
  it("serialises canonically: key order does not change the hash", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(entryHash(GENESIS_HASH, content("x", { after: { a: 1, b: 2 } }), key)).toBe(entryHash(GENESIS_HASH, content("x", { after: { b: 2, a: 1 } }), key));
  });

  it("accepts an intact chain", () => {
    expect(checkLinks(chain(["a", "b", "c"]), CHAIN_START, key).broken).toBeNull();
  });

  it("names the entry whose content was changed", () => {
    const entries = chain(["a", "b", "c", "d"]);
    entries[2] = { ...entries[2]!, reason: "quietly edited" };
    expect(checkLinks(entries, CHAIN_START, key).broken).toEqual({ id: 3n, problem: "content changed" });
  });

  it("names the entry after a removed one", () => {
    const entries = chain(["a", "b", "c", "d"]);
    entries.splice(1, 1);
    expect(checkLinks(entries, CHAIN_START, key).broken).toEqual({ id: 3n, problem: "link broken" });
  });

  it("catches a rewritten entry even when its own hash was recomputed", () => {
    const entries = chain(["a", "b", "c"]);
    const forged = { ...entries[1]!, reason: "forged" };
    entries[1] = { ...forged, hash: entryHash(forged.prevHash, forged, key) };
    expect(checkLinks(entries, CHAIN_START, key).broken).toEqual({ id: 3n, problem: "link broken" });
  });

  it("continues across batches from the last good hash", () => {
    const entries = chain(["a", "b", "c", "d"]);
    const first = checkLinks(entries.slice(0, 2), CHAIN_START, key);
    expect(checkLinks(entries.slice(2), first.last, key).broken).toBeNull();
  });

  it("catches the newest entry rewritten and re-hashed by someone without the key", () => {
    const entries = chain(["a", "b", "c"]);
    const forged = { ...entries[2]!, reason: "forged" };
    // Unkeyed SHA-256, as the chain used to be computed, or an HMAC under a guessed key: both refused.
    entries[2] = { ...forged, hash: legacyEntryHash(forged.prevHash, forged) };
    expect(checkLinks(entries, CHAIN_START, key).broken).toEqual({ id: 3n, problem: "content changed" });
    entries[2] = { ...forged, hash: entryHash(forged.prevHash, forged, otherKey) };
    expect(checkLinks(entries, CHAIN_START, key).broken).toEqual({ id: 3n, problem: "content changed" });
  });

  it("accepts unkeyed entries from before keyed chains only as a prefix", () => {
    expect(checkLinks(chain(["a", "b", "c", "d"], 2), CHAIN_START, key).broken).toBeNull();
    // Downgrading the newest entry to the unkeyed hash (which needs no key) is refused.
    const entries = chain(["a", "b", "c"], 1);
    const forged = { ...entries[2]!, reason: "forged", hashVersion: LEGACY_HASH_VERSION };
    entries[2] = { ...forged, hash: legacyEntryHash(forged.prevHash, forged) };
    expect(checkLinks(entries, CHAIN_START, key).broken).toEqual({ id: 3n, problem: "unkeyed entry after keyed ones" });
  });
});
