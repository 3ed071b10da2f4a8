import { describe, expect, it } from "vitest";
import { auditChainKeyFromConfig, checkpointKey, generateAuditChainKeyValue, parseAuditChainKey } from "./chain-key";

describe("audit chain key", () => {
  it("is required in production", () => {
    expect(() => auditChainKeyFromConfig({ nodeEnv: "production" }, () => {})).toThrow(/^AUDIT_CHAIN_KEY is not set/);
  });

  it("falls back to the public development key elsewhere, and says so", () => {
    const warnings: string[] = [];
    const key = auditChainKeyFromConfig({ nodeEnv: "development" }, (message) => warnings.push(message));
    expect(key).toEqual(auditChainKeyFromConfig({ nodeEnv: "test" }, () => {})); // every process computes the same chain
    expect(warnings).toEqual([expect.stringMatching(/not protected/)]);
  });

  it("accepts 32 random bytes in base64 and refuses anything else without echoing it", () => {
    const value = generateAuditChainKeyValue();
    expect(auditChainKeyFromConfig({ key: value, nodeEnv: "production" }, () => {})).toHaveLength(32);
    for (const bad of ["short", Buffer.alloc(31).toString("base64"), "not base64 at all!!"]) {
      expect(() => parseAuditChainKey(bad)).toThrow(/^AUDIT_CHAIN_KEY must be 32 random bytes/);
      try {
        parseAuditChainKey(bad);
      } catch (error) {
        expect((error as Error).message).not.toContain(bad);
      }
    }
  });

  it("derives a separate checkpoint-signing key", () => {
    const key = parseAuditChainKey(generateAuditChainKeyValue());
    expect(checkpointKey(key)).toHaveLength(32);
    expect(checkpointKey(key).equals(key)).toBe(false);
  });
});
