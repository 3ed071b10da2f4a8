import { describe, expect, it } from "vitest";
import { type AuditContent, canonicalJson, checkLinks, entryHash, GENESIS_HASH, type StoredEntry } from "./hash-chain";

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

function chain(actions: string[]): StoredEntry[] {
  let prevHash = GENESIS_HASH;
  return actions.map((action, index) => {
    const entry = content(action);
    const hash = entryHash(prevHash, entry);
    const stored = { ...entry, id: BigInt(index + 1), prevHash, hash };
    prevHash = hash;
    return stored;
  });
}

describe("audit hash chain", () => {
  it("serialises canonically: key order does not change the hash", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(entryHash(GENESIS_HASH, content("x", { after: { a: 1, b: 2 } }))).toBe(entryHash(GENESIS_HASH, content("x", { after: { b: 2, a: 1 } })));
  });

  it("accepts an intact chain", () => {
    expect(checkLinks(chain(["a", "b", "c"]), GENESIS_HASH).broken).toBeNull();
  });

  it("names the entry whose content was changed", () => {
    const entries = chain(["a", "b", "c", "d"]);
    entries[2] = { ...entries[2]!, reason: "quietly edited" };
    expect(checkLinks(entries, GENESIS_HASH).broken).toEqual({ id: 3n, problem: "content changed" });
  });

  it("names the entry after a removed one", () => {
    const entries = chain(["a", "b", "c", "d"]);
    entries.splice(1, 1);
    expect(checkLinks(entries, GENESIS_HASH).broken).toEqual({ id: 3n, problem: "link broken" });
  });

  it("catches a rewritten entry even when its own hash was recomputed", () => {
    const entries = chain(["a", "b", "c"]);
    const forged = { ...entries[1]!, reason: "forged" };
    entries[1] = { ...forged, hash: entryHash(forged.prevHash, forged) };
    expect(checkLinks(entries, GENESIS_HASH).broken).toEqual({ id: 3n, problem: "link broken" });
  });

  it("continues across batches from the last good hash", () => {
    const entries = chain(["a", "b", "c", "d"]);
    const first = checkLinks(entries.slice(0, 2), GENESIS_HASH);
    expect(checkLinks(entries.slice(2), first.lastHash).broken).toBeNull();
  });
});
