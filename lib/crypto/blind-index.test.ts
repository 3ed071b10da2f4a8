import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import {
  blindIndex,
  blindIndexKey,
  blindIndexKeyFromConfig,
  generateBlindIndexKeyValue,
  normalizePostalCode,
  parseBlindIndexKey,
} from "./blind-index";

const key = randomBytes(32);

describe("normalizePostalCode", () => {
  it("upper-cases and removes spaces and hyphens", () => {
    expect(normalizePostalCode(" sw1a 1aa ")).toBe("SW1A1AA");
    expect(normalizePostalCode("12345-6789")).toBe("123456789");
    expect(normalizePostalCode("k1a\t0b1")).toBe("K1A0B1");
  });
});

describe("blindIndex", () => {
  it("is 64 hex characters", () => {
    expect(blindIndex("SW1A 1AA", "postal-code", key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives equal indexes for values equal after normalization", () => {
    expect(blindIndex("sw1a 1aa", "postal-code", key)).toBe(blindIndex("SW1A1AA", "postal-code", key));
    expect(blindIndex("sw1a-1aa", "postal-code", key)).toBe(blindIndex("SW1A1AA", "postal-code", key));
  });

  it("separates different values", () => {
    expect(blindIndex("SW1A 1AA", "postal-code", key)).not.toBe(blindIndex("SW1A 1AB", "postal-code", key));
  });

  it("separates purposes: the same value indexed for another purpose does not match", () => {
    expect(blindIndex("SW1A1AA", "postal-code", key)).not.toBe(blindIndex("SW1A1AA", "phone", key));
  });

  it("depends on the key", () => {
    expect(blindIndex("SW1A1AA", "postal-code", key)).not.toBe(blindIndex("SW1A1AA", "postal-code", randomBytes(32)));
  });

  it("is not a plain (unkeyed) hash of the value", () => {
    const unkeyed = createHash("sha256").update("postal-code:SW1A1AA").digest("hex");
    expect(blindIndex("SW1A1AA", "postal-code", key)).not.toBe(unkeyed);
  });

  it("rejects a purpose that could be confused with the value, and a short key", () => {
    expect(() => blindIndex("x", "postal:code", key)).toThrow(/purpose/);
    expect(() => blindIndex("x", "", key)).toThrow(/purpose/);
    expect(() => blindIndex("x", "postal-code", randomBytes(16))).toThrow(/32 bytes/);
  });

  it("uses the process key by default", () => {
    expect(blindIndex("SW1A1AA", "postal-code")).toBe(blindIndex("sw1a 1aa", "postal-code", blindIndexKey()));
  });
});

describe("blindIndexKeyFromConfig", () => {
  it("refuses to run in production without a key", () => {
    expect(() => blindIndexKeyFromConfig({ nodeEnv: "production" }, () => {})).toThrow(/^BLIND_INDEX_KEY is not set/);
  });

  it("uses the configured key (base64 or base64url)", () => {
    const raw = randomBytes(32);
    expect(blindIndexKeyFromConfig({ key: raw.toString("base64"), nodeEnv: "production" }, () => {}).equals(raw)).toBe(true);
    expect(parseBlindIndexKey(raw.toString("base64url")).equals(raw)).toBe(true);
  });

  it("rejects a key that is not 32 bytes, without printing it", () => {
    for (const bad of [randomBytes(16).toString("base64"), randomBytes(33).toString("base64"), "not base64 at all!!"]) {
      let message = "";
      try {
        parseBlindIndexKey(bad);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/BLIND_INDEX_KEY must be 32 random bytes/);
      expect(message).not.toContain(bad);
    }
  });

  it("falls back to a random development key with one warning outside production", () => {
    const warn = vi.fn();
    const first = blindIndexKeyFromConfig({ nodeEnv: "development" }, warn);
    const second = blindIndexKeyFromConfig({ nodeEnv: "test" }, warn);
    expect(warn).toHaveBeenCalledTimes(2); // once per key built; blindIndexKey() builds one per process
    expect(first).toHaveLength(32);
    expect(first.equals(second)).toBe(false);
  });

  it("is built once per process", () => {
    expect(blindIndexKey()).toBe(blindIndexKey());
  });
});

describe("generateBlindIndexKeyValue", () => {
  it("produces a fresh key that parseBlindIndexKey accepts", () => {
    const first = generateBlindIndexKeyValue();
    expect(parseBlindIndexKey(first)).toHaveLength(32);
    expect(first).not.toBe(generateBlindIndexKeyValue());
  });
});
